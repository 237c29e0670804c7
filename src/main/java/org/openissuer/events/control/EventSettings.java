package org.openissuer.events.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;

/** Settings of the events API; checked at deployment. */
@ApplicationScoped
public class EventSettings implements Settings {

    static final String SETTLE = "issuer.events.settle-seconds";

    private final long settleSeconds;

    /** For the CDI proxy only. */
    protected EventSettings() {
        this(0);
    }

    @Inject
    public EventSettings(@ConfigProperty(name = SETTLE) long settleSeconds) {
        this.settleSeconds = settleSeconds;
    }

    @Override
    public void validate() {
        ConfigurationException.requireBetween(SETTLE, settleSeconds, 1, 3600, "seconds",
                "oldest-first pages hold back events younger than this, so late commits are not skipped (docs/events.md)");
    }

    /**
     * How long after an event's occurred_at its row is surely committed, with every row of a lower
     * id: longer than twice the longest request (occurred_at to commit) plus the clocks' skew.
     */
    public Duration settle() {
        return Duration.ofSeconds(settleSeconds);
    }
}
