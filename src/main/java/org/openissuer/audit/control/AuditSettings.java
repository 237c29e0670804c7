package org.openissuer.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;

/** Settings of the audit trail; checked at deployment. */
@ApplicationScoped
public class AuditSettings implements Settings {

    static final String PARTITIONS_AHEAD = "issuer.audit.partitions-ahead";
    // the function in db/migrations/V012 accepts up to 120; a year is plenty of warning
    static final int MAX_PARTITIONS_AHEAD = 12;

    private final int partitionsAhead;

    /** For the CDI proxy only. */
    protected AuditSettings() {
        this(0);
    }

    @Inject
    public AuditSettings(@ConfigProperty(name = PARTITIONS_AHEAD) int partitionsAhead) {
        this.partitionsAhead = partitionsAhead;
    }

    /** Called once, from Startup: fails the deployment on a setting that cannot work. */
    @Override
    public void validate() {
        // at least the next month: the partition a row needs must exist before its month begins
        ConfigurationException.requireBetween(PARTITIONS_AHEAD, partitionsAhead, 1, MAX_PARTITIONS_AHEAD, "months");
    }

    /** Monthly partitions of issuance_event kept ready after the current month. */
    public int partitionsAhead() {
        return partitionsAhead;
    }
}
