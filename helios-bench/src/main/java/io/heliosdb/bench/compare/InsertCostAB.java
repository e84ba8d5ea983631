package io.heliosdb.bench.compare;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@link InsertCost} for two builds in ONE JVM, alternating short rounds (A B B A A B ...), so that
 * machine load, heap state and the time of day hit both alike; on a loaded 2-core machine fresh JVMs a
 * minute apart differ by ±25% in CPU per row, far more than most changes. Each build's helios-*.jar
 * run in their own class loader over a shared parent holding the third-party jars (RocksDB's native
 * library loads once), each with its own database.
 *
 * <p>Usage: {@code InsertCostAB <A lib dir> <B lib dir> <target id> [rounds] [transactions per round]}
 * with {@code -Dwarmup=N} (default 300) transactions per build first; see bench/insert-cost-ab.
 */
public final class InsertCostAB {
    private static final String[] METRICS = {"thread_cpu_ns", "insert_cpu_ns", "commit_cpu_ns", "thread_sys_ns",
        "alloc_bytes"};

    private InsertCostAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: InsertCostAB <A lib dir> <B lib dir> <target id> [rounds] [transactions]");
            System.exit(2);
        }
        Path libA = Path.of(args[0]);
        Path libB = Path.of(args[1]);
        String target = args[2];
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int transactions = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        int warmup = Integer.getInteger("warmup", 300);
        Path benchmarks = Path.of(InsertCostAB.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader shared = new URLClassLoader(urls(libB, false, null), ClassLoader.getPlatformClassLoader());
        Build a = new Build("A", new URLClassLoader(urls(libA, true, benchmarks), shared), target);
        Build b = new Build("B", new URLClassLoader(urls(libB, true, benchmarks), shared), target);
        try (a; b) {
            a.run(warmup, false);
            b.run(warmup, false);
            for (int round = 0; round < rounds; round++) {
                // A B, then B A: neither build always runs right after the other's garbage.
                Build first = round % 2 == 0 ? a : b;
                first.run(transactions, true);
                (first == a ? b : a).run(transactions, true);
            }
            for (int m = 0; m < METRICS.length; m++) {
                double ma = median(a.samples.get(m));
                double mb = median(b.samples.get(m));
                System.out.printf(Locale.ROOT, "median %s %s A=%.0f B=%.0f B/A=%.3f%n", target, METRICS[m], ma, mb,
                        ma == 0 ? Double.NaN : mb / ma);
            }
        }
    }

    /** One build's runner, driven through reflection (only JDK types cross the loaders). */
    private static final class Build implements AutoCloseable {
        final String name;
        final ClassLoader loader;
        final Object runner;
        final Method run;
        final List<List<Double>> samples = new ArrayList<>();

        Build(String name, ClassLoader loader, String target) throws Exception {
            this.name = name;
            this.loader = loader;
            Class<?> runnerClass = Class.forName(InsertCost.class.getName() + "$Runner", true, loader);
            this.runner = inLoader(() -> runnerClass.getMethod("open", String.class).invoke(null, target));
            this.run = runnerClass.getMethod("run", int.class, int.class);
            for (int i = 0; i < METRICS.length; i++) {
                samples.add(new ArrayList<>());
            }
        }

        void run(int transactions, boolean record) throws Exception {
            long[] t = (long[]) inLoader(() -> run.invoke(runner, transactions, 1000));
            if (record) {
                double n = transactions * 1000.0;
                double[] values = {(t[0] + t[1]) / n, t[0] / n, t[1] / n, (t[0] + t[1] - t[2]) / n, t[3] / n};
                StringBuilder line = new StringBuilder("round build=" + name);
                for (int i = 0; i < values.length; i++) {
                    samples.get(i).add(values[i]);
                    line.append(String.format(Locale.ROOT, " %s=%.0f", METRICS[i], values[i]));
                }
                System.out.println(line);
            }
        }

        Object inLoader(ReflectiveCall call) throws Exception {
            Thread thread = Thread.currentThread();
            ClassLoader saved = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return call.call();
            } finally {
                thread.setContextClassLoader(saved);
            }
        }

        @Override
        public void close() throws Exception {
            inLoader(() -> {
                ((AutoCloseable) runner).close();
                return null;
            });
        }
    }

    private interface ReflectiveCall {
        Object call() throws Exception;
    }

    /** The jars of {@code lib}: HeliosDB's own (then {@code benchmarks} last) or the third-party ones. */
    private static URL[] urls(Path lib, boolean helios, Path benchmarks) throws Exception {
        List<URL> out = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                if (jar.getFileName().toString().startsWith("helios-") == helios) {
                    out.add(jar.toUri().toURL());
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no " + (helios ? "helios-*" : "third-party") + " jars in " + lib);
        }
        if (benchmarks != null) {
            out.add(benchmarks.toUri().toURL()); // last: its manifest's lib/ entries must not shadow the build's jars
        }
        return out.toArray(new URL[0]);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
