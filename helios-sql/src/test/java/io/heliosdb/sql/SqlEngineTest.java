package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Planning through the public entry: parameter types, result columns, flags and analyzer errors. */
class SqlEngineTest {
    private InMemoryContext context;

    @BeforeEach
    void createTables() {
        context = new InMemoryContext();
        run("create table t (id int primary key, name text, big bigint, price numeric(8,2))");
        run("create table u (id int primary key, t_id int, name varchar(10))");
    }

    private List<Object[]> run(String sql, Object... params) {
        StatementPlan plan = plan(sql);
        List<Object[]> rows = new ArrayList<>();
        try (StatementResult result = plan.execute(context, params)) {
            while (result.next()) {
                rows.add(result.row());
            }
        }
        return rows;
    }

    private StatementPlan plan(String sql, SqlType... declared) {
        List<ParsedStatement> parsed = SqlEngine.parse(sql);
        assertThat(parsed).hasSize(1);
        return SqlEngine.plan(parsed.get(0), context, Arrays.asList(declared));
    }

    private HeliosException planError(String sql) {
        try {
            plan(sql);
        } catch (HeliosException e) {
            return e;
        }
        throw new AssertionError("no error planning " + sql);
    }

    @Test
    void parameterTypes_areInferredFromComparedColumn() {
        assertThat(plan("select name from t where id = $1").parameterTypes()).containsExactly(SqlType.INTEGER);
        assertThat(plan("select name from t where $1 < big").parameterTypes()).containsExactly(SqlType.BIGINT);
    }

    @Test
    void parameterTypes_areInferredFromInsertAndUpdateTargets() {
        assertThat(plan("insert into t (name, id, price) values ($1, $2, $3)").parameterTypes())
                .containsExactly(SqlType.TEXT, SqlType.INTEGER, SqlType.NUMERIC);
        assertThat(plan("update t set big = $2 where id = $1").parameterTypes())
                .containsExactly(SqlType.INTEGER, SqlType.BIGINT);
    }

    @Test
    void parameterTypes_declaredWinsAndUntypedIsText() {
        assertThat(plan("select $1", SqlType.BIGINT).parameterTypes()).containsExactly(SqlType.BIGINT);
        assertThat(plan("select $1, $2::int").parameterTypes()).containsExactly(SqlType.TEXT, SqlType.INTEGER);
        assertThat(plan("select $2 + 1").parameterTypes()).containsExactly(SqlType.TEXT, SqlType.INTEGER);
    }

    @Test
    void parameters_textAndOtherNumbersAreConvertedToTheParameterType() {
        run("insert into t (id, name, big) values ($1, $2, $3)", "7", "seven", 9);
        List<Object[]> rows = run("select id, big from t where id = $1", 7L);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly(7, 9L);
    }

