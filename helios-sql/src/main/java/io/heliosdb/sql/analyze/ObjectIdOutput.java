package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Object identifiers shown by name. {@code x::regclass} is an integer OID inside a query (it compares and
 * joins as one), but PostgreSQL prints a regclass as the relation's name: so a regclass (regtype,
 * regnamespace, regrole) column of a query's result, and a cast of one to text, become the name.
 */
final class ObjectIdOutput {
    private static final Set<String> KINDS = Set.of("regclass", "regtype", "regnamespace", "regrole");
    /** The type OIDs clients are told for such a column (RowDescription), as PostgreSQL's pg_type has them. */
    private static final Map<String, Integer> TYPE_OIDS = Map.of("regclass", 2205, "regtype", 2206,
            "regnamespace", 4089, "regrole", 4096, "regproc", 24);

    private ObjectIdOutput() {
    }

    /** {@code x::regclass::text}: the name; null when {@code e} is not an object identifier or the target not text. */
    static BoundExpr castToText(BoundExpr e, SqlType target) {
        String kind = kind(e);
        return kind != null && (target == SqlType.TEXT || target == SqlType.VARCHAR)
                ? new BuiltinCall(kind + "::text", List.of(e), SqlType.TEXT) : null;
    }

    /** The query's result with its object-identifier columns turned into names (the plan itself when none). */
    static LogicalPlan namedResult(LogicalPlan plan) {
        List<BoundExpr> outputs = outputs(plan);
        List<Column> columns = plan.columns();
        if (outputs == null || outputs.size() != columns.size() || outputs.stream().allMatch(e -> kind(e) == null && !isRegproc(e))) {
            return plan;
        }
        List<BoundExpr> named = new ArrayList<>();
        List<Column> namedColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            BoundExpr slot = new ColumnSlot(i, c.type(), c.typmod(), c.name());
            String kind = kind(outputs.get(i));
            if (kind == null && isRegproc(outputs.get(i))) {
                // regproc is held as its text already: only the type clients are told changes
                named.add(slot);
                namedColumns.add(new Column(c.name(), SqlType.TEXT, -1, TYPE_OIDS.get("regproc")));
                continue;
            }
            // kind::name yields an ObjectName: the name as text, the OID for binary results
            named.add(kind == null ? slot : new BuiltinCall(kind + "::name", List.of(slot), SqlType.TEXT));
            namedColumns.add(kind == null ? c : new Column(c.name(), SqlType.TEXT, -1, TYPE_OIDS.get(kind)));
        }
        return new LogicalPlan.Project(plan, named, namedColumns);
    }

    /** The expressions computing a plan's result columns, or null when no projection makes them. */
    private static List<BoundExpr> outputs(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Project p) {
            // a projection that only picks columns (dropping hidden sort keys) passes its input's outputs on
            List<BoundExpr> inner = null;
            List<BoundExpr> out = new ArrayList<>();
            for (BoundExpr e : p.expressions()) {
                if (e instanceof ColumnSlot c) {
                    inner = inner != null ? inner : outputs(p.input());
                    out.add(inner != null && c.index() < inner.size() ? inner.get(c.index()) : e);
                } else {
                    out.add(e);
                }
            }
            return out;
        } else if (plan instanceof LogicalPlan.Sort s) {
            return outputs(s.input());
        } else if (plan instanceof LogicalPlan.Limit l) {
            return outputs(l.input());
        } else if (plan instanceof LogicalPlan.Distinct d) {
            return outputs(d.input());
        } else if (plan instanceof LogicalPlan.DistinctOn d) {
            return outputs(d.input());
        } else if (plan instanceof LogicalPlan.SetOp s) {
            return outputs(s.left());
        }
        return null;
    }

    private static boolean isRegproc(BoundExpr e) {
        return e instanceof BuiltinCall b && b.name().equals("regproc") && b.type() == SqlType.TEXT;
    }

    private static String kind(BoundExpr e) {
        return e instanceof BuiltinCall b && KINDS.contains(b.name()) && b.type() == SqlType.INTEGER ? b.name() : null;
    }
}
