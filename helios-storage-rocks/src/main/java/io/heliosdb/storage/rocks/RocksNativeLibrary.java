package io.heliosdb.storage.rocks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.rocksdb.util.Environment;

/**
 * Keeps RocksDB's JNI library in one place across starts. rocksdbjni copies its library (~15 MB) out of its
 * jar into the temporary directory every time a JVM first touches RocksDB, unless the library is already on
 * {@code java.library.path}. The {@code heliosdb-lite} launcher puts a directory of its build output on that
 * path and names it in {@value #DIRECTORY_PROPERTY}; the first start copies the library there, every later
 * start loads it from there. Without the property (an application embedding HeliosDB) nothing changes.
 * Must run before any RocksDB class initialises (RocksDB loads its library in its static initialiser).
 */
final class RocksNativeLibrary {
    static final String DIRECTORY_PROPERTY = "heliosdb.rocksdb.library.dir";
    private static final System.Logger LOG = System.getLogger(RocksNativeLibrary.class.getName());

    private RocksNativeLibrary() {
    }

    /** Puts the library into the launcher's directory if it is not there yet; never fails (rocksdbjni falls back). */
    static void prepare() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path directory = Path.of(dir).toAbsolutePath().normalize();
        if (!onLibraryPath(directory, System.getProperty("java.library.path", ""))) {
            LOG.log(System.Logger.Level.DEBUG, "{0} is not on java.library.path; RocksDB extracts its library as usual",
                    directory);
            return;
        }
        String fileName = Environment.getJniLibraryFileName("rocksdb");
        URL source = Environment.class.getClassLoader().getResource(fileName);
        if (source == null) {
            return; // a platform this jar has no library for: rocksdbjni reports it
        }
        try {
            publish(directory, fileName, source);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not keep RocksDB's library in " + directory
                    + "; it is extracted to the temporary directory instead", e);
        }
    }

    static boolean onLibraryPath(Path directory, String libraryPath) {
        return Arrays.stream(libraryPath.split(File.pathSeparator)).filter(p -> !p.isBlank())
                .anyMatch(p -> Path.of(p).toAbsolutePath().normalize().equals(directory));
    }

    /**
     * Copies {@code source} to {@code directory/fileName} unless a file of the same size is there: written to a
     * temporary name and renamed, so a concurrent start never loads a partial file, and a process that has the
     * old file mapped keeps it. The directory is per rocksdbjni version (the launcher names it after the jar).
     */
    static Path publish(Path directory, String fileName, URL source) throws IOException {
        Path target = directory.resolve(fileName);
        URLConnection connection = source.openConnection();
        long size = connection.getContentLengthLong();
        if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
            return target;
        }
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, fileName, ".part");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }
}
