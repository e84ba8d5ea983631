package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FirstAnswerTest {
    private static long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    }

    @Test
    void await_returnsOnceTheServerAnswersSelectOne() {
        HeliosConfig config = HeliosConfig.memory();
        config = config.withServer(config.server().withPort(0).withListenAddr("127.0.0.1"));
        try (HeliosDB db = HeliosDB.serve(config)) {
            int port = db.transports().get(0).port();
            assertThatCode(() -> FirstAnswer.await(port, deadline(), () -> true)).doesNotThrowAnyException();
        }
    }

    @Test
    void await_failsAtOnceWhenTheServerProcessIsGone() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> FirstAnswer.await(port, deadline(), () -> false))
                .isInstanceOf(IOException.class).hasMessageContaining("exited before it accepted");
    }

    @Test
    void await_failsWhenTheServerAnswersAnError() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> refuseLogin(server), "fake-server");
            peer.start();
            try {
                assertThatThrownBy(() -> FirstAnswer.await(server.getLocalPort(), deadline(), () -> true))
                        .isInstanceOf(IOException.class).hasMessageContaining("role \"postgres\" does not exist");
            } finally {
                peer.join(TimeUnit.SECONDS.toMillis(60));
            }
        }
    }

    /** Reads one startup message and answers an ErrorResponse, as a server without the role would. */
    private static void refuseLogin(ServerSocket server) {
        try (Socket s = server.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            in.readNBytes(in.readInt() - 4);
            byte[] text = "SFATAL\0C28000\0Mrole \"postgres\" does not exist\0\0".getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(ByteBuffer.allocate(5 + text.length).put((byte) 'E').putInt(4 + text.length).put(text).array());
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
