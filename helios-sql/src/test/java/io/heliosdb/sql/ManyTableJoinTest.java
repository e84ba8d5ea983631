package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Comma joins of many small tables chained by equalities (like SQLite's select5.test): the planner must
 * push the WHERE conjuncts into hash joins in a connected order, never building a cross product. The
 * expected rows are computed here by following the chain through the generated data.
 */
class ManyTableJoinTest {
    private final InMemoryContext ctx = new InMemoryContext();

    private List<List<Object>> rows(String sql) {
        List<List<Object>> out = new ArrayList<>();
        ParsedStatement parsed = SqlEngine.parse(sql).get(0);
        try (StatementResult r = SqlEngine.plan(parsed, ctx, List.of()).execute(ctx, new Object[0])) {
            while (r.next()) {
                out.add(java.util.Arrays.asList(r.row().clone()));
            }
        }
        return out;
    }

    /** Table t{i}(a{i} int, b{i} int, x{i} text) with {@code size} rows; returns [row][a, b]. */
    private int[][] createTable(int i, int size, Random random) {
        rows("drop table if exists t" + i);
        rows("create table t" + i + " (a" + i + " int, b" + i + " int, x" + i + " text)");
        int[][] data = new int[size][2];
        StringBuilder sql = new StringBuilder("insert into t" + i + " values ");
        for (int r = 0; r < size; r++) {
            data[r][0] = random.nextInt(size);
            data[r][1] = random.nextInt(size);
            sql.append(r == 0 ? "" : ", ").append('(').append(data[r][0]).append(", ").append(data[r][1])
                    .append(", 'table ").append(i).append(" row ").append(r).append("')");
        }
        rows(sql.toString());
        return data;
    }

    /**
     * SELECT x1, x{n} FROM t1, ..., t{n} WHERE a1 = b2 AND a2 = b3 ... (written in a shuffled order), plus
     * {@code a1 = first} when given. Each row of t1 starts paths through the chain t1 -> t2 -> ... where
     * t{i}.a = t{i+1}.b; the result counts them.
     */
    private void checkChain(int n, int size, Integer first, long seed) {
        Random random = new Random(seed);
        List<int[][]> tables = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            tables.add(createTable(i, size, random));
        }
        List<String> conjuncts = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            conjuncts.add("a" + i + " = b" + (i + 1));
        }
        if (first != null) {
            conjuncts.add("a1 = " + first);
        }
        java.util.Collections.shuffle(conjuncts, random);
        List<String> from = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            from.add("t" + i);
        }
        java.util.Collections.shuffle(from, random);
        String sql = "select count(*), min(x1), max(x" + n + ") from " + String.join(", ", from)
                + " where " + String.join(" and ", conjuncts);

        // paths[r] = number of chains ending at row r of the current table.
        long[] paths = new long[size];
        for (int r = 0; r < size; r++) {
            paths[r] = first == null || tables.get(0)[r][0] == first ? 1 : 0;
        }
        for (int t = 1; t < n; t++) {
            long[] next = new long[size];
            for (int r = 0; r < size; r++) {
                for (int p = 0; p < size; p++) {
                    if (paths[p] > 0 && tables.get(t - 1)[p][0] == tables.get(t)[r][1]) {
                        next[r] += paths[p];
                    }
                }
            }
            paths = next;
        }
        long expected = java.util.Arrays.stream(paths).sum();
        List<List<Object>> result = rows(sql);
        assertThat(((Number) result.get(0).get(0)).longValue()).as(sql).isEqualTo(expected);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void sixtyFourTables_chainedByEqualities_joinWithoutCrossProducts() {
        // One row per table, all a = b = 0, so the chain holds exactly one path; plus a 64-table chain of 3.
        StringBuilder from = new StringBuilder();
        StringBuilder where = new StringBuilder();
        for (int i = 1; i <= 64; i++) {
            rows("create table s" + i + " (a" + i + " int, b" + i + " int)");
            rows("insert into s" + i + " values (" + (i % 3) + ", " + ((i - 1) % 3) + "), (7, 8), (9, 10)");
            from.append(i == 1 ? "" : ", ").append("s").append(i);
            if (i < 64) {
                where.append(i == 1 ? "" : " and ").append("a").append(i).append(" = b").append(i + 1);
            }
        }
        List<List<Object>> result = rows("select a1, b64, count(*) from " + from + " where " + where + " group by a1, b64");
        assertThat(result).containsExactly(List.of(1, 63 % 3, 1L));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void tenToTwentyTables_withFilters_matchTheComputedChains() {
        checkChain(10, 6, null, 1);
        checkChain(14, 5, 2, 2);
        checkChain(20, 4, null, 3);
    }

    @Test
    void outerRowsAndNoColumnConjuncts_stayOnTop() {
        rows("create table p (id int, v int)");
        rows("create table q (id int, w int)");
        rows("insert into p values (1, 10), (2, 20), (3, 30)");
        rows("insert into q values (1, 100), (2, 200), (4, 400)");
        assertThat(rows("select p.id, w from q, p where p.id = q.id and 1 = 1 and v < 25 order by 1"))
                .containsExactly(List.of(1, 100), List.of(2, 200));
        assertThat(rows("select id from p where exists (select 1 from q, p p2 where q.id = p2.id and p2.v = p.v)"
                + " order by 1")).containsExactly(List.of(1), List.of(2));
        assertThat(rows("select q.w from p, q where p.id = q.id and q.w > (select max(v) from p p3 where p3.id <= q.id)"
                + " order by 1")).containsExactly(List.of(100), List.of(200));
    }
}
