package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * Role options over the wire: CONNECTION LIMIT, VALID UNTIL, md5-hashed passwords, membership
 * (pg_auth_members, psql's \du), RENAME TO, and unknown roles under trust.
 */
class RoleOptionsTest {

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static String sqlState(Throwable t) {
        return t instanceof SQLException e ? e.getSQLState() : null;
    }

    @Test
    void trust_refusesAnUnknownRoleButAdmitsTheBootstrapUserAndCreatedRoles() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip()) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("user=nobody")).close())
                    .isInstanceOf(PSQLException.class)
                    .hasMessageContaining("role \"nobody\" does not exist")
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28000"));
            try (Connection boot = DriverManager.getConnection(server.jdbcUrl());
                 Statement s = boot.createStatement()) {
                s.execute("create user carol");
            }
            try (Connection carol = DriverManager.getConnection(server.jdbcUrl("user=carol"))) {
                assertThat(rows(carol, "select current_user")).containsExactly("carol");
            }
        }
    }

    @Test
    void connectionLimit_refusesTheSessionPastTheLimit() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip()) {
            try (Connection boot = DriverManager.getConnection(server.jdbcUrl());
                 Statement s = boot.createStatement()) {
                s.execute("create user dave connection limit 1");
                assertThat(rows(boot, "select rolconnlimit from pg_roles where rolname = 'dave'")).containsExactly("1");
            }
            try (Connection first = DriverManager.getConnection(server.jdbcUrl("user=dave"))) {
                assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("user=dave")).close())
                        .hasMessageContaining("too many connections for role \"dave\"")
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("53300"));
                assertThat(rows(first, "select 1")).containsExactly("1");
            }
            // the slot is free again once the server has ended the first session; the client's close() does
            // not wait for that (in PostgreSQL either), so a refusal with 53300 is retried for a while
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            Connection again = null;
            while (again == null) {
                try {
                    again = DriverManager.getConnection(server.jdbcUrl("user=dave"));
                } catch (SQLException refused) {
                    assertThat(sqlState(refused)).isEqualTo("53300");
                    assertThat(System.nanoTime()).as("dave's slot still taken after 30 s").isLessThan(deadline);
                    Thread.sleep(5); // the server ends the session on its own thread: there is nothing to wait on
                }
            }
            try (Connection c = again) {
                assertThat(rows(c, "select current_user")).containsExactly("dave");
            }
        }
    }

    @Test
    void md5Hash_isStoredAsGivenAndChecksMd5AndPasswordLogins() throws Exception {
        String hash = io.heliosdb.wire.auth.Md5Password.hash("secret", "erin");
        for (String method : List.of("md5", "password")) {
            try (KernelServer server = KernelServer.startOrSkip(c -> c.withAuth(method, "postgres", "bootpw"))) {
                try (Connection boot = DriverManager.getConnection(server.jdbcUrl("user=postgres&password=bootpw"));
                     Statement s = boot.createStatement()) {
                    s.execute("create user erin password '" + hash + "'");
                    assertThat(rows(boot, "select rolpassword from pg_authid where rolname = 'erin'")).containsExactly(hash);
                }
                try (Connection erin = DriverManager.getConnection(server.jdbcUrl("user=erin&password=secret"))) {
                    assertThat(rows(erin, "select current_user")).containsExactly("erin");
                }
                assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("user=erin&password=wrong")).close())
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28P01"));
            }
        }
    }

    @Test
    void validUntil_inThePastRefusesThePassword() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip(c -> c.withAuth("scram-sha-256", "postgres", "bootpw"))) {
            try (Connection boot = DriverManager.getConnection(server.jdbcUrl("user=postgres&password=bootpw"));
                 Statement s = boot.createStatement()) {
                s.execute("create user frank password 'pw' valid until '2001-01-01 00:00:00+00'");
                s.execute("create user grace password 'pw' valid until '2999-01-01'");
                assertThat(rows(boot, "select rolvaliduntil from pg_roles where rolname = 'frank'"))
                        .containsExactly("2001-01-01 00:00:00+00");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("user=frank&password=pw")).close())
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28P01"));
            try (Connection grace = DriverManager.getConnection(server.jdbcUrl("user=grace&password=pw"))) {
                assertThat(rows(grace, "select current_user")).containsExactly("grace");
            }
        }
    }

    @Test
    void rename_keepsAScramVerifierAndClearsAnMd5Hash() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip(c -> c.withAuth("scram-sha-256", "postgres", "bootpw"));
             Connection boot = DriverManager.getConnection(server.jdbcUrl("user=postgres&password=bootpw"));
             Statement s = boot.createStatement()) {
            s.execute("create user r2 password 'md50123456789abcdef0123456789abcdef'");
            s.execute("alter role r2 rename to r3");
            SQLWarning warning = s.getWarnings();
            assertThat((Object) warning).isNotNull();
            assertThat(warning.getMessage()).contains("MD5 password cleared because of role rename");
            s.execute("create user r4 password 'secret'");
            s.execute("alter role r4 rename to r5");
            assertThat(rows(boot, "select rolname, rolpassword is null from pg_authid where rolname in ('r3', 'r5')"
                    + " order by 1")).containsExactly("r3|t", "r5|f");
            try (Connection r5 = DriverManager.getConnection(server.jdbcUrl("user=r5&password=secret"))) {
                assertThat(rows(r5, "select current_user")).containsExactly("r5");
            }
            assertThatThrownBy(() -> s.execute("alter role r5 rename to r3"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42710"));
        }
    }

    @Test
    void membership_showsInPgAuthMembersAndPsql() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip();
             Connection boot = DriverManager.getConnection(server.jdbcUrl());
             Statement s = boot.createStatement()) {
            s.execute("create role g1");
            s.execute("create role m1 in role g1");
            s.execute("create role g2 role m1");
            s.execute("create user r5");
            s.execute("grant g1 to r5");
            assertThat(rows(boot, "select roleid::regrole, member::regrole, grantor::regrole, admin_option"
                    + " from pg_auth_members order by 1, 2")).containsExactly("g1|m1|postgres|f", "g1|r5|postgres|f",
                    "g2|m1|postgres|f");
            assertThatThrownBy(() -> s.execute("grant m1 to g1"))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("0LP01"));
            s.execute("alter role g1 rename to g0");
            s.execute("revoke g0 from r5");
            Psql.assumeInstalled();
            Psql.Outcome du = Psql.run(Psql.conninfo(server.transport.port(), "postgres"), Map.of(), "\\du");
            assertThat(du.exitCode()).as(du.output()).isZero();
            // As PostgreSQL 15 prints it for the same roles.
            assertThat(du.output().strip()).isEqualTo("""
                    g0|Cannot login|{}
                    g2|Cannot login|{}
                    m1|Cannot login|{g0,g2}
                    postgres|Superuser, Create role, Create DB, Replication, Bypass RLS|{}
                    r5||{}""");
            s.execute("drop role g2");
            assertThat(rows(boot, "select member::regrole from pg_auth_members")).containsExactly("m1");
        }
    }
}
