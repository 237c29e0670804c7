package org.openissuer.mdoc.control;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.upokecenter.cbor.CBORObject;

import COSE.AlgorithmID;
import COSE.Attribute;
import COSE.CoseException;
import COSE.HeaderKeys;
import COSE.OneKey;
import COSE.Sign1Message;

/**
 * The issuerAuth of an mdoc (ISO 18013-5 §9.1.2.4): a COSE_Sign1 (RFC 9052 §4.2) made with
 * cose-java, ES256 in the protected header, the document signer certificate chain in the
 * unprotected x5chain header (RFC 9360 §2). Untagged, as in the ISO examples (Annex D).
 * Thread-safe: the key is only read while signing, each signature has its own message.
 */
final class IssuerAuth {

    // RFC 9360 §2: x5chain
    private static final CBORObject X5CHAIN = CBORObject.FromObject(33);

    private final OneKey key;
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
            this.key = new OneKey(publicKey, signingKey.toECPrivateKey());
            this.x5chain = x5chain(chain);
        } catch (JOSEException | CoseException | CertificateEncodingException e) {
            throw new IllegalArgumentException("unusable mdoc signing key or certificate: " + e.getMessage(), e);
        }
    }

    /** COSE_Sign1 = [protected {1: -7}, unprotected {33: x5chain}, payload, signature (r||s)]. */
    CBORObject sign(byte[] payload) {
        try {
            Sign1Message message = new Sign1Message(false);
            message.addAttribute(HeaderKeys.Algorithm, AlgorithmID.ECDSA_256.AsCBOR(), Attribute.PROTECTED);
            message.addAttribute(X5CHAIN, x5chain, Attribute.UNPROTECTED);
            message.SetContent(payload);
            message.sign(key);
            return message.EncodeToCBORObject();
        } catch (CoseException e) {
            throw new IllegalStateException("signing the mdoc failed", e);
        }
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
