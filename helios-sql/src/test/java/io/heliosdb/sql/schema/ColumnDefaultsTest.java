package io.heliosdb.sql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import org.junit.jupiter.api.Test;

/** DEFAULT texts as PostgreSQL 15's pg_get_expr prints them (checked against a real server). */
class ColumnDefaultsTest {

    private static String shown(SqlType type, String written) {
        return ColumnDefaults.display(new ColumnDef("c", type, -1, false, written), name -> "s." + name);
    }

    @Test
    void display_labelsStringsWithTheColumnType() {
        assertThat(shown(SqlType.TEXT, "'abc'")).isEqualTo("'abc'::text");
        assertThat(shown(SqlType.VARCHAR, "'x'")).isEqualTo("'x'::character varying");
        assertThat(shown(SqlType.DATE, "'2020-1-2'")).isEqualTo("'2020-01-02'::date");
        assertThat(shown(SqlType.INTEGER, "'5'")).isEqualTo("5");
        assertThat(shown(SqlType.BOOLEAN, "'yes'")).isEqualTo("true");
    }

    @Test
    void display_showsNumbersBareUnlessNegative() {
        assertThat(shown(SqlType.INTEGER, "0")).isEqualTo("0");
        assertThat(shown(SqlType.BIGINT, "7")).isEqualTo("7");
        assertThat(shown(SqlType.NUMERIC, "1.50")).isEqualTo("1.50");
        assertThat(shown(SqlType.INTEGER, "-1")).isEqualTo("'-1'::integer");
        assertThat(shown(SqlType.NUMERIC, "-1.5")).isEqualTo("'-1.5'::numeric");
        assertThat(shown(SqlType.BIGINT, "10000000000")).isEqualTo("'10000000000'::bigint");
    }

    @Test
    void display_showsCallsAsPostgres() {
        assertThat(shown(SqlType.TIMESTAMPTZ, "now()")).isEqualTo("now()");
        assertThat(shown(SqlType.TIMESTAMPTZ, "CURRENT_TIMESTAMP")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(shown(SqlType.INTEGER, "nextval('t_id_seq')")).isEqualTo("nextval('s.t_id_seq'::regclass)");
        assertThat(shown(SqlType.TEXT, "'a'::text")).isEqualTo("'a'::text");
        assertThat(shown(SqlType.INTEGER, null)).isNull();
    }
}
