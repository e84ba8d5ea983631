package io.heliosdb.sql;

/**
 * One plan set up to run many times inside one statement of the kernel (a batch of parameter sets): what
 * does not depend on the parameters is done once, when the kernel asks {@link StatementPlan#batch}.
 */
@FunctionalInterface
public interface BatchExecutor {

    /**
     * Runs the plan with one parameter set, as {@link StatementPlan#execute} would, and returns its row
     * count; its errors (and the kernel's own control-flow exceptions) pass through untouched.
     */
    long run(Object[] params);
}
