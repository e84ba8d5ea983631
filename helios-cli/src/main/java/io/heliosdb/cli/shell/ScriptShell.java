package io.heliosdb.cli.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs statements read from a non-terminal input (a pipe, a file) to its end, as {@code psql -f} does. */
public final class ScriptShell {

    private ScriptShell() {
    }

    /** Returns the exit code: 0, or {@link SqlShell#EXIT_ERROR_STOP} when a failure stopped the script. */
    public static int run(SqlShell shell, BufferedReader in) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (!shell.acceptLine(line)) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the input: " + e.getMessage(), e);
        }
        shell.finish();
        return shell.exitCode();
    }
}
