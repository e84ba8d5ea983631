package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.sql.types.NumericDivision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregation results: grouping paths, empty input, and integer sums past the long range. */
class AggregationTest {

    private static List<Object[]> rows(ExecutionContext ctx, String sql) {
        List<Object[]> out = new ArrayList<>();
        ParsedStatement parsed = SqlEngine.parse(sql).get(0);
        try (StatementResult r = SqlEngine.plan(parsed, ctx, List.of()).execute(ctx, new Object[0])) {
            while (r.next()) {
                out.add(r.row());
            }
        }
        return out;
    }

    @Test
    void emptyInputWithoutGroupBy_yieldsOneRowOfZeroAndNulls() {
        InMemoryContext ctx = new InMemoryContext();
        rows(ctx, "create table e (a int, b bigint)");
        List<Object[]> result = rows(ctx, "select count(*), count(a), sum(a), sum(b), avg(a), min(a), max(b) from e");
        assertThat(result).hasSize(1);
        assertThat(result.get(0)).containsExactly(0L, 0L, null, null, null, null, null);
        assertThat(rows(ctx, "select a, count(*) from e group by a")).isEmpty();
        assertThat(rows(ctx, "select a, b, count(*) from e group by a, b")).isEmpty();
    }

    @Test
    void sumOfBigintsPastLongMax_isExactNumeric() {
        InMemoryContext ctx = new InMemoryContext();
        rows(ctx, "create table big (g int, v bigint)");
        rows(ctx, "insert into big values (1, 9223372036854775807), (1, 1), (2, 9223372036854775807), (2, 5), (2, -10)");
        List<Object[]> result = rows(ctx, "select g, sum(v), avg(v) from big group by g order by g");
        assertThat(result.get(0)[1]).isEqualTo(new BigDecimal("9223372036854775808"));
        assertThat(result.get(0)[2]).isEqualTo(
                NumericDivision.divide(new BigDecimal("9223372036854775808"), BigDecimal.valueOf(2)));
        assertThat(result.get(1)[1]).isEqualTo(new BigDecimal("9223372036854775802"));
        assertThat(rows(ctx, "select sum(v) from big").get(0)[0]).isEqualTo(new BigDecimal("18446744073709551610"));
    }

    @Test
    void sumOfIntegers_isBigintAndAvgIsNumeric() {
        InMemoryContext ctx = new InMemoryContext();
        rows(ctx, "create table n (v int, s smallint)");
        rows(ctx, "insert into n values (2147483647, 32767), (2147483647, 32767), (null, null)");
        Object[] row = rows(ctx, "select sum(v), sum(s), avg(s) from n").get(0);
        assertThat(row[0]).isEqualTo(4294967294L);
        assertThat(row[1]).isEqualTo(65534L);
        assertThat(row[2]).isEqualTo(NumericDivision.divide(new BigDecimal("65534"), BigDecimal.valueOf(2)));
    }

    @Test
    void singleGroupingColumn_groupsNullsTogetherAndEqualNumericsTogether() {
        InMemoryContext ctx = new InMemoryContext();
        rows(ctx, "create table g (k numeric, v int)");
        rows(ctx, "insert into g values (1.0, 1), (null, 2), (1.00, 3), (null, 4), (2, 5)");
        List<Object[]> result = rows(ctx, "select k, sum(v) from g group by k order by k nulls first");
        assertThat(result).hasSize(3);
        assertThat(result.get(0)).containsExactly(null, 6L);
        assertThat(result.get(1)[1]).isEqualTo(4L);
        assertThat(result.get(2)[1]).isEqualTo(5L);
    }
}
