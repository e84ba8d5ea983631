package io.heliosdb.bench.jmh;

/**
 * Entry point of {@code java -jar target/benchmarks.jar}: JMH's own command line. The main class
 * of a modular jar must live in the module, hence this one-line hand-over.
 */
public final class BenchmarksMain {
    private BenchmarksMain() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
