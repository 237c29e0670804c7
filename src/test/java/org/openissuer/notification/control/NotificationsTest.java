package org.openissuer.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.Test;

import org.openissuer.audit.control.Refusals;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.notification.entity.IssuedNotification;
import org.openissuer.platform.Endpoints;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.ratelimit.entity.Limited;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.DPoPJwt;
import org.openissuer.testsupport.SpentLedger;
import org.openissuer.testsupport.TestDPoPChecks;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.token.control.BuiltInAccessTokens;

class NotificationsTest {

    private static final String ISSUER = "https://issuer.example.com";

    private final ECKey authorizationServerKey = TestKeys.p256("as-1");
    private final ECKey dpopKey = TestKeys.p256WithoutKid();
    private final SpentLedger spent = new SpentLedger(Clock.systemUTC());
    private final AccessTokens tokens = BuiltInAccessTokens.of(ISSUER, authorizationServerKey);
    private final Notifications notifications;
    private final List<Limited> admitted = new java.util.ArrayList<>();
    private boolean overLimit;
    private boolean bodyRead;

    NotificationsTest() {
        DPoPChecks dpop = TestDPoPChecks.prepared(ISSUER, authorizationServerKey, spent.replay, false, false);
        RequestAudit requestAudit = new RequestAudit(new Refusals(spent.audit));
        requestAudit.begin(AuditContext.of("req-1", "notification", "192.0.2.1"), false, false);
        notifications = new Notifications(tokens, dpop, spent.notifications, spent.audit, requestAudit, new RateLimits() {
            @Override
            public void admit(Limited limited, String value) {
                admitted.add(limited);
                if (overLimit) {
                    throw IssuerException.retryAfter(IssuerError.TEMPORARILY_UNAVAILABLE, "too many", 7);
                }
            }
        });
    }

    private String token(String subject) {
        return AccessTokenJwt.forSubject(subject).issuer(ISSUER).audience(ISSUER).signedBy(authorizationServerKey).build();
    }

    private String dpopBoundToken() throws JOSEException {
        return AccessTokenJwt.forSubject("erika").issuer(ISSUER).audience(ISSUER).signedBy(authorizationServerKey)
                .claim("cnf", Map.of("jkt", dpopKey.computeThumbprint().toString())).build();
    }

    /** What the credential endpoint stores for a response of these credentials to this token. */
    private String issuedTo(String token, String... credentialIds) {
        IssuedNotification notification = NotificationIds.issue(BuiltInAccessTokens.firstSight(tokens, token),
                List.of(credentialIds));
        spent.notifications.record(notification, spent.audit.now());
        return notification.id();
    }

    private void report(String authorization, List<String> dpop, String json) {
        notifications.report(authorization, dpop, () -> {
            bodyRead = true;
            return json.getBytes(StandardCharsets.UTF_8);
        });
    }

    private static String body(String id, String event) {
        return "{\"notification_id\":\"" + id + "\",\"event\":\"" + event + "\"}";
    }

    private IssuerException refused(String authorization, List<String> dpop, String json) {
        return assertThrows(IssuerException.class, () -> report(authorization, dpop, json));
    }

    @Test
    void anAcceptedReportPutsEveryCredentialOfTheResponseOnRecord() {
        String token = token("erika");
        String id = issuedTo(token, "c-1", "c-2");

        report("Bearer " + token, null, "{\"notification_id\":\"" + id
                + "\",\"event\":\"credential_failure\",\"event_description\":\"no space left\"}");

        assertEquals(List.of("credential_failure", "credential_failure"),
                spent.audit.alone.stream().map(IssuanceEvent::event).toList());
        assertEquals(List.of("c-1", "c-2"), spent.audit.alone.stream().map(e -> e.columnValues()[16]).toList());
        assertEquals("no space left", spent.audit.alone.get(0).columnValues()[IssuanceEvent.COLUMNS.indexOf("event_description")]);
        assertEquals("erika", spent.audit.alone.get(0).columnValues()[7]);
    }

    @Test
    void aRepeatedReportIsOnRecordEachTime() {
        String token = token("erika");
        String id = issuedTo(token, "c-1");

        report("Bearer " + token, null, body(id, "credential_accepted"));
        report("Bearer " + token, null, body(id, "credential_deleted"));

        assertEquals(List.of("credential_accepted", "credential_deleted"),
                spent.audit.alone.stream().map(IssuanceEvent::event).toList());
    }

