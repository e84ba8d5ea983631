package io.heliosdb.storage.rocks;

import io.heliosdb.spi.ValueBufferCursor;
import java.util.Arrays;

/** A forward scan of {@code [from, to)} read from a {@link RocksScanRun} that holds the range: no native call. */
final class RocksRunCursor implements ValueBufferCursor {
    private final RocksStorageEngine engine;
    private final RocksScanRun run;
    private final int end;
    private int next;
    /** The index the cursor stands on, or -1. */
    private int current = -1;
    private boolean closed;
    private byte[] copy;
    private int copiedAt = -1;

    RocksRunCursor(RocksStorageEngine engine, RocksScanRun run, byte[] from, byte[] to) {
        this.engine = engine;
        this.run = run;
        this.next = run.lowerBound(from);
        this.end = to == null ? run.size : Math.max(next, run.lowerBound(to));
    }

    private void checkUsable() {
        if (closed) {
            throw RocksStorageEngine.closedError("cursor");
        }
        engine.checkUsable();
    }

    @Override
    public boolean next() {
        checkUsable();
        if (next < end) {
            current = next++;
            return true;
        }
        current = -1;
        return false;
    }

    /** The run's value arrays, as {@link RocksCursor#nextValues} handed them out: never changed. */
    @Override
    public int nextValues(byte[][] values, int[] offsets, int[] lengths, byte[][] keys, KeyWanted wanted, int max) {
        checkUsable();
        int n = Math.min(max, end - next);
        System.arraycopy(run.valueArrays, next, values, 0, n);
        System.arraycopy(run.valueOffsets, next, offsets, 0, n);
        System.arraycopy(run.valueLengths, next, lengths, 0, n);
        for (int i = 0; i < n; i++) {
            keys[i] = wanted.test(values[i], offsets[i], lengths[i]) ? run.key(next + i) : null;
        }
        next += n;
        current = n == 0 ? -1 : next - 1;
        return n;
    }

    @Override
    public byte[] key() {
        return run.key(position());
    }

    @Override
    public byte[] value() {
        int i = position();
        return Arrays.copyOfRange(run.valueArrays[i], run.valueOffsets[i], run.valueOffsets[i] + run.valueLengths[i]);
    }

    /** The value at offset 0 of an array of its own (the interface has no offset): a copy, made once per entry. */
    @Override
    public byte[] valueBuffer() {
        int i = position();
        if (copiedAt != i) {
            copy = value();
            copiedAt = i;
        }
        return copy;
    }

    @Override
    public int valueLength() {
        return run.valueLengths[position()];
    }

    private int position() {
        if (current < 0) {
            throw new IllegalStateException("the cursor is not on an entry: call next() first");
        }
        return current;
    }

    @Override
    public void close() {
        closed = true;
    }
}
