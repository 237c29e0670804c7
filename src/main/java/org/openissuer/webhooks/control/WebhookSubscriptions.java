package org.openissuer.webhooks.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.PrivateFiles;
import org.openissuer.webhooks.entity.Subscription;
import org.openissuer.webhooks.entity.Subscriptions;

/** The webhook subscriptions, loaded once at deployment; none when {@code issuer.webhooks.subscriptions} is unset. */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final Logger LOG = Logger.getLogger(WebhookSubscriptions.class.getName());

    private final WebhookSettings settings;
    // until load(): none, so an append before the start-up checks writes no outbox row
    private volatile Subscriptions subscriptions = Subscriptions.none();

    /** For the CDI proxy only. */
    protected WebhookSubscriptions() {
        this(null);
    }

    @Inject
    public WebhookSubscriptions(WebhookSettings settings) {
        this.settings = settings;
    }

    public void load() {
        if (settings.file().isEmpty()) {
            subscriptions = Subscriptions.none();
            return;
        }
        Path path = Path.of(settings.file().get());
        try {
            subscriptions = Subscriptions.parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
            if (!PrivateFiles.isOwnerOnly(path)) {
                LOG.warning(() -> path + " holds the webhook secrets and is readable by others: chmod 600 it");
            }
        } catch (IOException e) {
            throw new ConfigurationException(Subscriptions.PROPERTY, "cannot read " + path, e);
        }
        LOG.info(() -> "Webhook subscriptions: " + subscriptions.all().stream()
                .map(s -> s.id() + " -> " + s.url()).toList());
    }

    /** Whether there is any subscription: when not, nothing is done per request. */
    public boolean active() {
        return !subscriptions.isEmpty();
    }

    public Subscriptions current() {
        return subscriptions;
    }

    public Optional<Subscription> byId(String id) {
        return subscriptions.byId(id);
    }
}
