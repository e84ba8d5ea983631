package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.TransactionStatus;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.txn.TransactionalStore;
import io.heliosdb.spi.StorageEngineProvider;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KernelSessionTest {
    private CountingStorageEngine engine;
    private TransactionalStore store;
    private FakeFrontEnd frontEnd;
    private KernelSession session;

    @BeforeEach
    void open() {
        StorageEngineProvider memory = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("memory")).findFirst().orElseThrow();
        engine = new CountingStorageEngine(memory.open(StorageConfig.defaults().withMemoryOnly()));
        store = new TransactionalStore(engine, true);
        frontEnd = new FakeFrontEnd();
        session = newSession();
    }

    private KernelSession newSession() {
        return new KernelSession(store, frontEnd, "postgres", 0, () -> { });
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    private static List<Object> ids(QueryResult result) {
        return result.toList().stream().map(r -> r.get(0)).toList();
    }

    @Test
    void execute_autocommitInsert_isVisibleToOtherSessions() {
        session.execute("create t");
        assertThat(session.execute("insert t 1 a").commandTag()).isEqualTo("INSERT 0 1");
        try (KernelSession other = newSession()) {
            List<Row> rows = other.execute("select t").toList();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get(1)).isEqualTo("a");
        }
        assertThat(engine.syncWrites.get()).isEqualTo(2);
    }

    @Test
    void rollback_dropsWritesOfTheTransaction() {
        session.execute("create t");
        session.execute("begin");
        session.execute("insert t 1 a");
        assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.IN_TRANSACTION);
        assertThat(ids(session.execute("select t"))).containsExactly(1);
        try (KernelSession other = newSession()) {
            assertThat(ids(other.execute("select t"))).isEmpty();
        }
        assertThat(session.execute("rollback").commandTag()).isEqualTo("ROLLBACK");
        assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
        assertThat(ids(session.execute("select t"))).isEmpty();
    }

    @Test
    void commit_writesTheTransactionAsOneBatch() {
        session.execute("create t");
        engine.resetCounts();
        session.execute("begin");
        session.execute("insert t 1 a");
        session.execute("insert t 2 b");
        session.execute("delete t 1");
        assertThat(engine.writes.get()).isZero();
        assertThat(session.execute("commit").commandTag()).isEqualTo("COMMIT");
        assertThat(engine.writes.get()).isEqualTo(1);
        assertThat(ids(session.execute("select t"))).containsExactly(2);
    }

    @Test
    void errorInTransaction_failsTheBlockUntilItEnds() {
        session.execute("create t");
        session.execute("begin");
        session.execute("insert t 1 a");
        assertThatThrownBy(() -> session.execute("fail")).isInstanceOf(HeliosException.class)
                .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.DIVISION_BY_ZERO);
        assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.FAILED);
        assertThatThrownBy(() -> session.execute("select t")).isInstanceOf(HeliosException.class)
                .hasMessage("current transaction is aborted, commands ignored until end of transaction block")
                .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.IN_FAILED_SQL_TRANSACTION);
        assertThatThrownBy(() -> session.execute("select missing"))
                .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.IN_FAILED_SQL_TRANSACTION);
        assertThat(session.execute("commit").commandTag()).isEqualTo("ROLLBACK");
        assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
        assertThat(ids(session.execute("select t"))).isEmpty();
    }

    @Test
    void errorInAutocommit_leavesSessionIdleAndWritesNothing() {
        session.execute("create t");
        session.execute("insert t 1 a");
        assertThatThrownBy(() -> session.execute("insert t 1 b"))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
                    assertThat(e.getMessage()).isEqualTo("duplicate key value violates unique constraint \"t_pkey\"");
                    assertThat(e.detail()).isEqualTo("Key (id)=(1) already exists.");
                });
        assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
        assertThat(session.execute("select t").toList()).extracting(r -> r.get(1)).containsExactly("a");
    }

    @Test
    void beginInsideTransaction_andCommitOutside_areNotErrors() {
        session.execute("begin");
        assertThat(session.execute("begin").commandTag()).isEqualTo("BEGIN");
        assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.IN_TRANSACTION);
        session.execute("commit");
        assertThat(session.execute("commit").commandTag()).isEqualTo("COMMIT");
        assertThat(session.execute("rollback").commandTag()).isEqualTo("ROLLBACK");
        assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
    }

    @Test
    void rolledBackCreateTable_disappears() {
        session.execute("begin");
        session.execute("create t");
        session.execute("insert t 1 a");
        assertThat(ids(session.execute("select t"))).containsExactly(1);
        session.execute("rollback");
        assertThatThrownBy(() -> session.execute("select t"))
                .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
        assertThat(store.catalog().snapshot().tables()).isEmpty();
    }

    @Test
    void createTable_twice_isDuplicateTable() {
        session.execute("create t");
        assertThatThrownBy(() -> session.execute("create t"))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.DUPLICATE_TABLE);
                    assertThat(e.getMessage()).isEqualTo("relation \"t\" already exists");
                });
    }

    @Test
    void preparedQuery_isPlannedOnceAndAgainAfterCatalogChange() {
        session.execute("create t");
        session.execute("insert t 1 a");
        PreparedQuery select = session.prepare("select t");
        PreparedQuery insert = session.prepare("insert t $1 $2");
        assertThat(insert.parameterTypes()).containsExactly(SqlType.INTEGER, SqlType.TEXT);
        assertThat(select.columns()).extracting(c -> c.name()).containsExactly("id", "v");
        int plansBefore = frontEnd.plans.get();
        insert.execute(2, "b");
        assertThat(ids(select.execute())).containsExactly(1, 2);
        assertThat(frontEnd.plans.get()).isEqualTo(plansBefore);

        session.execute("drop t");
        session.execute("create t");
        insert.execute(7, "x");
        assertThat(ids(select.execute())).containsExactly(7);
    }

    @Test
    void preparedQuery_onDroppedTable_failsWithUndefinedTable() {
        session.execute("create t");
        PreparedQuery select = session.prepare("select t");
        session.execute("drop t");
        assertThatThrownBy(select::execute)
                .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
    }

    @Test
    void executeScript_parsesEverythingBeforeRunningAnything() {
        session.execute("create t");
        assertThatThrownBy(() -> session.executeScript("insert t 1 a; bogus"))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
                    assertThat(e.position()).isEqualTo(15);
                });
        assertThat(ids(session.execute("select t"))).isEmpty();
    }

    @Test
    void executeScript_runsLazilyAndStopsAtTheFirstError() {
        session.execute("create t");
        Iterator<QueryResult> results = session.executeScript("insert t 1 a; insert t 2 b; fail; insert t 3 c");
        assertThat(results.next().commandTag()).isEqualTo("INSERT 0 1");
        assertThat(ids(session.execute("select t"))).containsExactly(1);
        results.next().close();
        assertThatThrownBy(results::next).isInstanceOf(HeliosException.class);
        assertThat(results.hasNext()).isFalse();
        assertThat(ids(session.execute("select t"))).containsExactly(1, 2);
    }

    @Test
    void errorPosition_countsFromTheStartOfTheWholeText() {
        assertThatThrownBy(() -> session.execute("begin; select nosuch"))
                .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.position()).isEqualTo(15));
    }

    @Test
    void closingAResult_releasesItsReadView() {
        session.execute("create t");
        session.execute("insert t 1 a");
        session.execute("insert t 2 b");
        QueryResult result = session.execute("select t");
        assertThat(result.next()).isTrue();
        assertThat(engine.viewsOpen.get()).isEqualTo(1);
        result.close();
        assertThat(engine.viewsOpen.get()).isZero();

        session.execute("select t");
        session.execute("select t");
        assertThat(engine.viewsOpen.get()).as("the previous result is closed by the next statement").isEqualTo(1);
        session.execute("select t").toList();
        assertThat(engine.viewsOpen.get()).isZero();
    }

    @Test
    void lookup_readsOneKey() {
        session.execute("create t");
        for (int i = 0; i < 20; i++) {
            session.execute("insert t " + i + " v" + i);
        }
        engine.resetCounts();
        List<Row> rows = session.execute("get t 7").toList();
        assertThat(rows).extracting(r -> r.get(1)).containsExactly("v7");
        assertThat(engine.gets.get()).isEqualTo(1);
        assertThat(engine.scans.get()).isZero();
    }

    @Test
    void writerOfTheSameRow_waitsForTheLockAndTimesOut_whileOtherRowsProceed() {
        session.execute("create t");
        session.execute("begin");
        session.execute("insert t 1 a");
        try (KernelSession other = newSession()) {
            other.execute("set lock_timeout 50ms");
            assertThat(ids(other.execute("select t"))).as("readers do not wait").isEmpty();
            other.execute("insert t 2 b");
            assertThatThrownBy(() -> other.execute("insert t 1 b"))
                    .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
            session.execute("commit");
            assertThatThrownBy(() -> other.execute("insert t 1 b"))
                    .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
        }
        assertThat(ids(session.execute("select t"))).containsExactly(1, 2);
    }

    @Test
    void close_rollsBackAndReleasesTheWriteLock() {
        session.execute("create t");
        KernelSession writer = newSession();
        writer.execute("begin");
        writer.execute("insert t 1 a");
        writer.close();
        assertThat(store.locks().lockedKeys()).isZero();
        session.execute("insert t 2 b");
        assertThat(ids(session.execute("select t"))).containsExactly(2);
        assertThatThrownBy(() -> writer.execute("select t")).isInstanceOf(HeliosException.class);
    }

    @Test
    void settings_setAndShow() {
        assertThat(session.execute("show server_version").toList().get(0).get(0)).isEqualTo("16.0");
        session.execute("set application_name psql");
        assertThat(session.execute("show APPLICATION_NAME").toList().get(0).get(0)).isEqualTo("psql");
        assertThat(session.reportedSettings()).containsEntry("DateStyle", "ISO, MDY")
                .containsEntry("application_name", "psql");
        assertThatThrownBy(() -> session.execute("set nonsense 1"))
                .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.UNDEFINED_OBJECT);
    }

    @Test
    void prepareInFailedTransaction_isRefusedExceptToEndIt() {
        session.execute("begin");
        assertThatThrownBy(() -> session.execute("fail")).isInstanceOf(HeliosException.class);
        assertThatThrownBy(() -> session.prepare("select nosuch"))
                .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.IN_FAILED_SQL_TRANSACTION);
        PreparedQuery rollback = session.prepare("rollback");
        assertThat(rollback.execute().commandTag()).isEqualTo("ROLLBACK");
        assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
    }

    @Test
    void emptyStatement_hasEmptyTag() {
        QueryResult r = session.execute("  ;  ");
        assertThat(r.commandTag()).isEmpty();
        assertThat(r.returnsRows()).isFalse();
    }
}
