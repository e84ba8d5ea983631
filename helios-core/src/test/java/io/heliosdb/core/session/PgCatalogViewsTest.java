package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pg_catalog and information_schema views and the functions psql and pgJDBC call on them. */
class PgCatalogViewsTest {

    private static List<String> rows(Session s, String sql) {
        return s.execute(sql).toList().stream().map(PgCatalogViewsTest::line).toList();
    }

    private static String line(Row r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.size(); i++) {
            sb.append(i == 0 ? "" : "|").append(r.get(i));
        }
        return sb.toString();
    }

    @Test
    void pgClass_showsTablesAndIndexesWithStableOids() {
        try (HeliosDB db = HeliosDB.inMemory();
             Session s = db.session()) {
            s.execute("create table t (id int primary key, name text default 'n')");
            s.execute("create index t_name on t (name desc)");
            List<String> classes = rows(s, "select c.relname, c.relkind, n.nspname from pg_catalog.pg_class c "
                    + "join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' order by 1");
            assertThat(classes).containsExactly("t|r|public", "t_name|i|public", "t_pkey|i|public");
            String oid = rows(s, "select oid from pg_class where relname = 't'").get(0);
            // a regclass prints as the name and compares as the OID, as in PostgreSQL
            assertThat(rows(s, "select 't'::regclass, 't'::regclass = " + oid)).containsExactly("t|true");
            assertThat(rows(s, "select a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                    + "(select pg_get_expr(d.adbin, d.adrelid) from pg_attrdef d where d.adrelid = a.attrelid "
                    + "and d.adnum = a.attnum) from pg_attribute a where a.attrelid = '" + oid + "' order by a.attnum"))
                    .containsExactly("id|integer|true|null", "name|text|false|'n'::text");
            assertThat(rows(s, "select pg_get_indexdef(i.indexrelid) from pg_index i where i.indrelid = " + oid
                    + " order by i.indisprimary desc")).containsExactly(
                    "CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)",
                    "CREATE INDEX t_name ON public.t USING btree (name DESC)");
        }
    }

    @Test
    void catalog_seesTheTransactionsOwnDdl() {
        try (HeliosDB db = HeliosDB.inMemory();
             Session s = db.session()) {
            s.execute("begin");
            s.execute("create table pending (a int)");
            assertThat(rows(s, "select table_name from information_schema.tables")).containsExactly("pending");
            s.execute("rollback");
            assertThat(rows(s, "select table_name from information_schema.tables")).isEmpty();
        }
    }

    @Test
    void psqlSyntax_operatorAndCollate() {
        try (HeliosDB db = HeliosDB.inMemory();
             Session s = db.session()) {
            s.execute("create table abc (a int)");
            assertThat(rows(s, "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname "
                    + "OPERATOR(pg_catalog.~) '^(abc)$' COLLATE pg_catalog.default "
                    + "AND pg_catalog.pg_table_is_visible(c.oid)")).containsExactly("abc");
            assertThatThrownBy(() -> s.execute("select 'nosuch'::regclass").toList())
                    .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE));
        }
    }

    @Test
    void catalogViews_areReadOnly() {
        try (HeliosDB db = HeliosDB.inMemory();
             Session s = db.session()) {
            assertThatThrownBy(() -> s.execute("create table pg_class (a int)"))
                    .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.DUPLICATE_TABLE));
        }
    }
}
