package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pgJDBC's DatabaseMetaData, which reads pg_catalog with its own queries. */
class JdbcMetaDataTest {
    private static KernelServer server;
    private static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        server = KernelServer.startOrSkip();
        connection = DriverManager.getConnection(server.jdbcUrl());
        try (Statement s = connection.createStatement()) {
            s.execute("create table orders(id bigint primary key, customer varchar(40) not null, total numeric(12,2))");
            s.execute("create unique index orders_customer on orders(customer)");
            s.execute("create table order_lines(order_id bigint references orders(id) on delete cascade, line int,"
                    + " qty int check (qty > 0), primary key (order_id, line))");
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

    @Test
    void getTables_findsTheUserTable() throws Exception {
        List<String> found = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                found.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
            }
        }
        assertThat(found).containsExactly("public.order_lines:TABLE", "public.orders:TABLE");
    }

    @Test
    void getColumns_describesEachColumn() throws Exception {
        List<String> found = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, "public", "orders", "%")) {
            while (rs.next()) {
                found.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME") + ":" + rs.getInt("COLUMN_SIZE")
                        + ":" + rs.getInt("NULLABLE") + ":" + rs.getInt("ORDINAL_POSITION"));
            }
        }
        assertThat(found).containsExactly("id:int8:19:" + DatabaseMetaData.columnNoNulls + ":1",
                "customer:varchar:40:" + DatabaseMetaData.columnNoNulls + ":2",
                "total:numeric:12:" + DatabaseMetaData.columnNullable + ":3");
    }

    @Test
    void namespaces_listPublic() throws Exception {
        List<String> found = new ArrayList<>();
        // getSchemas() itself needs array syntax (name[]), which is not here yet: its catalog is.
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select nspname as table_schem from pg_catalog.pg_namespace order by 1")) {
            while (rs.next()) {
                found.add(rs.getString("TABLE_SCHEM"));
            }
        }
        assertThat(found).contains("public", "pg_catalog", "information_schema");
    }

    @Test
    void informationSchema_tablesAndColumns() throws Exception {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select c.column_name, c.data_type, c.is_nullable from information_schema.columns c"
                     + " join information_schema.tables t on t.table_name = c.table_name"
                     + " where t.table_schema = 'public' and t.table_name = 'orders' order by c.ordinal_position")) {
            List<String> found = new ArrayList<>();
            while (rs.next()) {
                found.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
            }
            assertThat(found).containsExactly("id:bigint:NO", "customer:character varying:NO", "total:numeric:YES");
        }
    }

    private static List<String> rows(ResultSet rs, String... columns) throws Exception {
        List<String> found = new ArrayList<>();
        try (rs) {
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
    void getPrimaryKeys_listsTheKeyColumnsInKeyOrder() throws Exception {
        assertThat(rows(connection.getMetaData().getPrimaryKeys(null, "public", "order_lines"),
                "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"))
                .containsExactly("order_lines:order_id:1:order_lines_pkey", "order_lines:line:2:order_lines_pkey");
    }

    @Test
    void getIndexInfo_listsUniqueIndexesWithTheirColumns() throws Exception {
        assertThat(rows(connection.getMetaData().getIndexInfo(null, "public", "orders", false, true),
                "NON_UNIQUE", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC"))
                .containsExactly("f:orders_customer:3:1:customer:A", "f:orders_pkey:3:1:id:A");
        assertThat(rows(connection.getMetaData().getIndexInfo(null, "public", "order_lines", true, true),
                "INDEX_NAME", "ORDINAL_POSITION", "COLUMN_NAME"))
                .containsExactly("order_lines_pkey:1:order_id", "order_lines_pkey:2:line");
    }

    @Test
    void objectIdentifierAndVectorColumns_carryTheirPostgreSqlTypes() throws Exception {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select 'orders'::regclass, 'int8'::regtype, 'public'::regnamespace,"
                     + " 'postgres'::regrole, indkey from pg_index where indexrelid = 'order_lines_pkey'::regclass")) {
            assertThat(rs.next()).isTrue();
            java.sql.ResultSetMetaData meta = rs.getMetaData();
            assertThat(List.of(meta.getColumnTypeName(1), meta.getColumnTypeName(2), meta.getColumnTypeName(3),
                    meta.getColumnTypeName(4), meta.getColumnTypeName(5)))
                    .containsExactly("regclass", "regtype", "regnamespace", "regrole", "int2vector");
            assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                    .containsExactly("orders", "bigint", "public", "postgres", "1 2");
        }
    }

    @Test
    void getImportedAndExportedKeys_describeTheForeignKey() throws Exception {
        String[] columns = {"PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
            "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"};
        String expected = "orders:id:order_lines:order_id:1:" + DatabaseMetaData.importedKeyNoAction + ":"
                + DatabaseMetaData.importedKeyCascade + ":order_lines_order_id_fkey:orders_pkey:"
                + DatabaseMetaData.importedKeyNotDeferrable;
        DatabaseMetaData meta = connection.getMetaData();
        assertThat(rows(meta.getImportedKeys(null, "public", "order_lines"), columns)).containsExactly(expected);
        assertThat(rows(meta.getExportedKeys(null, "public", "orders"), columns)).containsExactly(expected);
        assertThat(rows(meta.getCrossReference(null, "public", "orders", null, "public", "order_lines"), columns))
                .containsExactly(expected);
        assertThat(rows(meta.getImportedKeys(null, "public", "orders"), columns)).isEmpty();
    }

    @Test
    void getSchemas_listsTheThreeSchemas() throws Exception {
        assertThat(rows(connection.getMetaData().getSchemas(), "TABLE_SCHEM"))
                .containsExactly("information_schema", "pg_catalog", "public");
    }

    @Test
    void getTypeInfo_mapsTheBuiltInTypes() throws Exception {
        List<String> types = rows(connection.getMetaData().getTypeInfo(), "TYPE_NAME", "DATA_TYPE");
        assertThat(types).contains("int4:" + java.sql.Types.INTEGER, "int8:" + java.sql.Types.BIGINT,
                "text:" + java.sql.Types.VARCHAR, "bool:" + java.sql.Types.BIT, "numeric:" + java.sql.Types.NUMERIC);
    }

    @Test
    void getFunctionsAndProcedures_listNone() throws Exception {
        assertThat(rows(connection.getMetaData().getFunctions(null, "public", "%"), "FUNCTION_NAME")).isEmpty();
        assertThat(rows(connection.getMetaData().getProcedures(null, "public", "%"), "PROCEDURE_NAME")).isEmpty();
    }

    @Test
    void pgConstraint_holdsKeyArraysAndDefinitions() throws Exception {
        try (Statement s = connection.createStatement()) {
            assertThat(rows(s.executeQuery("select conname, contype, conkey, confkey, pg_get_constraintdef(oid) as def"
                    + " from pg_constraint where conrelid = 'order_lines'::regclass order by conname"),
                    "conname", "contype", "conkey", "confkey", "def")).containsExactly(
                    "order_lines_order_id_fkey:f:{1}:{1}:FOREIGN KEY (order_id) REFERENCES orders(id) ON DELETE CASCADE",
                    "order_lines_pkey:p:{1,2}:null:PRIMARY KEY (order_id, line)",
                    "order_lines_qty_check:c:null:null:CHECK (qty > 0)");
        }
    }
}
