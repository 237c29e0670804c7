package org.openissuer.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openissuer.testsupport.KeyFiles;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.testsupport.HandClock;

class AdminKeysTest {

    @TempDir
    Path dir;

    private static List<JWK> select(AdminKeys keys, String kid) {
        return keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
    }

    private Path publish(ECKey... keys) {
        return KeyFiles.text(dir, "idp.jwks", new JWKSet(List.of(keys).stream().map(k -> (JWK) k.toPublicJWK()).toList()).toString());
    }

    @Test
    void loadsKeysFromAFilePathOrFileUrlOnFirstUse() {
        Path file = publish(TestKeys.p256("a"));
        assertEquals(1, select(new AdminKeys(file.toString(), Duration.ofSeconds(60), Clock.systemUTC()), "a").size());
        assertEquals(1, select(new AdminKeys(file.toUri().toString(), Duration.ofSeconds(60), Clock.systemUTC()), "a").size());
    }

    @Test
    void reloadsOnAnUnknownKidAtMostOncePerInterval() {
        HandClock clock = new HandClock();
        publish(TestKeys.p256("old"));
        AdminKeys keys = new AdminKeys(dir.resolve("idp.jwks").toString(), Duration.ofSeconds(60), clock);
        assertEquals(1, select(keys, "old").size());

        publish(TestKeys.p256("old"), TestKeys.p256("rotated"));
        clock.advance(Duration.ofSeconds(10));
        assertTrue(select(keys, "rotated").isEmpty(), "reloaded within the interval");

        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, select(keys, "rotated").size());
    }

    @Test
    void keepsTheKeysItHasWhenTheLocationFails() throws Exception {
        HandClock clock = new HandClock();
        Path file = publish(TestKeys.p256("a"));
        AdminKeys keys = new AdminKeys(file.toString(), Duration.ofSeconds(1), clock);
        assertEquals(1, select(keys, "a").size());
        Files.delete(file);
        clock.advance(Duration.ofSeconds(5));
        assertTrue(select(keys, "b").isEmpty());
        assertEquals(1, select(keys, "a").size());
    }

    @Test
    void findsNoKeyAtAMissingLocation() {
        assertTrue(select(new AdminKeys(dir.resolve("missing.jwks").toString(), Duration.ofSeconds(60), Clock.systemUTC()), "a")
                .isEmpty());
    }
}
