package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.RoleStatement;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.AlterRoleContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CreateRoleContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.DropRoleContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.GrantMembershipContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.GrantRoleContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.IdentifierContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.RevokeMembershipContext;
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
        List<RoleStatement.Option> options = ctx.newName != null
                ? List.of(new RoleStatement.Rename(AstBuilder.identifier(ctx.newName))) : options(ctx.roleOption());
        return new RoleStatement(RoleStatement.Kind.ALTER, List.of(AstBuilder.identifier(ctx.identifier(0))),
                ctx.USER() != null, false, options);
    }

    static RoleStatement drop(DropRoleContext ctx) {
        return new RoleStatement(RoleStatement.Kind.DROP, ctx.identifier().stream().map(AstBuilder::identifier).toList(),
                ctx.USER() != null, ctx.IF() != null, List.of());
    }

    /** GRANT a, b TO c, d [WITH ADMIN OPTION] and REVOKE a FROM c: names are the granted roles. */
    static RoleStatement grant(GrantRoleContext ctx) {
        if (ctx instanceof GrantMembershipContext g) {
            int split = g.TO().getSymbol().getTokenIndex();
            List<String> granted = new ArrayList<>();
            List<String> members = new ArrayList<>();
            List<IdentifierContext> ids = g.identifier();
            int withAt = g.WITH() == null ? Integer.MAX_VALUE : g.WITH().getSymbol().getTokenIndex();
            boolean admin = false;
            for (IdentifierContext id : ids) {
                int at = id.getStart().getTokenIndex();
                String name = AstBuilder.identifier(id);
                if (at < split) {
                    granted.add(name);
                } else if (at < withAt) {
                    members.add(name);
                } else if (name.equals("admin")) {
                    admin = true;
                } else if (!name.equals("option")) {
                    throw syntax(name, id);
                }
            }
            return new RoleStatement(RoleStatement.Kind.GRANT, granted, false, false,
                    List.of(new RoleStatement.Members(members, admin)));
        }
        RevokeMembershipContext r = (RevokeMembershipContext) ctx;
        int split = r.FROM().getSymbol().getTokenIndex();
        List<String> granted = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (IdentifierContext id : r.identifier()) {
            (id.getStart().getTokenIndex() < split ? granted : members).add(AstBuilder.identifier(id));
        }
        return new RoleStatement(RoleStatement.Kind.REVOKE, granted, false, false,
                List.of(new RoleStatement.Members(members, false)));
    }

    /** The options from the words as written. */
    private static List<RoleStatement.Option> options(List<RoleOptionContext> words) {
        List<RoleStatement.Option> options = new ArrayList<>();
        Set<String> given = new HashSet<>();
        int i = 0;
        while (i < words.size()) {
            RoleOptionContext o = words.get(i);
            String name = word(o);
            if (name == null) {
                throw syntax(o.getText(), o);
            }
            i++;
            RoleStatement.Option option;
            String key = name;
            if (name.equals("encrypted") && i < words.size() && "password".equals(word(words.get(i)))) {
                continue; // ENCRYPTED PASSWORD is PASSWORD: every password is stored encrypted
            } else if (name.equals("unencrypted")) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "UNENCRYPTED PASSWORD is no longer supported",
                        null, "Remove UNENCRYPTED to store the password in encrypted form instead.", 0, null);
            } else if (name.equals("password") && i < words.size()
                    && (words.get(i).STRING() != null || words.get(i).NULL() != null)) {
                RoleOptionContext value = words.get(i++);
                option = new RoleStatement.Password(value.STRING() == null ? null : AstBuilder.unquote(value.STRING().getText()));
            } else if (name.equals("connection") && i + 1 < words.size() && "limit".equals(word(words.get(i)))
                    && words.get(i + 1).INTEGER_LITERAL() != null) {
                RoleOptionContext value = words.get(i + 1);
                i += 2;
                option = new RoleStatement.ConnectionLimit(Integer.parseInt(value.getText()));
            } else if (name.equals("valid") && i + 1 < words.size() && "until".equals(word(words.get(i)))
                    && words.get(i + 1).STRING() != null) {
                option = new RoleStatement.ValidUntil(AstBuilder.unquote(words.get(i + 1).STRING().getText()));
                i += 2;
            } else if (name.equals("in") && i < words.size() && ("role".equals(word(words.get(i)))
                    || "group".equals(word(words.get(i))))) {
                List<String> roles = new ArrayList<>();
                i = names(words, i + 1, roles);
                option = new RoleStatement.InRole(roles);
                key = "in role";
            } else if (name.equals("role") || name.equals("user") || name.equals("admin")) {
                List<String> roles = new ArrayList<>();
                i = names(words, i, roles);
                option = new RoleStatement.Members(roles, name.equals("admin"));
            } else if (FLAGS.contains(name)) {
                option = new RoleStatement.Flag(name, true);
            } else if (name.startsWith("no") && FLAGS.contains(name.substring(2))) {
                key = name.substring(2);
                option = new RoleStatement.Flag(key, false);
            } else {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "unrecognized role option \"" + name + "\"", null,
                        null, o.getStart().getStartIndex() + 1, null);
            }
            // As in PostgreSQL, each attribute may be given once: LOGIN NOLOGIN is an error, not "the last wins".
            if (!given.add(key)) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "conflicting or redundant options", null, null,
                        o.getStart().getStartIndex() + 1, null);
            }
            options.add(option);
        }
        return options;
    }

    /** Role names separated by commas from {@code i}; returns the index after them. */
    private static int names(List<RoleOptionContext> words, int i, List<String> out) {
        while (true) {
            if (i >= words.size() || words.get(i).identifier() == null) {
                throw syntax(i < words.size() ? words.get(i).getText() : "end of input",
                        i < words.size() ? words.get(i) : words.get(words.size() - 1));
            }
            out.add(AstBuilder.identifier(words.get(i).identifier()));
            i++;
            if (i < words.size() && words.get(i).COMMA() != null) {
                i++;
            } else {
                return i;
            }
        }
    }

    /** The word as a lower-case name (IN included), or null for a string, number or comma. */
    private static String word(RoleOptionContext o) {
        if (o.identifier() != null) {
            return AstBuilder.identifier(o.identifier());
        }
        return o.IN() != null ? "in" : o.LIMIT() != null ? "limit" : o.GROUP() != null ? "group"
                : o.USER() != null ? "user" : null;
    }

    private static HeliosException syntax(String near, org.antlr.v4.runtime.ParserRuleContext at) {
        return new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + near + "\"", null, null,
                at.getStart().getStartIndex() + 1, null);
    }
}
