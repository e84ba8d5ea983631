package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog queries a GUI client (DBeaver's PostgreSQL driver) sends through pgJDBC when it connects
 * and fills its navigator: databases, settings, schemas, roles, types, relations, columns, indexes and
 * constraints. Each must run; the ones whose answer the navigator shows are checked.
 */
class JdbcToolQueriesTest {
    private static KernelServer server;
    private static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        server = KernelServer.startOrSkip();
        connection = DriverManager.getConnection(server.jdbcUrl());
        try (Statement s = connection.createStatement()) {
            s.execute("create table customers(id int primary key, email text unique, age int check (age > 0))");
            s.execute("create table items(id int primary key, name varchar(20) not null, cust int references customers(id))");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static List<String> query(String sql, String... columns) throws Exception {
        List<String> found = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (String c : columns) {
                    values.add(rs.getString(c));
                }
                found.add(String.join(":", values));
            }
        }
        return found;
    }

    @Test
    void connectQueries_answer() throws Exception {
        assertThat(query("SELECT current_schema(),session_user", "current_schema", "session_user"))
                .containsExactly("public:postgres");
        assertThat(query("SELECT db.oid,db.* FROM pg_catalog.pg_database db WHERE 1 = 1 AND datallowconn"
                + " AND NOT datistemplate ORDER BY db.datname", "datname")).containsExactly("heliosdb");
        assertThat(query("SELECT * FROM pg_catalog.pg_settings where name='standard_conforming_strings'", "setting"))
                .containsExactly("on");
        assertThat(query("SELECT n.oid,n.*,d.description FROM pg_catalog.pg_namespace n LEFT OUTER JOIN"
                + " pg_catalog.pg_description d ON d.objoid=n.oid AND d.objsubid=0"
                + " AND d.classoid='pg_namespace'::regclass ORDER BY nspname", "nspname"))
                .containsExactly("information_schema", "pg_catalog", "public");
        assertThat(query("SELECT n.nspname = ANY(current_schemas(true)) AS visible, n.nspname, t.typname"
                + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON t.typnamespace = n.oid WHERE t.oid = 23",
                "visible", "nspname", "typname")).containsExactly("t:pg_catalog:int4");
        assertThat(query("SELECT a.oid,a.* FROM pg_catalog.pg_roles a ORDER BY a.rolname", "rolname"))
                .containsExactly("postgres");
        query("SELECT version()", "version");
        query("SELECT * FROM pg_catalog.pg_enum WHERE 1<>1 LIMIT 1", "enumlabel");
        query("SELECT reltype FROM pg_catalog.pg_class WHERE 1<>1 LIMIT 1", "reltype");
        query("SELECT t.oid,t.*,c.relkind,format_type(nullif(t.typbasetype, 0), t.typtypmod) as base_type_name,"
                + " d.description FROM pg_catalog.pg_type t LEFT OUTER JOIN pg_catalog.pg_type et ON et.oid=t.typelem"
                + " LEFT OUTER JOIN pg_catalog.pg_class c ON c.oid=t.typrelid LEFT OUTER JOIN pg_catalog.pg_description d"
                + " ON t.oid=d.objoid WHERE t.typname IS NOT NULL AND (c.relkind IS NULL OR c.relkind = 'c')"
                + " AND (et.typcategory IS NULL OR et.typcategory <> 'C')", "typname");
    }

    @Test
    void navigatorQueries_describeTablesColumnsIndexesAndConstraints() throws Exception {
        assertThat(query("SELECT c.oid,c.*,d.description,pg_catalog.pg_get_expr(c.relpartbound, c.oid) as partition_expr,"
                + " pg_catalog.pg_get_partkeydef(c.oid) as partition_key FROM pg_catalog.pg_class c"
                + " LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=c.oid AND d.objsubid=0"
                + " AND d.classoid='pg_class'::regclass WHERE c.relnamespace=2200 AND c.relkind not in ('i','I','c')"
                + " ORDER BY c.relname", "relname", "relkind")).containsExactly("customers:r", "items:r");
        assertThat(query("select c.relname,pg_catalog.pg_total_relation_size(c.oid) as total_rel_size,"
                + "pg_catalog.pg_relation_size(c.oid) as rel_size FROM pg_class c WHERE c.relnamespace=2200"
                + " AND c.relkind = 'r' ORDER BY 1", "relname", "total_rel_size")).containsExactly("customers:0", "items:0");
        assertThat(query("SELECT c.relname,a.*,pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) as def_value,"
                + "dsc.description,dep.objid FROM pg_catalog.pg_attribute a INNER JOIN pg_catalog.pg_class c ON"
                + " (a.attrelid=c.oid) LEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid=ad.adrelid AND"
                + " a.attnum = ad.adnum) LEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid=dsc.objoid AND"
                + " a.attnum = dsc.objsubid) LEFT OUTER JOIN pg_depend dep on dep.refobjid = a.attrelid AND"
                + " dep.deptype = 'i' and dep.refobjsubid = a.attnum and dep.classid = dep.refclassid WHERE NOT"
                + " a.attisdropped AND c.relkind not in ('i','I','c') AND c.oid='items'::regclass ORDER BY a.attnum",
                "attname", "attnotnull")).containsExactly("id:t", "name:t", "cust:f");
        assertThat(query("SELECT i.*,i.indkey as keys,c.relname,c.relnamespace,c.relam,c.reltablespace,"
                + "tc.relname as tabrelname,dsc.description,pg_catalog.pg_get_expr(i.indpred, i.indrelid) as pred_expr,"
                + "pg_catalog.pg_get_expr(i.indexprs, i.indrelid, true) as expr,pg_catalog.pg_relation_size(i.indexrelid)"
                + " as index_rel_size,pg_catalog.pg_stat_get_numscans(i.indexrelid) as index_num_scans FROM"
                + " pg_catalog.pg_index i INNER JOIN pg_catalog.pg_class c ON c.oid=i.indexrelid INNER JOIN"
                + " pg_catalog.pg_class tc ON tc.oid=i.indrelid LEFT OUTER JOIN pg_catalog.pg_description dsc ON"
                + " i.indexrelid=dsc.objoid WHERE i.indrelid='customers'::regclass ORDER BY tabrelname, c.relname",
                "relname", "keys", "indisunique", "indisprimary"))
                .containsExactly("customers_email_key:2:t:f", "customers_pkey:1:t:t"); // int2vector prints as "1 2"
        assertThat(query("SELECT c.oid,c.*,t.relname as tabrelname,rt.relnamespace as refnamespace,d.description,"
                + " case when c.contype='c' then \"substring\"(pg_get_constraintdef(c.oid), 7) else null end consrc_copy"
                + " FROM pg_catalog.pg_constraint c INNER JOIN pg_catalog.pg_class t ON t.oid=c.conrelid"
                + " LEFT OUTER JOIN pg_catalog.pg_class rt ON rt.oid=c.confrelid LEFT OUTER JOIN pg_catalog.pg_description d"
                + " ON d.objoid=c.oid AND d.objsubid=0 AND d.classoid='pg_constraint'::regclass"
                + " WHERE c.conrelid='customers'::regclass ORDER BY c.conname", "conname", "contype", "consrc_copy"))
                .containsExactly("customers_age_check:c:(age > 0)", "customers_email_key:u:null", "customers_pkey:p:null");
    }
}
