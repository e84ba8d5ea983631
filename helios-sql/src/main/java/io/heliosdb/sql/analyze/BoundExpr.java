package io.heliosdb.sql.analyze;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.types.Arithmetic;
import java.util.List;

/** A resolved, typed expression. Column references are slots into the row of the operator below. */
public sealed interface BoundExpr {

    SqlType type();

    /** PostgreSQL type modifier of the result, -1 when none. */
    default int typmod() {
        return -1;
    }

    /** A constant (null included). */
    record Const(Object value, SqlType type) implements BoundExpr {
    }

    /** Parameter {@code $(index+1)}. */
    record ParamRef(int index, SqlType type) implements BoundExpr {
    }

    /** Column {@code index} of the input row; {@code name} is for error messages. */
    record ColumnSlot(int index, SqlType type, int typmod, String name) implements BoundExpr {
    }

    /**
     * Column {@code index} of the row of the query {@code depth} levels out (1 = the query directly
     * enclosing the subquery this appears in): a correlated reference.
     */
    record OuterRef(int depth, int index, SqlType type, int typmod, String name) implements BoundExpr {
    }

    /**
     * IN is {@code = ANY}: {@code test} holds the comparison for ANY and ALL alike. The ROW kinds compare a row
     * constructor ({@code operand}, a {@code row fields} call) with each row's columns: ROW_SCALAR with at most one row.
     */
    enum SubqueryKind { SCALAR, EXISTS, IN, ALL, ROW_SCALAR, ROW_IN, ROW_ALL }

    /**
     * A subquery as a value. SCALAR yields the single column of at most one row; EXISTS whether a row
     * exists; IN compares {@code operand} with each row's column through {@code test}, a comparison over
     * the two-value row {@code [operand, column]}. {@code correlated} when the plan reads outer rows.
     */
    record Subquery(SubqueryKind kind, io.heliosdb.sql.plan.LogicalPlan plan, BoundExpr operand, BoundExpr test,
                    boolean negated, boolean correlated, SqlType type) implements BoundExpr {
    }

    record ArithmeticOp(Arithmetic.Op op, BoundExpr left, BoundExpr right, SqlType type) implements BoundExpr {
    }

    /** {@code date ± integer} or {@code date - date}. */
    record DateArithmetic(boolean add, BoundExpr left, BoundExpr right, SqlType type) implements BoundExpr {
    }

    record Negate(BoundExpr operand, SqlType type) implements BoundExpr {
    }

    enum CompareOp {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        CompareOp(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as SQL writes it. */
        public String symbol() {
            return symbol;
        }
    }

    /** Both operands have the same type. */
    record Comparison(CompareOp op, BoundExpr left, BoundExpr right) implements BoundExpr {
        @Override
        public SqlType type() {
            return SqlType.BOOLEAN;
        }
    }

    /** AND ({@code and} true) or OR with three-valued logic. */
    record Logical(boolean and, BoundExpr left, BoundExpr right) implements BoundExpr {
        @Override
        public SqlType type() {
            return SqlType.BOOLEAN;
        }
    }

    record Not(BoundExpr operand) implements BoundExpr {
        @Override
        public SqlType type() {
            return SqlType.BOOLEAN;
        }
    }

    record Concat(BoundExpr left, BoundExpr right) implements BoundExpr {
        @Override
        public SqlType type() {
            return SqlType.TEXT;
        }
    }

    record IsNull(BoundExpr operand, boolean negated) implements BoundExpr {
        @Override
        public SqlType type() {
            return SqlType.BOOLEAN;
        }
    }

    record Like(BoundExpr operand, BoundExpr pattern, boolean negated, boolean caseInsensitive) implements BoundExpr {
        @Override
        public SqlType type() {
            return SqlType.BOOLEAN;
        }
    }

    /** A conversion; {@code explicit} is a CAST (varchar truncates) rather than an assignment (varchar errs). */
    record Cast(BoundExpr operand, SqlType type, int typmod, boolean explicit) implements BoundExpr {
    }

