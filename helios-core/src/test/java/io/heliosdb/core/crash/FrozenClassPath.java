package io.heliosdb.core.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private copy of this test JVM's class path (Surefire's module path and class path, and the
 * test classes), taken once before the first child starts, from which every child JVM runs.
 *
 * <p>Why: a child started from the live class path loads whatever is in {@code ~/.m2} and
 * {@code target/} when it starts. A build running at the same time (another module's
 * {@code install}, a recompile of the test classes) replaces those files mid-test, so later children
 * would run different code from earlier ones and from the parent that audits them: a child whose
 * test classes delete orders the parent's (older) classes do not expect to be deleted, or a
 * storage/SQL jar of another branch, shows up as "lost" data although nothing was lost. With the
 * copy, every child of a run executes exactly the same bytes. {@link #changedSince()} tells a
 * failure message whether the live class path changed during the run (the parent itself still runs
 * from it).
 */
public final class FrozenClassPath {
    private final String classPath;
    /** Each live entry with its size and modification time when it was copied. */
    private final Map<Path, String> stamps;

    private FrozenClassPath(String classPath, Map<Path, String> stamps) {
        this.classPath = classPath;
        this.stamps = stamps;
    }

    /** Copies every entry of the live class path (and {@code main}'s code source) under {@code into}. */
    public static FrozenClassPath copy(Class<?> main, Path into) {
        Map<Path, String> stamps = new LinkedHashMap<>();
        List<String> copied = new ArrayList<>();
        try {
            int n = 0;
            for (Path entry : liveEntries(main)) {
                if (!Files.exists(entry) || stamps.containsKey(entry)) {
                    continue;
                }
                stamps.put(entry, stamp(entry));
                Path target = into.resolve(n++ + "-" + entry.getFileName());
                copyTree(entry, target);
                copied.add(target.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the class path for the crash children", e);
        }
        return new FrozenClassPath(String.join(File.pathSeparator, copied), stamps);
    }

    public String classPath() {
        return classPath;
    }

    /** The live entries whose size or modification time changed since the copy (empty when none). */
    public List<Path> changedSince() {
        List<Path> changed = new ArrayList<>();
        stamps.forEach((entry, stamp) -> {
            try {
                if (!Files.exists(entry) || !stamp(entry).equals(stamp)) {
                    changed.add(entry);
                }
            } catch (IOException e) {
                changed.add(entry);
            }
        });
        return changed;
    }

    private static List<Path> liveEntries(Class<?> main) {
        List<Path> entries = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                for (String e : value.split(File.pathSeparator)) {
                    if (!e.isBlank()) {
                        entries.add(Path.of(e).toAbsolutePath());
                    }
                }
            }
        }
        try {
            var source = main.getProtectionDomain().getCodeSource();
            entries.add(source != null && source.getLocation() != null
                    ? Path.of(source.getLocation().toURI()).toAbsolutePath()
                    : Path.of("target", "test-classes").toAbsolutePath());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Size and modification time; for a directory, those of its newest file and the file count. */
    private static String stamp(Path entry) throws IOException {
        if (!Files.isDirectory(entry)) {
            return Files.size(entry) + "@" + Files.getLastModifiedTime(entry).toMillis();
        }
        try (Stream<Path> walk = Files.walk(entry)) {
            long[] agg = new long[3];
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    agg[0]++;
                    agg[1] += Files.size(p);
                    agg[2] = Math.max(agg[2], Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return agg[0] + " files, " + agg[1] + " bytes @" + agg[2];
        }
    }
}
