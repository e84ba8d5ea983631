package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code start} binds its port before the database opens (the kernel's early listener); a failed open releases it. */
class StartPortReleaseTest {

    @Test
    void startWhoseStorageCannotOpen_exitsWith1AndReleasesThePort(@TempDir Path tmp) throws Exception {
        // A regular file where the data directory should be: RocksDB cannot open there.
        Path notADirectory = Files.writeString(tmp.resolve("data"), "not a database");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        CliRun run = CliRun.run("", "start", "--data", notADirectory.toString(), "--port", Integer.toString(port));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("heliosdb-lite: ");
        // The port the failed start had bound is free again (bound without SO_REUSEADDR, which would hide a leak).
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(false);
            again.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1);
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
