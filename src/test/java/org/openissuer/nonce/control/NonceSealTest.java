package org.openissuer.nonce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class NonceSealTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant EXPIRY = T0.plusSeconds(300);
    private static final NonceSeal SEAL = new NonceSeal(NonceSeal.secretFrom(bytes("shared key")));

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean valid(String value) {
        return SEAL.open(value, T0).isPresent();
    }

    private static String encode(byte[] sealed) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    private static byte[] decode(String value) {
        return Base64.getUrlDecoder().decode(value);
    }

    @Test
    void opensWhatItSealedWithItsExpiry() {
        String value = SEAL.seal(EXPIRY);

        NonceSeal.Opened opened = SEAL.open(value, T0).orElseThrow();
        assertEquals(EXPIRY, opened.expiresAt());
        assertEquals(43, opened.consumptionKey().length());
    }

    @Test
    void valueIs76CharactersOfBase64urlWith128RandomBits() {
        String value = SEAL.seal(EXPIRY);

        assertTrue(value.matches("[A-Za-z0-9_-]{76}"), value);
        assertEquals(57, decode(value).length);
        assertEquals(NonceSeal.VERSION, decode(value)[0]);
        assertTrue(NonceSeal.RANDOM_BYTES >= 16);
    }

    @Test
    void tenThousandNoncesAreDistinctAndHaveDistinctConsumptionKeys() {
        Set<String> values = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String value = SEAL.seal(EXPIRY);
            assertTrue(values.add(value), "repeated nonce " + value);
            assertTrue(keys.add(SEAL.open(value, T0).orElseThrow().consumptionKey()));
        }
    }

    @Test
    void anotherInstanceWithTheSameKeyMaterialOpensIt() {
        NonceSeal other = new NonceSeal(NonceSeal.secretFrom(bytes("shared key")));

        assertEquals(SEAL.open(SEAL.seal(EXPIRY), T0).map(NonceSeal.Opened::expiresAt),
                other.open(SEAL.seal(EXPIRY), T0).map(NonceSeal.Opened::expiresAt));
    }

    @Test
    void refusesANonceSealedUnderAnotherSecret() {
        NonceSeal rotated = new NonceSeal(NonceSeal.secretFrom(bytes("rotated key")));

        assertFalse(valid(rotated.seal(EXPIRY)));
        assertFalse(rotated.open(SEAL.seal(EXPIRY), T0).isPresent());
    }

    @Test
    void secretDiffersFromTheKeyMaterialAndFromTheDPoPNonceSecret() {
        byte[] material = bytes("shared key");
        assertFalse(java.util.Arrays.equals(material, NonceSeal.secretFrom(material)));
        assertFalse(java.util.Arrays.equals(org.openissuer.dpop.control.DPoPNonces.secretFrom(material),
                NonceSeal.secretFrom(material)));
    }

    @Test
    void refusesAnExpiredNonceFromItsExpiryOn() {
        String value = SEAL.seal(EXPIRY);

        assertTrue(SEAL.open(value, EXPIRY.minusSeconds(1)).isPresent());
        assertFalse(SEAL.open(value, EXPIRY).isPresent());
        assertFalse(SEAL.open(value, EXPIRY.plusSeconds(3600)).isPresent());
    }

    @Test
    void refusesAnExpiryMovedLaterWithoutTheSecret() {
        byte[] sealed = decode(SEAL.seal(T0.minusSeconds(1)));
        // the last byte of the expiry: one second further becomes a day further
        sealed[1 + NonceSeal.RANDOM_BYTES + 5] += 1;

        assertFalse(valid(encode(sealed)));
    }

    @Test
    void refusesEveryFlippedBit() {
        byte[] sealed = decode(SEAL.seal(EXPIRY));
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] flipped = sealed.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(valid(encode(flipped)), "bit " + bit);
        }
    }

    @Test
    void refusesAForgedTag() {
        byte[] sealed = decode(SEAL.seal(EXPIRY));
        for (int i = 1 + NonceSeal.RANDOM_BYTES + Long.BYTES; i < sealed.length; i++) {
            sealed[i] = 0;
        }

        assertFalse(valid(encode(sealed)));
    }

    @Test
    void refusesAnotherVersionEvenWithAValidTag() throws Exception {
        byte[] sealed = decode(SEAL.seal(EXPIRY));
        sealed[0] = 2;
        // re-tagged with the secret itself: only the version check is left to refuse it
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(NonceSeal.secretFrom(bytes("shared key")), "HmacSHA256"));
        mac.update(sealed, 0, 1 + NonceSeal.RANDOM_BYTES + Long.BYTES);
        System.arraycopy(mac.doFinal(), 0, sealed, 1 + NonceSeal.RANDOM_BYTES + Long.BYTES, NonceSeal.TAG_BYTES);

        assertFalse(valid(encode(sealed)));
    }

    @Test
    void refusesTruncatedAndExtendedValues() {
        String value = SEAL.seal(EXPIRY);

        assertFalse(valid(value.substring(0, 75)));
        assertFalse(valid(value.substring(0, 72)));
        assertFalse(valid(value + "A"));
        assertFalse(valid(value + "AAAA"));
        assertFalse(valid(""));
    }

    @Test
    void refusesOtherSpellingsOfAValidNonce() {
        String value = SEAL.seal(EXPIRY);

        assertFalse(valid(value + "="), "padding");
        assertFalse(valid(" " + value.substring(1)), "white space");
        assertFalse(valid(value.substring(0, 75) + "\n"), "line break");
        String standardAlphabet = encode(decode(value)).replace('-', '+').replace('_', '/');
        if (!standardAlphabet.equals(value)) {
            assertFalse(valid(standardAlphabet), "standard base64 alphabet");
        }
    }

    @Test
    void refusesGarbageAndHugeInputWithoutThrowing() {
        assertFalse(valid(null));
        assertFalse(valid("never-issued"));
        assertFalse(valid("%".repeat(76)));
        assertFalse(valid("é".repeat(76)));
        assertFalse(valid("A".repeat(76)));
        assertFalse(valid("A".repeat(1_000_000)));
        String value = SEAL.seal(EXPIRY);
        assertNotEquals(value, value.toUpperCase());
        assertFalse(valid(value.toUpperCase()));
    }
}
