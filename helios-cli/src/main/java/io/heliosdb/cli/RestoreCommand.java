package io.heliosdb.cli;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.cli.dump.ScriptRestore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code heliosdb-lite restore}: runs a plain SQL script (a {@code dump}'s, or pg_dump's plain format) into a
 * database, {@code COPY ... FROM stdin} data included. Stops at the first error with exit code 1; in one
 * transaction (the default) nothing of the script stays.
 */
@Command(name = "restore", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Load a plain SQL script (from dump) into a database, in one transaction.")
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the script from FILE (default: standard input).")
    Path file;

    @Option(names = {"-1", "--single-transaction"}, negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the whole script in one transaction (default); --no-single-transaction commits each statement.")
    boolean singleTransaction;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleLogging.install(Level.WARNING, out, err);
        var resolved = database.resolve(main.environment());
        try (HeliosDB db = DatabaseOpening.open(resolved); Session session = db.session();
             BufferedReader in = file != null ? Files.newBufferedReader(file, StandardCharsets.UTF_8)
                     : new BufferedReader(new InputStreamReader(main.stdin(), StandardCharsets.UTF_8))) {
            ScriptRestore restore = new ScriptRestore(session, singleTransaction);
            try {
                restore.run(in);
            } catch (ScriptRestore.RestoreFailure f) {
                err.println("heliosdb-lite: " + f.getMessage()
                        + (singleTransaction ? " (rolled back: nothing was restored)" : ""));
                err.flush();
                return 1;
            }
            out.println("restored " + restore.statements() + " statements");
            out.flush();
            return 0;
        }
    }
}
