package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.HeliosConfig;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * timestamptz and timetz text without a zone is read in the session's TimeZone, as PostgreSQL does, whichever
 * way it arrives: a literal assigned to a column, a text parameter (a wire Bind in text format) or a COPY field.
 */
class ZonedTextInputTest {

    private static List<String> rows(Session s) {
        return s.execute("select id, ts::text, t::text from z order by id").toList().stream()
                .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2)).toList();
    }

    @Test
    void literalParameterAndCopy_readZonelessTextInTheSessionZone() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table z (id int primary key, ts timestamptz, t timetz)");
            s.execute("set time zone 'Asia/Kolkata'");
            s.execute("insert into z values (1, '2024-07-01 10:00', '10:00')");
            PreparedQuery insert = s.prepare("insert into z values ($1, $2, $3)",
                    List.of(SqlType.INTEGER, SqlType.TIMESTAMPTZ, SqlType.TIMETZ));
            insert.execute(2, "2024-07-01 10:00", "10:00");
            insert.execute(3, "2024-07-01 10:00+00", "10:00-01");
            s.copyIn("copy z from stdin", new StringReader("4\t2024-07-01 10:00\t10:00\n5\t2024-07-01 10:00Z\t10:00+02\n"));
            assertThat(rows(s)).containsExactly(
                    "1|2024-07-01 10:00:00+05:30|10:00:00+05:30",
                    "2|2024-07-01 10:00:00+05:30|10:00:00+05:30",
                    "3|2024-07-01 15:30:00+05:30|10:00:00-01",
                    "4|2024-07-01 10:00:00+05:30|10:00:00+05:30",
                    "5|2024-07-01 15:30:00+05:30|10:00:00+02");
            s.execute("reset timezone");
            assertThat(s.execute("select ts::text from z where id = 4").toList().get(0).get(0))
                    .isEqualTo("2024-07-01 04:30:00+00");
        }
    }

    @Test
    void textParameterOfPrecisionColumn_isRoundedAfterItIsRead() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table p (id int primary key, ts timestamptz(1), t time(2))");
            s.execute("set time zone 'America/New_York'");
            s.prepare("insert into p values ($1, $2, $3)", List.of(SqlType.INTEGER, SqlType.TIMESTAMPTZ, SqlType.TIME))
                    .execute(1, "2024-01-01 10:00:00.36", "10:00:00.125");
            s.copyIn("copy p from stdin", new StringReader("2\t2024-01-01 10:00:00.04\t10:00:00.994\n"));
            assertThat(s.execute("select id, ts::text, t::text from p order by id").toList().stream()
                    .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2)).toList())
                    .containsExactly("1|2024-01-01 10:00:00.4-05|10:00:00.13", "2|2024-01-01 10:00:00-05|10:00:00.99");
        }
    }
}
