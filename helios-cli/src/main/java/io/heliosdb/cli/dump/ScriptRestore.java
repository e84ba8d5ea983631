package io.heliosdb.cli.dump;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.cli.shell.StatementScanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs a SQL script as psql does for a plain dump, including {@code COPY ... FROM stdin} with its data lines
 * up to {@code \.}; stops at the first error. In one transaction (the default) a failure rolls everything back.
 */
public final class ScriptRestore {
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)\\s*copy\\s.*\\sfrom\\s+stdin\\s*");

    private final Session session;
    private final boolean singleTransaction;
    private int lineNumber;
    private long statements;

    public ScriptRestore(Session session, boolean singleTransaction) {
        this.session = session;
        this.singleTransaction = singleTransaction;
    }

    /** The statements run (COPYs count one each). */
    public long statements() {
        return statements;
    }

    /**
     * Runs the script.
     *
     * @throws RestoreFailure at the first failed statement, after rolling back when in one transaction
     */
    public void run(BufferedReader in) {
        if (singleTransaction) {
            session.execute("BEGIN").close();
        }
        try {
            runStatements(in);
            if (singleTransaction) {
                session.execute("COMMIT").close();
            }
        } catch (HeliosException e) {
            if (singleTransaction) {
                try {
                    session.execute("ROLLBACK").close();
                } catch (HeliosException ignored) {
                    // The session is closed next; nothing was committed.
                }
            }
            throw new RestoreFailure(lineNumber, e);
        }
    }

    private void runStatements(BufferedReader in) {
        StatementScanner scanner = new StatementScanner();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (!scanner.hasPendingStatement() && line.startsWith("\\")) {
                    throw new HeliosException(SqlState.SYNTAX_ERROR, "meta-commands are not supported in a restore: " + line);
                }
                List<String> done = scanner.addLine(line);
                for (String sql : done) {
                    if (COPY_FROM_STDIN.matcher(sql).matches()) {
                        copy(sql, in);
                    } else {
                        // A SELECT's rows are computed as they are read: read them all (setval runs there).
                        try (QueryResult result = session.execute(sql)) {
                            while (result.next()) {
                                result.row();
                            }
                            statements++;
                        }
                    }
                }
            }
            if (scanner.hasPendingStatement()) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "the script ends inside a statement: " + scanner.pending());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the script: " + e.getMessage(), e);
        }
    }

    /** The data lines up to {@code \.} (psql's end-of-data marker) go to COPY FROM STDIN. */
    private void copy(String sql, BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        int start = lineNumber;
        while (true) {
            line = in.readLine();
            if (line == null) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "the COPY data from line " + start + " has no end marker \\.");
            }
            lineNumber++;
            if (line.equals("\\.")) {
                break;
            }
            data.append(line).append('\n');
        }
        session.copyIn(sql.replaceAll("(?i)from\\s+stdin\\s*$", "FROM STDIN"), new StringReader(data.toString()));
        statements++;
    }

    /** A statement failed: the line where the script stood and the database's error (with its SQLSTATE). */
    public static final class RestoreFailure extends RuntimeException {
        private final transient HeliosException error;
        private final int line;

        RestoreFailure(int line, HeliosException error) {
            super("restore failed at line " + line + ": " + error.sqlState().code() + ": " + error.getMessage(), error);
            this.line = line;
            this.error = error;
        }

        public int line() {
            return line;
        }

        public HeliosException error() {
            return error;
        }
    }
}
