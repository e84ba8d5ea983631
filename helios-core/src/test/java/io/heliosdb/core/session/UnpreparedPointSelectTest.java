package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A point SELECT run unprepared (its key a literal, as the simple query protocol sends it) takes the
 * point read as a prepared one does. Each test checks that it did (the result is a {@link PointResult})
 * and that it saw exactly what the transaction rules let it see.
 */
class UnpreparedPointSelectTest {
    @TempDir
    Path dir;

    private HeliosConfig config(String engine) {
        return engine.equals("memory") ? HeliosConfig.memory() : HeliosConfig.persistent(dir.resolve("db"));
    }

    /** The rows of {@code sql}, asserting it was answered by the point read. */
    private static List<List<Object>> point(Session s, String sql) {
        QueryResult result = s.execute(sql);
        assertThat(result).as(sql).isInstanceOf(PointResult.class);
        List<List<Object>> out = new ArrayList<>();
        for (Row row : result.toList()) {
            out.add(Arrays.asList(row.values()));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void literalKeys_readTheRowAskedFor(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute("create table t (id int primary key, a text, b bigint)");
            s.execute("insert into t values (1, 'one', 10), (2, 'two', 20)");
            assertThat(point(s, "select b, a from t where id = 2")).containsExactly(List.of(20L, "two"));
            assertThat(point(s, "select * from t where id = 1")).containsExactly(List.of(1, "one", 10L));
            assertThat(point(s, "select a from t where id = 3")).isEmpty();
            assertThat(point(s, "select a from t where id = 1 and b = 20")).isEmpty();
            assertThat(point(s, "select a from t where id = 1 and b = 10")).containsExactly(List.of("one"));
            // A key no INTEGER can equal finds nothing (and fails nothing), as the executor's lookup.
            assertThat(point(s, "select a from t where id = 10000000000")).isEmpty();
            s.execute("create table m (x smallint, y text, v int, primary key (x, y))");
            s.execute("insert into m values (1, 'p', 100), (1, 'q', 200)");
            assertThat(point(s, "select v from m where y = 'q' and x = 1")).containsExactly(List.of(200));
            QueryResult tagged = s.execute("select v from m where x = 1 and y = 'p'");
            assertThat(tagged.next()).isTrue();
            assertThat(tagged.next()).isFalse();
            assertThat(tagged.commandTag()).isEqualTo("SELECT 1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void ownWritesShowInsideABlock_andOthersSeeOnlyCommits_andRollbackUndoes(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session(); Session other = db.session()) {
            s.execute("create table t (id int primary key, a text)");
            s.execute("insert into t values (1, 'one')");
            s.execute("begin");
            s.execute("update t set a = 'uno' where id = 1");
            s.execute("insert into t values (2, 'two')");
            assertThat(point(s, "select a from t where id = 1")).containsExactly(List.of("uno"));
            assertThat(point(s, "select a from t where id = 2")).containsExactly(List.of("two"));
            assertThat(point(other, "select a from t where id = 1")).containsExactly(List.of("one"));
            assertThat(point(other, "select a from t where id = 2")).isEmpty();
            s.execute("rollback");
            assertThat(point(s, "select a from t where id = 1")).containsExactly(List.of("one"));
            assertThat(point(s, "select a from t where id = 2")).isEmpty();
            other.execute("update t set a = 'eins' where id = 1");
            assertThat(point(s, "select a from t where id = 1")).containsExactly(List.of("eins"));
            other.execute("delete from t where id = 1");
            assertThat(point(s, "select a from t where id = 1")).isEmpty();
            other.execute("insert into t values (1, 'again')");
            assertThat(point(s, "select a from t where id = 1")).containsExactly(List.of("again"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void repeatableReadBlock_keepsItsSnapshotThroughUpdatesDeletesAndVacuum(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session reader = db.session(); Session writer = db.session()) {
            writer.execute("create table t (id int primary key, a text)");
            writer.execute("insert into t values (1, 'old'), (3, 'doomed')");
            reader.execute("begin isolation level repeatable read");
            assertThat(point(reader, "select a from t where id = 1")).containsExactly(List.of("old"));
            writer.execute("update t set a = 'new' where id = 1");
            writer.execute("delete from t where id = 3");
            writer.execute("insert into t values (2, 'late')");
            writer.execute("vacuum");
            assertThat(point(reader, "select a from t where id = 1")).containsExactly(List.of("old"));
            assertThat(point(reader, "select a from t where id = 3")).containsExactly(List.of("doomed"));
            assertThat(point(reader, "select a from t where id = 2")).isEmpty();
            reader.execute("commit");
            assertThat(point(reader, "select a from t where id = 1")).containsExactly(List.of("new"));
            assertThat(point(reader, "select a from t where id = 3")).isEmpty();
            assertThat(point(reader, "select a from t where id = 2")).containsExactly(List.of("late"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void queriesThatNeedTheSession_keepTheExecutor(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute("create table t (id int primary key, a text)");
            s.execute("insert into t values (1, 'one')");
            QueryResult withClock = s.execute("select a, now() is not null from t where id = 1");
            assertThat(withClock).isNotInstanceOf(PointResult.class);
            assertThat(withClock.toList()).hasSize(1);
            QueryResult range = s.execute("select a from t where id >= 1");
            assertThat(range).isNotInstanceOf(PointResult.class);
            assertThat(range.toList()).hasSize(1);
        }
    }
}
