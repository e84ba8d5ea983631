package io.heliosdb.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of the command: exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String stdin, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, environment);
        int code = main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(String stdin, String... args) {
        return run(stdin, Map.of(), args);
    }
}
