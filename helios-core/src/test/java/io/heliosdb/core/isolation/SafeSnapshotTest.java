package io.heliosdb.core.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.KernelDatabase;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SERIALIZABLE READ ONLY DEFERRABLE waits for a safe snapshot (and shows it in pg_stat_activity as PostgreSQL
 * does), a cancel or statement timeout ends the wait, and a read outside a block under default SERIALIZABLE is
 * a tracked one-statement transaction that lets go of its record once read.
 */
class SafeSnapshotTest {
    @TempDir
    Path dir;

    private KernelDatabase db;
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @BeforeEach
    void open() {
        db = TestDatabases.open("memory", dir);
        try (Session s = db.session()) {
            s.execute("create table t (k int primary key, v int)").close();
            s.execute("insert into t values (1, 10), (2, 20)").close();
        }
    }

    @AfterEach
    void close() throws Exception {
        other.shutdownNow();
        other.awaitTermination(30, TimeUnit.SECONDS);
        db.close();
    }

    private static String value(Session s, String sql) {
        try (QueryResult r = s.execute(sql)) {
            assertThat(r.next()).isTrue();
            return String.valueOf(r.row().get(0));
        }
    }

    /** Waits (bounded) until pg_stat_activity shows a session waiting for a safe snapshot, as PostgreSQL names it. */
    private void awaitSafeSnapshotWait(Session monitor, Future<?> waiter) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            assertThat(waiter.isDone()).as("the deferrable read must wait").isFalse();
            try (QueryResult r = monitor.execute("select count(*) from pg_stat_activity "
                    + "where wait_event_type = 'IPC' and wait_event = 'SafeSnapshot'")) {
                r.next();
                if (((Number) r.row().get(0)).longValue() == 1) {
                    return;
                }
            }
            try {
                waiter.get(5, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                // look again
            }
        }
        throw new AssertionError("no session waited for a safe snapshot");
    }

    @Test
    void deferrableReadOnly_waitsForTheConcurrentWriter_thenReadsItsSafeSnapshotUntracked() throws Exception {
        try (Session writer = db.session(); Session reader = db.session(); Session monitor = db.session()) {
            writer.execute("begin isolation level serializable").close();
            writer.execute("update t set v = 11 where k = 1").close();
            reader.execute("begin isolation level serializable read only deferrable").close();
            Future<String> read = other.submit(() -> value(reader, "select v from t where k = 1"));
            awaitSafeSnapshotWait(monitor, read);

            writer.execute("commit").close();

            // Its snapshot was taken before the commit, and no anomaly can involve it: it reads the old row.
            assertThat(read.get(20, TimeUnit.SECONDS)).isEqualTo("10");
            assertThat(db.store().serializableTracker().trackedCount()).as("a safe snapshot is not tracked")
                    .isZero();
            assertThat(other.submit(() -> value(reader, "select sum(v) from t")).get(20, TimeUnit.SECONDS))
                    .isEqualTo("30");
            reader.execute("commit").close();
        }
    }

    @Test
    void deferrableWait_endsOnCancel_with57014() throws Exception {
        try (Session writer = db.session(); Session reader = db.session(); Session monitor = db.session()) {
            writer.execute("begin isolation level serializable").close();
            writer.execute("select v from t where k = 2").close();
            reader.execute("begin isolation level serializable read only deferrable").close();
            Future<HeliosException> read = other.submit(() -> catchThrowableOfType(
                    () -> value(reader, "select v from t"), HeliosException.class));
            awaitSafeSnapshotWait(monitor, read);

            reader.cancel();

            HeliosException error = read.get(20, TimeUnit.SECONDS);
            assertThat(error).isNotNull();
            assertThat(error.sqlState()).isEqualTo(SqlState.QUERY_CANCELED);
            assertThat(db.store().serializableTracker().trackedCount()).as("only the writer").isEqualTo(1);
            reader.execute("rollback").close();
            writer.execute("commit").close();
        }
    }

    @Test
    void deferrableWithoutConcurrentWriters_doesNotWait_andNotDeferrableIsReleasedAtOnce() {
        try (Session reader = db.session()) {
            reader.execute("begin isolation level serializable read only deferrable").close();
            assertThat(value(reader, "select v from t where k = 1")).isEqualTo("10");
            assertThat(db.store().serializableTracker().trackedCount()).isZero();
            reader.execute("commit").close();

            reader.execute("begin isolation level serializable read only not deferrable").close();
            assertThat(value(reader, "select v from t where k = 1")).isEqualTo("10");
            // No read-write serializable transaction runs: its snapshot is safe, so it is not tracked either.
            assertThat(db.store().serializableTracker().trackedCount()).isZero();
            reader.execute("commit").close();
        }
    }

    @Test
    void setTransactionDeferrable_afterTheFirstQuery_isRefused() {
        try (Session s = db.session()) {
            s.execute("begin isolation level serializable read only").close();
            s.execute("select 1").close();
            HeliosException e = catchThrowableOfType(() -> s.execute("set transaction deferrable").close(),
                    HeliosException.class);
            assertThat(e.sqlState()).isEqualTo(SqlState.ACTIVE_SQL_TRANSACTION);
            s.execute("rollback").close();
            assertThat(value(s, "show transaction_deferrable")).isEqualTo("off");
        }
    }

    @Test
    void autocommitReadUnderDefaultSerializable_isTracked_whileItsRowsAreRead() {
        try (Session writer = db.session(); Session reader = db.session()) {
            // A serializable writer that stays open keeps committed records (so they are countable).
            writer.execute("begin isolation level serializable").close();
            writer.execute("select 1 from t where k = 2").close();
            reader.execute("set default_transaction_isolation = 'serializable'").close();
            int before = db.store().serializableTracker().trackedCount();

            try (QueryResult rows = reader.execute("select k from t order by k")) {
                assertThat(rows.next()).isTrue();
                assertThat(db.store().serializableTracker().trackedCount()).isEqualTo(before + 1);
            }
            // Committed, and kept while the overlapping writer runs (its reads may still matter).
            assertThat(db.store().serializableTracker().trackedCount()).isEqualTo(before + 1);
            assertThat(value(reader, "select v from t where k = 1")).as("a point read too").isEqualTo("10");
            assertThat(db.store().serializableTracker().trackedCount()).isEqualTo(before + 2);
            writer.execute("commit").close();
            assertThat(db.store().serializableTracker().trackedCount()).isZero();

            reader.execute("set default_transaction_isolation = 'read committed'").close();
            assertThat(value(reader, "select v from t where k = 1")).isEqualTo("10");
            assertThat(db.store().serializableTracker().trackedCount()).isZero();
        }
    }
}
