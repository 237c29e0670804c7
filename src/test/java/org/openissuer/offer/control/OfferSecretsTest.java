package org.openissuer.offer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OfferSecretsTest {

    @Test
    void makesIdsOf128AndReferencesOf256RandomBits() {
        assertEquals(16, Base64.getUrlDecoder().decode(OfferSecrets.newId()).length);
        assertEquals(32, Base64.getUrlDecoder().decode(OfferSecrets.newReference()).length);
        assertNotEquals(OfferSecrets.newReference(), OfferSecrets.newReference());
    }

    @Test
    void derivesTheSameCodeFromTheSameReferenceAndNoOtherWay() {
        String reference = OfferSecrets.newReference();
        assertEquals(OfferSecrets.codeFor(reference), OfferSecrets.codeFor(reference));
        assertNotEquals(OfferSecrets.codeFor(reference), OfferSecrets.codeFor(OfferSecrets.newReference()));
        assertNotEquals(reference, OfferSecrets.codeFor(reference));
        assertEquals(32, Base64.getUrlDecoder().decode(OfferSecrets.codeFor(reference)).length);
    }

    @Test
    void hashesWithSha256AsBase64url() {
        // SHA-256("abc"), RFC 6234 test vector
        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", OfferSecrets.sha256("abc"));
    }

    @Test
    void makesNumericTxCodesOfTheRequestedLength() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String code = OfferSecrets.newTxCode(8);
            assertTrue(code.matches("[0-9]{8}"), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 40, "tx codes repeat: not random");
    }

    @Test
    void storesATxCodeAsASaltedHashThatMatchesOnlyTheCode() {
        String first = OfferSecrets.hashTxCode("493817");
        String second = OfferSecrets.hashTxCode("493817");
        assertNotEquals(first, second, "salted: the same code hashes differently");
        assertFalse(first.contains("493817"));
        assertTrue(first.startsWith("pbkdf2-sha256$" + OfferSecrets.TX_CODE_ITERATIONS + "$"));
        assertTrue(OfferSecrets.txCodeMatches("493817", first));
        assertTrue(OfferSecrets.txCodeMatches("493817", second));
        assertFalse(OfferSecrets.txCodeMatches("493818", first));
        assertFalse(OfferSecrets.txCodeMatches("", first));
    }

    @Test
    void matchesNothingAgainstAMalformedStoredHash() {
        assertFalse(OfferSecrets.txCodeMatches("1234", "1234"));
        assertFalse(OfferSecrets.txCodeMatches("1234", "pbkdf2-sha256$x$y$z"));
        assertFalse(OfferSecrets.txCodeMatches("1234", "md5$1$AA$AA"));
    }
}
