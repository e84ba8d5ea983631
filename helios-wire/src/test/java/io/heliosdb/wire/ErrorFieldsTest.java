package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The constraint, table and column fields of ErrorResponse, as pgJDBC's ServerErrorMessage reads them. */
class ErrorFieldsTest {
    private static KernelServer server;
    private static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        server = KernelServer.startOrSkip();
        connection = DriverManager.getConnection(server.jdbcUrl());
        try (Statement s = connection.createStatement()) {
            s.execute("create table parent(id int primary key, code text, constraint parent_code_key unique (code))");
            s.execute("create table child(id int primary key, parent_id int constraint child_parent_fk references parent(id),"
                    + " qty int not null, constraint qty_positive check (qty > 0))");
            s.execute("insert into parent values (1, 'a')");
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

    private static ServerErrorMessage failure(String sql) {
        PSQLException e = catchThrowableOfType(() -> {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        }, PSQLException.class);
        assertThat((Object) e).as(sql).isNotNull();
        return e.getServerErrorMessage();
    }

    @Test
    void primaryKeyViolation_namesConstraintAndTable() {
        ServerErrorMessage m = failure("insert into parent values (1, 'b')");
        assertThat(m.getSQLState()).isEqualTo("23505");
        assertThat(m.getConstraint()).isEqualTo("parent_pkey");
        assertThat(m.getTable()).isEqualTo("parent");
        assertThat(m.getSchema()).isEqualTo("public");
    }

    @Test
    void uniqueViolation_namesTheUniqueConstraint() {
        ServerErrorMessage m = failure("insert into parent values (2, 'a')");
        assertThat(m.getSQLState()).isEqualTo("23505");
        assertThat(m.getConstraint()).isEqualTo("parent_code_key");
    }

    @Test
    void checkAndForeignKeyViolations_nameTheirConstraints() {
        ServerErrorMessage check = failure("insert into child values (1, 1, 0)");
        assertThat(check.getSQLState()).isEqualTo("23514");
        assertThat(check.getConstraint()).isEqualTo("qty_positive");
        assertThat(check.getTable()).isEqualTo("child");

        ServerErrorMessage fk = failure("insert into child values (1, 9, 1)");
        assertThat(fk.getSQLState()).isEqualTo("23503");
        assertThat(fk.getConstraint()).isEqualTo("child_parent_fk");
        assertThat(fk.getTable()).isEqualTo("child");
    }

    @Test
    void notNullViolation_namesTheColumn() {
        ServerErrorMessage m = failure("insert into child values (2, 1, null)");
        assertThat(m.getSQLState()).isEqualTo("23502");
        assertThat(m.getTable()).isEqualTo("child");
        assertThat(m.getColumn()).isEqualTo("qty");
        assertThat(m.getConstraint()).isNull();
    }

    @Test
    void otherErrors_carryNoObjectFields() {
        ServerErrorMessage m = failure("select * from missing_table");
        assertThat(m.getConstraint()).isNull();
        assertThat(m.getTable()).isNull();
    }
}
