package io.heliosdb.wire;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.wire.WireBytes.Received;
import io.heliosdb.wire.protocol.PgFrameDecoder;
import io.heliosdb.wire.protocol.PgMessageEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;

/**
 * A protocol session on an in-memory kernel through an {@link EmbeddedChannel}, for tests that check the exact
 * messages answered to raw protocol bytes (no socket, the kernel's work on the calling thread). The test is
 * skipped when no kernel is on the module path.
 */
final class KernelWire implements AutoCloseable {
    private final HeliosDB db;
    private final EmbeddedChannel channel;
    private final ByteBuf received = Unpooled.buffer();

    private KernelWire(HeliosDB db) {
        this.db = db;
        this.channel = new EmbeddedChannel(new PgFrameDecoder(), new PgMessageEncoder(),
                new PgSessionHandler(new ServerContext(db, Runnable::run, 10)));
    }

    static KernelWire open() {
        HeliosDB db = null;
        try {
            db = HeliosDB.open(HeliosConfig.memory());
        } catch (RuntimeException | java.util.ServiceConfigurationError | LinkageError e) {
            assumeTrue(false, "no working kernel: " + e);
        }
        return new KernelWire(db);
    }

    /** Sends {@code parts} as one inbound buffer; every message answered since the session started. */
    List<Received> send(byte[]... parts) {
        channel.writeInbound(Unpooled.wrappedBuffer(WireBytes.concat(parts)));
        channel.runPendingTasks();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            received.writeBytes(out);
            out.release();
        }
        return WireBytes.parse(received);
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
        received.release();
        db.close();
    }
}
