package org.openissuer.webhooks.control;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openissuer.webhooks.entity.Delivery;
import org.openissuer.webhooks.entity.Subscription;

/**
 * Sends the outbox (docs/webhooks.md): claims due rows with a lease, sends them outside that
 * transaction, records each outcome. Runs every poll interval and right after a commit that
 * queued something ({@link #wake()}); one run at a time per instance, any number of instances.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    static final int BATCH = 20;
    // a backlog is worked off batch by batch, but one run never holds the thread for long
    private static final int MAX_BATCHES = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final WebhookSubscriptions subscriptions;
    private final OutboxStore store;
    private final WebhookSettings settings;
    private final WebhookMetrics metrics;
    private final Clock clock;

    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile ScheduledFuture<?> task;
    private HttpClient client;
    private String owner;

    /** For the CDI proxy only. */
    protected WebhookSender() {
        this(null, null, null, null, null);
    }

    @Inject
    public WebhookSender(WebhookSubscriptions subscriptions, OutboxStore store, WebhookSettings settings,
            WebhookMetrics metrics, Clock clock) {
        this.subscriptions = subscriptions;
        this.store = store;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Called once at deployment, after the subscriptions are loaded: without any, no thread and no query. */
    public void schedule() {
        if (!subscriptions.active()) {
            return;
        }
        // never follow a redirect: the receiver is the configured URL, not wherever it points
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout()).build();
        // who holds a lease, for operators (and the tests): host, process, and this deployment
        owner = System.getenv().getOrDefault("HOSTNAME", "localhost") + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        long every = settings.pollInterval().toMillis();
        task = scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /** After a commit that queued deliveries: send them now rather than at the next poll. */
    public void wake() {
        if (task == null) {
            return;
        }
        if (busy.get()) {
            again.set(true);
            return;
        }
        scheduler.execute(this::drain);
    }

    void poll() {
        drain();
        try {
            metrics.backlog(store.backlog());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Counting the webhook backlog failed", e);
        }
    }

    void drain() {
        if (!busy.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                for (int batch = 0; batch < MAX_BATCHES && sendBatch() == BATCH; batch++) {
                    LOG.fine("Sent a full batch of webhooks; continuing");
                }
            } while (again.get());
        } catch (RuntimeException e) {
            // keep the schedule alive: the rows stay pending and their leases run out
            LOG.log(Level.WARNING, "Sending webhooks failed", e);
        } finally {
            busy.set(false);
        }
    }

    /** Claims one batch, sends it concurrently (one attempt lasts at most the timeouts), records the outcomes. */
    int sendBatch() {
        List<String> ids = subscriptions.current().all().stream().map(Subscription::id).toList();
        List<Delivery> claimed = store.claim(ids, owner, settings.lease(), BATCH);
        List<CompletableFuture<Attempt>> attempts = new ArrayList<>();
        for (Delivery delivery : claimed) {
            attempts.add(send(delivery));
        }
        for (int i = 0; i < claimed.size(); i++) {
            record(claimed.get(i), attempts.get(i).join());
        }
        return claimed.size();
    }

    /** What one attempt gave: a status, or none when no answer came (connection refused, timeout). */
    record Attempt(Optional<Integer> status, String error) {

        boolean succeeded() {
            return status.filter(s -> s >= 200 && s < 300).isPresent();
        }
    }

    CompletableFuture<Attempt> send(Delivery delivery) {
        Optional<Subscription> subscription = subscriptions.byId(delivery.subscription());
        if (subscription.isEmpty()) {
            return CompletableFuture.completedFuture(new Attempt(Optional.empty(), "subscription not configured"));
        }
        // Standard Webhooks: the timestamp is the attempt's, signed with the id and the body
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(subscription.get().url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "OpenIssuer-Webhooks")
                .header(WebhookSignature.ID, delivery.webhookId())
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(subscription.get().secret(),
                        delivery.webhookId(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        Duration limit = settings.timeout().multipliedBy(2);
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> failure == null
                        ? new Attempt(Optional.of(response.statusCode()), response.statusCode() >= 300
                                ? "HTTP " + response.statusCode() : "")
                        : new Attempt(Optional.empty(), describe(failure)));
    }

    private void record(Delivery delivery, Attempt attempt) {
        if (attempt.succeeded()) {
            store.delivered(delivery.id(), attempt.status().get());
            metrics.attempted(delivery.subscription(), WebhookMetrics.DELIVERED);
            return;
        }
        Backoff backoff = settings.backoff();
        Duration delay = backoff.delay(delivery.attempts() + 1, ThreadLocalRandom.current()::nextDouble);
        boolean failed = store.attemptFailed(delivery.id(), attempt.status(), attempt.error(), delay, backoff.retryFor());
        metrics.attempted(delivery.subscription(), failed ? WebhookMetrics.FAILED : WebhookMetrics.RETRYING);
        if (failed) {
            LOG.warning(() -> "Webhook " + delivery.webhookId() + " to subscription " + delivery.subscription()
                    + " failed for good after " + (delivery.attempts() + 1) + " attempts: " + attempt.error());
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return "timeout";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
