package io.heliosdb.core.session;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** statement_timeout and its kin take PostgreSQL's units, rounding and errors, and SHOW prints them as it does. */
class DurationSettingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1500us;2ms", "2500us;2ms", "1.5s;1500ms", "60s;1min", "90min;90min", "24h;1d", "2d;2d", "1000;1s",
            "1.5;2ms", "0.4;0", "5 s;5s", "' 7ms ';7ms", "1e3;1s", "0;0", "3600001;3600001ms", "1 d;1d"})
    void normalize_roundsToMillisecondsAndShowsTheLargestExactUnit(String written, String shown) {
        assertThat(DurationSettings.normalize("statement_timeout", written)).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5S", "5 sec", "soon", "", "-1", "3000000000", "30d", "1 ms 2"})
    void normalize_badValue_is22023(String written) {
        assertThatThrownBy(() -> DurationSettings.normalize("statement_timeout", written))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE));
    }

    @Test
    void badUnit_hintsTheValidOnes() {
        assertThatThrownBy(() -> DurationSettings.normalize("lock_timeout", "5 sec"))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.getMessage()).contains("invalid value for parameter \"lock_timeout\": \"5 sec\"");
                    assertThat(e.hint()).contains("\"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\"");
                });
    }

    @Test
    void setAndShow_throughASession_andTheTimeoutStillApplies() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("set statement_timeout = '1.5s'");
            assertThat(rows(s, "show statement_timeout")).containsExactly("1500ms");
            s.execute("set lock_timeout = 120000");
            assertThat(rows(s, "show lock_timeout")).containsExactly("2min");
            s.execute("set idle_in_transaction_session_timeout = '1h'");
            assertThat(rows(s, "show idle_in_transaction_session_timeout")).containsExactly("1h");
            assertThat(rows(s, "select setting, unit from pg_settings where name = 'lock_timeout'"))
                    .containsExactly("120000|ms");
            assertThat(failure(s, "set statement_timeout = '5 sec'").sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
            assertThat(rows(s, "show statement_timeout")).containsExactly("1500ms");
            s.execute("set statement_timeout = '1us'");   // rounds to 0: no limit
            assertThat(rows(s, "show statement_timeout")).containsExactly("0");
            s.execute("reset statement_timeout");
            assertThat(rows(s, "show statement_timeout")).containsExactly("0");
        }
    }
}
