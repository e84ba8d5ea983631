package io.heliosdb.sql.plan.rules;

import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.LogicalPlan.Filter;
import io.heliosdb.sql.plan.LogicalPlan.IndexJoin;
import io.heliosdb.sql.plan.LogicalPlan.Join;
import io.heliosdb.sql.plan.LogicalPlan.WithRowKey;
import io.heliosdb.sql.plan.Planner;
import java.util.List;

/**
 * Lets the access-path rules see through {@link WithRowKey} (the target of UPDATE ... FROM / DELETE ...
 * USING): a filter over it moves below it and becomes a key lookup or index scan where it can, and a join
 * probing it becomes an index nested loop. Both are safe because the key column comes last, so the
 * table's columns keep their positions and no condition reads the key.
 */
final class RowKeyTargetRule implements PlanRule {
    private final List<PlanRule> accessRules;
    private final IndexJoinRule indexJoin;

    RowKeyTargetRule(SchemaLookup schema) {
        this.accessRules = List.of(new PrimaryKeyLookupRule(), new IndexSelectionRule(schema));
        this.indexJoin = new IndexJoinRule(schema);
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (node instanceof Filter f && f.input() instanceof WithRowKey w) {
            return new WithRowKey(Planner.optimize(new Filter(w.input(), f.predicate()), accessRules));
        }
        if (node instanceof Join j && j.right() instanceof WithRowKey w
                && indexJoin.apply(new Join(j.left(), w.input(), j.condition(), j.kind())) instanceof IndexJoin ij) {
            return new IndexJoin(ij.left(), new WithRowKey(ij.right()), ij.condition(), ij.kind());
        }
        return node;
    }
}
