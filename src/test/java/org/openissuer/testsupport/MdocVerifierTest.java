package org.openissuer.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.openissuer.testsupport.MdocVerifier.Tagged;
import org.openissuer.testsupport.MdocVerifier.Verified;

/**
 * The test verifier against the standard: ISO/IEC 18013-5:2021 Annex D.4.1.2, the example
 * DeviceResponse (hex as carried in the test vectors of the OpenWallet Foundation's multipaz,
 * TestVectors.ISO_18013_5_ANNEX_D_DEVICE_RESPONSE). If MdocVerifier accepts this and refuses
 * it altered, its Sig_structure, digests and tags are the standard's, not merely our issuer's.
 */
class MdocVerifierTest {

    @Test
    void verifiesTheIssuerSignedOfIso18013Part5AnnexD() throws IOException {
        Verified verified = annexD(deviceResponse());

        assertEquals("org.iso.18013.5.1.mDL", verified.docType());
        Map<String, Object> mdl = verified.elements().get("org.iso.18013.5.1");
        assertEquals("Doe", mdl.get("family_name"));
        assertEquals(new Tagged(1004, "2019-10-20"), mdl.get("issue_date"));
        assertEquals(new Tagged(1004, "2024-10-20"), mdl.get("expiry_date"));
        assertEquals("123456789", mdl.get("document_number"));
        assertEquals(6, verified.items().get("org.iso.18013.5.1").size());
        // the MSO signs 13 digests for the namespace and one more namespace: only 6 items were disclosed
        assertEquals(13, verified.valueDigests().get("org.iso.18013.5.1").size());
        assertEquals(Instant.parse("2020-10-01T13:30:02Z"), verified.signed());
        assertEquals(Instant.parse("2021-10-01T13:30:02Z"), verified.validUntil());
        assertFalse(verified.x5chainIsArray());
        assertEquals("C=US,CN=utopia ds", verified.x5chain().get(0).getSubjectX500Principal().getName());
    }

    @Test
    void refusesAnnexDWithOneByteOfAnElementValueChanged() throws IOException {
        byte[] response = deviceResponse();
        // family_name "Doe" (63 446f65) becomes "Dod"
        int at = indexOf(response, HexFormat.of().parseHex("63446f65"));
        response[at + 3] = 'd';
        AssertionError error = assertThrows(AssertionError.class, () -> annexD(response));
        assertTrue(error.getMessage().contains("MSO digest"), error.getMessage());
    }

    @Test
    void refusesAnnexDWithTheSignatureChanged() throws IOException {
        byte[] response = deviceResponse();
        // the signature's first byte (5840 59e64205...)
        int at = indexOf(response, HexFormat.of().parseHex("584059e64205"));
        response[at + 2] ^= 1;
        AssertionError error = assertThrows(AssertionError.class, () -> annexD(response));
        assertTrue(error.getMessage().contains("signature"), error.getMessage());
    }

    private static Verified annexD(byte[] response) {
        Map<String, Object> document = MdocVerifier.map(
                MdocVerifier.list(MdocVerifier.map(MdocVerifier.decode(response)).get("documents")).get(0));
        return MdocVerifier.verifyIssuerSigned(response, MdocVerifier.map(document.get("issuerSigned")), null);
    }

    private static byte[] deviceResponse() throws IOException {
        try (InputStream in = MdocVerifierTest.class.getResourceAsStream("/mdoc/iso-18013-5-annex-d-device-response.hex")) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
