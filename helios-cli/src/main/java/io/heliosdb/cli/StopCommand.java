package io.heliosdb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code heliosdb-lite stop}: sends SIGTERM to the server {@code start} runs on a data directory (found by its
 * {@code heliosdb.pid}) and waits until it has closed the database. Exit 1 when none runs there.
 */
@Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Stop the server that `start` runs on a data directory (SIGTERM, then wait for it to close).")
final class StopCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for the server to finish (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var resolved = database.resolve(main.environment());
        ServerPidFile pidFile = ServerPidFile.of(resolved);
        if (pidFile == null) {
            err.println("heliosdb-lite: an in-memory server has no data directory to find it by; stop it with Ctrl+C or kill");
            err.flush();
            return 1;
        }
        long pid = pidFile.pid();
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (pid <= 0) {
            err.println("heliosdb-lite: no server is running on " + pidFile.file().getParent() + " (no " + ServerPidFile.NAME + ")");
            err.flush();
            return 1;
        }
        if (process.isEmpty() || !process.get().isAlive() || !isJava(process.get())) {
            pidFile.delete();
            err.println("heliosdb-lite: no server is running on " + pidFile.file().getParent() + " (process " + pid
                    + " has gone; its stale " + ServerPidFile.NAME + " was removed)");
            err.flush();
            return 1;
        }
        if (process.get().pid() == ProcessHandle.current().pid()) {
            err.println("heliosdb-lite: the server on " + pidFile.file().getParent() + " is this process");
            err.flush();
            return 1;
        }
        process.get().destroy();
        try {
            process.get().onExit().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            err.println("heliosdb-lite: the server (pid " + pid + ") has not stopped within " + timeoutSeconds + " s");
            err.flush();
            return 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        out.println("server (pid " + pid + ") stopped");
        out.flush();
        return 0;
    }

    /** Guards against a recycled process id: the server is a JVM. */
    private static boolean isJava(ProcessHandle p) {
        return p.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("java")).orElse(true);
    }
}
