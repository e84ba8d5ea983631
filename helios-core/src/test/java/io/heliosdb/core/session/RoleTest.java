package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.LoginRole;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE / ALTER / DROP ROLE through the embedded API, and what the catalog views and log-in lookups see. */
class RoleTest {
    @TempDir
    Path dir;

    private static List<String> column(Session s, String sql) {
        return s.execute(sql).toList().stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    private static SqlState failure(Runnable action) {
        try {
            action.run();
        } catch (HeliosException e) {
            return e.sqlState();
        }
        throw new AssertionError("expected an error");
    }

    @Test
    void createRole_storesOnlyAScramVerifier() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create role alice with login password 'secret'").close();
            String stored = column(s, "select rolpassword from pg_authid where rolname = 'alice'").get(0);
            assertThat(stored).matches("SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+")
                    .doesNotContain("secret");
            assertThat(column(s, "select rolpassword from pg_roles where rolname = 'alice'")).containsExactly("********");
            assertThat(db.loginRole("alice")).get().extracting(LoginRole::verifier).isEqualTo(stored);
            assertThat(db.loginRole("alice").get().canLogin()).isTrue();
        }
    }

    @Test
    void createRole_keepsAGivenVerifierAsItIs() {
        String verifier = "SCRAM-SHA-256$4096:c2FsdHNhbHRzYWx0c2FsdA==$"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA=";
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create user bob password '" + verifier + "'").close();
            assertThat(db.loginRole("bob").get().verifier()).isEqualTo(verifier);
        }
    }

    @Test
    void createRoleAndUser_differInLogin() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create role r1").close();
            s.execute("create user u1 createdb").close();
            s.execute("create role r2 superuser nologin password null").close();
            assertThat(column(s, "select rolname || ':' || rolcanlogin || ':' || rolsuper || ':' || rolcreatedb"
                    + " from pg_roles order by oid")).containsExactly("postgres:true:true:true", "r1:false:false:false",
                    "u1:true:false:true", "r2:false:true:false");
            assertThat(column(s, "select usename from pg_user order by usesysid")).containsExactly("postgres", "u1");
        }
    }

    @Test
    void duplicateAndUnknownRoles_fail() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create role alice").close();
            assertThat(failure(() -> s.execute("create role alice"))).isEqualTo(SqlState.DUPLICATE_OBJECT);
            assertThat(failure(() -> s.execute("create role postgres"))).isEqualTo(SqlState.DUPLICATE_OBJECT);
            assertThat(failure(() -> s.execute("alter role nobody login"))).isEqualTo(SqlState.UNDEFINED_OBJECT);
            assertThat(failure(() -> s.execute("drop role nobody"))).isEqualTo(SqlState.UNDEFINED_OBJECT);
            s.execute("drop role if exists nobody").close();
            assertThat(failure(() -> s.execute("drop role postgres"))).isEqualTo(SqlState.OBJECT_IN_USE);
            assertThat(failure(() -> s.execute("create role x frobnicate"))).isEqualTo(SqlState.SYNTAX_ERROR);
            assertThat(failure(() -> s.execute("create role pg_x"))).isEqualTo(SqlState.RESERVED_NAME);
        }
    }

    @Test
    void alterAndDrop_changeTheRole() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create role alice password 'one'").close();
            String before = db.loginRole("alice").get().verifier();
            s.execute("alter user alice with login password 'two'").close();
            assertThat(db.loginRole("alice").get().verifier()).isNotEqualTo(before);
            assertThat(db.loginRole("alice").get().canLogin()).isTrue();
            s.execute("alter role alice password null").close();
            assertThat(db.loginRole("alice").get().verifier()).isNull();
            s.execute("drop role alice").close();
            assertThat(db.loginRole("alice")).isEmpty();
        }
    }

    @Test
    void onlySuperusers_manageRoles() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("create role alice login password 'pw'").close();
            s.execute("create role bob").close();
            try (Session alice = db.session("alice")) {
                assertThat(alice.setting("is_superuser")).isEqualTo("off");
                assertThat(column(alice, "select current_user")).containsExactly("alice");
                assertThat(failure(() -> alice.execute("create role carol"))).isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE);
                assertThat(failure(() -> alice.execute("drop role bob"))).isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE);
                assertThat(failure(() -> alice.execute("alter role alice superuser")))
                        .isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE);
                alice.execute("alter role alice password 'changed'").close(); // a role may change its own password
            }
            assertThat(s.setting("is_superuser")).isEqualTo("on");
        }
    }

    @Test
    void roleDdl_isTransactional() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("begin").close();
            s.execute("create role ghost").close();
            assertThat(column(s, "select count(*) from pg_roles where rolname = 'ghost'")).containsExactly("1");
            assertThat(db.loginRole("ghost")).isEmpty(); // not committed yet
            s.execute("rollback").close();
            assertThat(column(s, "select count(*) from pg_roles where rolname = 'ghost'")).containsExactly("0");
        }
    }

    @Test
    void roles_surviveAReopen() {
        HeliosConfig config = HeliosConfig.persistent(dir.resolve("db"));
        String verifier;
        try (HeliosDB db = HeliosDB.open(config); Session s = db.session()) {
            s.execute("create user alice password 'secret'").close();
            verifier = db.loginRole("alice").get().verifier();
        }
        try (HeliosDB db = HeliosDB.open(config); Session s = db.session()) {
            assertThat(db.loginRole("alice").get().verifier()).isEqualTo(verifier);
            assertThat(column(s, "select rolname from pg_roles order by oid")).containsExactly("postgres", "alice");
        }
    }
}
