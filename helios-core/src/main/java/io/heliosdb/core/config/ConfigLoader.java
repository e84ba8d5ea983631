package io.heliosdb.core.config;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads {@code heliosdb.toml}. Every key has a default, so an empty file is valid; an unknown
 * section or key, a value of the wrong type and a TOML syntax error are {@code F0000} errors
 * naming the file, the line and the key. {@code HELIOS_*} environment variables override the
 * file: apply them with {@link #applyEnvironment} after any command-line flags.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads a configuration file; relative paths in it are resolved against the file's directory. */
    public static HeliosConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HeliosException(SqlState.CONFIG_FILE_ERROR,
                    "could not read configuration file \"" + file + "\": " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        return parse(text, file.toString(), dir);
    }

    /** Parses configuration text; {@code sourceName} names it in errors. Relative paths stay as written. */
    public static HeliosConfig parse(String toml, String sourceName) {
        return parse(toml, sourceName, null);
    }

    /** Parses configuration text, resolving relative paths against {@code baseDir} when it is not null. */
    public static HeliosConfig parse(String toml, String sourceName, Path baseDir) {
        TomlParseResult result = Toml.parse(toml);
        if (result.hasErrors()) {
            TomlParseError first = result.errors().get(0);
            TomlPosition p = first.position();
            throw configError(sourceName + ":" + p.line() + ":" + p.column() + ": syntax error: "
                    + stripPosition(first.getMessage()));
        }
        ConfigDraft draft = ConfigDraft.ofDefaults();
        for (String section : result.keySet()) {
            int sectionLine = line(result, List.of(section));
            if (!ConfigKey.sections().contains(section)) {
                throw configError(sourceName + ":" + sectionLine + ": unknown section [" + section
                        + "] (known sections: " + String.join(", ", ConfigKey.sections()) + ")");
            }
            Object value = result.get(List.of(section));
            if (!(value instanceof TomlTable table)) {
                throw configError(sourceName + ":" + sectionLine + ": \"" + section + "\" must be a table ["
                        + section + "]");
            }
            for (String key : table.keySet()) {
                int keyLine = line(result, List.of(section, key));
                ConfigKey configKey = ConfigKey.find(section, key);
                if (configKey == null) {
                    throw configError(sourceName + ":" + keyLine + ": unknown key \"" + section + "." + key
                            + "\" (known keys in [" + section + "]: " + String.join(", ", ConfigKey.keysOf(section))
                            + ")");
                }
                try {
                    configKey.apply(draft, configKey.kind().fromToml(table.get(List.of(key)), baseDir));
                } catch (IllegalArgumentException e) {
                    throw configError(sourceName + ":" + keyLine + ": invalid value for \"" + configKey.dotted()
                            + "\": " + e.getMessage());
                }
            }
        }
        return draft.build();
    }

    /** Applies the {@code HELIOS_*} variables of the process environment. */
    public static HeliosConfig applyEnvironment(HeliosConfig config) {
        return applyEnvironment(config, System.getenv());
    }

    /**
     * Applies {@code HELIOS_<SECTION>_<KEY>} variables (e.g. {@code HELIOS_STORAGE_PATH},
     * {@code HELIOS_SERVER_PORT}); other variables are ignored. A bad value is an {@code F0000} error
     * naming the variable.
     */
    public static HeliosConfig applyEnvironment(HeliosConfig config, Map<String, String> environment) {
        ConfigDraft draft = new ConfigDraft(config);
        boolean engineSet = environment.containsKey(ConfigKey.STORAGE_ENGINE.environmentVariable());
        for (ConfigKey key : ConfigKey.values()) {
            String text = environment.get(key.environmentVariable());
            if (text == null) {
                continue;
            }
            try {
                key.apply(draft, key.kind().fromText(text));
            } catch (IllegalArgumentException e) {
                throw configError("environment variable " + key.environmentVariable() + ": invalid value for \""
                        + key.dotted() + "\": " + e.getMessage());
            }
        }
        if (!engineSet && draft.memoryOnly != config.storage().memoryOnly()) {
            // Switching memory_only through the environment also switches the default engine.
            draft.engine = null;
        }
        return draft.build();
    }

    private static int line(TomlTable root, List<String> path) {
        TomlPosition p = root.inputPositionOf(path);
        return p == null ? 0 : p.line();
    }

    /** tomlj appends " (line x, column y)" to some messages; the position is already in front. */
    private static String stripPosition(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\(line \\d+, column \\d+\\)$", "");
    }

    private static HeliosException configError(String message) {
        return new HeliosException(SqlState.CONFIG_FILE_ERROR, message);
    }
}
