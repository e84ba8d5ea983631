package io.heliosdb.core.constraints;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** INSERT ... ON CONFLICT, alone and under concurrency. */
class OnConflictTest {

    @Test
    void doNothingAndDoUpdate_withExcludedWhereAndReturning() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (k int primary key, v int, u text unique)");
            s.execute("insert into t values (1, 10, 'a')");
            assertThat(s.execute("insert into t values (1, 99, 'b') on conflict do nothing").commandTag())
                    .isEqualTo("INSERT 0 0");
            assertThat(s.execute("insert into t values (2, 99, 'a') on conflict do nothing").commandTag())
                    .isEqualTo("INSERT 0 0");
            assertThat(rows(s, "insert into t values (1, 5, 'a') on conflict (k) do update set v = t.v + excluded.v "
                    + "returning k, v")).containsExactly("1|15");
            assertThat(s.execute("insert into t values (1, 5, 'a') on conflict (k) do update set v = 0 where t.v > 100")
                    .commandTag()).isEqualTo("INSERT 0 0");
            s.execute("insert into t values (3, 1, 'a') on conflict on constraint t_u_key do update set v = excluded.v");
            assertThat(rows(s, "select * from t order by k")).containsExactly("1|1|a");
            assertThat(failure(() -> s.execute("insert into t values (1, 1, 'z'), (1, 2, 'z') on conflict (k) "
                    + "do update set v = excluded.v")).sqlState()).isEqualTo(SqlState.CARDINALITY_VIOLATION);
            assertThat(failure(() -> s.execute("insert into t values (1, 1, 'z') on conflict (v) do nothing")).sqlState())
                    .isEqualTo(SqlState.INVALID_COLUMN_REFERENCE);
        }
    }

    @Test
    void concurrentUpserts_oneInsertsTheOthersUpdate() throws Exception {
        int sessions = 4;
        int rounds = 25;
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory())) {
            try (Session s = db.session()) {
                s.execute("create table counter (k int primary key, n int)");
            }
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                done.add(pool.submit(() -> {
                    try (Session s = db.session()) {
                        start.await();
                        for (int r = 0; r < rounds; r++) {
                            s.execute("insert into counter values (" + r + ", 1) on conflict (k) do update set n = counter.n + 1");
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            try (Session s = db.session()) {
                assertThat(rows(s, "select count(*), min(n), max(n) from counter"))
                        .containsExactly(rounds + "|" + sessions + "|" + sessions);
            }
        }
    }
}
