package io.heliosdb.bench.compare;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@code heliosdb-lite start --memory} as its own process, launched exactly as the launcher script
 * launches it (class path of helios-cli/target); its start-up figure is the issue's: the time from process start
 * to the first TCP connection the server accepts (bare connects, no driver), and the time to the first query
 * answered through pgJDBC (the harness's own cold driver included) is reported apart. Memory-only, so it measures
 * start-up and the server path, not storage.
 */
record HeliosLauncherTarget(String id) implements Target {
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Override
    public String description() {
        return "heliosdb-lite start --memory in its own process, via pgJDBC (" + PgJdbc.PROPERTIES_NOTE
                + "); start-up = process start to first accepted connection (first answered query reported apart)";
    }

    @Override
    public String notApplicable(Workload workload) {
        if (workload.kind() == Workload.Kind.DURABLE || workload.kind() == Workload.Kind.PGBENCH) {
            return "not durable";
        }
        Path root = root();
        return root != null && Files.isDirectory(root.resolve("helios-cli/target/lib")) ? null
                : "helios-cli is not packaged (run mvn install)";
    }

    /** The repository root, from where this class was loaded (helios-bench/target/...). */
    private static Path root() {
        try {
            Path here = Path.of(HeliosLauncherTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = here; p != null; p = p.getParent()) {
                if (Files.exists(p.resolve("heliosdb-lite")) && Files.isDirectory(p.resolve("helios-cli"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * Polls the starting server's port with bare TCP connects (closed at once) until one is accepted; returns the
     * {@link System#nanoTime()} of that accept. A refused connect costs next to nothing, whereas polling with pgJDBC
     * built a driver exception per attempt, every 2 ms, on the same two cores the starting server needs (and its
     * first attempts ran the driver's code cold).
     */
    static long awaitListening(int port, Process server, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(address, 5_000);
                return System.nanoTime();
            } catch (ConnectException refused) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("heliosdb-lite start did not accept a connection; see " + log, refused);
                }
                Thread.sleep(2); // polling an external process: there is nothing to wait on
            }
        }
    }

    @Override
    public Instance open(Path directory) throws Exception {
        Path cli = root().resolve("helios-cli/target");
        Path jar;
        try (var jars = Files.list(cli)) {
            jar = jars.filter(p -> p.getFileName().toString().matches("helios-cli-.*\\.jar")
                    && !p.getFileName().toString().contains("tests")).findFirst().orElseThrow();
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The launcher maps the build's class-data-sharing archive when there is one (see heliosdb-lite).
        Path cds = cli.resolve("heliosdb-lite.jsa");
        if (Files.isRegularFile(cds)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + cds, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        // The launcher's own JVM options (Chronicle's flags) and class path (the jar's manifest names target/lib's
        // jars), as heliosdb-lite passes them.
        command.addAll(List.of("@" + root().resolve("helios-cli/src/main/launcher/jvm.args"),
                "-cp", jar.toString(), "io.heliosdb.cli.Main",
                "start", "--memory", "--port", Integer.toString(port)));
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile()).start();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        return new Instance() {
            private boolean first = true;
            private OptionalLong accepted = OptionalLong.empty();

            @Override
            public DbClient connect() throws Exception {
                if (!first) {
                    return new JdbcClient(DriverManager.getConnection(url, PgJdbc.properties("postgres")));
                }
                first = false;
                accepted = OptionalLong.of(awaitListening(port, server, directory.resolve("server.log")));
                return new JdbcClient(DriverManager.getConnection(url, PgJdbc.properties("postgres")));
            }

            @Override
            public OptionalLong firstAcceptedNanos() {
                return accepted;
            }

            @Override
            public void close() throws InterruptedException {
                server.destroy();
                if (!server.waitFor(10, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor();
                }
            }
        };
    }
}
