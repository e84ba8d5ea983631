package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void noCommand_isUsageErrorWithExitCode2() {
        CliRun run = CliRun.run("");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command").contains("Usage: heliosdb-lite");
    }

    @Test
    void unknownOption_isUsageErrorWithExitCode2() {
        assertThat(CliRun.run("", "start", "--bogus").exitCode()).isEqualTo(2);
    }

    @Test
    void dataAndMemoryTogether_isUsageErrorWithExitCode2() {
        CliRun run = CliRun.run("", "shell", "--memory", "--data", "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void help_listsTheCommands() {
        CliRun run = CliRun.run("", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("init").contains("start").contains("shell");
    }

    @Test
    void startWithMissingConfigFile_exitsWith1AndNamesTheFile() {
        CliRun run = CliRun.run("", "start", "--memory", "--config", "/nonexistent/heliosdb.toml");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("/nonexistent/heliosdb.toml").doesNotContain("\tat ");
    }

    @Test
    void subcommandHelp_exitsWith0AndDescribesOptions() {
        CliRun run = CliRun.run("", "start", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--port").contains("--data").contains("--memory").contains("--listen");
    }
}
