package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stop} without a running server: a clear message and exit 1; a stale pid file is cleared. */
class StopCommandTest {
    @TempDir
    Path tmp;

    @Test
    void stop_nothingRunning_exits1WithAMessage() {
        CliRun run = CliRun.run("", "stop", "--data", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no server is running on " + tmp.toAbsolutePath());
    }

    @Test
    void stop_pidFileOfAFinishedProcess_removesItAndExits1() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path pid = tmp.resolve(ServerPidFile.NAME);
        Files.writeString(pid, gone.pid() + "\n5432\n");
        CliRun run = CliRun.run("", "stop", "--data", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("has gone");
        assertThat(pid).doesNotExist();
    }

    @Test
    void stop_memory_isRefused() {
        CliRun run = CliRun.run("", "stop", "--memory");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("in-memory");
    }

    @Test
    void pidFile_describesTheServerForDumpsRefusal() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(CliRun.run("create table t (id int);", "shell", "--data", data.toString()).exitCode()).isZero();
        Files.writeString(data.resolve(ServerPidFile.NAME), "4242\n6543\n");
        assertThat(new ServerPidFile(data.resolve(ServerPidFile.NAME)).describe())
                .isEqualTo("the server (pid 4242) listening on port 6543");
    }
}
