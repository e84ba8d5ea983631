package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static class-data-sharing archive as the build makes it (a class list from a run under
 * {@code -XX:DumpLoadedClassList}, then {@code -Xshare:dump}) and as the launcher maps it: it holds picocli's
 * pre-Java-6 class files, which a dynamic archive cannot; a stale or missing archive is passed over silently and
 * the command still works. CDS accepts jars only, so the test first packs the class path's folders into jars.
 */
class CdsArchiveTest {
    private static final Path THIRD_PARTY = Path.of("target", "test-modules");
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path JVM_ARGS = Path.of("src", "main", "launcher", "jvm.args");
    /** The flags the launcher passes with its archive. */
    private static final List<String> QUIET_CDS = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    /** Shared by the tests: packing the jars and dumping the archive take a while (one dump for all). */
    @TempDir
    static Path tmp;

    private static Path appJar;
    private static String classPath;
    private static Path archive;

    @BeforeAll
    static void packClassPathAndDumpTheArchive() throws Exception {
        assumeTrue(Files.isDirectory(THIRD_PARTY) && Files.isDirectory(CLASSES),
                "target/test-modules is copied by the build (mvn process-test-classes)");
        List<String> entries = new ArrayList<>();
        appJar = jarOf(CLASSES, tmp.resolve("helios-cli.jar"));
        entries.add(appJar.toString());
        try (Stream<Path> jars = Files.list(THIRD_PARTY)) {
            jars.map(Path::toString).sorted().forEach(entries::add);
        }
        String paths = System.getProperty("jdk.module.path", "") + File.pathSeparator
                + System.getProperty("java.class.path", "");
        Pattern ours = Pattern.compile(".*helios-(api|core|sql|storage-memory|storage-rocks|storage-lmdb|cache|wire)"
                + "([/\\\\]target[/\\\\]classes|-[^/\\\\]*(?<!-tests)\\.jar)$");
        int n = 0;
        for (String entry : paths.split(File.pathSeparator)) {
            if (ours.matcher(entry).matches()) {
                Path p = Path.of(entry);
                entries.add(Files.isDirectory(p) ? jarOf(p, tmp.resolve("module-" + n++ + ".jar")).toString() : entry);
            }
        }
        classPath = String.join(File.pathSeparator, entries);
        archive = dumpArchive();
    }

    private static Path jarOf(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private record Run(int exit, String output) {
    }

    private static Run java(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("@" + JVM_ARGS.toAbsolutePath());
        command.addAll(List.of("-cp", classPath));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "java", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Lists the classes {@code --version} loads and dumps them into a static archive; returns it. */
    private static Path dumpArchive() throws Exception {
        Path list = tmp.resolve("classes.lst");
        Path dumped = tmp.resolve("heliosdb-lite.jsa");
        Run training = java(List.of("-XX:DumpLoadedClassList=" + list), "io.heliosdb.cli.Main", "--version");
        assertThat(training.exit()).as(training.output()).isZero();
        Run dump = java(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + dumped));
        assertThat(dump.exit()).as(dump.output()).isZero();
        assertThat(dumped).isNotEmptyFile();
        return dumped;
    }

    private static Run version(Path archiveFile) throws Exception {
        List<String> options = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archiveFile,
                "-Xlog:class+load=info"));
        options.addAll(QUIET_CDS);
        return java(options, "io.heliosdb.cli.Main", "--version");
    }

    private static boolean picocliFromArchive(Run run) {
        return run.output().lines().anyMatch(l -> l.contains(" picocli.CommandLine source: shared objects file"));
    }

    private static List<String> nonLogLines(Run run) {
        return run.output().lines().filter(l -> !l.startsWith("[")).toList();
    }

    @Test
    void staticArchive_holdsPicocliAndIsUsed() throws Exception {
        Run run = version(archive);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(nonLogLines(run)).singleElement().asString().startsWith("HeliosDB Lite ");
        assertThat(picocliFromArchive(run)).as("picocli (class file version 49) is mapped from the archive").isTrue();
    }

    @Test
    void staleArchive_isPassedOverSilently() throws Exception {
        // A rebuilt jar: CDS compares each jar's modification time and size with the archive's record.
        FileTime built = Files.getLastModifiedTime(appJar);
        Files.setLastModifiedTime(appJar, FileTime.fromMillis(built.toMillis() + 60_000));
        Run run;
        try {
            run = version(archive);
        } finally {
            Files.setLastModifiedTime(appJar, built);
        }
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(nonLogLines(run)).singleElement().asString().startsWith("HeliosDB Lite ");
        assertThat(picocliFromArchive(run)).isFalse();
    }

    @Test
    void missingArchive_isPassedOverSilently() throws Exception {
        Run run = version(tmp.resolve("no-such.jsa"));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(nonLogLines(run)).singleElement().asString().startsWith("HeliosDB Lite ");
    }
}
