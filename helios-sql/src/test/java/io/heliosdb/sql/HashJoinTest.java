package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Equi-joins no index serves run as hash joins: same rows as the nested loop (which "a.k + 0 = b.k"
 * still forces, the key not being a plain column), each input read once.
 */
class HashJoinTest {
    private InMemoryContext ctx;

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

    /** Two tables of seeded random rows with NULLs and many duplicate keys; a's key is int, b's bigint. */
    @BeforeEach
    void setUp() {
        ctx = new InMemoryContext();
        rows("create table a (id int primary key, k int, x int)");
        rows("create table b (id int primary key, k bigint, x int)");
        Random random = new Random(42);
        for (String table : List.of("a", "b")) {
            StringBuilder sql = new StringBuilder("insert into " + table + " values ");
            for (int i = 0; i < 300; i++) {
                sql.append(i == 0 ? "" : ", ").append('(').append(i).append(", ")
                        .append(random.nextInt(8) == 0 ? "null" : String.valueOf(random.nextInt(40))).append(", ")
                        .append(random.nextInt(8) == 0 ? "null" : String.valueOf(random.nextInt(5))).append(')');
            }
            rows(sql.toString());
        }
        ctx.rowsScanned.clear();
    }

    @Test
    void innerLeftRightFull_matchTheNestedLoop() {
        for (String kind : List.of("join", "left join", "right join", "full join")) {
            String hashed = "select a.id, b.id from a " + kind + " b on a.k = b.k and a.x < b.x order by 1, 2";
            String looped = "select a.id, b.id from a " + kind + " b on a.k + 0 = b.k and a.x < b.x order by 1, 2";
            List<List<Object>> expected = rows(looped);
            assertThat(rows(hashed)).as(kind).isEqualTo(expected).isNotEmpty();
        }
    }

    @Test
    void multipleKeysAndNullKeys_neverMatchNull() {
        List<List<Object>> hashed = rows("select a.id, b.id from a join b on a.k = b.k and b.x = a.x order by 1, 2");
        assertThat(hashed).isEqualTo(rows("select a.id, b.id from a join b on a.k = b.k + 0 and b.x = a.x order by 1, 2"));
        assertThat(rows("select count(*) from a join b on a.k = b.k where a.k is null")).containsExactly(List.of(0L));
        assertThat(rows("select count(*) from a left join b on a.k = b.k where a.k is null"))
                .isEqualTo(rows("select count(*) from a where k is null"));
    }

    @Test
    void eachSideIsReadOnce() {
        rows("select count(*) from a join b on a.k = b.k");
        assertThat(ctx.rowsScanned).containsEntry("a", 300).containsEntry("b", 300);
    }

    @Test
    void largeEquiJoin_isPlannedAsHashJoin_andCorrect() {
        rows("create table big1 (id int primary key, k int)");
        rows("create table big2 (id int primary key, k int)");
        for (String table : List.of("big1", "big2")) {
            StringBuilder sql = new StringBuilder("insert into " + table + " values ");
            for (int i = 0; i < 5000; i++) {
                sql.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(i % 1000).append(')');
            }
            rows(sql.toString());
        }
        String join = "select count(*) from big1 join big2 on big1.k = big2.k";
        // The plan, not a stopwatch, shows it is not the 25-million-pair nested loop (timings are not asserted here).
        assertThat(rows("explain " + join)).anySatisfy(line -> assertThat(line.get(0).toString()).contains("Hash Join"))
                .noneSatisfy(line -> assertThat(line.get(0).toString()).contains("Nested Loop"));
        assertThat(rows(join)).containsExactly(List.of(25000L));
    }
}
