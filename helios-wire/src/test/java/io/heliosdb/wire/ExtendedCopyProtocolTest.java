package io.heliosdb.wire;

import static io.heliosdb.wire.WireBytes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.wire.WireBytes.Received;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * COPY through Parse/Bind/Describe/Execute on a real socket, as libpq sends it: a Sync right after
 * Execute (ignored during copy-in mode), the data, CopyDone, and a second Sync that ends the exchange.
 */
class ExtendedCopyProtocolTest {
    private static final byte[][] NO_PARAMS = new byte[0][];

    /** A raw protocol client on a socket. */
    private static final class Raw implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        Raw(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            send(startup(196608, "user", "postgres", "database", "postgres"));
            untilReady();
        }

        void send(byte[]... parts) throws IOException {
            out.write(concat(parts));
            out.flush();
        }

        Received read() throws IOException {
            char type = (char) in.readUnsignedByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            return new Received(type, body);
        }

        /** Messages up to and including the next one of {@code type}. */
        List<Received> until(char type) throws IOException {
            List<Received> got = new ArrayList<>();
            Received m;
            do {
                m = read();
                got.add(m);
            } while (m.type() != type);
            return got;
        }

        List<Received> untilReady() throws IOException {
            return until('Z');
        }

        @Override
        public void close() throws IOException {
            send(terminate());
            socket.close();
        }
    }

    private static byte[] copyData(String text) {
        return copyData(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] copyData(byte[] data) {
        return frame('d', b -> b.writeBytes(data));
    }

    private static byte[] copyDone() {
        return frame('c', b -> { });
    }

    private static byte[] extended(String sql) {
        return concat(parse("", sql), bind("", "", 0, NO_PARAMS, 0), describe('P', ""), execute("", 0), sync());
    }

    private static List<String> firstValues(List<Received> messages) {
        return messages.stream().filter(m -> m.type() == 'D').map(m -> m.values().get(0)).toList();
    }

    @Test
    void copyFromStdin_extendedProtocol_syncDuringCopyIgnored_oneReadyForQuery() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip(); Raw c = new Raw(server.transport.port())) {
            c.send(query("create table t (id integer primary key, name text)"));
            c.untilReady();
            c.send(extended("COPY t FROM STDIN"));
            List<Received> start = c.until('G');
            assertThat(types(start)).isEqualTo("12nG");
            assertThat(start.get(3).body()[0]).isEqualTo((byte) 0);   // text format
            c.send(copyData("1\tone\n2\t"), copyData("two\n"), copyDone(), sync());
            List<Received> end = c.untilReady();
            assertThat(types(end)).isEqualTo("CZ");
            assertThat(end.get(0).string()).isEqualTo("COPY 2");
            assertThat((char) end.get(1).body()[0]).isEqualTo('I');

            c.send(query("select name from t order by id"));
            assertThat(firstValues(c.untilReady())).containsExactly("one", "two");
        }
    }

    @Test
    void copyFromStdin_extendedProtocol_badRow_errorThenSyncThenTheConnectionGoesOn() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip(); Raw c = new Raw(server.transport.port())) {
            c.send(query("create table t (id integer primary key)"));
            c.untilReady();
            c.send(extended("COPY t FROM STDIN"));
            c.until('G');
            c.send(copyData("1\nx\n3\n"), copyDone(), sync());
            List<Received> end = c.untilReady();
            assertThat(types(end)).isEqualTo("EZ");
            assertThat(end.get(0).fields().get('C')).isEqualTo("22P02");
            assertThat(end.get(0).fields().get('W')).isEqualTo("COPY t, line 2, column id: \"x\"");

            c.send(extended("select count(*) from t"));
            List<Received> after = c.untilReady();
            assertThat(firstValues(after)).containsExactly("0");
            assertThat(types(after)).endsWith("CZ");
        }
    }

    @Test
    void copyFromStdin_clientFailsTheCopy_57014AndOneReadyForQuery() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip(); Raw c = new Raw(server.transport.port())) {
            c.send(query("create table t (id integer primary key)"));
            c.untilReady();
            c.send(extended("COPY t FROM STDIN"));
            c.until('G');
            c.send(copyData("1\n"), frame('f', b -> b.writeBytes("changed my mind\0".getBytes(StandardCharsets.UTF_8))),
                    sync());
            List<Received> end = c.untilReady();
            assertThat(types(end)).isEqualTo("EZ");
            assertThat(end.get(0).fields().get('C')).isEqualTo("57014");
            c.send(query("select 1"));
            assertThat(firstValues(c.untilReady())).containsExactly("1");
        }
    }

    @Test
    void copyToStdout_extendedProtocol_textAndBinary() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip(); Raw c = new Raw(server.transport.port())) {
            c.send(query("create table t (id integer primary key, name text); insert into t values (1, 'a'), (2, null)"));
            c.untilReady();
            c.send(extended("COPY t TO STDOUT"));
            List<Received> text = c.untilReady();
            assertThat(types(text)).isEqualTo("12nHddcCZ");
            assertThat(new String(text.get(4).body(), StandardCharsets.UTF_8)).isEqualTo("1\ta\n");
            assertThat(text.get(7).string()).isEqualTo("COPY 2");

            c.send(extended("COPY t (id) TO STDOUT (FORMAT binary)"));
            List<Received> binary = c.untilReady();
            assertThat(types(binary)).isEqualTo("12nHdddcCZ");
            byte[] response = binary.get(3).body();
            assertThat(response).containsExactly(1, 0, 1, 0, 1);
            byte[] first = binary.get(4).body();
            assertThat(first).startsWith(BinaryCopyWriter.HEADER);
            assertThat(java.util.Arrays.copyOfRange(first, BinaryCopyWriter.HEADER.length, first.length))
                    .containsExactly(0, 1, 0, 0, 0, 4, 0, 0, 0, 1);
            assertThat(binary.get(6).body()).containsExactly(0xff, 0xff);
        }
    }

    @Test
    void copyFromStdin_binaryThroughTheExtendedProtocol() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip(); Raw c = new Raw(server.transport.port())) {
            c.send(query("create table t (id integer primary key, name text)"));
            c.untilReady();
            c.send(extended("COPY t FROM STDIN WITH (FORMAT binary)"));
            List<Received> start = c.until('G');
            assertThat(start.get(3).body()).containsExactly(1, 0, 2, 0, 1, 0, 1);
            byte[] row = {0, 2, 0, 0, 0, 4, 0, 0, 0, 7, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
            c.send(copyData(BinaryCopyWriter.HEADER), copyData(row), copyData(new byte[] {(byte) 0xff, (byte) 0xff}),
                    copyDone(), sync());
            List<Received> end = c.untilReady();
            assertThat(types(end)).isEqualTo("CZ");
            assertThat(end.get(0).string()).isEqualTo("COPY 1");
            c.send(query("select id, name is null from t"));
            assertThat(c.untilReady().stream().filter(m -> m.type() == 'D').map(Received::values).toList())
                    .containsExactly(List.of("7", "t"));

            c.send(extended("COPY t FROM STDIN WITH (FORMAT binary)"));
            c.until('G');
            c.send(copyData("PGCOPY\nnot really"), copyDone(), sync());
            List<Received> bad = c.untilReady();
            assertThat(types(bad)).isEqualTo("EZ");
            assertThat(bad.get(0).fields().get('C')).isEqualTo("22P04");
            assertThat(bad.get(0).fields().get('M')).isEqualTo("COPY file signature not recognized");
        }
    }
}
