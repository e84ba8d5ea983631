package io.heliosdb.core.session;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.monitor.QueryMetrics;
import io.heliosdb.core.txn.TransactionalStore;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.StatementPlan;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory database whose SQL front end counts the texts it parses and the statements it plans, for the
 * tests of what a session parses or plans again (literal lifting, shared parses, plan cache).
 */
final class ParseCountingDatabase implements AutoCloseable {
    private final AtomicInteger parses = new AtomicInteger();
    private final AtomicInteger plans = new AtomicInteger();
    /** The engine's front end, counting every parse and every plan. */
    final SqlFrontEnd frontEnd = new SqlFrontEnd() {
        @Override
        public List<ParsedStatement> parse(String sql) {
            parses.incrementAndGet();
            return SqlFrontEnd.ENGINE.parse(sql);
        }

        @Override
        public StatementPlan plan(ParsedStatement statement, SchemaLookup schema, List<SqlType> declared) {
            plans.incrementAndGet();
            return SqlFrontEnd.ENGINE.plan(statement, schema, declared);
        }
    };
    private final StorageEngine engine;
    private final TransactionalStore store;

    ParseCountingDatabase() {
        StorageEngineProvider memory = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("memory")).findFirst().orElseThrow();
        engine = memory.open(StorageConfig.defaults().withMemoryOnly());
        store = new TransactionalStore(engine, true);
    }

    /** Texts parsed so far. */
    int parses() {
        return parses.get();
    }

    /** Statements planned so far (a session's plan cache misses). */
    int plans() {
        return plans.get();
    }

    TransactionalStore store() {
        return store;
    }

    /** A session of its own (its own parse cache). */
    KernelSession session() {
        return new KernelSession(store, frontEnd, "postgres", 0, () -> { });
    }

    /** A session reading parses from {@code shared}, as every session of a served database does. */
    KernelSession session(SharedParses shared) {
        return new KernelSession(store, frontEnd, "postgres", 0, () -> { }, null, new QueryMetrics(), 1, shared);
    }

    @Override
    public void close() {
        store.close();
        engine.close();
    }
}
