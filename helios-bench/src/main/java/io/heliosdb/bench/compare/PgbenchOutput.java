package io.heliosdb.bench.compare;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code pgbench} run printed, reduced to the figures the harness reports.
 *
 * @param tps          transactions per second without the time spent opening connections
 *                     (PostgreSQL 14+: "without initial connection time"; 13 and older: "excluding
 *                     connections establishing"); NaN when pgbench printed none
 * @param latencyAvgMs "latency average" in milliseconds, NaN when missing
 * @param processed    "number of transactions actually processed", -1 when missing
 * @param failed       "number of failed transactions" (pgbench 15+), 0 when the line is missing
 * @param aborted      pgbench said "Run was aborted" (a client hit an error it could not retry)
 */
record PgbenchOutput(double tps, double latencyAvgMs, long processed, long failed, boolean aborted) {
    private static final Pattern TPS_WITHOUT_CONNECT = Pattern.compile(
            "(?m)^tps = ([0-9.]+) \\((?:without initial connection time|excluding connections establishing)\\)");
    private static final Pattern LATENCY = Pattern.compile("(?m)^latency average = ([0-9.]+) ms");
    private static final Pattern PROCESSED = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: (\\d+)");

    static PgbenchOutput parse(String output) {
        return new PgbenchOutput(number(TPS_WITHOUT_CONNECT, output), number(LATENCY, output),
                count(PROCESSED, output, -1), count(FAILED, output, 0), output.contains("Run was aborted"));
    }

    /** Why this run cannot be reported as a result, or {@code null} when it can. */
    String problem(int exitCode) {
        String failure = failure(exitCode);
        if (failure != null) {
            return failure;
        }
        if (Double.isNaN(tps) || processed <= 0) {
            return "pgbench printed no throughput";
        }
        return null;
    }

    /**
     * Why the run failed (an aborted client, a failed transaction, a bad exit), or {@code null}; a
     * warm-up run needs only this, since a slow system may finish no transaction in a short run.
     */
    String failure(int exitCode) {
        if (aborted) {
            return "pgbench aborted the run (a client failed)";
        }
        if (failed > 0) {
            return "pgbench reported " + failed + " failed transaction(s)";
        }
        if (exitCode != 0) {
            return "pgbench exited with " + exitCode;
        }
        return null;
    }

    private static double number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static long count(Pattern p, String text, long missing) {
        Matcher m = p.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : missing;
    }
}
