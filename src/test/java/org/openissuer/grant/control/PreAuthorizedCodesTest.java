package org.openissuer.grant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.openissuer.audit.control.Refusals;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.offer.control.OfferSecrets;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.testsupport.SpentLedger;
import org.openissuer.token.control.TokenSettings;
import org.openissuer.token.entity.IssuedToken;
import org.openissuer.token.entity.TokenRequest;

/**
 * The pre-authorized code grant (OID4VCI 1.0 §6.1) over stand-in redemption statements: which
 * refusal a code gets, and which statements (attempt, invalidation, redemption) it reaches.
 * The statements themselves, and their atomicity, are TokenIT's and TokenRaceIT's.
 */
class PreAuthorizedCodesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T12:00:00Z");
    private static final String TX_CODE = "493536";
    private static final String TX_CODE_HASH = OfferSecrets.hashTxCode(TX_CODE);
    private static final int MAX_ATTEMPTS = 3;
    private static final AuditContext CONTEXT = AuditContext.of("req-1", "token", "192.0.2.1");

    private final Redemptions redemptions = new Redemptions();
    private final PreAuthorizedCodes codes = new PreAuthorizedCodes(redemptions, new TokenSettings() {
        @Override
        public int maxTxCodeAttempts() {
            return MAX_ATTEMPTS;
        }
    }, requestAudit());

    /** The offers by code hash, and the statements run against them in order. */
    static final class Redemptions extends OfferRedemptions {
        final Map<String, CredentialOffer> byHash = new HashMap<>();
        final Map<String, Integer> attempts = new HashMap<>();
        final List<String> statements = new ArrayList<>();
        boolean redeemable = true;

        @Override
        public OffsetDateTime now() {
            return NOW;
        }

        @Override
        public Optional<CredentialOffer> byCodeHash(String codeHash) {
            return Optional.ofNullable(byHash.get(codeHash));
        }

        @Override
        public boolean takeTxCodeAttempt(String offerId, int maxAttempts) {
            statements.add("attempt");
            int taken = attempts.merge(offerId, 1, Integer::sum);
            return taken <= maxAttempts;
        }

        @Override
        public boolean invalidateIfExhausted(String offerId, int maxAttempts) {
            statements.add("invalidate");
            return attempts.getOrDefault(offerId, 0) >= maxAttempts;
        }

        @Override
        public Optional<IssuedToken> redeem(CredentialOffer offer, AuditContext context, Optional<String> holderKeyThumbprint) {
            statements.add("redeem " + context.offerId().orElse("?") + " " + holderKeyThumbprint.orElse("bearer"));
            return redeemable ? Optional.of(new IssuedToken("at", "t-1", "Bearer", Duration.ofMinutes(5), List.of()))
                    : Optional.empty();
        }
    }

    private String offer(String id, boolean withTxCode) {
        String code = "code-" + id;
        redemptions.byHash.put(OfferSecrets.sha256(code), CredentialOffer.pending(id, "r-" + id, OfferSecrets.sha256(code),
                "[\"Identity\"]", "erika", "{}", withTxCode ? Optional.of(new CredentialOffer.TxCodeHash(TX_CODE_HASH, 6,
                        Optional.empty())) : Optional.empty(), "back-office", NOW.minusMinutes(1), NOW.plusMinutes(10)));
        return code;
    }

    private IssuerException refused(String code, Optional<String> txCode) {
        return assertThrows(IssuerException.class, () -> codes.exchange(new TokenRequest(code, txCode), Optional.empty()));
    }

    private static void set(CredentialOffer offer, String field, Object value) throws ReflectiveOperationException {
        Field f = CredentialOffer.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(offer, value);
    }

    @Test
    void aPendingCodeIsRedeemedForATokenBoundToTheDPoPKey() {
        String code = offer("o-1", false);

        IssuedToken token = codes.exchange(new TokenRequest(code, Optional.empty()), Optional.of("jkt"));

        assertEquals("at", token.value());
        assertEquals(List.of("redeem o-1 jkt"), redemptions.statements);
    }

    @Test
    void anUnknownCodeIsAnInvalidGrant() {
        assertEquals(IssuerError.INVALID_GRANT, refused("no-such-code", Optional.empty()).error());
        assertTrue(redemptions.statements.isEmpty());
    }

    @Test
    void aCodeThatIsNoLongerPendingIsAnInvalidGrantBeforeItsTxCodeIsLookedAt() throws Exception {
        String code = offer("o-1", true);
        set(redemptions.byHash.get(OfferSecrets.sha256(code)), "revokedAt", NOW.minusSeconds(5));

        IssuerException e = refused(code, Optional.of("000000"));

        // RFC 6749 §5.2: whatever else the request holds
        assertEquals(IssuerError.INVALID_GRANT, e.error());
        assertTrue(e.description().contains("revoked"), e.description());
        assertTrue(redemptions.statements.isEmpty(), "no attempt is taken of a dead code: " + redemptions.statements);
    }

    @Test
    void anExpiredCodeIsAnInvalidGrant() throws Exception {
        String code = offer("o-1", false);
        set(redemptions.byHash.get(OfferSecrets.sha256(code)), "expiresAt", NOW);

        assertEquals(IssuerError.INVALID_GRANT, refused(code, Optional.empty()).error());
    }

    @Test
    void aTxCodeIsRequiredWhereTheOfferHasOneAndRefusedWhereItHasNone() {
        assertEquals(IssuerError.INVALID_REQUEST, refused(offer("o-1", true), Optional.empty()).error());
        assertEquals(IssuerError.INVALID_REQUEST, refused(offer("o-2", false), Optional.of(TX_CODE)).error());
        assertTrue(redemptions.statements.isEmpty());
    }

    @Test
    void aWrongTxCodeTakesAnAttemptAndIsAnInvalidGrant() {
        IssuerException e = refused(offer("o-1", true), Optional.of("000000"));

        assertEquals(IssuerError.INVALID_GRANT, e.error());
        assertEquals("wrong tx_code", e.description());
        assertEquals(List.of("attempt", "invalidate"), redemptions.statements);
    }

    @Test
    void theLastAllowedWrongTxCodeInvalidatesTheCode() {
        String code = offer("o-1", true);
        for (int i = 1; i < MAX_ATTEMPTS; i++) {
            refused(code, Optional.of("000000"));
        }

        IssuerException e = refused(code, Optional.of("000000"));

        // OID4VCI 1.0 §13.6.3
        assertTrue(e.description().contains("invalidated"), e.description());
    }

    @Test
    void theAttemptIsTakenBeforeTheTxCodeIsCompared() {
        String code = offer("o-1", true);
        redemptions.attempts.put("o-1", MAX_ATTEMPTS);

        IssuerException e = refused(code, Optional.of(TX_CODE));

        assertEquals(IssuerError.INVALID_GRANT, e.error());
        assertEquals(List.of("attempt"), redemptions.statements, "no attempt left, no comparison, even of the right code");
    }

    @Test
    void theRightTxCodeRedeemsTheCode() {
        String code = offer("o-1", true);

        codes.exchange(new TokenRequest(code, Optional.of(TX_CODE)), Optional.empty());

        assertEquals(List.of("attempt", "redeem o-1 bearer"), redemptions.statements);
    }

    @Test
    void aCodeAConcurrentRequestRedeemedIsAnInvalidGrant() {
        redemptions.redeemable = false;

        IssuerException e = refused(offer("o-1", false), Optional.empty());

        assertEquals(IssuerError.INVALID_GRANT, e.error());
        assertTrue(e.description().contains("already used"), e.description());
    }

    // what RequestAuditFilter opens for the token endpoint
    private static RequestAudit requestAudit() {
        RequestAudit audit = new RequestAudit(new Refusals(new SpentLedger(Clock.systemUTC()).audit));
        audit.begin(CONTEXT, false, false);
        return audit;
    }
}
