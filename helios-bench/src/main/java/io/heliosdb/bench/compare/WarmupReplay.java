package io.heliosdb.bench.compare;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays the pgbench warm-ups a compare run logged through this build's warm-up rule ({@link PgbenchWarmup},
 * {@link JitQuiet}): for each warm-up, when it ended in that run and when this rule would have ended it, from the
 * per-second tps and JIT totals the run's logs hold. So a change to the rule is judged on a quiet machine's real
 * data without running anything; a warm-up the rule would end later than the recorded one shows as "after".
 * {@code WarmupReplay <scale: quick|full> <log files...>} ({@code bench/warmup-replay} passes a run's logs).
 */
public final class WarmupReplay {
    private static final Pattern COMMAND = Pattern.compile("^\\$ \\S*pgbench .* -T (\\d+) -n -P 1 ");
    private static final Pattern JIT_LINE = Pattern.compile("^warm-up ([0-9.]+) s: .* JIT \\+(\\d+) ms compiling \\(([0-9,]+) ms in all\\)");
    private static final Pattern ENDED = Pattern.compile("^warmed up with \\d+ transactions in ([0-9.]+) s \\(ended by ([a-z ]+)\\)");

    /** One recorded warm-up: its command, progress lines, JIT totals per second, and how it ended in the run. */
    record Recorded(String file, String command, List<String> progress, List<Long> compiledTotals, double endedSeconds,
                    String endedBy) {
        int statementsPerTransaction() {
            return (" " + command + " ").contains(" -S ") ? 1 : 7;
        }
    }

    /** What this build's rule makes of a recorded warm-up: seconds and why, or null seconds when it ran past the record. */
    record Replayed(Recorded recorded, double seconds, String endedBy) {
    }

    private WarmupReplay() {
    }

    public static void main(String[] args) throws Exception {
        Scale scale = Scale.named(args[0]);
        double before = 0;
        double after = 0;
        int later = 0;
        System.out.printf(Locale.ROOT, "%-34s %-34s %14s %22s%n", "log", "pgbench", "recorded", "this build's rule");
        for (int i = 1; i < args.length; i++) {
            // Each log is one JVM: its later warm-ups follow one that ended on the JIT's quiet (PgbenchRun.quietNanos).
            boolean quieted = false;
            for (Recorded r : parse(Path.of(args[i]).getFileName().toString(), Files.readAllLines(Path.of(args[i])))) {
                Replayed p = replay(r, scale, quieted);
                quieted |= p.endedBy().equals("jit quiet") && !Double.isNaN(p.seconds());
                before += r.endedSeconds();
                after += Double.isNaN(p.seconds()) ? r.endedSeconds() : p.seconds();
                later += Double.isNaN(p.seconds()) ? 1 : 0;
                System.out.printf(Locale.ROOT, "%-34s %-34s %6.1f s %-6s %22s%n", r.file(), r.command(), r.endedSeconds(),
                        "(" + r.endedBy().replace("jit quiet", "quiet") + ")", Double.isNaN(p.seconds())
                                ? "after " + r.endedSeconds() + " s" : String.format(Locale.ROOT, "%.1f s (%s)",
                                p.seconds(), p.endedBy().replace("jit quiet", "quiet")));
            }
        }
        System.out.printf(Locale.ROOT, "total: %.1f s recorded, %.1f s with this build's rule (%d warm-ups it would end "
                + "after the recorded end, counted at that end)%n", before, after, later);
    }

    /** The pgbench warm-ups of one compare log, in order. */
    static List<Recorded> parse(String file, List<String> lines) {
        List<Recorded> out = new ArrayList<>();
        String command = null;
        List<String> progress = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (String line : lines) {
            Matcher c = COMMAND.matcher(line + " ");
            if (c.find()) {
                command = line.replaceAll("^.*pgbench -h \\S+ -p \\d+ -U \\S+ ", "").replaceAll(" -T \\d+ -n -P 1 .*", "");
                progress = new ArrayList<>();
                totals = new ArrayList<>();
                continue;
            }
            if (command == null) {
                continue;
            }
            if (PgbenchWarmup.progress(line) != null) {
                progress.add(line);
                continue;
            }
            Matcher j = JIT_LINE.matcher(line);
            if (j.find()) {
                long total = Long.parseLong(j.group(3).replace(",", ""));
                if (totals.isEmpty()) {
                    totals.add(total - Long.parseLong(j.group(2)));
                }
                totals.add(total);
                continue;
            }
            Matcher e = ENDED.matcher(line);
            if (e.find()) {
                out.add(new Recorded(file, command, List.copyOf(progress), List.copyOf(totals),
                        Double.parseDouble(e.group(1)), e.group(2)));
                command = null;
            }
        }
        return out;
    }

    /** Runs the recorded progress through this build's rule for a JVM's first warm-up, one second per progress line. */
    static Replayed replay(Recorded r, Scale scale) throws Exception {
        return replay(r, scale, false);
    }

    /**
     * Runs the recorded progress through this build's rule, one second per progress line.
     *
     * @param quietedBefore an earlier warm-up of the same JVM ended on the JIT's quiet
     */
    static Replayed replay(Recorded r, Scale scale, boolean quietedBefore) throws Exception {
        Pacing pacing = Pacing.of(scale, Workload.PGBENCH_TPCB_8);
        long second = 1_000_000_000L;
        AtomicLong now = new AtomicLong(-second);
        List<Long> totals = r.compiledTotals().isEmpty() ? List.of(0L) : r.compiledTotals();
        java.util.function.LongSupplier compiled =
                () -> totals.get((int) Math.max(0, Math.min(totals.size() - 1, now.get() / second)));
        JitQuiet jit = new JitQuiet(compiled, () -> true, pacing.quietOps(),
                PgbenchRun.quietNanos(pacing, quietedBefore), 0);
        PgbenchWarmup.JitProbe probe = new PgbenchWarmup.JitProbe() {
            @Override
            public long compiledMillis() {
                return compiled.getAsLong();
            }

            @Override
            public double compilerCpuMillis() {
                return Double.NaN;
            }
        };
        PgbenchWarmup.Outcome o = PgbenchWarmup.follow(new BufferedReader(new StringReader(String.join("\n", r.progress()))),
                r.statementsPerTransaction(), pacing, jit, probe, () -> now.addAndGet(second), () -> { }, true, s -> { });
        double seconds = o.nanos() / 1e9;
        boolean ranOut = !o.ended().equals("jit quiet")
                && (r.endedBy().equals("jit quiet") || seconds < pacing.capMillis() / 1000.0);
        return new Replayed(r, ranOut ? Double.NaN : Math.min(seconds, pacing.capMillis() / 1000.0),
                o.ended().equals("jit quiet") ? "jit quiet" : "cap");
    }
}
