package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;

import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.TestKeys;

class SigningKeysTest {

    @Test
    void publicJwksHoldsThePublicHalfOfEveryKey() {
        ECKey active = TestKeys.p256("active");
        ECKey retired = TestKeys.p256("retired");

        SigningKeys keys = new SigningKeys(active, List.of(active, retired));

        assertEquals(List.of(active.toPublicJWK(), retired.toPublicJWK()), keys.publicJwks().getKeys());
        keys.publicJwks().getKeys().forEach(k -> assertFalse(k.isPrivate(), k.getKeyID()));
        assertFalse(keys.publicJwks().toString(false).contains("\"d\""));
    }

    @Test
    void activeKidIsTheActiveKeysKid() {
        ECKey active = TestKeys.p256("active");

        assertEquals("active", new SigningKeys(active, List.of(active)).activeKid());
    }

    @Test
    void keepsItsOwnCopyOfTheKeyList() {
        ECKey active = TestKeys.p256("active");
        List<ECKey> configured = new ArrayList<>(List.of(active));
        SigningKeys keys = new SigningKeys(active, configured);

        configured.add(TestKeys.p256("late"));

        assertEquals(List.of("active"), keys.all().stream().map(JWK::getKeyID).toList());
        assertThrows(UnsupportedOperationException.class, () -> keys.all().add(TestKeys.p256("x")));
    }
}
