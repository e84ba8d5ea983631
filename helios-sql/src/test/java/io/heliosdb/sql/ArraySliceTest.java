package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Array slices a[l:u], a[:u], a[l:] as PostgreSQL takes them. */
class ArraySliceTest {
    private final InMemoryContext context = new InMemoryContext();

    private List<String> run(String sql) {
        List<String> rows = new ArrayList<>();
        StatementPlan plan = SqlEngine.plan(SqlEngine.parse(sql).get(0), context, List.of());
        try (StatementResult result = plan.execute(context, new Object[0])) {
            while (result.next()) {
                rows.add(Arrays.toString(result.row()));
            }
        }
        return rows;
    }

    @Test
    void slice_cutsOneAndTwoDimensions() {
        assertThat(run("select ('{1,2,3,4}'::int[])[2:3], ('{1,2,3,4}'::int[])[:2], ('{1,2,3,4}'::int[])[3:]"))
                .containsExactly("[[2, 3], [1, 2], [3, 4]]");
        assertThat(run("select ('{{1,2,3},{4,5,6}}'::int[])[1:2][2:3], ('{{1,2,3},{4,5,6}}'::int[])[2][2:]"))
                .containsExactly("[[[2, 3], [5, 6]], [[2, 3], [5, 6]]]");
        assertThat(run("select ('{1,2,3}'::int[])[3:2], ('{1,2,3}'::int[])[2:null], ('{1,2}'::int[])[1:1][1:1]"))
                .containsExactly("[[], null, []]");
    }

    @Test
    void slice_isNamedAfterItsArray_andKeepsTheArrayType() {
        StatementPlan plan = SqlEngine.plan(SqlEngine.parse("select tags[2:] from (select '{a,b}'::text[] tags) t")
                .get(0), context, List.of());
        assertThat(plan.columns()).extracting(c -> c.name()).containsExactly("tags");
        assertThat(plan.columns()).extracting(c -> c.type()).containsExactly(io.heliosdb.api.SqlType.TEXT_ARRAY);
    }
}
