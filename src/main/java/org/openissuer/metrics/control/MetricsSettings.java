package org.openissuer.metrics.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;

/** Who may read the metrics endpoint; checked at deployment. */
@ApplicationScoped
public class MetricsSettings implements Settings {

    static final String TOKEN = "issuer.metrics.token";
    // a guessable secret would be no protection: at least 128 bits of a random hex or base64 string
    static final int MIN_TOKEN_LENGTH = 24;

    private final Optional<String> token;

    /** For the CDI proxy only. */
    protected MetricsSettings() {
        this(Optional.empty());
    }

    @Inject
    public MetricsSettings(@ConfigProperty(name = TOKEN) Optional<String> token) {
        this.token = token.map(String::strip).filter(t -> !t.isEmpty());
    }

    /** Called once, from Startup: fails the deployment on a setting that cannot work. */
    @Override
    public void validate() {
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw new ConfigurationException(TOKEN, "must be at least " + MIN_TOKEN_LENGTH + " characters");
        }
    }

    /**
     * Whether an {@code Authorization} header value admits the caller: anyone when no token is set,
     * else only {@code Bearer <token>}, compared in constant time.
     */
    public boolean admits(String authorization) {
        if (token.isEmpty()) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8),
                authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
