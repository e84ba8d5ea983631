package io.heliosdb.core.txn.ssi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The keys a serializable transaction wrote, published as its statements write them and in full when it
 * commits, so that a reader whose snapshot does not see them can find the rw-antidependency. Sorted, to
 * answer "was anything written in this scanned range". A transaction writing more than {@link #MAX_KEYS}
 * keys keeps only the relations it wrote (coarser: more false conflicts, bounded memory). Guarded by the
 * tracker's lock.
 */
final class WriteSet {
    static final int MAX_KEYS = 65_536;

    private final Map<String, NavigableSet<byte[]>> keys = new HashMap<>();
    /** Keys kept before coarsening to relations. */
    private final int maxKeys;
    private int size;
    /** Approximate heap bytes of the keys and relations ({@link Footprint}). */
    private long bytes;
    /** Whole relations written, once the keys were too many; empty until then. */
    private final List<KeyRange> relations = new ArrayList<>();

    /**
     * Adds a key; false when exactly this key was added before (so its readers were found already); always
     * true once the set has been coarsened.
     */
    WriteSet() {
        this(MAX_KEYS);
    }

    WriteSet(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    boolean add(String keyspace, byte[] key) {
        if (!relations.isEmpty()) {
            addRelationOf(keyspace, key);
            return true;
        }
        if (!keys.computeIfAbsent(keyspace, k -> new TreeSet<>(Arrays::compareUnsigned)).add(key)) {
            return false;
        }
        bytes += Footprint.WRITTEN_KEY + Footprint.array(key.length);
        if (++size > maxKeys) {
            bytes = 0;
            keys.forEach((ks, written) -> written.forEach(k -> addRelationOf(ks, k)));
            keys.clear();
        }
        return true;
    }

    private void addRelationOf(String keyspace, byte[] key) {
        if (!inRelations(keyspace, key)) {
            KeyRange relation = KeyRange.relationOf(keyspace, key);
            relations.add(relation);
            bytes += Footprint.range(relation);
        }
    }

    /** Approximate heap bytes held. */
    long approximateBytes() {
        return bytes;
    }

    boolean contains(String keyspace, byte[] key) {
        NavigableSet<byte[]> written = keys.get(keyspace);
        return written != null && written.contains(key) || inRelations(keyspace, key);
    }

    boolean intersects(KeyRange range) {
        for (KeyRange relation : relations) {
            if (overlap(relation, range)) {
                return true;
            }
        }
        NavigableSet<byte[]> written = keys.get(range.keyspace());
        if (written == null || written.isEmpty()) {
            return false;
        }
        byte[] first = range.from() == null ? written.first() : written.ceiling(range.from());
        return first != null && (range.to() == null || Arrays.compareUnsigned(first, range.to()) < 0);
    }

    private boolean inRelations(String keyspace, byte[] key) {
        for (KeyRange relation : relations) {
            if (relation.contains(keyspace, key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlap(KeyRange a, KeyRange b) {
        return a.keyspace().equals(b.keyspace())
                && (a.to() == null || b.from() == null || Arrays.compareUnsigned(b.from(), a.to()) < 0)
                && (b.to() == null || a.from() == null || Arrays.compareUnsigned(a.from(), b.to()) < 0);
    }

    /** Adds what {@code other} wrote (coarsening as needed). */
    void addAll(WriteSet other) {
        for (KeyRange relation : other.relations) {
            if (relations.stream().noneMatch(held -> held.covers(relation))) {
                relations.add(relation);
                bytes += Footprint.range(relation);
            }
        }
        other.keys.forEach((keyspace, written) -> written.forEach(key -> add(keyspace, key)));
    }

    /** Whether nothing was written. */
    boolean isEmpty() {
        return size == 0 && relations.isEmpty();
    }

    boolean coarsened() {
        return !relations.isEmpty();
    }
}
