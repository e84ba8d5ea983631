package io.heliosdb.bench.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runs of one (workload, target) pair over all rounds, reduced to what the report shows. */
public record Summary(String workload, String target, String status, int rounds, double medianOps, double minOps,
                      double maxOps, double p50Micros, double p99Micros, double startupMs, double peakHeapMb,
                      double peakRssMb, double hitRate, String note, double firstAnswerMs, double cpuMicrosPerOp) {

    /** A pair without a CPU figure ({@link RunResult#cpuMicrosPerOp}). */
    public Summary(String workload, String target, String status, int rounds, double medianOps, double minOps,
                   double maxOps, double p50Micros, double p99Micros, double startupMs, double peakHeapMb,
                   double peakRssMb, double hitRate, String note, double firstAnswerMs) {
        this(workload, target, status, rounds, medianOps, minOps, maxOps, p50Micros, p99Micros, startupMs, peakHeapMb,
                peakRssMb, hitRate, note, firstAnswerMs, Double.NaN);
    }

    /** A pair whose start-up figure is its first answered query (no separate first-answer figure). */
    public Summary(String workload, String target, String status, int rounds, double medianOps, double minOps,
                   double maxOps, double p50Micros, double p99Micros, double startupMs, double peakHeapMb,
                   double peakRssMb, double hitRate, String note) {
        this(workload, target, status, rounds, medianOps, minOps, maxOps, p50Micros, p99Micros, startupMs, peakHeapMb,
                peakRssMb, hitRate, note, Double.NaN);
    }

    /** Groups runs by (workload, target) in first-seen order and summarises each group. */
    public static List<Summary> of(List<RunResult> runs) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : runs) {
            groups.computeIfAbsent(r.workload() + "\u0000" + r.target(), k -> new ArrayList<>()).add(r);
        }
        List<Summary> out = new ArrayList<>();
        for (List<RunResult> g : groups.values()) {
            out.add(summarise(g));
        }
        return out;
    }

    static Summary summarise(List<RunResult> group) {
        RunResult first = group.get(0);
        List<RunResult> ok = group.stream().filter(RunResult::ok).toList();
        if (ok.isEmpty()) {
            boolean na = group.stream().allMatch(r -> r.status().equals("n/a"));
            return new Summary(first.workload(), first.target(), na ? "n/a" : "error", 0, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, first.note());
        }
        double[] ops = ok.stream().mapToDouble(RunResult::opsPerSec).toArray();
        String note = ok.size() < group.size() ? (group.size() - ok.size()) + " run(s) failed: "
                + group.stream().filter(r -> !r.ok()).findFirst().map(RunResult::note).orElse("") : "";
        return new Summary(first.workload(), first.target(), "ok", ok.size(), median(ops),
                Arrays.stream(ops).min().orElseThrow(), Arrays.stream(ops).max().orElseThrow(),
                median(ok.stream().mapToDouble(RunResult::p50Micros).toArray()),
                median(ok.stream().mapToDouble(RunResult::p99Micros).toArray()),
                median(ok.stream().mapToDouble(RunResult::startupMs).toArray()),
                Arrays.stream(ok.stream().mapToDouble(RunResult::peakHeapMb).toArray()).max().orElseThrow(),
                ok.stream().mapToDouble(RunResult::peakRssMb).max().orElseThrow(),
                median(ok.stream().mapToDouble(RunResult::hitRate).toArray()), note,
                median(ok.stream().mapToDouble(RunResult::firstAnswerMs).toArray()),
                median(ok.stream().mapToDouble(RunResult::cpuMicrosPerOp).filter(v -> !Double.isNaN(v)).toArray()));
    }

    /** The median; the mean of the two middle values for an even count; NaN for none. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** This pair's median throughput over the peer's; NaN when either did not run. */
    public double ratioTo(Summary peer) {
        if (!status.equals("ok") || peer == null || !peer.status().equals("ok") || peer.medianOps() == 0) {
            return Double.NaN;
        }
        return medianOps / peer.medianOps();
    }
}
