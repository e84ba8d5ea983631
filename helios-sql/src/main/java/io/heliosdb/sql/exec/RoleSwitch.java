package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.CurrentRole;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.schema.RoleDef;

/**
 * SET ROLE and SET SESSION AUTHORIZATION with PostgreSQL's permission rules: SET ROLE only to a role the
 * session user is (directly or through groups) a member of, unless the session user is a superuser; SET
 * SESSION AUTHORIZATION only when the user who logged in is a superuser, or back to that user. The current
 * user (privilege checks, current_user) is the role set, else the session user; a new session authorization
 * resets the role, as in PostgreSQL.
 */
final class RoleSwitch {

    private RoleSwitch() {
    }

    /** Whether a SET of {@code name} is a role switch (checked here rather than a plain setting). */
    static boolean handles(String name) {
        return name.equalsIgnoreCase(CurrentRole.ROLE) || name.equalsIgnoreCase(CurrentRole.SESSION_AUTHORIZATION);
    }

    static void set(ExecutionContext ctx, String name, String value, boolean local) {
        if (name.equalsIgnoreCase(CurrentRole.ROLE)) {
            apply(ctx, CurrentRole.ROLE, role(ctx, value), local);
        } else {
            String user = sessionAuthorization(ctx, value);
            apply(ctx, CurrentRole.SESSION_AUTHORIZATION, user, local);
            apply(ctx, CurrentRole.ROLE, null, local);
        }
        // As PostgreSQL, is_superuser follows the current user (and is reported to the client when it changes).
        ctx.role(CurrentRole.of(ctx)).ifPresent(r -> apply(ctx, IS_SUPERUSER, r.superuser() ? "on" : "off", local));
    }

    static final String IS_SUPERUSER = "is_superuser";

    private static void apply(ExecutionContext ctx, String name, String value, boolean local) {
        if (local) {
            ctx.setLocalSetting(name, value);
        } else {
            ctx.setSetting(name, value);
        }
    }

    /** The role SET ROLE switches to, or null for NONE (and RESET ROLE). */
    private static String role(ExecutionContext ctx, String value) {
        if (value == null || value.equals(CurrentRole.NONE)) {
            return null;
        }
        RoleDef target = existing(ctx, value);
        String session = ctx.setting(CurrentRole.SESSION_AUTHORIZATION);
        RoleDef sessionRole = ctx.role(session).orElse(null);
        boolean allowed = target.name().equals(session) || sessionRole != null
                && (sessionRole.superuser() || RoleMembership.isMember(ctx, sessionRole, target.name()));
        if (!allowed) {
            throw new HeliosException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to set role \"" + value + "\"");
        }
        return target.name();
    }

    /** The user SET SESSION AUTHORIZATION switches to (DEFAULT and RESET: the user who logged in). */
    private static String sessionAuthorization(ExecutionContext ctx, String value) {
        String authenticated = ctx.setting(CurrentRole.AUTHENTICATED_USER);
        if (authenticated == null) {
            authenticated = ctx.setting(CurrentRole.SESSION_AUTHORIZATION);
        }
        if (value == null) {
            return authenticated;
        }
        RoleDef target = existing(ctx, value);
        boolean superuser = ctx.role(authenticated).map(RoleDef::superuser).orElse(false);
        if (!superuser && !target.name().equals(authenticated)) {
            throw new HeliosException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to set session authorization \""
                    + value + "\"");
        }
        return target.name();
    }

    private static RoleDef existing(ExecutionContext ctx, String name) {
        return ctx.role(name).orElseThrow(() -> new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "role \"" + name
                + "\" does not exist"));
    }
}
