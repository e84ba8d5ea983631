package io.heliosdb.core.session;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import org.junit.jupiter.api.Test;

/** Scalar subqueries among INSERT ... VALUES items, as PostgreSQL evaluates them. */
class InsertValuesSubqueryTest {

    @Test
    void valuesItems_mayBeScalarSubqueries_readingTheTableBeforeTheInsert() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table v (a int, b text)");
            s.execute("insert into v values ((select 1), 'one')");
            assertThat(rows(s, "insert into v values ((select max(a) + 1 from v), (select b || '+' from v where a = 1))"
                    + " returning *")).containsExactly("2|one+");
            // Both rows' subqueries read the table as the statement began.
            s.execute("insert into v values ((select count(*) from v), 'x'), ((select count(*) from v), 'y')");
            assertThat(rows(s, "select a, b from v where b in ('x', 'y') order by b")).containsExactly("2|x", "2|y");
            s.execute("insert into v (b, a) values ('z', (select a from v where b = 'one') * 10), (default, (select null::int))");
            assertThat(rows(s, "select a, b from v where a = 10 or a is null order by a")).containsExactly("10|z", "null|null");
        }
    }

    @Test
    void badSubqueries_failAsInPostgreSql() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table v (a int, b text)");
            s.execute("insert into v values (1, 'a'), (2, 'b')");
            assertThat(failure(s, "insert into v values ((select a from v), 'many')").sqlState())
                    .isEqualTo(SqlState.CARDINALITY_VIOLATION);
            assertThat(failure(s, "insert into v values ((select a, b from v limit 1), 'wide')").sqlState())
                    .isEqualTo(SqlState.SYNTAX_ERROR);
            assertThat(failure(s, "insert into v values ((select 'text'), 'bad')").sqlState())
                    .isEqualTo(SqlState.DATATYPE_MISMATCH);
            assertThat(rows(s, "select count(*) from v")).containsExactly("2");
        }
    }
}
