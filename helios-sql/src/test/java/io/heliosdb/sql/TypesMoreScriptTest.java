package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * jsonb order, json text, time zones, ISO 8601 intervals, multi-dimensional arrays, ROWS FROM and grouped
 * set-returning functions: the script's expected output is what PostgreSQL 15 gives.
 */
class TypesMoreScriptTest {

    @Test
    void typesMoreScript_matchesPostgresOutput() throws IOException {
        List<String> failures = new ScriptRunner().run("/scripts/types_more.sql");
        assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
    }
}
