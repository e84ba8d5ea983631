/** The SQL pipeline: PostgreSQL-dialect grammar, AST, analyzer, planner and executor. */
module io.heliosdb.sql {
    requires transitive io.heliosdb.api;
    requires org.antlr.antlr4.runtime;
    requires com.fasterxml.jackson.core;

    exports io.heliosdb.sql;
    exports io.heliosdb.sql.schema;
}
