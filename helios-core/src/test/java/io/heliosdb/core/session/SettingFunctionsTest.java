package io.heliosdb.core.session;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import org.junit.jupiter.api.Test;

/**
 * set_config() and current_setting() through a kernel session: how long a value lasts (statement, block,
 * session), custom placeholders, and is_superuser following SET ROLE / SET SESSION AUTHORIZATION.
 */
class SettingFunctionsTest {

    @Test
    void setConfigLocal_outsideABlock_lastsUntilItsStatementEnds() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            assertThat(rows(s, "select set_config('statement_timeout', '2s', true), current_setting('statement_timeout')"))
                    .containsExactly("2s|2s");
            assertThat(rows(s, "show statement_timeout")).containsExactly("0");
            assertThat(rows(s, "select set_config('app.x', 'v', true), current_setting('app.x')")).containsExactly("v|v");
            // As in PostgreSQL, a custom placeholder once set stays defined, empty.
            assertThat(rows(s, "select current_setting('app.x')")).containsExactly("");
        }
    }

    @Test
    void setConfigLocal_inAStreamedResult_revertsWhenTheResultIsDone() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            try (QueryResult r = s.execute("select set_config('app.n', g::text, true) from generate_series(1, 3) g")) {
                int rows = 0;
                while (r.next()) {
                    rows++;
                    assertThat(r.row().getString(0)).isEqualTo(String.valueOf(rows));
                }
                assertThat(rows).isEqualTo(3);
            }
            assertThat(s.setting("app.n")).isEmpty();
        }
    }

    @Test
    void setConfig_inABlock_localRevertsAtCommit_sessionRevertsAtRollback() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("begin").close();
            rows(s, "select set_config('lock_timeout', '90s', true)");
            assertThat(rows(s, "show lock_timeout")).containsExactly("90s");
            s.execute("commit").close();
            assertThat(rows(s, "show lock_timeout")).containsExactly("0");

            s.execute("begin").close();
            rows(s, "select set_config('application_name', 'orm', false)");
            assertThat(rows(s, "select current_setting('application_name')")).containsExactly("orm");
            s.execute("rollback").close();
            assertThat(rows(s, "show application_name")).containsExactly("");

            rows(s, "select set_config('application_name', 'kept', false)");
            assertThat(s.setting("application_name")).isEqualTo("kept");
        }
    }

    @Test
    void setLocal_outsideABlock_stillHasNoEffect() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("set local statement_timeout = '5s'").close();
            assertThat(rows(s, "show statement_timeout")).containsExactly("0");
        }
    }

    @Test
    void unknownNames_andFixedSettings() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            assertThat(failure(() -> rows(s, "select current_setting('nope')")).sqlState())
                    .isEqualTo(SqlState.UNDEFINED_OBJECT);
            assertThat(failure(() -> rows(s, "select set_config('nope', '1', false)")).sqlState())
                    .isEqualTo(SqlState.UNDEFINED_OBJECT);
            assertThat(failure(() -> rows(s, "select current_setting('app.never')")).sqlState())
                    .isEqualTo(SqlState.UNDEFINED_OBJECT);
            assertThat(rows(s, "select current_setting('app.never', true) is null")).containsExactly("true");
            assertThat(failure(s, "set server_version = '1'").sqlState()).isEqualTo(SqlState.CANT_CHANGE_RUNTIME_PARAM);
            assertThat(failure(() -> rows(s, "select set_config('is_superuser', 'off', false)")).sqlState())
                    .isEqualTo(SqlState.CANT_CHANGE_RUNTIME_PARAM);
            assertThat(s.setting("is_superuser")).isEqualTo("on");
        }
    }

    @Test
    void isSuperuser_followsTheCurrentRole() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create role plain login").close();
            s.execute("set role plain").close();
            assertThat(s.setting("is_superuser")).isEqualTo("off");
            s.execute("reset role").close();
            assertThat(s.setting("is_superuser")).isEqualTo("on");

            s.execute("set session authorization plain").close();
            assertThat(rows(s, "show is_superuser")).containsExactly("off");
            assertThat(s.setting("session_authorization")).isEqualTo("plain");
            s.execute("reset session authorization").close();
            assertThat(s.setting("is_superuser")).isEqualTo("on");

            s.execute("begin").close();
            s.execute("set local role plain").close();
            assertThat(s.setting("is_superuser")).isEqualTo("off");
            s.execute("commit").close();
            assertThat(s.setting("is_superuser")).isEqualTo("on");

            rows(s, "select set_config('role', 'plain', false)");
            assertThat(s.setting("is_superuser")).isEqualTo("off");
        }
    }

    @Test
    void idleSessionTimeout_isADurationSetting() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            assertThat(rows(s, "show idle_session_timeout")).containsExactly("0");
            s.execute("set idle_session_timeout = 300000").close();
            assertThat(rows(s, "show idle_session_timeout")).containsExactly("5min");
            assertThat(failure(s, "set idle_session_timeout = -1").sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
        }
    }
}
