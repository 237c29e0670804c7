package org.openissuer.testsupport;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.dpop.control.DPoPReplay;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.platform.IssuerSettings;

/** Real DPoP checks for issuer {@code issuer}, their nonces keyed by the authorization server's key, as at start-up. */
public final class TestDPoPChecks {

    private TestDPoPChecks() {
    }

    public static DPoPChecks prepared(String issuer, ECKey authorizationServerKey, DPoPReplay replay, boolean required,
            boolean nonceRequired) {
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
        DPoPChecks checks = new DPoPChecks(new TestDPoPSettings(required, nonceRequired), replay, keys, settings,
                Clock.systemUTC());
        checks.prepare();
        return checks;
    }
}
