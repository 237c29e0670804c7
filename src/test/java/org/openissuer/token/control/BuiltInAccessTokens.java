package org.openissuer.token.control;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.testsupport.ConfigDefaults;
import org.openissuer.token.entity.AccessToken;

/** AccessTokens outside the container: the built-in authorization server, and the external ones of a servers file. */
public final class BuiltInAccessTokens {

    private BuiltInAccessTokens() {
    }

    /** Verification as the first request with this token has it: no cached result. */
    public static AccessToken firstSight(AccessTokens tokens, String token) {
        return tokens.check(token);
    }

    public static AccessTokens of(String issuer, ECKey authorizationServerKey) {
        return of(issuer, authorizationServerKey, Optional.empty());
    }

    /** TokenSettings with the shipped defaults (microprofile-config.properties). */
    public static TokenSettings defaultSettings() {
        TokenSettings settings = new TokenSettings(ConfigDefaults.number(TokenSettings.LIFETIME),
                ConfigDefaults.number(TokenSettings.DPOP_LIFETIME), ConfigDefaults.integer(TokenSettings.MAX_TX_CODE_ATTEMPTS),
                ConfigDefaults.integer(TokenSettings.OWN_SKEW), ConfigDefaults.integer(TokenSettings.EXTERNAL_SKEW));
        settings.validate();
        return settings;
    }

    /** @param serversFile the issuer.trusted-authorization-servers file, if any */
    public static AccessTokens of(String issuer, ECKey authorizationServerKey, Optional<String> serversFile) {
        IssuerSettings settings = new IssuerSettings() {
            @Override
            public IssuerIdentifier identifier() {
                return new IssuerIdentifier(issuer, "");
            }
        };
        IssuerKeys keys = new IssuerKeys() {
            @Override
            public SigningKeys authorizationServerKeys() {
                return new SigningKeys(authorizationServerKey, List.of(authorizationServerKey));
            }
        };
        AccessTokens tokens = new AccessTokens(settings, keys, serversFile, defaultSettings(), Clock.systemUTC());
        tokens.load();
        return tokens;
    }
}
