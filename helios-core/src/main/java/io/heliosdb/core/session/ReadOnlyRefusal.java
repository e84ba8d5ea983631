package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The 25006 error a read-only transaction gives a writing command, named as PostgreSQL names it. */
final class ReadOnlyRefusal {
    private static final Pattern LOCKING_CLAUSE = Pattern.compile(
            "\\bFOR\\s+(NO\\s+KEY\\s+UPDATE|KEY\\s+SHARE|UPDATE|SHARE)\\b", Pattern.CASE_INSENSITIVE);

    private ReadOnlyRefusal() {
    }

    static HeliosException of(String sql) {
        return new HeliosException(SqlState.READ_ONLY_SQL_TRANSACTION,
                "cannot execute " + commandName(sql) + " in a read-only transaction");
    }

    /** "INSERT", "CREATE TABLE", "SELECT FOR UPDATE". */
    static String commandName(String sql) {
        String[] words = sql.strip().split("\\s+", 3);
        String first = words[0].toUpperCase(Locale.ROOT);
        if (first.equals("SELECT") || first.equals("WITH")) {
            // A locking SELECT is named by its (first) clause, as PostgreSQL does: "SELECT FOR UPDATE".
            Matcher m = LOCKING_CLAUSE.matcher(sql);
            if (m.find()) {
                return "SELECT FOR " + m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            }
        }
        boolean twoWords = words.length > 1 && (first.equals("CREATE") || first.equals("DROP"));
        return twoWords ? first + " " + words[1].toUpperCase(Locale.ROOT) : first;
    }
}
