package io.heliosdb.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Puts and deletes applied atomically, in order, by {@link StorageEngine#write}. */
public final class WriteBatch {

    /**
     * One operation; {@code value} is {@code null} for a delete. A value given in two parts ({@link #put(String,
     * byte[], byte[], byte[])}) is joined by each call of {@link #value()}; an engine that copies values anyway
     * reads the parts ({@link #head()}, {@link #body()}) and saves that copy.
     */
    public static final class Op {
        private final String keyspace;
        private final byte[] key;
        private final byte[] head;
        private final byte[] body;

        public Op(String keyspace, byte[] key, byte[] value) {
            this(keyspace, key, null, value);
        }

        private Op(String keyspace, byte[] key, byte[] head, byte[] body) {
            this.keyspace = keyspace;
            this.key = key;
            this.head = head;
            this.body = body;
        }

        public String keyspace() {
            return keyspace;
        }

        public byte[] key() {
            return key;
        }

        /** The whole value (head and body joined), or null for a delete. */
        public byte[] value() {
            if (head == null) {
                return body;
            }
            byte[] v = new byte[head.length + body.length];
            System.arraycopy(head, 0, v, 0, head.length);
            System.arraycopy(body, 0, v, head.length, body.length);
            return v;
        }

        /** The value's first part when it was given in two, else null (then {@link #body()} is all of it). */
        public byte[] head() {
            return head;
        }

        /** The value after {@link #head()} (all of it when there is no head), or null for a delete. */
        public byte[] body() {
            return body;
        }

        /** The value's length without joining its parts. */
        public int valueLength() {
            return (head == null ? 0 : head.length) + (body == null ? 0 : body.length);
        }

        public boolean isDelete() {
            return body == null;
        }

        @Override
        public String toString() {
            return "Op[" + keyspace + ", " + key.length + " key bytes, " + (isDelete() ? "delete" : valueLength()
                    + " value bytes") + "]";
        }
    }

    private final List<Op> ops = new ArrayList<>();
    private long bytes;

    public WriteBatch put(String keyspace, byte[] key, byte[] value) {
        ops.add(new Op(Objects.requireNonNull(keyspace), Objects.requireNonNull(key), Objects.requireNonNull(value)));
        bytes += key.length + value.length;
        return this;
    }

    /**
     * Puts {@code head} followed by {@code body} as the value, without joining them here: callers whose values
     * share a prefix (a commit's version header) pass one head array for all of them. Neither array may change
     * until the batch is written.
     */
    public WriteBatch put(String keyspace, byte[] key, byte[] head, byte[] body) {
        ops.add(new Op(Objects.requireNonNull(keyspace), Objects.requireNonNull(key), Objects.requireNonNull(head),
                Objects.requireNonNull(body)));
        bytes += key.length + head.length + body.length;
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
