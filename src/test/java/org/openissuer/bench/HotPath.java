package org.openissuer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.openissuer.configuration.CredentialConfigurationParser;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.keys.control.JwsCrypto;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.testsupport.Jsons;
import org.openissuer.token.control.AccessTokenFormat;

/** What the hot-path benchmarks share: the issuer, the built-in configuration, a subject and an access token. */
final class HotPath {

    static final String ISSUER = "https://issuer.example.com";
    static final String CREDENTIAL_ENDPOINT = ISSUER + "/oid4vci/credential";
    static final String CONFIGURATION_ID = "IdentityCredential";

    private HotPath() {
    }

    /** The built-in example configuration (src/main/resources/credential-configurations.json). */
    static CredentialConfiguration identityCredential() {
        try (InputStream in = HotPath.class.getResourceAsStream("/credential-configurations.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return CredentialConfigurationParser.parse(json, "credential-configurations.json").configurations()
                    .get(CONFIGURATION_ID);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every claim of the configuration filled, as an offer or a claim source would deliver it. */
    static JsonObject identitySubject() {
        return Jsons.object("{'given_name': 'Erika', 'family_name': 'Mustermann', 'birthdate': '1964-08-12',"
                + " 'email': 'erika.mustermann@example.com',"
                + " 'address': {'street_address': 'Heidestraße 17', 'locality': 'Köln', 'country': 'DE'}}");
    }

    /** An access token of the built-in authorization server, in AccessTokenMinter's shape (DPoP-bound). */
    static String builtInAccessToken(ECKey asKey, String holderThumbprint) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(ISSUER)
                .subject("erika-mustermann-4711")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString())
                .claim(AccessTokenFormat.AUTHORIZATION_DETAILS, List.of(Map.of("type", "openid_credential",
                        "credential_configuration_id", CONFIGURATION_ID, "credential_identifiers", List.of(CONFIGURATION_ID))))
                .claim(AccessTokenFormat.OFFER_ID, "oQ3v9n1Xl2mB7yT5kR8sW0eJ4hC6dF1aG2iK3pL9uZx")
                .claim(AccessTokenFormat.CONFIRMATION, Map.of(AccessTokenFormat.THUMBPRINT, holderThumbprint))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(SigningKeys.ALGORITHM).type(AccessTokenFormat.TYPE)
                .keyID(asKey.getKeyID()).build(), claims);
        try {
            jwt.sign(JwsCrypto.signer(asKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
