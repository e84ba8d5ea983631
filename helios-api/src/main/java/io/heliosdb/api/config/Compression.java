package io.heliosdb.api.config;

import java.util.Locale;

/** Compression of stored (and cached) values: {@code [storage] compression}. */
public enum Compression {
    ZSTD, LZ4, NONE;

    /** The name used in heliosdb.toml. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Compression ofConfigName(String name) {
        for (Compression c : values()) {
            if (c.configName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("expected \"zstd\", \"lz4\" or \"none\", got \"" + name + "\"");
    }
}
