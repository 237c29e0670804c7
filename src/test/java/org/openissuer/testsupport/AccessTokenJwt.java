package org.openissuer.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens as the integration tests' external authorization server mints them: its key
 * is src/test/resources/it/as-private.jwk, trusted through it/trusted-authorization-servers.json.
 */
public final class AccessTokenJwt {

    public static final String AS_ISSUER = "https://as.it.example";

    private ECKey key = itAuthorizationServerKey();
    private String issuer = AS_ISSUER;
    private String audience = Http.base();
    private final String subject;
    private String scope = "identity_credential";
    private Instant expires = Instant.now().plusSeconds(300);
    private String typ = "at+jwt";
    private final Map<String, Object> claims = new LinkedHashMap<>();

    private AccessTokenJwt(String subject) {
        this.subject = subject;
    }

    /** A token for {@code subject} carrying a complete identity (the data of a self-attested credential). */
    public static AccessTokenJwt forSubject(String subject) {
        AccessTokenJwt token = new AccessTokenJwt(subject);
        token.claims.put("given_name", "Erika");
        token.claims.put("family_name", "Mustermann");
        token.claims.put("birthdate", "1984-01-26");
        token.claims.put("mail", "erika@example.com");
        token.claims.put("address", Map.of("street_address", "Heidestraße 17", "locality", "Köln", "country", "DE"));
        return token;
    }

    public AccessTokenJwt scope(String scope) {
        this.scope = scope;
        return this;
    }

    public AccessTokenJwt claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    public AccessTokenJwt audience(String audience) {
        this.audience = audience;
        return this;
    }

    public AccessTokenJwt issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public AccessTokenJwt expires(Instant expires) {
        this.expires = expires;
        return this;
    }

    public AccessTokenJwt signedBy(ECKey key) {
        this.key = key;
        return this;
    }

    public AccessTokenJwt authorizationDetails(String configurationId, List<String> identifiers) {
        claims.put("authorization_details", List.of(Map.of("type", "openid_credential",
                "credential_configuration_id", configurationId, "credential_identifiers", identifiers)));
        return this;
    }

    public String build() {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(new Date()).expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString())
                .claim("client_id", "it-wallet");
        if (scope != null) {
            set.claim("scope", scope);
        }
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(typ))
                .keyID(key.getKeyID()).build(), set.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static ECKey itAuthorizationServerKey() {
        try {
            return ECKey.parse(Files.readString(Path.of("src/test/resources/it/as-private.jwk")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
