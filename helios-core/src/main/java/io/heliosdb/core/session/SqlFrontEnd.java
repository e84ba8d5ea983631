package io.heliosdb.core.session;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.SqlEngine;
import io.heliosdb.sql.StatementPlan;
import java.util.List;

/** The SQL pipeline as a session uses it; an interface so session behaviour can be tested on its own. */
public interface SqlFrontEnd {

    List<ParsedStatement> parse(String sql);

    StatementPlan plan(ParsedStatement statement, SchemaLookup schema, List<SqlType> declaredParameterTypes);

    /** The real pipeline of helios-sql. */
    SqlFrontEnd ENGINE = new SqlFrontEnd() {
        @Override
        public List<ParsedStatement> parse(String sql) {
            return SqlEngine.parse(sql);
        }

        @Override
        public StatementPlan plan(ParsedStatement statement, SchemaLookup schema, List<SqlType> declared) {
            return SqlEngine.plan(statement, schema, declared);
        }
    };
}
