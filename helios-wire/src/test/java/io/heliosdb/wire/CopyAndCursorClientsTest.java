package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/** COPY, cursors, notices and the message size limit through real clients: pgJDBC, psql and psycopg2. */
class CopyAndCursorClientsTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void pgjdbcCopyManager_100kRowsInThenOut() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip();
             Connection c = DriverManager.getConnection(server.jdbcUrl())) {
            c.createStatement().execute("create table big (id integer primary key, name text)");
            StringBuilder data = new StringBuilder();
            for (int i = 0; i < 100_000; i++) {
                data.append(i).append('\t').append("name ").append(i).append('\n');
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            assertThat(copy.copyIn("COPY big FROM STDIN", new StringReader(data.toString()))).isEqualTo(100_000);
            assertThat(count(c, "big")).isEqualTo(100_000);

            StringWriter out = new StringWriter();
            long rows = copy.copyOut("COPY (select id, name from big where id < 3 order by id) TO STDOUT "
                    + "WITH (FORMAT csv, HEADER)", out);
            assertThat(rows).isEqualTo(3);
            assertThat(out.toString()).isEqualTo("id,name\n0,name 0\n1,name 1\n2,name 2\n");
        }
    }

    @Test
    void pgjdbcCopyManager_badRowCopiesNothingAndConnectionGoesOn() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip();
             Connection c = DriverManager.getConnection(server.jdbcUrl())) {
            c.createStatement().execute("create table t (id integer, name text)");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            assertThatThrownBy(() -> copy.copyIn("COPY t FROM STDIN (FORMAT csv)",
                    new StringReader("1,a\n2,b\nthree,c\n4,d\n")))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22P02");
                        assertThat(e.getServerErrorMessage().getWhere()).isEqualTo("COPY t, line 3, column id: \"three\"");
                    });
            assertThat(count(c, "t")).isZero();
            assertThatThrownBy(() -> copy.copyIn("COPY t FROM '/etc/passwd'", new StringReader("")))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            c.setAutoCommit(false);
            copy.copyIn("COPY t (name, id) FROM STDIN", new StringReader("x\t1\n"));
            c.rollback();
            assertThat(count(c, "t")).isZero();
        }
    }

    @Test
    void pgjdbc_noticesReachTheClient() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip();
             Connection c = DriverManager.getConnection(server.jdbcUrl());
             Statement s = c.createStatement()) {
            s.execute("drop table if exists missing");
            SQLWarning warning = s.getWarnings();
            assertThat((Object) warning).isNotNull();
            assertThat(warning.getMessage()).isEqualTo("table \"missing\" does not exist, skipping");
            s.clearWarnings();
            s.execute("commit");
            assertThat(s.getWarnings().getSQLState()).isEqualTo("25P01");
        }
    }

    @Test
    void messageOverTheLimit_refusedWith54000() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip(cfg -> cfg.withMaxMessageSize(1024));
             Connection c = DriverManager.getConnection(server.jdbcUrl());
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("select '" + "x".repeat(4096) + "'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("54000"));
            assertThat(c.isValid(5)).isFalse();
        }
    }

    @Test
    void psqlCopy_inAndOut() throws Exception {
        Psql.assumeInstalled();
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "id,name\n1,\"a,b\"\n2,\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.txt");
        try (KernelServer server = KernelServer.startOrSkip()) {
            String conninfo = Psql.conninfo(server.transport.port(), "postgres");
            assertThat(Psql.run(conninfo, Map.of(), "create table t (id integer, name text)").exitCode()).isZero();
            Psql.Outcome copied = Psql.run(conninfo, Map.of(), "\\copy t from '" + in + "' with csv header");
            assertThat(copied.output().strip()).isEqualTo("COPY 2");
            Psql.Outcome exported = Psql.run(conninfo, Map.of(), "\\copy t to '" + out + "'");
            assertThat(exported.exitCode()).as(exported.output()).isZero();
            assertThat(Files.readString(out)).isEqualTo("1\ta,b\n2\t\\N\n");
        }
    }

    @Test
    void psycopg2_namedCursorAndCopyExpert() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed");
        String script = String.join("\n",
                "import io, sys, psycopg2",
                "conn = psycopg2.connect(host='127.0.0.1', port=int(sys.argv[1]), user='postgres', dbname='postgres')",
                "cur = conn.cursor()",
                "cur.execute('create table t (id integer primary key)')",
                "cur.copy_expert('COPY t FROM STDIN', io.StringIO(''.join('%d\\n' % i for i in range(25))))",
                "conn.commit()",
                "named = conn.cursor('walker')",
                "named.itersize = 10",
                "named.execute('select id from t order by id')",
                "ids = [r[0] for r in named]",
                "named.close()",
                "conn.commit()",
                "out = io.StringIO()",
                "cur.copy_expert('COPY (select id from t where id < 3 order by id) TO STDOUT', out)",
                "print(len(ids), sum(ids), repr(out.getvalue()))");
        Path file = dir.resolve("client.py");
        Files.writeString(file, script);
        try (KernelServer server = KernelServer.startOrSkip()) {
            Process process = new ProcessBuilder(PYTHON.toString(), file.toString(),
                    Integer.toString(server.transport.port())).redirectErrorStream(true).start();
            try {
                process.getOutputStream().close();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assumeTrue(!output.contains("No module named 'psycopg2'"), "python3-psycopg2 is not installed");
                assertThat(output).isEqualTo("25 300 '0\\n1\\n2\\n'");
                assertThat(process.exitValue()).isZero();
            } finally {
                process.destroyForcibly();
            }
        }
    }
}
