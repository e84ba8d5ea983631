package io.heliosdb.sql.plan.rules;

import io.heliosdb.sql.plan.LogicalPlan;

/** One rewrite of a logical plan node; returns the node unchanged when it does not apply. */
public interface PlanRule {

    LogicalPlan apply(LogicalPlan node);
}
