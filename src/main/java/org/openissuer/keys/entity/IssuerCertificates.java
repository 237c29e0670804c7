package org.openissuer.keys.entity;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.util.Base64;

/**
 * The certificates of the active credential signing key: the chain from its certificate (first)
 * up to, not including, the trust anchor (HAIP 1.0 §6.1.1, ISO/IEC 18013-5 §9.3.3: verifiers
 * bring the anchor themselves), and the anchor to publish, if known.
 *
 * @param generated true for the development IACA root and document signer made by the issuer itself
 */
public record IssuerCertificates(List<X509Certificate> chain, Optional<X509Certificate> trustAnchor, boolean generated) {

    public IssuerCertificates {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain has at least the signing key's certificate");
        }
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /**
     * RFC 7515 §4.1.6 x5c of the credentials: the configured chain, base64 DER, leaf first; none for a
     * generated chain, whose root no verifier trusts (they find the key in the issuer's metadata).
     */
    public List<Base64> x5c() {
        if (generated) {
            return List.of();
        }
        return chain.stream().map(c -> {
            try {
                return Base64.encode(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a parsed certificate cannot be encoded again", e);
            }
        }).toList();
    }
}
