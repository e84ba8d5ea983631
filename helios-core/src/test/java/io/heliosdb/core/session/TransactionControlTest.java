package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.TransactionStatus;
import io.heliosdb.api.config.HeliosConfig;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Savepoints, transaction modes, VACUUM, transaction-scoped SET and now(), through SQL on the memory engine. */
class TransactionControlTest {
    private HeliosDB db;
    private Session s;

    @BeforeEach
    void open() {
        db = HeliosDB.open(HeliosConfig.memory());
        s = db.session();
        s.execute("create table t (id int primary key, v int)").close();
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    private List<Integer> ids() {
        return s.execute("select id from t order by id").toList().stream().map(r -> r.getInt(0)).toList();
    }

    private String one(String sql) {
        return String.valueOf(s.execute(sql).toList().get(0).get(0));
    }

    private static SqlState state(Throwable e) {
        return ((HeliosException) e).sqlState();
    }

    @Test
    void rollbackToSavepoint_undoesLaterWritesOnly_andKeepsTheSavepoint() {
        s.execute("begin").close();
        s.execute("insert into t values (1, 1)").close();
        s.execute("savepoint a").close();
        s.execute("insert into t values (2, 2)").close();
        s.execute("update t set v = 10 where id = 1").close();
        assertThat(s.execute("rollback to savepoint a").commandTag()).isEqualTo("ROLLBACK");
        assertThat(ids()).containsExactly(1);
        assertThat(one("select v from t where id = 1")).isEqualTo("1");
        s.execute("insert into t values (3, 3)").close();
        s.execute("rollback to a").close(); // still defined after the first ROLLBACK TO
        s.execute("commit").close();
        assertThat(ids()).containsExactly(1);
    }

    @Test
    void rollbackTo_leavesTheFailedState() {
        s.execute("begin").close();
        s.execute("insert into t values (1, 1)").close();
        s.execute("savepoint a").close();
        assertThatThrownBy(() -> s.execute("insert into t values (1, 1)")).satisfies(
                e -> assertThat(state(e)).isEqualTo(SqlState.UNIQUE_VIOLATION));
        assertThatThrownBy(() -> s.execute("select 1")).satisfies(
                e -> assertThat(state(e)).isEqualTo(SqlState.IN_FAILED_SQL_TRANSACTION));
        assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.FAILED);
        s.execute("rollback to savepoint a").close();
        assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.IN_TRANSACTION);
        s.execute("insert into t values (2, 2)").close();
        assertThat(s.execute("commit").commandTag()).isEqualTo("COMMIT");
        assertThat(ids()).containsExactly(1, 2);
    }

    @Test
    void savepoint_undoesDdl() {
        s.execute("begin").close();
        s.execute("savepoint a").close();
        s.execute("create table u (x int)").close();
        s.execute("insert into u values (1)").close();
        s.execute("rollback to savepoint a").close();
        assertThatThrownBy(() -> s.execute("select * from u")).satisfies(
                e -> assertThat(state(e)).isEqualTo(SqlState.UNDEFINED_TABLE));
        s.execute("rollback to savepoint a").close();
        s.execute("drop table t").close();
        s.execute("rollback to savepoint a").close();
        s.execute("commit").close();
        assertThat(ids()).isEmpty(); // t is still there
    }

    @Test
    void releaseSavepoint_keepsWrites_andForgetsLaterSavepoints() {
        s.execute("begin").close();
        s.execute("savepoint a").close();
        s.execute("insert into t values (1, 1)").close();
        s.execute("savepoint b").close();
        s.execute("insert into t values (2, 2)").close();
        assertThat(s.execute("release savepoint a").commandTag()).isEqualTo("RELEASE");
        assertThatThrownBy(() -> s.execute("rollback to b")).satisfies(
                e -> assertThat(state(e)).isEqualTo(SqlState.INVALID_SAVEPOINT_SPECIFICATION));
        s.execute("rollback").close();
        assertThat(ids()).isEmpty();
    }

    @Test
    void unknownSavepoint_is3B001_andSavepointOutsideABlockIs25P01() {
        assertThatThrownBy(() -> s.execute("savepoint a")).satisfies(
                e -> assertThat(state(e)).isEqualTo(SqlState.NO_ACTIVE_SQL_TRANSACTION));
        assertThatThrownBy(() -> s.execute("rollback to savepoint a")).satisfies(
                e -> assertThat(state(e)).isEqualTo(SqlState.NO_ACTIVE_SQL_TRANSACTION));
        s.execute("begin").close();
        assertThatThrownBy(() -> s.execute("release nosuch")).satisfies(
                e -> assertThat(state(e)).isEqualTo(SqlState.INVALID_SAVEPOINT_SPECIFICATION));
        assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.FAILED);
        s.execute("rollback").close();
    }

    @Test
    void beginWithModes_setsIsolationAndAccessMode_andReadOnlyRefusesWrites() {
        s.execute("begin isolation level repeatable read, read only").close();
        assertThat(one("show transaction_isolation")).isEqualTo("repeatable read");
        assertThat(one("show transaction_read_only")).isEqualTo("on");
        assertThatThrownBy(() -> s.execute("insert into t values (1, 1)")).satisfies(e -> {
            assertThat(state(e)).isEqualTo(SqlState.READ_ONLY_SQL_TRANSACTION);
            assertThat(e).hasMessage("cannot execute INSERT in a read-only transaction");
        });
        s.execute("rollback").close();
        assertThat(one("show transaction_isolation")).isEqualTo("read committed");
        assertThat(one("show transaction_read_only")).isEqualTo("off");
        s.execute("start transaction isolation level serializable").close();
        assertThat(one("show transaction_isolation")).isEqualTo("serializable");
        s.execute("commit").close();
    }

    @Test
    void setTransaction_worksBeforeTheFirstQueryOnly() {
        s.execute("begin").close();
        s.execute("set transaction isolation level repeatable read").close();
        assertThat(one("show transaction_isolation")).isEqualTo("repeatable read");
        s.execute("select * from t").close();
        assertThatThrownBy(() -> s.execute("set transaction isolation level serializable")).satisfies(
                e -> assertThat(state(e)).isEqualTo(SqlState.ACTIVE_SQL_TRANSACTION));
        s.execute("rollback").close();
    }

    @Test
    void sessionCharacteristics_setTheDefaults() {
        s.execute("set session characteristics as transaction isolation level repeatable read, read only").close();
        assertThat(one("show default_transaction_isolation")).isEqualTo("repeatable read");
        assertThat(one("show transaction_isolation")).isEqualTo("repeatable read");
        assertThatThrownBy(() -> s.execute("insert into t values (1, 1)")).satisfies(
                e -> assertThat(state(e)).isEqualTo(SqlState.READ_ONLY_SQL_TRANSACTION));
        s.execute("set default_transaction_read_only = off").close();
        s.execute("set default_transaction_isolation = 'serializable'").close();
        s.execute("begin").close();
        assertThat(one("show transaction_isolation")).isEqualTo("serializable");
        s.execute("insert into t values (1, 1)").close();
        s.execute("commit").close();
        assertThat(ids()).containsExactly(1);
    }

    @Test
    void vacuum_runsOutsideABlock_andIs25001InsideOne() {
        s.execute("insert into t values (1, 1)").close();
        s.execute("update t set v = 2 where id = 1").close();
        assertThat(s.execute("vacuum").commandTag()).isEqualTo("VACUUM");
        assertThat(s.execute("vacuum full verbose analyze t").commandTag()).isEqualTo("VACUUM");
        assertThat(s.execute("analyze t").commandTag()).isEqualTo("ANALYZE");
        assertThatThrownBy(() -> s.execute("vacuum nosuch")).satisfies(
                e -> assertThat(state(e)).isEqualTo(SqlState.UNDEFINED_TABLE));
        s.execute("begin").close();
        assertThatThrownBy(() -> s.execute("vacuum t")).satisfies(
                e -> assertThat(state(e)).isEqualTo(SqlState.ACTIVE_SQL_TRANSACTION));
        s.execute("rollback").close();
        assertThat(one("select v from t")).isEqualTo("2");
    }

    @Test
    void setInsideABlock_isUndoneByRollback_andSetLocalEndsWithTheBlock() {
        s.execute("begin").close();
        s.execute("set lock_timeout = '5s'").close();
        s.execute("rollback").close();
        assertThat(one("show lock_timeout")).isEqualTo("0");

        s.execute("begin").close();
        s.execute("set lock_timeout = '5s'").close();
        s.execute("set local statement_timeout = '7s'").close();
        assertThat(one("show statement_timeout")).isEqualTo("7s");
        s.execute("commit").close();
        assertThat(one("show lock_timeout")).isEqualTo("5s");
        assertThat(one("show statement_timeout")).isEqualTo("0");

        s.execute("set local statement_timeout = '9s'").close(); // outside a block: no effect
        assertThat(one("show statement_timeout")).isEqualTo("0");

        s.execute("begin").close();
        s.execute("savepoint a").close();
        s.execute("set lock_timeout = '1s'").close();
        s.execute("rollback to a").close();
        assertThat(one("show lock_timeout")).isEqualTo("5s");
        s.execute("commit").close();
    }

    @Test
    void now_isFixedAtTransactionStart_whileClockTimestampMoves() {
        s.execute("begin").close();
        Row first = s.execute("select now(), current_timestamp, statement_timestamp(), clock_timestamp()").toList().get(0);
        awaitClockPast(first.get(3));
        Row second = s.execute("select now(), statement_timestamp(), clock_timestamp()").toList().get(0);
        s.execute("commit").close();
        assertThat(second.get(0)).isEqualTo(first.get(0));
        assertThat(first.get(1)).isEqualTo(first.get(0));
        assertThat(second.get(1)).isNotEqualTo(first.get(2));
        assertThat(second.get(2)).isNotEqualTo(first.get(3));
        awaitClockPast(second.get(2));
        Row later = s.execute("select now()").toList().get(0);
        assertThat(later.get(0)).isNotEqualTo(first.get(0));
    }

    /** The microsecond clock must move between two statements for their timestamps to differ. */
    /** Waits until the clock is past {@code t} (a timestamptz, or a timestamp in UTC). */
    private static void awaitClockPast(Object t) {
        java.time.Instant at = t instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.time.LocalDateTime) t).toInstant(java.time.ZoneOffset.UTC);
        while (!java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).isAfter(at)) {
            Thread.onSpinWait();
        }
    }
}
