package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.ast.RoleStatement;
import io.heliosdb.sql.schema.RoleDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CREATE, ALTER and DROP ROLE / USER, with PostgreSQL's privilege rules for the session user. */
final class RoleStatements {

    private RoleStatements() {
    }

    static StatementBody compile(RoleStatement statement) {
        return switch (statement.kind()) {
            case CREATE -> rt -> create(rt.context(), statement);
            case ALTER -> rt -> alter(rt.context(), statement);
            case DROP -> rt -> drop(rt.context(), statement);
            case GRANT, REVOKE -> rt -> RoleMembership.grantOrRevoke(rt.context(), statement);
        };
    }

    private static io.heliosdb.sql.StatementResult create(ExecutionContext ctx, RoleStatement s) {
        String name = s.names().get(0);
        RoleDef self = sessionRole(ctx);
        // CREATE USER differs from CREATE ROLE only in that the new role may log in unless told otherwise.
        RoleDef role = apply(ctx, new RoleDef(0, name, false, false, false, s.user(), null), s.options());
        if (!self.superuser() && role.superuser()) {
            throw denied("must be superuser to create superusers");
        }
        if (!self.superuser() && !self.createRole()) {
            throw denied("permission denied to create role");
        }
        if (ctx.role(name).isPresent()) {
            throw new HeliosException(SqlState.DUPLICATE_OBJECT, "role \"" + name + "\" already exists");
        }
        reserved(name);
        RoleMembership.checkGroups(ctx, role);
        ctx.createRole(role);
        RoleMembership.addMembers(ctx, name, s.options());
        return Results.command("CREATE ROLE", 0);
    }

    private static io.heliosdb.sql.StatementResult alter(ExecutionContext ctx, RoleStatement s) {
        String name = s.names().get(0);
        RoleDef current = ctx.role(name).orElseThrow(() -> undefined(name));
        RoleDef self = sessionRole(ctx);
        if (s.options().size() == 1 && s.options().get(0) instanceof RoleStatement.Rename r) {
            return RoleMembership.rename(ctx, self, current, r.newName());
        }
        RoleDef altered = apply(ctx, current, s.options());
        boolean onlyOwnPassword = self.name().equals(name)
                && s.options().stream().allMatch(o -> o instanceof RoleStatement.Password);
        if (!self.superuser() && !onlyOwnPassword && (!self.createRole() || current.superuser() || altered.superuser())) {
            throw denied("permission denied to alter role");
        }
        if (current.bootstrap() && !altered.superuser()) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "permission denied to alter role",
                    "The bootstrap user must have the SUPERUSER attribute.", null, 0, null);
        }
        ctx.alterRole(altered);
        return Results.command("ALTER ROLE", 0);
    }

    private static io.heliosdb.sql.StatementResult drop(ExecutionContext ctx, RoleStatement s) {
        RoleDef self = sessionRole(ctx);
        if (!self.superuser() && !self.createRole()) {
            throw denied("permission denied to drop role");
        }
        List<RoleDef> dropped = new ArrayList<>();
        for (String name : s.names()) {
            Optional<RoleDef> role = ctx.role(name);
            if (role.isEmpty()) {
                if (!s.ifExists()) {
                    throw undefined(name);
                }
                ctx.notice("role \"" + name + "\" does not exist, skipping");
                continue;
            }
            RoleDef r = role.get();
            if (r.name().equals(self.name())) {
                throw new HeliosException(SqlState.OBJECT_IN_USE, "current user cannot be dropped");
            }
            if (r.bootstrap()) {
                throw new HeliosException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop role " + r.name()
                        + " because it is required by the database system");
            }
            if (r.superuser() && !self.superuser()) {
                throw denied("permission denied to drop role");
            }
            dropped.add(r);
        }
        dropped.forEach(ctx::dropRole);
        RoleMembership.forget(ctx, dropped.stream().map(RoleDef::name).toList());
        return Results.command("DROP ROLE", 0);
    }

    /** The options in order, a later one winning; a password becomes a SCRAM verifier here. */
    private static RoleDef apply(ExecutionContext ctx, RoleDef role, List<RoleStatement.Option> options) {
        boolean superuser = role.superuser();
        boolean createDb = role.createDb();
        boolean createRole = role.createRole();
        boolean login = role.canLogin();
        String password = role.password();
        int limit = role.connectionLimit();
        java.time.OffsetDateTime validUntil = role.validUntil();
        List<String> memberOf = new ArrayList<>(role.memberOf());
        boolean inherit = role.inherit();
        for (RoleStatement.Option o : options) {
            if (o instanceof RoleStatement.Password p) {
                password = verifier(ctx, p.text());
            } else if (o instanceof RoleStatement.ConnectionLimit c) {
                if (c.limit() < -1) {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "invalid connection limit: " + c.limit());
                }
                limit = c.limit();
            } else if (o instanceof RoleStatement.ValidUntil v) {
                validUntil = RoleMembership.validUntil(ctx, v.text());
            } else if (o instanceof RoleStatement.InRole in) {
                for (String group : in.roles()) {
                    if (!memberOf.contains(group)) {
                        memberOf.add(group);
                    }
                }
            } else if (o instanceof RoleStatement.Members || o instanceof RoleStatement.Rename) {
                continue; // applied to the other roles once this one exists
            } else {
                RoleStatement.Flag f = (RoleStatement.Flag) o;
                switch (f.name()) {
                    case "superuser" -> superuser = f.value();
                    case "createdb" -> createDb = f.value();
                    case "createrole" -> createRole = f.value();
                    case "login" -> login = f.value();
                    case "inherit" -> inherit = f.value();
                    default -> {
                        // REPLICATION and BYPASSRLS change nothing: there is no replication or row-level security.
                    }
                }
            }
        }
        return new RoleDef(role.id(), role.name(), superuser, createDb, createRole, login, password, limit, validUntil,
                memberOf, inherit);
    }

    private static String verifier(ExecutionContext ctx, String text) {
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            ctx.notice("empty string is not a valid password, clearing password");
            return null;
        }
        // An md5 hash ("md5" and 32 hex digits) is kept as given, as PostgreSQL does; md5 logins check it.
        return ScramSecret.isVerifier(text) || text.matches("md5[0-9a-f]{32}") ? text : ScramSecret.verifier(text);
    }

    /** The role the session runs as; a session user the catalog does not know has no privileges. */
    static RoleDef sessionRole(ExecutionContext ctx) {
        String user = io.heliosdb.sql.CurrentRole.of(ctx);
        return ctx.role(user).orElse(new RoleDef(-1, user, false, false, false, false, null));
    }

    /** PostgreSQL reserves the pg_ prefix and the role names that SQL gives a meaning. */
    static void reserved(String name) {
        if (name.startsWith("pg_")) {
            throw new HeliosException(SqlState.RESERVED_NAME, "role name \"" + name + "\" is reserved",
                    "Role names starting with \"pg_\" are reserved.", null, 0, null);
        }
        if (name.equals("public") || name.equals("none")) {
            throw new HeliosException(SqlState.RESERVED_NAME, "role name \"" + name + "\" is reserved");
        }
    }

    static HeliosException undefined(String name) {
        return new HeliosException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
    }

    static HeliosException denied(String message) {
        return new HeliosException(SqlState.INSUFFICIENT_PRIVILEGE, message);
    }
}
