package io.heliosdb.cli;

import io.heliosdb.api.HeliosException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code heliosdb-lite} command. Exit codes: 0 success, 1 error, 2 usage error, and 3 when
 * {@code shell --on-error-stop} stops at a failed statement.
 */
@Command(name = "heliosdb-lite", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "HeliosDB Lite: a PostgreSQL-compatible SQL database for the JVM.",
        subcommands = {InitCommand.class, StartCommand.class, ShellCommand.class, DumpCommand.class, RestoreCommand.class,
            StatusCommand.class, StopCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    private final InputStream stdin;
    private final boolean interactive;
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    /** Reads the process's standard input and environment. */
    public Main() {
        this(System.in, System.console() != null, System.getenv());
    }

    /**
     * @param stdin       what {@code shell} reads when it is not interactive
     * @param interactive whether standard input is a terminal (then {@code shell} prompts)
     * @param environment the {@code HELIOS_*} variables that override the configuration
     */
    public Main(InputStream stdin, boolean interactive, Map<String, String> environment) {
        this.stdin = stdin;
        this.interactive = interactive;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        quietNettyEvents();
        int code = new Main().commandLine(
                new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset())).execute(args);
        System.exit(code);
    }

    /**
     * Netty (4.2) registers its buffer allocator's JFR events when JFR is available, which spins event
     * handler classes at start-up (about a fifth of {@code start}'s CPU time to its first connection);
     * the events only matter inside a flight recording, so they are off unless asked for with
     * {@code -Dio.netty.jfr.enabled=true}. Set before any Netty class initialises.
     */
    static void quietNettyEvents() {
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
    }

    /** The configured picocli command line, writing to these streams. */
    public CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(this);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("heliosdb-lite: " + describe(e));
            commandLine.getErr().flush();
            return 1;
        });
        return cl;
    }

    /** No subcommand: a usage error, as for any other missing argument. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: init, start, shell, dump, restore, status or stop");
    }

    InputStream stdin() {
        return stdin;
    }

    boolean interactive() {
        return interactive;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** One line for the operator; a stack trace only for what is not one of ours, which is a bug. */
    static String describe(Throwable e) {
        if (e instanceof HeliosException he) {
            return he.getMessage();
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException f) {
            return "no such file or directory: " + f.getFile();
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "already exists: " + f.getFile();
        }
        if (e instanceof IOException) {
            return e.getMessage() != null ? e.getMessage() : e.toString();
        }
        return "internal error: " + e;
    }

    /** The module's version on the module path; on the class path (the launcher's) the jar manifest's. */
    static String version() {
        String v = Main.class.getModule().getDescriptor() == null ? null
                : Main.class.getModule().getDescriptor().rawVersion().orElse(null);
        if (v == null) {
            v = Main.class.getPackage().getImplementationVersion();
        }
        return "HeliosDB Lite " + (v != null ? v : "(development build)");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {version()};
        }
    }
}
