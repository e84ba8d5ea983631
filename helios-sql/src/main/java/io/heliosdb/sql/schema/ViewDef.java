package io.heliosdb.sql.schema;

import java.util.List;

/**
 * A view as the catalog stores it: the query text, re-analyzed wherever the view is read (so a view over
 * a view sees the inner one as it is then), and the columns it had when created, which CREATE OR
 * REPLACE must keep.
 *
 * @param id        the kernel-assigned object id (0 before the kernel created it)
 * @param columns   the view's columns, with the query's types
 * @param dependsOn the tables and views the query reads directly, by name
 * @param checkOption {@link #LOCAL} or {@link #CASCADED} (WITH CHECK OPTION), or null for none
 */
public record ViewDef(long id, String name, List<ColumnDef> columns, String query, List<String> dependsOn,
                      String checkOption) {

    /** WITH LOCAL CHECK OPTION: rows written through the view must satisfy its own condition. */
    public static final String LOCAL = "local";
    /** WITH [CASCADED] CHECK OPTION: ... and those of every view under it. */
    public static final String CASCADED = "cascaded";

    public ViewDef {
        columns = List.copyOf(columns);
        dependsOn = List.copyOf(dependsOn);
    }

    public ViewDef(long id, String name, List<ColumnDef> columns, String query, List<String> dependsOn) {
        this(id, name, columns, query, dependsOn, null);
    }

    /**
     * Marks a schema qualifier that CREATE VIEW added to an unqualified relation name (so a later
     * search_path does not change what the view reads); being a comment, it changes no meaning.
     */
    public static final String RESOLVED_MARK = "/*resolved*/";

    /** The query as written: without the qualifiers CREATE VIEW added (what pg_get_viewdef shows). */
    public String writtenQuery() {
        return query.replaceAll(java.util.regex.Pattern.quote(RESOLVED_MARK) + "(\"(?:[^\"]|\"\")*\"|[^\\s.\"]+)\\.", "");
    }

    public ViewDef withId(long newId) {
        return new ViewDef(newId, name, columns, query, dependsOn, checkOption);
    }

    public ViewDef withCheckOption(String option) {
        return new ViewDef(id, name, columns, query, dependsOn, option);
    }
}
