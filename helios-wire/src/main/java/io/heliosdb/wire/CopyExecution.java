package io.heliosdb.wire;

import io.heliosdb.api.CopyDescription;
import io.heliosdb.api.Session;
import io.heliosdb.wire.protocol.BackendMessage;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs one COPY FROM STDIN / TO STDOUT with the client's data stream, for the simple and the extended
 * protocol alike: CopyInResponse or CopyOutResponse, the data, and (for COPY TO) CopyDone. The caller
 * sends CommandComplete with the returned row count.
 */
final class CopyExecution {
    private final Session session;
    private final PgOutput out;

    CopyExecution(Session session, PgOutput out) {
        this.session = session;
        this.out = out;
    }

    /** The rows copied. {@code in} supplies COPY FROM's stream; it is asked only once copy-in mode begins. */
    long run(String sql, CopyDescription copy, java.util.function.Supplier<CopyInStream> in) {
        if (copy.in()) {
            CopyInStream stream = in.get();
            out.send(new BackendMessage.CopyInResponse(copy.columns(), copy.binary()));
            out.flush();
            return copy.binary() ? session.copyInRows(sql, new BinaryCopyReader(stream, copy.types()))
                    : session.copyIn(sql, new InputStreamReader(stream, StandardCharsets.UTF_8));
        }
        out.send(new BackendMessage.CopyOutResponse(copy.columns(), copy.binary()));
        long rows;
        if (copy.binary()) {
            BinaryCopyWriter writer = new BinaryCopyWriter(out);
            rows = session.copyOutRows(sql, writer);
            writer.finish();
        } else {
            rows = session.copyOut(sql, new CopyOutWriter(out));
        }
        out.send(new BackendMessage.CopyDone());
        return rows;
    }
}
