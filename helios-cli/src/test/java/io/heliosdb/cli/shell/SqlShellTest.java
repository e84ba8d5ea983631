package io.heliosdb.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.TransactionStatus;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlShellTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private SqlShell shell(ScriptedSession session, boolean stopOnError, boolean verbose) {
        return new SqlShell(session, new ResultPrinter(new PrintWriter(out), new PrintWriter(err), verbose),
                stopOnError);
    }

    private static ListQueryResult twoRows() {
        return new ListQueryResult(List.of(new Column("id", SqlType.INTEGER), new Column("name", SqlType.TEXT)),
                List.of(new Object[] {1, "a"}, new Object[] {2, null}), "SELECT 2");
    }

    @Test
    void script_queryAndCommands_printTablesAndTagsLikePsql() {
        ScriptedSession session = new ScriptedSession()
                .answer("create table t(id int primary key, name text)", () -> ListQueryResult.command("CREATE TABLE"))
                .answer("insert into t values (1,'a'),\n(2, null)", () -> ListQueryResult.command("INSERT 0 2"))
                .answer("select * from t", SqlShellTest::twoRows);
        int code = ScriptShell.run(shell(session, false, false), new BufferedReader(new StringReader(
                "create table t(id int primary key, name text); insert into t values (1,'a'),\n(2, null);\n"
                        + "select * from t;\n")));
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("""
                CREATE TABLE
                INSERT 0 2
                 id | name\s
                ----+------
                  1 | a
                  2 |\s
                (2 rows)

                """);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void script_returning_printsRowsThenTag() {
        ScriptedSession session = new ScriptedSession().answer("insert into t values (3) returning id",
                () -> new ListQueryResult(List.of(new Column("id", SqlType.INTEGER)), List.<Object[]>of(new Object[] {3}),
                        "INSERT 0 1"));
        ScriptShell.run(shell(session, false, false),
                new BufferedReader(new StringReader("insert into t values (3) returning id;")));
        assertThat(out.toString()).isEqualTo("""
                 id\s
                ----
                  3
                (1 row)

                INSERT 0 1
                """);
    }

    @Test
    void script_error_printsErrorWithCaret_andKeepsGoing() {
        ScriptedSession session = new ScriptedSession()
                .fail("select *\nfrom nope", new HeliosException(SqlState.UNDEFINED_TABLE,
                        "relation \"nope\" does not exist", null, null, 15, null))
                .answer("select 1", () -> new ListQueryResult(List.of(new Column("?column?", SqlType.INTEGER)),
                        List.<Object[]>of(new Object[] {1}), "SELECT 1"));
        SqlShell shell = shell(session, false, false);
        int code = ScriptShell.run(shell, new BufferedReader(new StringReader("select *\nfrom nope;\nselect 1;")));
        assertThat(code).isZero();
        assertThat(shell.failures()).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("""
                ERROR:  relation "nope" does not exist
                LINE 2: from nope
                             ^
                """);
        assertThat(session.executed).containsExactly("select *\nfrom nope", "select 1");
    }

    @Test
    void script_onErrorStop_stopsAtFirstFailureWithExitCode3() {
        ScriptedSession session = new ScriptedSession()
                .fail("bad", new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"bad\"", null,
                        "check the spelling", 1, null));
        int code = ScriptShell.run(shell(session, true, true),
                new BufferedReader(new StringReader("bad;\nselect 1;\n")));
        assertThat(code).isEqualTo(SqlShell.EXIT_ERROR_STOP);
        assertThat(session.executed).containsExactly("bad");
        assertThat(err.toString()).isEqualTo("""
                ERROR:  42601: syntax error at or near "bad"
                LINE 1: bad
                        ^
                HINT:  check the spelling
                """);
    }

    @Test
    void script_unterminatedLastStatement_runsAtEndOfInput() {
        ScriptedSession session = new ScriptedSession().answer("begin", () -> ListQueryResult.command("BEGIN"));
        ScriptShell.run(shell(session, false, false), new BufferedReader(new StringReader("begin")));
        assertThat(out.toString()).isEqualTo("BEGIN\n");
    }

    @Test
    void metaQuit_stopsReadingInput() {
        ScriptedSession session = new ScriptedSession();
        int code = ScriptShell.run(shell(session, false, false),
                new BufferedReader(new StringReader("\\q\nselect 1;\n")));
        assertThat(code).isZero();
        assertThat(session.executed).isEmpty();
    }

    @Test
    void metaUnknown_isAnErrorThatPointsAtHelp() {
        SqlShell shell = shell(new ScriptedSession(), false, false);
        ScriptShell.run(shell, new BufferedReader(new StringReader("\\frobnicate\n\\?\n")));
        assertThat(err.toString()).isEqualTo("invalid command \\frobnicate\nTry \\? for help.\n");
        assertThat(out.toString()).contains("\\dt").contains("\\q");
        assertThat(shell.failures()).isEqualTo(1);
    }

    @Test
    void metaListTables_catalogQueryFails_printsTheError() {
        ScriptedSession session = new ScriptedSession().fail(RelationList.sql("t", null),
                new HeliosException(SqlState.UNDEFINED_TABLE, "relation \"pg_catalog.pg_class\" does not exist"));
        SqlShell shell = shell(session, false, false);
        ScriptShell.run(shell, new BufferedReader(new StringReader("\\dt\n")));
        assertThat(err.toString()).isEqualTo("ERROR:  relation \"pg_catalog.pg_class\" does not exist\n");
        assertThat(shell.failures()).isEqualTo(1);
    }

    @Test
    void metaListTables_printsPsqlListing() {
        ScriptedSession session = new ScriptedSession().answer(RelationList.sql("t", null),
                () -> new ListQueryResult(List.of(new Column("nspname", SqlType.TEXT), new Column("relname", SqlType.TEXT),
                        new Column("relkind", SqlType.TEXT), new Column("owner", SqlType.TEXT)),
                        List.<Object[]>of(new Object[] {"public", "t", "table", "heliosdb"}), "SELECT 1"));
        ScriptShell.run(shell(session, false, false), new BufferedReader(new StringReader("\\dt\n")));
        assertThat(out.toString()).isEqualTo("""
                        List of relations
                 Schema | Name | Type  |  Owner  \s
                --------+------+-------+----------
                 public | t    | table | heliosdb
                (1 row)

                """);
    }

    @Test
    void prompt_followsStatementAndTransactionState() {
        ScriptedSession session = new ScriptedSession();
        SqlShell shell = shell(session, false, false);
        assertThat(shell.prompt("heliosdb")).isEqualTo("heliosdb=> ");
        shell.acceptLine("select 1,");
        assertThat(shell.prompt("heliosdb")).isEqualTo("heliosdb-> ");
        shell.discardPending();
        session.status = TransactionStatus.IN_TRANSACTION;
        assertThat(shell.prompt("heliosdb")).isEqualTo("heliosdb=*> ");
        session.status = TransactionStatus.FAILED;
        assertThat(shell.prompt("heliosdb")).isEqualTo("heliosdb=!> ");
    }
}
