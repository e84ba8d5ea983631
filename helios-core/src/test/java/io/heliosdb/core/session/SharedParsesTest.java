package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.monitor.QueryMetrics;
import io.heliosdb.core.txn.TransactionalStore;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.StatementPlan;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedParsesTest {
    private final AtomicInteger parses = new AtomicInteger();
    private final SqlFrontEnd counting = new SqlFrontEnd() {
        @Override
        public List<ParsedStatement> parse(String sql) {
            parses.incrementAndGet();
            return SqlFrontEnd.ENGINE.parse(sql);
        }

        @Override
        public StatementPlan plan(ParsedStatement statement, SchemaLookup schema, List<SqlType> declared) {
            return SqlFrontEnd.ENGINE.plan(statement, schema, declared);
        }
    };

    @Test
    void parse_secondSession_parsesNothingTheFirstParsed() throws Exception {
        StorageEngineProvider memory = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("memory")).findFirst().orElseThrow();
        SharedParses shared = new SharedParses();
        try (var engine = memory.open(StorageConfig.defaults().withMemoryOnly())) {
            TransactionalStore store = new TransactionalStore(engine, true);
            try (KernelSession first = session(store, shared); KernelSession second = session(store, shared)) {
                first.execute("create table a (id int primary key, v int)").close();
                first.execute("insert into a values (1, 10), (2, 20)").close();
                transaction(first, 1, 5);
                int before = parses.get();
                transaction(second, 2, -7);
                assertThat(parses.get()).isEqualTo(before);
                assertThat(value(second, 2)).isEqualTo(13);

                // Plans stay per session: a changed table is planned again by both, from the shared parse.
                first.execute("alter table a add column w text").close();
                first.execute("update a set w = 'x' where id = 1").close();
                transaction(second, 1, 1);
                assertThat(value(second, 1)).isEqualTo(16);
                try (QueryResult r = second.execute("select w from a where id = 1")) {
                    assertThat(r.toList().get(0).get(0)).isEqualTo("x");
                }
            }
        }
    }

    @Test
    void parse_fullCache_startsOverAndKeepsNoFailure() {
        SharedParses shared = new SharedParses();
        for (int i = 0; i < SharedParses.CAPACITY + 10; i++) {
            shared.parse("select " + i, counting);
        }
        assertThat(shared.size()).isLessThanOrEqualTo(SharedParses.CAPACITY).isPositive();
        int before = parses.get();
        assertThatThrownBy(() -> shared.parse("selec 1", counting)).isInstanceOf(HeliosException.class);
        assertThatThrownBy(() -> shared.parse("selec 1", counting)).isInstanceOf(HeliosException.class);
        assertThat(parses.get() - before).isEqualTo(2);

        String longText = "select 1" + " ".repeat(SharedParses.MAX_TEXT);
        shared.parse(longText, counting);
        shared.parse(longText, counting);
        assertThat(parses.get() - before).isEqualTo(4);
        assertThat(shared.parse("select 7", counting)).isSameAs(shared.parse("select 7", counting));
    }

    private KernelSession session(TransactionalStore store, SharedParses shared) {
        return new KernelSession(store, counting, "postgres", 0, () -> { }, null, new QueryMetrics(), 1, shared);
    }

    private static void transaction(KernelSession s, int id, int delta) {
        for (String sql : List.of("BEGIN;", "UPDATE a SET v = v + " + delta + " WHERE id = " + id + ";",
                "SELECT v FROM a WHERE id = " + id + ";", "END;")) {
            Iterator<QueryResult> results = s.executeScript(sql);
            results.next().close();
        }
    }

    private static Object value(KernelSession s, int id) {
        try (QueryResult r = s.execute("SELECT v FROM a WHERE id = " + id)) {
            return r.toList().get(0).get(0);
        }
    }
}
