package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Index scans chosen by the planner return what a full scan would, without scanning the table. */
class IndexExecutionTest {
    private InMemoryContext ctx;

    private List<Object> column(String sql, Object... params) {
        List<Object> out = new ArrayList<>();
        ParsedStatement parsed = SqlEngine.parse(sql).get(0);
        try (StatementResult r = SqlEngine.plan(parsed, ctx, List.of()).execute(ctx, params)) {
            while (r.next()) {
                out.add(r.row()[0]);
            }
        }
        return out;
    }

    @BeforeEach
    void setUp() {
        ctx = new InMemoryContext();
        column("create table t (id int primary key, a int, b text, c int)");
        column("insert into t values (1, 10, 'x', 1), (2, 20, 'y', 2), (3, 20, 'z', 3), (4, null, 'w', 4),"
                + " (5, 30, null, 5), (6, 20, 'x', 6)");
        column("create index t_a on t (a)");
        column("create index t_b_a on t (b desc, a)");
        ctx.scans = 0;
    }

    @Test
    void equalityRangeAndIn_useTheIndexAndNeverScan() {
        assertThat(column("select id from t where a = 20 order by id")).containsExactly(2, 3, 6);
        assertThat(column("select id from t where a > 10 and a <= 20 order by id")).containsExactly(2, 3, 6);
        assertThat(column("select id from t where a < 20 order by id")).containsExactly(1);
        assertThat(column("select id from t where a >= 20 order by id")).containsExactly(2, 3, 5, 6);
        assertThat(column("select id from t where a in (30, 10, 30, null) order by id")).containsExactly(1, 5);
        assertThat(column("select id from t where a is null")).containsExactly(4);
        assertThat(column("select id from t where b = 'x' and a = 20")).containsExactly(6);
        assertThat(column("select id from t where b = 'x' and a > 5 order by id")).containsExactly(1, 6);
        assertThat(column("select id from t where b < 'y' order by id")).containsExactly(1, 4, 6);
        assertThat(column("select id from t where a = $1 and c > 2 order by id", 20)).containsExactly(3, 6);
        assertThat(ctx.scans).isZero();
        assertThat(ctx.indexScans).isGreaterThanOrEqualTo(10);
    }

    @Test
    void nullAndOutOfRangeValues_matchAsComparisonsWould() {
        assertThat(column("select id from t where a = $1", (Object) null)).isEmpty();
        assertThat(column("select id from t where a = 3000000000")).isEmpty();
        assertThat(column("select id from t where a < 3000000000 order by id")).containsExactly(1, 2, 3, 5, 6);
        assertThat(column("select id from t where a > -3000000000 and a < 15")).containsExactly(1);
        assertThat(column("select id from t where a > 3000000000")).isEmpty();
        assertThat(column("select id from t where a > 25 and a < 15")).isEmpty();
        assertThat(ctx.scans).isZero();
    }

    @Test
    void orderByMatchingTheIndexWithLimit_readsTheIndexInOrder() {
        assertThat(column("select id from t order by a limit 3")).containsExactly(1, 2, 3);
        assertThat(column("select id from t order by a desc limit 2")).containsExactly(4, 5);
        assertThat(column("select id from t where b = 'x' order by a desc limit 1")).containsExactly(6);
        assertThat(ctx.scans).isZero();
        assertThat(column("select id from t order by a nulls first limit 1")).containsExactly(4);
        assertThat(ctx.scans).isEqualTo(1);
    }

    @Test
    void equiJoin_probesTheInnerIndexPerOuterRow() {
        column("create table u (k int primary key, a int)");
        column("insert into u values (1, 20), (2, 10), (3, 99)");
        ctx.scans = 0;
        assertThat(column("select t.id from u join t on t.a = u.a order by t.id")).containsExactly(1, 2, 3, 6);
        assertThat(ctx.scans).isEqualTo(1);
        assertThat(column("select u.k from u left join t on t.a = u.a where t.id is null")).containsExactly(3);
        assertThat(column("select t.id from t join u on u.k = t.c order by t.id")).containsExactly(1, 2, 3);
        assertThat(ctx.lookups).isEqualTo(6);
    }

    @Test
    void updateAndDeleteThroughAnIndex_changeTheRightRows() {
        column("update t set a = 21 where a = 20 and b <> 'z'");
        assertThat(column("select id from t where a = 21 order by id")).containsExactly(2, 6);
        column("delete from t where a in (21, 10)");
        assertThat(column("select id from t order by id")).containsExactly(3, 4, 5);
        assertThat(ctx.scans).isEqualTo(1);
    }
}
