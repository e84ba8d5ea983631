package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * psql's {@code \d} of tables outside public, column defaults, relation sizes and the catalog details
 * behind them (regclass output, 0-based int2vector subscripts, IF NOT EXISTS notices). Expected texts
 * were printed by psql 15 against PostgreSQL 15 for the same schema.
 */
class PsqlDescribeTest {
    private static KernelServer server;

    @BeforeAll
    static void start() throws Exception {
        Psql.assumeInstalled();
        server = KernelServer.startOrSkip();
        run("create schema s");
        run("create table s.t(id serial primary key, a text default 'abc', b int default 0,"
                + " c timestamptz default now(), d varchar(20) default 'x')");
        run("create table s.r(id int references s.t(id))");
        run("create table sized(id int primary key, k int, payload text)");
        run("create index sized_k on sized(k desc, id)");
        run("insert into sized select g, g % 7, repeat('x', 100) from generate_series(1, 500) g");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String run(String command) throws Exception {
        return run(command, true);
    }

    private static String run(String command, boolean tuplesOnly) throws Exception {
        return Psql.succeeding(server.transport.port(), command, tuplesOnly);
    }

    @Test
    void describeTableOfASchema_printsAsPostgres() throws Exception {
        assertThat(run("\\d s.t", false).strip()).isEqualTo("""
                Table "s.t"
                Column|Type|Collation|Nullable|Default
                id|integer||not null|nextval('s.t_id_seq'::regclass)
                a|text|||'abc'::text
                b|integer|||0
                c|timestamp with time zone|||now()
                d|character varying(20)|||'x'::character varying
                Indexes:
                    "t_pkey" PRIMARY KEY, btree (id)
                Referenced by:
                    TABLE "s.r" CONSTRAINT "r_id_fkey" FOREIGN KEY (id) REFERENCES s.t(id)""");
        assertThat(run("\\d s.r", false).strip()).isEqualTo("""
                Table "s.r"
                Column|Type|Collation|Nullable|Default
                id|integer|||
                Foreign-key constraints:
                    "r_id_fkey" FOREIGN KEY (id) REFERENCES s.t(id)""");
    }

    @Test
    void regclass_printsTheNameQualifiedWhenNotOnTheSearchPath() throws Exception {
        assertThat(run("select 's.t'::regclass, 'sized'::regclass, 'pg_class'::regclass, 's.t'::regclass::text,"
                + " 's.t'::regclass = (select oid from pg_class where relname = 't'), 0::regclass").strip())
                .isEqualTo("s.t|sized|pg_class|s.t|t|-");
        assertThat(run("set search_path = s, public; select 's.t'::regclass, 'sized'::regclass").strip())
                .endsWith("t|sized");
        assertThat(run("select 'integer'::regtype, 'varchar'::regtype::text, 's'::regnamespace, 'postgres'::regrole")
                .strip()).isEqualTo("integer|character varying|s|postgres");
    }

    @Test
    void int2vectorSubscripts_countFromZero() throws Exception {
        assertThat(run("select i.indkey[0], i.indkey[1], i.indoption[0], i.indkey[2] is null from pg_index i"
                + " join pg_class c on c.oid = i.indexrelid where c.relname = 'sized_k'").strip())
                .isEqualTo("2|1|3|t");
        // as pgJDBC's getIndexInfo reads it
        assertThat(run("select (information_schema._pg_expandarray(i.indkey)).x, (information_schema._pg_expandarray("
                + "i.indkey)).n from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'sized_k'")
                .strip()).isEqualTo("2|1\n1|2");
    }

    @Test
    void relationSizes_countTheStoredRowsAndIndexEntries() throws Exception {
        String[] sizes = run("select pg_relation_size('sized'), pg_table_size('sized'::regclass),"
                + " pg_indexes_size('sized'), pg_total_relation_size('sized'), pg_relation_size('sized_k'),"
                + " pg_relation_size('s.r')").strip().split("\\|");
        long table = Long.parseLong(sizes[0]);
        // 500 rows of more than 100 bytes each
        assertThat(table).isGreaterThan(50_000);
        assertThat(Long.parseLong(sizes[1])).isEqualTo(table);
        assertThat(Long.parseLong(sizes[2])).isPositive().isEqualTo(Long.parseLong(sizes[4]));
        assertThat(Long.parseLong(sizes[3])).isEqualTo(table + Long.parseLong(sizes[2]));
        assertThat(sizes[5]).isEqualTo("0");
        assertThat(run("\\dt+ sized").strip()).matches("public\\|sized\\|table\\|postgres\\|permanent\\|heap\\|[0-9]+ kB\\|");
    }

    @Test
    void createIfNotExists_ofAnExistingObjectNoticesAsPostgres() throws Exception {
        List<String> notices = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            for (String sql : List.of("create table if not exists sized(x int)",
                    "create index if not exists sized_k on sized(id)", "create sequence if not exists s.t_id_seq",
                    "create schema if not exists s", "create table if not exists s.t(x int)")) {
                s.execute(sql);
                for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                    notices.add(w.getSQLState() + " " + w.getMessage());
                }
                s.clearWarnings();
            }
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.columns where table_name = 'sized'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
        assertThat(notices).containsExactly("42P07 relation \"sized\" already exists, skipping",
                "42P07 relation \"sized_k\" already exists, skipping",
                "42P07 relation \"t_id_seq\" already exists, skipping",
                "42P06 schema \"s\" already exists, skipping",
                "42P07 relation \"t\" already exists, skipping");
    }

    @Test
    void columnDefaults_inInformationSchemaAsPostgres() throws Exception {
        assertThat(run("select column_name, column_default from information_schema.columns where table_schema = 's'"
                + " and table_name = 't' order by ordinal_position").strip()).isEqualTo("""
                id|nextval('s.t_id_seq'::regclass)
                a|'abc'::text
                b|0
                c|now()
                d|'x'::character varying""");
    }
}
