package io.heliosdb.core.txn;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.encoding.ColumnBatchDecoder;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.sql.ColumnBatchCursor;
import java.util.function.LongConsumer;

/**
 * A table scan that decodes its visible rows into column batches (see {@link ColumnBatchCursor}).
 * Visibility is the row cursor's ({@link SnapshotReader}'s versions, the transaction's own writes on
 * top); this only replaces the row-at-a-time decoding, reading values in place when it can.
 */
final class ColumnBatchScan implements ColumnBatchCursor {
    static final int BATCH = 1024;

    private final KvCursor rows;
    private final StoredValueCursor inPlace;
    private final ColumnBatchDecoder decoder;
    private final LongConsumer rowsRead;
    private int size;
    private boolean done;

    /** {@code rowsRead} hears how many rows each batch read. */
    ColumnBatchScan(KvCursor rows, SqlType[] types, boolean[] columns, LongConsumer rowsRead) {
        this.rows = rows;
        this.inPlace = rows instanceof StoredValueCursor c ? c : null;
        this.decoder = new ColumnBatchDecoder(types, columns, BATCH);
        this.rowsRead = rowsRead;
    }

    @Override
    public boolean nextBatch() {
        size = 0;
        if (done) {
            return false;
        }
        decoder.startBatch();
        int n = 0;
        if (inPlace != null) {
            StoredValueCursor c = inPlace;
            while (n < BATCH && c.next()) {
                decoder.decode(c.valueBuffer(), c.valueOffset(), n++);
            }
        } else {
            while (n < BATCH && rows.next()) {
                decoder.decode(rows.value(), 0, n++);
            }
        }
        done = n < BATCH;
        size = n;
        if (n > 0) {
            rowsRead.accept(n);
        }
        return n > 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long[] longs(int column) {
        return decoder.longs(column);
    }

    @Override
    public Object[] values(int column) {
        return decoder.values(column);
    }

    @Override
    public boolean[] nulls(int column) {
        return decoder.nulls(column);
    }

    @Override
    public void close() {
        rows.close();
    }
}
