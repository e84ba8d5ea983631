package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which plans a kernel may answer as a {@link PointQuery}, and that answering them that way (bind, key,
 * one lookup, output) gives exactly what executing the plan gives.
 */
class PointQueryTest {
    private InMemoryContext ctx;

    @BeforeEach
    void tables() {
        ctx = new InMemoryContext();
        run("create table t (id int primary key, a text, b bigint, c text, d timestamptz)");
        run("insert into t values (1, 'one', 10, null, null), (2, 'two', 20, 'c2', null)");
        run("create table m (x smallint, y text, v int, primary key (x, y))");
        run("insert into m values (1, 'p', 100), (1, 'q', 200)");
    }

    private void run(String sql) {
        try (StatementResult r = plan(sql, List.of()).execute(ctx, new Object[0])) {
            while (r.next()) {
                // drained
            }
        }
    }

    private StatementPlan plan(String sql, List<SqlType> declared) {
        return SqlEngine.plan(SqlEngine.parse(sql).get(0), ctx, declared);
    }

    private static List<List<Object>> executed(StatementPlan plan, InMemoryContext ctx, Object... params) {
        List<List<Object>> out = new ArrayList<>();
        try (StatementResult r = plan.execute(ctx, params)) {
            while (r.next()) {
                out.add(Arrays.asList(r.row().clone()));
            }
        }
        return out;
    }

    /** What a kernel does with a point query: one lookup by the key, then the output. */
    private static List<List<Object>> pointRead(PointQuery query, InMemoryContext ctx, Object... params) {
        Object[] bound = query.bind(params);
        Object[] key = query.key(bound);
        if (key == null) {
            return List.of();
        }
        try (RowCursor c = ctx.lookup(query.table(), key)) {
            if (!c.next()) {
                return List.of();
            }
            Object[] row = c.row().clone();
            boolean[] read = query.columns();
            for (int i = 0; i < row.length; i++) {
                if (!read[i]) {
                    row[i] = null; // the kernel leaves unread columns undecoded
                }
            }
            Object[] out = query.output(row, bound);
            return out == null ? List.of() : List.of(Arrays.asList(out));
        }
    }

    private void assertSameAnswers(String sql, List<SqlType> declared, Object[]... paramSets) {
        StatementPlan plan = plan(sql, declared);
        assertThat(plan.pointQuery()).as(sql).isNotNull();
        for (Object[] params : paramSets) {
            assertThat(pointRead(plan.pointQuery(), ctx, params)).as(sql + " " + Arrays.toString(params))
                    .isEqualTo(executed(plan, ctx, params));
        }
    }

    @Test
    void pointSelects_answerAsThePlanDoes() {
        assertSameAnswers("select id, a, b, c from t where id = $1", List.of(),
                new Object[] {1}, new Object[] {2}, new Object[] {3}, new Object[] {null});
        assertSameAnswers("select c, id from t where id = $1", List.of(), new Object[] {2}, new Object[] {1});
        assertSameAnswers("select a from t where id = $1 and a = $2", List.of(),
                new Object[] {1, "one"}, new Object[] {1, "two"}, new Object[] {1, null});
        assertSameAnswers("select b from t where id = $1 and c is null", List.of(), new Object[] {1}, new Object[] {2});
        assertSameAnswers("select a, b::int from t where id = 2", List.of(), new Object[0]);
        assertSameAnswers("select v from m where y = $2 and x = $1", List.of(),
                new Object[] {1, "q"}, new Object[] {1, "r"}, new Object[] {2, "p"});
        // A key value outside the key column's range matches no row.
        assertSameAnswers("select a from t where id = $1", List.of(SqlType.BIGINT),
                new Object[] {2L}, new Object[] {1L << 40});
    }

    @Test
    void selectStar_readsEveryColumn() {
        StatementPlan plan = plan("select id, a, b, c from t where id = $1", List.of());
        assertThat(plan.pointQuery().columns()).containsExactly(true, true, true, true, false);
        assertThat(plan("select c from t where id = $1 and b = 10", List.of()).pointQuery().columns())
                .containsExactly(true, false, true, true, false);
    }

    @Test
    void wrongParameterCount_is08P01() {
        PointQuery query = plan("select a from t where id = $1", List.of()).pointQuery();
        assertThatThrownBy(() -> query.bind(new Object[] {1, 2})).isInstanceOf(HeliosException.class)
                .extracting(e -> ((HeliosException) e).sqlState()).isEqualTo(SqlState.PROTOCOL_VIOLATION);
    }

    @Test
    void queriesNeedingTheSessionOrMoreThanOneRow_areNoPointQueries() {
        assertThat(plan("select a from t where id > $1", List.of()).pointQuery()).isNull();
        assertThat(plan("select a from t where b = $1", List.of()).pointQuery()).isNull();
        // timestamptz output is shown in the session's time zone.
        assertThat(plan("select d from t where id = $1", List.of()).pointQuery()).isNull();
        assertThat(plan("select a from t where id = $1 and d < now()", List.of()).pointQuery()).isNull();
        assertThat(plan("select upper(a) from t where id = $1", List.of()).pointQuery()).isNull();
        assertThat(plan("select a from t where id = $1 for update", List.of()).pointQuery()).isNull();
        assertThat(plan("select count(*) from t where id = $1", List.of()).pointQuery()).isNull();
        assertThat(plan("select a from t where id = $1 and a in (select c from t)", List.of()).pointQuery()).isNull();
        assertThat(plan("select v from m where x = $1", List.of()).pointQuery()).isNull();
        assertThat(plan("update t set a = 'x' where id = $1", List.of()).pointQuery()).isNull();
    }
}
