package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.SetOperation;
import io.heliosdb.sql.parse.ColumnRenames;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE ... RENAME COLUMN under a view. PostgreSQL keeps a view as a parsed query naming columns by
 * number, so the view keeps working and its definition shows the new name; HeliosDB keeps the query's text,
 * so the text is rewritten: the query is analyzed against the renamed table, and each reference that no
 * longer resolves (42703 at its position) and names the old column is made to name the new one, until the
 * query analyzes. A select item that was the bare column gets the view column's name as its alias, so the
 * definition recreates the same view.
 */
public final class ViewColumnRenames {
    /** More rounds than references a view could hold means the rewrite is going nowhere. */
    private static final int MAX_ROUNDS = 10_000;
    /** What may stand between a column reference's start and its column name: nothing, or one qualifier. */
    private static final java.util.regex.Pattern QUALIFIER =
            java.util.regex.Pattern.compile("(?:(?:\"(?:[^\"]|\"\")*\"|[^\\s.\"]+)\\s*\\.\\s*)?");

    private ViewColumnRenames() {
    }

    /** Where a view's query names the column about to be renamed: its references, and whether USING names it. */
    public record Found(java.util.Set<Integer> positions, boolean inUsing) {
    }

    /**
     * Before the rename: the references of {@code view}'s query that bind to column {@code column} of the table
     * {@code tableId} in {@code schema}; null when the query does not analyze.
     */
    public static Found find(SchemaLookup schema, ViewDef view, long tableId, int column) {
        HeliosException[] failure = new HeliosException[1];
        ColumnBindings b = ColumnBindings.watch(tableId, column, () -> failure[0] = analyzeFailure(schema, view.query()));
        return failure[0] != null ? null : new Found(java.util.Set.copyOf(b.positions), b.inUsing);
    }

    /**
     * {@code view} reading {@code schema} (where column {@code from} of table {@code table} is already renamed to
     * {@code to}) with its query following the rename, given what {@link #find} saw before it ({@code found}, may
     * be null); {@code oldNames} are the table's columns up to the renamed one, under their names before it. The
     * view unchanged when its query does not need it or cannot be repaired (then it fails when read, as before).
     */
    public static ViewDef afterRename(SchemaLookup schema, ViewDef view, Found found, String table, List<String> oldNames,
                                      String from, String to) {
        if (found != null && found.inUsing()) {
            // USING (or NATURAL) matches the column by name: the table's references keep the old name by a column alias.
            String aliased = io.heliosdb.sql.parse.ViewNames.aliasColumns(view.query(), table, oldNames);
            return analyzeFailure(schema, aliased) == null ? withText(view, aliased) : view;
        }
        String text = view.query();
        List<int[]> renamed = new ArrayList<>();
        if (found != null) {
            // The references that bound to the column, and only those (a name that now binds to an enclosing
            // query's column must not be left behind): from the last one, so earlier positions stay right.
            List<Integer> positions = new ArrayList<>(found.positions());
            positions.sort(java.util.Comparator.reverseOrder());
            for (int position : positions) {
                ColumnRenames.Renamed r = ColumnRenames.renameAt(text, position, from, to);
                if (r != null) {
                    shift(renamed, r, text);
                    renamed.add(new int[] {r.start(), r.end()});
                    text = r.text();
                }
            }
        }
        // What still fails names the column through a subquery's output: follow those too.
        for (int round = 0; round < MAX_ROUNDS; round++) {
            HeliosException failure = analyzeFailure(schema, text);
            if (failure == null) {
                if (renamed.isEmpty()) {
                    return view;
                }
                String withAliases = aliased(view, text, renamed);
                return withText(view, analyzeFailure(schema, withAliases) == null ? withAliases : text);
            }
            if (failure.sqlState() != SqlState.UNDEFINED_COLUMN || failure.position() <= 0) {
                return view;
            }
            ColumnRenames.Renamed r = ColumnRenames.renameAt(text, failure.position() - 1, from, to);
            if (r == null) {
                return view;
            }
            shift(renamed, r, text);
            renamed.add(new int[] {r.start(), r.end()});
            text = r.text();
        }
        return view;
    }

    private static ViewDef withText(ViewDef view, String text) {
        return new ViewDef(view.id(), view.name(), view.columns(), text, view.dependsOn(), view.checkOption());
    }

    /** Moves the spans after {@code r}'s change by the length it added to {@code before}. */
    private static void shift(List<int[]> spans, ColumnRenames.Renamed r, String before) {
        int shift = r.text().length() - before.length();
        for (int[] span : spans) {
            if (span[0] > r.start()) {
                span[0] += shift;
                span[1] += shift;
            }
        }
    }

    private static HeliosException analyzeFailure(SchemaLookup schema, String text) {
        try {
            Query query = (Query) io.heliosdb.sql.parse.SqlParser.parseScript(text).get(0).ast();
            new SelectAnalyzer(schema.forViewBody(), new ParameterTypes(List.of())).analyze(query);
            return null;
        } catch (HeliosException e) {
            return e;
        }
    }

    /**
     * {@code text} with {@code AS name} after each renamed reference that is a whole select item without an
     * alias in the query's first SELECT (whose item names are the view's column names).
     */
    private static String aliased(ViewDef view, String text, List<int[]> renamed) {
        Query query = (Query) io.heliosdb.sql.parse.SqlParser.parseScript(text).get(0).ast();
        while (query instanceof SetOperation s) {
            query = s.left();
        }
        if (!(query instanceof Select select)) {
            return text;
        }
        List<int[]> inserts = new ArrayList<>();
        for (int i = 0; i < Math.min(select.items().size(), view.columns().size()); i++) {
            if (select.items().get(i) instanceof SelectItem.ExprItem item && item.alias() == null
                    && item.expr() instanceof Expr.ColumnRef ref) {
                for (int[] span : renamed) {
                    if (span[0] >= ref.position()
                            && QUALIFIER.matcher(text.substring(ref.position(), span[0])).matches()) {
                        inserts.add(new int[] {span[1], i});
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(text);
        inserts.sort((a, b) -> Integer.compare(b[0], a[0]));
        for (int[] at : inserts) {
            out.insert(at[0], " AS " + ColumnRenames.quote(view.columns().get(at[1]).name()));
        }
        return out.toString();
    }
}
