package io.heliosdb.core.session;

import io.heliosdb.api.HeliosBatchException;
import io.heliosdb.api.HeliosException;
import io.heliosdb.core.txn.StatementRestart;
import io.heliosdb.sql.BatchExecutor;
import io.heliosdb.sql.StatementPlan;
import java.util.List;

/**
 * The entries of a batch ({@link io.heliosdb.api.PreparedQuery#executeBatch(List)}). An INSERT, UPDATE or
 * DELETE batch runs as one writing statement: one transaction mark, snapshot, execution context and plan
 * set-up for all its entries, one entry of the statistics. Anything else runs entry by entry, each its own
 * statement.
 */
final class BatchEntries {

    /** For callers that do not ask which entry runs. */
    static final java.util.function.IntConsumer NO_OBSERVER = entry -> { };

    private BatchEntries() {
    }

    /** Whether {@code plan} runs all entries as one writing statement. */
    static boolean asOneStatement(StatementPlan plan) {
        return plan.transactionCommand() == null && plan.copyCommand() == null && plan.cursorCommand() == null
                && !plan.readOnly() && !plan.changesCatalog() && plan.columns().isEmpty();
    }

    /**
     * Runs each entry in order, telling {@code entryStarts} its index first; returns their row counts. A failing
     * entry's error is named by its index and carries the earlier entries' counts; a statement restart passes
     * through (the whole batch runs again).
     */
    static long[] run(BatchExecutor executor, List<Object[]> parameterSets, java.util.function.IntConsumer entryStarts) {
        return run(executor, parameterSets, entryStarts, null);
    }

    /** {@link #run}, with {@code afterEntry} (or null) run after each entry as part of it (its SSI check). */
    static long[] run(BatchExecutor executor, List<Object[]> parameterSets, java.util.function.IntConsumer entryStarts,
                      Runnable afterEntry) {
        long[] counts = new long[parameterSets.size()];
        for (int i = 0; i < counts.length; i++) {
            entryStarts.accept(i);
            try {
                counts[i] = executor.run(parameterSets.get(i));
                if (afterEntry != null) {
                    afterEntry.run();
                }
            } catch (StatementRestart restart) {
                throw restart;
            } catch (HeliosException e) {
                throw new HeliosBatchException(i, e, java.util.Arrays.copyOf(counts, i));
            }
        }
        return counts;
    }
}
