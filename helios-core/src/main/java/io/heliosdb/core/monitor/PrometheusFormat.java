package io.heliosdb.core.monitor;

import java.util.List;
import java.util.Map;

/**
 * Renders samples in the Prometheus text exposition format 0.0.4: per metric family one
 * {@code # HELP} and one {@code # TYPE} line, then its samples; a summary's {@code _sum} and
 * {@code _count} belong to its family. The kernel's mode is exposed as {@code heliosdb_info{mode=...} 1}.
 */
public final class PrometheusFormat {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusFormat() {
    }

    public static String render(Map<String, String> facts, List<Sample> samples) {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP heliosdb_info HeliosDB Lite composition.\n# TYPE heliosdb_info gauge\nheliosdb_info{");
        boolean first = true;
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            out.append(first ? "" : ",").append(fact.getKey()).append("=\"").append(escape(fact.getValue())).append('"');
            first = false;
        }
        out.append("} 1\n");
        String family = null;
        for (Sample s : samples) {
            String f = family(s);
            if (!f.equals(family)) {
                family = f;
                out.append("# HELP ").append(f).append(' ').append(s.help().replace("\\", "\\\\").replace("\n", "\\n"))
                        .append('\n').append("# TYPE ").append(f).append(' ').append(s.type()).append('\n');
            }
            out.append(s.name());
            if (s.quantile() != null) {
                out.append("{quantile=\"").append(s.quantile()).append("\"}");
            }
            out.append(' ').append(number(s.value())).append('\n');
        }
        return out.toString();
    }

    private static String family(Sample s) {
        if (s.type().equals("summary")) {
            for (String suffix : new String[] {"_sum", "_count"}) {
                if (s.name().endsWith(suffix)) {
                    return s.name().substring(0, s.name().length() - suffix.length());
                }
            }
        }
        return s.name();
    }

    /** Whole numbers without a fraction, others as Java prints doubles (both valid Go ParseFloat input). */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
