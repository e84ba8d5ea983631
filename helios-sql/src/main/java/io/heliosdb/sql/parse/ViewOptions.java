package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.AlterViewOptions;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.AlterViewContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.StorageParameterContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.StorageParametersContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.ViewCheckOptionContext;
import io.heliosdb.sql.schema.ViewDef;
import java.util.List;
import java.util.Locale;

/**
 * A view's options: {@code WITH [LOCAL | CASCADED] CHECK OPTION} after the query, {@code WITH (check_option = ...)}
 * before it, and ALTER VIEW ... SET / RESET (check_option). security_barrier and security_invoker are accepted
 * and change nothing (there are no row-level security or leaky functions to guard against).
 */
final class ViewOptions {

    private ViewOptions() {
    }

    /** The check option CREATE VIEW asks for ("local", "cascaded"), or null. */
    static String checkOption(StorageParametersContext options, ViewCheckOptionContext clause) {
        String option = options == null ? null : fromParameters(options.storageParameter(), false);
        if (clause == null) {
            return option;
        }
        if (!AstBuilder.identifier(clause.option).equals("option")) {
            throw syntaxError(clause.option.getText());
        }
        if (clause.kind == null) {
            return ViewDef.CASCADED;
        }
        String kind = AstBuilder.identifier(clause.kind);
        if (!kind.equals(ViewDef.LOCAL) && !kind.equals(ViewDef.CASCADED)) {
            throw syntaxError(clause.kind.getText());
        }
        return kind;
    }

    static AlterViewOptions alter(AlterViewContext ctx, AstBuilder ast) {
        boolean reset = ctx.RESET() != null;
        String option = fromParameters(ctx.storageParameter(), reset);
        return new AlterViewOptions(ast.tableName(ctx.qualifiedName()).name(), ctx.IF() != null, option);
    }

    /** check_option among the parameters (the last one named wins, as in PostgreSQL's reloptions). */
    private static String fromParameters(List<StorageParameterContext> parameters, boolean reset) {
        String option = null;
        for (StorageParameterContext p : parameters) {
            String name = AstBuilder.identifier(p.identifier());
            if (reset && p.expr() != null) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "RESET must not include values for parameters");
            }
            switch (name) {
                case "check_option" -> option = reset ? null : value(p);
                case "security_barrier", "security_invoker" -> {
                }
                default -> throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                        "unrecognized parameter \"" + name + "\"");
            }
        }
        return option;
    }

    private static String value(StorageParameterContext p) {
        String text = p.expr() == null ? "" : p.expr().getText();
        if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
            text = AstBuilder.unquote(text);
        }
        text = text.toLowerCase(Locale.ROOT);
        if (!text.equals(ViewDef.LOCAL) && !text.equals(ViewDef.CASCADED)) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "invalid value for enum option \"check_option\": "
                    + text, "Valid values are \"local\" and \"cascaded\".", null, 0, null);
        }
        return text;
    }

    private static HeliosException syntaxError(String near) {
        return new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + near + "\"");
    }
}
