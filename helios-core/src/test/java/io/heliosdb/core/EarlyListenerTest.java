package io.heliosdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.spi.Transport;
import io.heliosdb.spi.TransportProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyListenerTest {
    private static final ServerConfig LOOPBACK_ANY_PORT =
            ServerConfig.defaults().withListenAddr("127.0.0.1").withPort(0);

    /** Records what the kernel hands it; serves nothing. */
    private static final class RecordingProvider implements TransportProvider {
        final List<ServerSocketChannel> given = new ArrayList<>();
        int bindsOwn;
        RuntimeException failure;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Transport start(HeliosDB db, ServerConfig config) {
            bindsOwn++;
            return transport(-1);
        }

        @Override
        public Transport start(HeliosDB db, ServerConfig config, ServerSocketChannel listening) {
            given.add(listening);
            if (failure != null) {
                throw failure;
            }
            try {
                return transport(((InetSocketAddress) listening.getLocalAddress()).getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Transport transport(int port) {
            return new Transport() {
                @Override
                public String name() {
                    return "recording";
                }

                @Override
                public InetSocketAddress address() {
                    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
                }

                @Override
                public int openConnections() {
                    return 0;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        }
    }

    @Test
    void bind_acceptsConnectsBeforeAnyTransportServes_andCloseReleasesThePort() throws Exception {
        int port;
        try (EarlyListener listener = EarlyListener.bind(LOOPBACK_ANY_PORT)) {
            port = listener.port();
            assertThat(port).isPositive();
            connect(port); // completes in the backlog: the client is not refused
        }
        int released = port;
        assertThatThrownBy(() -> connect(released)).isInstanceOf(ConnectException.class);
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void bind_portInUse_saysCouldNotListenWithTheBindFailureAsCause() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig config = LOOPBACK_ANY_PORT.withPort(taken.getLocalPort());
            assertThatThrownBy(() -> EarlyListener.bind(config))
                    .isInstanceOfSatisfying(HeliosException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.IO_ERROR))
                    .hasMessageStartingWith("could not listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasCauseInstanceOf(java.net.BindException.class);
        }
    }

    @Test
    void start_handsTheBoundChannelToTheFirstTransportOnly_andCloseLeavesItOpen() throws Exception {
        RecordingProvider provider = new RecordingProvider();
        ServerSocketChannel handed;
        try (EarlyListener listener = EarlyListener.bind(LOOPBACK_ANY_PORT)) {
            int port = listener.port();
            assertThat(listener.start(provider, null).port()).isEqualTo(port);
            listener.start(provider, null);
            assertThat(provider.given).hasSize(1);
            assertThat(provider.bindsOwn).isEqualTo(1);
            handed = provider.given.get(0);
        }
        try {
            assertThat(handed.isOpen()).as("the transport owns the channel now").isTrue();
        } finally {
            handed.close();
        }
    }

    @Test
    void start_failingTransport_closesTheChannel() throws Exception {
        RecordingProvider provider = new RecordingProvider();
        provider.failure = new IllegalStateException("no event loop");
        try (EarlyListener listener = EarlyListener.bind(LOOPBACK_ANY_PORT)) {
            assertThatThrownBy(() -> listener.start(provider, null)).isSameAs(provider.failure);
        }
        assertThat(provider.given.get(0).isOpen()).isFalse();
    }

    @Test
    void defaultProviderStart_releasesTheChannelAndBindsItsOwn() throws Exception {
        TransportProvider plain = new TransportProvider() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public Transport start(HeliosDB db, ServerConfig config) {
                return RecordingProvider.transport(config.port());
            }
        };
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        plain.start(null, LOOPBACK_ANY_PORT, channel);
        assertThat(channel.isOpen()).isFalse();
    }
}
