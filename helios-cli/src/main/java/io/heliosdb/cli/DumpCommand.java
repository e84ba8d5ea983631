package io.heliosdb.cli;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.cli.dump.SqlDump;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code heliosdb-lite dump}: writes the database as a plain SQL script (pg_dump's plain format, UTF-8) that
 * {@code restore} or psql loads. Opens the database embedded; a directory a running server holds is refused
 * (the storage engine's lock), so stop the server first or dump through it with pg_dump.
 */
@Command(name = "dump", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Write the database as a plain SQL script (schemas, sequences, tables, data, indexes, views).")
final class DumpCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Write the script to FILE (default: standard output).")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Parts parts;

    @Option(names = {"-t", "--table"}, paramLabel = "TABLE",
            description = "Dump only this table (name or schema.name; repeatable); views and other sequences are left out.")
    List<String> tables = List.of();

    static final class Parts {
        @Option(names = {"-s", "--schema-only"}, description = "Only the definitions, no data.")
        boolean schemaOnly;

        @Option(names = {"-a", "--data-only"}, description = "Only the data, no definitions.")
        boolean dataOnly;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ConsoleLogging.install(Level.WARNING, err, err);
        var resolved = database.resolve(main.environment());
        boolean schema = parts == null || !parts.dataOnly;
        boolean data = parts == null || !parts.schemaOnly;
        try (HeliosDB db = DatabaseOpening.open(resolved); Session session = db.session()) {
            if (file == null) {
                Writer out = spec.commandLine().getOut();
                new SqlDump(session, out, schema, data, Set.copyOf(tables)).write();
                return 0;
            }
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8))) {
                new SqlDump(session, out, schema, data, Set.copyOf(tables)).write();
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return 0;
        }
    }
}
