package org.openissuer.nonce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import org.junit.jupiter.api.Test;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.nonce.entity.CNonce;

class NoncesTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** Nonces as at start-up, keyed by this authorization server key, at a fixed time. */
    static Nonces prepared(ECKey authorizationServerKey, Clock clock) {
        IssuerKeys keys = new IssuerKeys() {
            @Override
            public SigningKeys authorizationServerKeys() {
                return new SigningKeys(authorizationServerKey, List.of(authorizationServerKey));
            }
        };
        Nonces nonces = new Nonces(clock, new TestSettings(), keys);
        nonces.prepare();
        return nonces;
    }

    static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void issuesASealedNonceThatExpiresAfterTheLifetime() {
        ECKey key = newKey();
        CNonce nonce = prepared(key, Clock.fixed(T0, ZoneOffset.UTC)).issue();

        assertEquals(T0.plusSeconds(300), nonce.expiresAt());
        assertTrue(nonce.value().matches("[A-Za-z0-9_-]{76}"), nonce.value());
    }

    @Test
    void roundsTheExpiryUpToAWholeSecond() {
        ECKey key = newKey();
        CNonce nonce = prepared(key, Clock.fixed(T0.plusMillis(1), ZoneOffset.UTC)).issue();

        assertEquals(T0.plusSeconds(301), nonce.expiresAt());
        assertEquals(nonce.expiresAt(), new NonceSeal(NonceSeal.secretFrom(key.getD().decode())).open(nonce.value(), T0)
                .orElseThrow().expiresAt(), "the expiry sealed is the one announced");
    }

    @Test
    void anotherInstanceWithTheSameAuthorizationServerKeyOpensItsNonces() {
        ECKey key = newKey();
        String value = prepared(key, Clock.fixed(T0, ZoneOffset.UTC)).issue().value();

        assertTrue(new NonceSeal(NonceSeal.secretFrom(key.getD().decode())).open(value, T0.plusSeconds(10)).isPresent());
    }

    // no EntityManager here: a refusal that reached the database would throw, not return false
    @Test
    void refusesForgedExpiredAndForeignNoncesWithoutTouchingTheDatabase() {
        ECKey key = newKey();
        Nonces issuing = prepared(key, Clock.fixed(T0, ZoneOffset.UTC));
        String value = issuing.issue().value();

        assertFalse(prepared(key, Clock.fixed(T0.plusSeconds(300), ZoneOffset.UTC)).consume(value), "expired");
        assertFalse(prepared(newKey(), Clock.fixed(T0, ZoneOffset.UTC)).consume(value), "another key's nonce");
        assertFalse(issuing.consume("never-issued"));
        assertFalse(issuing.consume(value.substring(0, 75) + (value.endsWith("A") ? "B" : "A")), "forged");
        assertFalse(issuing.consume("A".repeat(100_000)));
    }
}
