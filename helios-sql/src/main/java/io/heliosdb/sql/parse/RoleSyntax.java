package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.RoleStatement;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.AlterRoleContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CreateRoleContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.DropRoleContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.RoleOptionContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the AST of CREATE, ALTER and DROP ROLE / USER. */
final class RoleSyntax {
    /** The attributes a role has, each with its NO- form. */
    private static final Set<String> FLAGS = Set.of("superuser", "createdb", "createrole", "login", "inherit",
            "replication", "bypassrls");

    private RoleSyntax() {
    }

    static RoleStatement create(CreateRoleContext ctx) {
        return new RoleStatement(RoleStatement.Kind.CREATE, List.of(AstBuilder.identifier(ctx.identifier())),
                ctx.USER() != null, false, options(ctx.roleOption()));
    }

    static RoleStatement alter(AlterRoleContext ctx) {
        return new RoleStatement(RoleStatement.Kind.ALTER, List.of(AstBuilder.identifier(ctx.identifier())),
                ctx.USER() != null, false, options(ctx.roleOption()));
    }

    static RoleStatement drop(DropRoleContext ctx) {
        return new RoleStatement(RoleStatement.Kind.DROP, ctx.identifier().stream().map(AstBuilder::identifier).toList(),
                ctx.USER() != null, ctx.IF() != null, List.of());
    }

    private static List<RoleStatement.Option> options(List<RoleOptionContext> written) {
        List<RoleStatement.Option> options = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (int i = 0; i < written.size(); i++) {
            RoleOptionContext o = written.get(i);
            int before = options.size();
            String name = AstBuilder.identifier(o.identifier());
            boolean hasValue = o.STRING() != null || o.NULL() != null;
            if (name.equals("encrypted") && !hasValue && i + 1 < written.size()
                    && AstBuilder.identifier(written.get(i + 1).identifier()).equals("password")) {
                continue; // ENCRYPTED PASSWORD is PASSWORD: every password is stored as a SCRAM verifier
            }
            if (name.equals("unencrypted")) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "UNENCRYPTED PASSWORD is no longer supported",
                        null, "Remove UNENCRYPTED to store the password in encrypted form instead.", 0, null);
            }
            if (name.equals("password") && hasValue) {
                options.add(new RoleStatement.Password(o.STRING() == null ? null : AstBuilder.unquote(o.STRING().getText())));
            } else if (!hasValue && FLAGS.contains(name)) {
                options.add(new RoleStatement.Flag(name, true));
            } else if (!hasValue && name.startsWith("no") && FLAGS.contains(name.substring(2))) {
                options.add(new RoleStatement.Flag(name.substring(2), false));
            }
            if (options.size() == before) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "unrecognized role option \"" + name + "\"", null,
                        null, o.getStart().getStartIndex() + 1, null);
            }
            RoleStatement.Option added = options.get(before);
            // As in PostgreSQL, each attribute may be given once: LOGIN NOLOGIN is an error, not "the last wins".
            if (!given.add(added instanceof RoleStatement.Flag f ? f.name() : "password")) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "conflicting or redundant options", null, null,
                        o.getStart().getStartIndex() + 1, null);
            }
        }
        return options;
    }
}
