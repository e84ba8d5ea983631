package io.heliosdb.cli.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * psql's relation listings: {@code \d} (every kind), {@code \dt} tables, {@code \dv} views, {@code \di} indexes
 * (with their table), {@code \ds} sequences, and combinations such as {@code \dti}, each with an optional name
 * pattern. The query reads pg_catalog as psql's own does.
 */
final class RelationList {
    private RelationList() {
    }

    /** The relkinds the letters after {@code \d} ask for: t, v, m, i, s (none: every kind). */
    static String relkinds(String letters) {
        StringBuilder kinds = new StringBuilder();
        for (char c : letters.toCharArray()) {
            switch (c) {
                case 't' -> kinds.append("'r','p',");
                case 'v' -> kinds.append("'v',");
                case 'm' -> kinds.append("'m',");
                case 'i' -> kinds.append("'i','I',");
                case 's' -> kinds.append("'S',");
                default -> {
                }
            }
        }
        return kinds.length() == 0 ? "'r','p','v','m','S','f',''" : kinds + "''";
    }

    static String sql(String letters, String pattern) {
        boolean indexes = letters.indexOf('i') >= 0;
        StringBuilder sql = new StringBuilder("SELECT n.nspname, c.relname, CASE c.relkind WHEN 'r' THEN 'table'"
                + " WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index'"
                + " WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table'"
                + " WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END,"
                + " pg_catalog.pg_get_userbyid(c.relowner)");
        sql.append(indexes ? ", c2.relname" : "");
        sql.append(" FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace");
        if (indexes) {
            sql.append(" LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid"
                    + " LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid");
        }
        sql.append(" WHERE c.relkind IN (").append(relkinds(letters)).append(")");
        if (pattern == null) {
            sql.append(" AND n.nspname <> 'pg_catalog' AND n.nspname !~ '^pg_toast'"
                    + " AND n.nspname <> 'information_schema' AND pg_catalog.pg_table_is_visible(c.oid)");
        } else {
            sql.append(NamePattern.parse(pattern).conditions("n.nspname", "c.relname",
                    "pg_catalog.pg_table_is_visible(c.oid)"));
        }
        return sql.append(" ORDER BY 1, 2").toString();
    }

    static AlignedTable table(boolean indexes, List<String[]> rows) {
        List<String> headers = new ArrayList<>(List.of("Schema", "Name", "Type", "Owner"));
        if (indexes) {
            headers.add("Table");
        }
        AlignedTable table = new AlignedTable("List of relations", headers, new boolean[headers.size()]);
        rows.forEach(table::addRow);
        return table;
    }

    /** What psql 15 says when nothing matched (for every kind of listing). */
    static String nothingFound(String pattern) {
        return pattern == null ? "Did not find any relations." : "Did not find any relation named \"" + pattern + "\".";
    }
}
