package io.heliosdb.sql;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.Analyzer;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.exec.PipelineGuard;
import io.heliosdb.sql.exec.StatementCompiler;
import io.heliosdb.sql.parse.SqlParser;
import io.heliosdb.sql.plan.Planner;
import java.util.List;

/** The SQL pipeline's entry: text → parsed statements → plans. */
public final class SqlEngine {

    private SqlEngine() {
    }

    /**
     * Parses a text of zero or more statements separated by semicolons.
     *
     * @throws io.heliosdb.api.HeliosException {@code 42601} with the 1-based position of the error in {@code sql}
     */
    public static List<ParsedStatement> parse(String sql) {
        return PipelineGuard.guard(() -> SqlParser.parseScript(sql));
    }

    /**
     * Analyzes and plans one statement. Error positions count from the start of the text given
     * to {@link #parse} (the statement's {@link ParsedStatement#offset()} is already included).
     *
     * @param declaredParameterTypes types the client declared for {@code $1..$n} (shorter than the
     *                               parameter count, or holding {@code null}/{@link SqlType#UNKNOWN}, where it declared none)
     */
    public static StatementPlan plan(ParsedStatement statement, SchemaLookup schema, List<SqlType> declaredParameterTypes) {
        if (!(statement.ast() instanceof Statement ast)) {
            throw new IllegalArgumentException("not a statement parsed by SqlEngine.parse: " + statement);
        }
        if (ast instanceof io.heliosdb.sql.ast.Copy || ast instanceof io.heliosdb.sql.ast.CursorStatement) {
            return PipelineGuard.guard(() -> io.heliosdb.sql.analyze.CompositeTypes.with(schema,
                    () -> SessionCommandPlans.plan(ast, statement.sql(), schema)));
        }
        // compiling binds DEFAULT and CHECK expressions too, which may name composite types
        return PipelineGuard.guard(() -> io.heliosdb.sql.analyze.CompositeTypes.with(schema,
                () -> planAst(ast, statement.sql(), schema, declaredParameterTypes)));
    }

    static StatementPlan planAst(Statement ast, String sql, SchemaLookup schema, List<SqlType> declaredParameterTypes) {
        Analyzer analyzer = new Analyzer(schema, declaredParameterTypes);
        BoundStatement bound = Planner.optimize(analyzer.analyze(ast), schema);
        return StatementCompiler.compile(bound, sql, analyzer.parameterTypes());
    }
}
