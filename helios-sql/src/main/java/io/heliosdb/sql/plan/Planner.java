package io.heliosdb.sql.plan;

import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.plan.LogicalPlan.*;
import io.heliosdb.sql.plan.rules.ConstantFoldingRule;
import io.heliosdb.sql.plan.rules.PlanRule;
import io.heliosdb.sql.plan.rules.Rules;
import java.util.List;

/** Applies {@link Rules#all} bottom-up to every logical plan of a statement. */
public final class Planner {

    private Planner() {
    }

    private static final SchemaLookup NO_SCHEMA = name -> java.util.Optional.empty();

    /** Optimizes without the catalog's indexes. */
    public static BoundStatement optimize(BoundStatement statement) {
        return optimize(statement, NO_SCHEMA);
    }

    public static BoundStatement optimize(BoundStatement statement, SchemaLookup schema) {
        if (statement instanceof BoundStatement.Explain e) {
            return new BoundStatement.Explain(optimize(e.statement(), schema), e.analyze());
        }
        if (statement instanceof BoundStatement.DataModifyingWith w) {
            return new BoundStatement.DataModifyingWith(w.names(), w.tokens(),
                    w.steps().stream().map(s -> optimize(s, schema)).toList(), optimize(w.body(), schema));
        }
        List<PlanRule> rules = Rules.all(schema);
        BoundStatement planned = statement.mapPlans(p -> optimize(p, rules));
        if (planned instanceof BoundStatement.Update u) {
            return new BoundStatement.Update(u.table(), u.target(), fold(u.newRow()), fold(u.returning()),
                    u.returningColumns(), u.keySlot(), u.viewChecks());
        }
        return planned;
    }

    private static List<io.heliosdb.sql.analyze.BoundExpr> fold(List<io.heliosdb.sql.analyze.BoundExpr> exprs) {
        return exprs.stream().map(ConstantFoldingRule::fold).toList();
    }

    public static LogicalPlan optimize(LogicalPlan plan) {
        return optimize(plan, NO_SCHEMA);
    }

    public static LogicalPlan optimize(LogicalPlan plan, SchemaLookup schema) {
        return optimize(plan, Rules.all(schema));
    }

    /** Applies {@code rules} bottom-up (for rules that rebuild a subtree and must finish it). */
    public static LogicalPlan optimize(LogicalPlan plan, List<PlanRule> rules) {
        LogicalPlan node = withInputs(plan, p -> optimize(p, rules));
        for (PlanRule rule : rules) {
            node = rule.apply(node);
        }
        return node;
    }

    private static LogicalPlan withInputs(LogicalPlan p, java.util.function.UnaryOperator<LogicalPlan> f) {
        if (p instanceof Filter x) {
            return new Filter(f.apply(x.input()), x.predicate());
        } else if (p instanceof Project x) {
            return new Project(f.apply(x.input()), x.expressions(), x.columns());
        } else if (p instanceof Join x) {
            return new Join(f.apply(x.left()), f.apply(x.right()), x.condition(), x.kind());
        } else if (p instanceof Window x) {
            return new Window(f.apply(x.input()), x.calls(), x.columns());
        } else if (p instanceof IndexJoin x) {
            return new IndexJoin(f.apply(x.left()), f.apply(x.right()), x.condition(), x.kind());
        } else if (p instanceof HashJoin x) {
            return new HashJoin(f.apply(x.left()), f.apply(x.right()), x.leftKeys(), x.rightKeys(), x.condition(), x.kind());
        } else if (p instanceof Aggregate x) {
            return new Aggregate(f.apply(x.input()), x.groupKeys(), x.aggregates(), x.columns());
        } else if (p instanceof LogicalPlan.SetOp x) {
            return new LogicalPlan.SetOp(x.kind(), x.all(), f.apply(x.left()), f.apply(x.right()), x.columns());
        } else if (p instanceof LogicalPlan.DistinctOn x) {
            return new LogicalPlan.DistinctOn(f.apply(x.input()), x.keys());
        } else if (p instanceof Distinct x) {
            return new Distinct(f.apply(x.input()));
        } else if (p instanceof Sort x) {
            return new Sort(f.apply(x.input()), x.keys());
        } else if (p instanceof Limit x) {
            return new Limit(f.apply(x.input()), x.limit(), x.offset());
        } else if (p instanceof LockRows x) {
            return new LockRows(f.apply(x.input()), x.targets());
        } else if (p instanceof LogicalPlan.CteScan x) {
            return new LogicalPlan.CteScan(f.apply(x.input()), x.name(), x.shared());
        } else if (p instanceof RecursiveUnion x) {
            return new RecursiveUnion(f.apply(x.anchor()), f.apply(x.recursive()), x.all(), x.workTable(), x.name(),
                    x.columns());
        }
        return p;
    }
}
