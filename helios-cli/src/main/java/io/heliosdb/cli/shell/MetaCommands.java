package io.heliosdb.cli.shell;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.TransactionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The backslash commands of the shell: {@code \q}, {@code \dt}, {@code \?}. */
final class MetaCommands {

    enum Outcome { OK, FAILED, QUIT }

    /** Tables in user schemas, as psql's {@code \dt} lists them (without the owner, which has no catalog yet). */
    static final String LIST_TABLES_SQL = "SELECT table_schema, table_name FROM information_schema.tables"
            + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'"
            + " ORDER BY table_schema, table_name";

    /** Errors that mean "the catalog views are not there", as opposed to a failure worth reporting as is. */
    private static final Set<SqlState> NO_CATALOG = Set.of(SqlState.UNDEFINED_TABLE, SqlState.UNDEFINED_OBJECT,
            SqlState.FEATURE_NOT_SUPPORTED,
            SqlState.UNDEFINED_COLUMN, SqlState.SYNTAX_ERROR);

    private static final String HELP = String.join("\n",
            "General",
            "  \\q                     quit the shell",
            "  \\?                     show this help",
            "",
            "Informational",
            "  \\dt                    list tables",
            "",
            "Statements end with a semicolon and may span several lines.",
            "");

    private final Session session;
    private final ResultPrinter printer;

    MetaCommands(Session session, ResultPrinter printer) {
        this.session = session;
        this.printer = printer;
    }

    Outcome run(String line) {
        String[] words = line.split("\\s+");
        return switch (words[0]) {
            case "\\q", "\\quit" -> Outcome.QUIT;
            case "\\?" -> {
                printer.info(HELP.stripTrailing());
                yield Outcome.OK;
            }
            case "\\dt" -> listTables(words.length > 1 ? words[1] : null);
            default -> {
                printer.shellError("invalid command " + words[0] + "\nTry \\? for help.");
                yield Outcome.FAILED;
            }
        };
    }

    private Outcome listTables(String pattern) {
        if (pattern != null) {
            printer.shellError("\\dt with a pattern is not supported yet");
            return Outcome.FAILED;
        }
        if (session.transactionStatus() != TransactionStatus.IDLE) {
            // A failing catalog query would abort the user's transaction; do not risk it.
            printer.shellError("\\dt inside a transaction block is not supported yet: run it after COMMIT or ROLLBACK");
            return Outcome.FAILED;
        }
        List<String[]> tables;
        try (QueryResult result = session.execute(LIST_TABLES_SQL)) {
            tables = new ArrayList<>();
            while (result.next()) {
                tables.add(new String[] {result.row().getText(0), result.row().getText(1), "table"});
            }
        } catch (HeliosException e) {
            if (NO_CATALOG.contains(e.sqlState())) {
                printer.shellError("\\dt is not supported yet: this version of HeliosDB Lite has no catalog views"
                        + " (information_schema.tables) to list tables from");
                return Outcome.FAILED;
            }
            printer.printError(e, LIST_TABLES_SQL);
            return Outcome.FAILED;
        }
        if (tables.isEmpty()) {
            printer.info("Did not find any relations.");
            return Outcome.OK;
        }
        AlignedTable table = new AlignedTable("List of relations", List.of("Schema", "Name", "Type"),
                new boolean[3]);
        tables.forEach(table::addRow);
        printer.print(table);
        return Outcome.OK;
    }
}
