package io.heliosdb.cli;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.cli.shell.InteractiveShell;
import io.heliosdb.cli.shell.ResultPrinter;
import io.heliosdb.cli.shell.ScriptShell;
import io.heliosdb.cli.shell.SqlShell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code heliosdb-lite shell}: an embedded SQL shell. At a terminal it prompts like psql; otherwise
 * it runs the statements it reads and exits, as {@code psql -f} does.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Open an embedded SQL shell on a database.")
final class ShellCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StorageChoice storage;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (heliosdb.toml).")
    Path config;

    @Option(names = {"-c", "--command"}, paramLabel = "SQL", description = "Run these statements and exit.")
    String command;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements in FILE and exit.")
    Path file;

    @Option(names = "--on-error-stop",
            description = "Stop at the first failed statement and exit with code 3 (psql's ON_ERROR_STOP).")
    boolean onErrorStop;

    @Option(names = "--verbose-errors", description = "Show the SQLSTATE code in error messages.")
    boolean verboseErrors;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The kernel's start-up lines would mix with query output; warnings still show.
        ConsoleLogging.install(Level.WARNING, out, err);
        var resolved = StorageChoice.resolver(storage, config, null, null).resolve(main.environment());
        try (HeliosDB db = HeliosDB.open(resolved); Session session = db.session()) {
            if (command != null) {
                return ScriptShell.run(newShell(session, out, err), new BufferedReader(new StringReader(command)));
            }
            if (file != null) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    return ScriptShell.run(newShell(session, out, err), in);
                }
            }
            if (!main.interactive()) {
                var in = new BufferedReader(new InputStreamReader(main.stdin(), StandardCharsets.UTF_8));
                return ScriptShell.run(newShell(session, out, err), in);
            }
            return runInteractive(db, session);
        }
    }

    private SqlShell newShell(Session session, PrintWriter out, PrintWriter err) {
        return new SqlShell(session, new ResultPrinter(out, err, verboseErrors), onErrorStop);
    }

    private int runInteractive(HeliosDB db, Session session) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            PrintWriter tw = terminal.writer();
            tw.println("heliosdb-lite shell (" + Main.version() + ", " + db.mode().displayName() + " mode)");
            tw.println("Type \\? for help, \\q to quit.");
            tw.println();
            SqlShell shell = newShell(session, tw, tw);
            String home = System.getProperty("user.home");
            Path history = home == null ? null : Path.of(home, ".heliosdb_history");
            return InteractiveShell.run(shell, terminal, history);
        }
    }
}
