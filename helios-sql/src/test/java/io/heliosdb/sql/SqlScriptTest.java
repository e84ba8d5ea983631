package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs every script in src/test/resources/scripts against the in-memory context. */
class SqlScriptTest {

    @ParameterizedTest
    @ValueSource(strings = {"basics.sql", "ddl.sql", "insert.sql", "select.sql", "expressions.sql", "aggregates.sql", "update_delete.sql", "session.sql", "subqueries.sql", "indexes.sql", "set_operations.sql", "joins_with.sql", "functions.sql", "pg_syntax.sql", "windows.sql", "joined_dml.sql", "set_returning.sql", "join_order_and_keys.sql"})
    void script_matchesExpectedOutput(String name) throws IOException {
        List<String> failures = new ScriptRunner().run("/scripts/" + name);
        assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
    }
}
