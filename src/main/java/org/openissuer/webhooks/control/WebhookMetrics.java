package org.openissuer.webhooks.control;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.openissuer.metrics.control.CounterFamily;
import org.openissuer.metrics.control.MetricFamilies;
import org.openissuer.metrics.control.PrometheusText;

/**
 * Webhook metrics on the issuer's Prometheus endpoint (docs/metrics.md): attempts by subscription
 * and outcome, counted by this instance, and the backlog (pending rows of all instances) as this
 * instance's sender last counted it. Subscription ids come from the configuration file only, so
 * the number of series is bounded.
 */
@ApplicationScoped
public class WebhookMetrics implements MetricFamilies {

    static final String DELIVERED = "delivered";
    static final String RETRYING = "retrying";
    static final String FAILED = "failed";
    private static final String BACKLOG = "openissuer_webhook_backlog";

    final CounterFamily deliveries = new CounterFamily("openissuer_webhook_deliveries_total",
            "Webhook delivery attempts by outcome: delivered (a 2xx), retrying (failed, tried again later), failed"
                    + " (failed and given up)", "subscription", "outcome");
    private volatile Map<String, Long> backlog = Map.of();

    void attempted(String subscription, String outcome) {
        deliveries.increment(subscription, outcome);
    }

    void backlog(Map<String, Long> pending) {
        backlog = Map.copyOf(pending);
    }

    @Override
    public void writeTo(PrometheusText out) {
        deliveries.writeTo(out);
        out.header(BACKLOG, "Webhook deliveries pending (due or waiting for a retry), as last counted", "gauge");
        backlog.forEach((subscription, count) -> out.sample(BACKLOG, List.of("subscription"), List.of(subscription), count));
    }
}
