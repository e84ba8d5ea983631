package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FETCH/MOVE directions of SCROLL and NO SCROLL cursors, and cursors that stream from the plan. */
class ScrollCursorTest {
    private HeliosDB db;
    private Session s;

    @BeforeEach
    void open() {
        db = HeliosDB.open(HeliosConfig.memory());
        s = db.session();
        s.execute("create table t (id integer primary key)").close();
        s.execute("insert into t select g from generate_series(1, 5) g").close();
        s.execute("begin").close();
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    /** The ids FETCH returns, then its tag. */
    private String fetch(String sql) {
        try (QueryResult r = s.execute(sql)) {
            StringBuilder out = new StringBuilder();
            while (r.next()) {
                out.append(r.row().get(0)).append(' ');
            }
            return out.append(r.commandTag()).toString();
        }
    }

    private static void assertState(ThrowingCall call, SqlState state) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HeliosException.class,
                e -> assertThat(e.sqlState()).isEqualTo(state));
    }

    private interface ThrowingCall {
        void run();
    }

    @Test
    void scrollCursor_everyDirection_asPostgreSql() {
        s.execute("declare c scroll cursor for select id from t order by id").close();
        assertThat(fetch("fetch last from c")).isEqualTo("5 FETCH 1");
        assertThat(fetch("fetch prior from c")).isEqualTo("4 FETCH 1");
        assertThat(fetch("fetch first from c")).isEqualTo("1 FETCH 1");
        assertThat(fetch("fetch absolute 3 from c")).isEqualTo("3 FETCH 1");
        assertThat(fetch("fetch relative -1 from c")).isEqualTo("2 FETCH 1");
        assertThat(fetch("fetch relative 0 from c")).isEqualTo("2 FETCH 1");
        assertThat(fetch("fetch forward 2 from c")).isEqualTo("3 4 FETCH 2");
        assertThat(fetch("fetch backward 2 from c")).isEqualTo("3 2 FETCH 2");
        assertThat(fetch("fetch absolute -2 from c")).isEqualTo("4 FETCH 1");
        assertThat(fetch("fetch forward all from c")).isEqualTo("5 FETCH 1");
        assertThat(fetch("fetch next from c")).isEqualTo("FETCH 0");
        assertThat(fetch("fetch backward all from c")).isEqualTo("5 4 3 2 1 FETCH 5");
        assertThat(fetch("fetch absolute 9 from c")).isEqualTo("FETCH 0");
        assertThat(fetch("fetch -1 from c")).isEqualTo("5 FETCH 1");
        assertThat(s.execute("move absolute 0 in c").commandTag()).isEqualTo("MOVE 0");
        assertThat(s.execute("move forward all in c").commandTag()).isEqualTo("MOVE 5");
        assertThat(s.execute("move backward all in c").commandTag()).isEqualTo("MOVE 5");
        assertThat(fetch("fetch 2 from c")).isEqualTo("1 2 FETCH 2");
    }

    @Test
    void noScrollCursor_goingBack_is55000() {
        s.execute("declare c no scroll cursor for select id from t order by id").close();
        assertThat(fetch("fetch 2 from c")).isEqualTo("1 2 FETCH 2");
        assertState(() -> s.execute("fetch prior from c"), SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
        s.execute("rollback").close();
        s.execute("begin").close();
        // neither SCROLL nor NO SCROLL, on a plan PostgreSQL cannot run backwards (an aggregate's groups)
        s.execute("declare d cursor for select id, count(*) from t group by id").close();
        assertThat(fetch("fetch absolute 2 from d")).endsWith("FETCH 1");
        assertThat(fetch("fetch relative 2 from d")).endsWith("FETCH 1");
        assertState(() -> s.execute("fetch absolute 1 from d"), SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
    }

    @Test
    void defaultCursor_backwardWhereThePlanAllowsIt_asPostgreSql() {
        // sorted rows, VALUES and a set-returning function are held anyway: they go back, as in PostgreSQL
        s.execute("declare a cursor for select id from t order by -id").close();
        assertThat(fetch("fetch 2 from a")).isEqualTo("5 4 FETCH 2");
        assertThat(fetch("fetch prior from a")).isEqualTo("5 FETCH 1");
        s.execute("declare v cursor for select * from (values (1), (2), (3)) x(n)").close();
        assertThat(fetch("fetch last from v")).isEqualTo("3 FETCH 1");
        assertThat(fetch("fetch first from v")).isEqualTo("1 FETCH 1");
        s.execute("declare g cursor for select g from generate_series(1, 3) g").close();
        assertThat(fetch("fetch all from g")).isEqualTo("1 2 3 FETCH 3");
        assertThat(fetch("fetch backward 2 from g")).isEqualTo("3 2 FETCH 2");
        // joins, SELECT without FROM, UNION and DISTINCT cannot, as in PostgreSQL
        for (String query : List.of("select a.id from t a join t b on a.id + 0 = b.id + 0", "select 1",
                "select id from t union select id from t", "select distinct id from t")) {
            s.execute("declare n cursor for " + query).close();
            s.execute("fetch 1 from n").close();
            assertState(() -> s.execute("fetch prior from n"), SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
            s.execute("rollback").close();
            s.execute("begin").close();
        }
    }

    @Test
    void defaultCursor_onAStreamedScan_goesBackOnlyOnceItsRowsAreInMemory() {
        // PostgreSQL would go back here; HeliosDB would have to keep every row of the scan to do so
        s.execute("declare c cursor for select id from t").close();
        s.execute("fetch 2 from c").close();
        assertState(() -> s.execute("fetch prior from c"), SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
        s.execute("rollback").close();
        // WITH HOLD outside a transaction block reads the rows at DECLARE: it may go back
        s.execute("declare h cursor with hold for select id from t").close();
        assertThat(fetch("fetch 2 from h")).isEqualTo("1 2 FETCH 2");
        assertThat(fetch("fetch prior from h")).isEqualTo("1 FETCH 1");
        s.execute("close h").close();
    }

    @Test
    void fetch_getsItsOwnStatementTimeout_notTheDeclares() throws InterruptedException {
        s.execute("set statement_timeout = '2s'").close();
        s.execute("declare c cursor for select g from generate_series(1, 10) g").close();
        // Past the DECLARE's deadline (a wall-clock deadline, nothing to wait on but time): the FETCH
        // is a statement of its own, with its own 2 s, generous for a loaded machine.
        Thread.sleep(2_200);
        assertThat(fetch("fetch 3 from c")).isEqualTo("1 2 3 FETCH 3");
        assertThat(fetch("fetch all from c")).endsWith("FETCH 7");
    }

    @Test
    void cursor_streamsFromThePlan_anErrorLaterInTheRowsComesAtTheFetchThatReachesIt() {
        // Reading every row at DECLARE would fail there with division by zero.
        s.execute("declare c cursor for select 10 / (g - 1000) from generate_series(1, 2000) g").close();
        assertThat(fetch("fetch 2 from c")).isEqualTo("0 0 FETCH 2");
        assertState(() -> s.execute("fetch all from c"), SqlState.DIVISION_BY_ZERO);
        assertState(() -> s.execute("fetch 1 from c"), SqlState.IN_FAILED_SQL_TRANSACTION);
    }

    @Test
    void cursor_seesTheDataAsOfDeclare() {
        s.execute("declare c cursor for select id from t order by id").close();
        s.execute("insert into t values (6)").close();
        s.execute("delete from t where id = 1").close();
        assertThat(fetch("fetch all from c")).isEqualTo("1 2 3 4 5 FETCH 5");
    }

    @Test
    void withHold_keptAfterCommit_droppedAfterRollback() {
        s.execute("declare h scroll cursor with hold for select id from t order by id").close();
        assertThat(fetch("fetch 2 from h")).isEqualTo("1 2 FETCH 2");
        s.execute("commit").close();
        assertThat(fetch("fetch next from h")).isEqualTo("3 FETCH 1");
        assertThat(fetch("fetch first from h")).isEqualTo("1 FETCH 1");
        s.execute("begin").close();
        s.execute("declare g cursor with hold for select id from t").close();
        s.execute("rollback").close();
        assertState(() -> s.execute("fetch g"), SqlState.INVALID_CURSOR_NAME);
        assertThat(fetch("fetch last from h")).isEqualTo("5 FETCH 1");
        assertThat(List.of(fetch("fetch absolute 0 from h"))).containsExactly("FETCH 0");
    }
}
