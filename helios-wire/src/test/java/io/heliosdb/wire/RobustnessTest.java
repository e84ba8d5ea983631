package io.heliosdb.wire;

import static io.heliosdb.wire.WireBytes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Garbage, crowds, vanishing clients and silent clients must not take the server down or leak sessions. */
class RobustnessTest {
    private static final int V3 = 196608;

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);   // polling a counter the server updates; there is no event to wait on
        }
    }

    private static Socket open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Reads until the server closes; false if it did not within the socket timeout. */
    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // drain what the server said before closing
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;   // reset by the server
        }
    }

    /** One random attack: pure noise, a valid startup then noise, or a frame cut short. */
    private static byte[] randomFrames(Random random) {
        byte[] noise = new byte[random.nextInt(200)];
        random.nextBytes(noise);
        return switch (random.nextInt(4)) {
            case 0 -> noise;
            case 1 -> concat(startup(V3, "user", "u"), noise);
            case 2 -> {
                byte[] good = concat(startup(V3, "user", "u"), parse("", "select 1"), bind("", "", 0,
                        new byte[0][], 0), execute("", 0), sync());
                yield java.util.Arrays.copyOf(good, 1 + random.nextInt(good.length - 1));
            }
            default -> concat(startup(V3, "user", "u"), frame((char) ('A' + random.nextInt(26)),
                    b -> b.writeBytes(noise)));
        };
    }

    @Test
    void randomAndTruncatedFrames_serverStaysUpAndServesAGoodClient() throws Exception {
        FakeHeliosDB db = new FakeHeliosDB();
        try (PostgresTransport transport = PostgresTransport.start(db, ServerConfig.defaults().withPort(0),
                Duration.ofSeconds(2))) {
            Random random = new Random(20260505L);
            for (int i = 0; i < 300; i++) {
                try (Socket socket = open(transport.port())) {
                    socket.getOutputStream().write(randomFrames(random));
                    socket.getOutputStream().flush();
                    if (i % 3 == 0) {
                        // Half-close: the server must end the connection itself (an error, or the startup timeout).
                        socket.shutdownOutput();
                        assertThat(closedByServer(socket)).as("attack %d ends", i).isTrue();
                    }
                } catch (SocketException e) {
                    // the server already dropped us: fine
                }
            }
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + transport.port()
                    + "/postgres?user=postgres&connectTimeout=10&socketTimeout=30");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 9")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(9);
            }
            awaitTrue(() -> transport.openConnections() == 0, "every connection closed");
            awaitTrue(() -> db.sessions.stream().allMatch(s -> s.closed), "every session closed");
        }
    }

    @Test
    void silentClient_isClosedAfterTheStartupTimeout() throws Exception {
        try (PostgresTransport transport = PostgresTransport.start(new FakeHeliosDB(),
                ServerConfig.defaults().withPort(0), Duration.ofMillis(300));
             Socket silent = open(transport.port());
             Socket halfway = open(transport.port())) {
            // One sends nothing, the other only the first bytes of its startup packet.
            halfway.getOutputStream().write(java.util.Arrays.copyOf(startup(V3, "user", "u"), 6));
            long start = System.nanoTime();
            assertThat(closedByServer(silent)).isTrue();
            assertThat(closedByServer(halfway)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            awaitTrue(() -> transport.openConnections() == 0, "timed-out connections closed");
        }
    }

    @Test
    void passwordExchangeLeftHanging_isClosedAfterTheStartupTimeout() throws Exception {
        try (PostgresTransport transport = PostgresTransport.start(new FakeHeliosDB(), ServerConfig.defaults()
                .withPort(0).withAuth("scram-sha-256", "u", "pw"), Duration.ofMillis(300));
             Socket socket = open(transport.port())) {
            socket.getOutputStream().write(startup(V3, "user", "u"));
            assertThat(closedByServer(socket)).isTrue();
        }
    }

    @Test
    void clientVanishingMidQuery_leavesNoSessionBehind() throws Exception {
        FakeHeliosDB db = new FakeHeliosDB();
        try (PostgresTransport transport = PostgresTransport.start(db, ServerConfig.defaults().withPort(0),
                Duration.ofSeconds(60))) {
            Socket socket = open(transport.port());
            OutputStream out = socket.getOutputStream();
            out.write(startup(V3, "user", "u"));
            out.write(query("endless"));
            out.flush();
            awaitTrue(() -> !db.sessions.isEmpty(), "session opened");
            assertThat(db.sessions.get(0).streaming.await(20, TimeUnit.SECONDS)).isTrue();
            socket.setSoLinger(true, 0);   // a reset, as when the client process dies
            socket.close();

            awaitTrue(() -> transport.openConnections() == 0, "connection gone");
            awaitTrue(() -> db.sessions.get(0).closed, "session closed");
        }
    }

    @Test
    void twoHundredConcurrentConnections_allRunTheirQueries() throws Exception {
        int clients = 200;
        try (KernelServer server = KernelServer.startOrSkip(c -> c.withMaxConnections(clients + 10))) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create table crowd (client integer, n integer)");
            }
            CountDownLatch allConnected = new CountDownLatch(clients);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    int client = i;
                    results.add(pool.submit(() -> {
                        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                             Statement s = c.createStatement()) {
                            allConnected.countDown();
                            assertThat(allConnected.await(60, TimeUnit.SECONDS)).isTrue();
                            for (int n = 0; n < 3; n++) {
                                s.executeUpdate("insert into crowd values (" + client + ", " + n + ")");
                            }
                            try (ResultSet rs = s.executeQuery("select count(*) from crowd where client = " + client)) {
                                rs.next();
                                return rs.getInt(1);
                            }
                        }
                    }));
                }
                for (Future<Integer> result : results) {
                    assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(3);
                }
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            awaitTrue(() -> server.transport.openConnections() == 0, "all connections closed");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from crowd")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3 * clients);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }
}
