package io.heliosdb.bench.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The Markdown report: systems, the goals, and one table per workload with ratios to each peer. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(ReportContext context, List<Summary> summaries) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(context.title()).append("\n\n");
        md.append("Machine: ").append(context.machine()).append("\n\n");
        for (String note : context.notes()) {
            md.append("- ").append(note).append('\n');
        }
        md.append("\n## Systems\n\n| id | what runs |\n|---|---|\n");
        for (Target t : context.targets()) {
            md.append("| ").append(t.id()).append(" | ").append(t.description()).append(" |\n");
        }
        md.append("\n## Goals from the issue (ratios of median throughput in this run; start-up and heap as measured)"
                + "\n\n| goal | ratio or figure | verdict |\n|---|---:|---|\n");
        for (Goals g : Goals.ALL) {
            md.append("| ").append(g.text()).append(" | ").append(ratio(g.ratio(summaries))).append(" | ")
                    .append(g.verdict(summaries)).append(" |\n");
        }
        for (MeasuredGoal g : context.measured()) {
            md.append("| ").append(g.text()).append(" (").append(g.how()).append(") | ").append(g.shown())
                    .append(" | ").append(g.verdict()).append(" |\n");
        }
        if (!context.elapsed().isEmpty()) {
            md.append("\n## Elapsed time of this run (wall clock, JVM start-up and file copies included)\n\n"
                    + "| part | runs | seconds |\n|---|---:|---:|\n");
            for (Elapsed e : context.elapsed()) {
                boolean total = e.what().equals(Elapsed.TOTAL);
                md.append("| ").append(total ? "**total**" : e.what()).append(" | ")
                        .append(e.runs() == 0 ? "" : Integer.toString(e.runs())).append(" | ")
                        .append(total ? String.format(Locale.ROOT, "**%.0f** (%.1f min)", e.seconds(), e.seconds() / 60)
                                : String.format(Locale.ROOT, "%.0f", e.seconds()))
                        .append(" |\n");
            }
        }
        for (String workload : workloads(summaries)) {
            List<Summary> rows = summaries.stream().filter(s -> s.workload().equals(workload)).toList();
            List<Summary> peers = rows.stream().filter(s -> s.status().equals("ok")).toList();
            md.append("\n## ").append(workload).append(describe(workload)).append("\n\n");
            // pgbench reports a latency average, not percentiles.
            md.append(isPgbench(workload) ? "| system | median tps | min–max tps | latency avg µs | p99 µs "
                    : "| system | median ops/s | min–max ops/s | p50 µs | p99 µs ");
            md.append("| start-up ms | peak heap MB | peak RSS MB | cache hit rate |");
            // Process CPU per operation where a workload reports it: it tells a run that needed more work from one
            // that got less of a loaded machine (zipf-point-select, pgbench against a HeliosDB server).
            boolean cpu = rows.stream().anyMatch(s -> !Double.isNaN(s.cpuMicrosPerOp()));
            if (cpu) {
                md.append(" process CPU µs/op |");
            }
            for (Summary p : peers) {
                md.append(" × ").append(p.target()).append(" |");
            }
            md.append("\n|---|---:|---:|---:|---:|---:|---:|---:|---:|").append(cpu ? "---:|" : "")
                    .append("---:|".repeat(peers.size())).append('\n');
            for (Summary s : rows) {
                md.append("| ").append(s.target()).append(" | ");
                if (!s.status().equals("ok")) {
                    md.append(s.status()).append(s.note().isEmpty() ? "" : " (" + s.note() + ")").append(" |")
                            .append(" |".repeat(7 + (cpu ? 1 : 0) + peers.size())).append('\n');
                    continue;
                }
                md.append(num(s.medianOps())).append(" | ").append(num(s.minOps())).append("–")
                        .append(num(s.maxOps())).append(" | ").append(num(s.p50Micros())).append(" | ")
                        .append(num(s.p99Micros())).append(" | ").append(num(s.startupMs())).append(" | ")
                        .append(num(s.peakHeapMb())).append(" | ").append(num(s.peakRssMb())).append(" | ")
                        .append(Double.isNaN(s.hitRate()) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * s.hitRate()))
                        .append(" |");
                if (cpu) {
                    md.append(' ').append(num(s.cpuMicrosPerOp())).append(" |");
                }
                for (Summary p : peers) {
                    md.append(' ').append(p == s ? "1" : ratio(s.ratioTo(p))).append(" |");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    static List<String> workloads(List<Summary> summaries) {
        Set<String> ids = new LinkedHashSet<>();
        summaries.forEach(s -> ids.add(s.workload()));
        return new ArrayList<>(ids);
    }

    private static boolean isPgbench(String workload) {
        try {
            return Workload.byId(workload).pgbench() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String describe(String workload) {
        try {
            return ": " + Workload.byId(workload).description();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Three significant figures without exponent noise: 123456 → 123,456; 0.5213 → 0.521. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, r >= 10 ? "%.0f×" : r >= 0.1 ? "%.2f×" : "%.3f×", r);
    }
}
