package io.heliosdb.storage.rocks;

import java.nio.ByteBuffer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A point get through per-thread direct buffers. The {@code byte[]} get of RocksJava mallocs and copies the
 * key on the native side and allocates the value array from native code (a JNI allocation, slower than
 * Java's own); with direct buffers the native side reads the key and writes the value in place, and the
 * value array is allocated here. Values larger than {@link #MAX_BUFFERED} take the {@code byte[]} get, so
 * a thread never keeps a large buffer for one large row.
 */
final class RocksPointGet {
    static final int MAX_BUFFERED = 16 * 1024;
    private static final int FIRST_VALUE_BUFFER = 512;
    private static final int FIRST_KEY_BUFFER = 128;

    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        ByteBuffer key = ByteBuffer.allocateDirect(FIRST_KEY_BUFFER);
        ByteBuffer value = ByteBuffer.allocateDirect(FIRST_VALUE_BUFFER);
        /** Whether this thread's perf counters are off (see {@link RocksPerfLevel}). */
        boolean countersOff;
    }

    /** The value stored under {@code key} as {@code options} reads it, or null. */
    byte[] get(RocksDB db, ColumnFamilyHandle family, ReadOptions options, byte[] key) throws RocksDBException {
        if (key.length > MAX_BUFFERED) {
            return db.get(family, options, key);
        }
        Buffers b = buffers.get();
        if (!b.countersOff) {
            RocksPerfLevel.disableCounters(db);
            b.countersOff = true;
        }
        if (b.key.capacity() < key.length) {
            b.key = ByteBuffer.allocateDirect(Integer.highestOneBit(key.length) << 1);
        }
        ByteBuffer k = b.key;
        k.clear();
        k.put(key).flip();
        ByteBuffer v = b.value;
        v.clear();
        int size = db.get(family, options, k, v);
        if (size == RocksDB.NOT_FOUND) {
            return null;
        }
        if (size > v.capacity()) {
            if (size > MAX_BUFFERED) {
                // One more get, whose answer is the one returned (a write in between may have changed it).
                return db.get(family, options, key);
            }
            b.value = ByteBuffer.allocateDirect(Integer.highestOneBit(size) << 1);
            return get(db, family, options, key);
        }
        byte[] out = new byte[size];
        v.get(out);
        return out;
    }
}
