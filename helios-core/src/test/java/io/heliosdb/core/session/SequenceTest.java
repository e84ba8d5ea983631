package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sequences, SERIAL and identity columns through the embedded API. */
class SequenceTest {
    @TempDir
    Path dir;

    private HeliosDB open(String engine) {
        return HeliosDB.open(engine.equals("memory") ? HeliosConfig.memory() : HeliosConfig.persistent(dir.resolve("db")));
    }

    private static Object value(Session s, String sql) {
        return s.execute(sql).toList().get(0).get(0);
    }

    private static List<Object> column(Session s, String sql) {
        return s.execute(sql).toList().stream().map(r -> r.get(0)).toList();
    }

    private static SqlState failure(Runnable action) {
        try {
            action.run();
        } catch (HeliosException e) {
            return e.sqlState();
        }
        throw new AssertionError("expected an error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void nextvalCurrvalSetvalLastval(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("create sequence s increment by 5 start with 10");
            assertThat(failure(() -> value(s, "select currval('s')"))).isEqualTo(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
            assertThat(failure(() -> value(s, "select lastval()"))).isEqualTo(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
            assertThat(value(s, "select nextval('s')")).isEqualTo(10L);
            assertThat(value(s, "select nextval('S')")).isEqualTo(15L);
            assertThat(value(s, "select currval('public.s')")).isEqualTo(15L);
            assertThat(value(s, "select lastval()")).isEqualTo(15L);
            assertThat(value(s, "select setval('s', 100)")).isEqualTo(100L);
            assertThat(value(s, "select nextval('s')")).isEqualTo(105L);
            assertThat(value(s, "select setval('s', 7, false)")).isEqualTo(7L);
            assertThat(value(s, "select nextval('s')")).isEqualTo(7L);
            assertThat(failure(() -> value(s, "select setval('s', 0)"))).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
            s.execute("alter sequence s restart with 50");
            assertThat(value(s, "select nextval('s')")).isEqualTo(50L);
            s.execute("alter sequence s restart");
            assertThat(value(s, "select nextval('s')")).isEqualTo(10L);
            assertThat(failure(() -> value(s, "select nextval('nope')"))).isEqualTo(SqlState.UNDEFINED_TABLE);
            assertThat(failure(() -> s.execute("create sequence s"))).isEqualTo(SqlState.DUPLICATE_TABLE);
            s.execute("create sequence if not exists s");
            s.execute("drop sequence s");
            assertThat(failure(() -> s.execute("drop sequence s"))).isEqualTo(SqlState.UNDEFINED_TABLE);
            s.execute("drop sequence if exists s");
        }
    }

    @Test
    void limits_failWithoutCycle_andWrapWithIt() {
        try (HeliosDB db = open("memory"); Session s = db.session()) {
            s.execute("create sequence up maxvalue 2");
            s.execute("create sequence round minvalue 1 maxvalue 2 cycle");
            s.execute("create sequence down increment -1 minvalue -2 maxvalue -1");
            assertThat(column(s, "select nextval('up') from (values (1), (2)) v(x)")).containsExactly(1L, 2L);
            assertThat(failure(() -> value(s, "select nextval('up')"))).isEqualTo(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED);
            assertThat(column(s, "select nextval('round') from (values (1), (2), (3)) v(x)")).containsExactly(1L, 2L, 1L);
            assertThat(value(s, "select nextval('down')")).isEqualTo(-1L);
            assertThat(value(s, "select nextval('down')")).isEqualTo(-2L);
            assertThat(failure(() -> value(s, "select nextval('down')"))).isEqualTo(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED);
            assertThat(failure(() -> s.execute("create sequence bad increment 0"))).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
            assertThat(failure(() -> s.execute("create sequence bad minvalue 5 maxvalue 1"))).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
        }
    }

    @Test
    void nextval_isNotRolledBack_butCreateSequenceIs() {
        try (HeliosDB db = open("memory"); Session s = db.session()) {
            s.execute("create sequence s");
            s.execute("begin");
            assertThat(value(s, "select nextval('s')")).isEqualTo(1L);
            s.execute("create sequence t");
            s.execute("rollback");
            assertThat(value(s, "select nextval('s')")).isEqualTo(2L);
            assertThat(failure(() -> value(s, "select nextval('t')"))).isEqualTo(SqlState.UNDEFINED_TABLE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void serialColumns_ownTheirSequence(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("create table t (id serial primary key, big bigserial, v text)");
            s.execute("insert into t (v) values ('a'), ('b')");
            s.execute("insert into t (id, v) values (default, 'c')");
            assertThat(column(s, "select id from t order by id")).containsExactly(1, 2, 3);
            assertThat(column(s, "select big from t order by id")).containsExactly(1L, 2L, 3L);
            assertThat(value(s, "select currval('t_id_seq')")).isEqualTo(3L);
            assertThat(value(s, "select pg_get_serial_sequence('t', 'id')")).isEqualTo("public.t_id_seq");
            assertThat(value(s, "select pg_get_serial_sequence('t', 'v')")).isNull();
            assertThat(failure(() -> s.execute("insert into t (id, v) values (null, 'x')")))
                    .isEqualTo(SqlState.NOT_NULL_VIOLATION);
            s.execute("truncate t restart identity");
            s.execute("insert into t (v) values ('d')");
            assertThat(column(s, "select id from t")).containsExactly(1);
            s.execute("truncate table t");
            s.execute("insert into t (v) values ('e')");
            assertThat(column(s, "select id from t")).containsExactly(2);
            s.execute("drop table t");
            assertThat(failure(() -> value(s, "select nextval('t_id_seq')"))).isEqualTo(SqlState.UNDEFINED_TABLE);
            s.execute("create table t (id serial)");
            s.execute("insert into t default values");
            assertThat(column(s, "select id from t")).containsExactly(1);
        }
    }

    @Test
    void identityColumns_alwaysRefusesExplicitValuesUnlessOverriding() {
        try (HeliosDB db = open("memory"); Session s = db.session()) {
            s.execute("create table a (id int generated always as identity (start with 10 increment by 10), v text)");
            s.execute("create table b (id bigint generated by default as identity, v text)");
            s.execute("insert into a (v) values ('x')");
            s.execute("insert into a (id, v) values (default, 'y')");
            assertThat(failure(() -> s.execute("insert into a (id, v) values (1, 'z')"))).isEqualTo(SqlState.GENERATED_ALWAYS);
            assertThat(failure(() -> s.execute("insert into a (id, v) select 1, 'z'"))).isEqualTo(SqlState.GENERATED_ALWAYS);
            assertThat(failure(() -> s.execute("update a set id = 5"))).isEqualTo(SqlState.GENERATED_ALWAYS);
            s.execute("insert into a (id, v) overriding system value values (5, 'z')");
            assertThat(column(s, "select id from a order by id")).containsExactly(5, 10, 20);
            s.execute("insert into b (id, v) values (100, 'x')");
            s.execute("insert into b (v) values ('y')");
            assertThat(column(s, "select id from b order by id")).containsExactly(1L, 100L);
            assertThat(value(s, "select pg_get_serial_sequence('a', 'id')")).isEqualTo("public.a_id_seq");
            assertThat(failure(() -> s.execute("create table c (id int generated always as identity default 1)")))
                    .isEqualTo(SqlState.SYNTAX_ERROR);
        }
    }

    @Test
    void reopen_continuesPastEveryValueHandedOut() {
        long last;
        try (HeliosDB db = open("rocksdb"); Session s = db.session()) {
            s.execute("create sequence s");
            last = 0;
            for (int i = 0; i < 40; i++) {
                last = (Long) value(s, "select nextval('s')");
            }
        }
        try (HeliosDB db = open("rocksdb"); Session s = db.session()) {
            assertThat((Long) value(s, "select nextval('s')")).isGreaterThan(last);
        }
    }

    @Test
    void concurrentNextval_handsOutDistinctValues() throws Exception {
        int threads = 4;
        int perThread = 250;
        try (HeliosDB db = open("memory")) {
            try (Session s = db.session()) {
                s.execute("create sequence s");
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> results = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        List<Long> got = new ArrayList<>();
                        try (Session s = db.session()) {
                            start.await();
                            for (int i = 0; i < perThread; i++) {
                                got.add((Long) value(s, "select nextval('s')"));
                            }
                        }
                        return got;
                    }));
                }
                start.countDown();
                Set<Long> all = new HashSet<>();
                for (Future<List<Long>> f : results) {
                    all.addAll(f.get(60, TimeUnit.SECONDS));
                }
                assertThat(all).hasSize(threads * perThread);
                assertThat(all).allMatch(v -> v >= 1 && v <= threads * perThread);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
