package io.heliosdb.cli.shell;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.TransactionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The backslash commands of the shell: {@code \q}, {@code \?} and psql's {@code \d} family. */
final class MetaCommands {

    enum Outcome { OK, FAILED, QUIT }

    /** {@code \d}, {@code \dt}, {@code \dvi+}, {@code \dtS}: the kind letters, then psql's S and + (accepted, ignored). */
    private static final Pattern DESCRIBE = Pattern.compile("\\\\d([tvmis]*)[S+]*");
    /** Run in an open transaction block so that a failing catalog query leaves the user's transaction as it was. */
    private static final String SAVEPOINT = "helios_shell_describe";

    private static final String HELP = String.join("\n",
            "General",
            "  \\q                     quit the shell",
            "  \\?                     show this help",
            "",
            "Informational",
            "  \\d[S+]                 list tables, views and sequences",
            "  \\d[S+]  NAME           describe table or view",
            "  \\dt[S+] [PATTERN]      list tables",
            "  \\dv[S+] [PATTERN]      list views",
            "  \\di[S+] [PATTERN]      list indexes",
            "  \\ds[S+] [PATTERN]      list sequences",
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
        String[] words = line.strip().split("\\s+");
        Matcher describe = DESCRIBE.matcher(words[0]);
        if (describe.matches()) {
            String pattern = words.length > 1 ? words[1] : null;
            String letters = describe.group(1);
            return guarded(() -> letters.isEmpty() && pattern != null ? describe(pattern) : list(letters, pattern));
        }
        return switch (words[0]) {
            case "\\q", "\\quit" -> Outcome.QUIT;
            case "\\?" -> {
                printer.info(HELP.stripTrailing());
                yield Outcome.OK;
            }
            default -> {
                printer.shellError("invalid command " + words[0] + "\nTry \\? for help.");
                yield Outcome.FAILED;
            }
        };
    }

    private Outcome list(String letters, String pattern) {
        boolean indexes = letters.indexOf('i') >= 0;
        int width = indexes ? 5 : 4;
        List<String[]> rows = new ArrayList<>();
        try (QueryResult result = session.execute(RelationList.sql(letters, pattern))) {
            while (result.next()) {
                String[] row = new String[width];
                for (int i = 0; i < width; i++) {
                    row[i] = result.row().getText(i);
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            printer.shellError(RelationList.nothingFound(pattern));
            return Outcome.OK;
        }
        printer.print(RelationList.table(indexes, rows));
        return Outcome.OK;
    }

    private Outcome describe(String pattern) {
        RelationDescription description = new RelationDescription(session);
        List<String[]> relations = description.matches(pattern);
        if (relations.isEmpty()) {
            printer.shellError("Did not find any relation named \"" + pattern + "\".");
            return Outcome.FAILED;
        }
        for (String[] relation : relations) {
            printer.print(description.describe(relation));
        }
        return Outcome.OK;
    }

    /** Runs a catalog command; inside a transaction block under a savepoint, so a failure does not abort it. */
    private Outcome guarded(Supplier<Outcome> command) {
        boolean inBlock = session.transactionStatus() == TransactionStatus.IN_TRANSACTION;
        try {
            if (inBlock) {
                session.execute("SAVEPOINT " + SAVEPOINT).close();
            }
            Outcome outcome = command.get();
            if (inBlock) {
                session.execute("RELEASE SAVEPOINT " + SAVEPOINT).close();
            }
            return outcome;
        } catch (HeliosException e) {
            if (inBlock) {
                session.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT).close();
                session.execute("RELEASE SAVEPOINT " + SAVEPOINT).close();
            }
            printer.printError(e, null);
            return Outcome.FAILED;
        }
    }
}
