package io.heliosdb.bench.compare;

import java.util.Locale;

/**
 * What one run (one target, one workload, one round, one JVM) measured; or why it did not run.
 *
 * @param status      {@code ok}, {@code n/a} or {@code error}
 * @param opsPerSec   operations (rows, for the 1,000-row transactions) per second
 * @param p50Micros   median latency of one operation
 * @param p99Micros   99th percentile latency of one operation
 * @param startupMs   from opening the system to the first query answered
 * @param peakHeapMb  peak heap of the benchmark JVM over the run
 * @param peakRssMb   peak resident set of the benchmark JVM over the run (VmHWM; NaN where /proc is missing)
 * @param hitRate     the Hybrid cache's hit rate over the measured period (pgbench: warm-up included), NaN without a cache
 * @param note        the reason for {@code n/a}/{@code error}, else empty
 * @param firstAnswerMs where {@code startupMs} is a first accepted connection (helios-launcher): from opening the
 *                    system to its first answered query; else NaN
 * @param cpuMicrosPerOp the benchmark JVM's process CPU per operation over the measured window (client and, for the
 *                    in-process servers, server alike), where the workload reports it (zipf-point-select, pgbench
 *                    against a HeliosDB server); else NaN
 */
public record RunResult(String target, String workload, int round, String status, double opsPerSec,
                        double p50Micros, double p99Micros, double startupMs, double peakHeapMb, double peakRssMb,
                        double hitRate, String note, double firstAnswerMs, double cpuMicrosPerOp) {

    public static final String LINE_PREFIX = "RESULT\t";
    private static final int FIELDS = 14;

    /** A result without a CPU figure. */
    public RunResult(String target, String workload, int round, String status, double opsPerSec, double p50Micros,
                     double p99Micros, double startupMs, double peakHeapMb, double peakRssMb, double hitRate,
                     String note, double firstAnswerMs) {
        this(target, workload, round, status, opsPerSec, p50Micros, p99Micros, startupMs, peakHeapMb, peakRssMb,
                hitRate, note, firstAnswerMs, Double.NaN);
    }

    /** A result whose start-up figure is its first answered query. */
    public RunResult(String target, String workload, int round, String status, double opsPerSec, double p50Micros,
                     double p99Micros, double startupMs, double peakHeapMb, double peakRssMb, double hitRate,
                     String note) {
        this(target, workload, round, status, opsPerSec, p50Micros, p99Micros, startupMs, peakHeapMb, peakRssMb,
                hitRate, note, Double.NaN);
    }

    /** A result without RSS and cache figures. */
    public RunResult(String target, String workload, int round, String status, double opsPerSec, double p50Micros,
                     double p99Micros, double startupMs, double peakHeapMb, String note) {
        this(target, workload, round, status, opsPerSec, p50Micros, p99Micros, startupMs, peakHeapMb, Double.NaN,
                Double.NaN, note);
    }

    public static RunResult notApplicable(String target, String workload, int round, String why) {
        return new RunResult(target, workload, round, "n/a", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, why);
    }

    public static RunResult error(String target, String workload, int round, String why) {
        return new RunResult(target, workload, round, "error", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, why);
    }

    /** The same result with another start-up figure (a later job of a JVM reports the JVM's first open). */
    public RunResult withStartupMs(double ms) {
        return new RunResult(target, workload, round, status, opsPerSec, p50Micros, p99Micros, ms, peakHeapMb,
                peakRssMb, hitRate, note, firstAnswerMs, cpuMicrosPerOp);
    }

    /** The same result with a first-answer figure apart from its start-up (first accepted connection) figure. */
    public RunResult withFirstAnswerMs(double ms) {
        return new RunResult(target, workload, round, status, opsPerSec, p50Micros, p99Micros, startupMs, peakHeapMb,
                peakRssMb, hitRate, note, ms, cpuMicrosPerOp);
    }

    /** This result with the cache hit rate of its own workload (several workloads share one instance). */
    public RunResult withHitRate(double rate) {
        return new RunResult(target, workload, round, status, opsPerSec, p50Micros, p99Micros, startupMs, peakHeapMb,
                peakRssMb, rate, note, firstAnswerMs, cpuMicrosPerOp);
    }

    /** This result with the process CPU per operation of its measured window. */
    public RunResult withCpuMicrosPerOp(double micros) {
        return new RunResult(target, workload, round, status, opsPerSec, p50Micros, p99Micros, startupMs, peakHeapMb,
                peakRssMb, hitRate, note, firstAnswerMs, micros);
    }

    public boolean ok() {
        return status.equals("ok");
    }

    /** One tab-separated line, the child JVM's answer to the harness. */
    public String toLine() {
        return LINE_PREFIX + String.join("\t", target, workload, Integer.toString(round), status, num(opsPerSec),
                num(p50Micros), num(p99Micros), num(startupMs), num(peakHeapMb), num(peakRssMb), num(hitRate),
                clean(note), num(firstAnswerMs), num(cpuMicrosPerOp));
    }

    public static RunResult parseLine(String line) {
        if (!line.startsWith(LINE_PREFIX)) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        String[] f = line.substring(LINE_PREFIX.length()).split("\t", -1);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException("expected " + FIELDS + " fields in: " + line);
        }
        return new RunResult(f[0], f[1], Integer.parseInt(f[2]), f[3], Double.parseDouble(f[4]),
                Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]), f[11],
                Double.parseDouble(f[12]), Double.parseDouble(f[13]));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
