package org.openissuer.keys.control;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.platform.ConfigurationException;

/**
 * The checks a certificate chain of the signing key passes at start, each failure a
 * {@link ConfigurationException} naming the property it came from.
 *
 * @param chainProperty  where the chain came from (the PEM file, or the keystore of the keys)
 * @param anchorProperty where the trust anchor came from
 */
record ChainValidation(String chainProperty, String anchorProperty, Instant now) {

    static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private static final int DIGITAL_SIGNATURE = 0; // RFC 5280 §4.2.1.3
    private static final int SAN_DNS = 2;
    private static final int SAN_URI = 6;
    private static final Logger LOG = Logger.getLogger(ChainValidation.class.getName());

    void validate(List<X509Certificate> chain, Optional<X509Certificate> anchor, ECKey activeKey, String issuerIdentifier) {
        for (int i = 0; i < chain.size(); i++) {
            if (isSelfSigned(chain.get(i))) {
                // HAIP 1.0 §6.1.1, ISO/IEC 18013-5 §9.3.3: the verifier has the anchor; it is not sent
                throw new ConfigurationException(chainProperty, label(chain, i) + " is self-signed, a trust anchor: "
                        + "leave the root out of the chain (leaf first, then intermediates) and configure it as "
                        + anchorProperty + " to publish it");
            }
        }
        if (!sameKey(chain.get(0).getPublicKey(), activeKey)) {
            throw new ConfigurationException(chainProperty, label(chain, 0) + " certifies another public key than the "
                    + "active signing key '" + activeKey.getKeyID() + "': the leaf, first in the chain, must be its certificate");
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!signedBy(chain.get(i), chain.get(i + 1))) {
                throw new ConfigurationException(chainProperty, label(chain, i) + " is not signed by the next one, "
                        + label(chain, i + 1) + ": order the chain leaf first, then each certificate's issuer");
            }
        }
        if (anchor.isPresent() && !signedBy(chain.get(chain.size() - 1), anchor.get())) {
            throw new ConfigurationException(anchorProperty, "the last certificate of the chain, "
                    + label(chain, chain.size() - 1) + ", is not signed by the trust anchor " + subject(anchor.get()));
        }
        for (int i = 0; i < chain.size(); i++) {
            requireCurrent(chain.get(i), chainProperty, label(chain, i));
        }
        anchor.ifPresent(a -> requireCurrent(a, anchorProperty, "the trust anchor " + subject(a)));
        boolean[] usage = chain.get(0).getKeyUsage();
        if (usage == null || usage.length <= DIGITAL_SIGNATURE || !usage[DIGITAL_SIGNATURE]) {
            throw new ConfigurationException(chainProperty, label(chain, 0) + " lacks keyUsage digitalSignature, "
                    + "which a certificate that signs credentials needs (RFC 5280 §4.2.1.3, ISO/IEC 18013-5 Annex B.1.4)");
        }
        warnIfExpiringSoon(chain.get(0));
        warnUnlessNamed(chain.get(0), issuerIdentifier);
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && signedBy(certificate, certificate);
    }

    static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static boolean sameKey(PublicKey certified, ECKey key) {
        try {
            return certified instanceof ECPublicKey ec && key.getCurve().equals(Curve.forECParameterSpec(ec.getParams()))
                    && ec.getW().equals(key.toECPublicKey().getW());
        } catch (JOSEException e) {
            return false;
        }
    }

    private void requireCurrent(X509Certificate certificate, String property, String label) {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new ConfigurationException(property, label + " expired on " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new ConfigurationException(property, label + " is not valid before "
                    + certificate.getNotBefore().toInstant());
        }
    }

    private void warnIfExpiringSoon(X509Certificate leaf) {
        Instant notAfter = leaf.getNotAfter().toInstant();
        if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
            LOG.warning(() -> "The certificate of the credential signing key (" + chainProperty + ") expires on " + notAfter
                    + ": renew it, with the signing key, before then");
        }
    }

    // SD-JWT VC §3.5: a verifier that takes the key from x5c matches iss against the leaf's SAN
    private void warnUnlessNamed(X509Certificate leaf, String issuerIdentifier) {
        String host = URI.create(issuerIdentifier).getHost();
        Collection<List<?>> names;
        try {
            names = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            names = null;
        }
        boolean named = names != null && names.stream().anyMatch(n -> n.size() == 2
                && (n.get(0).equals(SAN_URI) && issuerIdentifier.equals(n.get(1))
                        || n.get(0).equals(SAN_DNS) && host.equalsIgnoreCase(String.valueOf(n.get(1)))));
        if (!named) {
            LOG.warning(() -> "The certificate of the credential signing key (" + chainProperty + ") names neither "
                    + issuerIdentifier + " (subjectAltName URI) nor " + host + " (subjectAltName DNS): verifiers that "
                    + "take the key from x5c may refuse credentials whose iss it does not name");
        }
    }

    private static String label(List<X509Certificate> chain, int index) {
        return "certificate " + (index + 1) + " of " + chain.size() + " (" + subject(chain.get(index)) + ")";
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
