package org.openissuer.deferred.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.Test;

import org.openissuer.credential.entity.BoundKey;
import org.openissuer.testsupport.TestKeys;

class DeferredRowsTest {

    @Test
    void holderKeysRoundTripAsPublicKeys() throws Exception {
        ECKey one = TestKeys.p256WithoutKid();
        ECKey two = TestKeys.p256WithoutKid();
        List<BoundKey> keys = List.of(new BoundKey(one.toPublicJWK(), one.computeThumbprint().toString()),
                new BoundKey(two.toPublicJWK(), two.computeThumbprint().toString()));

        String json = DeferredRows.holderKeys(keys);

        assertFalse(json.contains("\"d\""), "never a private member");
        assertEquals(keys, DeferredRows.holders(json));
    }

    @Test
    void anAbsentValueIsTheLiteralNullAndATimestampIsCast() {
        String sql = NativeInsert.into("t").value("a", "x").value("b", null)
                .value("c", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)).sql();

        assertEquals("INSERT INTO t (a, b, c) VALUES (?1, NULL, CAST(?2 AS timestamptz))", sql);
    }

    @Test
    void transactionIdsAreUnguessableAndStoredHashed() {
        String secret = TransactionIds.newSecret();
        assertEquals(43, secret.length());
        assertFalse(secret.equals(TransactionIds.newSecret()));
        assertEquals(43, TransactionIds.sha256(secret).length());
        assertFalse(secret.equals(TransactionIds.sha256(secret)));
    }
}
