package io.heliosdb.sql.plan.rules;

import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.LogicalPlan.Filter;
import io.heliosdb.sql.plan.LogicalPlan.IndexScan;
import io.heliosdb.sql.plan.LogicalPlan.Limit;
import io.heliosdb.sql.plan.LogicalPlan.Project;
import io.heliosdb.sql.plan.LogicalPlan.Scan;
import io.heliosdb.sql.plan.LogicalPlan.Sort;
import io.heliosdb.sql.plan.LogicalPlan.SortKey;
import io.heliosdb.sql.schema.IndexDef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Limit(Sort(...(Scan t)))} whose sort keys are table columns in an index's key order (or its
 * exact reverse, NULL placement included) reads the index in that order and drops the Sort, so the
 * limit stops the scan early. An index scan chosen for a WHERE clause keeps its bounds when its
 * equality-pinned columns precede the sort columns; IN lists (several probes) are not ordered.
 */
public final class IndexOrderRule implements PlanRule {
    private final SchemaLookup schema;

    public IndexOrderRule(SchemaLookup schema) {
        this.schema = schema;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Limit limit)) {
            return node;
        }
        LogicalPlan replaced = rewrite(limit.input());
        return replaced == null ? node : new Limit(replaced, limit.limit(), limit.offset());
    }

    /** The subtree with its Sort replaced by an ordered index scan, or null. */
    private LogicalPlan rewrite(LogicalPlan p) {
        if (p instanceof LogicalPlan.LockRows lock) {
            LogicalPlan input = rewrite(lock.input());
            return input == null ? null : new LogicalPlan.LockRows(input, lock.targets());
        }
        if (p instanceof Project project) {
            LogicalPlan input = rewrite(project.input());
            return input == null ? null : new Project(input, project.expressions(), project.columns());
        }
        if (!(p instanceof Sort sort)) {
            return null;
        }
        List<Integer> columns = new ArrayList<>();
        for (SortKey key : sort.keys()) {
            Integer column = tableColumn(sort.input(), key.column());
            if (column == null || key.nullsFirst() != key.descending()) {
                return null;
            }
            columns.add(column);
        }
        LogicalPlan ordered = ordered(sort.input(), columns, sort.keys());
        return ordered;
    }

    /** The table column a column of {@code p} passes through from the scan, or null. */
    private static Integer tableColumn(LogicalPlan p, int column) {
        if (p instanceof Project project) {
            BoundExpr e = project.expressions().get(column);
            return e instanceof ColumnSlot slot ? tableColumn(project.input(), slot.index()) : null;
        } else if (p instanceof Filter f) {
            return tableColumn(f.input(), column);
        } else if (p instanceof Scan || p instanceof IndexScan) {
            return column;
        }
        return null;
    }

    private LogicalPlan ordered(LogicalPlan p, List<Integer> columns, List<SortKey> keys) {
        if (p instanceof Project project) {
            LogicalPlan input = ordered(project.input(), columns, keys);
            return input == null ? null : new Project(input, project.expressions(), project.columns());
        } else if (p instanceof Filter f) {
            LogicalPlan input = ordered(f.input(), columns, keys);
            return input == null ? null : new Filter(input, f.predicate());
        } else if (p instanceof Scan scan) {
            for (IndexDef index : schema.accessPaths(scan.table())) {
                Boolean reverse = direction(index, 0, columns, keys);
                if (reverse != null) {
                    return IndexScan.full(scan.table(), index, reverse);
                }
            }
        } else if (p instanceof IndexScan scan && scan.in() == null) {
            // Columns pinned by equality may be skipped (or repeated) in the ORDER BY.
            for (int skip = 0; skip <= scan.prefix().size(); skip++) {
                Boolean reverse = direction(scan.index(), skip, columns, keys);
                if (reverse != null) {
                    return scan.reversed(reverse);
                }
            }
        }
        return null;
    }

    /** Whether the index read forward (false) or backward (true) from key position {@code from} yields the order. */
    private static Boolean direction(IndexDef index, int from, List<Integer> columns, List<SortKey> keys) {
        if (from + columns.size() > index.columns().size()) {
            return null;
        }
        Boolean reverse = null;
        for (int i = 0; i < columns.size(); i++) {
            if (!index.columns().get(from + i).equals(columns.get(i))) {
                return null;
            }
            boolean backward = keys.get(i).descending() != index.descending().get(from + i);
            if (reverse != null && reverse != backward) {
                return null;
            }
            reverse = backward;
        }
        return reverse;
    }
}
