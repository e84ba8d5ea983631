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
        assertThat(found).containsExactly("public.orders:TABLE");
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
                     + " where t.table_schema = 'public' order by c.ordinal_position")) {
            List<String> found = new ArrayList<>();
            while (rs.next()) {
                found.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
            }
            assertThat(found).containsExactly("id:bigint:NO", "customer:character varying:NO", "total:numeric:YES");
        }
    }
}
