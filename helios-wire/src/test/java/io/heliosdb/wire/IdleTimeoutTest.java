package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * idle_session_timeout and idle_in_transaction_session_timeout end the connection as PostgreSQL 15 does:
 * FATAL 57P05 or 25P03, then the socket closes. A raw client waits for the server to close (no sleeps).
 */
class IdleTimeoutTest {
    private static KernelServer server;

    @BeforeAll
    static void start() {
        server = KernelServer.startOrSkip();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void idleSessionTimeout_endsAnIdleConnectionWith57P05() throws IOException {
        List<Map<Character, String>> errors = untilClosed("set idle_session_timeout = '200ms'");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).containsEntry('S', "FATAL").containsEntry('C', "57P05")
                .containsEntry('M', "terminating connection due to idle-session timeout");
    }

    @Test
    void idleInTransactionTimeout_endsAConnectionIdleInABlockWith25P03() throws IOException {
        List<Map<Character, String>> errors = untilClosed("begin; set idle_in_transaction_session_timeout = '200ms'");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).containsEntry('S', "FATAL").containsEntry('C', "25P03");
    }

    @Test
    void idleInTransactionTimeout_doesNotApplyOutsideABlock() throws IOException {
        // The short in-transaction timeout would end the connection first if it applied while idle.
        List<Map<Character, String>> errors = untilClosed(
                "set idle_in_transaction_session_timeout = '50ms'; set idle_session_timeout = '1s'");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).containsEntry('C', "57P05");
    }

    /** Logs in, runs {@code sql} as one simple query, then reads until the server closes; the ErrorResponses seen. */
    private static List<Map<Character, String>> untilClosed(String sql) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.transport.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(startup());
            out.write(query(sql));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            List<Map<Character, String>> errors = new java.util.ArrayList<>();
            while (true) {
                int type;
                try {
                    type = in.readByte();
                } catch (EOFException closed) {
                    return errors;
                }
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                if (type == 'E') {
                    errors.add(fields(body));
                }
            }
        }
    }

    private static byte[] startup() {
        byte[] params = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + params.length).putInt(8 + params.length).putInt(196608).put(params).array();
    }

    private static byte[] query(String sql) {
        byte[] text = (sql + "\0").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write('Q');
        b.writeBytes(ByteBuffer.allocate(4).putInt(4 + text.length).array());
        b.writeBytes(text);
        return b.toByteArray();
    }

    private static Map<Character, String> fields(byte[] body) {
        Map<Character, String> out = new HashMap<>();
        int i = 0;
        while (i < body.length && body[i] != 0) {
            char code = (char) body[i++];
            int end = i;
            while (body[end] != 0) {
                end++;
            }
            out.put(code, new String(body, i, end - i, StandardCharsets.UTF_8));
            i = end + 1;
        }
        return out;
    }
}
