package io.heliosdb.core.session;

import io.heliosdb.core.txn.Transaction;
import io.heliosdb.sql.StatementPlan;

/** A plan and the catalog state it was made against. */
record PlannedStatement(StatementPlan plan, Transaction.SchemaStamp stamp) {
}
