package io.heliosdb.core.session;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WITH [LOCAL | CASCADED] CHECK OPTION and ALTER VIEW ... SET/RESET (check_option), through the embedded API. */
class ViewCheckOptionTest {

    @TempDir
    Path dir;

    private static void setUp(Session s) {
        s.execute("create table t (a int primary key, b text, c int default 5)");
        s.execute("create view v1 as select a, b from t where a > 0");
        s.execute("create view v2 as select a, b from v1 where a < 10 with cascaded check option");
        s.execute("create view v3 as select a, b from v1 where a < 10 with local check option");
    }

    @Test
    void cascaded_checksEveryLevel_innermostNamed() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            HeliosException e = failure(s, "insert into v2 values (-1, 'x')");
            assertThat(e.sqlState()).isEqualTo(SqlState.WITH_CHECK_OPTION_VIOLATION);
            assertThat(e.getMessage()).isEqualTo("new row violates check option for view \"v1\"");
            assertThat(e.detail()).isEqualTo("Failing row contains (-1, x, 5).");
            assertThat(failure(s, "insert into v2 values (11, 'x')").getMessage())
                    .isEqualTo("new row violates check option for view \"v2\"");
            assertThat(rows(s, "insert into v2 values (3, 'ok') returning *")).containsExactly("3|ok");
            e = failure(s, "update v2 set a = 20");
            assertThat(e.getMessage()).isEqualTo("new row violates check option for view \"v2\"");
            assertThat(e.detail()).isEqualTo("Failing row contains (20, ok, 5).");
            assertThat(rows(s, "select * from t")).containsExactly("3|ok|5");
        }
    }

    @Test
    void local_checksOnlyItsOwnCondition_andNullFails() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            assertThat(rows(s, "insert into v3 values (-1, 'below') returning a")).containsExactly("-1");
            assertThat(failure(s, "insert into v3 values (11, 'x')").getMessage())
                    .isEqualTo("new row violates check option for view \"v3\"");
            HeliosException e = failure(s, "insert into v3 (b) values ('no key')");
            assertThat(e.sqlState()).isEqualTo(SqlState.NOT_NULL_VIOLATION);
            s.execute("create table n (a int, b text)");
            s.execute("create view nv as select a, b from n where a > 0 with check option");
            e = failure(s, "insert into nv (b) values ('null a')");
            assertThat(e.sqlState()).isEqualTo(SqlState.WITH_CHECK_OPTION_VIOLATION);
            assertThat(e.detail()).isEqualTo("Failing row contains (null, null a).");
        }
    }

    @Test
    void viewWithoutOption_overCheckedView_isCheckedBelowOnly() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            s.execute("create view v4 as select a, b from v2 where a <> 5");
            assertThat(failure(s, "insert into v4 values (-2, 'y')").getMessage())
                    .isEqualTo("new row violates check option for view \"v1\"");
            assertThat(rows(s, "insert into v4 values (5, 'y') returning a")).containsExactly("5");
        }
    }

    @Test
    void uniqueViolation_comesBeforeTheCheck() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            s.execute("insert into t values (-1, 'x')");
            assertThat(failure(s, "insert into v2 values (-1, 'dup')").sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
        }
    }

    @Test
    void alterView_setsAndResets_andInformationSchemaShowsIt() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            s.execute("create view agg as select count(*) from t");
            assertThat(rows(s, "select table_name, check_option, is_updatable, is_insertable_into"
                    + " from information_schema.views order by 1"))
                    .containsExactly("agg|NONE|NO|NO", "v1|NONE|YES|YES", "v2|CASCADED|YES|YES", "v3|LOCAL|YES|YES");
            assertThat(rows(s, "select is_insertable_into from information_schema.tables where table_name = 'agg'"))
                    .containsExactly("NO");
            s.execute("alter view v1 set (check_option = local)");
            assertThat(failure(s, "insert into v3 values (-1, 'x')").getMessage())
                    .isEqualTo("new row violates check option for view \"v1\"");
            s.execute("alter view v1 reset (check_option)");
            s.execute("insert into v3 values (-1, 'x')");
            s.execute("alter view v3 set (check_option = 'cascaded')");
            assertThat(rows(s, "select check_option from information_schema.views where table_name = 'v3'"))
                    .containsExactly("CASCADED");
            HeliosException e = failure(s, "alter view v1 set (check_option = foo)");
            assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).isEqualTo("invalid value for enum option \"check_option\": foo");
            e = failure(s, "alter view agg set (check_option = local)");
            assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
            assertThat(e.hint()).isEqualTo("Views that return aggregate functions are not automatically updatable.");
            e = failure(s, "create view g as select count(*) from t with check option");
            assertThat(e.getMessage()).isEqualTo("WITH CHECK OPTION is supported only on automatically updatable views");
            s.execute("create view g2 with (check_option = local) as select a from t where a > 0");
            assertThat(failure(s, "insert into g2 values (0)").sqlState())
                    .isEqualTo(SqlState.WITH_CHECK_OPTION_VIOLATION);
            assertThat(failure(s, "alter view nosuch set (check_option = local)").sqlState())
                    .isEqualTo(SqlState.UNDEFINED_TABLE);
            s.execute("alter view if exists nosuch reset (check_option)");
        }
    }

    @Test
    void checkOption_survivesReopen() {
        HeliosConfig config = HeliosConfig.persistent(dir.resolve("db"));
        try (HeliosDB db = HeliosDB.open(config); Session s = db.session()) {
            setUp(s);
        }
        try (HeliosDB db = HeliosDB.open(config); Session s = db.session()) {
            assertThat(rows(s, "select table_name, check_option from information_schema.views order by 1"))
                    .containsExactly("v1|NONE", "v2|CASCADED", "v3|LOCAL");
            assertThat(failure(s, "insert into v2 values (11, 'x')").sqlState())
                    .isEqualTo(SqlState.WITH_CHECK_OPTION_VIOLATION);
        }
    }
}
