package io.heliosdb.bench.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wall-clock time the harness itself spent on one part of a run (a workload's runs over all rounds,
 * building the data sets, ...), so the report shows where a run's minutes go.
 *
 * @param what    a workload id or a named step
 * @param runs    child JVMs started for it (none for a kind of job, which runs inside a system's JVM)
 * @param seconds wall-clock seconds, JVM start-up and file copies included
 */
record Elapsed(String what, int runs, double seconds) {

    /** Adds up time per part, in first-seen order. */
    static final class Clock {
        private final Map<String, double[]> parts = new LinkedHashMap<>();
        /** Time inside the parts, shown after the total ("of which ..."), not added to it. */
        private final Map<String, double[]> within = new LinkedHashMap<>();

        /** Adds a part's time and one JVM started for it. */
        void add(String what, long nanos) {
            double[] p = parts.computeIfAbsent(what, k -> new double[2]);
            p[0]++;
            p[1] += nanos / 1e9;
        }

        /** Adds a part's wall time and the {@code runs} JVMs it started (e.g. several at once). */
        void add(String what, long nanos, int runs) {
            double[] p = parts.computeIfAbsent(what, k -> new double[2]);
            p[0] += runs;
            p[1] += nanos / 1e9;
        }

        /** Adds time spent inside a JVM counted elsewhere (a job of a system's JVM). */
        void addTime(String what, long nanos) {
            parts.computeIfAbsent(what, k -> new double[2])[1] += nanos / 1e9;
        }

        /** Adds time spent inside the parts (e.g. every warm-up), shown after the total. */
        void addWithin(String what, long nanos) {
            within.computeIfAbsent(what, k -> new double[1])[0] += nanos / 1e9;
        }

        /**
         * The parts, then "other" for what the total holds beyond them (PostgreSQL start, probes, reports), the
         * total, and what lies within the parts.
         */
        List<Elapsed> list(long totalNanos) {
            List<Elapsed> out = new java.util.ArrayList<>();
            double sum = 0;
            for (Map.Entry<String, double[]> e : parts.entrySet()) {
                out.add(new Elapsed(e.getKey(), (int) e.getValue()[0], e.getValue()[1]));
                sum += e.getValue()[1];
            }
            out.add(new Elapsed(OTHER, 0, Math.max(0, totalNanos / 1e9 - sum)));
            out.add(new Elapsed(TOTAL, out.stream().mapToInt(Elapsed::runs).sum(), totalNanos / 1e9));
            within.forEach((what, seconds) -> out.add(new Elapsed(what, 0, seconds[0])));
            return out;
        }
    }

    /** The phases a JVM's {@link RunOne#PHASES_PREFIX} lines add up: warm-ups, measured, zipfian and pgbench warm-ups. */
    static final int PHASES = 4;

    /**
     * Adds one {@code PHASES <warm-up nanos> <measured nanos> <workload>} line to {@code phaseNanos}
     * ({@link #PHASES} long); a line that does not parse adds nothing.
     */
    static void parsePhases(String line, long[] phaseNanos) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^" + RunOne.PHASES_PREFIX + "(\\d+) (\\d+) (\\S+)$")
                .matcher(line);
        if (!m.find()) {
            return;
        }
        long warm = Long.parseLong(m.group(1));
        phaseNanos[0] += warm;
        phaseNanos[1] += Long.parseLong(m.group(2));
        Workload w = java.util.Arrays.stream(Workload.values()).filter(x -> x.id().equals(m.group(3))).findFirst()
                .orElse(null);
        if (w == Workload.ZIPF_POINT_SELECT) {
            phaseNanos[2] += warm;
        } else if (w != null && w.kind() == Workload.Kind.PGBENCH) {
            phaseNanos[3] += warm;
        }
    }

    /** Adds a JVM's phases to the clock's "of which" rows, in the report's order. */
    static void addPhases(Clock clock, long[] phaseNanos) {
        clock.addWithin(WARMUPS, phaseNanos[0]);
        clock.addWithin(WARMUPS_ZIPF, phaseNanos[2]);
        clock.addWithin(WARMUPS_PGBENCH, phaseNanos[3]);
        clock.addWithin(MEASURED, phaseNanos[1]);
    }

    static final String OTHER = "other (PostgreSQL start and stop, disk sync rate, empty-heap probe, report)";
    static final String TOTAL = "total";
    static final String WARMUPS = "of which warm-ups (every workload's, inside the JVMs above)";
    static final String WARMUPS_ZIPF = "of those, zipf-point-select's (until the JIT is quiet and the hit rate level)";
    static final String WARMUPS_PGBENCH = "of those, pgbench's (until the JIT of the JVM hosting the server is quiet)";
    static final String MEASURED = "of which measured (every workload's windows; the rest of the total is the harness's "
            + "own: JVM start, heap touch, loading and opening data sets, copies)";
}
