package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transaction modes as settings and after a query, at every isolation level. Each expected transcript is what
 * PostgreSQL 15.18 answered to the same statements through psql (tags, SHOW values, SQLSTATE and message).
 */
class TransactionModeSettingsTest {
    private static final String BEFORE_QUERY = "ERROR 25001 SET TRANSACTION ISOLATION LEVEL must be called before any query";
    private static final String READ_WRITE_AFTER_QUERY = "ERROR 25001 transaction read-write mode must be set before any query";
    private static final String ABORTED = "ERROR 25P02 current transaction is aborted, commands ignored until end of"
            + " transaction block";
    private HeliosDB db;
    private Session s;

    @BeforeEach
    void open() {
        db = HeliosDB.open(HeliosConfig.memory());
        s = db.session();
        s.execute("create table t (k int)").close();
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    /** Each statement's tag, a SHOW's (or one-value SELECT's) value, or its error, as psql prints them. */
    private List<String> run(String... statements) {
        List<String> out = new ArrayList<>();
        for (String sql : statements) {
            try (QueryResult r = s.execute(sql)) {
                if (r.columns().size() == 1 && r.next()) {
                    out.add(String.valueOf(r.row().get(0)));
                } else {
                    out.add(r.commandTag());
                }
            } catch (HeliosException e) {
                out.add("ERROR " + e.sqlState().code() + " " + e.getMessage());
            }
        }
        return out;
    }

    @Test
    void isolationAfterAQuery_isRefusedUnderReadCommittedToo_unlessUnchanged() {
        assertThat(run("begin", "select 1", "set transaction isolation level repeatable read", "rollback"))
                .containsExactly("BEGIN", "1", BEFORE_QUERY, "ROLLBACK");
        assertThat(run("begin", "select 1", "set transaction isolation level read committed", "rollback"))
                .containsExactly("BEGIN", "1", "SET", "ROLLBACK");
        assertThat(run("begin", "insert into t values (1)", "set transaction_isolation = 'serializable'", "rollback"))
                .containsExactly("BEGIN", "INSERT 0 1", BEFORE_QUERY, "ROLLBACK");
        assertThat(run("begin", "create table u (k int)", "set transaction isolation level serializable", "rollback"))
                .containsExactly("BEGIN", "CREATE TABLE", BEFORE_QUERY, "ROLLBACK");
        assertThat(run("begin", "declare c cursor for select 1", "set transaction isolation level serializable",
                "rollback")).containsExactly("BEGIN", "DECLARE CURSOR", BEFORE_QUERY, "ROLLBACK");
        assertThat(run("begin", "select set_config('transaction_isolation', 'serializable', false)", "rollback"))
                .containsExactly("BEGIN", BEFORE_QUERY, "ROLLBACK");
    }

    @Test
    void setAndShow_takeNoSnapshot_soTheModesMayStillChange() {
        assertThat(run("begin", "show transaction_isolation", "set lock_timeout = 10",
                "set transaction isolation level serializable", "show transaction_isolation", "rollback"))
                .containsExactly("BEGIN", "read committed", "SET", "SET", "serializable", "ROLLBACK");
        assertThat(run("begin", "savepoint a", "release a", "set transaction isolation level serializable",
                "show transaction_isolation", "rollback"))
                .containsExactly("BEGIN", "SAVEPOINT", "RELEASE", "SET", "serializable", "ROLLBACK");
    }

    @Test
    void readWriteAfterAQuery_ofAReadCommittedReadOnlyTransaction_isRefused() {
        assertThat(run("begin read only", "select 1", "set transaction read write", "rollback"))
                .containsExactly("BEGIN", "1", READ_WRITE_AFTER_QUERY, "ROLLBACK");
        assertThat(run("begin read only", "select 1", "set transaction_read_only = off", "rollback"))
                .containsExactly("BEGIN", "1", READ_WRITE_AFTER_QUERY, "ROLLBACK");
        assertThat(run("begin read only", "set transaction read write", "insert into t values (1)",
                "show transaction_read_only", "rollback"))
                .containsExactly("BEGIN", "SET", "INSERT 0 1", "off", "ROLLBACK");
        assertThat(run("begin", "select 1", "set transaction read only", "show transaction_read_only",
                "set transaction read write", "rollback"))
                .containsExactly("BEGIN", "1", "SET", "on", READ_WRITE_AFTER_QUERY, "ROLLBACK");
    }

    @Test
    void transactionReadOnlySetting_makesTheBlockReadOnly() {
        assertThat(run("begin", "set transaction_read_only = on", "show transaction_read_only",
                "create table x (a int)", "rollback"))
                .containsExactly("BEGIN", "SET", "on",
                        "ERROR 25006 cannot execute CREATE TABLE in a read-only transaction", "ROLLBACK");
        assertThat(run("begin", "select 1", "set local transaction_read_only = on", "show transaction_read_only",
                "rollback", "show transaction_read_only"))
                .containsExactly("BEGIN", "1", "SET", "on", "ROLLBACK", "off");
    }

    @Test
    void insideASavepoint_theModesAreFixed() {
        assertThat(run("begin", "savepoint a", "set transaction isolation level serializable", "rollback"))
                .containsExactly("BEGIN", "SAVEPOINT",
                        "ERROR 25001 SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction", "ROLLBACK");
        assertThat(run("begin isolation level serializable", "savepoint a",
                "set transaction isolation level serializable", "rollback"))
                .containsExactly("BEGIN", "SAVEPOINT", "SET", "ROLLBACK");
        assertThat(run("begin read only", "savepoint a", "set transaction_read_only = off", "rollback"))
                .containsExactly("BEGIN", "SAVEPOINT",
                        "ERROR 25001 cannot set transaction read-write mode inside a read-only transaction", "ROLLBACK");
        assertThat(run("begin", "savepoint a", "set transaction deferrable", "rollback"))
                .containsExactly("BEGIN", "SAVEPOINT",
                        "ERROR 25001 SET TRANSACTION [NOT] DEFERRABLE cannot be called within a subtransaction",
                        "ROLLBACK");
        assertThat(run("begin", "savepoint a", "set transaction read only", "show transaction_read_only",
                "rollback to a", "show transaction_read_only", "insert into t values (1)", "commit"))
                .containsExactly("BEGIN", "SAVEPOINT", "SET", "on", "ROLLBACK", "off", "INSERT 0 1", "COMMIT");
    }

    @Test
    void deferrableAfterAQuery_isRefusedEvenUnchanged() {
        assertThat(run("begin", "select 1", "set transaction not deferrable", "rollback"))
                .containsExactly("BEGIN", "1",
                        "ERROR 25001 SET TRANSACTION [NOT] DEFERRABLE must be called before any query", "ROLLBACK");
        assertThat(run("begin", "set transaction_deferrable = on", "show transaction_deferrable", "rollback",
                "show transaction_deferrable")).containsExactly("BEGIN", "SET", "on", "ROLLBACK", "off");
    }

    @Test
    void outsideABlock_aModeSettingLastsOnlyItsOwnStatement() {
        assertThat(run("set transaction_isolation = 'serializable'", "show transaction_isolation",
                "set transaction_read_only = on", "show transaction_read_only", "insert into t values (1)",
                "set transaction_deferrable = on", "show transaction_deferrable"))
                .containsExactly("SET", "read committed", "SET", "off", "INSERT 0 1", "SET", "off");
    }

    @Test
    void defaultReadOnly_showsInTransactionReadOnly_andRefusesWritesUntilReadWrite() {
        assertThat(run("set default_transaction_read_only = on", "show transaction_read_only",
                "create table y (a int)", "begin", "show transaction_read_only", "set transaction read write",
                "create table y (a int)", "rollback", "set default_transaction_read_only = off",
                "show transaction_read_only"))
                .containsExactly("SET", "on", "ERROR 25006 cannot execute CREATE TABLE in a read-only transaction",
                        "BEGIN", "on", "SET", "CREATE TABLE", "ROLLBACK", "SET", "off");
        assertThat(run("set default_transaction_read_only = on", "begin", "select 1",
                "set transaction_read_only = off", "rollback"))
                .containsExactly("SET", "BEGIN", "1", READ_WRITE_AFTER_QUERY, "ROLLBACK");
        assertThat(run("set default_transaction_isolation = 'repeatable read'", "show transaction_isolation"))
                .containsExactly("SET", "repeatable read");
    }

    @Test
    void badValues_are22023() {
        assertThat(run("set transaction_read_only = 'maybe'", "set transaction_read_only = 'o'",
                "set default_transaction_read_only = 'x'"))
                .containsExactly("ERROR 22023 parameter \"transaction_read_only\" requires a Boolean value",
                        "ERROR 22023 parameter \"transaction_read_only\" requires a Boolean value",
                        "ERROR 22023 parameter \"default_transaction_read_only\" requires a Boolean value");
        assertThat(run("set transaction_isolation = 'bogus'"))
                .containsExactly("ERROR 22023 invalid value for parameter \"transaction_isolation\": \"bogus\"");
        assertThat(run("begin", "set transaction_read_only = 'yes'", "show transaction_read_only",
                "set transaction_read_only = 'of'", "show transaction_read_only", "rollback"))
                .containsExactly("BEGIN", "SET", "on", "SET", "off", "ROLLBACK");
    }

    @Test
    void aFailedBlock_stillRefusesEverythingButItsEnd() {
        assertThat(run("begin read only", "select 1", "set transaction read write", "set transaction read only",
                "rollback"))
                .containsExactly("BEGIN", "1", READ_WRITE_AFTER_QUERY, ABORTED, "ROLLBACK");
    }
}
