package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Notice;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** COPY through Session.copyIn/copyOut, cursors, and notices, on the in-memory kernel. */
class CopyAndCursorTest {
    private HeliosDB db;
    private Session s;

    @BeforeEach
    void open() {
        db = HeliosDB.open(HeliosConfig.memory());
        s = db.session();
        s.execute("create table t (id integer primary key, name text, score double precision)").close();
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    private List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        for (Row r : s.execute(sql).toList()) {
            out.add(r.toString());
        }
        return out;
    }

    private String copyOut(String sql) {
        StringWriter out = new StringWriter();
        s.copyOut(sql, out);
        return out.toString();
    }

    @Test
    void copyIn_textFormat_escapesAndNulls() {
        long n = s.copyIn("COPY t FROM STDIN", new StringReader("1\ta\\tb\t1.5\n2\t\\N\t\\N\n3\tx\\\\y\t2\n\\.\n"));
        assertThat(n).isEqualTo(3);
        assertThat(s.execute("select name from t order by id").toList()).extracting(r -> r.get(0))
                .containsExactly("a\tb", null, "x\\y");
    }

    @Test
    void copyIn_csvWithHeaderAndQuotes_bothSyntaxes() {
        s.copyIn("COPY t (id, name) FROM STDIN WITH (FORMAT csv, HEADER true)",
                new StringReader("id,name\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\n4,\"\"\n"));
        s.copyIn("copy t (name, id) from stdin with csv header delimiter ';' null 'NULL'",
                new StringReader("name;id\nNULL;5\n\"multi\nline\";6\n"));
        assertThat(s.execute("select name from t order by id").toList()).extracting(r -> r.get(0))
                .containsExactly("a,b", "say \"hi\"", null, "", null, "multi\nline");
    }

    @Test
    void copyIn_badRow_copiesNothingAndNamesTheLine() {
        assertThatThrownBy(() -> s.copyIn("COPY t FROM STDIN", new StringReader("1\ta\t1\n2\tb\tnope\n")))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
                    assertThat(e.context()).isEqualTo("COPY t, line 2, column score: \"nope\"");
                });
        assertThatThrownBy(() -> s.copyIn("COPY t FROM STDIN", new StringReader("1\ta\n")))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.BAD_COPY_FILE_FORMAT);
                    assertThat(e.getMessage()).isEqualTo("missing data for column \"score\"");
                });
        assertThat(rows("select * from t")).isEmpty();
    }

    @Test
    void copyIn_insideTransactionBlock_rollsBackWithIt() {
        s.execute("begin").close();
        s.copyIn("COPY t FROM STDIN", new StringReader("1\ta\t1\n"));
        assertThat(s.execute("select count(*) from t").toList().get(0).get(0)).isEqualTo(1L);
        s.execute("rollback").close();
        assertThat(s.execute("select count(*) from t").toList().get(0).get(0)).isEqualTo(0L);
    }

    @Test
    void copy_serverFileAndPlainExecute_refused() {
        assertThatThrownBy(() -> s.execute("COPY t FROM '/etc/passwd'"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE));
        assertThatThrownBy(() -> s.execute("COPY t FROM STDIN"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
        assertThat(s.prepare("COPY t TO STDOUT").copy().in()).isFalse();
        assertThat(s.prepare("COPY t (id) FROM STDIN").copy().columns()).isEqualTo(1);
    }

    @Test
    void copyOut_textCsvAndQuery() {
        s.execute("insert into t values (1, 'a\tb', 1.5), (2, null, null), (3, 'x,\"y\"', 2)").close();
        assertThat(copyOut("COPY t TO STDOUT")).isEqualTo("1\ta\\tb\t1.5\n2\t\\N\t\\N\n3\tx,\"y\"\t2\n");
        assertThat(copyOut("COPY t (id, name) TO STDOUT WITH (FORMAT csv, HEADER)"))
                .isEqualTo("id,name\n1,a\tb\n2,\n3,\"x,\"\"y\"\"\"\n");
        assertThat(copyOut("COPY (select id * 10 from t where id > 1 order by id) TO STDOUT")).isEqualTo("20\n30\n");
    }

    @Test
    void cursor_declareFetchMoveClose() {
        s.execute("insert into t values (1, 'a', 1), (2, 'b', 2), (3, 'c', 3), (4, 'd', 4)").close();
        s.execute("begin").close();
        assertThat(s.execute("declare c cursor for select id from t order by id").commandTag())
                .isEqualTo("DECLARE CURSOR");
        QueryResult first = s.execute("fetch forward 2 from c");
        assertThat(first.toList()).extracting(r -> r.get(0)).containsExactly(1, 2);
        assertThat(s.execute("move 1 in c").commandTag()).isEqualTo("MOVE 1");
        QueryResult rest = s.execute("fetch all c");
        assertThat(rest.toList()).extracting(r -> r.get(0)).containsExactly(4);
        assertThat(rest.commandTag()).isEqualTo("FETCH 1");
        assertThat(s.execute("fetch next from c").commandTag()).isEqualTo("FETCH 0");
        assertThat(s.execute("close c").commandTag()).isEqualTo("CLOSE CURSOR");
        assertThatThrownBy(() -> s.execute("fetch c")).isInstanceOfSatisfying(HeliosException.class,
                e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_CURSOR_NAME));
        s.execute("rollback").close();
    }

    @Test
    void cursor_withoutHold_endsWithTransaction_withHoldSurvives() {
        s.execute("insert into t values (1, 'a', 1)").close();
        assertThatThrownBy(() -> s.execute("declare c cursor for select 1")).isInstanceOfSatisfying(
                HeliosException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.NO_ACTIVE_SQL_TRANSACTION));
        s.execute("begin").close();
        s.execute("declare c no scroll cursor without hold for select id from t").close();
        s.execute("declare h cursor with hold for select id from t").close();
        s.execute("commit").close();
        assertThatThrownBy(() -> s.execute("fetch c")).isInstanceOfSatisfying(HeliosException.class,
                e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_CURSOR_NAME));
        assertThat(s.execute("fetch h").toList()).hasSize(1);
        assertThat(s.execute("close all").commandTag()).isEqualTo("CLOSE CURSOR ALL");
    }

    @Test
    void notices_dropIfExistsAndCommitWithoutTransaction() {
        List<Notice> notices = new ArrayList<>();
        s.onNotice(notices::add);
        s.execute("drop table if exists missing").close();
        s.execute("commit").close();
        assertThat(notices).containsExactly(
                Notice.notice("table \"missing\" does not exist, skipping"),
                Notice.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress"));
    }
}
