package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openissuer.keys.entity.IssuerCertificates;
import org.openissuer.testsupport.TestKeys;

/** The development IACA root and document signer, against ISO/IEC 18013-5:2021 Annex B. */
class DevelopmentCertificatesTest {

    private static final String ISSUER = "https://issuer.example.com";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final String SUBJECT_KEY_ID = "2.5.29.14";
    private static final String ISSUER_ALT_NAME = "2.5.29.18";

    @TempDir
    Path data;

    private final ECKey active = TestKeys.p256("signing-1");

    @Test
    void theRootIsAnIacaOfAnnexB12() throws Exception {
        X509Certificate root = load(active, Instant.now()).trustAnchor().orElseThrow();

        assertEquals(0, root.getBasicConstraints(), "CA with pathLenConstraint 0");
        assertTrue(root.getCriticalExtensionOIDs().contains(BASIC_CONSTRAINTS));
        boolean[] usage = root.getKeyUsage();
        assertTrue(usage[5] && usage[6], "keyCertSign and cRLSign");
        assertFalse(usage[0], "no digitalSignature");
        assertTrue(root.getCriticalExtensionOIDs().contains(KEY_USAGE));
        assertEquals("ZZ", country(root.getSubjectX500Principal().getName()));
        assertEquals("ZZ", country(root.getIssuerX500Principal().getName()));
        assertTrue(root.getIssuerAlternativeNames().contains(List.of(6, ISSUER)));
        assertNotNull(root.getExtensionValue(SUBJECT_KEY_ID));
        assertFalse(root.getCriticalExtensionOIDs().contains(ISSUER_ALT_NAME));
        assertTrue(validity(root).compareTo(Duration.ofDays(20 * 365 + 5)) <= 0, "at most 20 years");
        root.verify(root.getPublicKey());
    }

    @Test
    void theDocumentSignerFollowsAnnexB14() throws Exception {
        IssuerCertificates certificates = load(active, Instant.now());
        X509Certificate root = certificates.trustAnchor().orElseThrow();
        X509Certificate signer = certificates.leaf();

        assertEquals(List.of(signer), certificates.chain());
        assertTrue(certificates.generated());
        assertEquals(-1, signer.getBasicConstraints());
        boolean[] usage = signer.getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        for (int i = 1; i < usage.length; i++) {
            assertFalse(usage[i], "only digitalSignature, bit " + i);
        }
        assertTrue(signer.getCriticalExtensionOIDs().contains(KEY_USAGE));
        assertEquals(List.of(DevelopmentCertificates.MDL_DS_EKU), signer.getExtendedKeyUsage());
        assertEquals("1.0.18013.5.1.2", DevelopmentCertificates.MDL_DS_EKU);
        assertTrue(signer.getCriticalExtensionOIDs().contains(EXTENDED_KEY_USAGE));
        assertNotNull(signer.getExtensionValue(AUTHORITY_KEY_ID));
        assertNotNull(signer.getExtensionValue(SUBJECT_KEY_ID));
        // the authority key identifier is the root's subject key identifier (same OCTET STRING inside)
        byte[] ski = root.getExtensionValue(SUBJECT_KEY_ID);
        byte[] aki = signer.getExtensionValue(AUTHORITY_KEY_ID);
        byte[] rootKeyId = java.util.Arrays.copyOfRange(ski, ski.length - 20, ski.length);
        byte[] signerAuthorityId = java.util.Arrays.copyOfRange(aki, aki.length - 20, aki.length);
        assertArrayEquals(rootKeyId, signerAuthorityId);
        assertTrue(signer.getSubjectAlternativeNames().contains(List.of(6, ISSUER)));
        assertEquals(country(root.getSubjectX500Principal().getName()), country(signer.getSubjectX500Principal().getName()));
        assertEquals(root.getSubjectX500Principal(), signer.getIssuerX500Principal());
        assertTrue(validity(signer).compareTo(Duration.ofDays(457)) <= 0, "at most 457 days");
        assertTrue(ChainValidation.sameKey(signer.getPublicKey(), active));
        signer.verify(root.getPublicKey());
    }

    @Test
    void keepsRootKeyAndCertificatesOwnerOnly() throws Exception {
        load(active, Instant.now());
        for (String file : List.of(DevelopmentCertificates.ROOT_KEY_FILE, DevelopmentCertificates.ROOT_FILE,
                DevelopmentCertificates.DOCUMENT_SIGNER_FILE)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))), file);
        }
    }

    @Test
    void reusesBothCertificatesOnTheNextStart() {
        IssuerCertificates first = load(active, Instant.now());
        IssuerCertificates second = load(active, Instant.now());

        assertEquals(first.chain(), second.chain());
        assertEquals(first.trustAnchor(), second.trustAnchor());
    }

    @Test
    void certifiesANewSigningKeyWithTheSameRoot() {
        IssuerCertificates first = load(active, Instant.now());
        ECKey rotated = TestKeys.p256("signing-2");
        IssuerCertificates second = load(rotated, Instant.now());

        assertEquals(first.trustAnchor(), second.trustAnchor());
        assertNotEquals(first.leaf(), second.leaf());
        assertTrue(ChainValidation.sameKey(second.leaf().getPublicKey(), rotated));
    }

    @Test
    void renewsTheDocumentSignerWithinThirtyDaysOfItsEnd() {
        IssuerCertificates first = load(active, Instant.now());
        Instant late = first.leaf().getNotAfter().toInstant().minus(Duration.ofDays(29));
        IssuerCertificates renewed = load(active, late);

        assertEquals(first.trustAnchor(), renewed.trustAnchor());
        assertNotEquals(first.leaf(), renewed.leaf());
        assertTrue(renewed.leaf().getNotAfter().toInstant().isAfter(late.plus(Duration.ofDays(300))));
    }

    @Test
    void reissuesBothCertificatesForANewIssuerIdentifierWithTheSameRootKey() throws Exception {
        IssuerCertificates first = load(active, Instant.now());
        IssuerCertificates moved = CertificateChainLoader.load(new CertificateChainLoader.Sources(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), active, "https://other.example.com", data, Instant.now());

        X509Certificate root = moved.trustAnchor().orElseThrow();
        assertNotEquals(first.trustAnchor().orElseThrow(), root);
        assertEquals(first.trustAnchor().orElseThrow().getPublicKey(), root.getPublicKey());
        assertTrue(root.getIssuerAlternativeNames().contains(List.of(6, "https://other.example.com")));
        assertTrue(moved.leaf().getSubjectAlternativeNames().contains(List.of(6, "https://other.example.com")));
        moved.leaf().verify(root.getPublicKey());
    }

    @Test
    void aGeneratedChainGoesIntoNoCredential() {
        assertEquals(List.of(), load(active, Instant.now()).x5c());
    }

    private IssuerCertificates load(ECKey key, Instant now) {
        return CertificateChainLoader.load(new CertificateChainLoader.Sources(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), key, ISSUER, data, now);
    }

    private static Duration validity(X509Certificate c) {
        return Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
    }

    private static String country(String dn) throws Exception {
        for (Rdn rdn : new LdapName(dn).getRdns()) {
            if (rdn.getType().equalsIgnoreCase("C")) {
                return rdn.getValue().toString();
            }
        }
        return null;
    }
}