    @Test
    void execute_wrongParameterCount_is08P01() {
        StatementPlan plan = plan("select name from t where id = $1");
        assertThatThrownBy(() -> plan.execute(context, new Object[0]))
                .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.PROTOCOL_VIOLATION));
    }

    @Test
    void columns_carryPostgresNamesTypesAndTypmods() {
        assertThat(plan("select t.id, t.name as n, count(*), price, 1 + 1, u.name from t, u group by t.id, t.name, t.price, u.name")
                .columns()).containsExactly(new Column("id", SqlType.INTEGER), new Column("n", SqlType.TEXT),
                new Column("count", SqlType.BIGINT), new Column("price", SqlType.NUMERIC, Column.numericTypmod(8, 2)),
                new Column("?column?", SqlType.INTEGER), new Column("name", SqlType.VARCHAR, Column.varcharTypmod(10)));
        // PostgreSQL: a subscript is named after its base, an operator names nothing.
        assertThat(plan("select (string_to_array(t.name, ','))[1], '{\"a\": 1}'::jsonb -> 'a', lower(t.name) from t").columns()
                .stream().map(Column::name)).containsExactly("string_to_array", "?column?", "lower");
        assertThat(plan("insert into t (id) values (1)").columns()).isEmpty();
        assertThat(plan("delete from t returning id").columns()).containsExactly(new Column("id", SqlType.INTEGER));
    }

    @Test
    void flags_readOnlyCatalogAndTransaction() {
        assertThat(plan("select 1").readOnly()).isTrue();
        assertThat(plan("insert into t (id) values (1)").readOnly()).isFalse();
        assertThat(plan("create table x (a int)").changesCatalog()).isTrue();
        assertThat(plan("drop table t").changesCatalog()).isTrue();
        assertThat(plan("update t set name = 'a'").changesCatalog()).isFalse();
        assertThat(plan("begin").transactionCommand()).isEqualTo(TransactionCommand.BEGIN);
        assertThat(plan("abort").transactionCommand()).isEqualTo(TransactionCommand.ROLLBACK);
        assertThat(plan("select 1").transactionCommand()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "select * from nope                      | 42P01 | relation \"nope\" does not exist | 15",
            "select nope from t                      | 42703 | column \"nope\" does not exist | 8",
            "select t.nope from t                    | 42703 | column t.nope does not exist | 8",
            "select id from t, u                     | 42702 | column reference \"id\" is ambiguous | 8",
            "select name from t where id = name      | 42883 | operator does not exist: integer = text | 29",
            "select name from t where name + 1 > 0   | 42883 | operator does not exist: text + integer | 31",
            "select name from t where id             | 42804 | argument of WHERE must be type boolean, not type integer | 0",
            "select name, count(*) from t            | 42803 | column \"t.name\" must appear in the GROUP BY clause or be used in an aggregate function | 0",
            "select id from t group by count(*)      | 42803 | aggregate functions are not allowed in GROUP BY | 0",
            "select foo(id) from t                   | 42883 | function foo(integer) does not exist | 8",
            "insert into t (id) values (true)        | 42804 | column \"id\" is of type integer but expression is of type boolean | 0",
            "update t set id = name                  | 42804 | column \"id\" is of type integer but expression is of type text | 0",
            "select * from t where id = 'x'          | 22P02 | invalid input syntax for type integer: \"x\" | 0",
            "select x.id from t as x join u on t.id = u.t_id | 42P01 | missing FROM-clause entry for table \"t\" | 35",
    })
    void plan_invalidStatement_givesPostgresStateMessageAndPosition(String sql, String state, String message, int position) {
        HeliosException e = planError(sql.strip());
        assertThat(e.sqlState().code()).isEqualTo(state);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.position()).isEqualTo(position);
    }

    @Test
    void createTable_primaryKeyColumnsAreNotNullAndDefaultsStoredAsText() {
        run("create table k (a int, b text default 'x', c int, primary key (c, a))");
        var table = context.table("k").orElseThrow();
        assertThat(table.primaryKey()).containsExactly(2, 0);
        assertThat(table.columns().get(0).notNull()).isTrue();
        assertThat(table.columns().get(1).notNull()).isFalse();
        assertThat(table.columns().get(1).defaultExpression()).isEqualTo("'x'");
        assertThat(table.id()).isPositive();
    }

    @Test
    void insert_valuesArriveAsTheColumnsJavaClasses() {
        run("insert into t values (1, 'a', 5, 2.5)");
        Object[] row = run("select id, name, big, price from t").get(0);
        assertThat(row).containsExactly(1, "a", 5L, new BigDecimal("2.50"));
    }

    @Test
    void plan_isReusable_andSeesNewData() {
        StatementPlan count = plan("select count(*) from t");
        assertThat(executeFirst(count)).isEqualTo(0L);
        run("insert into t (id) values (1), (2)");
        assertThat(executeFirst(count)).isEqualTo(2L);
    }

    private Object executeFirst(StatementPlan plan) {
        try (StatementResult r = plan.execute(context, new Object[0])) {
            assertThat(r.next()).isTrue();
            return r.row()[0];
        }
    }

    @Test
    void insertTag_countsRows() {
        StatementPlan plan = plan("insert into t (id) values (1), (2), (3)");
        try (StatementResult r = plan.execute(context, new Object[0])) {
            assertThat(r.commandTag()).isEqualTo("INSERT 0 3");
            assertThat(r.rowCount()).isEqualTo(3);
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void deeplyNestedExpression_isAnErrorNotACrash() {
        for (String sql : List.of("select " + "(".repeat(50_000) + "1" + ")".repeat(50_000),
                "select " + "- ".repeat(100_000) + "1", "select " + "1 + ".repeat(100_000) + "1")) {
            assertThatThrownBy(() -> SqlEngine.plan(SqlEngine.parse(sql).get(0), context, List.of()))
                    .isInstanceOfSatisfying(HeliosException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.PROGRAM_LIMIT_EXCEEDED));
        }
        assertThat(run("select " + "(".repeat(200) + "1" + ")".repeat(200))).hasSize(1);
    }

    @Test
    void plan_positionsCountFromTheWholeText() {
        List<ParsedStatement> parsed = SqlEngine.parse("select 1; select nope from t");
        assertThatThrownBy(() -> SqlEngine.plan(parsed.get(1), context, List.of()))
                .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.position()).isEqualTo(18));
    }

    @Test
    void currentTimeFunctions_areEvaluatedAtRunTime() {
        StatementPlan plan = plan("select now(), current_timestamp, current_date, localtimestamp");
        assertThat(plan.columns()).extracting(Column::name).containsExactly("now", "current_timestamp", "current_date",
                "localtimestamp");
        assertThat(plan.columns()).extracting(Column::type)
                .containsExactly(SqlType.TIMESTAMPTZ, SqlType.TIMESTAMPTZ, SqlType.DATE, SqlType.TIMESTAMP);
        java.time.OffsetDateTime before = java.time.OffsetDateTime.now().minusSeconds(1);
        try (StatementResult r = plan.execute(context, new Object[0])) {
            assertThat(r.next()).isTrue();
            assertThat((java.time.OffsetDateTime) r.row()[0]).isAfter(before);
            assertThat(r.row()[2]).isEqualTo(java.time.LocalDate.now());
        }
        run("create table ev (id int, at timestamp default now())");
        run("insert into ev (id) values (1)");
        assertThat(run("select at from ev").get(0)[0]).isInstanceOf(java.time.LocalDateTime.class);
    }

    @Test
    void notNullViolation_hasPostgresMessageAndFailingRowDetail() {
        assertThatThrownBy(() -> run("insert into t (name) values ('x')"))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.NOT_NULL_VIOLATION);
                    assertThat(e.getMessage()).isEqualTo("null value in column \"id\" of relation \"t\" violates not-null constraint");
                    assertThat(e.detail()).isEqualTo("Failing row contains (null, x, null, null).");
                });
    }
}
