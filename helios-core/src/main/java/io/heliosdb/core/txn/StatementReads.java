package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.Catalog;
import io.heliosdb.spi.KvReader;
import io.heliosdb.spi.ReadView;

/**
 * What one statement reads through: the committed data at its snapshot timestamp (over a storage
 * read view when the engine has them) with its transaction's own writes on top, and the catalog
 * of that snapshot. Closing releases the view and, for a statement snapshot, its registration.
 */
public final class StatementReads implements AutoCloseable {
    private final ReadView view;
    private final MergedReader reader;
    private final long snapshotTs;
    private final Catalog.Snapshot catalog;
    private final Runnable release;
    private boolean closed;

    StatementReads(ReadView view, KvReader committed, WriteOverlay overlay, long snapshotTs,
                   Catalog.Snapshot catalog, RowCache cache, Runnable release) {
        this(view, committed, overlay, snapshotTs, catalog, cache, release, null);
    }

    /** {@code tracking}: a SERIALIZABLE transaction's SSI read tracking, or null. */
    StatementReads(ReadView view, KvReader committed, WriteOverlay overlay, long snapshotTs,
                   Catalog.Snapshot catalog, RowCache cache, Runnable release,
                   io.heliosdb.core.txn.ssi.ReadTracking tracking) {
        this(view, new MergedReader(overlay, new SnapshotReader(committed, snapshotTs, cache), tracking), snapshotTs,
                catalog, release);
    }

    private StatementReads(ReadView view, MergedReader reader, long snapshotTs, Catalog.Snapshot catalog,
                           Runnable release) {
        this.view = view;
        this.reader = reader;
        this.snapshotTs = snapshotTs;
        this.catalog = catalog;
        this.release = release;
    }

    /**
     * These reads with the transaction's own writes as {@code overlay} has them now and no later ones (see
     * {@link WriteOverlay#frozen}); the view and snapshot stay this object's to release.
     */
    StatementReads frozen(WriteOverlay overlay) {
        return new StatementReads(null, reader.over(overlay.frozen()), snapshotTs, catalog, () -> { });
    }

    public KvReader reader() {
        return reader;
    }

    public long snapshotTs() {
        return snapshotTs;
    }

    public Catalog.Snapshot catalog() {
        return catalog;
    }

    /** Releases the view and the snapshot (idempotent). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                if (view != null) {
                    view.close();
                }
            } finally {
                release.run();
            }
        }
    }
}
