package org.openissuer.mdoc.control;

import java.util.Map;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.upokecenter.cbor.CBORObject;

/** A holder's JWK as the COSE_Key of the MSO's deviceKeyInfo (RFC 9052 §7, RFC 9053 §7.1 and §7.2). */
final class CoseKeys {

    private static final int KTY = 1;
    private static final int KTY_OKP = 1;
    private static final int KTY_EC2 = 2;
    private static final int CRV = -1;
    private static final int X = -2;
    private static final int Y = -3;
    // RFC 9053 table 18: the curve and its coordinate length in bytes
    private static final Map<Curve, int[]> EC2_CURVES = Map.of(
            Curve.P_256, new int[] {1, 32},
            Curve.P_384, new int[] {2, 48},
            Curve.P_521, new int[] {3, 66});
    private static final int CRV_ED25519 = 6;

    private CoseKeys() {
    }

    /** @throws IllegalArgumentException for a key that is neither EC2 on a NIST curve nor OKP Ed25519 */
    static CBORObject of(JWK jwk) {
        CBORObject key = CBORObject.NewMap();
        if (jwk instanceof ECKey ec && EC2_CURVES.containsKey(ec.getCurve())) {
            int[] curve = EC2_CURVES.get(ec.getCurve());
            key.Add(KTY, KTY_EC2);
            key.Add(CRV, curve[0]);
            // RFC 9053 §7.1.1: leading zero octets MUST be preserved
            key.Add(X, fixedLength(ec.getX().decode(), curve[1]));
            key.Add(Y, fixedLength(ec.getY().decode(), curve[1]));
            return key;
        }
        if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            byte[] x = okp.getDecodedX();
            if (x.length != 32) {
                throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
            }
            key.Add(KTY, KTY_OKP);
            key.Add(CRV, CRV_ED25519);
            key.Add(X, x);
            return key;
        }
        throw new IllegalArgumentException("the holder key must be EC P-256, P-384, P-521 or OKP Ed25519");
    }

    private static byte[] fixedLength(byte[] coordinate, int length) {
        int start = 0;
        while (coordinate.length - start > length && coordinate[start] == 0) {
            start++;
        }
        if (coordinate.length - start > length) {
            throw new IllegalArgumentException("an EC coordinate is longer than its curve allows");
        }
        byte[] fixed = new byte[length];
        System.arraycopy(coordinate, start, fixed, length - (coordinate.length - start), coordinate.length - start);
        return fixed;
    }
}
