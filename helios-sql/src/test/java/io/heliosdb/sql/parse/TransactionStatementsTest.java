package io.heliosdb.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.sql.TransactionControl;
import io.heliosdb.sql.ast.SetVariable;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.ast.TransactionStatement;
import io.heliosdb.sql.ast.Select;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionStatementsTest {

    private static Statement one(String sql) {
        List<io.heliosdb.sql.ParsedStatement> parsed = SqlParser.parseScript(sql);
        assertThat(parsed).hasSize(1);
        return (Statement) parsed.get(0).ast();
    }

    private static TransactionControl control(String sql) {
        return ((TransactionStatement) one(sql)).control();
    }

    @Test
    void savepointCommands_carryTheirName() {
        assertThat(control("savepoint a1")).isEqualTo(new TransactionControl(TransactionCommand.SAVEPOINT, "a1", null, null));
        assertThat(control("ROLLBACK TO SAVEPOINT \"Mixed\"").name()).isEqualTo("Mixed");
        assertThat(control("rollback work to b")).isEqualTo(
                new TransactionControl(TransactionCommand.ROLLBACK_TO_SAVEPOINT, "b", null, null));
        assertThat(control("release savepoint c").command()).isEqualTo(TransactionCommand.RELEASE_SAVEPOINT);
        assertThat(control("release C").name()).isEqualTo("c");
        assertThat(control("rollback").command()).isEqualTo(TransactionCommand.ROLLBACK);
    }

    @Test
    void transactionModes_lastOneWins_andDeferrableIsKept() {
        assertThat(control("begin isolation level repeatable read read only")).isEqualTo(
                new TransactionControl(TransactionCommand.BEGIN, null, "repeatable read", true));
        assertThat(control("start transaction read write, isolation level serializable, not deferrable")).isEqualTo(
                new TransactionControl(TransactionCommand.BEGIN, null, "serializable", false, false));
        assertThat(control("begin isolation level serializable read only deferrable")).isEqualTo(
                new TransactionControl(TransactionCommand.BEGIN, null, "serializable", true, true));
        assertThat(control("set transaction deferrable, not deferrable").deferrable()).isFalse();
        assertThat(control("begin transaction isolation level read uncommitted").isolation())
                .isEqualTo("read uncommitted");
        assertThat(control("set transaction isolation level read committed")).isEqualTo(
                new TransactionControl(TransactionCommand.SET_TRANSACTION, null, "read committed", null));
        assertThat(control("set session characteristics as transaction read only").command())
                .isEqualTo(TransactionCommand.SET_SESSION_CHARACTERISTICS);
        assertThat(control("begin")).isEqualTo(TransactionControl.of(TransactionCommand.BEGIN));
    }

    @Test
    void vacuumAndAnalyze_nameTheirTable() {
        assertThat(control("vacuum")).isEqualTo(TransactionControl.of(TransactionCommand.VACUUM));
        assertThat(control("vacuum full verbose analyze public.t").name()).isEqualTo("t");
        assertThat(control("vacuum (verbose, analyze) t").name()).isEqualTo("t");
        assertThat(control("analyze").command()).isEqualTo(TransactionCommand.ANALYZE);
        assertThat(control("analyze verbose t").name()).isEqualTo("t");
    }

    @Test
    void setLocal_isMarked() {
        assertThat(one("set local lock_timeout = '1s'")).isEqualTo(new SetVariable("lock_timeout", "1s", true));
        assertThat(one("set lock_timeout = '1s'")).isEqualTo(new SetVariable("lock_timeout", "1s", false));
    }

    @Test
    void newKeywords_remainUsableAsNames() {
        assertThat(one("select level, read, write, savepoint, isolation, vacuum, verbose from release"))
                .isInstanceOf(Select.class);
    }
}
