package io.heliosdb.sql.exec;

import io.heliosdb.sql.plan.LogicalPlan.*;
import io.heliosdb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/** Turns a logical plan into operators, compiling every expression once. */
final class PlanCompiler {

    private PlanCompiler() {
    }

    static Operator compile(LogicalPlan plan) {
        return NodeCounters.wrap(plan, compileNode(plan));
    }

    private static Operator compileNode(LogicalPlan plan) {
        if (io.heliosdb.sql.plan.RowKeyColumn.keyedScan(plan) != null) {
            return RowKeyColumn.append(compile(io.heliosdb.sql.plan.RowKeyColumn.unkeyed(plan)));
        } else if (plan instanceof LockRows l) {
            return LockRowsOperator.lock(compile(l.input()), l.targets(), RowRecheck.of(l));
        } else if (plan instanceof Scan s) {
            return TableSources.scan(s.table());
        } else if (plan instanceof Lookup l) {
            return TableSources.lookup(l.table(), ExpressionCompiler.compileAll(l.key()));
        } else if (plan instanceof IndexScan i) {
            return IndexScans.scan(i);
        } else if (plan instanceof CurrentOfScan c) {
            return rt -> TableSources.cursor(rt.context().currentOf(c.cursor(), c.table()), rt);
        } else if (plan instanceof IndexJoin j) {
            return IndexJoinOperator.join(compile(j.left()), compile(j.right()), ExpressionCompiler.compile(j.condition()),
                    j.kind() == JoinKind.LEFT, j.left().columns().size(), j.right().columns().size());
        } else if (plan instanceof HashJoin j) {
            return HashJoinOperator.join(compile(j.left()), compile(j.right()), ExpressionCompiler.compileAll(j.leftKeys()),
                    ExpressionCompiler.compileAll(j.rightKeys()), ExpressionCompiler.compile(j.condition()), j.kind(),
                    j.left().columns().size(), j.right().columns().size());
        } else if (plan instanceof OneRow) {
            List<Object[]> one = List.<Object[]>of(new Object[0]);
            return rt -> Sources.of(one);
        } else if (plan instanceof Values v) {
            List<Evaluator[]> rows = v.rows().stream().map(ExpressionCompiler::compileAll).toList();
            return rt -> {
                List<Object[]> out = new ArrayList<>(rows.size());
                for (Evaluator[] row : rows) {
                    Object[] values = new Object[row.length];
                    for (int i = 0; i < row.length; i++) {
                        values[i] = row[i].evaluate(null, rt);
                    }
                    out.add(values);
                }
                return Sources.of(out);
            };
        } else if (plan instanceof Filter f) {
            return RelationalOperators.filter(compile(f.input()), ExpressionCompiler.compile(f.predicate()));
        } else if (plan instanceof Project p) {
            return RelationalOperators.project(compileReadBy(p.input(), p.expressions()),
                    ExpressionCompiler.compileAll(p.expressions()));
        } else if (plan instanceof Join j) {
            return RelationalOperators.join(compile(j.left()), compile(j.right()),
                    j.condition() == null ? null : ExpressionCompiler.compile(j.condition()), j.kind(),
                    j.left().columns().size(), j.right().columns().size());
        } else if (plan instanceof Aggregate a) {
            List<io.heliosdb.sql.analyze.BoundExpr> reads = new ArrayList<>(a.groupKeys());
            reads.addAll(a.aggregates());
            Operator input = compileReadBy(a.input(), reads);
            Evaluator[] keys = ExpressionCompiler.compileAll(a.groupKeys());
            List<io.heliosdb.api.SqlType> keyTypes = a.groupKeys().stream().map(io.heliosdb.sql.analyze.BoundExpr::type).toList();
            if (TypedGrouping.needed(keyTypes)) {
                return TypedGrouping.unwrap(AggregateOperator.aggregate(input,
                        TypedGrouping.wrapKeys(keys, keyTypes), a.aggregates()));
            }
            return BatchAggregate.orRows(a, AggregateOperator.aggregate(input, keys, a.aggregates()));
        } else if (plan instanceof Window w) {
            return WindowOperator.window(compile(w.input()), w.calls());
        } else if (plan instanceof SetOp o) {
            return SetOperators.compile(o.kind(), o.all(), compile(o.left()), compile(o.right()));
        } else if (plan instanceof DistinctOn d) {
            return RelationalOperators.distinctOn(compile(d.input()), d.keys().stream().mapToInt(Integer::intValue).toArray());
        } else if (plan instanceof Distinct d) {
            if (TypedGrouping.needed(d.columns().stream().map(io.heliosdb.api.Column::type).toList())) {
                return TypedGrouping.distinct(compile(d.input()), d.columns());
            }
            return RelationalOperators.distinct(compile(d.input()));
        } else if (plan instanceof Sort s) {
            return SortOperator.sort(compile(s.input()), s.keys(), s.input().columns());
        } else if (plan instanceof RecursiveUnion r) {
            return RecursiveUnionOperator.compile(r.workTable(), r.all(), () -> compile(r.anchor()),
                    () -> compile(r.recursive()));
        } else if (plan instanceof LogicalPlan.CteScan c) {
            return SharedCteRows.compile(c.shared(), () -> compile(c.input()));
        } else if (plan instanceof WorkTableScan w) {
            return RecursiveUnionOperator.scan(w.workTable());
        } else if (plan instanceof FunctionScan f) {
            Operator rows = SetReturningFunctions.compile(f.functions());
            return f.ordinality() ? OrdinalityColumn.append(rows) : rows;
        }
        Limit l = (Limit) plan;
        return RelationalOperators.limit(compile(l.input()), l.limit() == null ? null : ExpressionCompiler.compile(l.limit()),
                l.offset() == null ? null : ExpressionCompiler.compile(l.offset()));
    }

    /** {@code input} compiled for a parent that reads its rows only through {@code reads}: see {@link ScanColumns}. */
    private static Operator compileReadBy(LogicalPlan input, List<? extends io.heliosdb.sql.analyze.BoundExpr> reads) {
        Operator pruned = ScanColumns.compilePruned(input, reads);
        return pruned != null ? pruned : compile(input);
    }
}
