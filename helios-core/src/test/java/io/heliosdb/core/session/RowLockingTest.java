package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SELECT ... FOR UPDATE / SHARE through SQL on the memory engine; the blocking cases are isolation specs. */
class RowLockingTest {
    private HeliosDB db;
    private Session s1;
    private Session s2;

    @BeforeEach
    void open() {
        db = HeliosDB.open(HeliosConfig.memory());
        s1 = db.session();
        s2 = db.session();
        s1.execute("create table t (id int primary key, v int)").close();
        s1.execute("create table u (id int primary key, tid int)").close();
        s1.execute("create table n (v int)").close();
        s1.execute("insert into t values (1, 10), (2, 20), (3, 30)").close();
        s1.execute("insert into u values (1, 1)").close();
        s1.execute("insert into n values (5), (6)").close();
    }

    @AfterEach
    void close() {
        s1.close();
        s2.close();
        db.close();
    }

    private static List<Integer> ints(Session s, String sql) {
        return s.execute(sql).toList().stream().map(r -> r.getInt(0)).toList();
    }

    private static void run(Session s, String sql) {
        s.execute(sql).close();
    }

    private static HeliosException error(Session s, String sql) {
        try {
            s.execute(sql).toList();
        } catch (HeliosException e) {
            return e;
        }
        throw new AssertionError("no error from " + sql);
    }

