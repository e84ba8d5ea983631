package io.heliosdb.api.config;

import java.nio.file.Path;

/** {@code [audit]}: an audit log of statements and logins. */
public record AuditConfig(boolean enabled, Path logPath) {

    public static AuditConfig defaults() {
        return new AuditConfig(false, null);
    }
}
