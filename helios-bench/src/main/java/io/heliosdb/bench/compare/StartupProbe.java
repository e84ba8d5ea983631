package io.heliosdb.bench.compare;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of {@code heliosdb-lite start} as a user runs it: each variant is a directory holding a
 * {@code heliosdb-lite} launcher (a repository, or a copy of one's launcher, jvm.args and helios-cli/target),
 * started over and over, interleaved (A B B A A B …), each time on a fresh port and, with {@code --data},
 * a fresh data directory. Per start it records the wall time from process start to the first accepted connection
 * and to the first answered {@code SELECT 1} (see {@link FirstAnswer}) and the CPU time the process (all its
 * threads: JIT compilers, GC) had used by then, which a loaded machine distorts far less than the wall time.
 * Prints each start and the medians, min–max and ratios to the first variant.
 *
 * <pre>java -cp helios-bench/target/benchmarks.jar io.heliosdb.bench.compare.StartupProbe
 *     [--runs 7] [--data] [--keep-logs DIR] ROOT_A [ROOT_B …]</pre>
 * ({@code bench/startup} runs it.) A variant may be named {@code label=ROOT}.
 */
public final class StartupProbe {
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    record Variant(String label, Path root) {
        static Variant parse(String arg) {
            int eq = arg.indexOf('=');
            Path root = Path.of(eq < 0 ? arg : arg.substring(eq + 1)).toAbsolutePath().normalize();
            return new Variant(eq < 0 ? root.getFileName().toString() : arg.substring(0, eq), root);
        }
    }

    /**
     * One start: wall and process CPU milliseconds from process start to the first answer, of that CPU the share
     * of the JVM's JIT compiler threads (NaN where /proc cannot tell), and the wall milliseconds to the first
     * accepted connection (the start-up figure; NaN when not measured).
     */
    record Sample(double wallMs, double cpuMs, double jitMs, double acceptedMs) {
        Sample(double wallMs, double cpuMs) {
            this(wallMs, cpuMs, Double.NaN, Double.NaN);
        }
    }

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 7;
        boolean data = false;
        Path logs = null;
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--data" -> data = true;
                case "--keep-logs" -> logs = Path.of(args[++i]);
                default -> {
                    if (args[i].startsWith("--")) {
                        System.err.println("usage: StartupProbe [--runs N] [--data] [--keep-logs DIR] ROOT_A [ROOT_B ...]");
                        System.exit(2);
                    }
                    variants.add(Variant.parse(args[i]));
                }
            }
        }
        for (Variant v : variants) {
            if (!Files.isExecutable(v.root().resolve("heliosdb-lite"))) {
                System.err.println("StartupProbe: no executable heliosdb-lite in " + v.root());
                System.exit(2);
            }
        }
        if (variants.isEmpty()) {
            System.err.println("StartupProbe: name at least one directory holding a heliosdb-lite launcher");
            System.exit(2);
        }
        Path work = logs != null ? Files.createDirectories(logs) : Files.createTempDirectory("heliosdb-startup");
        Map<Variant, List<Sample>> samples = run(variants, runs, data, work);
        System.out.print(summary(samples));
        if (logs == null) {
            deleteTree(work);
        }
    }

    /** Every variant {@code runs} times, alternating the order each run so neither always goes first. */
    static Map<Variant, List<Sample>> run(List<Variant> variants, int runs, boolean data, Path work)
            throws IOException, InterruptedException {
        Map<Variant, List<Sample>> samples = new LinkedHashMap<>();
        variants.forEach(v -> samples.put(v, new ArrayList<>()));
        for (int run = 1; run <= runs; run++) {
            List<Variant> order = new ArrayList<>(variants);
            if (run % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            for (Variant v : order) {
                Sample s = startOnce(v, data, work.resolve(v.label() + "-" + run));
                samples.get(v).add(s);
                System.out.printf(Locale.ROOT, "run %d %-12s accepted %7.1f ms, first answer %7.1f ms wall, "
                        + "%7.1f ms CPU (JIT %.0f)%n", run, v.label(), s.acceptedMs(), s.wallMs(), s.cpuMs(), s.jitMs());
                System.out.flush();
            }
        }
        return samples;
    }

    /** Starts the variant's launcher once, waits for its first answer, then stops it (SIGTERM). */
    static Sample startOnce(Variant v, boolean data, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(v.root().resolve("heliosdb-lite").toString(), "start"));
        command.addAll(data ? List.of("--data", dir.resolve("data").toString()) : List.of("--memory"));
        command.addAll(List.of("--port", Integer.toString(port), "--listen", "127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        long started = System.nanoTime();
        Process server = builder.start();
        try {
            long accepted = FirstAnswer.await(port, started + START_TIMEOUT_NANOS, server::isAlive);
            double wallMs = (System.nanoTime() - started) / 1e6;
            double jitMs = ThreadCpu.compilerMillis(server.pid());
            Duration cpu = server.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
            return new Sample(wallMs, cpu.toNanos() / 1e6, jitMs, (accepted - started) / 1e6);
        } catch (IOException e) {
            throw new IOException(v.label() + ": " + e.getMessage() + "; see " + dir.resolve("server.log"), e);
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    static String summary(Map<Variant, List<Sample>> samples) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n%-12s %5s %28s %28s %26s %30s%n", "variant", "runs", "wall ms: median (min-max)",
                "CPU ms: median (min-max)", "of which JIT: median", "accepted ms: median (min-max)"));
        double[] first = null;
        for (Map.Entry<Variant, List<Sample>> e : samples.entrySet()) {
            double[] wall = e.getValue().stream().mapToDouble(Sample::wallMs).toArray();
            double[] cpu = e.getValue().stream().mapToDouble(Sample::cpuMs).toArray();
            double[] medians = {Summary.median(wall), Summary.median(cpu)};
            double jit = Summary.median(e.getValue().stream().mapToDouble(Sample::jitMs).toArray());
            double[] accepted = e.getValue().stream().mapToDouble(Sample::acceptedMs).toArray();
            out.append(String.format(Locale.ROOT, "%-12s %5d %28s %28s %26.0f %30s", e.getKey().label(), wall.length,
                    spread(medians[0], wall), spread(medians[1], cpu), jit,
                    spread(Summary.median(accepted), accepted)));
            if (first == null) {
                first = medians;
            } else {
                out.append(String.format(Locale.ROOT, "   x%.2f wall, x%.2f CPU of %s", medians[0] / first[0],
                        medians[1] / first[1], samples.keySet().iterator().next().label()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String spread(double median, double[] values) {
        return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", median, Arrays.stream(values).min().orElse(Double.NaN),
                Arrays.stream(values).max().orElse(Double.NaN));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
