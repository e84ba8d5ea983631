package io.heliosdb.cli.dump;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Quoting for the dump's SQL text. */
final class Sql {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("all", "and", "any", "array", "as", "asc", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "default", "desc", "distinct", "do", "else", "end",
            "except", "false", "for", "foreign", "from", "grant", "group", "having", "in", "intersect", "into", "is",
            "join", "leading", "limit", "not", "null", "offset", "on", "only", "or", "order", "primary", "references",
            "select", "table", "then", "to", "true", "union", "unique", "user", "using", "when", "where", "with");
    /** The types whose column with its own sequence is written as serial. */
    static final Map<String, String> SERIALS = Map.of("integer", "serial", "bigint", "bigserial", "smallint", "smallserial");

    private Sql() {
    }

    static String ident(String name) {
        if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
