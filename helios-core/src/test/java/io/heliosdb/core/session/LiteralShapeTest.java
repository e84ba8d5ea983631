package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiteralShapeTest {

    private static LiteralShape of(String sql) {
        return LiteralShape.of(sql);
    }

    @Test
    void of_pgbenchSelect_liftsTheKey() {
        LiteralShape s = of("SELECT abalance FROM pgbench_accounts WHERE aid = 12345;");
        assertThat(s.shape()).isEqualTo("SELECT abalance FROM pgbench_accounts WHERE aid = $1;");
        assertThat(s.values()).containsExactly(12345);
        assertThat(s.declared()).containsExactly(SqlType.INTEGER);
        assertThat(s.key()).isEqualTo("SELECT abalance FROM pgbench_accounts WHERE aid = $1;\0i");
        assertThat("SELECT abalance FROM pgbench_accounts WHERE aid = 12345;".substring(s.textStart(), s.textEnd()))
                .isEqualTo("SELECT abalance FROM pgbench_accounts WHERE aid = 12345");
    }

    @Test
    void of_literalTypes_areTheAnalyzers() {
        LiteralShape s = of("select * from t where a = 1 and b = 3000000000 and c = 99999999999999999999"
                + " and d >= 1.50 and e <> 1e3 and f = 'it''s' and g < .5");
        assertThat(s.shape()).isEqualTo("select * from t where a = $1 and b = $2 and c = $3 and d >= $4 and e <> $5"
                + " and f = $6 and g < $7");
        assertThat(s.values()).containsExactly(1, 3_000_000_000L, new BigDecimal("99999999999999999999"),
                new BigDecimal("1.50"), new BigDecimal("1000"), "it's", new BigDecimal(".5"));
        assertThat(s.declared()).containsExactly(SqlType.INTEGER, SqlType.BIGINT, SqlType.NUMERIC, SqlType.NUMERIC,
                SqlType.NUMERIC, null, SqlType.NUMERIC);
        assertThat(s.key()).endsWith("\0ilnnnsn");
    }

    @Test
    void of_sameShapeOtherType_hasAnotherKey() {
        assertThat(of("select v from t where id = 1").key()).isNotEqualTo(of("select v from t where id = 3000000000").key());
        assertThat(of("select v from t where id = 1").key()).isEqualTo(of("select v from t where id = 2").key());
    }

    @Test
    void of_integerCasts_liftAsTheirType() {
        LiteralShape s = of("SELECT v FROM t WHERE a = '42'::int4 AND b = 7::int8 AND c = '-3'::smallint");
        assertThat(s.shape()).isEqualTo("SELECT v FROM t WHERE a = $1 AND b = $2 AND c = $3");
        assertThat(s.values()).containsExactly(42, 7L, (short) -3);
        assertThat(s.declared()).containsExactly(SqlType.INTEGER, SqlType.BIGINT, SqlType.SMALLINT);
    }

    @Test
    void of_pgJdbcSimpleModeParameters_liftInTheirParentheses() {
        LiteralShape s = of("SELECT v FROM t WHERE id = ('42'::int4) AND b = ('-7'::int8) AND t = ('abc')");
        assertThat(s.shape()).isEqualTo("SELECT v FROM t WHERE id = $1 AND b = $2 AND t = $3");
        assertThat(s.values()).containsExactly(42, -7L, "abc");
        assertThat(s.declared()).containsExactly(SqlType.INTEGER, SqlType.BIGINT, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select v from t where a = (5) + 1",
        "select v from t where a = (5 + 1)",
        "select v from t where a = ('5'::int4",
        "select v from t where a = ('5'::text)",
        "select v from t where a = '99999999999'::int4",   // out of range: the cast's own error
        "select v from t where a = ' 42'::int4",
        "select v from t where a = '4x'::int4",
        "select v from t where a = 5::text",
        "select v from t where a = 5::bigint[]",
        "select v from t where a = 5 + 1",
        "select v from t where a = 5 || 'x'",
        "select v from t where a = -5",
        "select v from t where a=-5",
        "select v from t where a = 5 collate \"C\"",
        "select v from t where a = 5 is null",
        "select v from t where a = 'x' 'y'",
        "select v from t where a = 5abc",
        "select v from t where a = 1.2.3",
        "select v from t order by 1",
        "select v from t limit 5 offset 2",
        "select v from t group by 1",
        "select v from t where a in (1, 2)",
        "select v from t where a between 1 and 2",
        "select v from t where a like 'x%'",
        "select v from t where d = date '2020-01-01'",
        "select v from t where a = E'x\\'y'",
        "select v::varchar(10) from t",
        "select 5, 'x' from t",
        "select v from t where \"a = 5\" is null",
        "select v from t where a /* = 5 */ is null",
        "update t set a = 5",
        "update t set a = 5, b = (select 1 from u where c = 2)"})
    void of_nonValuePositions_areNotLifted(String sql) {
        LiteralShape s = of(sql);
        if (s != null) {
            assertThat(s.values()).as(sql).isEmpty();
            assertThat(s.shape()).isEqualTo(sql);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select 1; select 2",
        "select v from t where a = $1",
        "select $$x$$",
        "select 'open",
        "select v /* open",
        "select \"open",
        "insert into t values (1)",
        "set x = 5",
        "explain select v from t where a = 1",
        "with q as (select 1) select * from q where a = 1",
        "create table t (a int check (a = 5))",
        "select a into t2 from t where a = 1",
        "show x",
        "",
        "  -- only a comment"})
    void of_otherTexts_areNotShapes(String sql) {
        assertThat(of(sql)).as(sql).isNull();
    }

    @Test
    void of_commentsAndQuotedNames_stayAndDoNotHideLiterals() {
        LiteralShape s = of("/* a /* nested */ = 1 */ select \"x = 1\" from t -- = 2\n where a = 3 /* = 4 */");
        assertThat(s.shape()).isEqualTo("/* a /* nested */ = 1 */ select \"x = 1\" from t -- = 2\n where a = $1 /* = 4 */");
        assertThat(s.values()).containsExactly(3);
    }

    @Test
    void of_updateAndDelete_liftOnlyTheWhere() {
        LiteralShape u = of("UPDATE t SET a = 5 WHERE id = 6 AND (b = 7)");
        assertThat(u.shape()).isEqualTo("UPDATE t SET a = 5 WHERE id = $1 AND (b = $2)");
        assertThat(u.values()).containsExactly(6, 7);
        LiteralShape d = of("delete from t where id = 9 returning v");
        assertThat(d.shape()).isEqualTo("delete from t where id = $1 returning v");
    }

    @Test
    void of_operandEnds_areKeywordsAndClosers() {
        LiteralShape s = of("select a = 1 as x, (b <= 2), case when c > 3 then 1 end from t where d != 4 order by 1"
                + " limit 10");
        assertThat(s.shape()).isEqualTo("select a = $1 as x, (b <= $2), case when c > $3 then 1 end from t where d != $4"
                + " order by 1 limit 10");
    }

    @Test
    void of_textWithoutLiterals_isItsOwnShape() {
        LiteralShape s = of("SELECT count(*) FROM t");
        assertThat(s.shape()).isEqualTo("SELECT count(*) FROM t");
        assertThat(s.values()).isEmpty();
    }
}
