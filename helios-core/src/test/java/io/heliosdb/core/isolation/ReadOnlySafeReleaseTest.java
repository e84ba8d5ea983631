package io.heliosdb.core.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.core.KernelDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SERIALIZABLE READ ONLY without DEFERRABLE, and a one-statement read under default SERIALIZABLE, stop being
 * tracked once their snapshot is proven safe (PostgreSQL's opt-out): at their first statement when no read-write
 * serializable transaction runs, else when the last one running then ends without making it unsafe.
 */
class ReadOnlySafeReleaseTest {
    @TempDir
    Path dir;

    private KernelDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabases.open("memory", dir);
        try (Session s = db.session()) {
            s.execute("create table t (k int primary key, v int)").close();
            s.execute("insert into t values (1, 10), (2, 20)").close();
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String value(Session s, String sql) {
        try (QueryResult r = s.execute(sql)) {
            assertThat(r.next()).isTrue();
            return String.valueOf(r.row().get(0));
        }
    }

    private int tracked() {
        return db.store().serializableTracker().trackedCount();
    }

    @Test
    void readOnly_withNoConcurrentWriter_isNotTrackedFromItsFirstStatement() {
        try (Session reader = db.session(); Session writer = db.session()) {
            reader.execute("begin isolation level serializable read only").close();
            assertThat(value(reader, "select sum(v) from t")).isEqualTo("30");
            assertThat(tracked()).isZero();
            writer.execute("begin isolation level serializable").close();
            writer.execute("update t set v = v + 1").close();
            writer.execute("commit").close();
            assertThat(tracked()).as("the writer's record is not kept for a released reader").isZero();
            assertThat(value(reader, "select sum(v) from t")).isEqualTo("30");
            reader.execute("commit").close();
        }
    }

    @Test
    void readOnly_releasedWhenTheWriterRunningAtItsSnapshotCommits() {
        try (Session reader = db.session(); Session writer = db.session()) {
            writer.execute("begin isolation level serializable").close();
            writer.execute("update t set v = 11 where k = 1").close();
            reader.execute("begin isolation level serializable read only").close();
            assertThat(value(reader, "select v from t where k = 1")).isEqualTo("10");
            assertThat(tracked()).isEqualTo(2);
            writer.execute("commit").close();
            assertThat(tracked()).as("safe once the writer committed with no conflict out").isZero();
            assertThat(value(reader, "select sum(v) from t")).isEqualTo("30");
            reader.execute("commit").close();
        }
    }

    @Test
    void oneStatementRead_underDefaultSerializable_isReleasedWhenNoWriterRuns() {
        try (Session reader = db.session(); Session writer = db.session()) {
            reader.execute("set default_transaction_isolation = 'serializable'").close();
            writer.execute("begin isolation level serializable").close();
            writer.execute("update t set v = 12 where k = 2").close();
            try (QueryResult rows = reader.execute("select v from t order by k")) {
                assertThat(rows.next()).isTrue();
                assertThat(tracked()).as("tracked while a writer runs").isEqualTo(2);
            }
            writer.execute("commit").close();
            try (QueryResult rows = reader.execute("select v from t order by k")) {
                assertThat(rows.next()).isTrue();
                assertThat(tracked()).as("released at once: no writer runs").isZero();
            }
        }
    }
}
