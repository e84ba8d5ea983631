package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the real {@code pgbench} (Debian: package postgresql) for tests; skips the test when it is not installed. */
final class Pgbench {
    static final Path PGBENCH = Path.of("/usr/bin/pgbench");
    private static final Pattern PROCESSED =
            Pattern.compile("number of transactions actually processed: (\\d+)(?:/(\\d+))?");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    /** Exit code and the merged standard output and error. */
    record Outcome(int exitCode, String output) {
        /** "number of transactions actually processed: n/m": n, or -1 when the line is missing. */
        long processed() {
            Matcher m = PROCESSED.matcher(output);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        /** "number of failed transactions: n", or 0 when pgbench does not print the line. */
        long failed() {
            Matcher m = FAILED.matcher(output);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    private Pgbench() {
    }

    /** Whether pgbench runs: Debian's /usr/bin/pgbench is a wrapper that needs the server package's binary. */
    private static volatile Boolean runs;

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(PGBENCH) && runs(), "pgbench is not installed (Debian: package postgresql)");
    }

    private static boolean runs() {
        if (runs == null) {
            try {
                Process p = new ProcessBuilder(PGBENCH.toString(), "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                runs = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                runs = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                runs = false;
            }
        }
        return runs;
    }

    /** Runs {@code pgbench -h 127.0.0.1 -p port -U postgres args... postgres}. */
    static Outcome run(int port, String... args) throws IOException, InterruptedException {
        assumeInstalled();
        List<String> command = new ArrayList<>(List.of(PGBENCH.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "postgres"));
        command.addAll(List.of(args));
        command.add("postgres");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PG"));
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            // Read while it runs, so a chatty pgbench never blocks on a full pipe.
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("pgbench finished in time").isTrue();
            return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
