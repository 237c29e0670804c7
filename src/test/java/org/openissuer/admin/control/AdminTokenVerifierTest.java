package org.openissuer.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.openissuer.admin.entity.AdminPrincipal;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.TestKeys;

class AdminTokenVerifierTest {

    private static final ECKey IDP = TestKeys.p256("idp-1");

    private static AdminTokenVerifier verifier(Optional<List<String>> audiences, JWKSet keys, Set<JWSAlgorithm> algorithms) {
        return new AdminTokenVerifier(new ImmutableJWKSet<>(keys), algorithms, Optional.of(AdminTokens.IDP), audiences, 60,
                "issuer-admin");
    }

    private static AdminTokenVerifier verifier() {
        return verifier(Optional.empty(), new JWKSet(IDP.toPublicJWK()), Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256));
    }

    private static IssuerError refusal(AdminTokenVerifier verifier, String token) {
        return assertThrows(IssuerException.class, () -> verifier.verify(token)).error();
    }

    @Test
    void acceptsATokenOfTheIdentityProviderWithTheAdminGroup() {
        AdminPrincipal principal = verifier().verify(AdminTokens.token().signedBy(IDP).upn("bob@example.com").build());
        assertEquals("bob@example.com", principal.name());
        assertEquals(Set.of("issuer-admin"), principal.groups());
    }

    @Test
    void namesThePrincipalBySubjectWhenTheTokenHasNoUpn() {
        assertEquals("user-4711", verifier().verify(AdminTokens.token().signedBy(IDP).upn(null).build()).name());
    }

    @Test
    void answersAMissingGroupWithInsufficientScope() {
        assertEquals(IssuerError.INSUFFICIENT_SCOPE, refusal(verifier(), AdminTokens.token().signedBy(IDP).groups("staff").build()));
        assertEquals(IssuerError.INSUFFICIENT_SCOPE, refusal(verifier(), AdminTokens.token().signedBy(IDP).groups().build()));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        ECKey stranger = TestKeys.p256("idp-1");
        assertEquals(IssuerError.INVALID_TOKEN, refusal(verifier(), AdminTokens.token().signedBy(stranger).build()));
    }

    @Test
    void refusesAnExpiredTokenBeyondTheClockSkew() {
        String expired = AdminTokens.token().signedBy(IDP).issuedAt(Instant.now().minusSeconds(600))
                .lifetime(Duration.ofSeconds(400)).build();
        assertEquals(IssuerError.INVALID_TOKEN, refusal(verifier(), expired));
        String withinSkew = AdminTokens.token().signedBy(IDP).issuedAt(Instant.now().minusSeconds(330))
                .lifetime(Duration.ofSeconds(300)).build();
        verifier().verify(withinSkew);
    }

    @Test
    void refusesATokenIssuedInTheFuture() {
        assertEquals(IssuerError.INVALID_TOKEN,
                refusal(verifier(), AdminTokens.token().signedBy(IDP).issuedAt(Instant.now().plusSeconds(86_400)).build()));
        assertEquals(IssuerError.INVALID_TOKEN,
                refusal(verifier(), AdminTokens.token().signedBy(IDP).issuedAt(Instant.now().plusSeconds(90)).build()));
        verifier().verify(AdminTokens.token().signedBy(IDP).issuedAt(Instant.now().plusSeconds(30)).build());
    }

    @Test
    void refusesAnotherIssuer() {
        assertEquals(IssuerError.INVALID_TOKEN, refusal(verifier(), AdminTokens.token().signedBy(IDP).issuer("https://evil.example").build()));
    }

    @Test
    void checksTheAudienceWhenConfigured() {
        AdminTokenVerifier withAudience = verifier(Optional.of(List.of("openissuer-admin")), new JWKSet(IDP.toPublicJWK()),
                Set.of(JWSAlgorithm.ES256));
        assertEquals(IssuerError.INVALID_TOKEN, refusal(withAudience, AdminTokens.token().signedBy(IDP).build()));
    }

    @Test
    void refusesAnAlgorithmOtherThanTheConfiguredOne() throws Exception {
        RSAKey rsa = TestKeys.rsa("rsa-1");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims());
        jwt.sign(new RSASSASigner(rsa));
        AdminTokenVerifier esOnly = verifier(Optional.empty(), new JWKSet(List.of(IDP.toPublicJWK(), rsa.toPublicJWK())),
                Set.of(JWSAlgorithm.ES256));
        assertEquals(IssuerError.INVALID_TOKEN, refusal(esOnly, jwt.serialize()));
        AdminTokenVerifier rsDefault = verifier(Optional.empty(), new JWKSet(rsa.toPublicJWK()), Set.of(JWSAlgorithm.RS256));
        assertEquals("alice", rsDefault.verify(jwt.serialize()).name());
    }

    @Test
    void refusesUnsignedAndHmacTokensAndGarbage() throws Exception {
        assertEquals(IssuerError.INVALID_TOKEN, refusal(verifier(), new PlainJWT(claims()).serialize()));
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims());
        hmac.sign(new MACSigner(new byte[32]));
        assertEquals(IssuerError.INVALID_TOKEN, refusal(verifier(), hmac.serialize()));
        assertEquals(IssuerError.INVALID_TOKEN, refusal(verifier(), "not.a.token"));
    }

    @Test
    void requiresExpiry() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("idp-1").build(),
                new JWTClaimsSet.Builder().issuer(AdminTokens.IDP).claim("upn", "alice").issueTime(new Date())
                        .claim("groups", List.of("issuer-admin")).build());
        jwt.sign(new ECDSASigner(IDP));
        assertEquals(IssuerError.INVALID_TOKEN, refusal(verifier(), jwt.serialize()));
    }

    private static JWTClaimsSet claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(AdminTokens.IDP).claim("upn", "alice").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).claim("groups", List.of("issuer-admin")).build();
    }

    @Test
    void letsTheAuditorGroupReadButNotAdminister() {
        String auditor = AdminTokens.token().signedBy(IDP).groups("issuer-auditor").build();
        assertEquals("alice@example.com", verifier().verifyReader(auditor, Optional.of("issuer-auditor")).name());
        assertEquals(IssuerError.INSUFFICIENT_SCOPE, refusal(verifier(), auditor));
    }

    @Test
    void letsTheAdminGroupReadWithOrWithoutAnAuditorGroup() {
        String admin = AdminTokens.token().signedBy(IDP).build();
        assertEquals("alice@example.com", verifier().verifyReader(admin, Optional.empty()).name());
        assertEquals("alice@example.com", verifier().verifyReader(admin, Optional.of("issuer-auditor")).name());
    }

    @Test
    void refusesReadersOutsideBothGroups() {
        String staff = AdminTokens.token().signedBy(IDP).groups("staff").build();
        assertEquals(IssuerError.INSUFFICIENT_SCOPE, assertThrows(IssuerException.class,
                () -> verifier().verifyReader(staff, Optional.of("issuer-auditor"))).error());
        String auditor = AdminTokens.token().signedBy(IDP).groups("issuer-auditor").build();
        assertEquals(IssuerError.INSUFFICIENT_SCOPE, assertThrows(IssuerException.class,
                () -> verifier().verifyReader(auditor, Optional.empty())).error(), "no auditor group configured");
        String forged = AdminTokens.token().signedBy(TestKeys.p256("idp-1")).groups("issuer-auditor").build();
        assertEquals(IssuerError.INVALID_TOKEN, assertThrows(IssuerException.class,
                () -> verifier().verifyReader(forged, Optional.of("issuer-auditor"))).error());
    }
}
