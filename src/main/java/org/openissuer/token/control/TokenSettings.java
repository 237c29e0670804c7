package org.openissuer.token.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;

/** Settings of the built-in token endpoint and of access token checks; checked at deployment. */
@ApplicationScoped
public class TokenSettings implements Settings {

    static final String LIFETIME = "issuer.token.lifetime-seconds";
    static final String DPOP_LIFETIME = "issuer.token.dpop-lifetime-seconds";
    static final String MAX_TX_CODE_ATTEMPTS = "issuer.token.max-tx-code-attempts";
    static final String OWN_SKEW = "issuer.token.clock-skew-seconds";
    static final String EXTERNAL_SKEW = "issuer.trusted-authorization-servers.clock-skew-seconds";
    // OID4VCI 1.0 §13.10: a token that is not sender-constrained should live at most 5 minutes
    static final long MAX_BEARER_LIFETIME = 300;

    private final long lifetimeSeconds;
    // §13.10: only sender-constrained (DPoP-bound) tokens may live longer than 5 minutes
    private final long dpopLifetimeSeconds;
    private final int maxTxCodeAttempts;
    // our own tokens are checked against the clock that minted them: only a few seconds of leeway on exp
    private final int ownClockSkewSeconds;
    // another server's clock may drift from ours
    private final int externalClockSkewSeconds;

    /** For the CDI proxy only. */
    protected TokenSettings() {
        this(0, 0, 0, 0, 0);
    }

    @Inject
    public TokenSettings(@ConfigProperty(name = LIFETIME) long lifetimeSeconds,
            @ConfigProperty(name = DPOP_LIFETIME) long dpopLifetimeSeconds,
            @ConfigProperty(name = MAX_TX_CODE_ATTEMPTS) int maxTxCodeAttempts,
            @ConfigProperty(name = OWN_SKEW) int ownClockSkewSeconds,
            @ConfigProperty(name = EXTERNAL_SKEW) int externalClockSkewSeconds) {
        this.lifetimeSeconds = lifetimeSeconds;
        this.dpopLifetimeSeconds = dpopLifetimeSeconds;
        this.maxTxCodeAttempts = maxTxCodeAttempts;
        this.ownClockSkewSeconds = ownClockSkewSeconds;
        this.externalClockSkewSeconds = externalClockSkewSeconds;
    }

    /** Called once, from Startup: fails the deployment on a setting that cannot work. */
    @Override
    public void validate() {
        ConfigurationException.requireBetween(LIFETIME, lifetimeSeconds, 10, MAX_BEARER_LIFETIME, "seconds",
                "a Bearer token is not sender-constrained (OID4VCI 1.0 §13.10); DPoP-bound tokens use " + DPOP_LIFETIME);
        ConfigurationException.requireBetween(DPOP_LIFETIME, dpopLifetimeSeconds, 10, 86_400, "seconds");
        // §13.6.3: a handful of attempts; each one is a guess at a short numeric code
        ConfigurationException.requireBetween(MAX_TX_CODE_ATTEMPTS, maxTxCodeAttempts, 1, 10);
        ConfigurationException.requireBetween(OWN_SKEW, ownClockSkewSeconds, 0, 60, "seconds");
        ConfigurationException.requireBetween(EXTERNAL_SKEW, externalClockSkewSeconds, 0, 300, "seconds");
    }

    public Duration lifetime() {
        return Duration.ofSeconds(lifetimeSeconds);
    }

    /** The lifetime of a DPoP-bound token (RFC 9449); a Bearer token keeps {@link #lifetime()}. */
    public Duration dpopLifetime() {
        return Duration.ofSeconds(dpopLifetimeSeconds);
    }

    public int maxTxCodeAttempts() {
        return maxTxCodeAttempts;
    }

    /** Leeway on exp for the built-in authorization server's tokens. */
    public int ownClockSkewSeconds() {
        return ownClockSkewSeconds;
    }

    /** Leeway on exp for the trusted external authorization servers' tokens. */
    public int externalClockSkewSeconds() {
        return externalClockSkewSeconds;
    }
}
