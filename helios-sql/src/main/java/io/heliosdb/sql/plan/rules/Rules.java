package io.heliosdb.sql.plan.rules;

import io.heliosdb.sql.SchemaLookup;
import java.util.List;

/** The catalogue of rules the planner runs, in order, bottom-up over every plan. */
public final class Rules {

    private Rules() {
    }

    /** The rules for plans over {@code schema} (whose indexes the access-path rules may choose). */
    public static List<PlanRule> all(SchemaLookup schema) {
        List<PlanRule> rest = List.of(
                new ConstantFoldingRule(),
                // The whole-key lookup first: one storage read beats any index.
                new PrimaryKeyLookupRule(),
                new IndexSelectionRule(schema),
                new IndexJoinRule(schema),
                // Equi-joins no index serves: one pass over each side instead of a nested loop.
                new HashJoinRule(),
                new IndexOrderRule(schema));
        // Inner and comma joins under a WHERE are rebuilt first (then finished by the rest of the rules).
        List<PlanRule> all = new java.util.ArrayList<>();
        all.add(new JoinOrderRule(rest));
        all.addAll(rest);
        return List.copyOf(all);
    }
}
