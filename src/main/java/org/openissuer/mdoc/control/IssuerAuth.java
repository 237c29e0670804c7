package org.openissuer.mdoc.control;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.upokecenter.cbor.CBORObject;

import org.openissuer.keys.control.JwsCrypto;

/**
 * The issuerAuth of an mdoc (ISO 18013-5 §9.1.2.4): a COSE_Sign1 (RFC 9052 §4.2), ES256 in the
 * protected header, the document signer certificate chain in the unprotected x5chain header
 * (RFC 9360 §2). Untagged, as in the ISO examples (Annex D). The structure is written with the CBOR
 * library and signed by the BouncyCastle signer SD-JWT VCs use (keys/control/JwsCrypto): cose-java,
 * tried first, signs with the JDK's ECDSA, and a whole mDL then took 936 µs instead of 213 µs
 * (MdocIssueBench, 85 % of it in the JDK's P-256 arithmetic). Thread-safe, as Nimbus's ECDSASigner is.
 */
final class IssuerAuth {

    // RFC 9052 §3.1 and RFC 9053 §2.1: {1: -7}, alg ES256, as the protected header's bstr
    private static final byte[] PROTECTED = CBORObject.NewMap().Add(1, -7).EncodeToBytes();
    // RFC 9360 §2: x5chain
    private static final int X5CHAIN = 33;
    // only the algorithm of this header matters: the signer signs the bytes it is given, as r||s (RFC 9053 §2.1)
    private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);

    private final ECDSASigner signer;
    private final CBORObject x5chain;

    IssuerAuth(ECKey signingKey, List<X509Certificate> chain) {
        if (!Curve.P_256.equals(signingKey.getCurve()) || !signingKey.isPrivate()) {
            throw new IllegalArgumentException("the mdoc signing key must be a private P-256 key (ES256)");
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the x5chain needs at least the document signer certificate");
        }
        try {
            ECPublicKey publicKey = signingKey.toECPublicKey();
            if (!(chain.get(0).getPublicKey() instanceof ECPublicKey leaf) || !leaf.getW().equals(publicKey.getW())) {
                throw new IllegalArgumentException("the first x5chain certificate must be the signing key's");
            }
            // the key on BouncyCastle's named curve, so its precomputed tables serve every signature
            this.signer = JwsCrypto.signer(signingKey);
            this.x5chain = x5chain(chain);
        } catch (JOSEException | CertificateEncodingException e) {
            throw new IllegalArgumentException("unusable mdoc signing key or certificate: " + e.getMessage(), e);
        }
    }

    /** COSE_Sign1 = [protected {1: -7}, unprotected {33: x5chain}, payload, signature (r||s)]. */
    CBORObject sign(byte[] payload) {
        // RFC 9052 §4.4: Sig_structure = ["Signature1", body_protected, external_aad (empty), payload]
        byte[] toBeSigned = CBORObject.NewArray().Add("Signature1").Add(PROTECTED).Add(new byte[0]).Add(payload)
                .EncodeToBytes();
        byte[] signature;
        try {
            signature = signer.sign(ES256, toBeSigned).decode();
        } catch (JOSEException e) {
            throw new IllegalStateException("signing the mdoc failed", e);
        }
        return CBORObject.NewArray().Add(PROTECTED).Add(CBORObject.NewMap().Add(X5CHAIN, x5chain)).Add(payload)
                .Add(signature);
    }

    /** RFC 9360 §2: one certificate as a bstr, several as an array of bstr, leaf first. */
    private static CBORObject x5chain(List<X509Certificate> chain) throws CertificateEncodingException {
        if (chain.size() == 1) {
            return CBORObject.FromObject(chain.get(0).getEncoded());
        }
        CBORObject array = CBORObject.NewArray();
        for (X509Certificate certificate : chain) {
            array.Add(CBORObject.FromObject(certificate.getEncoded()));
        }
        return array;
    }
}
