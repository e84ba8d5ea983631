package io.heliosdb.wire;

import static io.heliosdb.wire.WireBytes.concat;
import static io.heliosdb.wire.WireBytes.query;
import static io.heliosdb.wire.WireBytes.startup;
import static io.heliosdb.wire.WireBytes.terminate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.spi.Transport;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transport taking over a channel the kernel bound before the database opened (see the kernel's EarlyListener). */
class EarlyListenerTransportTest {
    private static final int V3 = 196608;

    private static ServerSocketChannel bindLoopback() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        return channel;
    }

    private static int port(ServerSocketChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** Reads backend frames until ReadyForQuery after a 'C' (CommandComplete); returns their types. */
    private static List<WireBytes.Received> readUntilQueryDone(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the server closed the connection after " + seen.size() + " bytes");
            }
            seen.write(buffer, 0, n);
            List<WireBytes.Received> frames = WireBytes.parse(Unpooled.wrappedBuffer(seen.toByteArray()));
            String types = WireBytes.types(frames);
            if (types.contains("C") && types.endsWith("Z")) {
                return frames;
            }
        }
    }

    @Test
    void connectionMadeBeforeTheTransportStarts_waitsAndIsServed() throws Exception {
        ServerSocketChannel bound = bindLoopback();
        int port = port(bound);
        try (Socket early = new Socket()) {
            // Accepted by the operating system's backlog while nothing serves yet; its messages wait there.
            early.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            early.setSoTimeout(60_000);
            early.getOutputStream().write(concat(startup(V3, "user", "postgres"), query("select 7")));
            early.getOutputStream().flush();
            Transport transport = new PostgresTransportProvider().start(new FakeHeliosDB(),
                    ServerConfig.defaults().withPort(port), bound);
            try {
                assertThat(transport.port()).isEqualTo(port);
                List<WireBytes.Received> frames = readUntilQueryDone(early.getInputStream());
                assertThat(WireBytes.types(frames)).startsWith("R").contains("D").endsWith("CZ");
                WireBytes.Received row = frames.stream().filter(f -> f.type() == 'D').findFirst().orElseThrow();
                assertThat(row.values()).containsExactly("7");
                early.getOutputStream().write(terminate());
                // A connection made after the take-over is served as usual.
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                        + "/postgres?user=postgres&connectTimeout=10&socketTimeout=60");
                     Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 8")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(8);
                }
            } finally {
                transport.close();
            }
        }
        assertThat(bound.isOpen()).as("the transport owns the channel and closed it").isFalse();
        assertThatThrownBy(() -> {
            try (Socket late = new Socket()) {
                late.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void failedStart_closesTheChannelItWasGiven(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ServerSocketChannel bound = bindLoopback();
        int port = port(bound);
        // TLS with certificate files that do not exist: the transport cannot start.
        ServerConfig config = ServerConfig.defaults().withPort(port)
                .withTls(dir.resolve("missing.crt"), dir.resolve("missing.key"));
        assertThatThrownBy(() -> new PostgresTransportProvider().start(new FakeHeliosDB(), config, bound))
                .isInstanceOf(HeliosException.class);
        assertThat(bound.isOpen()).isFalse();
    }
}
