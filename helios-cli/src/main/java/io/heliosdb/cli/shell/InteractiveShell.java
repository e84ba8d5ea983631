package io.heliosdb.cli.shell;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/** The shell at a terminal: line editing and history with JLine, psql's prompts, Ctrl-C and Ctrl-D. */
public final class InteractiveShell {
    private static final String PROMPT_NAME = "heliosdb";

    private InteractiveShell() {
    }

    /**
     * Reads and runs statements until {@code \q} or end of input.
     *
     * @param historyFile where the line history is kept between runs, or null for none
     */
    public static int run(SqlShell shell, Terminal terminal, Path historyFile) {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("heliosdb-lite")
                // "!" is an operator in SQL, not a history reference; keep backslashes as typed.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        LineReader reader = builder.build();
        while (!shell.isDone()) {
            String line;
            try {
                line = reader.readLine(shell.prompt(PROMPT_NAME));
            } catch (UserInterruptException e) {
                shell.discardPending();
                continue;
            } catch (EndOfFileException e) {
                terminal.writer().println("\\q");
                break;
            }
            shell.acceptLine(line);
        }
        terminal.writer().flush();
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("could not save the history to " + historyFile + ": " + e.getMessage());
        }
        return shell.exitCode();
    }
}
