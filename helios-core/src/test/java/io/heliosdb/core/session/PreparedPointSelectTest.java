package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.core.KernelDatabase;
import io.heliosdb.spi.StorageEngineProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A prepared point SELECT by primary key keeps its plan between executions: it must still answer
 * right after DDL changed (or replaced) its table, and its storage reads without a read view must
 * still follow the snapshot rules.
 */
class PreparedPointSelectTest {
    @TempDir
    Path dir;

    private HeliosConfig config(String engine) {
        return engine.equals("memory") ? HeliosConfig.memory() : HeliosConfig.persistent(dir.resolve("db"));
    }

    private static List<Object> first(QueryResult result) {
        return result.toList().stream().map(r -> r.get(0)).toList();
    }

    private static SqlState stateOf(Runnable action) {
        try {
            action.run();
            return null;
        } catch (HeliosException e) {
            return e.sqlState();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void execute_afterDdl_isPlannedAgain(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session(); Session ddl = db.session()) {
            s.execute("create table k (id int primary key, v text)");
            s.execute("insert into k values (1, 'one'), (2, 'two')");
            PreparedQuery byId = s.prepare("select v from k where id = $1");
            assertThat(first(byId.execute(2))).containsExactly("two");

            ddl.execute("create index k_v on k (v)");
            assertThat(first(byId.execute(2))).containsExactly("two");

            ddl.execute("alter table k drop column v");
            assertThat(stateOf(() -> byId.execute(2).close())).isEqualTo(SqlState.UNDEFINED_COLUMN);

            ddl.execute("alter table k add column v text");
            assertThat(first(byId.execute(2))).containsExactly((Object) null);

            // A new table of the same name has a new id: the old plan must not read the old table's rows.
            ddl.execute("drop table k");
            assertThat(stateOf(() -> byId.execute(2).close())).isEqualTo(SqlState.UNDEFINED_TABLE);
            ddl.execute("create table k (id bigint primary key, v text)");
            assertThat(first(byId.execute(2))).isEmpty();
            ddl.execute("insert into k values (2, 'new two')");
            assertThat(first(byId.execute(2))).containsExactly("new two");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void execute_afterOwnUncommittedDdl_seesItUntilRollback(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute("create table k (id int primary key, v text, w text)");
            s.execute("insert into k values (1, 'one', 'uno')");
            PreparedQuery byId = s.prepare("select w from k where id = $1");
            assertThat(first(byId.execute(1))).containsExactly("uno");
            s.execute("begin");
            s.execute("alter table k rename column w to x");
            s.execute("alter table k rename column v to w");
            assertThat(first(byId.execute(1))).containsExactly("one");
            s.execute("rollback");
            assertThat(first(byId.execute(1))).containsExactly("uno");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void repeatableRead_keepsItsSnapshot_acrossCommitsAndVacuum(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session reader = db.session();
             Session writer = db.session()) {
            writer.execute("create table k (id int primary key, v text)");
            writer.execute("insert into k values (1, 'old'), (2, 'kept')");
            PreparedQuery byId = reader.prepare("select v from k where id = $1");
            reader.execute("begin isolation level repeatable read");
            assertThat(first(byId.execute(1))).containsExactly("old");

            writer.execute("update k set v = 'new' where id = 1");
            writer.execute("delete from k where id = 2");
            writer.execute("insert into k values (3, 'late')");
            writer.execute("vacuum");

            assertThat(first(byId.execute(1))).containsExactly("old");
            assertThat(first(byId.execute(2))).containsExactly("kept");
            assertThat(first(byId.execute(3))).isEmpty();
            reader.execute("commit");

            // READ COMMITTED (a new snapshot per statement) sees the newest committed versions.
            assertThat(first(byId.execute(1))).containsExactly("new");
            assertThat(first(byId.execute(2))).isEmpty();
            assertThat(first(byId.execute(3))).containsExactly("late");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void readCommitted_seesItsOwnUncommittedWrites(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session(); Session other = db.session()) {
            s.execute("create table k (id int primary key, v text)");
            s.execute("insert into k values (1, 'one')");
            PreparedQuery byId = s.prepare("select v from k where id = $1");
            PreparedQuery otherById = other.prepare("select v from k where id = $1");
            s.execute("begin");
            s.execute("update k set v = 'mine' where id = 1");
            s.execute("insert into k values (2, 'two')");
            assertThat(first(byId.execute(1))).containsExactly("mine");
            assertThat(first(byId.execute(2))).containsExactly("two");
            assertThat(first(otherById.execute(1))).containsExactly("one");
            assertThat(first(otherById.execute(2))).isEmpty();
            s.execute("delete from k where id = 1");
            assertThat(first(byId.execute(1))).isEmpty();
            s.execute("rollback");
            assertThat(first(byId.execute(1))).containsExactly("one");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void pointLookup_takesNoReadView(String engine) {
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(engine)).findFirst().orElseThrow();
        HeliosConfig config = config(engine);
        CountingStorageEngine counting = new CountingStorageEngine(provider.open(config.storage()));
        try (HeliosDB db = new KernelDatabase(config, DeploymentMode.EMBEDDED, counting, null);
             Session s = db.session()) {
            s.execute("create table k (id int primary key, v text)");
            s.execute("insert into k values (1, 'one'), (2, 'two')");
            PreparedQuery byId = s.prepare("select v from k where id = $1");
            assertThat(first(byId.execute(1))).containsExactly("one");
            counting.resetCounts();
            assertThat(first(byId.execute(2))).containsExactly("two");
            assertThat(first(byId.execute(3))).isEmpty();
            assertThat(counting.gets.get()).isEqualTo(2);
            assertThat(counting.viewsTaken.get()).isZero();
            assertThat(counting.viewsOpen.get()).isZero();
            // A scan still reads through a view.
            assertThat(first(s.execute("select count(*) from k"))).containsExactly(2L);
            assertThat(counting.viewsTaken.get()).isEqualTo(1);
            assertThat(counting.viewsOpen.get()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void closedSession_refusesThePreparedStatement(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine))) {
            Session s = db.session();
            s.execute("create table k (id int primary key, v text)");
            PreparedQuery byId = s.prepare("select v from k where id = $1");
            s.close();
            assertThatThrownBy(() -> byId.execute(1)).isInstanceOf(HeliosException.class);
        }
    }
}
