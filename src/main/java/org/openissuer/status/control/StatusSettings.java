package org.openissuer.status.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;

/** Settings of the Token Status Lists; checked at deployment. */
@ApplicationScoped
public class StatusSettings implements Settings {

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

    /** For the CDI proxy only. */
    protected StatusSettings() {
        this(0, 0, 0, 0);
    }

    @Inject
    public StatusSettings(@ConfigProperty(name = LIST_SIZE) int listSize,
            @ConfigProperty(name = TTL) long ttl,
            @ConfigProperty(name = TOKEN_LIFETIME) long tokenLifetime,
            @ConfigProperty(name = REFRESH) long refresh) {
        this.listSize = listSize;
        this.ttl = ttl;
        this.tokenLifetime = tokenLifetime;
        this.refresh = refresh;
    }

    /** Called once, from Startup: fails the deployment on a setting that cannot work. */
    @Override
    public void validate() {
        ConfigurationException.requireBetween(LIST_SIZE, listSize, MIN_LIST_SIZE, MAX_LIST_SIZE, "entries");
        if (listSize % 4 != 0) {
            // 2 bits an entry: a list is whole bytes of four entries each
            throw new ConfigurationException(LIST_SIZE, "must be a multiple of 4, is " + listSize);
        }
        ConfigurationException.requireBetween(REFRESH, refresh, 1, 3600, "seconds");
        ConfigurationException.requireBetween(TTL, ttl, refresh, 86_400, "seconds",
                "at least " + REFRESH + ", so a verifier never caches longer than a change takes to show");
        ConfigurationException.requireBetween(TOKEN_LIFETIME, tokenLifetime, 2 * ttl, 31 * 86_400, "seconds",
                "at least twice " + TTL);
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
