package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.SetVariable;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.IdentifierContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.ResetSessionAuthorizationContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.SetRoleContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.SetSessionAuthorizationContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.SetStmtContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.SetValueContext;

/**
 * SET [SESSION | LOCAL] ROLE r | NONE and SET [SESSION | LOCAL] SESSION AUTHORIZATION u | DEFAULT, RESET SESSION
 * AUTHORIZATION: settings of the parameters {@code role} and {@code session_authorization} (RESET ROLE is
 * the plain RESET of {@code role}); the executor checks who may switch to whom.
 */
final class RoleSwitchSyntax {
    static final String ROLE = "role";
    static final String SESSION_AUTHORIZATION = "session_authorization";

    private RoleSwitchSyntax() {
    }

    /** The SET statement for {@code ctx}, or null when it is not one of these forms. */
    static SetVariable build(SetStmtContext ctx) {
        if (ctx instanceof SetRoleContext r) {
            return new SetVariable(ROLE, value(r.setValue()), r.LOCAL() != null);
        }
        if (ctx instanceof SetSessionAuthorizationContext a) {
            authorization(a.auth);
            return new SetVariable(SESSION_AUTHORIZATION, value(a.setValue()), a.LOCAL() != null);
        }
        if (ctx instanceof ResetSessionAuthorizationContext a) {
            authorization(a.auth);
            return new SetVariable(SESSION_AUTHORIZATION, null, false, true);
        }
        return null;
    }

    private static void authorization(IdentifierContext word) {
        if (!AstBuilder.identifier(word).equals("authorization")) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + word.getText() + "\"", null,
                    null, word.getStart().getStartIndex() + 1, null);
        }
    }

    /** The role named (a name or a string), or null for DEFAULT. */
    private static String value(SetValueContext v) {
        if (v.DEFAULT() != null) {
            return null;
        }
        if (v.STRING() != null) {
            return AstBuilder.unquote(v.STRING().getText());
        }
        if (v.identifier() != null) {
            return AstBuilder.identifier(v.identifier());
        }
        throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + v.getText() + "\"", null, null,
                v.getStart().getStartIndex() + 1, null);
    }
}