    @Test
    void anotherTokenOfTheSameSubjectCannotReport() {
        String id = issuedTo(token("erika"), "c-1");

        IssuerException e = refused("Bearer " + token("erika"), null, body(id, "credential_accepted"));

        assertEquals(IssuerError.INVALID_NOTIFICATION_ID, e.error());
        assertEquals(Notifications.UNKNOWN, e.description());
    }

    @Test
    void aForeignIdAndAnUnknownIdGetTheSameAnswer() {
        String id = issuedTo(token("erika"), "c-1");
        String mallory = "Bearer " + token("mallory");

        IssuerException foreign = refused(mallory, null, body(id, "credential_accepted"));
        IssuerException unknown = refused(mallory, null, body("never-issued", "credential_accepted"));

        assertEquals(IssuerError.INVALID_NOTIFICATION_ID, foreign.error());
        assertEquals(foreign.error(), unknown.error());
        assertEquals(foreign.description(), unknown.description());
        // the refusals are the error mapper's to record (request_failed); no notification row was written
        assertTrue(spent.audit.alone.stream().noneMatch(r -> r.event().startsWith("credential_")));
    }

    @Test
    void aMissingTokenIsRefusedBeforeTheBodyIsRead() {
        IssuerException e = refused(null, null, "not even JSON");

        assertEquals(IssuerError.INVALID_TOKEN, e.error());
        assertFalse(bodyRead);
    }

    @Test
    void aMalformedBodyIsAnInvalidNotificationRequest() {
        String token = token("erika");
        issuedTo(token, "c-1");

        IssuerException e = refused("Bearer " + token, null, body("x", "credential_kept"));

        assertEquals(IssuerError.INVALID_NOTIFICATION_REQUEST, e.error());
    }

    @Test
    void aDPoPBoundTokenWithoutItsProofIsRefused() throws JOSEException {
        String token = dpopBoundToken();
        String id = issuedTo(token, "c-1");

        IssuerException withoutProof = refused("DPoP " + token, null, body(id, "credential_accepted"));
        IssuerException asBearer = refused("Bearer " + token, null, body(id, "credential_accepted"));

        assertEquals(IssuerError.INVALID_DPOP_PROOF, withoutProof.error());
        assertTrue(withoutProof.challenge().isPresent(), "RFC 9449 §7.1: a DPoP challenge");
        assertEquals(IssuerError.INVALID_TOKEN, asBearer.error());
        assertTrue(spent.audit.alone.isEmpty());
    }

    @Test
    void aDPoPProofMustNameTheNotificationEndpoint() throws JOSEException {
        String token = dpopBoundToken();
        String id = issuedTo(token, "c-1");
        String forCredential = DPoPJwt.signedBy(dpopKey).htu(ISSUER + Endpoints.CREDENTIAL).accessToken(token).build();

        IssuerException e = refused("DPoP " + token, List.of(forCredential), body(id, "credential_accepted"));
        assertEquals(IssuerError.INVALID_DPOP_PROOF, e.error());

        String proof = DPoPJwt.signedBy(dpopKey).htu(ISSUER + Endpoints.NOTIFICATION).accessToken(token).build();
        report("DPoP " + token, List.of(proof), body(id, "credential_accepted"));
        assertEquals(List.of("credential_accepted"), spent.audit.alone.stream().map(IssuanceEvent::event).toList());
        // RFC 9449 §11.1: the proof is spent; replaying it is refused
        IssuerException replay = refused("DPoP " + token, List.of(proof), body(id, "credential_accepted"));
        assertEquals(IssuerError.INVALID_DPOP_PROOF, replay.error());
    }

    @Test
    void theAddressLimitComesBeforeAnyTokenWork() {
        overLimit = true;

        IssuerException e = refused("Bearer " + token("erika"), null, body("x", "credential_accepted"));

        assertEquals(IssuerError.TEMPORARILY_UNAVAILABLE, e.error());
        assertEquals(List.of(Limited.NOTIFICATION_PER_ADDRESS), admitted);
        assertFalse(bodyRead);
    }
}
