package io.heliosdb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code heliosdb-lite init DIR}: a database directory with a commented {@code heliosdb.toml}. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Create a database directory with a commented heliosdb.toml.")
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The database directory to create.")
    Path directory;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = directory.resolve(ConfigResolver.CONFIG_FILE_NAME);
        if (Files.exists(file)) {
            err.println("heliosdb-lite: " + file + " already exists; not overwriting it");
            return 1;
        }
        Files.createDirectories(directory);
        try {
            Files.writeString(file, ConfigTemplate.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            err.println("heliosdb-lite: " + file + " already exists; not overwriting it");
            return 1;
        }
        out.println("Created " + file);
        out.println("Start the server with:  heliosdb-lite start --data " + directory);
        out.println("or open a SQL shell:    heliosdb-lite shell --data " + directory);
        out.flush();
        return 0;
    }
}
