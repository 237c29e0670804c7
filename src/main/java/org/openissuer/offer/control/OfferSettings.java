package org.openissuer.offer.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;

/** Settings of the credential offers the back-office API creates; checked at deployment. */
@ApplicationScoped
public class OfferSettings implements Settings {

    static final String DEFAULT_EXPIRES_IN = "issuer.offer.default-expires-in-seconds";
    static final String MAX_EXPIRES_IN = "issuer.offer.max-expires-in-seconds";
    static final String TX_CODE_LENGTH = "issuer.offer.tx-code-length";
    static final int MIN_TX_CODE_LENGTH = 4;
    static final int MAX_TX_CODE_LENGTH = 12;

    private final long defaultExpiresIn;
    private final long maxExpiresIn;
    private final int txCodeLength;

    /** For the CDI proxy only. */
    protected OfferSettings() {
        this(0, 0, 0);
    }

    @Inject
    public OfferSettings(@ConfigProperty(name = DEFAULT_EXPIRES_IN) long defaultExpiresIn,
            @ConfigProperty(name = MAX_EXPIRES_IN) long maxExpiresIn, @ConfigProperty(name = TX_CODE_LENGTH) int txCodeLength) {
        this.defaultExpiresIn = defaultExpiresIn;
        this.maxExpiresIn = maxExpiresIn;
        this.txCodeLength = txCodeLength;
    }

    /** Called once, from Startup: fails the deployment on a setting that cannot work. */
    @Override
    public void validate() {
        ConfigurationException.requireBetween(MAX_EXPIRES_IN, maxExpiresIn, 1, 31_536_000, "seconds");
        ConfigurationException.requireBetween(DEFAULT_EXPIRES_IN, defaultExpiresIn, 1, maxExpiresIn, "seconds",
                "at most " + MAX_EXPIRES_IN);
        ConfigurationException.requireBetween(TX_CODE_LENGTH, txCodeLength, MIN_TX_CODE_LENGTH, MAX_TX_CODE_LENGTH);
    }

    public Duration defaultExpiresIn() {
        return Duration.ofSeconds(defaultExpiresIn);
    }

    public Duration maxExpiresIn() {
        return Duration.ofSeconds(maxExpiresIn);
    }

    public int txCodeLength() {
        return txCodeLength;
    }

    /** Fewer than 4 digits is guessed within a few attempts; more than 12 nobody types. */
    public static boolean txCodeLengthAllowed(int length) {
        return length >= MIN_TX_CODE_LENGTH && length <= MAX_TX_CODE_LENGTH;
    }
}
