package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.spi.Transport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles made with CREATE ROLE log in over the wire (pgJDBC and psql), across a restart of a persistent server. */
class StoredRolesLoginTest {
    @TempDir
    Path dir;

    private HeliosDB serve(String method) {
        return HeliosDB.serve(HeliosConfig.persistent(dir.resolve("db")).withServer(ServerConfig.defaults().withPort(0)
                .withAuth(method, "postgres", "bootpw")));
    }

    private static int port(HeliosDB db) {
        return db.transports().stream().filter(t -> t.name().equals("postgres")).findFirst().map(Transport::port)
                .orElseThrow();
    }

    private static String url(HeliosDB db, String user, String password) {
        return "jdbc:postgresql://127.0.0.1:" + port(db) + "/postgres?connectTimeout=10&socketTimeout=60&user=" + user
                + "&password=" + password;
    }

    private static String currentUser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void createdRole_logsInWithScramAfterARestart() throws Exception {
        try (HeliosDB db = serve("scram-sha-256");
             Connection boot = DriverManager.getConnection(url(db, "postgres", "bootpw"));
             Statement s = boot.createStatement()) {
            s.execute("create user alice with password 'wonderland'");
            s.execute("create role nologin_role password 'pw'");
            try (Connection alice = DriverManager.getConnection(url(db, "alice", "wonderland"))) {
                assertThat(currentUser(alice)).isEqualTo("alice");
            }
        }
        try (HeliosDB db = serve("scram-sha-256")) {
            try (Connection alice = DriverManager.getConnection(url(db, "alice", "wonderland"))) {
                assertThat(currentUser(alice)).isEqualTo("alice");
                try (Statement s = alice.createStatement()) {
                    assertThatThrownBy(() -> s.execute("create role mallory"))
                            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                }
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url(db, "alice", "wrong")))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            assertThatThrownBy(() -> DriverManager.getConnection(url(db, "nologin_role", "pw")))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
            // The bootstrap user still logs in with the password from the configuration.
            try (Connection boot = DriverManager.getConnection(url(db, "postgres", "bootpw"))) {
                assertThat(currentUser(boot)).isEqualTo("postgres");
            }

            Psql.Outcome ok = Psql.run(Psql.conninfo(port(db), "alice"), Map.of("PGPASSWORD", "wonderland"),
                    "select current_user");
            assertThat(ok.exitCode()).as(ok.output()).isZero();
            assertThat(ok.output().strip()).isEqualTo("alice");
            Psql.Outcome bad = Psql.run(Psql.conninfo(port(db), "alice"), Map.of("PGPASSWORD", "nope"), "select 1");
            assertThat(bad.exitCode()).isNotZero();
            assertThat(bad.output()).contains("password authentication failed for user \"alice\"");
        }
    }

    @Test
    void alterRolePassword_takesEffectForTheNextLogin() throws Exception {
        try (HeliosDB db = serve("scram-sha-256")) {
            try (Session s = db.session()) {
                s.execute("create user bob password 'first'").close();
                s.execute("alter user bob with password 'second'").close();
            }
            try (Connection bob = DriverManager.getConnection(url(db, "bob", "second"))) {
                assertThat(currentUser(bob)).isEqualTo("bob");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url(db, "bob", "first")))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
    }

    @Test
    void passwordMethod_checksTheStoredVerifier_md5CannotUseIt() throws Exception {
        try (HeliosDB db = serve("password")) {
            try (Session s = db.session()) {
                s.execute("create user carol password 'pw'").close();
            }
            try (Connection carol = DriverManager.getConnection(url(db, "carol", "pw"))) {
                assertThat(currentUser(carol)).isEqualTo("carol");
            }
        }
        try (HeliosDB db = serve("md5")) {
            // As in PostgreSQL: an md5 login cannot be checked against a SCRAM verifier, so it fails.
            assertThatThrownBy(() -> DriverManager.getConnection(url(db, "carol", "pw")))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
    }
}
