package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction's modes are fixed once it took its snapshot, as in PostgreSQL 15 (the messages are its own): READ
 * WRITE after a query or inside a savepoint of a READ ONLY transaction is refused with 25001. READ ONLY may still
 * be set. READ COMMITTED and the settings forms: {@link TransactionModeSettingsTest}.
 */
class TransactionModeAfterQueryTest {
    private HeliosDB db;
    private Session s;

    @BeforeEach
    void open() {
        db = HeliosDB.open(HeliosConfig.memory());
        s = db.session();
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    private HeliosException refused(String sql) {
        HeliosException e = catchThrowableOfType(() -> s.execute(sql).close(), HeliosException.class);
        assertThat(e).as(sql).isNotNull();
        assertThat(e.sqlState()).isEqualTo(SqlState.ACTIVE_SQL_TRANSACTION);
        return e;
    }

    @Test
    void readWriteAfterAQuery_ofAReadOnlyTransaction_isRefused() {
        s.execute("begin isolation level repeatable read read only").close();
        s.execute("select 1").close();
        assertThat(refused("set transaction read write").getMessage())
                .isEqualTo("transaction read-write mode must be set before any query");
        s.execute("rollback").close();
    }

    @Test
    void readWriteInsideASavepoint_ofAReadOnlyTransaction_isRefused() {
        s.execute("begin read only").close();
        s.execute("savepoint a").close();
        assertThat(refused("set transaction read write").getMessage())
                .isEqualTo("cannot set transaction read-write mode inside a read-only transaction");
        s.execute("rollback").close();
    }

    @Test
    void readOnlyAfterAQuery_isAllowed_butNotBackToReadWrite() {
        s.execute("begin isolation level serializable").close();
        s.execute("select 1").close();
        s.execute("set transaction read only").close();
        assertThat(refused("set transaction read write").getMessage())
                .isEqualTo("transaction read-write mode must be set before any query");
        s.execute("rollback").close();
        s.execute("begin read only").close();
        s.execute("set transaction read write").close();   // before any query: allowed
        s.execute("create table t (k int)").close();
        s.execute("commit").close();
    }
}
