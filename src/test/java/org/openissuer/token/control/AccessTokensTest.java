package org.openissuer.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.token.entity.AccessToken;

/** What makes an access token acceptable (RFC 6750, RFC 9068), for our own and for external servers. */
class AccessTokensTest {

    private static final String ISSUER = "https://issuer.example.com";
    private static final String EXTERNAL = "https://idp.example.com/realms/bank";
    private static final ECKey OWN_KEY = TestKeys.p256("as-1");
    private static final ECKey EXTERNAL_KEY = TestKeys.p256("idp-1");

    @TempDir
    Path dir;

    private AccessTokens tokens(Optional<String> serversFile) {
        return BuiltInAccessTokens.of(ISSUER, OWN_KEY, serversFile);
    }

    private AccessTokens withExternal(String jwksJson) throws IOException {
        Files.writeString(dir.resolve("idp.jwks"), jwksJson);
        Path servers = dir.resolve("servers.json");
        Files.writeString(servers, "{\"authorization_servers\":[{\"issuer\":\"" + EXTERNAL + "\",\"jwks_file\":\"idp.jwks\"}]}");
        return tokens(Optional.of(servers.toString()));
    }

    private static JWTClaimsSet.Builder claims(String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(ISSUER).subject("alice")
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("offer_id", "offer-1");
    }

    private static String sign(ECKey key, String typ, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(typ == null ? null : new JOSEObjectType(typ)).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static void assertInvalid(AccessTokens tokens, String token) {
        IssuerException e = assertThrows(IssuerException.class, () -> tokens.verify(token));
        assertEquals(IssuerError.INVALID_TOKEN, e.error());
    }

    @Test
    void acceptsOwnAtJwtAndKeepsItsOfferId() throws Exception {
        AccessToken token = tokens(Optional.empty()).verify(sign(OWN_KEY, "at+jwt", claims(ISSUER).build()));
        assertEquals("alice", token.subject());
        assertEquals(Optional.of("offer-1"), token.offerId());
    }

    @Test
    void aKnownTokenVouchesOnlyForItselfNotForATokenWithTheSameClaims() throws Exception {
        AccessTokens tokens = tokens(Optional.empty());
        JWTClaimsSet same = claims(ISSUER).jwtID("jti-1").build();
        assertEquals("alice", tokens.verify(sign(OWN_KEY, "at+jwt", same)).subject());

        // the same claims and kid under a signature the server never made: verified, not recognised
        ECKey forger = TestKeys.p256(OWN_KEY.getKeyID() + "-forged");
        assertInvalid(tokens, sign(new ECKey.Builder(forger).keyID(OWN_KEY.getKeyID()).build(), "at+jwt", same));
    }

    @Test
    void ownTokensMustBeTypedAtJwt() throws Exception {
        // RFC 9068 §4: our own tokens always carry at+jwt, so nothing else signed with the key passes as one
        AccessTokens tokens = tokens(Optional.empty());
        assertInvalid(tokens, sign(OWN_KEY, "JWT", claims(ISSUER).build()));
        assertInvalid(tokens, sign(OWN_KEY, null, claims(ISSUER).build()));
    }

    @Test
    void requiresSubjectExpiryAndAudienceAndRefusesOversizedTokens() throws Exception {
        AccessTokens tokens = tokens(Optional.empty());
        assertInvalid(tokens, sign(OWN_KEY, "at+jwt", claims(ISSUER).subject(null).build()));
        assertInvalid(tokens, sign(OWN_KEY, "at+jwt", claims(ISSUER).expirationTime(null).build()));
        assertInvalid(tokens, sign(OWN_KEY, "at+jwt", claims(ISSUER).audience("https://other.example").build()));
        assertInvalid(tokens, sign(OWN_KEY, "at+jwt", claims(ISSUER).claim("pad", "x".repeat(9_000)).build()));
    }

    @Test
    void externalTokensMayBeTypedJwtButNeverNameAnOffer() throws Exception {
        AccessTokens tokens = withExternal(new JWKSet(EXTERNAL_KEY.toPublicJWK()).toString());
        AccessToken token = tokens.verify(sign(EXTERNAL_KEY, "JWT", claims(EXTERNAL).build()));
        assertEquals(EXTERNAL, token.issuer());
        // only the built-in server's offer_id selects an offer's data: an external server cannot claim one
        assertTrue(token.offerId().isEmpty());
        assertInvalid(tokens, sign(OWN_KEY, "JWT", claims(EXTERNAL).build()));
        assertInvalid(tokens, sign(EXTERNAL_KEY, "JWT", claims("https://untrusted.example").build()));
    }

    @Test
    void ownTokensLiveOnlyAFewSecondsPastExp() throws Exception {
        AccessTokens tokens = tokens(Optional.empty());
        assertInvalid(tokens, sign(OWN_KEY, "at+jwt", claims(ISSUER).expirationTime(Date.from(Instant.now().minusSeconds(10))).build()));
        tokens.verify(sign(OWN_KEY, "at+jwt", claims(ISSUER).expirationTime(Date.from(Instant.now().minusSeconds(2))).build()));
    }

    @Test
    void externalTokensGetTheirOwnSkew() throws Exception {
        AccessTokens tokens = withExternal(new JWKSet(EXTERNAL_KEY.toPublicJWK()).toString());
        tokens.verify(sign(EXTERNAL_KEY, "JWT", claims(EXTERNAL).expirationTime(Date.from(Instant.now().minusSeconds(10))).build()));
        assertInvalid(tokens, sign(EXTERNAL_KEY, "JWT", claims(EXTERNAL).expirationTime(Date.from(Instant.now().minusSeconds(45))).build()));
    }

    @Test
    void refusesAJwksFileWithPrivateKeys() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> withExternal(new JWKSet(EXTERNAL_KEY).toString(false)));
        assertTrue(e.getMessage().startsWith(TrustedServersParser.PROPERTY), e.getMessage());
    }

    @Test
    void refusesListingTheBuiltInServerAsExternal() throws IOException {
        Path servers = dir.resolve("self.json");
        Files.writeString(dir.resolve("k.jwks"), new JWKSet(EXTERNAL_KEY.toPublicJWK()).toString());
        Files.writeString(servers, "{\"authorization_servers\":[{\"issuer\":\"" + ISSUER + "\",\"jwks_file\":\"k.jwks\"}]}");
        assertThrows(ConfigurationException.class, () -> tokens(Optional.of(servers.toString())));
    }
}
