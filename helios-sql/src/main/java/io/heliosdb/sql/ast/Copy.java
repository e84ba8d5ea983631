package io.heliosdb.sql.ast;

import java.util.List;

/**
 * {@code COPY t [(cols)] FROM|TO STDIN|STDOUT|'file' [options] [WHERE cond]} or {@code COPY (query) TO ...}.
 *
 * @param table    the table, or {@code null} for a query
 * @param columns  the column list, empty when not written
 * @param query    the query copied out, or {@code null}
 * @param from     true for COPY FROM (into the table)
 * @param file     the server file named instead of STDIN/STDOUT, or {@code null}
 * @param options  the options as written, names folded to lower case, in order
 * @param where    COPY FROM's row filter as written in the statement, or {@code null}
 */
public record Copy(TableName table, List<String> columns, Query query, boolean from, String file,
                   List<Option> options, String where) implements Statement {

    public Copy(TableName table, List<String> columns, Query query, boolean from, String file, List<Option> options) {
        this(table, columns, query, from, file, options, null);
    }

    /**
     * One option; {@code value} is {@code null} when only the name was written; {@code columns} holds a
     * column list ({@code FORCE_QUOTE (a, b)}), or {@code ["*"]} for {@code FORCE_QUOTE *}, else is empty.
     */
    public record Option(String name, String value, List<String> columns) {

        public Option(String name, String value) {
            this(name, value, List.of());
        }
    }
}
