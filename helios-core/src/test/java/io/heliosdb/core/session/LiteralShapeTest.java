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
        "select v from t where a=-5",
        "select v from t where a = - -5",
        "select v from t where a = -5::int4",
        "select v from t where a = -'5'",
        "select v from t where a = -5 ^ 2",
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
        "update t set a = b * 5",
        "update t set a = 5 + b",
        "update t set a = t.b + 5",
        "update t set a = b +-5",
        "update t set a = not - 5",
        "update t set a = b + 5 * c",
        "update t set (a, b) = (1, 2)",
        "update t set (a) = (5)",
        "update t set a = array[1, 2]",
        "insert into t values (1 + 2)",
        "insert into t values (-5::int4)",
        "insert into t values (array[1, 2], f(3, 4))",
        "insert into t (a) values (default)",
        "insert into t values (1) union select 2",
        "insert into t values (1), (2) order by 1",
        "insert into t values (1) limit 1",
        "insert into t select 1",
        "insert into t select * from (values (1)) v",
        "insert into t default values"})
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
    void of_updateAndDelete_liftSetAndWhere() {
        LiteralShape u = of("UPDATE t SET a = 5, b = 'x' WHERE id = 6 AND (b = 7)");
        assertThat(u.shape()).isEqualTo("UPDATE t SET a = $1, b = $2 WHERE id = $3 AND (b = $4)");
        assertThat(u.values()).containsExactly(5, "x", 6, 7);
        LiteralShape d = of("delete from t where id = 9 returning v");
        assertThat(d.shape()).isEqualTo("delete from t where id = $1 returning v");
        LiteralShape sub = of("update t set a = 5, b = (select 1 from u where c = 2)");
        assertThat(sub.shape()).isEqualTo("update t set a = $1, b = (select 1 from u where c = $2)");
    }

    @Test
    void of_pgbenchTpcb_liftsEveryValue() {
        LiteralShape u = of("UPDATE pgbench_accounts SET abalance = abalance + -1234 WHERE aid = 5678;");
        assertThat(u.shape()).isEqualTo("UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2;");
        assertThat(u.values()).containsExactly(-1234, 5678);
        assertThat(u.declared()).containsExactly(SqlType.INTEGER, SqlType.INTEGER);
        LiteralShape i = of("INSERT INTO pgbench_history (tid, bid, aid, delta, mtime)"
                + " VALUES (3, 1, 5678, -1234, CURRENT_TIMESTAMP);");
        assertThat(i.shape()).isEqualTo("INSERT INTO pgbench_history (tid, bid, aid, delta, mtime)"
                + " VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP);");
        assertThat(i.values()).containsExactly(3, 1, 5678, -1234);
        assertThat(of("UPDATE pgbench_tellers SET tbalance = tbalance + 4321 WHERE tid = 7;").key())
                .isEqualTo(of("UPDATE pgbench_tellers SET tbalance = tbalance + -1 WHERE tid = 1;").key());
    }

    @Test
    void of_negativeNumbers_areTheFoldedLiterals() {
        LiteralShape s = of("select v from t where a = -2147483648 and b = -2147483649 and c = -9223372036854775808"
                + " and d = -9223372036854775809 and e = - 1.50 and f = -1e3 and g = (-7) and h = -0");
        assertThat(s.shape()).isEqualTo("select v from t where a = $1 and b = $2 and c = $3 and d = $4 and e = $5"
                + " and f = $6 and g = $7 and h = $8");
        assertThat(s.values()).containsExactly(Integer.MIN_VALUE, -2147483649L, Long.MIN_VALUE,
                new BigDecimal("-9223372036854775809"), new BigDecimal("-1.50"), new BigDecimal("-1000"), -7, 0);
        assertThat(s.declared()).containsExactly(SqlType.INTEGER, SqlType.BIGINT, SqlType.BIGINT, SqlType.NUMERIC,
                SqlType.NUMERIC, SqlType.NUMERIC, SqlType.INTEGER, SqlType.INTEGER);
    }

    @Test
    void of_insertValues_liftsEveryPlainItemOfEveryRow() {
        LiteralShape s = of("insert into s.t (a, b, c) values (1, 'x', now()), (-2, ('y'), default), ((3), 'z',"
                + " 4 + 5) on conflict (a) do update set b = 'w' returning a = 6");
        assertThat(s.shape()).isEqualTo("insert into s.t (a, b, c) values ($1, $2, now()), ($3, $4, default),"
                + " ($5, $6, 4 + 5) on conflict (a) do update set b = 'w' returning a = 6");
        assertThat(s.values()).containsExactly(1, "x", -2, "y", 3, "z");
        assertThat(of("insert into t overriding system value values (1)").shape())
                .isEqualTo("insert into t overriding system value values ($1)");
        assertThat(of("insert into values values (1)").shape()).isEqualTo("insert into values values ($1)");
    }

    @Test
    void of_longText_isNoShape() {
        String longText = "select v from t where a = 1" + " ".repeat(LiteralShape.MAX_TEXT);
        assertThat(of(longText)).isNull();
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
