package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.heliosdb.api.HeliosBatchException;
import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.TransactionStatus;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PreparedQuery#executeBatch(List)}: an INSERT/UPDATE/DELETE batch runs as one statement, and must
 * leave exactly what running its entries one by one leaves; a failing entry is named and undoes the whole
 * batch (the whole transaction outside a block), and what a rolled-back batch wrote is free again.
 */
class PreparedBatchTest {
    private static final String DDL = "create table t (id int primary key, grp int not null, amount bigint,"
            + " note varchar(10) check (note <> 'bad'))";
    private static final String INSERT = "insert into t values ($1, $2, $3, $4)";

    @TempDir
    Path dir;

    private HeliosConfig config(String engine) {
        return engine.equals("memory") ? HeliosConfig.memory() : HeliosConfig.persistent(dir.resolve("db"));
    }

    private static Object[] row(int id) {
        return new Object[] {id, id % 7, (long) id * 1000, "n" + id};
    }

    private static List<Object[]> rows(int from, int to) {
        List<Object[]> out = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            out.add(row(id));
        }
        return out;
    }

    private static List<Object[]> entries(Object[]... parameterSets) {
        return List.of(parameterSets);
    }

    private static List<List<Object>> table(Session s, String name) {
        return s.execute("select * from " + name + " order by id").toList().stream().map(PreparedBatchTest::values).toList();
    }

    private static List<Object> values(Row r) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            out.add(r.get(i));
        }
        return out;
    }

    private static List<Object> ids(Session s) {
        return s.execute("select id from t order by id").toList().stream().map(r -> r.get(0)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void executeBatch_leavesWhatRowByRowExecutesLeave(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute(DDL);
            s.execute(DDL.replace("table t", "table u"));
            // Descending and ascending keys, a NULL, a text parameter: both paths coerce and check alike.
            List<Object[]> entries = new ArrayList<>(rows(50, 60));
            entries.add(new Object[] {5, 1, null, null});
            entries.add(new Object[] {"7", "2", "30", "seven"});
            List<Object[]> descending = rows(1, 4);
            java.util.Collections.reverse(descending);
            entries.addAll(descending);
            try (PreparedQuery batch = s.prepare(INSERT); PreparedQuery single = s.prepare(INSERT.replace(" t ", " u "))) {
                long[] counts = batch.executeBatch(entries);
                assertThat(counts).hasSize(entries.size()).containsOnly(1L);
                for (Object[] e : entries) {
                    single.execute(e).close();
                }
            }
            assertThat(table(s, "t")).hasSize(entries.size()).isEqualTo(table(s, "u"));
            assertThat(s.execute("select note from t where id = 7").toList().get(0).get(0)).isEqualTo("seven");
        }
    }

    @Test
    void updateAndDeleteBatches_countEachEntry() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute(DDL);
            try (PreparedQuery insert = s.prepare(INSERT)) {
                insert.executeBatch(rows(1, 20));
            }
            try (PreparedQuery update = s.prepare("update t set amount = amount + $2 where grp = $1")) {
                update.addBatch(3, 1L);
                update.addBatch(100, 1L);
                update.addBatch(3, 10L); // sees the first entry's change, as a second statement would
                assertThat(update.executeBatch()).containsExactly(3L, 0L, 3L);
            }
            assertThat(s.execute("select amount from t where id = 3").toList().get(0).get(0)).isEqualTo(3011L);
            try (PreparedQuery delete = s.prepare("delete from t where id <= $1")) {
                assertThat(delete.executeBatch(entries(new Object[] {5}, new Object[] {7})))
                        .containsExactly(5L, 2L);
            }
            assertThat(ids(s)).hasSize(13).first().isEqualTo(8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void uniqueViolationMidBatch_namesTheEntry_andCommitsNothing(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute(DDL);
            s.execute("insert into t values (5, 0, 0, 'old')");
            try (PreparedQuery insert = s.prepare(INSERT)) {
                HeliosBatchException e = catchThrowableOfType(() -> insert.executeBatch(rows(1, 10)),
                        HeliosBatchException.class);
                assertThat(e.entry()).isEqualTo(4);
                assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
                assertThat(e.detail()).isEqualTo("Key (id)=(5) already exists.");
                assertThat(e.constraint()).isEqualTo("t_pkey");
                assertThat(e.table()).isEqualTo("t");
                assertThat(e.context()).isEqualTo("batch entry 4");
                assertThat(e.getCause()).isInstanceOf(HeliosException.class);
                assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
                assertThat(ids(s)).containsExactly(5);

                // A duplicate inside the batch itself, found in the batch's own writes.
                List<Object[]> twice = new ArrayList<>(rows(11, 13));
                twice.add(row(12));
                assertThat(catchThrowableOfType(() -> insert.executeBatch(twice), HeliosBatchException.class).entry())
                        .isEqualTo(3);
                assertThat(ids(s)).containsExactly(5);

                // The failed batches left no locks and no stale key bounds behind: all of their keys go in now.
                List<Object[]> rest = new ArrayList<>(rows(1, 4));
                rest.addAll(rows(6, 13));
                assertThat(insert.executeBatch(rest)).hasSize(12).containsOnly(1L);
            }
            assertThat(ids(s)).hasSize(13);
        }
    }

    @Test
    void failingEntryInsideABlock_failsTheBlock_asAFailingStatementDoes() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute(DDL);
            s.execute("begin");
            s.execute("insert into t values (100, 0, 0, 'x')");
            try (PreparedQuery insert = s.prepare(INSERT)) {
                List<Object[]> entries = rows(1, 3);
                entries.set(1, new Object[] {2, 0, 0L, "bad"});
                HeliosBatchException e = catchThrowableOfType(() -> insert.executeBatch(entries),
                        HeliosBatchException.class);
                assertThat(e.entry()).isEqualTo(1);
                assertThat(e.sqlState()).isEqualTo(SqlState.CHECK_VIOLATION);
                assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.FAILED);

                // In the failed block every entry is refused, the first one named.
                HeliosBatchException aborted = catchThrowableOfType(() -> insert.executeBatch(rows(4, 5)),
                        HeliosBatchException.class);
                assertThat(aborted.entry()).isZero();
                assertThat(aborted.sqlState()).isEqualTo(SqlState.IN_FAILED_SQL_TRANSACTION);
                // An empty batch runs nothing, so nothing fails.
                assertThat(insert.executeBatch(List.of())).isEmpty();
            }
            s.execute("rollback");
            assertThat(ids(s)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void rollbackAfterABatch_undoesIt_andItsKeysAreFreeAgain(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session(); Session other = db.session()) {
            s.execute(DDL);
            s.execute("insert into t values (1, 0, 0, 'a')");
            try (PreparedQuery insert = s.prepare(INSERT)) {
                s.execute("begin");
                insert.executeBatch(rows(100, 200));
                s.execute("rollback");
                assertThat(ids(s)).containsExactly(1);
                // Keys above and inside the rolled-back range go in from another session, and from this one.
                try (PreparedQuery otherInsert = other.prepare(INSERT)) {
                    assertThat(otherInsert.executeBatch(entries(row(150), row(300)))).containsExactly(1L, 1L);
                }
                assertThat(insert.executeBatch(entries(row(100), row(200), row(250)))).containsExactly(1L, 1L, 1L);
                // Committed keys are taken, whichever session wrote them.
                for (int taken : new int[] {1, 150, 200, 300}) {
                    assertThat(catchThrowableOfType(() -> insert.executeBatch(entries(row(taken))),
                            HeliosBatchException.class).sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
                }
            }
            assertThat(ids(s)).containsExactly(1, 100, 150, 200, 250, 300);
        }
    }

    /**
     * The transaction's own writes skip their tree for keys above every key written (a ceiling that stays where
     * it was after a rollback): keys a rolled-back batch wrote are free, and keys written before it still taken.
     */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void ownWritesKeyCeiling_afterRollbackToSavepoint(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute(DDL);
            try (PreparedQuery insert = s.prepare(INSERT)) {
                s.execute("begin");
                insert.executeBatch(rows(1, 10));
                s.execute("savepoint a");
                insert.executeBatch(rows(11, 20));
                s.execute("rollback to savepoint a");
                assertThat(insert.executeBatch(entries(row(15), row(25), row(12)))).containsExactly(1L, 1L, 1L);
                for (int taken : new int[] {10, 3, 15, 25}) {
                    s.execute("savepoint b");
                    assertThat(catchThrowableOfType(() -> insert.executeBatch(entries(row(taken))),
                            HeliosBatchException.class).sqlState()).as("key %d", taken).isEqualTo(SqlState.UNIQUE_VIOLATION);
                    s.execute("rollback to savepoint b");
                }
                // A failed statement's own rollback (no savepoint needed for that) frees its keys too.
                s.execute("savepoint c");
                assertThatThrownBy(() -> insert.executeBatch(entries(row(30), row(31), row(30))))
                        .isInstanceOf(HeliosBatchException.class);
                s.execute("rollback to savepoint c");
                assertThat(insert.executeBatch(entries(row(31), row(30)))).containsExactly(1L, 1L);
                s.execute("commit");
            }
            List<Object> expected = new ArrayList<>();
            for (int id = 1; id <= 10; id++) {
                expected.add(id);
            }
            expected.addAll(List.of(12, 15, 25, 30, 31));
            assertThat(ids(s)).isEqualTo(expected);
        }
    }

    @Test
    void emptyBatch_runsNothing_andStartsNoTransaction() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute(DDL);
            try (PreparedQuery insert = s.prepare(INSERT)) {
                assertThat(insert.executeBatch()).isEmpty();
                assertThat(insert.executeBatch(List.of())).isEmpty();
                assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
            }
            try (PreparedQuery nothing = s.prepare("")) {
                assertThat(nothing.executeBatch(entries(new Object[0], new Object[0]))).containsExactly(0L, 0L);
            }
        }
    }

    @Test
    void addBatch_copiesItsParameters_andExecuteBatchEmptiesTheQueueEvenWhenItFails() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute(DDL);
            try (PreparedQuery insert = s.prepare(INSERT)) {
                Object[] reused = row(1);
                insert.addBatch(reused);
                reused[0] = 2;
                insert.addBatch(reused);
                insert.addBatch(row(1)); // a duplicate of the first entry
                assertThat(catchThrowableOfType(insert::executeBatch, HeliosBatchException.class).entry()).isEqualTo(2);
                assertThat(insert.executeBatch()).isEmpty();
                insert.addBatch(row(3));
                insert.clearBatch();
                insert.addBatch(row(4));
                assertThat(insert.executeBatch()).containsExactly(1L);
            }
            assertThat(ids(s)).containsExactly(4);
        }
    }

    @Test
    void badParameters_nameTheirEntry() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute(DDL);
            try (PreparedQuery insert = s.prepare(INSERT)) {
                HeliosBatchException count = catchThrowableOfType(() -> insert.executeBatch(
                        entries(row(1), new Object[] {2, 0}, row(3))), HeliosBatchException.class);
                assertThat(count.entry()).isEqualTo(1);
                assertThat(count.sqlState()).isEqualTo(SqlState.PROTOCOL_VIOLATION);
                HeliosBatchException notNull = catchThrowableOfType(() -> insert.executeBatch(
                        entries(row(1), row(2), new Object[] {null, 0, 0L, "x"})), HeliosBatchException.class);
                assertThat(notNull.entry()).isEqualTo(2);
                assertThat(notNull.sqlState()).isEqualTo(SqlState.NOT_NULL_VIOLATION);
                HeliosBatchException text = catchThrowableOfType(() -> insert.executeBatch(
                        entries(new Object[] {"x", 0, 0L, "x"})), HeliosBatchException.class);
                assertThat(text.entry()).isZero();
                assertThat(text.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
            }
            assertThat(ids(s)).isEmpty();
        }
    }

    @Test
    void statementsThatReturnRows_areRefused_andOtherStatementsRunOneByOne() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute(DDL);
            try (PreparedQuery select = s.prepare("select id from t where id = $1");
                 PreparedQuery returning = s.prepare(INSERT + " returning id")) {
                assertThatThrownBy(() -> select.executeBatch(entries(new Object[] {1})))
                        .isInstanceOfSatisfying(HeliosException.class,
                                e -> assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
                assertThatThrownBy(() -> returning.executeBatch(entries(row(1))))
                        .isInstanceOfSatisfying(HeliosException.class,
                                e -> assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
            }
            assertThat(ids(s)).isEmpty();
            try (PreparedQuery ddl = s.prepare("create table if not exists v (id int)")) {
                assertThat(ddl.executeBatch(entries(new Object[0], new Object[0]))).containsExactly(0L, 0L);
            }
            assertThat(s.execute("select count(*) from v").toList().get(0).get(0)).isEqualTo(0L);
        }
    }

    @Test
    void batch_isPlannedAgainAfterDdl() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session(); Session ddl = db.session()) {
            s.execute(DDL);
            try (PreparedQuery insert = s.prepare("insert into t (id, grp) values ($1, $2)")) {
                insert.executeBatch(entries(new Object[] {1, 1}));
                ddl.execute("alter table t add column extra int default 7");
                assertThat(insert.executeBatch(entries(new Object[] {2, 2}, new Object[] {3, 3})))
                        .containsExactly(1L, 1L);
            }
            assertThat(s.execute("select id, extra from t order by id").toList().stream()
                    .map(r -> r.get(1)).toList()).containsExactly(7, 7, 7);
        }
    }
}
