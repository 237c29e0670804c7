package org.openissuer.offer.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;

/** Settings of the credential offers the back-office API creates; checked at deployment. */
@ApplicationScoped
public class OfferSettings {

    static final String DEFAULT_EXPIRES_IN = "issuer.offer.default-expires-in-seconds";
    static final String MAX_EXPIRES_IN = "issuer.offer.max-expires-in-seconds";
    static final String TX_CODE_LENGTH = "issuer.offer.tx-code-length";
    static final int MIN_TX_CODE_LENGTH = 4;
    static final int MAX_TX_CODE_LENGTH = 12;

    @Inject
    @ConfigProperty(name = DEFAULT_EXPIRES_IN, defaultValue = "900")
    long defaultExpiresIn;

    @Inject
    @ConfigProperty(name = MAX_EXPIRES_IN, defaultValue = "2592000")
    long maxExpiresIn;

    @Inject
    @ConfigProperty(name = TX_CODE_LENGTH, defaultValue = "6")
    int txCodeLength;

    public void validate() {
        if (maxExpiresIn < 1 || maxExpiresIn > 31_536_000) {
            throw new ConfigurationException(MAX_EXPIRES_IN, "must be between 1 and 31536000 seconds, is " + maxExpiresIn);
        }
        if (defaultExpiresIn < 1 || defaultExpiresIn > maxExpiresIn) {
            throw new ConfigurationException(DEFAULT_EXPIRES_IN,
                    "must be between 1 and " + MAX_EXPIRES_IN + " (" + maxExpiresIn + "), is " + defaultExpiresIn);
        }
        if (!txCodeLengthAllowed(txCodeLength)) {
            throw new ConfigurationException(TX_CODE_LENGTH,
                    "must be between " + MIN_TX_CODE_LENGTH + " and " + MAX_TX_CODE_LENGTH + ", is " + txCodeLength);
        }
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
