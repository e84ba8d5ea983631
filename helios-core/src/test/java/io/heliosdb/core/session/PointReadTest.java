package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The autocommit point read ({@link PointRead}): a prepared SELECT by primary key outside a transaction
 * block skips the executor. Each test switches between that path and the ordinary one (inside blocks)
 * on the same prepared statement, so a shortcut that served a wrong row would show.
 */
class PointReadTest {
    @TempDir
    Path dir;

    private HeliosConfig config(String engine) {
        return engine.equals("memory") ? HeliosConfig.memory() : HeliosConfig.persistent(dir.resolve("db"));
    }

    private static List<List<Object>> rows(QueryResult result) {
        List<List<Object>> out = new ArrayList<>();
        for (Row row : result.toList()) {
            out.add(Arrays.asList(row.values()));
        }
        return out;
    }

    private static List<List<Object>> rows(PreparedQuery query, Object... params) {
        return rows(query.execute(params));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void projectionAndFilter_returnTheColumnsAskedFor(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute("create table t (id int primary key, a text, b bigint, c text)");
            s.execute("insert into t values (1, 'one', 10, null), (2, 'two', 20, 'c2')");
            PreparedQuery reversed = s.prepare("select c, b, id from t where id = $1");
            assertThat(rows(reversed, 2)).containsExactly(List.of("c2", 20L, 2));
            assertThat(rows(reversed, 1)).containsExactly(Arrays.asList(null, 10L, 1));
            assertThat(rows(reversed, 3)).isEmpty();
            PreparedQuery filtered = s.prepare("select a from t where id = $1 and b = $2");
            assertThat(rows(filtered, 1, 10L)).containsExactly(List.of("one"));
            assertThat(rows(filtered, 1, 20L)).isEmpty();
            assertThat(rows(filtered, 2, null)).isEmpty();
            PreparedQuery all = s.prepare("select * from t where id = $1");
            assertThat(rows(all, 2)).containsExactly(List.of(2, "two", 20L, "c2"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void keys_nullOutOfRangeCompositeAndText(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute("create table t (id int primary key, a text)");
            s.execute("insert into t values (7, 'seven')");
            PreparedQuery wide = s.prepare("select a from t where id = $1", List.of(SqlType.BIGINT));
            assertThat(rows(wide, 7L)).containsExactly(List.of("seven"));
            assertThat(rows(wide, 1L << 40)).isEmpty();
            assertThat(rows(wide, (Object) null)).isEmpty();
            s.execute("create table m (x smallint, y text, v int, primary key (x, y))");
            s.execute("insert into m values (1, 'p', 100), (1, 'q', 200), (2, 'p', 300)");
            PreparedQuery composite = s.prepare("select v from m where y = $2 and x = $1");
            assertThat(rows(composite, 1, "q")).containsExactly(List.of(200));
            assertThat(rows(composite, 2, "p")).containsExactly(List.of(300));
            assertThat(rows(composite, 2, "q")).isEmpty();
            QueryResult counted = composite.execute(1, "p");
            assertThat(counted.next()).isTrue();
            assertThat(counted.next()).isFalse();
            assertThat(counted.rowCount()).isEqualTo(1);
            assertThat(counted.commandTag()).isEqualTo("SELECT 1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void wrongParameterCount_is08P01_andTheSessionGoesOn(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute("create table t (id int primary key, a text)");
            s.execute("insert into t values (1, 'one')");
            PreparedQuery byId = s.prepare("select a from t where id = $1");
            assertThatThrownBy(() -> byId.execute(1, 2)).isInstanceOf(HeliosException.class)
                    .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.PROTOCOL_VIOLATION);
            assertThat(rows(byId, 1)).containsExactly(List.of("one"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void insideABlock_ownWritesShow_andAutocommitReadsSeeOnlyCommits(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session(); Session other = db.session()) {
            s.execute("create table t (id int primary key, a text)");
            s.execute("insert into t values (1, 'one')");
            PreparedQuery mine = s.prepare("select a from t where id = $1");
            PreparedQuery theirs = other.prepare("select a from t where id = $1");
            assertThat(rows(mine, 1)).containsExactly(List.of("one"));
            s.execute("begin");
            s.execute("update t set a = 'uno' where id = 1");
            s.execute("insert into t values (2, 'two')");
            assertThat(rows(mine, 1)).containsExactly(List.of("uno"));
            assertThat(rows(mine, 2)).containsExactly(List.of("two"));
            assertThat(rows(theirs, 1)).containsExactly(List.of("one"));
            assertThat(rows(theirs, 2)).isEmpty();
            s.execute("commit");
            assertThat(rows(theirs, 1)).containsExactly(List.of("uno"));
            assertThat(rows(theirs, 2)).containsExactly(List.of("two"));
            other.execute("delete from t where id = 2");
            assertThat(rows(mine, 2)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void repeatableReadBlock_keepsItsSnapshot_thenAutocommitSeesTheNewest(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session reader = db.session(); Session writer = db.session()) {
            writer.execute("create table t (id int primary key, a text)");
            writer.execute("insert into t values (1, 'old')");
            PreparedQuery byId = reader.prepare("select a from t where id = $1");
            assertThat(rows(byId, 1)).containsExactly(List.of("old"));
            reader.execute("begin isolation level repeatable read");
            assertThat(rows(byId, 1)).containsExactly(List.of("old"));
            writer.execute("update t set a = 'new' where id = 1");
            writer.execute("insert into t values (2, 'late')");
            writer.execute("vacuum");
            assertThat(rows(byId, 1)).containsExactly(List.of("old"));
            assertThat(rows(byId, 2)).isEmpty();
            reader.execute("commit");
            assertThat(rows(byId, 1)).containsExactly(List.of("new"));
            assertThat(rows(byId, 2)).containsExactly(List.of("late"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void alteredOrReplacedTable_isReadWithItsNewDefinition(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session(); Session ddl = db.session()) {
            s.execute("create table t (id int primary key, a text)");
            s.execute("insert into t values (1, 'one')");
            PreparedQuery all = s.prepare("select * from t where id = $1");
            assertThat(rows(all, 1)).containsExactly(List.of(1, "one"));
            ddl.execute("alter table t add column b int default 5");
            assertThat(rows(all, 1)).containsExactly(List.of(1, "one", 5));
            ddl.execute("alter table t drop column a");
            assertThat(rows(all, 1)).containsExactly(List.of(1, 5));
            // A new table of the same name (new id, other columns): never the old table's row.
            ddl.execute("drop table t");
            assertThatThrownBy(() -> all.execute(1).close()).isInstanceOf(HeliosException.class)
                    .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
            ddl.execute("create table t (id int primary key, z text, y text)");
            assertThat(rows(all, 1)).isEmpty();
            ddl.execute("insert into t values (1, 'zz', 'yy')");
            assertThat(rows(all, 1)).containsExactly(List.of(1, "zz", "yy"));
            // The session's own uncommitted DDL, then its rollback.
            s.execute("begin");
            s.execute("alter table t drop column z");
            assertThat(rows(all, 1)).containsExactly(List.of(1, "yy"));
            s.execute("rollback");
            assertThat(rows(all, 1)).containsExactly(List.of(1, "zz", "yy"));
        }
    }
}
