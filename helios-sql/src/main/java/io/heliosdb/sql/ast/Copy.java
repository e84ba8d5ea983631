package io.heliosdb.sql.ast;

import java.util.List;

/**
 * {@code COPY t [(cols)] FROM|TO STDIN|STDOUT|'file' [options]} or {@code COPY (query) TO ...}.
 *
 * @param table    the table, or {@code null} for a query
 * @param columns  the column list, empty when not written
 * @param query    the query copied out, or {@code null}
 * @param from     true for COPY FROM (into the table)
 * @param file     the server file named instead of STDIN/STDOUT, or {@code null}
 * @param options  the options as written, names folded to lower case, in order
 */
public record Copy(TableName table, List<String> columns, Query query, boolean from, String file,
                   List<Option> options) implements Statement {

    /** One option; {@code value} is {@code null} when only the name was written. */
    public record Option(String name, String value) {
    }
}
