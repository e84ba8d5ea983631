package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The "an empty in-memory database adds at most 50 MB of heap", measured in a fresh JVM:
 * heap in use after a full GC, then {@code HeliosDB.open} in memory and a first query, then heap in
 * use after a full GC again; the difference is what the database holds (its static tables, such as
 * the parser's, included, since a fresh JVM loads them for it).
 */
public final class EmptyHeapProbe {
    static final String LINE_PREFIX = "EMPTY_HEAP_MB\t";

    private EmptyHeapProbe() {
    }

    public static void main(String[] args) {
        System.out.println(LINE_PREFIX + String.format(Locale.ROOT, "%.3f", measureMb()));
        System.out.flush();
        System.exit(0);
    }

    /** Heap the open, empty, queried database adds, in MB, in this JVM. */
    static double measureMb() {
        long before = usedAfterGc();
        HeliosDB db = HeliosDB.open(HeliosConfig.memory());
        try {
            try (Session s = db.session()) {
                s.execute("SELECT 1").close();
            }
            long after = usedAfterGc();
            return (after - before) / (1024.0 * 1024.0);
        } finally {
            Reference.reachabilityFence(db);
            db.close();
        }
    }

    private static long usedAfterGc() {
        // Twice: objects that only become unreachable after the first collection's finalisation go too.
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Runs the probe in {@code n} fresh JVMs; returns the figures of those that answered. */
    static List<Double> inFreshJvms(int n) throws IOException, InterruptedException {
        List<Double> mb = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                    "-cp", System.getProperty("java.class.path"), EmptyHeapProbe.class.getName())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(LINE_PREFIX)) {
                        mb.add(Double.parseDouble(line.substring(LINE_PREFIX.length())));
                    }
                }
            } finally {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        return mb;
    }
}
