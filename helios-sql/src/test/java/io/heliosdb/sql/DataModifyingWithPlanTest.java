package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ast.DataModifyingWith;
import io.heliosdb.sql.ast.Delete;
import io.heliosdb.sql.ast.Insert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Data-modifying WITH queries from parse to execution, on the kernel stand-in. */
class DataModifyingWithPlanTest {
    private InMemoryContext context;

    @BeforeEach
    void createTables() {
        context = new InMemoryContext();
        run("create table a (id int primary key, v text)");
        run("create table b (id int primary key, v text)");
        run("insert into a values (1, 'x'), (2, 'y'), (3, 'z')");
    }

    private List<String> run(String sql, Object... params) {
        List<String> rows = new ArrayList<>();
        try (StatementResult result = plan(sql).execute(context, params)) {
            while (result.next()) {
                rows.add(Arrays.toString(result.row()));
            }
        }
        return rows;
    }

    private StatementPlan plan(String sql, SqlType... declared) {
        List<ParsedStatement> parsed = SqlEngine.parse(sql);
        assertThat(parsed).hasSize(1);
        return SqlEngine.plan(parsed.get(0), context, Arrays.asList(declared));
    }

    private static HeliosException error(Runnable action) {
        try {
            action.run();
        } catch (HeliosException e) {
            return e;
        }
        throw new AssertionError("no error");
    }

    @Test
    void parse_wrapsTheStatementWithItsStepsInOrder() {
        Object ast = SqlEngine.parse("with d as (delete from a returning *), i as (insert into b select * from d"
                + " returning id) select * from i").get(0).ast();
        assertThat(ast).isInstanceOf(DataModifyingWith.class);
        DataModifyingWith w = (DataModifyingWith) ast;
        assertThat(w.steps()).extracting(DataModifyingWith.Step::name).containsExactly("d", "i");
        assertThat(w.steps().get(0).statement()).isInstanceOf(Delete.class);
        assertThat(w.steps().get(1).statement()).isInstanceOf(Insert.class);
        assertThat(SqlEngine.parse("with x as (select 1) select * from x").get(0).ast())
                .isNotInstanceOf(DataModifyingWith.class);
    }

    @Test
    void execute_runsEachStepOnce_andTheBodyReadsItsReturningRows() {
        StatementPlan plan = plan("with d as (delete from a where id >= $1 returning id, v)"
                + " insert into b select id * 10, v from d returning id");
        assertThat(plan.readOnly()).isFalse();
        assertThat(plan.parameterTypes()).containsExactly(SqlType.INTEGER);
        assertThat(plan.columns()).extracting(c -> c.name()).containsExactly("id");
        List<String> out = new ArrayList<>();
        try (StatementResult result = plan.execute(context, new Object[] {2})) {
            while (result.next()) {
                out.add(Arrays.toString(result.row()));
            }
            assertThat(result.commandTag()).isEqualTo("INSERT 0 2");
        }
        assertThat(out).containsExactly("[20]", "[30]");
        assertThat(run("select id from a")).containsExactly("[1]");
        assertThat(run("with u as (update a set v = 'w' returning 1) select 7")).containsExactly("[7]");
        assertThat(run("select v from a")).containsExactly("[w]");
    }

    @Test
    void dataModifyingWithBelowTheTop_is0A000AtTheQuery() {
        String sql = "select * from (with d as (delete from a returning *) select * from d) s";
        HeliosException e = error(() -> plan(sql));
        assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        assertThat(e.getMessage()).isEqualTo("WITH clause containing a data-modifying statement must be at the top level");
        assertThat(e.position()).isEqualTo(sql.indexOf("d as") + 1);
        assertThat(run("select count(*) from a")).containsExactly("[3]");
    }

    @Test
    void readingAStepWithoutReturning_is0A000AtTheReference() {
        String sql = "with d as (delete from a) select * from d";
        HeliosException e = error(() -> plan(sql));
        assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        assertThat(e.getMessage()).isEqualTo("WITH query \"d\" does not have a RETURNING clause");
        assertThat(e.position()).isEqualTo(sql.lastIndexOf("d") + 1);
    }
}