    /** {@code CASE WHEN conditions[i] THEN results[i] ... ELSE elseResult END}. */
    record CaseWhen(List<BoundExpr> conditions, List<BoundExpr> results, BoundExpr elseResult, SqlType type)
            implements BoundExpr {
    }

    enum ScalarFunction {
        LOWER, UPPER, LENGTH, ABS, COALESCE, NULLIF, ROUND, NOW, CURRENT_DATE, STATEMENT_TIMESTAMP, CLOCK_TIMESTAMP;

        /** Whether the result can differ between calls with the same arguments (never folded at plan time). */
        public boolean isVolatile() {
            return this == NOW || this == CURRENT_DATE || this == STATEMENT_TIMESTAMP || this == CLOCK_TIMESTAMP;
        }
    }

    record ScalarCall(ScalarFunction function, List<BoundExpr> args, SqlType type) implements BoundExpr {
    }

    /**
     * A built-in function from {@code io.heliosdb.sql.exec.Builtins}, found by name; arguments are already
     * converted to the types its signature wants.
     */
    record BuiltinCall(String name, List<BoundExpr> args, SqlType type) implements BoundExpr {
        /** Whether two calls with the same arguments may differ (never folded at plan time). */
        public boolean isVolatile() {
            // Results that depend on the clock, the session's time zone, a sequence or the catalog are not folded.
            return switch (name) {
                case "random", "now", "localtimestamp", "clock_timestamp", "gen_random_uuid",
                     "nextval", "currval", "lastval", "setval", "pg_get_serial_sequence", "set_config",
                     "current_setting", "localtime", "localtimestamp(p)", "current_time" -> true;
                // a row compared with a subquery's rows: exec takes its fields apart, so it stays a call
                case RowSubqueries.FIELDS -> true;
                default -> type == SqlType.TIMESTAMPTZ || args.stream().anyMatch(a -> a.type() == SqlType.TIMESTAMPTZ)
                        || type == SqlType.TIMETZ
                        || CatalogFunctionSignatures.READS_KERNEL.contains(name);
            };
        }
    }

    enum AggregateKind {
        COUNT_STAR, COUNT, SUM, AVG, MIN, MAX, BOOL_AND, BOOL_OR, STRING_AGG,
        ARRAY_AGG, JSON_AGG, JSONB_AGG, JSON_OBJECT_AGG, JSONB_OBJECT_AGG;

        /** Whether NULL inputs are kept (these collect every row's value). */
        public boolean collects() {
            return this == ARRAY_AGG || this == JSON_AGG || this == JSONB_AGG || this == JSON_OBJECT_AGG
                    || this == JSONB_OBJECT_AGG;
        }
    }

    /** An ordering key: an expression over the input row with its direction. */
    record SortSpec(BoundExpr expr, boolean descending, boolean nullsFirst) {
    }

    /**
     * An aggregate before the aggregation rewrite turns it into a slot of the aggregate's output.
     * {@code separator} is string_agg's delimiter, {@code orderBy} the order rows are fed in (empty when
     * any), {@code filter} the FILTER condition (null when none).
     */
    record AggregateCall(AggregateKind kind, BoundExpr argument, boolean distinct, SqlType type, BoundExpr separator,
                         List<SortSpec> orderBy, BoundExpr filter) implements BoundExpr {
        public AggregateCall(AggregateKind kind, BoundExpr argument, boolean distinct, SqlType type) {
            this(kind, argument, distinct, type, null, List.of(), null);
        }
    }

    enum WindowFunction {
        ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE,
        AGGREGATE
    }

    /** A frame bound; {@code offset} (a row-independent bigint) is set for n PRECEDING / n FOLLOWING. */
    record FrameBound(io.heliosdb.sql.ast.WindowSpec.BoundKind kind, BoundExpr offset) {
    }

    /**
     * A window function call; {@code aggregate} is set (and is not itself a node of the tree) when an
     * aggregate runs over the frame. The window operator turns it into a column of its output.
     */
    record WindowCall(WindowFunction function, List<BoundExpr> args, AggregateCall aggregate,
                      List<BoundExpr> partitionBy, List<SortSpec> orderBy, boolean rows, FrameBound start,
                      FrameBound end, SqlType type) implements BoundExpr {
    }
}
