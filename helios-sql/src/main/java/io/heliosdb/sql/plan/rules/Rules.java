package io.heliosdb.sql.plan.rules;

import java.util.List;

/** The rules the planner runs, in order, bottom-up over every plan. */
public final class Rules {

    private Rules() {
    }

    public static final List<PlanRule> ALL = List.of(new ConstantFoldingRule(), new PrimaryKeyLookupRule());
}
