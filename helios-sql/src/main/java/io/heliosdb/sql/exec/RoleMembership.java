package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.StatementResult;
import io.heliosdb.sql.ast.RoleStatement;
import io.heliosdb.sql.schema.RoleDef;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Role membership (GRANT g TO r, REVOKE g FROM r, CREATE ROLE ... IN ROLE / ROLE), kept on the member as
 * the names of its groups, and ALTER ROLE ... RENAME TO, which must follow the name into those lists.
 */
final class RoleMembership {

    private RoleMembership() {
    }

    /** The groups a new role joins (IN ROLE) must exist. */
    static void checkGroups(ExecutionContext ctx, RoleDef role) {
        for (String group : role.memberOf()) {
            ctx.role(group).orElseThrow(() -> RoleStatements.undefined(group));
        }
    }

    /** CREATE ROLE g ROLE a, b: a and b become members of the new role. */
    static void addMembers(ExecutionContext ctx, String group, List<RoleStatement.Option> options) {
        for (RoleStatement.Option o : options) {
            if (o instanceof RoleStatement.Members m) {
                for (String member : m.roles()) {
                    RoleDef r = ctx.role(member).orElseThrow(() -> RoleStatements.undefined(member));
                    join(ctx, r, group);
                }
            }
        }
    }

    static StatementResult grantOrRevoke(ExecutionContext ctx, RoleStatement s) {
        boolean grant = s.kind() == RoleStatement.Kind.GRANT;
        RoleDef self = RoleStatements.sessionRole(ctx);
        List<String> members = ((RoleStatement.Members) s.options().get(0)).roles();
        for (String group : s.names()) {
            RoleDef g = ctx.role(group).orElseThrow(() -> RoleStatements.undefined(group));
            if (!self.superuser() && (!self.createRole() || g.superuser())) {
                throw RoleStatements.denied("must have admin option on role \"" + group + "\"");
            }
            for (String member : members) {
                RoleDef r = ctx.role(member).orElseThrow(() -> RoleStatements.undefined(member));
                if (grant) {
                    if (member.equals(group) || isMember(ctx, g, member)) {
                        throw new HeliosException(SqlState.INVALID_GRANT_OPERATION, "role \"" + group
                                + "\" is a member of role \"" + member + "\"");
                    }
                    if (r.memberOf().contains(group)) {
                        ctx.notice("role \"" + member + "\" is already a member of role \"" + group + "\"");
                    } else {
                        join(ctx, r, group);
                    }
                } else if (r.memberOf().contains(group)) {
                    List<String> groups = new ArrayList<>(r.memberOf());
                    groups.remove(group);
                    ctx.alterRole(r.withMemberOf(groups));
                } else {
                    ctx.notice("role \"" + member + "\" is not a member of role \"" + group + "\"");
                }
            }
        }
        return Results.command(grant ? "GRANT ROLE" : "REVOKE ROLE", 0);
    }

    /** ALTER ROLE r RENAME TO n: a SCRAM verifier survives (it does not use the name), an md5 hash does not. */
    static StatementResult rename(ExecutionContext ctx, RoleDef self, RoleDef current, String newName) {
        if (current.name().equals(ctx.setting("session_authorization"))) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "session user cannot be renamed");
        }
        if (current.bootstrap()) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "permission denied to rename role",
                    "The bootstrap user's name comes from the configuration.", null, 0, null);
        }
        if (!self.superuser() && (!self.createRole() || current.superuser())) {
            throw RoleStatements.denied("permission denied to rename role");
        }
        if (ctx.role(newName).isPresent()) {
            throw new HeliosException(SqlState.DUPLICATE_OBJECT, "role \"" + newName + "\" already exists");
        }
        RoleStatements.reserved(newName);
        RoleDef renamed = current.withName(newName);
        if (current.password() != null && current.password().startsWith("md5")) {
            renamed = renamed.withPassword(null);
            ctx.notice("MD5 password cleared because of role rename");
        }
        ctx.dropRole(current);
        ctx.alterRole(renamed);
        for (RoleDef r : ctx.roles()) {
            if (r.memberOf().contains(current.name())) {
                ctx.alterRole(r.withMemberOf(r.memberOf().stream().map(g -> g.equals(current.name()) ? newName : g)
                        .toList()));
            }
        }
        return Results.command("ALTER ROLE", 0);
    }

    /** After DROP ROLE: nobody is a member of the dropped roles any more. */
    static void forget(ExecutionContext ctx, List<String> dropped) {
        for (RoleDef r : ctx.roles()) {
            if (r.memberOf().stream().anyMatch(dropped::contains)) {
                ctx.alterRole(r.withMemberOf(r.memberOf().stream().filter(g -> !dropped.contains(g)).toList()));
            }
        }
    }

    /** VALID UNTIL's timestamp; 'infinity' is no end. */
    static OffsetDateTime validUntil(ExecutionContext ctx, String text) {
        if (text.strip().equalsIgnoreCase("infinity")) {
            return null;
        }
        return (OffsetDateTime) SqlType.TIMESTAMPTZ.parse(text);
    }

    private static void join(ExecutionContext ctx, RoleDef member, String group) {
        List<String> groups = new ArrayList<>(member.memberOf());
        groups.add(group);
        ctx.alterRole(member.withMemberOf(groups));
    }

    /** Whether {@code name} is {@code role} or one of the groups it belongs to, directly or not (a cycle check). */
    static boolean isMember(ExecutionContext ctx, RoleDef role, String name) {
        for (String g : role.memberOf()) {
            if (g.equals(name) || ctx.role(g).map(r -> isMember(ctx, r, name)).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
