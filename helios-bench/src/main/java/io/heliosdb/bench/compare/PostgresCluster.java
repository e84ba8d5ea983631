package io.heliosdb.bench.compare;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL 15 cluster for the harness: initdb in a temporary directory, started
 * with pg_ctl on a free loopback port with fsync on, stopped and deleted by {@link #close()}.
 * PostgreSQL refuses to run as root, so as root it runs as {@code nobody} through runuser.
 */
final class PostgresCluster implements AutoCloseable {
    static final String USER = "postgres";
    static final Path DEFAULT_BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asNobody;

    private PostgresCluster(Path bin, Path dataDir, int port, boolean asNobody) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asNobody = asNobody;
    }

    int port() {
        return port;
    }

    /** The cluster's data directory (its postmaster.pid names the server process). */
    Path dataDir() {
        return dataDir;
    }

    /** Starts a cluster, or explains in the exception why it could not. */
    static PostgresCluster start(Path bin) throws IOException, InterruptedException {
        if (!Files.isExecutable(bin.resolve("pg_ctl")) || !Files.isExecutable(bin.resolve("initdb"))) {
            throw new IOException("PostgreSQL binaries not found in " + bin + " (apt-get install postgresql-15)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("helios-bench-pg");
        Path data = dir.resolve("data");
        if (root) {
            exec(List.of("chown", "nobody", dir.toString()), false, 30);
        }
        PostgresCluster cluster = new PostgresCluster(bin, data, freePort(), root);
        cluster.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust",
                "-E", "UTF8", "--no-sync"), 120);
        cluster.run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                "-c port=" + cluster.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
                        + dir + " -c fsync=on -c synchronous_commit=on -c max_connections=60", "start"), 90);
        return cluster;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), 60);
        } finally {
            exec(List.of("rm", "-rf", dataDir.getParent().toString()), false, 60);
        }
    }

    private void run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        exec(command, asNobody, timeoutSeconds);
    }

    private static void exec(List<String> command, boolean asNobody, int timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", full));
        }
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + ": " + String.join(" ", full));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
