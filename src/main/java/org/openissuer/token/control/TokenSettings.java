package org.openissuer.token.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;

/** Settings of the built-in token endpoint; checked at deployment. */
@ApplicationScoped
public class TokenSettings {

    static final String LIFETIME = "issuer.token.lifetime-seconds";
    static final String DPOP_LIFETIME = "issuer.token.dpop-lifetime-seconds";
    static final String MAX_TX_CODE_ATTEMPTS = "issuer.token.max-tx-code-attempts";
    // OID4VCI 1.0 §13.10: a token that is not sender-constrained should live at most 5 minutes
    static final long MAX_BEARER_LIFETIME = 300;

    @Inject
    @ConfigProperty(name = LIFETIME, defaultValue = "300")
    long lifetimeSeconds;

    // §13.10: only sender-constrained (DPoP-bound) tokens may live longer than 5 minutes
    @Inject
    @ConfigProperty(name = DPOP_LIFETIME, defaultValue = "300")
    long dpopLifetimeSeconds = 300;

    @Inject
    @ConfigProperty(name = MAX_TX_CODE_ATTEMPTS, defaultValue = "5")
    int maxTxCodeAttempts;

    public void validate() {
        if (lifetimeSeconds < 10 || lifetimeSeconds > MAX_BEARER_LIFETIME) {
            throw new ConfigurationException(LIFETIME, "must be between 10 and " + MAX_BEARER_LIFETIME
                    + " seconds: a Bearer token is not sender-constrained (OID4VCI 1.0 §13.10); DPoP-bound tokens use "
                    + DPOP_LIFETIME + ", is " + lifetimeSeconds);
        }
        if (dpopLifetimeSeconds < 10 || dpopLifetimeSeconds > 86_400) {
            throw new ConfigurationException(DPOP_LIFETIME, "must be between 10 and 86400 seconds, is " + dpopLifetimeSeconds);
        }
        // §13.6.3: a handful of attempts; each one is a guess at a short numeric code
        if (maxTxCodeAttempts < 1 || maxTxCodeAttempts > 10) {
            throw new ConfigurationException(MAX_TX_CODE_ATTEMPTS, "must be between 1 and 10, is " + maxTxCodeAttempts);
        }
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
}
