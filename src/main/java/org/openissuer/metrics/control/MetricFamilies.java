package org.openissuer.metrics.control;

/**
 * Metrics another feature keeps itself (e.g. webhook deliveries, which no audit row tells) and
 * the Prometheus endpoint adds after the issuer's own. Names start with {@code openissuer_}.
 */
public interface MetricFamilies {

    void writeTo(PrometheusText out);
}
