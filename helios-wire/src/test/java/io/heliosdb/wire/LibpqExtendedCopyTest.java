package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY through a real client that runs it in the extended protocol: libpq's PQexecParams (driven from
 * python3 with ctypes, so nothing beyond libpq5 and python3 is needed). libpq sends a Sync right after
 * Execute and another after CopyDone, and reports any extra ReadyForQuery, so this checks that the
 * first Sync is ignored during copy-in mode.
 */
class LibpqExtendedCopyTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @Test
    void pqexecParams_copyInOutAndBinary_throughTheExtendedProtocol() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed");
        Path script = dir.resolve("client.py");
        try (InputStream in = getClass().getResourceAsStream("/clients/libpq-extended-copy.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (KernelServer server = KernelServer.startOrSkip()) {
            Process process = new ProcessBuilder(PYTHON.toString(), script.toString(),
                    Integer.toString(server.transport.port())).redirectErrorStream(true).start();
            try {
                process.getOutputStream().close();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assumeTrue(!output.contains("libpq.so.5: cannot open"), "libpq5 is not installed");
                assertThat(output).isEqualTo(String.join("\n",
                        "COPY 2",
                        "ERROR 22P02",
                        "2",
                        "'1,one\\n2,two\\n' COPY 2",
                        "COPY 1",
                        "1,2,7"));
                assertThat(process.exitValue()).isZero();
            } finally {
                process.destroyForcibly();
            }
        }
    }
}
