package org.openissuer.metrics.control;

import java.util.List;

/**
 * Writes the Prometheus text exposition format, version 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats):
 * {@code # HELP} and {@code # TYPE} lines, then one sample per line, label values escaped.
 */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder(4096);

    public void header(String name, String help, String type) {
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    void sample(String name, List<String> labelNames, String[] labelValues, double value) {
        sample(name, labelNames, List.of(labelValues), value);
    }

    public void sample(String name, List<String> labelNames, List<String> labelValues, double value) {
        text.append(name);
        labels(labelNames, labelValues, null);
        text.append(' ').append(number(value)).append('\n');
    }

    void bucket(String name, List<String> labelNames, List<String> labelValues, String le, long cumulative) {
        text.append(name).append("_bucket");
        labels(labelNames, labelValues, le);
        text.append(' ').append(cumulative).append('\n');
    }

    private void labels(List<String> names, List<String> values, String le) {
        if (names.isEmpty() && le == null) {
            return;
        }
        text.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(names.get(i)).append("=\"");
            escape(values.get(i));
            text.append('"');
        }
        if (le != null) {
            text.append(names.isEmpty() ? "" : ",").append("le=\"").append(le).append('"');
        }
        text.append('}');
    }

    // the format escapes backslash, double quote and line feed in label values
    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                case '\n' -> text.append("\\n");
                default -> text.append(c);
            }
        }
    }

    /** Integral values without a fraction ("3", not "3.0"), others as Java writes doubles. */
    static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
