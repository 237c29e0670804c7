package org.openissuer.metrics.control;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A counter with a fixed list of label names; one series per combination of label values seen.
 * The callers pass values from small fixed sets only (endpoints, configured ids, error codes), so
 * the number of series stays bounded. {@link LongAdder}: increments from many request threads do
 * not contend on one field.
 */
public final class CounterFamily {

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Map<Series, LongAdder> series = new ConcurrentHashMap<>();

    public CounterFamily(String name, String help, String... labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = List.of(labelNames);
    }

    /** The label values, in the order of the label names. */
    public void increment(String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " has labels " + labelNames);
        }
        series.computeIfAbsent(new Series(labelValues), s -> new LongAdder()).increment();
    }

    /** The current count of one series; 0 for a series never incremented. */
    public long count(String... labelValues) {
        LongAdder count = series.get(new Series(labelValues));
        return count == null ? 0 : count.sum();
    }

    public void writeTo(PrometheusText out) {
        out.header(name, help, "counter");
        series.forEach((labels, count) -> out.sample(name, labelNames, labels.values, count.sum()));
    }

    /** Label values as a map key: arrays compare by identity, this by content. */
    private static final class Series {
        private final String[] values;
        private final int hash;

        Series(String[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Series s && Arrays.equals(values, s.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
