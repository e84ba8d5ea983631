package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.spi.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real {@code psql} client (libpq: SSLRequest first, then the simple query protocol). */
class PsqlTest {
    private static final Path PSQL = Path.of("/usr/bin/psql");

    /** Runs psql -c and returns its standard output; fails on a non-zero exit or a timeout. */
    private static String psql(int port, String sql) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PSQL.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres", "-d", "postgres", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql)
                .redirectErrorStream(true)
                .start();
        try {
            process.getOutputStream().close();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("psql finished in time").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void psql_againstFakeSession_printsTheRow() throws Exception {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed");
        try (Transport transport = new PostgresTransportProvider().start(new FakeHeliosDB(),
                ServerConfig.defaults().withPort(0))) {
            assertThat(psql(transport.port(), "select 7").strip()).isEqualTo("7");
        }
    }

    @Test
    void psql_againstKernel_createsInsertsAndSelects() throws Exception {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed");
        try (KernelServer server = KernelServer.startOrSkip()) {
            String out = psql(server.transport.port(), "create table t(id int primary key, name text); "
                    + "insert into t values (1,'a'),(2,'b'); select * from t order by id");
            assertThat(out.lines().filter(l -> !l.isBlank()).toList()).containsSubsequence(List.of("1|a", "2|b"));
        }
    }
}
