package io.heliosdb.core.crash;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child of {@link ChildJvmTest}: prints numbered lines in chunks, each chunk one write and
 * prepared beforehand, so the child fills its stdout pipe far faster than the parent's reader can
 * empty it and a kill always finds lines in the pipe that were not read yet. Each chunk is recorded
 * in an {@link AckLog} only after it was printed: every logged line was in the pipe before the kill.
 * Argument: the log file.
 */
public final class LinePrinter {
    private static final int LINES_PER_CHUNK = 1000;
    private static final int CHUNKS = 100;

    private LinePrinter() {
    }

    public static void main(String[] args) {
        String[] chunks = new String[CHUNKS];
        byte[][] bytes = new byte[CHUNKS][];
        for (int c = 0, n = 0; c < CHUNKS; c++) {
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < LINES_PER_CHUNK; i++, n++) {
                chunk.append("LINE ").append(n).append('\n');
            }
            bytes[c] = chunk.toString().getBytes(StandardCharsets.UTF_8);
            chunks[c] = chunk.substring(0, chunk.length() - 1);
        }
        PrintStream out = System.out;
        try (AckLog log = AckLog.append(Path.of(args[0]))) {
            // until killed; the numbers repeat after CHUNKS chunks, which the parent's comparison allows
            for (int c = 0; !out.checkError(); c = (c + 1) % CHUNKS) {
                out.write(bytes[c], 0, bytes[c].length);
                out.flush();
                log.write(chunks[c]);
            }
        }
    }
}
