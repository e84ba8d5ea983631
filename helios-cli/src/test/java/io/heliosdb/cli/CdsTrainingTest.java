package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsTrainingTest {

    @Test
    void train_servesAClientThenStopsTheServer() throws Exception {
        int port = CdsTraining.train();
        assertThat(port).isPositive();
        // The training leaves nothing running: the port no longer accepts.
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void train_onRocksDb_servesAClientThenStopsTheServer(@TempDir Path dir) throws Exception {
        int port = CdsTraining.train("--data", dir.resolve("db").toString());
        assertThat(port).isPositive();
        assertThat(dir.resolve("db")).as("the training opened a RocksDB database there").isNotEmptyDirectory();
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void quietNettyEvents_keepsAnExplicitChoice() {
        String before = System.getProperty("io.netty.jfr.enabled");
        try {
            System.setProperty("io.netty.jfr.enabled", "true");
            Main.quietNettyEvents();
            assertThat(System.getProperty("io.netty.jfr.enabled")).isEqualTo("true");
            System.clearProperty("io.netty.jfr.enabled");
            Main.quietNettyEvents();
            assertThat(System.getProperty("io.netty.jfr.enabled")).isEqualTo("false");
        } finally {
            if (before == null) {
                System.clearProperty("io.netty.jfr.enabled");
            } else {
                System.setProperty("io.netty.jfr.enabled", before);
            }
        }
    }
}
