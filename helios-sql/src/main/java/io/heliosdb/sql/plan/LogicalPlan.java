package io.heliosdb.sql.plan;

import io.heliosdb.api.Column;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;

/** Relational operators; every node knows the columns of the rows it produces. */
public sealed interface LogicalPlan {

    List<Column> columns();

    /** Every row of a table. */
    record Scan(TableDef table) implements LogicalPlan {
        @Override
        public List<Column> columns() {
            return table.columns().stream().map(c -> c.toColumn()).toList();
        }
    }

    /** The row whose whole primary key equals {@code key} (row-independent expressions, in key order). */
    record Lookup(TableDef table, List<BoundExpr> key) implements LogicalPlan {
        @Override
        public List<Column> columns() {
            return table.columns().stream().map(c -> c.toColumn()).toList();
        }
    }

    /** One row with no columns: the input of SELECT without FROM. */
    record OneRow() implements LogicalPlan {
        @Override
        public List<Column> columns() {
            return List.of();
        }
    }

    /** Literal rows (INSERT ... VALUES). */
    record Values(List<List<BoundExpr>> rows, List<Column> columns) implements LogicalPlan {
    }

    record Filter(LogicalPlan input, BoundExpr predicate) implements LogicalPlan {
        @Override
        public List<Column> columns() {
            return input.columns();
        }
    }

    record Project(LogicalPlan input, List<BoundExpr> expressions, List<Column> columns) implements LogicalPlan {
    }

    /** Which unmatched rows an outer join keeps (padded with NULLs). */
    enum JoinKind { INNER, LEFT, RIGHT, FULL }

    /** Nested loop join; output is left columns then right columns. {@code condition} null means cross join. */
    record Join(LogicalPlan left, LogicalPlan right, BoundExpr condition, JoinKind kind) implements LogicalPlan {
        @Override
        public List<Column> columns() {
            return java.util.stream.Stream.concat(left.columns().stream(), right.columns().stream()).toList();
        }
    }

    /** Output: the group keys, then one column per aggregate call. */
    record Aggregate(LogicalPlan input, List<BoundExpr> groupKeys, List<BoundExpr.AggregateCall> aggregates,
                     List<Column> columns) implements LogicalPlan {
    }

    /** Window functions: output is the input row followed by one column per call, rows in input order. */
    record Window(LogicalPlan input, List<BoundExpr.WindowCall> calls, List<Column> columns) implements LogicalPlan {
    }

    enum SetKind { UNION, INTERSECT, EXCEPT }

    /** Both inputs have the output's column types; {@code all} keeps duplicates (bag semantics). */
    record SetOp(SetKind kind, boolean all, LogicalPlan left, LogicalPlan right, List<Column> columns)
            implements LogicalPlan {
    }

    /** The first row of each run of equal values in the {@code keys} columns (the input is sorted on them). */
    record DistinctOn(LogicalPlan input, List<Integer> keys) implements LogicalPlan {
        @Override
        public List<Column> columns() {
            return input.columns();
        }
    }

    record Distinct(LogicalPlan input) implements LogicalPlan {
        @Override
        public List<Column> columns() {
            return input.columns();
        }
    }

    /** Sort key: a column of the input. */
    record SortKey(int column, boolean descending, boolean nullsFirst) {
    }

    record Sort(LogicalPlan input, List<SortKey> keys) implements LogicalPlan {
        @Override
        public List<Column> columns() {
            return input.columns();
        }
    }

    /** LIMIT/OFFSET; either may be null. */
    record Limit(LogicalPlan input, BoundExpr limit, BoundExpr offset) implements LogicalPlan {
        @Override
        public List<Column> columns() {
            return input.columns();
        }
    }
}
