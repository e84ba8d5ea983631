package io.heliosdb.sql.exec;

import io.heliosdb.sql.StatementResult;

/** What one execution of a compiled statement does. */
@FunctionalInterface
interface StatementBody {

    StatementResult run(Runtime runtime);

    /** Runs it for its row count alone (an entry of a batch); a body may skip building its result. */
    default long count(Runtime runtime) {
        try (StatementResult result = run(runtime)) {
            while (result.next()) {
                // read to the end: a streamed count is final only then
            }
            return result.rowCount();
        }
    }
}
