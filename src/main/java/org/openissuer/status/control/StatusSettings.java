package org.openissuer.status.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;

/** Settings of the Token Status Lists; checked at deployment. */
@ApplicationScoped
public class StatusSettings {

    static final String LIST_SIZE = "issuer.status.list-size";
    static final String TTL = "issuer.status.ttl-seconds";
    static final String TOKEN_LIFETIME = "issuer.status.token-lifetime-seconds";
    static final String REFRESH = "issuer.status.refresh-seconds";
    static final int MIN_LIST_SIZE = 16;
    static final int MAX_LIST_SIZE = 1 << 26;

    private final int listSize;
    private final long ttl;
    private final long tokenLifetime;
    private final long refresh;

    protected StatusSettings() {
        this(0, 0, 0, 0);
    }

    @Inject
    public StatusSettings(@ConfigProperty(name = LIST_SIZE, defaultValue = "1048576") int listSize,
            @ConfigProperty(name = TTL, defaultValue = "300") long ttl,
            @ConfigProperty(name = TOKEN_LIFETIME, defaultValue = "86400") long tokenLifetime,
            @ConfigProperty(name = REFRESH, defaultValue = "5") long refresh) {
        this.listSize = listSize;
        this.ttl = ttl;
        this.tokenLifetime = tokenLifetime;
        this.refresh = refresh;
    }

    public void validate() {
        if (listSize < MIN_LIST_SIZE || listSize > MAX_LIST_SIZE || listSize % 4 != 0) {
            throw new ConfigurationException(LIST_SIZE, "must be a multiple of 4 between " + MIN_LIST_SIZE + " and "
                    + MAX_LIST_SIZE + ", is " + listSize);
        }
        if (refresh < 1 || refresh > 3600) {
            throw new ConfigurationException(REFRESH, "must be between 1 and 3600 seconds, is " + refresh);
        }
        if (ttl < refresh || ttl > 86400) {
            throw new ConfigurationException(TTL, "must be between " + REFRESH + " (" + refresh + ") and 86400 seconds, is " + ttl);
        }
        if (tokenLifetime < 2 * ttl || tokenLifetime > 31 * 86400) {
            throw new ConfigurationException(TOKEN_LIFETIME,
                    "must be between twice " + TTL + " (" + 2 * ttl + ") and 2678400 seconds, is " + tokenLifetime);
        }
    }

    /** Entries of each new list; a list keeps the size it was created with. */
    public int listSize() {
        return listSize;
    }

    /** draft-ietf-oauth-status-list-21 {@code ttl}: how long a Relying Party may use a fetched list. */
    public Duration ttl() {
        return Duration.ofSeconds(ttl);
    }

    public Duration tokenLifetime() {
        return Duration.ofSeconds(tokenLifetime);
    }

    /** How often an instance checks a served list for changes made through any instance. */
    public Duration refresh() {
        return Duration.ofSeconds(refresh);
    }
}