    @Test
    void skipLockedWithLimit_locksOnlyTheRowReturned() {
        run(s1, "begin");
        assertThat(ints(s1, "select id from t order by id limit 1 for update skip locked")).containsExactly(1);
        assertThat(ints(s2, "select id from t where id = 2 for update nowait")).containsExactly(2);
        assertThat(ints(s2, "select id from t order by id limit 1 for update skip locked")).containsExactly(2);
        assertThat(ints(s2, "select id from t order by id for update skip locked")).containsExactly(2, 3);
        HeliosException e = error(s2, "select id from t where id = 1 for update nowait");
        assertThat(e.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
        assertThat(e.getMessage()).contains("could not obtain lock on row in relation \"t\"");
        run(s1, "commit");
        assertThat(ints(s2, "select id from t where id = 1 for update nowait")).containsExactly(1);
    }

    @Test
    void forUpdate_locksRowsOfAJoinAndTablesWithoutPrimaryKey() {
        run(s1, "begin");
        assertThat(ints(s1, "select t.id from t join u on t.id = u.tid for update of t")).containsExactly(1);
        assertThat(ints(s1, "select v from n where v = 5 for update")).containsExactly(5);
        assertThat(error(s2, "select id from t where id = 1 for share nowait").sqlState())
                .isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
        assertThat(ints(s2, "select id from u for update nowait")).containsExactly(1); // OF t: u is not locked
        assertThat(ints(s2, "select v from n order by v for update skip locked")).containsExactly(6);
        run(s1, "rollback");
    }

    @Test
    void forShare_isSharedButExcludesUpdateLocks() {
        run(s1, "begin");
        assertThat(ints(s1, "select id from t where id = 1 for share")).containsExactly(1);
        assertThat(ints(s2, "select id from t where id = 1 for key share nowait")).containsExactly(1);
        assertThat(error(s2, "select id from t where id = 1 for no key update nowait").sqlState())
                .isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
        run(s1, "commit");
    }

    @Test
    void lockWait_endsAtLockTimeoutAndStatementTimeout() {
        run(s1, "begin");
        run(s1, "select id from t where id = 1 for update");
        run(s2, "set lock_timeout = '50ms'");
        HeliosException lock = error(s2, "select id from t where id = 1 for update");
        assertThat(lock.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
        assertThat(lock.getMessage()).contains("lock timeout");
        run(s2, "set lock_timeout = 0");
        run(s2, "set statement_timeout = '50ms'");
        HeliosException statement = error(s2, "select id from t where id = 1 for share");
        assertThat(statement.sqlState()).isEqualTo(SqlState.QUERY_CANCELED);
        assertThat(statement.getMessage()).contains("statement timeout");
        run(s1, "rollback");
    }

    @Test
    void locks_areReleasedByRollbackToSavepointAndByAutocommit() {
        run(s1, "begin");
        run(s1, "savepoint a");
        run(s1, "select id from t where id = 1 for update");
        run(s1, "rollback to savepoint a");
        assertThat(ints(s2, "select id from t where id = 1 for update nowait")).containsExactly(1);
        run(s1, "commit");
        run(s1, "select id from t for update"); // autocommit: its own transaction
        assertThat(ints(s2, "select id from t order by id for update nowait")).containsExactly(1, 2, 3);
    }

    @Test
    void lockedRow_canBeUpdatedByItsLocker() {
        run(s1, "begin");
        run(s1, "select id from t where id = 2 for update");
        run(s1, "update t set v = v + 1 where id = 2");
        run(s1, "commit");
        assertThat(ints(s2, "select v from t where id = 2 for update")).containsExactly(21);
    }

    @Test
    void readOnlyTransaction_refusesLockingSelect() {
        run(s1, "begin read only");
        HeliosException e = error(s1, "select * from t for share");
        assertThat(e.sqlState()).isEqualTo(SqlState.READ_ONLY_SQL_TRANSACTION);
        assertThat(e.getMessage()).isEqualTo("cannot execute SELECT FOR SHARE in a read-only transaction");
        run(s1, "rollback");
    }

    @Test
    void explain_placesLockRowsBetweenLimitAndSort() {
        String plan = String.join("\n", s1.execute("explain select v from t order by v limit 1 for update")
                .toList().stream().map(r -> String.valueOf(r.get(0))).toList());
        assertThat(plan).containsSubsequence("Limit", "LockRows", "Sort", "Seq Scan on t");
    }

    @Test
    void refusals_matchPostgresql() {
        assertRefused("select count(*) from t for update", SqlState.FEATURE_NOT_SUPPORTED,
                "FOR UPDATE is not allowed with aggregate functions");
        assertRefused("select v, count(*) from t group by v for update", SqlState.FEATURE_NOT_SUPPORTED,
                "FOR UPDATE is not allowed with GROUP BY clause");
        assertRefused("select distinct v from t for share", SqlState.FEATURE_NOT_SUPPORTED,
                "FOR SHARE is not allowed with DISTINCT clause");
        assertRefused("select id from t union select id from u for update", SqlState.FEATURE_NOT_SUPPORTED,
                "FOR UPDATE is not allowed with UNION/INTERSECT/EXCEPT");
        assertRefused("select id, row_number() over () from t for no key update", SqlState.FEATURE_NOT_SUPPORTED,
                "FOR NO KEY UPDATE is not allowed with window functions");
        assertRefused("select id from t having count(*) > 0 for key share", SqlState.FEATURE_NOT_SUPPORTED,
                "FOR KEY SHARE is not allowed with HAVING clause");
        assertRefused("select * from t left join u on t.id = u.tid for update", SqlState.FEATURE_NOT_SUPPORTED,
                "FOR UPDATE cannot be applied to the nullable side of an outer join");
        assertRefused("select * from t for update of x", SqlState.UNDEFINED_TABLE,
                "relation \"x\" in FOR UPDATE clause not found in FROM clause");
        assertRefused("select * from t, generate_series(1, 2) g for update of g", SqlState.FEATURE_NOT_SUPPORTED,
                "FOR UPDATE cannot be applied to a function");
        assertRefused("values (1) for update", SqlState.FEATURE_NOT_SUPPORTED, "FOR UPDATE cannot be applied to VALUES");
        assertRefused("select generate_series(1, 2) from t for update", SqlState.FEATURE_NOT_SUPPORTED,
                "FOR UPDATE is not allowed with set-returning functions in the target list");
    }

    @Test
    void accepted_forms() {
        assertThat(ints(s1, "select t.id from t left join u on t.id = u.tid order by t.id for update of t"))
                .containsExactly(1, 2, 3);
        assertThat(ints(s1, "select id from t where id = 1 for update limit 1")).containsExactly(1);
        assertThat(ints(s1, "select 1 for update")).containsExactly(1);
        assertThat(ints(s1, "select t1.id from t t1 join t t2 on t1.id = t2.id order by 1 for update of t1 skip locked"))
                .containsExactly(1, 2, 3);
        assertThat(ints(s1, "select * from t order by id offset 1 for update for share of t nowait"))
                .containsExactly(2, 3);
        assertThat(ints(s1, "with c as (select * from t) select id from c order by id for update"))
                .containsExactly(1, 2, 3);
        assertThat(s1.execute("select * from t where id = 3 for update").toList().get(0).size()).isEqualTo(2);
        assertThat(s1.execute("select t.* from t where id = 3 for update").toList().get(0).size()).isEqualTo(2);
    }

    private void assertRefused(String sql, SqlState state, String message) {
        assertThatThrownBy(() -> s1.execute(sql).toList()).isInstanceOf(HeliosException.class)
                .satisfies(e -> {
                    assertThat(((HeliosException) e).sqlState()).isEqualTo(state);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }
}
