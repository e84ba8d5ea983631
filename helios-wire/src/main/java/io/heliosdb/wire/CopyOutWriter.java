package io.heliosdb.wire;

import io.heliosdb.wire.protocol.BackendMessage;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** COPY TO STDOUT's rows as CopyData messages: the kernel writes one line per call, sent as one message. */
final class CopyOutWriter extends Writer {
    private final PgOutput out;

    CopyOutWriter(PgOutput out) {
        this.out = out;
    }

    @Override
    public void write(String line) {
        out.send(new BackendMessage.CopyData(line.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        write(new String(chars, offset, length));
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
    }
}
