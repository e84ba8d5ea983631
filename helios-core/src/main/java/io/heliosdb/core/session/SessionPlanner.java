package io.heliosdb.core.session;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.Catalog;
import io.heliosdb.core.txn.Transaction;
import io.heliosdb.core.txn.TransactionalStore;
import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.SchemaLookup;
import java.util.List;

/**
 * Plans a session's statements against the catalog its transaction sees, reusing a cached plan
 * while the catalog (its schema stamp) and the search_path are unchanged.
 */
final class SessionPlanner {
    private final TransactionalStore store;
    private final SqlFrontEnd frontEnd;
    private final SystemViews views;
    private final SessionSettings settings;
    private final PlanCache planCache = new PlanCache(128);
    /** The search_path the cached plans were made under. */
    private String plannedSearchPath;

    SessionPlanner(TransactionalStore store, SqlFrontEnd frontEnd, SystemViews views, SessionSettings settings) {
        this.store = store;
        this.frontEnd = frontEnd;
        this.views = views;
        this.settings = settings;
    }

    /** Plans {@code statement} for {@code transaction} (null in autocommit mode). */
    PlannedStatement plan(ParsedStatement statement, List<SqlType> declared, Transaction transaction) {
        Catalog.Snapshot committed = store.catalogFor(transaction);
        Transaction.SchemaStamp stamp = stamp(committed, transaction);
        String path = settings.get("search_path");
        String user = io.heliosdb.sql.CurrentRole.of(settings::get); // "$user" in the path follows SET ROLE
        if (!(path + '\0' + user).equals(plannedSearchPath)) {
            planCache.clear(); // unqualified names may denote other objects now
            plannedSearchPath = path + '\0' + user;
        }
        PlannedStatement cached = planCache.get(statement.sql(), declared);
        if (cached != null && cached.isFor(stamp)) {
            return cached;
        }
        SchemaLookup schema = new PlanningSchema(committed, transaction, views, path, user);
        PlannedStatement planned = new PlannedStatement(frontEnd.plan(statement, schema, declared), stamp);
        planCache.put(statement.sql(), declared, planned);
        return planned;
    }

    /** The catalog state {@code transaction} (null in autocommit mode) plans against now. */
    Transaction.SchemaStamp currentStamp(Transaction transaction) {
        return stamp(store.catalogFor(transaction), transaction);
    }

    private static Transaction.SchemaStamp stamp(Catalog.Snapshot committed, Transaction transaction) {
        return transaction != null ? transaction.schemaStamp(committed)
                : new Transaction.SchemaStamp(committed.version(), 0, 0);
    }
}
