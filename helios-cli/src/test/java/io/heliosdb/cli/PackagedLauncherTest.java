package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Launches the command as the launcher script does, {@code java -cp <runtime jars> io.heliosdb.cli.Main} (the
 * packaged jar's manifest names them), in a child JVM: storage engines and transports are then found through
 * their {@code META-INF/services} files, and Chronicle's flags name the unnamed module, unlike under Surefire.
 * One test launches on the module path ({@code java -p … -m io.heliosdb.cli/…}), which embedders and the README
 * use: its service binding and automatic modules (rocksdbjni) differ again.
 */
class PackagedLauncherTest {
    private static final Path THIRD_PARTY = Path.of("target", "test-modules");
    private static final Path CLASSES = Path.of("target", "classes");
    /** The launcher script's JVM options (Chronicle's flags among them), passed here as it passes them. */
    private static final Path JVM_ARGS = Path.of("src", "main", "launcher", "jvm.args");
    private static final Pattern LISTENING = Pattern.compile("\\[INFO] Server listening on [^:]+:(\\d+)");

    private final List<Process> processes = new ArrayList<>();

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    /** The runtime jars and classes, for -cp (the launcher's way) or -p. */
    private String modulePath;

    @BeforeEach
    void buildModulePath() throws IOException {
        assumeTrue(Files.isDirectory(THIRD_PARTY) && Files.isDirectory(CLASSES),
                "target/test-modules is copied by the build (mvn process-test-classes)");
        List<String> entries = new ArrayList<>();
        entries.add(CLASSES.toString());
        try (var jars = Files.list(THIRD_PARTY)) {
            jars.map(Path::toString).sorted().forEach(entries::add);
        }
        entries.addAll(ourRuntimeModules());
        modulePath = String.join(File.pathSeparator, entries);
    }

    /** helios-api, -core, -sql, -storage-*, -cache, -wire as Surefire found them: jars, or classes folders in a reactor build. */
    private static List<String> ourRuntimeModules() {
        String paths = System.getProperty("jdk.module.path", "") + File.pathSeparator
                + System.getProperty("java.class.path", "");
        Pattern ours = Pattern.compile(".*helios-(api|core|sql|storage-memory|storage-rocks|storage-lmdb|cache|wire)"
                + "([/\\\\]target[/\\\\]classes|-[^/\\\\]*(?<!-tests)\\.jar)$");
        List<String> found = new ArrayList<>();
        for (String entry : paths.split(File.pathSeparator)) {
            if (ours.matcher(entry).matches() && !found.contains(entry)) {
                found.add(entry);
            }
        }
        assertThat(found).as("our modules on Surefire's paths: %s", paths).hasSize(8);
        return found;
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Process launch(String... args) throws IOException {
        return launch(java.util.Map.of(), args);
    }

    private Process launch(java.util.Map<String, String> environment, String... args) throws IOException {
        return launch(List.of(), environment, args);
    }

    private Process launch(List<String> jvmOptions, java.util.Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + JVM_ARGS.toAbsolutePath()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", modulePath, "io.heliosdb.cli.Main"));
        command.addAll(List.of(args));
        return start(command, environment);
    }

    /** As {@link #launch(String...)}, on the module path. */
    private Process launchModular(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + JVM_ARGS.toAbsolutePath(), "-p", modulePath, "-m", "io.heliosdb.cli/io.heliosdb.cli.Main"));
        command.addAll(List.of(args));
        return start(command, java.util.Map.of());
    }

    private Process start(List<String> command, java.util.Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    /** Reads the child's output on a thread of its own, so the test can wait for a line with a timeout. */
    private static BlockingQueue<String> lines(Process p) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    queue.add(line);
                }
            } catch (IOException e) {
                queue.add("<read failed: " + e + ">");
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return queue;
    }

    private static String readAll(Process p) throws Exception {
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
        return text;
    }

    @Test
    void version_resolvesTheModuleGraph() throws Exception {
        Process p = launchModular("--version");
        String out = readAll(p);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("HeliosDB Lite ");
    }

    @Test
    void modulePath_shellMemory_findsTheEngineByServiceBinding() throws Exception {
        Process p = launchModular("shell", "--memory");
        try (OutputStream in = p.getOutputStream()) {
            in.write("select 40+2;\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = readAll(p);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("       42\n(1 row)");
    }

    @Test
    void shellMemory_fromPipe_printsTable() throws Exception {
        Process p = launch("shell", "--memory");
        try (OutputStream in = p.getOutputStream()) {
            in.write("select 1+1;\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = readAll(p);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).isEqualTo(" ?column? \n----------\n        2\n(1 row)\n\n");
    }

    /** Reads start-up lines until the server says where it listens; returns them, the port last. */
    private static List<String> startUp(BlockingQueue<String> output) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = output.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("start-up output so far: %s", seen).isNotNull();
            seen.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                seen.add(m.group(1));
                return seen;
            }
        }
    }

    @Test
    void startData_withCacheSize_isHybridWithTheCaffeineCache() throws Exception {
        Process p = launch(java.util.Map.of("HELIOS_STORAGE_CACHE_SIZE", "64MB"),
                "start", "--data", tmp.resolve("hybrid").toString(), "--port", "0");
        BlockingQueue<String> output = lines(p);
        List<String> seen = startUp(output);
        int port = Integer.parseInt(seen.remove(seen.size() - 1));
        assertThat(seen).startsWith("[INFO] Starting HeliosDB Lite in Hybrid Mode", "[INFO] Cache size: 64 MB")
                .noneMatch(line -> line.contains("SLF4J") || line.contains("WARN"));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
             Statement s = c.createStatement()) {
            s.execute("create table t (id int primary key)");
            s.execute("insert into t values (1)");
            s.executeQuery("select * from t where id = 1").close();
            try (ResultSet rs = s.executeQuery("select provider, capacity_bytes from helios_cache_stats")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("compact");
                assertThat(rs.getLong(2)).isEqualTo(64L * 1024 * 1024);
            }
        }
        p.toHandle().destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void startConfig_withChronicleCacheProvider_isHybridWithTheOffHeapCache() throws Exception {
        Path config = tmp.resolve("heliosdb.toml");
        Files.writeString(config, """
                [storage]
                path = "data"
                cache_size = "32 MB"
                cache_provider = "chronicle"

                [server]
                port = 0
                """);
        Process p = launch("start", "--config", config.toString());
        BlockingQueue<String> output = lines(p);
        List<String> seen = startUp(output);
        int port = Integer.parseInt(seen.remove(seen.size() - 1));
        assertThat(seen).startsWith("[INFO] Starting HeliosDB Lite in Hybrid Mode", "[INFO] Cache size: 32 MB")
                .noneMatch(line -> line.contains("SLF4J") || line.contains("WARN"));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
             Statement s = c.createStatement()) {
            s.execute("create table t (id int primary key, v text)");
            s.execute("insert into t values (1, 'one')");
            for (int i = 0; i < 3; i++) {
                try (ResultSet rs = s.executeQuery("select v from t where id = 1")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("one");
                }
            }
            try (ResultSet rs = s.executeQuery("select provider, capacity_bytes, hits from helios_cache_stats")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("chronicle");
                assertThat(rs.getLong(2)).isEqualTo(32L * 1024 * 1024);
                assertThat(rs.getLong(3)).as("repeated point reads are served by the cache").isPositive();
            }
        }
        p.toHandle().destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shellData_onLmdb_storesAndReads() throws Exception {
        Process p = launch(java.util.Map.of("HELIOS_STORAGE_ENGINE", "lmdb"), "shell", "--data",
                tmp.resolve("lmdb").toString());
        try (OutputStream in = p.getOutputStream()) {
            in.write("create table t (id int primary key);\ninsert into t values (7);\nselect id from t;\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        String out = readAll(p);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains(" id \n----\n  7\n(1 row)\n");
    }

    /**
     * The launcher's stable RocksDB library directory: the first start copies the library there, the next
     * start maps it from there (not from a fresh copy in the temporary directory), and both serve data.
     */
    @Test
    void startData_withTheLaunchersLibraryDirectory_loadsRocksDbFromIt() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the child's memory map from /proc");
        Path nativeDir = tmp.resolve("native/rocksdbjni");
        for (int start = 1; start <= 2; start++) {
            Process p = launch(List.of("-Djava.library.path=" + nativeDir, "-Dheliosdb.rocksdb.library.dir=" + nativeDir),
                    java.util.Map.of(), "start", "--data", tmp.resolve("data").toString(), "--port", "0");
            List<String> seen = startUp(lines(p));
            int port = Integer.parseInt(seen.remove(seen.size() - 1));
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
                 Statement s = c.createStatement()) {
                if (start == 1) {
                    s.execute("create table t (id int primary key)");
                    s.execute("insert into t values (42)");
                }
                try (ResultSet rs = s.executeQuery("select id from t")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                }
            }
            List<String> rocksMappings = Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "maps")).stream()
                    .filter(line -> line.contains("librocksdbjni")).toList();
            assertThat(rocksMappings).as("start %d", start).isNotEmpty()
                    .allMatch(line -> line.contains(nativeDir.toString()));
            p.toHandle().destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        try (var files = Files.list(nativeDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).singleElement().asString()
                    .startsWith("librocksdbjni").doesNotEndWith(".part");
        }
    }

    @Test
    void startMemory_servesJdbc_andSigtermStopsIt() throws Exception {
        Process p = launch("start", "--memory", "--port", "0");
        BlockingQueue<String> output = lines(p);
        List<String> seen = startUp(output);
        int port = Integer.parseInt(seen.remove(seen.size() - 1));
        assertThat(seen.get(0)).isEqualTo("[INFO] Starting HeliosDB Lite in Server Mode");

        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1 + 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
        // status finds pgJDBC on the module path by service binding.
        Process status = launch("status", "--port", String.valueOf(port));
        String report = readAll(status);
        assertThat(status.exitValue()).as(report).isZero();
        assertThat(report).contains("Mode:          Server");

        // SIGTERM, through the handle: Process.destroy() would also close our end of the output pipe.
        p.toHandle().destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // 143 = 128 + SIGTERM: the JVM's exit status after a signal-initiated shutdown.
        assertThat(p.exitValue()).isEqualTo(143);
        List<String> rest = new ArrayList<>();
        String line;
        while ((line = output.poll(5, TimeUnit.SECONDS)) != null) {
            rest.add(line);
            if (line.equals("[INFO] HeliosDB Lite stopped")) {
                break;
            }
        }
        assertThat(rest).contains("[INFO] Shutting down", "[INFO] HeliosDB Lite stopped");
    }
}
