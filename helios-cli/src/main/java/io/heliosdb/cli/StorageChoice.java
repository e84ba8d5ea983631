package io.heliosdb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR | --memory}: where the database lives. */
final class StorageChoice {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default: ./heliosdb-data); a heliosdb.toml in it is read unless --config is given.")
    Path data;

    @Option(names = "--memory", description = "Keep all data in RAM; it is gone when the process ends.")
    boolean memory;

    /** The resolver for these choices; {@code choice} is null when neither option was given. */
    static ConfigResolver resolver(StorageChoice choice, Path configFile, Integer port, String listenAddr) {
        return choice == null ? new ConfigResolver(configFile, null, false, port, listenAddr)
                : new ConfigResolver(configFile, choice.data, choice.memory, port, listenAddr);
    }
}
