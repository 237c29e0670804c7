package org.openissuer.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.status.entity.ServedList;
import org.openissuer.status.entity.StatusListBits;
import org.openissuer.testsupport.HandClock;
import org.openissuer.testsupport.TestKeys;

/** The per-instance cache: one database read per refresh interval, a rebuild only on change or near exp. */
class StatusListTokensTest {

    private static final ECKey KEY = TestKeys.p256("credential-2026");

    static final class Lists extends StatusListStore {
        long version = 1;
        int reads;
        int rebuilds;
        final List<int[]> set = new ArrayList<>();

        @Override
        public Optional<long[]> versionAndSize(int listId) {
            reads++;
            return listId == 1 ? Optional.of(new long[] {version, 1024}) : Optional.empty();
        }

        @Override
        public List<int[]> setEntries(int listId) {
            rebuilds++;
            return List.copyOf(set);
        }
    }

    private final HandClock clock = new HandClock();
    private final Lists lists = new Lists();
    private final StatusListTokens tokens = new StatusListTokens(lists, new StatusSettings(1024, 300, 3600, 5),
            new IssuerSettings() {
                @Override
                public IssuerIdentifier identifier() {
                    return new IssuerIdentifier("https://issuer.example", "");
                }
            }, new IssuerKeys() {
                @Override
                public SigningKeys signingKeys() {
                    return new SigningKeys(KEY, List.of(KEY));
                }
            }, clock);

    @Test
    void signsATokenOfTheDraftsShapeWithTheCredentialKey() throws Exception {
        lists.set.add(new int[] {5, 1});
        lists.set.add(new int[] {9, 2});
        SignedJWT jwt = SignedJWT.parse(tokens.current(1).orElseThrow().jwt());
        assertTrue(jwt.verify(new ECDSAVerifier(KEY.toECPublicKey())));
        assertEquals("statuslist+jwt", jwt.getHeader().getType().getType());
        assertEquals("credential-2026", jwt.getHeader().getKeyID());
        Map<String, Object> claims = jwt.getJWTClaimsSet().toJSONObject();
        assertEquals("https://issuer.example/status-lists/1", claims.get("sub"));
        assertEquals(300L, ((Number) claims.get("ttl")).longValue());
        assertEquals(3600L, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> list = (Map<String, Object>) claims.get("status_list");
        assertEquals(2L, ((Number) list.get("bits")).longValue());
        StatusListBits bits = StatusListBits.decode(2, (String) list.get("lst"));
        assertEquals(1024, bits.size());
        assertEquals(1, bits.get(5));
        assertEquals(2, bits.get(9));
        assertEquals(0, bits.get(6));
    }

    @Test
    void readsTheDatabaseOncePerRefreshIntervalAndRebuildsOnlyOnChange() {
        ServedList first = tokens.current(1).orElseThrow();
        for (int i = 0; i < 100; i++) {
            assertSame(first, tokens.current(1).orElseThrow());
        }
        assertEquals(1, lists.reads);
        clock.advance(Duration.ofSeconds(6));
        assertEquals(first.jwt(), tokens.current(1).orElseThrow().jwt());
        assertEquals(2, lists.reads);
        assertEquals(1, lists.rebuilds);

        lists.version = 2;
        lists.set.add(new int[] {3, 1});
        assertSame(first.jwt(), tokens.current(1).orElseThrow().jwt(), "a change shows only after the refresh interval");
        clock.advance(Duration.ofSeconds(6));
        ServedList changed = tokens.current(1).orElseThrow();
        assertNotSame(first.jwt(), changed.jwt());
        assertEquals(2, lists.rebuilds);
        assertTrue(!changed.etag().equals(first.etag()));
    }

    @Test
    void renewsATokenHalfwayToItsExpEvenWithoutChange() {
        ServedList first = tokens.current(1).orElseThrow();
        clock.advance(Duration.ofSeconds(1801));
        ServedList renewed = tokens.current(1).orElseThrow();
        assertEquals(2, lists.rebuilds);
        assertTrue(renewed.expiresAt().isAfter(first.expiresAt()));
    }

    @Test
    void remembersUnknownListsForARefreshInterval() {
        assertTrue(tokens.current(7).isEmpty());
        assertTrue(tokens.current(7).isEmpty());
        assertEquals(1, lists.reads);
        clock.advance(Duration.ofSeconds(6));
        assertTrue(tokens.current(7).isEmpty());
        assertEquals(2, lists.reads);
    }
}
