package io.heliosdb.bench.compare;

import java.util.List;
import java.util.Locale;

/**
 * The CSV report: one line per (workload, system) with its summary and a {@code ratio_vs_<peer>}
 * column per system of the run (empty where either side did not run).
 */
public final class CsvReport {
    private CsvReport() {
    }

    public static String render(List<String> targetIds, List<Summary> summaries) {
        StringBuilder csv = new StringBuilder(
                "workload,system,status,rounds,median_ops_per_s,min_ops_per_s,max_ops_per_s,p50_us,p99_us,"
                        + "startup_ms,peak_heap_mb,peak_rss_mb,cache_hit_rate,note,cpu_us_per_op");
        for (String id : targetIds) {
            csv.append(",ratio_vs_").append(id);
        }
        csv.append('\n');
        for (Summary s : summaries) {
            csv.append(field(s.workload())).append(',').append(field(s.target())).append(',')
                    .append(field(s.status())).append(',').append(s.rounds()).append(',')
                    .append(num(s.medianOps())).append(',').append(num(s.minOps())).append(',')
                    .append(num(s.maxOps())).append(',').append(num(s.p50Micros())).append(',')
                    .append(num(s.p99Micros())).append(',').append(num(s.startupMs())).append(',')
                    .append(num(s.peakHeapMb())).append(',').append(num(s.peakRssMb())).append(',')
                    .append(num(s.hitRate())).append(',').append(field(s.note())).append(',')
                    .append(num(s.cpuMicrosPerOp()));
            for (String id : targetIds) {
                csv.append(',').append(num(s.ratioTo(Goals.find(summaries, s.workload(), id))));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** RFC 4180 quoting where needed. */
    static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
