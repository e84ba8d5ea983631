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

    /**
     * The rows of {@code table} read through {@code index}: its first {@code prefix.size()} key columns
     * equal the prefix values (an {@code IsNull} element stands for IS NULL), then the next key column
     * either takes each of the {@code in} values or lies between {@code lower} and {@code upper} (each
     * null when open). Values are row-independent and computed at execution; {@code conditions} are the
     * conjuncts the scan enforces (for EXPLAIN). {@code reverse} reads the index backwards.
     */
    record IndexScan(TableDef table, io.heliosdb.sql.schema.IndexDef index, List<BoundExpr> prefix,
                     List<BoundExpr> in, BoundExpr lower, boolean lowerInclusive, BoundExpr upper,
                     boolean upperInclusive, boolean reverse, List<BoundExpr> conditions) implements LogicalPlan {
        public IndexScan {
            prefix = List.copyOf(prefix);
            in = in == null ? null : List.copyOf(in);
            conditions = List.copyOf(conditions);
        }

        /** The same scan reading the whole index, for ordering alone. */
        public static IndexScan full(TableDef table, io.heliosdb.sql.schema.IndexDef index, boolean reverse) {
            return new IndexScan(table, index, List.of(), null, null, false, null, false, reverse, List.of());
        }

        public IndexScan reversed(boolean reverse) {
            return new IndexScan(table, index, prefix, in, lower, lowerInclusive, upper, upperInclusive, reverse,
                    conditions);
        }

        @Override
        public List<Column> columns() {
            return table.columns().stream().map(c -> c.toColumn()).toList();
        }
    }

    /**
     * UPDATE/DELETE ... WHERE CURRENT OF {@code cursor}: the stored row of {@code table} the cursor is
     * positioned on, read by its row key (PostgreSQL's TID scan); zero or one rows.
     */
    record CurrentOfScan(TableDef table, String cursor) implements LogicalPlan {
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

    /**
     * Index nested loop join (INNER or LEFT): {@code right} is opened once per left row, with that row as
     * the outer row (depth 1) its index probe reads; {@code condition} is checked on the joined row.
     */
    record IndexJoin(LogicalPlan left, LogicalPlan right, BoundExpr condition, JoinKind kind) implements LogicalPlan {
        @Override
        public List<Column> columns() {
            return java.util.stream.Stream.concat(left.columns().stream(), right.columns().stream()).toList();
        }
    }

    /**
     * Hash join: the right side is read once into a table keyed by {@code rightKeys} (expressions over the
     * right row), each left row probes it with {@code leftKeys}; NULL keys never match. {@code condition}
     * (the whole join condition, key equalities included) is checked on each candidate pair.
     */
    record HashJoin(LogicalPlan left, LogicalPlan right, List<BoundExpr> leftKeys, List<BoundExpr> rightKeys,
                    BoundExpr condition, JoinKind kind) implements LogicalPlan {
        public HashJoin {
            leftKeys = List.copyOf(leftKeys);
            rightKeys = List.copyOf(rightKeys);
        }

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

    /**
     * SELECT ... FOR UPDATE: locks, for each row, the stored row each target's key column names (see
     * {@link RowKeyColumn}); rows a SKIP LOCKED target finds locked are left out. It sits above the Sort
     * and below the Limit, as in PostgreSQL, so only the rows returned are locked.
     */
    record LockRows(LogicalPlan input, List<LockTarget> targets) implements LogicalPlan {
        public LockRows {
            targets = List.copyOf(targets);
        }

        @Override
        public List<Column> columns() {
            return input.columns();
        }
    }

    /** One locked table of a {@link LockRows}: the input column holding its row key, and how to lock. */
    record LockTarget(int keyColumn, TableDef table, io.heliosdb.sql.RowLockMode mode, io.heliosdb.sql.RowLockWait waitPolicy) {
    }

    /**
     * WITH RECURSIVE: the rows of {@code anchor}, then {@code recursive} run again and again over the
     * rows the previous round produced (read by {@link WorkTableScan} {@code workTable}) until a round
     * produces none; without {@code all}, duplicate rows are dropped (also across rounds).
     */
    record RecursiveUnion(LogicalPlan anchor, LogicalPlan recursive, boolean all, int workTable, String name,
                          List<Column> columns) implements LogicalPlan {
    }

    /**
     * A WITH query read more than once (or written AS MATERIALIZED): {@code input} runs once per execution
     * and every CteScan with the same {@code shared} token reads its rows, as PostgreSQL's CTE Scan does (so
     * random() gives one value to every reference).
     */
    record CteScan(LogicalPlan input, String name, Object shared) implements LogicalPlan {
        @Override
        public List<Column> columns() {
            return input.columns();
        }
    }

    /** The rows the enclosing {@link RecursiveUnion}'s previous round produced. */
    record WorkTableScan(int workTable, String name, List<Column> columns) implements LogicalPlan {
    }

    /**
     * Set-returning functions in FROM ({@code generate_series(...)}, {@code unnest(a, b)}) or in a select
     * list; arguments may read outer rows. Several functions run in lockstep, PostgreSQL's ROWS FROM: each
     * row holds every function's next row, NULLs for those already done, until all are done. With
     * {@code ordinality} each row ends with its number, from 1 (WITH ORDINALITY).
     */
    record FunctionScan(List<SetFunction> functions, List<Column> columns, boolean ordinality)
            implements LogicalPlan {
        public FunctionScan {
            functions = List.copyOf(functions);
        }

        public FunctionScan(String function, List<BoundExpr> args, List<Column> columns, boolean ordinality) {
            this(List.of(new SetFunction(function, args, columns.size() - (ordinality ? 1 : 0))), columns, ordinality);
        }

        /** The first function's name (the node's name in EXPLAIN). */
        public String function() {
            return functions.get(0).name();
        }

        /** Every function's arguments, in order. */
        public List<BoundExpr> args() {
            return functions.stream().flatMap(f -> f.args().stream()).toList();
        }
    }

    /** One function of a {@link FunctionScan}, giving rows of {@code width} columns. */
    record SetFunction(String name, List<BoundExpr> args, int width) {
        public SetFunction {
            args = List.copyOf(args);
        }
    }
}
