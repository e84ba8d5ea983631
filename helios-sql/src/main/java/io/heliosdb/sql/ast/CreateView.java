package io.heliosdb.sql.ast;

import java.util.List;

/**
 * {@code CREATE [OR REPLACE] VIEW name [(columns)] AS query}.
 *
 * @param columns   the column names given, or empty to take the query's
 * @param queryText the query as written, which the catalog stores and re-parses at each use
 * @param checkOption WITH [LOCAL | CASCADED] CHECK OPTION or WITH (check_option = ...): "local", "cascaded" or null
 */
public record CreateView(String name, List<String> columns, Query query, String queryText, boolean orReplace,
                         String checkOption) implements Statement {
    public CreateView {
        columns = List.copyOf(columns);
    }

    public CreateView(String name, List<String> columns, Query query, String queryText, boolean orReplace) {
        this(name, columns, query, queryText, orReplace, null);
    }
}
