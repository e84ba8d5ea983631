package io.heliosdb.sql;

import java.util.function.Function;

/**
 * Who a session acts as. The session user ({@code session_user}, setting {@code session_authorization}) is
 * the user who logged in unless SET SESSION AUTHORIZATION changed it; the current user ({@code current_user},
 * {@code current_role}, privilege checks, {@code $user} in search_path) is the role SET ROLE chose (setting
 * {@code role}, "none" when none), else the session user.
 */
public final class CurrentRole {
    public static final String ROLE = "role";
    public static final String SESSION_AUTHORIZATION = "session_authorization";
    /** The user who logged in, read-only: RESET SESSION AUTHORIZATION returns to it. */
    public static final String AUTHENTICATED_USER = "heliosdb.authenticated_user";
    public static final String NONE = "none";

    private CurrentRole() {
    }

    /** The current user from the session's settings ({@code setting} gives a value by name, or null). */
    public static String of(Function<String, String> setting) {
        String role = setting.apply(ROLE);
        return role == null || role.equals(NONE) ? setting.apply(SESSION_AUTHORIZATION) : role;
    }

    /** The current user of the statement's session. */
    public static String of(ExecutionContext ctx) {
        return of(ctx::setting);
    }
}
