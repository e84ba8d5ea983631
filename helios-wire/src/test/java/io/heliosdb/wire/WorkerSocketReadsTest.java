package io.heliosdb.wire;

import static io.heliosdb.wire.WireBytes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.wire.WireBytes.Received;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection's worker reading its own socket between statements ({@link WorkerSocketReads}): answers
 * keep their order and their statement across the worker's reads, the event loop's reads and the hand-offs
 * between them; what the worker does not take (large or malformed frames) is handled as before; slow
 * clients, shutdown and vanishing clients behave as on the event loop's path. Real sockets, {@link FakeSession}.
 */
class WorkerSocketReadsTest {
    private static final int V3 = 196608;

    @AfterEach
    void clearIdleSetting() {
        System.clearProperty(WorkerSocketReads.IDLE_PROPERTY);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(5);   // polling state the server updates; there is no event to wait on
        }
    }

    private static PostgresTransport start(FakeHeliosDB db) {
        return PostgresTransport.start(db, ServerConfig.defaults().withPort(0), Duration.ofSeconds(60));
    }

    /** A raw protocol client: frames out, backend messages in. */
    private static final class Client implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;
        int processId;
        int secretKey;

        Client(PostgresTransport transport) throws IOException {
            this(transport, 0);
        }

        /** {@code receiveBuffer}: the client socket's receive buffer in bytes (0: the system's). */
        Client(PostgresTransport transport, int receiveBuffer) throws IOException {
            socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", transport.port()));
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            out = socket.getOutputStream();
            send(startup(V3, "user", "u"));
            for (Received m : untilReady()) {
                if (m.type() == 'K') {
                    processId = m.buf().readInt();
                    secretKey = m.buf().getInt(4);
                }
            }
        }

        void send(byte[]... frames) throws IOException {
            out.write(concat(frames));
            out.flush();
        }

        Received next() throws IOException {
            char type = (char) in.readUnsignedByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            return new Received(type, body);
        }

        List<Received> untilReady() throws IOException {
            List<Received> messages = new ArrayList<>();
            Received m;
            do {
                m = next();
                messages.add(m);
            } while (m.type() != 'Z');
            return messages;
        }

        /** Everything until the server closes the connection. */
        List<Received> untilClosed() throws IOException {
            List<Received> messages = new ArrayList<>();
            try {
                while (true) {
                    messages.add(next());
                }
            } catch (EOFException | SocketException e) {
                return messages;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static byte[][] selectParam(int value) {
        return new byte[][] {
                bind("", "s", 0, new byte[][] {utf8(Integer.toString(value))}, 0), execute("", 0), sync()};
    }

    private static List<String> rowValues(List<Received> messages) {
        return messages.stream().filter(m -> m.type() == 'D').map(m -> m.values().get(0)).toList();
    }

    private static PgSessionHandler handler(PostgresTransport transport) {
        return transport.sessionHandlers().get(0);
    }

    @Test
    void pipelinedQueries_inOneWrite_comeBackInOrderEachFromItsStatement() throws Exception {
        try (PostgresTransport transport = start(new FakeHeliosDB()); Client c = new Client(transport)) {
            c.send(parse("s", "select $1"), sync());
            assertThat(types(c.untilReady())).isEqualTo("1Z");
            int queries = 300;
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                frames.addAll(List.of(selectParam(i)));
                if (i % 3 == 0) {
                    frames.add(query("select " + (100_000 + i)));   // a simple Query between extended ones
                }
            }
            c.send(frames.toArray(byte[][]::new));
            for (int i = 0; i < queries; i++) {
                List<Received> answer = c.untilReady();
                assertThat(types(answer)).isEqualTo("2DCZ");
                assertThat(rowValues(answer)).containsExactly(Integer.toString(i));
                if (i % 3 == 0) {
                    assertThat(rowValues(c.untilReady())).containsExactly(Integer.toString(100_000 + i));
                }
            }
            assertThat(handler(transport).messagesReadByWorker()).isPositive();
        }
    }

    @Test
    void framesCutAnywhere_andHandOffsAfterEveryIdlePause_keepEveryAnswerInOrder() throws Exception {
        System.setProperty(WorkerSocketReads.IDLE_PROPERTY, "1");   // back to the event loop at every pause
        Random random = new Random(7);
        try (PostgresTransport transport = start(new FakeHeliosDB()); Client c = new Client(transport)) {
            c.send(parse("s", "select $1"), sync());
            c.untilReady();
            for (int round = 0; round < 200; round++) {
                int first = round * 10;
                List<byte[]> frames = new ArrayList<>();
                int count = 1 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    frames.addAll(List.of(selectParam(first + i)));
                }
                byte[] bytes = concat(frames.toArray(byte[][]::new));
                // Cut the bytes at random places, each piece its own write: frames split inside a header,
                // inside a body, or several in one piece.
                int at = 0;
                while (at < bytes.length) {
                    int piece = Math.min(bytes.length - at, 1 + random.nextInt(40));
                    c.out.write(bytes, at, piece);
                    c.out.flush();
                    at += piece;
                    if (random.nextInt(8) == 0) {
                        Thread.sleep(2);   // a pause past the 1 ms idle time: the worker hands the socket back
                    }
                }
                for (int i = 0; i < count; i++) {
                    assertThat(rowValues(c.untilReady())).containsExactly(Integer.toString(first + i));
                }
            }
            assertThat(handler(transport).messagesReadByWorker()).isPositive();
        }
    }

    @Test
    void frameLargerThanTheWorkersBuffer_isTakenByTheDecoder_andTheConnectionGoesOn() throws Exception {
        try (PostgresTransport transport = start(new FakeHeliosDB()); Client c = new Client(transport)) {
            c.send(query("select 1"));
            c.untilReady();
            String padded = "select 7" + " ".repeat(3 * WorkerSocketReads.CAPACITY);
            c.send(query(padded), query("select 8"));
            assertThat(rowValues(c.untilReady())).containsExactly("7");
            assertThat(rowValues(c.untilReady())).containsExactly("8");
        }
    }

    @Test
    void malformedFrame_whileTheWorkerReads_endsTheConnectionWithAProtocolViolation() throws Exception {
        try (PostgresTransport transport = start(new FakeHeliosDB()); Client c = new Client(transport)) {
            c.send(query("select 1"));
            c.untilReady();
            awaitTrue(() -> handler(transport).workerReadsSocket(), "the worker reads the socket");
            // An Execute whose body ends inside its portal name.
            c.send(frame('E', b -> b.writeBytes("abc".getBytes(StandardCharsets.US_ASCII))));
            List<Received> answer = c.untilClosed();
            Received last = answer.get(answer.size() - 1);
            assertThat(last.type()).isEqualTo('E');
            assertThat(last.fields()).containsEntry('S', "FATAL").containsEntry('C', "08P01");
        }
    }

    @Test
    void messageOverTheConfiguredLimit_whileTheWorkerReads_isRefusedWith54000() throws Exception {
        try (PostgresTransport transport = PostgresTransport.start(new FakeHeliosDB(),
                ServerConfig.defaults().withPort(0).withMaxMessageSize(1024), Duration.ofSeconds(60));
             Client c = new Client(transport)) {
            c.send(query("select 1"));
            c.untilReady();
            awaitTrue(() -> handler(transport).workerReadsSocket(), "the worker reads the socket");
            c.send(query("select 1" + " ".repeat(2000)));
            List<Received> answer = c.untilClosed();
            Received last = answer.get(answer.size() - 1);
            assertThat(last.type()).isEqualTo('E');
            assertThat(last.fields()).containsEntry('S', "FATAL").containsEntry('C', "54000");
        }
    }

    @Test
    void slowClient_holdingBackALongResult_getsEveryRowInOrder_thenTheNextAnswer() throws Exception {
        try (PostgresTransport transport = start(new FakeHeliosDB()); Client c = new Client(transport, 4096)) {
            c.send(query("select 1"));
            c.untilReady();
            awaitTrue(() -> handler(transport).workerReadsSocket(), "the worker reads the socket");
            int rows = 600_000;   // more than the socket buffers hold, so the worker must wait
            c.send(query("series " + rows), query("select 9"));
            awaitTrue(() -> handler(transport).waitingForClient(), "the server waits for the client to read");
            assertThat(c.next().type()).isEqualTo('T');
            for (int i = 1; i <= rows; i++) {
                Received row = c.next();
                if (row.type() != 'D' || !row.values().get(0).equals(Integer.toString(i))) {
                    throw new AssertionError("row " + i + ": " + row.type() + " " + row.values());
                }
            }
            assertThat(types(c.untilReady())).isEqualTo("CZ");
            assertThat(rowValues(c.untilReady())).containsExactly("9");
        }
    }

    @Test
    void cancelRequest_stopsAStatementTheWorkerReadItself() throws Exception {
        FakeHeliosDB db = new FakeHeliosDB();
        try (PostgresTransport transport = start(db); Client c = new Client(transport)) {
            c.send(query("select 1"));
            c.untilReady();
            PgSessionHandler handler = handler(transport);   // before the canceller's connection exists
            awaitTrue(handler::workerReadsSocket, "the worker reads the socket");
            long before = handler.messagesReadByWorker();
            c.send(query("endless"));
            assertThat(db.sessions.get(0).streaming.await(30, TimeUnit.SECONDS)).isTrue();
            try (Socket canceller = new Socket("127.0.0.1", transport.port())) {
                canceller.getOutputStream().write(cancelRequest(c.processId, c.secretKey));
                canceller.getOutputStream().flush();
                List<Received> answer = c.untilReady();
                Received error = answer.get(answer.size() - 2);
                assertThat(error.type()).isEqualTo('E');
                assertThat(error.fields()).containsEntry('C', "57014");
            }
            // the worker read "endless" itself
            assertThat(handler.messagesReadByWorker()).isGreaterThan(before);
            c.send(query("select 2"));
            assertThat(rowValues(c.untilReady())).containsExactly("2");
        }
    }

    @Test
    void shutdown_whileTheWorkerWaitsOnTheSocket_sendsFatalAndLeavesNoThreadOrPort() throws Exception {
        System.setProperty(WorkerSocketReads.IDLE_PROPERTY, "600000");
        FakeHeliosDB db = new FakeHeliosDB();
        PostgresTransport transport = start(db);
        int port = transport.port();
        try (Client c = new Client(transport)) {
            c.send(query("select 1"));
            c.untilReady();
            awaitTrue(() -> handler(transport).workerReadsSocket(), "the worker reads the socket");
            c.send(query("select 2"));
            assertThat(rowValues(c.untilReady())).containsExactly("2");
            String worker = db.sessions.get(0).threads.get(1);   // the thread that read "select 2" itself
            assertThat(handler(transport).messagesReadByWorker()).isPositive();

            transport.close(Duration.ofSeconds(5));

            List<Received> answer = c.untilClosed();
            Received last = answer.get(answer.size() - 1);
            assertThat(last.fields()).containsEntry('S', "FATAL").containsEntry('C', "57P01");
            assertThat(db.sessions.get(0).closed).isTrue();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(worker)) {
                    t.join(TimeUnit.SECONDS.toMillis(30));
                    assertThat(t.isAlive()).as("worker thread " + worker).isFalse();
                }
            }
            assertThat(refusesConnections(port)).isTrue();
        } finally {
            transport.close();
        }
    }

    @Test
    void clientVanishing_whileTheWorkerWaitsOnTheSocket_leavesNoSessionBehind() throws Exception {
        System.setProperty(WorkerSocketReads.IDLE_PROPERTY, "600000");
        FakeHeliosDB db = new FakeHeliosDB();
        try (PostgresTransport transport = start(db)) {
            Client c = new Client(transport);
            c.send(query("select 1"));
            c.untilReady();
            awaitTrue(() -> handler(transport).workerReadsSocket(), "the worker reads the socket");
            c.socket.setSoLinger(true, 0);   // a reset, as when the client process dies
            c.close();
            awaitTrue(() -> transport.openConnections() == 0, "connection gone");
            awaitTrue(() -> db.sessions.get(0).closed, "session closed");
        }
    }

    @Test
    void copyBetweenQueries_isFedByTheEventLoop_andRowsComeFromTheRightStatement() throws Exception {
        System.setProperty(WorkerSocketReads.IDLE_PROPERTY, "600000");
        try (KernelServer server = KernelServer.startOrSkip();
             Connection c = DriverManager.getConnection(server.jdbcUrl("user=postgres&prepareThreshold=1"))) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (id integer primary key, note text)");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (PreparedStatement count = c.prepareStatement("select count(*), max(id) from t");
                 PreparedStatement note = c.prepareStatement("select note from t where id = ?")) {
                for (int round = 0; round < 4; round++) {
                    StringBuilder data = new StringBuilder();
                    for (int i = 0; i < 100; i++) {
                        int id = round * 100 + i;
                        data.append(id).append('\t').append("note-").append(id).append('\n');
                    }
                    assertThat(copy.copyIn("COPY t FROM STDIN", new StringReader(data.toString()))).isEqualTo(100);
                    for (int i = 0; i < 30; i++) {
                        try (ResultSet rs = count.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getInt(1)).isEqualTo((round + 1) * 100);
                            assertThat(rs.getInt(2)).isEqualTo(round * 100 + 99);
                        }
                        int id = (i * 37) % ((round + 1) * 100);
                        note.setInt(1, id);
                        try (ResultSet rs = note.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getString(1)).isEqualTo("note-" + id);
                        }
                    }
                    StringWriter out = new StringWriter();
                    assertThat(copy.copyOut("COPY (select id from t where id < 3 order by id) TO STDOUT", out))
                            .isEqualTo(3);
                    assertThat(out.toString()).isEqualTo("0\n1\n2\n");
                }
            }
            PgSessionHandler handler = ((PostgresTransport) server.transport).sessionHandlers().get(0);
            assertThat(handler.messagesReadByWorker()).isPositive();
        }
    }

    @Test
    void workerReadsOff_everyQueryIsReadByTheEventLoop() throws Exception {
        System.setProperty(PgSessionHandler.WORKER_READS_PROPERTY, "false");
        try (PostgresTransport transport = start(new FakeHeliosDB()); Client c = new Client(transport)) {
            for (int i = 0; i < 20; i++) {
                c.send(query("select " + i));
                assertThat(rowValues(c.untilReady())).containsExactly(Integer.toString(i));
            }
            assertThat(handler(transport).messagesReadByWorker()).isZero();
            assertThat(handler(transport).workerReadsSocket()).isFalse();
        } finally {
            System.clearProperty(PgSessionHandler.WORKER_READS_PROPERTY);
        }
    }

    private static boolean refusesConnections(int port) throws IOException {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }
}
