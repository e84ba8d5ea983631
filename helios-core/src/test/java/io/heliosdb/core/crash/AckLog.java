package io.heliosdb.core.crash;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A crash child's acknowledgements as a file: the record of what the child said, independent of its
 * stdout pipe. Each line is one unbuffered {@code write(2)} to a file opened for appending, so a line
 * written before SIGKILL is in the page cache and survives the process; only a line cut short by the
 * kill can be incomplete, and {@link #read} drops it. The child writes a line here <em>before</em>
 * printing it, so the file holds at least every line the parent saw on stdout.
 */
final class AckLog implements AutoCloseable {
    private final FileOutputStream out;

    private AckLog(FileOutputStream out) {
        this.out = out;
    }

    /** Opens {@code file} for appending (the child side). */
    static AckLog append(Path file) {
        try {
            return new AckLog(new FileOutputStream(file.toFile(), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends {@code line} and its newline in one write; returns once the bytes are in the kernel. */
    synchronized void write(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete lines of {@code file} in the order written (the parent side); none if it does not exist. */
    static List<String> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1); // the text after the last newline: empty, or a line the kill cut short
        return lines;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
