package io.heliosdb.bench.compare;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code heliosdb-lite start --memory} as its own process, launched exactly as the launcher script
 * launches it (module path of helios-cli/target); its start-up figure is the time from process start
 * to the first connection accepted and answered through pgJDBC. Memory-only, so it measures start-up
 * and the server path, not storage.
 */
record HeliosLauncherTarget(String id) implements Target {
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Override
    public String description() {
        return "heliosdb-lite start --memory in its own process, via pgJDBC (" + PgJdbc.PROPERTIES_NOTE
                + "); start-up = process start to first answered connection";
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
        // The launcher's own JVM options (Chronicle's flags), as heliosdb-lite passes them.
        command.addAll(List.of("@" + root().resolve("helios-cli/src/main/launcher/jvm.args"),
                "-p", cli.resolve("lib") + ":" + jar, "-m", "io.heliosdb.cli/io.heliosdb.cli.Main",
                "start", "--memory", "--port", Integer.toString(port)));
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile()).start();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        return new Instance() {
            private boolean first = true;

            @Override
            public DbClient connect() throws Exception {
                if (!first) {
                    return new JdbcClient(DriverManager.getConnection(url, PgJdbc.properties("postgres")));
                }
                first = false;
                long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
                while (true) {
                    try {
                        return new JdbcClient(DriverManager.getConnection(url, PgJdbc.properties("postgres")));
                    } catch (SQLException refused) {
                        if (!server.isAlive() || System.nanoTime() > deadline) {
                            throw new IOException("heliosdb-lite start did not accept a connection; see "
                                    + directory.resolve("server.log"), refused);
                        }
                        Thread.onSpinWait();
                        Thread.sleep(2); // polling an external process: there is nothing to wait on
                    }
                }
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
