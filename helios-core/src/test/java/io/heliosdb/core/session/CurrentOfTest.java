package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UPDATE/DELETE ... WHERE CURRENT OF through the embedded API, on both engines. */
class CurrentOfTest {
    @TempDir
    Path dir;

    private HeliosDB open(String engine) {
        HeliosDB db = HeliosDB.open(engine.equals("memory") ? HeliosConfig.memory()
                : HeliosConfig.persistent(dir.resolve("db")));
        try (Session s = db.session()) {
            s.execute("create table t (id int primary key, v text, n int)").close();
            s.execute("insert into t values (1, 'a', 10), (2, 'b', 20), (3, 'c', 30), (4, 'd', 40)").close();
            s.execute("create table h (x int)").close();
            s.execute("insert into h values (1), (2), (3)").close();
        }
        return db;
    }

    private static String rows(Session s, String sql) {
        try (QueryResult r = s.execute(sql)) {
            return r.toList().stream().map(CurrentOfTest::text).collect(Collectors.joining(";"));
        }
    }

    private static String text(Row row) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            b.append(i == 0 ? "" : "|").append(row.get(i));
        }
        return b.toString();
    }

    private static String tag(Session s, String sql) {
        try (QueryResult r = s.execute(sql)) {
            r.toList();
            return r.commandTag();
        }
    }

    private static HeliosException failure(Session s, String sql) {
        try {
            s.execute(sql).close();
        } catch (HeliosException e) {
            return e;
        }
        throw new AssertionError("expected an error from " + sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void forUpdateCursor_updatesAndDeletesTheRowItIsOn(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("begin").close();
            s.execute("declare c cursor for select id, v from t where id >= 2 order by id for update").close();
            assertThat(rows(s, "fetch 1 from c")).isEqualTo("2|b");
            assertThat(rows(s, "update t set v = 'B' where current of c returning id, v, n")).isEqualTo("2|B|20");
            assertThat(rows(s, "fetch 1 from c")).isEqualTo("3|c");
            assertThat(tag(s, "delete from t where current of c")).isEqualTo("DELETE 1");
            assertThat(rows(s, "fetch all from c")).isEqualTo("4|d");
            s.execute("commit").close();
            assertThat(rows(s, "select id, v from t order by id")).isEqualTo("1|a;2|B;4|d");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void plainCursor_changesOnlyTheCurrentRow_andReadsAsOfDeclare(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("begin").close();
            s.execute("declare c cursor for select * from t where n > 10").close();
            assertThat(rows(s, "fetch 1 from c")).isEqualTo("2|b|20");
            // the hidden row key column is not part of what FETCH returns
            try (QueryResult r = s.execute("fetch 1 from c")) {
                List<Row> fetched = r.toList();
                assertThat(fetched).hasSize(1);
                assertThat(fetched.get(0).size()).isEqualTo(3);
                assertThat(r.columns()).extracting(c -> c.name()).containsExactly("id", "v", "n");
            }
            // a key-changing update moves the row; the cursor does not see it again
            assertThat(tag(s, "update t set id = id + 100, n = 0 where current of c")).isEqualTo("UPDATE 1");
            assertThat(rows(s, "fetch all from c")).isEqualTo("4|d|40");
            s.execute("commit").close();
            assertThat(rows(s, "select id, n from t order by id")).isEqualTo("1|10;2|20;4|40;103|0");
        }
    }

    @Test
    void tableWithoutPrimaryKey_andScrollCursorGoingBack() {
        try (HeliosDB db = open("memory"); Session s = db.session()) {
            s.execute("begin").close();
            s.execute("declare c scroll cursor for select x from h").close();
            assertThat(rows(s, "fetch last from c")).isEqualTo("3");
            assertThat(rows(s, "fetch prior from c")).isEqualTo("2");
            assertThat(tag(s, "update h set x = 20 where current of c")).isEqualTo("UPDATE 1");
            assertThat(rows(s, "fetch first from c")).isEqualTo("1");
            assertThat(tag(s, "delete from h where current of c")).isEqualTo("DELETE 1");
            s.execute("commit").close();
            assertThat(rows(s, "select x from h order by x")).isEqualTo("3;20");
        }
    }

    @Test
    void sameRowTwice_secondUpdateSeesTheFirst() {
        try (HeliosDB db = open("memory"); Session s = db.session()) {
            s.execute("begin").close();
            s.execute("declare c cursor for select id from t where id = 1 for share").close();
            s.execute("fetch 1 from c").close();
            assertThat(rows(s, "update t set n = n + 1 where current of c returning n")).isEqualTo("11");
            assertThat(rows(s, "update t set n = n + 1 where current of c returning n")).isEqualTo("12");
            s.execute("rollback").close();
            assertThat(rows(s, "select n from t where id = 1")).isEqualTo("10");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void keyChangingUpdate_cursorFollowsTheRow(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("begin").close();
            s.execute("declare c cursor for select id, v from t where id >= 2 order by id for update").close();
            s.execute("declare p cursor for select id, v from t where id = 1").close();
            assertThat(rows(s, "fetch 1 from c")).isEqualTo("2|b");
            assertThat(rows(s, "fetch 1 from p")).isEqualTo("1|a");
            // the primary key changes: the second CURRENT OF reaches the moved row, as PostgreSQL's does
            assertThat(rows(s, "update t set id = 12 where current of c returning id")).isEqualTo("12");
            assertThat(rows(s, "update t set n = 99 where current of c returning id, n")).isEqualTo("12|99");
            assertThat(rows(s, "update t set id = 11 where current of p returning id")).isEqualTo("11");
            assertThat(rows(s, "update t set id = id + 100 where id = 11 returning id")).isEqualTo("111");
            assertThat(tag(s, "delete from t where current of p")).isEqualTo("DELETE 1");
            assertThat(rows(s, "fetch 1 from c")).isEqualTo("3|c"); // the scan goes on from where it was
            assertThat(tag(s, "update t set v = 'C' where current of c")).isEqualTo("UPDATE 1");
            s.execute("commit").close();
            assertThat(rows(s, "select id, v, n from t order by id")).isEqualTo("3|C|30;4|d|40;12|b|99");
        }
    }

    @Test
    void errors_asPostgreSqlReportsThem() {
        try (HeliosDB db = open("memory"); Session s = db.session()) {
            s.execute("create view tv as select * from t").close();
            s.execute("begin").close();
            HeliosException e = failure(s, "update t set n = 0 where current of nope");
            assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_CURSOR_NAME);
            assertThat(e.getMessage()).contains("cursor \"nope\" does not exist");
            s.execute("rollback").close();

            s.execute("begin").close();
            s.execute("declare c cursor for select id from t").close();
            e = failure(s, "update t set n = 0 where current of c");
            assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_CURSOR_STATE);
            assertThat(e.getMessage()).contains("cursor \"c\" is not positioned on a row");
            s.execute("rollback").close();

            s.execute("begin").close();
            s.execute("declare c cursor for select id from t where id = 1 for update").close();
            s.execute("fetch all from c").close();
            assertThat(failure(s, "delete from t where current of c").getMessage())
                    .contains("cursor \"c\" is not positioned on a row");
            s.execute("rollback").close();

            s.execute("begin").close();
            s.execute("declare c cursor for select x from h").close();
            s.execute("fetch 1 from c").close();
            e = failure(s, "delete from t where current of c");
            assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_CURSOR_STATE);
            assertThat(e.getMessage()).contains("cursor \"c\" is not a simply updatable scan of table \"t\"");
            s.execute("rollback").close();

            s.execute("begin").close();
            s.execute("declare c cursor for select id from t where id = 1 for update").close();
            s.execute("fetch 1 from c").close();
            assertThat(failure(s, "delete from h where current of c").getMessage())
                    .contains("cursor \"c\" does not have a FOR UPDATE/SHARE reference to table \"h\"");
            s.execute("rollback").close();

            s.execute("begin").close();
            s.execute("declare c cursor for select count(*) from t").close();
            s.execute("fetch 1 from c").close();
            assertThat(failure(s, "delete from t where current of c").sqlState()).isEqualTo(SqlState.INVALID_CURSOR_STATE);
            s.execute("rollback").close();

            s.execute("begin").close();
            s.execute("declare c cursor for select a.id from t a join t b on a.id = b.id for update").close();
            s.execute("fetch 1 from c").close();
            assertThat(failure(s, "delete from t where current of c").getMessage())
                    .contains("cursor \"c\" has multiple FOR UPDATE/SHARE references to table \"t\"");
            s.execute("rollback").close();

            s.execute("begin").close();
            s.execute("declare c cursor for select * from tv").close();
            s.execute("fetch 1 from c").close();
            assertThat(failure(s, "update tv set n = 0 where current of c").sqlState())
                    .isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
            s.execute("rollback").close();

            s.execute("begin").close();
            s.execute("declare k cursor with hold for select id from t order by id").close();
            s.execute("fetch 1 from k").close();
            s.execute("commit").close();
            assertThat(failure(s, "update t set n = 0 where current of k").getMessage())
                    .contains("cursor \"k\" is held from a previous transaction");
            assertThat(rows(s, "select n from t where id = 1")).isEqualTo("10");
        }
    }

    @Test
    void explain_showsTheTidScan() {
        try (HeliosDB db = open("memory"); Session s = db.session()) {
            assertThat(rows(s, "explain update t set n = 0 where current of c"))
                    .contains("Tid Scan on t").contains("TID Cond: CURRENT OF c");
        }
    }
}
