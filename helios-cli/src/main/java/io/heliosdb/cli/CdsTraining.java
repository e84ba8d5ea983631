package io.heliosdb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;

/**
 * The training run behind the launcher's class-data-sharing archive: helios-cli's build runs it once at
 * package time under {@code -XX:DumpLoadedClassList}, archives the listed classes with {@code -Xshare:dump} into
 * target/heliosdb-lite.jsa, and the launcher maps that archive so {@code heliosdb-lite start} does not read and
 * verify thousands of classes from jars.
 * It walks what {@code start --memory} and then {@code start --data} (RocksDB) do up to a first client (command
 * line, kernel, parser, Netty, a pgJDBC connection with a few statements) and stops. It never fails the build: on any error it
 * says so and exits 0, and the launcher then starts without the archive, only slower.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        // As Main does: the archive must hold the classes of the same start-up path.
        Main.quietNettyEvents();
        try {
            train();
            Path data = Files.createTempDirectory("heliosdb-cds-training");
            try {
                train("--data", data.resolve("db").toString());
            } finally {
                deleteTree(data);
            }
        } catch (Exception | LinkageError e) {
            System.err.println("heliosdb-lite: class-data-sharing training failed, the launcher will start without "
                    + "the archive: " + e);
        }
        System.exit(0);
    }

    /** Runs the start-up path of {@code start --memory} once; returns the port the server listened on (closed again). */
    static int train() throws Exception {
        return train("--memory");
    }

    /**
     * Runs the start-up path once with these storage options ({@code --memory}, or {@code --data DIR}: the default
     * {@code start} on RocksDB, whose classes the archive then holds too); returns the port (closed again on return).
     */
    static int train(String... storage) throws Exception {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        Main main = new Main(InputStream.nullInputStream(), false, Map.of());
        List<String> args = new ArrayList<>(List.of("start"));
        args.addAll(List.of(storage));
        args.addAll(List.of("--port", "0", "--listen", "127.0.0.1"));
        StartCommand start = (StartCommand) main.commandLine(quiet, quiet).parseArgs(args.toArray(String[]::new))
                .subcommand().commandSpec().userObject();
        start.main = main;
        ConsoleLogging.install(Level.WARNING, quiet, quiet);
        RunningServer server = RunningServer.start(start.resolveConfig(), quiet);
        try {
            Properties props = new Properties();
            props.setProperty("user", "postgres");
            props.setProperty("sslmode", "disable");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres",
                    props); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                s.execute("CREATE TABLE cds_training (id INTEGER PRIMARY KEY, note VARCHAR(20))");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO cds_training VALUES (?, ?)")) {
                    insert.setInt(1, 1);
                    insert.setString(2, "one");
                    insert.executeUpdate();
                }
                try (ResultSet r = s.executeQuery("SELECT id, note FROM cds_training WHERE id = 1")) {
                    r.next();
                }
            }
            return server.port();
        } finally {
            server.stop();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
