package io.heliosdb.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SqlTypeTest {

    @Test
    void oids_matchPostgresCatalog() {
        assertThat(SqlType.INTEGER.oid()).isEqualTo(23);
        assertThat(SqlType.BIGINT.oid()).isEqualTo(20);
        assertThat(SqlType.VARCHAR.oid()).isEqualTo(1043);
        assertThat(SqlType.NUMERIC.oid()).isEqualTo(1700);
        assertThat(SqlType.TIMESTAMP.oid()).isEqualTo(1114);
        assertThat(SqlType.ofOid(701)).isEqualTo(SqlType.DOUBLE);
        assertThat(SqlType.ofOid(123456)).isNull();
    }

    @Test
    void format_usesPostgresTextForms() {
        assertThat(SqlType.BOOLEAN.format(true)).isEqualTo("t");
        assertThat(SqlType.BOOLEAN.format(false)).isEqualTo("f");
        assertThat(SqlType.DOUBLE.format(1.5)).isEqualTo("1.5");
        assertThat(SqlType.DOUBLE.format(2.0)).isEqualTo("2");
        assertThat(SqlType.DOUBLE.format(1e20)).isEqualTo("1e+20");
        assertThat(SqlType.DOUBLE.format(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(SqlType.DOUBLE.format(0.1)).isEqualTo("0.1");
        assertThat(SqlType.DOUBLE.format(Double.NaN)).isEqualTo("NaN");
        assertThat(SqlType.DOUBLE.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(SqlType.REAL.format(0.1f)).isEqualTo("0.1");
        assertThat(SqlType.REAL.format(16777216f)).isEqualTo("1.6777216e+07");
        assertThat(SqlType.REAL.format(123456f)).isEqualTo("123456");
        assertThat(SqlType.REAL.format(1e6f)).isEqualTo("1e+06");
        assertThat(SqlType.DOUBLE.format(16777216.0)).isEqualTo("16777216");
        assertThat(SqlType.DOUBLE.format(-0.0)).isEqualTo("-0");
        assertThat(SqlType.DOUBLE.format(0.0)).isEqualTo("0");
        assertThat(SqlType.DATE.format(LocalDate.of(10000, 1, 1))).isEqualTo("10000-01-01");
        assertThat(SqlType.NUMERIC.format(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(SqlType.NUMERIC.format(new BigDecimal("2.50"))).isEqualTo("2.50");
        assertThat(SqlType.TIMESTAMP.format(LocalDateTime.of(2024, 1, 2, 3, 4, 5))).isEqualTo("2024-01-02 03:04:05");
        assertThat(SqlType.TIMESTAMP.format(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000)))
                .isEqualTo("2024-01-02 03:04:05.12");
        assertThat(SqlType.DATE.format(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(SqlType.TEXT.format(null)).isNull();
    }

    @Test
    void parse_acceptsPostgresInputForms() {
        assertThat(SqlType.BOOLEAN.parse("yes")).isEqualTo(true);
        assertThat(SqlType.BOOLEAN.parse(" off ")).isEqualTo(false);
        assertThat(SqlType.INTEGER.parse(" 42 ")).isEqualTo(42);
        assertThat(SqlType.SMALLINT.parse("-7")).isEqualTo((short) -7);
        assertThat(SqlType.BIGINT.parse("9000000000")).isEqualTo(9_000_000_000L);
        assertThat(SqlType.DOUBLE.parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(SqlType.NUMERIC.parse("12.340")).isEqualTo(new BigDecimal("12.340"));
        assertThat(SqlType.TIMESTAMP.parse("2024-01-02 03:04:05.5")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000));
        assertThat(SqlType.TIMESTAMP.parse("2024-01-02")).isEqualTo(LocalDateTime.of(2024, 1, 2, 0, 0));
        assertThat(SqlType.DATE.parse("2024-01-02")).isEqualTo(LocalDate.of(2024, 1, 2));
    }

    @Test
    void parse_badInput_hasPostgresSqlStates() {
        assertThatThrownBy(() -> SqlType.INTEGER.parse("abc"))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
                    assertThat(e.getMessage()).isEqualTo("invalid input syntax for type integer: \"abc\"");
                });
        assertThatThrownBy(() -> SqlType.INTEGER.parse("3000000000"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE));
        assertThatThrownBy(() -> SqlType.SMALLINT.parse("40000"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE));
        assertThatThrownBy(() -> SqlType.DOUBLE.parse("1.2.3"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION));
        assertThatThrownBy(() -> SqlType.DATE.parse("2024-13-01"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_DATETIME_FORMAT));
        assertThatThrownBy(() -> SqlType.BOOLEAN.parse("maybe"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION));
    }

    @Test
    void sqlState_codesRoundTrip() {
        for (SqlState s : SqlState.values()) {
            assertThat(s.code()).hasSize(5);
            assertThat(SqlState.ofCode(s.code())).isEqualTo(s);
        }
        assertThat(SqlState.ofCode("ZZZZZ")).isEqualTo(SqlState.INTERNAL_ERROR);
    }

    @Test
    void column_typeDisplay_showsModifiers() {
        assertThat(new Column("a", SqlType.VARCHAR, Column.varcharTypmod(20)).typeDisplay())
                .isEqualTo("character varying(20)");
        assertThat(new Column("a", SqlType.NUMERIC, Column.numericTypmod(10, 2)).typeDisplay())
                .isEqualTo("numeric(10,2)");
        assertThat(new Column("a", SqlType.INTEGER).typeDisplay()).isEqualTo("integer");
    }
}
