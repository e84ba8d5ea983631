package io.heliosdb.core.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.KernelDatabase;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.StorageEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sequence's stored counter (in the unversioned {@code meta} keyspace) goes with the sequence: a
 * committed DROP SEQUENCE (or DROP TABLE of a SERIAL column's table) deletes it, a rolled-back one keeps
 * it, and a transaction that still sees the dropped sequence in its snapshot cannot store it again.
 * Counted through the storage SPI.
 */
class DroppedSequenceStorageTest {
    /** The first byte of a sequence counter's key in {@code meta} (see SequenceCounters). */
    private static final byte COUNTER = 0x02;

    @TempDir
    Path dir;

    private static int counters(StorageEngine storage) {
        int n = 0;
        try (KvCursor c = storage.scan("meta", new byte[] {COUNTER}, new byte[] {COUNTER + 1}, false)) {
            while (c.next()) {
                n++;
            }
        }
        return n;
    }

    private static Object value(Session s, String sql) {
        return s.execute(sql).toList().get(0).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void drop_deletesTheCounter_rollbackKeepsIt(String engine) {
        StorageEngine[] storage = new StorageEngine[1];
        try (KernelDatabase db = TestDatabases.open(engine, dir, e -> storage[0] = e); Session s = db.session()) {
            int base = counters(storage[0]);
            s.execute("create sequence s1").close();
            assertThat(value(s, "select nextval('s1')")).isEqualTo(1L);
            s.execute("create table t (id serial primary key, v int)").close();
            s.execute("insert into t (v) values (1)").close();
            assertThat(counters(storage[0])).isEqualTo(base + 2);

            s.execute("begin").close();
            s.execute("drop sequence s1").close();
            s.execute("drop table t").close();
            s.execute("rollback").close();
            assertThat(counters(storage[0])).isEqualTo(base + 2);
            assertThat(value(s, "select nextval('s1')")).isEqualTo(2L);

            s.execute("begin").close();
            s.execute("drop sequence s1").close();
            s.execute("savepoint a").close();
            s.execute("drop table t").close();
            s.execute("rollback to savepoint a").close();
            s.execute("commit").close();
            assertThat(counters(storage[0])).isEqualTo(base + 1);
            s.execute("insert into t (v) values (2)").close();

            s.execute("drop table t").close();
            assertThat(counters(storage[0])).isEqualTo(base);

            // a sequence created and used in a transaction that rolls back leaves nothing either
            s.execute("begin").close();
            s.execute("create sequence s3").close();
            assertThat(value(s, "select nextval('s3')")).isEqualTo(1L);
            assertThat(counters(storage[0])).isEqualTo(base + 1);
            s.execute("rollback").close();
            assertThat(counters(storage[0])).isEqualTo(base);
            s.execute("create sequence s3").close();
            assertThat(value(s, "select nextval('s3')")).isEqualTo(1L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void recreatedOrSavepointRolledBackSequence_leavesNoCounter(String engine) {
        StorageEngine[] storage = new StorageEngine[1];
        try (KernelDatabase db = TestDatabases.open(engine, dir, e -> storage[0] = e); Session s = db.session()) {
            int base = counters(storage[0]);
            s.execute("create sequence s4 start 10").close();
            assertThat(value(s, "select nextval('s4')")).isEqualTo(10L);
            assertThat(counters(storage[0])).isEqualTo(base + 1);

            // DROP + CREATE of the same name, nextval, ROLLBACK: the new sequence's counter goes, the old one stays
            s.execute("begin").close();
            s.execute("drop sequence s4").close();
            s.execute("create sequence s4").close();
            assertThat(value(s, "select nextval('s4')")).isEqualTo(1L);
            assertThat(counters(storage[0])).isEqualTo(base + 2);
            s.execute("rollback").close();
            assertThat(counters(storage[0])).isEqualTo(base + 1);
            assertThat(value(s, "select nextval('s4')")).isEqualTo(11L);

            // ALTER keeps the sequence (and its counter) through a rollback
            s.execute("begin").close();
            s.execute("alter sequence s4 increment by 5").close();
            s.execute("rollback").close();
            assertThat(counters(storage[0])).isEqualTo(base + 1);

            // ROLLBACK TO SAVEPOINT of a CREATE SEQUENCE + nextval, then COMMIT: no counter is left behind
            s.execute("begin").close();
            s.execute("savepoint a").close();
            s.execute("create sequence s5").close();
            assertThat(value(s, "select nextval('s5')")).isEqualTo(1L);
            s.execute("savepoint b").close();
            s.execute("create sequence s6").close();
            assertThat(value(s, "select nextval('s6')")).isEqualTo(1L);
            assertThat(counters(storage[0])).isEqualTo(base + 3);
            s.execute("rollback to savepoint b").close();
            assertThat(counters(storage[0])).isEqualTo(base + 2);
            assertThat(value(s, "select nextval('s5')")).isEqualTo(2L);
            s.execute("rollback to savepoint a").close();
            assertThat(counters(storage[0])).isEqualTo(base + 1);
            s.execute("commit").close();
            assertThat(counters(storage[0])).isEqualTo(base + 1);

            // DROP + CREATE committed inside a savepoint that is kept: the new counter stays, the old one goes
            s.execute("begin").close();
            s.execute("savepoint c").close();
            s.execute("drop sequence s4").close();
            s.execute("create sequence s4").close();
            assertThat(value(s, "select nextval('s4')")).isEqualTo(1L);
            s.execute("release savepoint c").close();
            s.execute("commit").close();
            assertThat(counters(storage[0])).isEqualTo(base + 1);
            assertThat(value(s, "select nextval('s4')")).isEqualTo(2L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void olderSnapshot_cannotStoreTheDroppedCounterAgain(String engine) {
        StorageEngine[] storage = new StorageEngine[1];
        try (KernelDatabase db = TestDatabases.open(engine, dir, e -> storage[0] = e); Session s = db.session();
             Session old = db.session()) {
            int base = counters(storage[0]);
            s.execute("create sequence s2").close();
            s.execute("create table z (a int)").close();
            old.execute("begin isolation level repeatable read").close();
            assertThat(value(old, "select count(*) from z")).isEqualTo(0L); // takes the snapshot
            s.execute("drop sequence s2").close();
            assertThatThrownBy(() -> value(old, "select nextval('s2')")).isInstanceOfSatisfying(HeliosException.class,
                    e -> assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE));
            old.execute("rollback").close();
            assertThat(counters(storage[0])).isEqualTo(base);
        }
    }
}
