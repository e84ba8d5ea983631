package io.heliosdb.core.crash;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started from a frozen copy of this test JVM's jars and classes, whose stdout is read line by line
 * on a background thread. Only lines ended by a newline are delivered: a line cut short by the kill
 * must never count as an acknowledgement. {@link #kill()} is SIGKILL, sent so that no line is lost.
 */
public final class ChildJvm implements AutoCloseable {
    /** Delivered once, after the last complete line, when stdout reaches its end. */
    public static final String END = "\u0000end-of-stdout";

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    /** Set by {@link #kill()}: whether every line up to the end of stdout was delivered. */
    private volatile boolean readToEnd;
    private volatile IOException readFailure;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readLines, "crash-child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} from {@code classPath} (see {@link FrozenClassPath}); its stderr goes to {@code stderr}. */
    public static ChildJvm start(FrozenClassPath classPath, Class<?> main, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1"); // short-lived: start-up time matters more than peak speed
        String earlyLockRelease = System.getProperty(io.heliosdb.core.txn.TransactionalStore.EARLY_LOCK_RELEASE_PROPERTY);
        if (earlyLockRelease != null) { // the commit mode under test reaches the killed child
            command.add("-D" + io.heliosdb.core.txn.TransactionalStore.EARLY_LOCK_RELEASE_PROPERTY + "=" + earlyLockRelease);
        }
        command.add("-cp"); // the plain class path: module-info is then ignored
        command.add(classPath.classPath());
        command.add(main.getName());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new ChildJvm(p, stderr);
    }

    private void readLines() {
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    lines.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            // the pipe breaks when the child dies: every complete line read so far counts
            readFailure = e;
        } finally {
            lines.add(END);
        }
    }

    /** The next complete line, {@link #END} at the end of stdout, or null if none came within the wait. */
    public String nextLine(long timeout, TimeUnit unit) throws InterruptedException {
        return lines.poll(timeout, unit);
    }

    public long pid() {
        return process.pid();
    }

    /**
     * SIGKILL, then waits (bounded) for the process to end and for its stdout to be read to the end.
     *
     * @return the lines the child printed that were not read yet (without {@link #END})
     */
    public List<String> kill() throws InterruptedException {
        // Not process.destroyForcibly(): on Linux it closes this side's stdout stream right after the
        // signal, discarding every line still in the pipe or the stream's buffer (the reader then sees
        // "Stream closed" or a premature end). The handle only sends SIGKILL; the pipe keeps the child's
        // last lines until the reader has read them to the end.
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child " + process.pid() + " still alive 30 s after SIGKILL");
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        // Checked before the drain: a reader that has ended added its last line before it ended.
        readToEnd = !reader.isAlive();
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        rest.remove(END);
        return rest;
    }

    /** Whether {@link #kill()} drained stdout to its end (false: its reader was still running after the wait). */
    boolean readToEnd() {
        return readToEnd;
    }

    /** How reading stdout ended: null at its end, else the exception that stopped the reader. */
    IOException readFailure() {
        return readFailure;
    }

    public String stderrText() {
        try {
            String text = Files.readString(stderr);
            return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Kills the child if it still runs; never throws (for finally blocks). */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
