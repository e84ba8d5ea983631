package io.heliosdb.wire;

import static io.heliosdb.wire.WireBytes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.PerformanceConfig;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.wire.WireBytes.Received;
import io.netty.buffer.Unpooled;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Statement timeouts and graceful shutdown, over real sockets against {@link FakeSession}. */
class LimitsTest {
    private static final int V3 = 196608;

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);   // polling state the server updates; there is no event to wait on
        }
    }

    private static PostgresTransport start(FakeHeliosDB db) {
        return PostgresTransport.start(db, ServerConfig.defaults().withPort(0), Duration.ofSeconds(60));
    }

    private static Socket connect(PostgresTransport transport) throws IOException {
        Socket socket = new Socket("127.0.0.1", transport.port());
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(startup(V3, "user", "u"));
        return socket;
    }

    /** Everything the server sends until it closes the connection. */
    private static List<Received> readToEnd(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return WireBytes.parse(Unpooled.wrappedBuffer(in.readAllBytes()));
    }

    private static Connection jdbc(PostgresTransport transport) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + transport.port()
                + "/postgres?user=postgres&connectTimeout=10&socketTimeout=60");
    }

    @Test
    void setStatementTimeout_cancelsTheRunningStatementWith57014() throws Exception {
        FakeHeliosDB db = new FakeHeliosDB();
        try (PostgresTransport transport = start(db); Connection c = jdbc(transport); Statement s = c.createStatement()) {
            s.execute("set statement_timeout = '200ms'");
            assertThatThrownBy(() -> s.executeQuery("endless"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("57014");
                        assertThat(e.getMessage()).contains("canceling statement due to statement timeout");
                    });
            assertThat(db.sessions.get(0).cancelCalls.get()).isPositive();
            // The connection goes on, and a quick statement is not hit by the old timer.
            s.execute("set statement_timeout = '0'");
            assertThat(s.executeQuery("select 3").next()).isTrue();
        }
    }

    @Test
    void configuredQueryTimeout_cancelsTheRunningStatementWith57014() throws Exception {
        FakeHeliosDB db = new FakeHeliosDB(HeliosConfig.memory()
                .withPerformance(new PerformanceConfig(0, true, false, 1)));
        try (PostgresTransport transport = start(db); Connection c = jdbc(transport); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("endless"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("57014");
                        assertThat(e.getMessage()).contains("statement timeout");
                    });
        }
    }

    @Test
    void shutdown_idleConnection_getsFatal57P01AndIsClosed() throws Exception {
        FakeHeliosDB db = new FakeHeliosDB();
        PostgresTransport transport = start(db);
        try (Socket socket = connect(transport)) {
            awaitTrue(() -> !db.sessions.isEmpty(), "session opened");
            transport.close(Duration.ofSeconds(5));

            List<Received> answer = readToEnd(socket);
            Received last = answer.get(answer.size() - 1);
            assertThat(last.type()).isEqualTo('E');
            assertThat(last.fields()).containsEntry('S', "FATAL").containsEntry('C', "57P01")
                    .containsEntry('M', "terminating connection due to administrator command");
            assertThat(db.sessions.get(0).closed).isTrue();
        } finally {
            transport.close();
        }
    }

    @Test
    void shutdown_runningStatementFinishesWithinTheGracePeriod() throws Exception {
        FakeHeliosDB db = new FakeHeliosDB();
        PostgresTransport transport = start(db);
        try (Socket socket = connect(transport)) {
            OutputStream out = socket.getOutputStream();
            out.write(query("sleep 300"));
            out.flush();
            awaitTrue(() -> !db.sessions.isEmpty() && db.sessions.get(0).executed.contains("sleep 300"), "running");
            transport.close(Duration.ofSeconds(10));

            String types = types(readToEnd(socket));
            assertThat(types).endsWith("TDCZE");   // the statement's answer, then the FATAL
        } finally {
            transport.close();
        }
    }

    @Test
    void shutdown_statementPastTheGracePeriod_isCancelledThenTerminated() throws Exception {
        FakeHeliosDB db = new FakeHeliosDB();
        PostgresTransport transport = start(db);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (Socket socket = connect(transport)) {
            socket.getOutputStream().write(query("endless"));
            // The client reads nothing until the rows have filled the socket's buffers, so the server is
            // known to have more to send than they hold, however fast it streams...
            awaitTrue(() -> waitsForItsClient(transport), "the server waits for the client to read");
            // ...and reads on while the server shuts down, as clients do: only a client that reads can be
            // told why the connection ends (one that does not read is closed all the same: see below).
            Future<List<Received>> answer = reader.submit(() -> readToEndWithoutRows(socket));
            transport.close(Duration.ofMillis(200));

            List<Received> messages = answer.get(60, TimeUnit.SECONDS);
            assertThat(types(messages)).endsWith("TEZE");   // rows left out; cancelled, ready, then the FATAL
            Received cancelled = messages.get(messages.size() - 3);
            assertThat(cancelled.fields()).containsEntry('S', "ERROR").containsEntry('C', "57014");
            assertThat(messages.get(messages.size() - 1).fields()).containsEntry('S', "FATAL")
                    .containsEntry('C', "57P01");
            assertThat(db.sessions.get(0).closed).isTrue();
        } finally {
            reader.shutdownNow();
            transport.close();
        }
    }

    @Test
    void shutdown_clientThatDoesNotRead_isClosedAnyway() throws Exception {
        FakeHeliosDB db = new FakeHeliosDB();
        PostgresTransport transport = start(db);
        try (Socket socket = connect(transport)) {
            socket.getOutputStream().write(query("endless"));
            awaitTrue(() -> waitsForItsClient(transport), "the server waits for the client to read");

            transport.close(Duration.ofMillis(200));   // cannot deliver the FATAL: closes the connection after a wait

            assertThat(transport.openConnections()).isZero();
            awaitTrue(() -> db.sessions.get(0).closed, "session given back");
        } finally {
            transport.close();
        }
    }

    private static boolean waitsForItsClient(PostgresTransport transport) {
        return transport.sessionHandlers().stream().anyMatch(PgSessionHandler::waitingForClient);
    }

    /** Everything the server sends until it closes the connection, DataRows left out (an endless result). */
    private static List<Received> readToEndWithoutRows(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        List<Received> messages = new ArrayList<>();
        while (true) {
            int type = in.read();
            if (type < 0) {
                return messages;
            }
            int length = in.readInt();
            if (type == 'D') {
                in.skipNBytes(length - 4);
            } else {
                byte[] body = new byte[length - 4];
                in.readFully(body);
                messages.add(new Received((char) type, body));
            }
        }
    }
}
