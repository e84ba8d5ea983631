package io.heliosdb.storage.memory;

import io.heliosdb.spi.ValueBufferCursor;

/** A forward scan of {@code [from, to)} read from a {@link ScanRun} that holds the range: index steps, no node walk. */
final class ScanRunCursor implements ValueBufferCursor {
    private final MemoryStorageEngine engine;
    private final ScanRun run;
    private final int end;
    private final Runnable onClose;
    private int next;
    /** The index the cursor stands on, or -1. */
    private int current = -1;
    private boolean closed;

    ScanRunCursor(MemoryStorageEngine engine, ScanRun run, byte[] from, byte[] to, Runnable onClose) {
        this.engine = engine;
        this.run = run;
        this.next = run.lowerBound(from);
        this.end = Math.max(next, run.lowerBound(to));
        this.onClose = onClose;
    }

    private void checkUsable() {
        engine.checkOpen();
        if (closed) {
            throw MemoryStorageEngine.closedError("cursor");
        }
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

    /** The run's arrays are the stored keys and values themselves, never modified once written. */
    @Override
    public int nextEntries(byte[][] keys, byte[][] values, int max) {
        checkUsable();
        int n = Math.min(max, end - next);
        System.arraycopy(run.keys, next, keys, 0, n);
        System.arraycopy(run.values, next, values, 0, n);
        next += n;
        current = n == 0 ? -1 : next - 1;
        return n;
    }

    /** The packed bytes (see {@link ScanRun}): read in address order, a scan streams through memory. */
    @Override
    public int nextValues(byte[][] values, int[] offsets, int[] lengths, byte[][] keys, KeyWanted wanted, int max) {
        checkUsable();
        if (!run.packs()) {
            return -1;
        }
        int n = Math.min(max, end - next);
        System.arraycopy(run.packed, next, values, 0, n);
        System.arraycopy(run.offsets, next, offsets, 0, n);
        System.arraycopy(run.lengths, next, lengths, 0, n);
        for (int i = 0; i < n; i++) {
            keys[i] = wanted.test(values[i], offsets[i], lengths[i]) ? run.keys[next + i] : null;
        }
        next += n;
        current = n == 0 ? -1 : next - 1;
        return n;
    }

    @Override
    public byte[] key() {
        return run.keys[position()].clone();
    }

    @Override
    public byte[] value() {
        return run.values[position()].clone();
    }

    @Override
    public byte[] valueBuffer() {
        return run.values[position()];
    }

    @Override
    public int valueLength() {
        return run.values[position()].length;
    }

    private int position() {
        if (current < 0) {
            throw new IllegalStateException("the cursor is not on an entry: call next() first");
        }
        return current;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
