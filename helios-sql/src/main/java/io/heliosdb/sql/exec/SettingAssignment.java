package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import java.util.Locale;
import java.util.Set;

/**
 * One path for SET, RESET and set_config(): role switches go through {@link RoleSwitch}; the settings a
 * PostgreSQL server fixes at start-up (or derives, as is_superuser) cannot be changed (55P02).
 */
final class SettingAssignment {
    /** PostgreSQL's PGC_INTERNAL parameters among ours, by lower-case name. */
    private static final Set<String> READ_ONLY = Set.of("server_version", "server_version_num", "server_encoding",
            "integer_datetimes", "is_superuser", "max_identifier_length", "in_hot_standby");

    private SettingAssignment() {
    }

    /** {@code SET [LOCAL] name = value}; a null value resets the setting (SET ... TO DEFAULT, RESET). */
    static void apply(ExecutionContext ctx, String name, String value, boolean local) {
        if (READ_ONLY.contains(name.toLowerCase(Locale.ROOT))) {
            throw new HeliosException(SqlState.CANT_CHANGE_RUNTIME_PARAM, "parameter \"" + name + "\" cannot be changed");
        }
        if (RoleSwitch.handles(name)) {
            RoleSwitch.set(ctx, name, value, local);
        } else if (local) {
            ctx.setLocalSetting(name, value);
        } else {
            ctx.setSetting(name, value);
        }
    }

    static HeliosException unrecognized(String name) {
        return new HeliosException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
    }
}
