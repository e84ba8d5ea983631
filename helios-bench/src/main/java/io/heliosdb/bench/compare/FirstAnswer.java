package io.heliosdb.bench.compare;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Waits for a starting PostgreSQL-protocol server to answer its first query, speaking the v3 protocol on a
 * plain socket (trust authentication, simple query): a start-up probe that costs the measured machine
 * almost nothing while it polls, unlike a JDBC driver that loads its classes and builds an exception per
 * refused attempt on the same cores the starting server needs.
 */
final class FirstAnswer {
    private static final int PROTOCOL_3_0 = 196_608;

    private FirstAnswer() {
    }

    /**
     * Connects to 127.0.0.1:{@code port} until the server accepts, then logs in as {@code postgres} and runs
     * {@code SELECT 1}; returns when the answer (one row holding 1) is back, giving the {@link System#nanoTime()} at
     * which the connection was accepted.
     *
     * @param alive false once the server process is gone (then this fails at once instead of at the deadline)
     * @throws IOException the server refused until {@code deadlineNanos}, died, or answered something else
     */
    static long await(int port, long deadlineNanos, BooleanSupplier alive) throws IOException, InterruptedException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 5_000);
                long accepted = System.nanoTime();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(60_000);
                selectOne(socket);
                return accepted;
            } catch (ConnectException refused) {
                if (!alive.getAsBoolean()) {
                    throw new IOException("the server exited before it accepted a connection on port " + port);
                }
                if (System.nanoTime() > deadlineNanos) {
                    throw new IOException("no connection accepted on port " + port + " before the deadline", refused);
                }
                // Polling another process's socket: there is nothing to wait on.
                Thread.sleep(2);
            }
        }
    }

    private static void selectOne(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        out.write(startupMessage("postgres", "postgres"));
        out.flush();
        readUntilReady(in, false);
        out.write(message('Q', "SELECT 1"));
        out.flush();
        readUntilReady(in, true);
        out.write(new byte[] {'X', 0, 0, 0, 4});
        out.flush();
    }

    private static byte[] startupMessage(String user, String database) {
        byte[] body = ("user\0" + user + "\0database\0" + database + "\0\0").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).putInt(PROTOCOL_3_0).put(body).array();
    }

    private static byte[] message(char type, String text) {
        byte[] body = (text + "\0").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length).put(body).array();
    }

    /** Reads backend messages up to ReadyForQuery; with {@code wantOne}, a DataRow holding "1" must come first. */
    private static void readUntilReady(DataInputStream in, boolean wantOne) throws IOException {
        boolean sawOne = false;
        while (true) {
            int type = in.read();
            if (type < 0) {
                throw new IOException("the server closed the connection");
            }
            int length = in.readInt();
            if (length < 4 || length > 1 << 20) {
                throw new IOException("bad message length " + length + " for message '" + (char) type + "'");
            }
            byte[] body = in.readNBytes(length - 4);
            switch (type) {
                case 'R' -> {
                    int auth = ByteBuffer.wrap(body).getInt();
                    if (auth != 0) {
                        throw new IOException("the server asks for authentication (method " + auth + "); the probe "
                                + "logs in with trust only");
                    }
                }
                case 'E' -> throw new IOException("the server answered an error: "
                        + new String(body, StandardCharsets.UTF_8).replace('\0', ' ').trim());
                case 'D' -> sawOne = isSingleOne(body);
                case 'Z' -> {
                    if (wantOne && !sawOne) {
                        throw new IOException("SELECT 1 did not return a row holding 1");
                    }
                    return;
                }
                default -> {
                    // ParameterStatus, BackendKeyData, RowDescription, CommandComplete, notices: not needed.
                }
            }
        }
    }

    private static boolean isSingleOne(byte[] dataRow) {
        ByteBuffer b = ByteBuffer.wrap(dataRow);
        return b.getShort() == 1 && b.getInt() == 1 && b.get() == '1';
    }
}
