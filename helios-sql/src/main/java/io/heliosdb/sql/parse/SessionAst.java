package io.heliosdb.sql.parse;

import static io.heliosdb.sql.parse.AstBuilder.identifier;
import static io.heliosdb.sql.parse.AstBuilder.unquote;

import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.sql.ast.SetVariable;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.ast.TransactionStatement;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.*;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser;
import java.util.List;

/** Builds transaction control, SET/RESET and setting names. */
final class SessionAst {
    private final AstBuilder ast;

    SessionAst(AstBuilder ast) {
        this.ast = ast;
    }

    Statement transaction(TransactionStmtContext ctx) {
        Statement extended = TransactionStatements.of(ctx);
        if (extended != null) {
            return extended;
        }
        if (ctx instanceof BeginStmtContext) {
            return new TransactionStatement(TransactionCommand.BEGIN);
        } else if (ctx instanceof CommitStmtContext) {
            return new TransactionStatement(TransactionCommand.COMMIT);
        }
        return new TransactionStatement(TransactionCommand.ROLLBACK);
    }

    Statement set(SetStmtContext ctx) {
        Statement roleSwitch = RoleSwitchSyntax.build(ctx);
        if (roleSwitch != null) {
            return roleSwitch;
        }
        if (ctx instanceof io.heliosdb.sql.parse.antlr.PostgreSqlParser.ResetVariableContext r) {
            return new SetVariable(settingName(r.settingName()), null, false, true); // RESET x is SET x TO DEFAULT
        }
        String name;
        List<SetValueContext> values;
        boolean local = ctx instanceof SetVariableContext sv ? sv.LOCAL() != null
                : ((SetTimeZoneContext) ctx).LOCAL() != null;
        if (ctx instanceof SetVariableContext v) {
            name = settingName(v.settingName());
            values = v.setValue();
        } else {
            name = "timezone";
            values = List.of(((SetTimeZoneContext) ctx).setValue());
        }
        if (values.size() == 1 && values.get(0).DEFAULT() != null) {
            return new SetVariable(name, null, local);
        }
        StringBuilder value = new StringBuilder();
        for (SetValueContext v : values) {
            if (value.length() > 0) {
                value.append(", ");
            }
            if (v.STRING() != null) {
                value.append(unquote(v.STRING().getText()));
            } else if (v.identifier() != null) {
                value.append(identifier(v.identifier()));
            } else {
                value.append(ast.text(v).replace(" ", "").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return new SetVariable(name, value.toString(), local);
    }

    static String settingName(SettingNameContext ctx) {
        return String.join(".", ctx.identifier().stream().map(AstBuilder::identifier).toList());
    }
}
