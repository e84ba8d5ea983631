package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate and key (PEM) made with openssl at test time; skips when openssl is absent. */
record TestCertificate(Path cert, Path key) {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    static TestCertificate create(Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed");
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        Process process = new ProcessBuilder(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-sha256", "-days", "2", "-subj", "/CN=localhost", "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true)
                .start();
        try {
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl finished in time").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
        } finally {
            process.destroyForcibly();
        }
        return new TestCertificate(cert, key);
    }
}
