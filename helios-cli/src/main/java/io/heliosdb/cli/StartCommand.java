package io.heliosdb.cli;

import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code heliosdb-lite start}: the PostgreSQL-compatible server in the foreground until SIGINT/SIGTERM. */
@Command(name = "start", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run the PostgreSQL-compatible server in the foreground until Ctrl+C or SIGTERM.")
final class StartCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StorageChoice storage;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: 5432; 0 lets the OS choose).")
    Integer port;

    @Option(names = "--listen", paramLabel = "ADDR", description = "Address to listen on (default: 127.0.0.1).")
    String listen;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (heliosdb.toml).")
    Path config;

    /** The configuration this invocation asks for: file, then flags, then HELIOS_* variables. */
    HeliosConfig resolveConfig() {
        return StorageChoice.resolver(storage, config, port, listen).resolve(main.environment());
    }

    @Override
    public Integer call() throws InterruptedException {
        ConsoleLogging.install(Level.INFO, spec.commandLine().getOut(), spec.commandLine().getErr());
        HeliosConfig config = resolveConfig();
        RunningServer server = RunningServer.start(config, spec.commandLine().getOut());
        // `stop` finds the server by its pid file; it goes once the database is closed.
        ServerPidFile pidFile = ServerPidFile.of(config);
        if (pidFile != null) {
            pidFile.write(ProcessHandle.current().pid(), server.port());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } finally {
                if (pidFile != null) {
                    pidFile.delete();
                }
            }
        }, "heliosdb-shutdown"));
        server.awaitStop();
        return 0;
    }
}
