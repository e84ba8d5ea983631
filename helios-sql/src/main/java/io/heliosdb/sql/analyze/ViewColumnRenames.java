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

    /**
     * {@code view} reading {@code schema} (where the column is already renamed) with its query following the
     * rename of {@code from} to {@code to}; the view unchanged when its query does not need it or cannot be
     * repaired this way (then it fails when read, as before).
     */
    public static ViewDef afterRename(SchemaLookup schema, ViewDef view, String from, String to) {
        String text = view.query();
        List<int[]> renamed = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            HeliosException failure = analyzeFailure(schema, text);
            if (failure == null) {
                if (renamed.isEmpty()) {
                    return view;
                }
                String withAliases = aliased(view, text, renamed);
                return new ViewDef(view.id(), view.name(), view.columns(),
                        analyzeFailure(schema, withAliases) == null ? withAliases : text, view.dependsOn(), view.checkOption());
            }
            if (failure.sqlState() != SqlState.UNDEFINED_COLUMN || failure.position() <= 0) {
                return view;
            }
            ColumnRenames.Renamed r = ColumnRenames.renameAt(text, failure.position() - 1, from, to);
            if (r == null) {
                return view;
            }
            int shift = (r.text().length() - text.length());
            for (int[] span : renamed) {
                if (span[0] > r.start()) {
                    span[0] += shift;
                    span[1] += shift;
                }
            }
            renamed.add(new int[] {r.start(), r.end()});
            text = r.text();
        }
        return view;
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
