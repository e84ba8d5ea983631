package io.heliosdb.wire;

import io.heliosdb.wire.protocol.BackendMessage;

/** Where a connection's answers go. */
interface PgOutput {

    /** Queues a message; may block a worker thread while the client is not reading. */
    void send(BackendMessage message);

    /** Pushes what is queued to the client. */
    void flush();
}
