package io.heliosdb.cli.shell;

/**
 * A psql object-name pattern ({@code t*}, {@code public.t?}, {@code "Mixed"}) as SQL conditions, the way psql's
 * processSQLNamePattern writes them: unquoted letters fold to lower case, {@code *} and {@code ?} are wildcards,
 * an unquoted {@code .} separates the schema, the rest matches literally. Without a schema only objects visible
 * on the search path match.
 */
record NamePattern(String schemaRegex, String nameRegex) {

    static NamePattern parse(String pattern) {
        StringBuilder part = new StringBuilder();
        String schema = null;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < pattern.length() && pattern.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (quoted) {
                part.append(literal(c));
            } else if (c == '.') {
                schema = part.toString();
                part.setLength(0);
            } else if (c == '*') {
                part.append(".*");
            } else if (c == '?') {
                part.append('.');
            } else {
                part.append(literal(Character.toLowerCase(c)));
            }
        }
        return new NamePattern(schema == null ? null : "^(" + schema + ")$", "^(" + part + ")$");
    }

    private static String literal(char c) {
        return "|*+?()[]{}.^$\\".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
    }

    /** {@code AND ...} conditions on the schema and name columns given (an empty pattern matches everything). */
    String conditions(String schemaColumn, String nameColumn, String visibility) {
        StringBuilder sql = new StringBuilder();
        if (!nameRegex.equals("^(.*)$") && !nameRegex.equals("^()$")) {
            sql.append(" AND ").append(nameColumn).append(" ~ ").append(quote(nameRegex));
        }
        if (schemaRegex != null) {
            sql.append(" AND ").append(schemaColumn).append(" ~ ").append(quote(schemaRegex));
        } else {
            sql.append(" AND ").append(visibility);
        }
        return sql.toString();
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
