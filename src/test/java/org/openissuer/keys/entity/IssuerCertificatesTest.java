package org.openissuer.keys.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.openissuer.testsupport.TestCertificates;
import org.openissuer.testsupport.TestCertificates.Issued;
import org.openissuer.testsupport.TestKeys;

class IssuerCertificatesTest {

    private final Issued root = TestCertificates.root("Root");
    private final Issued intermediate = TestCertificates.intermediate(root, "Intermediate");
    private final X509Certificate leaf = TestCertificates.leaf(TestKeys.p256("k")).issuedBy(intermediate).build();

    @Test
    void aConfiguredChainIsTheX5cLeafFirst() throws Exception {
        List<com.nimbusds.jose.util.Base64> x5c = new IssuerCertificates(List.of(leaf, intermediate.certificate()),
                Optional.of(root.certificate()), false).x5c();

        assertEquals(2, x5c.size());
        assertArrayEquals(leaf.getEncoded(), x5c.get(0).decode());
        assertArrayEquals(intermediate.certificate().getEncoded(), x5c.get(1).decode());
    }

    @Test
    void aGeneratedChainHasNoX5c() {
        assertEquals(List.of(), new IssuerCertificates(List.of(leaf), Optional.of(root.certificate()), true).x5c());
    }

    @Test
    void aChainHasALeaf() {
        assertThrows(IllegalArgumentException.class, () -> new IssuerCertificates(List.of(), Optional.empty(), false));
    }
}
