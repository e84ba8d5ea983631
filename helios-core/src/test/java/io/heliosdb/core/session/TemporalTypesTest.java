package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** timestamptz, time, interval, char(n), bytea and uuid through the embedded API, stored and read back. */
class TemporalTypesTest {

    private static List<String> texts(QueryResult r) {
        List<String> out = new ArrayList<>();
        while (r.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.columns().size(); i++) {
                sb.append(i == 0 ? "" : "|").append(r.row().getText(i));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void storedValues_roundTripInTextForm() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create table t (id int primary key, ts timestamptz, t time, i interval, c char(3), b bytea, u uuid)");
            s.execute("insert into t values (1, '2024-01-02 03:04:05+02', '10:11:12.5', '1 year 2 mons -3 days 04:05:06.5', "
                    + "'ab', '\\x00ff', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')");
            assertThat(texts(s.execute("select ts, t, i, c, b, u, c = 'ab', length(b) from t")))
                    .containsExactly("2024-01-02 01:04:05+00|10:11:12.5|1 year 2 mons -3 days +04:05:06.5|ab |\\x00ff"
                            + "|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|t|2");
        }
    }

    @Test
    void timestamptz_isShownInTheSessionTimeZone() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create table t (ts timestamptz primary key)");
            s.execute("insert into t values ('2024-06-01 12:00:00+00')");
            s.execute("set time zone 'Europe/Paris'");
            assertThat(texts(s.execute("select ts, extract(hour from ts), to_char(ts, 'YYYY-MM-DD HH24:MI') from t")))
                    .containsExactly("2024-06-01 14:00:00+02|14|2024-06-01 14:00");
        }
    }

    @Test
    void arithmeticAndFunctions_matchPostgreSql() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            assertThat(texts(s.execute("select date '2024-01-31' + interval '1 month', timestamp '2024-03-01 10:00' - "
                    + "timestamp '2024-01-01', time '10:00' + interval '15 hours', age(timestamp '2024-03-15', "
                    + "timestamp '2023-01-20 10:00'), date_trunc('month', timestamp '2024-03-15 10:11'), "
                    + "extract(epoch from timestamp '2024-01-01 00:00:01.5'), to_char(timestamp '2024-03-05 14:07:09', "
                    + "'FMMonth DD Dy HH12 AM'), make_date(2024, 2, 29)")))
                    .containsExactly("2024-02-29 00:00:00|60 days 10:00:00|01:00:00|1 year 1 mon 25 days 14:00:00"
                            + "|2024-03-01 00:00:00|1704067201.500000|March 05 Tue 02 PM|2024-02-29");
        }
    }

    @Test
    void badInput_reportsPostgreSqlStates() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create table c (v char(2))");
            assertThatThrownBy(() -> s.execute("insert into c values ('abc')"))
                    .isInstanceOfSatisfying(HeliosException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.STRING_DATA_RIGHT_TRUNCATION));
            assertThatThrownBy(() -> s.execute("select 'nope'::uuid")).isInstanceOfSatisfying(HeliosException.class,
                    e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION));
            assertThatThrownBy(() -> s.execute("select interval 'soon'")).isInstanceOfSatisfying(HeliosException.class,
                    e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_DATETIME_FORMAT));
        }
    }
}
