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

/** SET ROLE, SET SESSION AUTHORIZATION, current_user vs session_user, CREATE ROLE ... USER, INHERIT. */
class SetRoleTest {

    @TempDir
    Path dir;

    private static void roles(Session s) {
        s.execute("create role alice login");
        s.execute("create role grp noinherit");
        s.execute("create role bob login in role grp");
        s.execute("create role g2 user alice");
    }

    private static String users(Session s) {
        return rows(s, "select current_user, current_role, session_user, user").get(0);
    }

    @Test
    void setRole_changesCurrentUserButNotSessionUser() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            roles(s);
            String admin = rows(s, "select session_user").get(0);
            assertThat(rows(s, "show role")).containsExactly("none");
            s.execute("set role alice");
            assertThat(users(s)).isEqualTo("alice|alice|" + admin + "|alice");
            assertThat(rows(s, "show role")).containsExactly("alice");
            assertThat(rows(s, "show session_authorization")).containsExactly(admin);
            s.execute("reset role");
            assertThat(users(s)).isEqualTo(admin + "|" + admin + "|" + admin + "|" + admin);
            s.execute("set role 'grp'");
            s.execute("set role none");
            assertThat(rows(s, "select current_user")).containsExactly(admin);
            HeliosException e = failure(s, "set role nosuch");
            assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
            assertThat(e.getMessage()).isEqualTo("role \"nosuch\" does not exist");
            s.execute("begin");
            s.execute("set local role alice");
            assertThat(rows(s, "select current_user")).containsExactly("alice");
            s.execute("commit");
            assertThat(rows(s, "select current_user")).containsExactly(admin);
        }
    }

    @Test
    void sessionAuthorization_andMembershipRules() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            roles(s);
            String admin = rows(s, "select session_user").get(0);
            s.execute("set session authorization bob");
            assertThat(users(s)).isEqualTo("bob|bob|bob|bob");
            assertThat(rows(s, "show role")).containsExactly("none");
            s.execute("set role grp"); // bob is a member of grp (NOINHERIT does not stop SET ROLE)
            assertThat(rows(s, "select current_user, session_user")).containsExactly("grp|bob");
            HeliosException e = failure(s, "set role alice");
            assertThat(e.sqlState()).isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE);
            assertThat(e.getMessage()).isEqualTo("permission denied to set role \"alice\"");
            assertThat(rows(s, "select current_user")).containsExactly("grp");
            // The user who logged in is a superuser, so switching again is allowed.
            s.execute("set session authorization alice");
            assertThat(rows(s, "select current_user, session_user")).containsExactly("alice|alice");
            s.execute("reset session authorization");
            assertThat(rows(s, "select current_user, session_user")).containsExactly(admin + "|" + admin);
            s.execute("set session authorization 'bob'");
            s.execute("set session authorization default");
            assertThat(rows(s, "select session_user")).containsExactly(admin);
        }
    }

    @Test
    void nonSuperuserLogin_canOnlySwitchWithinItsMemberships() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory())) {
            try (Session s = db.session()) {
                roles(s);
            }
            try (Session alice = db.session("alice")) {
                HeliosException e = failure(alice, "set session authorization bob");
                assertThat(e.sqlState()).isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE);
                assertThat(e.getMessage()).isEqualTo("permission denied to set session authorization \"bob\"");
                alice.execute("set session authorization alice");
                alice.execute("set role g2"); // alice is a member of g2 through CREATE ROLE g2 USER alice
                assertThat(rows(alice, "select current_user, session_user")).containsExactly("g2|alice");
                assertThat(failure(alice, "create role y").sqlState()).isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE);
                assertThat(failure(alice, "set role grp").sqlState()).isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE);
            }
        }
    }

    @Test
    void superuserPrivileges_followTheCurrentRole() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            roles(s);
            s.execute("set role alice");
            HeliosException e = failure(s, "create role z");
            assertThat(e.sqlState()).isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE);
            s.execute("reset role");
            s.execute("create role z");
        }
    }

    @Test
    void inheritAndUserMembers_areStored() {
        HeliosConfig config = HeliosConfig.persistent(dir.resolve("db"));
        try (HeliosDB db = HeliosDB.open(config); Session s = db.session()) {
            roles(s);
            assertThat(failure(s, "create role zz noinherit inherit").sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        }
        try (HeliosDB db = HeliosDB.open(config); Session s = db.session()) {
            assertThat(rows(s, "select rolname, rolinherit from pg_roles where rolname in ('alice', 'grp', 'bob', 'g2')"
                    + " order by 1")).containsExactly("alice|true", "bob|true", "g2|true", "grp|false");
            assertThat(rows(s, "select r.rolname, m.rolname from pg_auth_members a join pg_roles r on r.oid = a.roleid"
                    + " join pg_roles m on m.oid = a.member order by 1")).containsExactly("g2|alice", "grp|bob");
            s.execute("alter role grp inherit");
            assertThat(rows(s, "select rolinherit from pg_roles where rolname = 'grp'")).containsExactly("true");
        }
    }
}
