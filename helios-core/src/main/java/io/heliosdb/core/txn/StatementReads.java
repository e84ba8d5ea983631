package io.heliosdb.core.txn;

import io.heliosdb.spi.KvReader;
import io.heliosdb.spi.ReadView;

/** What one statement reads through: a fresh committed view with its transaction's writes on top. */
public final class StatementReads implements AutoCloseable {
    private final ReadView view;
    private final MergedReader reader;
    private boolean closed;

    StatementReads(ReadView view, KvReader committed, WriteOverlay overlay) {
        this.view = view;
        this.reader = new MergedReader(overlay, committed);
    }

    public KvReader reader() {
        return reader;
    }

    /** Releases the view (idempotent). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (view != null) {
                view.close();
            }
        }
    }
}
