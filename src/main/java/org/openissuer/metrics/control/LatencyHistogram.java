package org.openissuer.metrics.control;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The durations of one series of requests in fixed buckets (Prometheus histogram): a few adders,
 * no allocation per observation. The bounds span a fast issuance (a few milliseconds) to a request
 * that waited on the database pool's timeout (10 s).
 */
public final class LatencyHistogram {

    /** Upper bounds in seconds, as exposed in {@code le}. */
    static final double[] BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final long[] BOUNDS_NANOS = new long[BOUNDS.length];

    static {
        for (int i = 0; i < BOUNDS.length; i++) {
            BOUNDS_NANOS[i] = Math.round(BOUNDS[i] * 1e9);
        }
    }

    private final List<String> labelValues;
    // one per bound plus the +Inf bucket; not cumulative here, summed when written
    private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    LatencyHistogram(List<String> labelValues) {
        this.labelValues = labelValues;
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    public void observeNanos(long nanos) {
        int bucket = 0;
        while (bucket < BOUNDS_NANOS.length && nanos > BOUNDS_NANOS[bucket]) {
            bucket++;
        }
        buckets[bucket].increment();
        sumNanos.add(Math.max(0, nanos));
    }

    public long count() {
        long count = 0;
        for (LongAdder bucket : buckets) {
            count += bucket.sum();
        }
        return count;
    }

    void writeTo(PrometheusText out, String name, List<String> labelNames) {
        long cumulative = 0;
        for (int i = 0; i < buckets.length; i++) {
            cumulative += buckets[i].sum();
            out.bucket(name, labelNames, labelValues, i < BOUNDS.length ? PrometheusText.number(BOUNDS[i]) : "+Inf",
                    cumulative);
        }
        out.sample(name + "_sum", labelNames, labelValues, sumNanos.sum() / 1e9);
        out.sample(name + "_count", labelNames, labelValues, cumulative);
    }
}
