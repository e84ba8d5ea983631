package io.heliosdb.storage.memory;

import io.heliosdb.spi.ValueBufferCursor;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;

/**
 * A scan at a fixed commit sequence. The skip-list iterator is weakly consistent, so concurrent
 * writes never break it, and the sequence hides every write newer than the scan.
 *
 * <p>A forward scan with an upper bound does not compare every key with the bound (a cache miss on each
 * row's key array in a long scan): it stops after the last key below the bound that existed when it
 * started, found by identity. Keys added later are newer than the scan's sequence, so it may not see
 * them anyway; only a removed key (pruned, so the stop key may be gone) makes it compare again, and the
 * keyspace's removal count tells it one happened. It walks the skip list's versions, which know their key,
 * so it makes no map entry per row either.
 */
final class MemoryCursor implements ValueBufferCursor {

    private final MemoryStorageEngine engine;
    /** The entries of a general scan, or null for a scan with a stop key (which walks {@link #versions}). */
    private final Iterator<Map.Entry<byte[], Version>> entries;
    private final Iterator<Version> versions;
    private final long seq;
    private final Runnable onClose;
    /** With a stop key: the keyspace, its removal count at the start, the stop key and the bound. */
    private final Keyspace keyspace;
    private final long removals;
    private final byte[] stopKey;
    private final byte[] bound;
    /** With a stop key: the scan's lower bound, and the keyspace's last write when it started (see ScanRuns). */
    private final byte[] from;
    private final long writeSeq;
    /** Entries walked so far (with a stop key), told to the keyspace's {@link ScanRuns} at close. */
    private long walked;
    private boolean ended;
    private byte[] key;
    private byte[] value;
    private boolean closed;

    MemoryCursor(MemoryStorageEngine engine, Iterator<Map.Entry<byte[], Version>> entries, long seq, Runnable onClose) {
        this(engine, entries, null, seq, onClose, null, 0, null, null, null, 0);
    }

    private MemoryCursor(MemoryStorageEngine engine, Iterator<Map.Entry<byte[], Version>> entries,
                         Iterator<Version> versions, long seq, Runnable onClose, Keyspace keyspace, long removals,
                         byte[] stopKey, byte[] bound, byte[] from, long writeSeq) {
        this.engine = engine;
        this.entries = entries;
        this.versions = versions;
        this.seq = seq;
        this.onClose = onClose;
        this.keyspace = keyspace;
        this.removals = removals;
        this.stopKey = stopKey;
        this.bound = bound;
        this.from = from;
        this.writeSeq = writeSeq;
    }

    /** A forward scan of {@code [from, to)} ({@code from} null: open) that stops by key identity. */
    static MemoryCursor upTo(MemoryStorageEngine engine, Keyspace ks, byte[] from, byte[] to, long seq,
                             Runnable onClose) {
        // The count first: a removal after this read, even of the stop key found next, switches to comparing.
        long removals = ks.removals;
        long writeSeq = ks.scanRuns.lastWriteSeq();
        byte[] last = ks.entries.lowerKey(to);
        if (last == null || from != null && Arrays.compareUnsigned(last, from) < 0) {
            return new MemoryCursor(engine, null, Collections.emptyIterator(), seq, onClose, ks, removals, null, to,
                    from, writeSeq);
        }
        // An open upper end: the skip list's iterator then compares no key with a bound.
        var versions = (from == null ? ks.entries : ks.entries.tailMap(from, true)).values().iterator();
        return new MemoryCursor(engine, null, versions, seq, onClose, ks, removals, last, to, from, writeSeq);
    }

    @Override
    public boolean next() {
        engine.checkOpen();
        if (closed) {
            throw MemoryStorageEngine.closedError("cursor");
        }
        if (versions != null) {
            while (!ended && versions.hasNext()) {
                Version head = versions.next();
                walked++;
                Version v = stopAt(head) ? null : head.visibleAt(seq);
                if (v != null && v.value() != null) {
                    key = head.key();
                    value = v.value();
                    return true;
                }
            }
        } else {
            while (entries.hasNext()) {
                Map.Entry<byte[], Version> e = entries.next();
                Version v = e.getValue().visibleAt(seq);
                if (v != null && v.value() != null) {
                    key = e.getKey();
                    value = v.value();
                    return true;
                }
            }
        }
        key = null;
        value = null;
        return false;
    }

    /**
     * Whether the scan ends before {@code head}'s key (then it is past the bound); marks the scan ended after it
     * when it is the stop key.
     */
    private boolean stopAt(Version head) {
        byte[] k = head.key();
        if (k == stopKey) {
            ended = true;
            return false;
        }
        if (keyspace.removals != removals && Arrays.compareUnsigned(k, bound) >= 0) {
            ended = true;
            return true;
        }
        return false;
    }

    /** The stored arrays themselves: keys and versions are never modified once written. */
    @Override
    public int nextEntries(byte[][] keys, byte[][] values, int max) {
        return gather(keys, values, 0, max);
    }

    /** {@link #nextEntries} into {@code keys}/{@code values} from index {@code start} on. */
    int gather(byte[][] keys, byte[][] values, int start, int max) {
        engine.checkOpen();
        if (closed) {
            throw MemoryStorageEngine.closedError("cursor");
        }
        if (versions == null) {
            return -1;
        }
        int n = 0;
        long steps = 0;
        // A tight loop: the processor can have several rows' nodes and versions in flight at once.
        while (n < max && !ended && versions.hasNext()) {
            Version head = versions.next();
            steps++;
            if (stopAt(head)) {
                break;
            }
            Version v = head.visibleAt(seq);
            if (v != null && v.value() != null) {
                keys[start + n] = head.key();
                values[start + n] = v.value();
                n++;
            }
        }
        walked += steps;
        key = n == 0 ? null : keys[start + n - 1];
        value = n == 0 ? null : values[start + n - 1];
        return n;
    }

    @Override
    public byte[] key() {
        return current(key).clone();
    }

    @Override
    public byte[] value() {
        return current(value).clone();
    }

    /** The stored array itself: versions are never modified once written, so it needs no copy to be read. */
    @Override
    public byte[] valueBuffer() {
        return current(value);
    }

    @Override
    public int valueLength() {
        return current(value).length;
    }

    private static byte[] current(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalStateException("the cursor is not on an entry: call next() first");
        }
        return bytes;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                if (keyspace != null) {
                    keyspace.scanRuns.scanned(from, bound, writeSeq, walked);
                }
            } finally {
                onClose.run();
            }
        }
    }
}
