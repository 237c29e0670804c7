package org.openissuer.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
 * Tokens of the organisation's identity provider for the back-office API, signed with the test
 * IdP key in src/test/resources/admin-idp (the key the issuer under test trusts).
 */
public final class AdminTokens {

    public static final String IDP = "https://idp.test.example";
    public static final String ADMIN_GROUP = "issuer-admin";

    private String issuer = IDP;
    private String upn = "alice@example.com";
    private List<String> groups = List.of(ADMIN_GROUP);
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofMinutes(5);
    private ECKey key = idpKey();

    private AdminTokens() {
    }

    public static AdminTokens token() {
        return new AdminTokens();
    }

    /** A valid admin token for alice@example.com in group issuer-admin. */
    public static String admin() {
        return token().build();
    }

    public static ECKey idpKey() {
        try (InputStream in = AdminTokens.class.getResourceAsStream("/admin-idp/private.jwk")) {
            return ECKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public AdminTokens issuer(String value) {
        this.issuer = value;
        return this;
    }

    public AdminTokens upn(String value) {
        this.upn = value;
        return this;
    }

    public AdminTokens groups(String... values) {
        this.groups = List.of(values);
        return this;
    }

    public AdminTokens issuedAt(Instant value) {
        this.issuedAt = value;
        return this;
    }

    public AdminTokens lifetime(Duration value) {
        this.lifetime = value;
        return this;
    }

    public AdminTokens signedBy(ECKey value) {
        this.key = value;
        return this;
    }

    public String build() {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("user-4711")
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString()).claim("groups", groups);
        if (upn != null) {
            claims.claim("upn", upn);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public String bearer() {
        return "Bearer " + build();
    }
}
