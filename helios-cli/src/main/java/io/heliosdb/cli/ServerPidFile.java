package io.heliosdb.cli;

import io.heliosdb.api.config.HeliosConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code heliosdb.pid} in the data directory, as PostgreSQL's {@code postmaster.pid}: the process id and port
 * of the server {@code start} runs there, removed when it stops; {@code stop} reads it. A {@code --memory}
 * server has no directory and so no file.
 */
record ServerPidFile(Path file) {
    static final String NAME = "heliosdb.pid";

    /** The file for this configuration, or null for an in-memory database. */
    static ServerPidFile of(HeliosConfig config) {
        if (config.storage().memoryOnly() || config.storage().path() == null) {
            return null;
        }
        return new ServerPidFile(config.storage().path().toAbsolutePath().resolve(NAME));
    }

    void write(long pid, int port) {
        try {
            Files.writeString(file, pid + "\n" + port + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The recorded process id, or -1 when there is no file (or it is not one of ours). */
    long pid() {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (java.nio.file.NoSuchFileException e) {
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** "the server (pid N) on port P" from the file, or null without one. */
    String describe() {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.size() < 2 ? null : "the server (pid " + lines.get(0).strip() + ") listening on port " + lines.get(1).strip();
        } catch (IOException e) {
            return null;
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind: stop and start treat a file naming a dead process as stale.
        }
    }
}
