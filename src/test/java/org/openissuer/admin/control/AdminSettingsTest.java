package org.openissuer.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.Test;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.TestKeys;

class AdminSettingsTest {

    private static AdminSettings settings(Optional<String> publicKey, Optional<String> location, Optional<String> algorithm) {
        return settings(publicKey, location, algorithm, 60);
    }

    private static AdminSettings settings(Optional<String> publicKey, Optional<String> location, Optional<String> algorithm,
            int clockSkewSeconds) {
        return new AdminSettings(publicKey, location, Optional.of(AdminTokens.IDP), Optional.empty(), algorithm,
                clockSkewSeconds, "Authorization", "Bearer", "issuer-admin", Optional.empty(), 60);
    }

    @Test
    void leavesTheAdminApiWithoutVerifierWhenNoKeyIsConfigured() {
        AdminSettings settings = settings(Optional.empty(), Optional.of(" "), Optional.empty());
        settings.validate();
        assertTrue(settings.verifier().isEmpty());
    }

    @Test
    void verifiesWithAnInlinePemKey() throws Exception {
        ECKey idp = TestKeys.p256("idp");
        String pem = "-----BEGIN PUBLIC KEY-----" + Base64.getEncoder().encodeToString(idp.toECPublicKey().getEncoded())
                + "-----END PUBLIC KEY-----";
        AdminSettings settings = settings(Optional.of(pem), Optional.empty(), Optional.empty());
        settings.validate();
        assertEquals("alice@example.com", settings.verifier().orElseThrow().verify(AdminTokens.token().signedBy(idp).build()).name());
    }

    @Test
    void refusesBothAnInlineKeyAndALocation() {
        AdminSettings settings = settings(Optional.of(TestKeys.p256("k").toPublicJWK().toJSONString()), Optional.of("/keys.jwks"),
                Optional.empty());
        assertTrue(assertThrows(ConfigurationException.class, settings::validate).getMessage().contains("mp.jwt.verify.publickey"));
    }

    @Test
    void refusesAnUnreadableInlineKeyAndASymmetricAlgorithm() {
        assertThrows(ConfigurationException.class, settings(Optional.of("garbage"), Optional.empty(), Optional.empty())::validate);
        AdminSettings hmac = settings(Optional.empty(), Optional.of("/keys.jwks"), Optional.of("HS256"));
        assertTrue(assertThrows(ConfigurationException.class, hmac::validate).getMessage().contains("algorithm"));
    }

    @Test
    void refusesAnUnreasonableClockSkew() {
        AdminSettings settings = settings(Optional.empty(), Optional.empty(), Optional.empty(), -1);
        assertTrue(assertThrows(ConfigurationException.class, settings::validate).getMessage()
                .startsWith("mp.jwt.verify.clock.skew: must be between 0 and 600 seconds, is -1"));
    }

    @Test
    void readsABlankAuditorGroupAsNone() {
        AdminSettings blank = new AdminSettings(Optional.empty(), Optional.empty(), Optional.of(AdminTokens.IDP),
                Optional.empty(), Optional.empty(), 60, "Authorization", "Bearer", "issuer-admin", Optional.of("  "), 60);
        assertTrue(blank.auditorGroup().isEmpty());
        AdminSettings named = new AdminSettings(Optional.empty(), Optional.empty(), Optional.of(AdminTokens.IDP),
                Optional.empty(), Optional.empty(), 60, "Authorization", "Bearer", "issuer-admin",
                Optional.of(" issuer-auditor "), 60);
        assertEquals(Optional.of("issuer-auditor"), named.auditorGroup());
    }
}
