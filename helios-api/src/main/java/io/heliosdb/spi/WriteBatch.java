package io.heliosdb.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Puts and deletes applied atomically, in order, by {@link StorageEngine#write}. */
public final class WriteBatch {

    /** One operation; {@code value} is {@code null} for a delete. */
    public record Op(String keyspace, byte[] key, byte[] value) {
        public boolean isDelete() {
            return value == null;
        }
    }

    private final List<Op> ops = new ArrayList<>();
    private long bytes;

    public WriteBatch put(String keyspace, byte[] key, byte[] value) {
        ops.add(new Op(Objects.requireNonNull(keyspace), Objects.requireNonNull(key), Objects.requireNonNull(value)));
        bytes += key.length + value.length;
        return this;
    }

    public WriteBatch delete(String keyspace, byte[] key) {
        ops.add(new Op(Objects.requireNonNull(keyspace), Objects.requireNonNull(key), null));
        bytes += key.length;
        return this;
    }

    public List<Op> ops() {
        return Collections.unmodifiableList(ops);
    }

    public boolean isEmpty() {
        return ops.isEmpty();
    }

    public int size() {
        return ops.size();
    }

    /** Key and value bytes in the batch. */
    public long byteSize() {
        return bytes;
    }
}
