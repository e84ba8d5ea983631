package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** psql's backslash commands, which read pg_catalog with the queries psql 15 sends (captured with psql -E). */
class PsqlCatalogTest {
    private static KernelServer server;

    @BeforeAll
    static void start() throws Exception {
        Psql.assumeInstalled();
        server = KernelServer.startOrSkip();
        run("create table customers(id int primary key, email text unique, age int check (age > 0))");
        run("create table items(id int primary key, name varchar(20) not null default 'x', price numeric(10,2),"
                + " cust int references customers(id))");
        run("create unique index items_name on items(name)");
        run("create sequence s1");
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
    void describe_listsTheTable() throws Exception {
        assertThat(run("\\d")).contains("public|items|table|postgres");
    }

    @Test
    void objectIdentifiersAndInt2vector_printAsPostgreSqlPrintsThem() throws Exception {
        // PostgreSQL 15 prints: items|integer|public|2
        assertThat(run("select 'items'::regclass, 'int4'::regtype, 'public'::regnamespace, i.indkey from pg_index i"
                + " where i.indrelid = 'items'::regclass and i.indexrelid = 'items_name'::regclass").strip())
                .isEqualTo("items|integer|public|2");
    }

    @Test
    void describeTables_listsOnlyTables() throws Exception {
        assertThat(run("\\dt").strip()).isEqualTo("public|customers|table|postgres\npublic|items|table|postgres");
    }

    @Test
    void describeIndexes_listsThePrimaryKeyAndTheIndex() throws Exception {
        assertThat(run("\\di")).contains("public|items_name|index|postgres|items", "public|items_pkey|index|postgres|items");
    }

    @Test
    void describeSchemas_listsPublic() throws Exception {
        assertThat(run("\\dn").strip()).isEqualTo("public|postgres");
    }

    @Test
    void listDatabases_showsTheDatabase() throws Exception {
        assertThat(run("\\l")).contains("heliosdb|postgres|UTF8|C.UTF-8|C.UTF-8");
    }

    @Test
    void describeTable_showsIndexesAndForeignKeys() throws Exception {
        // As PostgreSQL 15 prints it.
        assertThat(run("\\d items", false).strip()).isEqualTo("""
                Table "public.items"
                Column|Type|Collation|Nullable|Default
                id|integer||not null|
                name|character varying(20)||not null|'x'::character varying
                price|numeric(10,2)|||
                cust|integer|||
                Indexes:
                    "items_pkey" PRIMARY KEY, btree (id)
                    "items_name" UNIQUE, btree (name)
                Foreign-key constraints:
                    "items_cust_fkey" FOREIGN KEY (cust) REFERENCES customers(id)""");
    }

    @Test
    void describeReferencedTable_showsUniqueCheckAndReferencingConstraints() throws Exception {
        // As PostgreSQL 15 prints it: the referencing table by name (conrelid::regclass).
        assertThat(run("\\d customers", false).strip()).isEqualTo("""
                Table "public.customers"
                Column|Type|Collation|Nullable|Default
                id|integer||not null|
                email|text|||
                age|integer|||
                Indexes:
                    "customers_pkey" PRIMARY KEY, btree (id)
                    "customers_email_key" UNIQUE CONSTRAINT, btree (email)
                Check constraints:
                    "customers_age_check" CHECK (age > 0)
                Referenced by:
                    TABLE "items" CONSTRAINT "items_cust_fkey" FOREIGN KEY (cust) REFERENCES customers(id)""");
    }

    @Test
    void describeRoles_listsTheSuperuser() throws Exception {
        assertThat(run("\\du").strip()).isEqualTo("postgres|Superuser, Create role, Create DB, Replication, Bypass RLS|{}");
    }

    @Test
    void describeTablesVerbose_showsSizesAndAccessMethod() throws Exception {
        // Empty tables take no bytes (PostgreSQL shows 8192 bytes for a table with a page); see PsqlDescribeTest.
        assertThat(run("\\dt+").strip()).isEqualTo("public|customers|table|postgres|permanent|heap|0 bytes|\n"
                + "public|items|table|postgres|permanent|heap|0 bytes|");
    }

    @Test
    void describeSequences_listsTheSequence() throws Exception {
        assertThat(run("\\ds").strip()).isEqualTo("public|s1|sequence|postgres");
    }

    @Test
    void describeFunctions_listsNone() throws Exception {
        assertThat(run("\\df").strip()).isEmpty();
    }

    @Test
    void sizeAndBitFunctions_answerAsPostgresDoes() throws Exception {
        assertThat(run("select pg_size_pretty(123456789::bigint), pg_size_pretty(10239::bigint), "
                + "pg_size_pretty(10240::bigint), pg_table_size('items'::regclass), 6 & 3, 4 | 1").strip())
                .isEqualTo("118 MB|10239 bytes|10 kB|0|2|5");
    }

    @Test
    void conninfo_printsTheConnection() throws Exception {
        assertThat(run("\\conninfo")).contains("as user \"postgres\"");
    }

    @Test
    void catalogFunctions_answerAsPostgresDoes() throws Exception {
        assertThat(run("select pg_catalog.format_type(1043, 24), current_user, current_database(), "
                + "'items'::regclass = (select oid from pg_class where relname = 'items'), "
                + "pg_get_indexdef('items_name'::regclass), "
                + "(select pg_get_constraintdef(oid) from pg_constraint where conname = 'items_pkey')").strip())
                .isEqualTo("character varying(20)|postgres|heliosdb|t|"
                        + "CREATE UNIQUE INDEX items_name ON public.items USING btree (name)|PRIMARY KEY (id)");
    }
}
