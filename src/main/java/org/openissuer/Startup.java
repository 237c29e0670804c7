package org.openissuer;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import org.openissuer.audit.control.PartitionUpkeep;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.credential.control.CredentialIssuance;
import org.openissuer.deferred.control.DeferredSweep;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.metadata.control.PublishedMetadata;
import org.openissuer.nonce.control.NoncePurge;
import org.openissuer.nonce.control.Nonces;
import org.openissuer.platform.DatabaseMigrations;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.platform.Settings;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.status.control.StatusAllocation;
import org.openissuer.webhooks.control.WebhookSender;
import org.openissuer.webhooks.control.WebhookSubscriptions;

/**
 * Everything the issuer checks and prepares before it serves a request. Any exception here
 * fails the deployment, with a message that names the setting to fix.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    IssuerSettings settings;

    // every feature's *Settings: all checked here, first, so no other place validates configuration
    @Inject
    Instance<Settings> allSettings;

    @Inject
    DatabaseMigrations migrations;

    @Inject
    IssuerKeys keys;

    @Inject
    CredentialConfigurations configurations;

    @Inject
    AccessTokens tokens;

    @Inject
    DPoPChecks dpop;

    @Inject
    CredentialIssuance issuance;

    @Inject
    PublishedMetadata metadata;

    @Inject
    Nonces nonces;

    @Inject
    NoncePurge noncePurge;

    @Inject
    RateLimits rateLimits;

    @Inject
    StatusAllocation statuses;

    @Inject
    PartitionUpkeep auditPartitions;

    @Inject
    DeferredSweep deferredSweep;

    @Inject
    WebhookSubscriptions webhooks;

    @Inject
    WebhookSender webhookSender;

    // CDI 4.0 §6.7.3: in a web application the payload of this event is the ServletContext
    void onStart(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        try {
            allSettings.forEach(Settings::validate);
            keys.load();
            dpop.prepare();
            nonces.prepare();
            tokens.load();
            configurations.load();
            webhooks.load();
            issuance.prepare();
            metadata.render();
            migrations.migrate(context);
            auditPartitions.prepare();
            statuses.prepare();
            noncePurge.schedule();
            deferredSweep.schedule();
            webhookSender.schedule();
            rateLimits.start();
        } catch (RuntimeException e) {
            LOG.severe(() -> "OpenIssuer cannot start: " + e.getMessage());
            throw e;
        }
        LOG.info(() -> "OpenIssuer ready as credential issuer " + settings.identifier().value());
    }
}
