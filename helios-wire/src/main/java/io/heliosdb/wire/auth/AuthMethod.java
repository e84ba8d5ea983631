package io.heliosdb.wire.auth;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.Locale;

/** How a client proves who it is: the {@code auth_method} values of {@code [server]}. */
public enum AuthMethod {
    TRUST("trust"),
    PASSWORD("password"),
    MD5("md5"),
    SCRAM_SHA_256("scram-sha-256");

    private final String configName;

    AuthMethod(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The method named in the configuration; {@code null} means trust, the default. */
    public static AuthMethod of(String name) {
        if (name == null || name.isBlank()) {
            return TRUST;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (AuthMethod m : values()) {
            if (m.configName.equals(n)) {
                return m;
            }
        }
        throw new HeliosException(SqlState.CONFIG_FILE_ERROR, "invalid auth_method \"" + name
                + "\": expected trust, password, md5 or scram-sha-256");
    }
}
