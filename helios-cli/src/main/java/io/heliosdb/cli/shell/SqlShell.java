package io.heliosdb.cli.shell;

import io.heliosdb.api.Session;
import io.heliosdb.api.TransactionStatus;
import java.util.List;

/**
 * The shell's core, shared by the interactive and the scripted front ends: takes input a line at
 * a time, runs each completed statement on one session, handles backslash meta commands, and
 * keeps the outcome that decides the exit code.
 */
public final class SqlShell {
    /** psql's exit code when {@code ON_ERROR_STOP} stops a script. */
    public static final int EXIT_ERROR_STOP = 3;

    private final Session session;
    private final ResultPrinter printer;
    private final boolean stopOnError;
    private final MetaCommands metaCommands;
    private final StatementScanner scanner = new StatementScanner();
    private boolean quit;
    private boolean stoppedOnError;
    private int failures;

    /**
     * @param stopOnError stop at the first failed statement, as psql's {@code -v ON_ERROR_STOP=1} does
     */
    public SqlShell(Session session, ResultPrinter printer, boolean stopOnError) {
        this.session = session;
        this.printer = printer;
        this.stopOnError = stopOnError;
        this.metaCommands = new MetaCommands(session, printer);
    }

    /** Handles one line of input; returns false once the shell should end ({@code \q} or a stop on error). */
    public boolean acceptLine(String line) {
        if (isDone()) {
            return false;
        }
        if (scanner.state() == StatementScanner.State.NORMAL && line.stripLeading().startsWith("\\")) {
            runMeta(line.strip());
            return !isDone();
        }
        List<String> statements = scanner.addLine(line);
        for (String sql : statements) {
            run(sql);
            if (isDone()) {
                return false;
            }
        }
        return true;
    }

    /** At the end of input: runs an unterminated last statement, as {@code psql -f} does. */
    public void finish() {
        if (!isDone() && scanner.hasPendingStatement() && !scanner.pending().isEmpty()) {
            String sql = scanner.pending();
            scanner.reset();
            run(sql);
        }
    }

    /** Forgets a half-typed statement (Ctrl-C at the prompt). */
    public void discardPending() {
        scanner.reset();
    }

    private void run(String sql) {
        try {
            printer.print(session.execute(sql));
        } catch (RuntimeException e) {
            printer.printError(e, sql);
            recordFailure();
        }
    }

    private void runMeta(String command) {
        switch (metaCommands.run(command)) {
            case QUIT -> quit = true;
            case FAILED -> recordFailure();
            case OK -> {
            }
        }
    }

    private void recordFailure() {
        failures++;
        if (stopOnError) {
            stoppedOnError = true;
        }
    }

    public boolean isDone() {
        return quit || stoppedOnError;
    }

    /** Statements and meta commands that failed so far. */
    public int failures() {
        return failures;
    }

    /** 0, or {@link #EXIT_ERROR_STOP} when a failure stopped the input (psql keeps going otherwise). */
    public int exitCode() {
        return stoppedOnError ? EXIT_ERROR_STOP : 0;
    }

    /**
     * psql's prompt: {@code heliosdb=> } for a new statement, {@code heliosdb-> } (or {@code '>}, {@code (>},
     * ...) while one continues; {@code =*>} inside a transaction and {@code =!>} in a failed one.
     */
    public String prompt(String name) {
        char mode = scanner.hasPendingStatement() ? scanner.state().promptChar() : '=';
        TransactionStatus status = session.transactionStatus();
        String tx = status == TransactionStatus.IN_TRANSACTION ? "*" : status == TransactionStatus.FAILED ? "!" : "";
        return name + mode + tx + "> ";
    }
}
