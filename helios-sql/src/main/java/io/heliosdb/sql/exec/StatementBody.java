package io.heliosdb.sql.exec;

import io.heliosdb.sql.StatementResult;

/** What one execution of a compiled statement does. */
@FunctionalInterface
interface StatementBody {

    StatementResult run(Runtime runtime);
}
