package io.heliosdb.cli;

import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options naming the database a command works on ({@code --data DIR | --memory}, {@code --config FILE}): a picocli mixin. */
final class DatabaseOptions {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StorageChoice storage;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (heliosdb.toml).")
    Path config;

    /** The configuration these options, the file and the environment give (no server port or address). */
    HeliosConfig resolve(Map<String, String> environment) {
        return StorageChoice.resolver(storage, config, null, null).resolve(environment);
    }
}
