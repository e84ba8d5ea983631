package io.heliosdb.core.txn;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.encoding.ColumnBatchDecoder;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.sql.ColumnBatchCursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * A table scan that decodes its visible rows into column batches (see {@link ColumnBatchCursor}).
 * Visibility is the row cursor's ({@link SnapshotReader}'s versions, the transaction's own writes on
 * top); this only replaces the row-at-a-time decoding, reading values in place when it can.
 */
final class ColumnBatchScan implements ColumnBatchCursor {
    static final int BATCH = 1024;

    /**
     * Where the rest of a scan can be read again in parts ({@link #split}): the statement's reader (its snapshot
     * and own writes) and the end of the scanned range.
     */
    record Range(KvReader reader, String keyspace, byte[] end) {
    }

    private KvCursor rows;
    private StoredValueCursor inPlace;
    private final SqlType[] types;
    private final boolean[] columns;
    private final ColumnBatchDecoder decoder;
    private final LongConsumer rowsRead;
    private final Range range;
    /** The rows the parts split off read, told to {@link #rowsRead} at close (on this cursor's thread). */
    private LongAdder partRows;
    private int size;
    private boolean done;
    /** Whether {@link StoredValueCursor#nextRows} may still answer (until it says -1). */
    private boolean gathering = true;
    private byte[][] buffers;
    private int[] offsets;

    /** {@code rowsRead} hears how many rows each batch read. */
    ColumnBatchScan(KvCursor rows, SqlType[] types, boolean[] columns, LongConsumer rowsRead) {
        this(rows, types, columns, rowsRead, null);
    }

    /** {@code range}: where {@link #split} re-reads the rest of the scan, or null if it may not split. */
    ColumnBatchScan(KvCursor rows, SqlType[] types, boolean[] columns, LongConsumer rowsRead, Range range) {
        this.rows = rows;
        this.inPlace = rows instanceof StoredValueCursor c ? c : null;
        this.types = types;
        this.columns = columns;
        this.decoder = new ColumnBatchDecoder(types, columns, BATCH);
        this.rowsRead = rowsRead;
        this.range = range;
    }

    @Override
    public boolean nextBatch() {
        size = 0;
        if (done) {
            return false;
        }
        decoder.startBatch();
        int n = 0;
        if (inPlace != null && gathering) {
            n = gather();
        }
        if (inPlace != null && !gathering) {
            StoredValueCursor c = inPlace;
            while (n < BATCH && c.next()) {
                decoder.decode(c.valueBuffer(), c.valueOffset(), n++);
            }
        } else if (inPlace == null) {
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

    /** Fills the batch through {@link StoredValueCursor#nextRows}; clears {@link #gathering} if it cannot. */
    private int gather() {
        if (buffers == null) {
            buffers = new byte[BATCH][];
            offsets = new int[BATCH];
        }
        int n = 0;
        while (n < BATCH) {
            int got = inPlace.nextRows(buffers, offsets, n, BATCH - n);
            if (got < 0) {
                gathering = false;
                break;
            }
            if (got == 0) {
                break;
            }
            n += got;
        }
        for (int i = 0; i < n; i++) {
            decoder.decode(buffers[i], offsets[i], i);
        }
        java.util.Arrays.fill(buffers, 0, n, null);
        return n;
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

    /**
     * Splits once, after a full batch: the rest of the range (from just past the last row read to the range's
     * end) is re-read as {@code parts} ranges through the same reader, so every part sees exactly the rows this
     * scan would have: the same snapshot, the same own writes. This cursor goes on with the first range.
     */
    @Override
    public List<ColumnBatchCursor> split(int parts) {
        if (range == null || partRows != null || done || size < BATCH || parts < 2) {
            return List.of();
        }
        byte[] last = rows.key();
        if (last == null) {
            return List.of();
        }
        byte[] from = Arrays.copyOf(last, last.length + 1);   // the least key above the last row read
        byte[] high;
        try (KvCursor tail = range.reader().scan(range.keyspace(), from, range.end(), true)) {
            if (!tail.next()) {
                return List.of();
            }
            high = tail.key();
        }
        List<byte[]> bounds = KeySplits.between(from, high, parts);
        if (bounds.isEmpty()) {
            return List.of();
        }
        LongAdder counted = new LongAdder();
        List<ColumnBatchCursor> out = new ArrayList<>(bounds.size());
        KvCursor mine = null;
        try {
            for (int i = 0; i < bounds.size(); i++) {
                byte[] to = i + 1 < bounds.size() ? bounds.get(i + 1) : range.end();
                out.add(new ColumnBatchScan(range.reader().scan(range.keyspace(), bounds.get(i), to, false), types,
                        columns, counted::add, null));
            }
            mine = range.reader().scan(range.keyspace(), from, bounds.get(0), false);
        } catch (RuntimeException e) {
            out.forEach(ColumnBatchCursor::close);
            throw e;
        }
        rows.close();
        rows = mine;
        inPlace = mine instanceof StoredValueCursor c ? c : null;
        gathering = true;
        partRows = counted;
        return out;
    }

    @Override
    public void close() {
        if (partRows != null) {
            rowsRead.accept(partRows.sum());
            partRows = null;
        }
        rows.close();
    }
}
