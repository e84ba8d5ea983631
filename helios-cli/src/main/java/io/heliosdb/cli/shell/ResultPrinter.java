package io.heliosdb.cli.shell;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints statement results and errors as psql does. */
public final class ResultPrinter {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verboseErrors;

    /**
     * @param verboseErrors put the SQLSTATE in front of each error message, as psql's
     *                      {@code \set VERBOSITY verbose} does
     */
    public ResultPrinter(PrintWriter out, PrintWriter err, boolean verboseErrors) {
        this.out = out;
        this.err = err;
        this.verboseErrors = verboseErrors;
    }

    /** Reads the result to its end, prints it, and closes it. */
    public void print(QueryResult result) {
        try (result) {
            if (result.returnsRows()) {
                printRows(result);
                String tag = result.commandTag();
                // psql shows the command tag after the rows of INSERT/UPDATE/DELETE ... RETURNING only.
                if (tag != null && tag.matches("(INSERT|UPDATE|DELETE|MERGE)\\b.*")) {
                    out.println(tag);
                }
            } else if (result.commandTag() != null && !result.commandTag().isEmpty()) {
                out.println(result.commandTag());
            }
        }
        out.flush();
    }

    private void printRows(QueryResult result) {
        List<Column> columns = result.columns();
        List<String> headers = new ArrayList<>(columns.size());
        boolean[] right = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            headers.add(columns.get(i).name());
            right[i] = columns.get(i).type().isNumeric();
        }
        AlignedTable table = new AlignedTable(null, headers, right);
        while (result.next()) {
            String[] values = new String[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = result.row().getText(i);
            }
            table.addRow(values);
        }
        out.print(table.render());
    }

    /** Prints a table built by a meta command. */
    public void print(AlignedTable table) {
        out.print(table.render());
        out.flush();
    }

    /** Prints an informational line (to standard output, as psql prints "Did not find any relations."). */
    public void info(String message) {
        out.println(message);
        out.flush();
    }

    /** Prints a shell-level error such as an unknown meta command. */
    public void shellError(String message) {
        err.println(message);
        err.flush();
    }

    /** Prints an error the way libpq formats it, with the offending line and a caret when it has a position. */
    public void printError(RuntimeException e, String statement) {
        StringBuilder sb = new StringBuilder("ERROR:  ");
        if (e instanceof HeliosException he) {
            if (verboseErrors) {
                sb.append(he.sqlState().code()).append(": ");
            }
            sb.append(he.getMessage()).append('\n');
            if (he.position() > 0 && statement != null) {
                appendPosition(sb, statement, he.position());
            }
            if (he.detail() != null) {
                sb.append("DETAIL:  ").append(he.detail()).append('\n');
            }
            if (he.hint() != null) {
                sb.append("HINT:  ").append(he.hint()).append('\n');
            }
        } else {
            // Not a HeliosException: a bug somewhere below; show what it was rather than hide it.
            if (verboseErrors) {
                sb.append("XX000: ");
            }
            sb.append("internal error: ").append(e).append('\n');
        }
        err.print(sb);
        err.flush();
    }

    /** {@code LINE 2: select * fro x} and a caret under the 1-based character {@code position}. */
    static void appendPosition(StringBuilder sb, String statement, int position) {
        int offset = Math.min(position - 1, statement.length());
        int lineStart = statement.lastIndexOf('\n', offset - 1) + 1;
        int lineEnd = statement.indexOf('\n', offset);
        if (lineEnd < 0) {
            lineEnd = statement.length();
        }
        int lineNumber = 1;
        for (int i = 0; i < lineStart; i++) {
            if (statement.charAt(i) == '\n') {
                lineNumber++;
            }
        }
        String prefix = "LINE " + lineNumber + ": ";
        sb.append(prefix).append(statement, lineStart, lineEnd).append('\n');
        sb.append(" ".repeat(prefix.length() + DisplayWidth.of(statement.substring(lineStart, offset)))).append("^\n");
    }
}
