package io.heliosdb.cache;

/**
 * One lock's share of the compact cache: an open-addressing table (linear probing) of entry arrays
 * ({@link CompactEntry}) with a one-byte tag per slot, so a probe touches an entry only when its tag matches,
 * and CLOCK eviction with a use counter per entry. A hit raises the counter (up to {@link #maxCount}); the hand
 * walks the slots, lowering counters and removing the first entry it finds at zero. So an entry read k times
 * since the hand last passed survives k more passes: frequency-aware, where one reference bit would treat a row
 * read once like one read a thousand times. Removal shifts the following entries of its probe run back (no
 * tombstones), so a lookup never walks dead slots. All methods run under the segment's monitor.
 */
final class CompactSegment {
    /**
     * Bytes of table an entry is charged on top of its array: a 4-byte reference and a 1-byte tag per slot, and
     * the table is between 3/8 and 3/4 full (it doubles at 3/4).
     */
    static final int SLOT_BYTES = 10;
    private static final int INITIAL_SLOTS = 16;

    private final long budget;
    private final int maxCount;
    private byte[][] entries = new byte[INITIAL_SLOTS][];
    private byte[] tags = new byte[INITIAL_SLOTS];
    private int size;
    private int hand;
    private long bytes;

    CompactSegment(long budget, int maxCount) {
        this.budget = budget;
        this.maxCount = maxCount;
    }

    /** Heap an entry is charged: its array, rounded to the JVM's 8-byte alignment, and its share of the table. */
    static long weight(int entryLength) {
        return CaffeineCacheLayer.arrayBytes(entryLength) + SLOT_BYTES;
    }

    /** Whether an entry of {@code entryLength} bytes may be cached here at all (a quarter of the segment at most). */
    boolean fits(int entryLength) {
        return weight(entryLength) <= budget / 4;
    }

    /** A copy of the stored value under the key, or null; a hit counts as a use. */
    synchronized byte[] get(int hash, int keyspaceId, byte[] key) {
        int slot = find(hash, keyspaceId, key);
        if (slot < 0) {
            return null;
        }
        byte[] entry = entries[slot];
        if (entry[CompactEntry.COUNT] < maxCount) {
            entry[CompactEntry.COUNT]++;
        }
        return CompactEntry.value(entry);
    }

    /** Stores the entry (replacing the key's previous one, whose use count it keeps); returns how many were evicted. */
    synchronized int put(int hash, byte[] entry, int keyspaceId, byte[] key) {
        int slot = find(hash, keyspaceId, key);
        if (slot >= 0) {
            byte[] previous = entries[slot];
            entry[CompactEntry.COUNT] = previous[CompactEntry.COUNT];
            entries[slot] = entry;
            bytes += weight(entry.length) - weight(previous.length);
        } else {
            if ((size + 1) * 4L > tags.length * 3L) {
                grow();
            }
            int evicted = evict(1);
            insert(hash, entry);
            bytes += weight(entry.length);
            size++;
            return evicted + evict(0);
        }
        return evict(0);
    }

    synchronized boolean remove(int hash, int keyspaceId, byte[] key) {
        int slot = find(hash, keyspaceId, key);
        if (slot < 0) {
            return false;
        }
        removeAt(slot);
        return true;
    }

    synchronized void clear() {
        entries = new byte[INITIAL_SLOTS][];
        tags = new byte[INITIAL_SLOTS];
        size = 0;
        hand = 0;
        bytes = 0;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return size;
    }

    private int find(int hash, int keyspaceId, byte[] key) {
        int mask = tags.length - 1;
        byte tag = tag(hash);
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            byte t = tags[i];
            if (t == 0) {
                return -1;
            }
            if (t == tag && CompactEntry.matches(entries[i], keyspaceId, key)) {
                return i;
            }
        }
    }

    private void insert(int hash, byte[] entry) {
        int mask = tags.length - 1;
        int i = hash & mask;
        while (tags[i] != 0) {
            i = (i + 1) & mask;
        }
        entries[i] = entry;
        tags[i] = tag(hash);
    }

    /**
     * Doubles the table, unless it would then take more than half the segment's budget (tiny entries): the
     * table then stays as it is and {@link #evict} makes a slot free instead.
     */
    private void grow() {
        int slots = tags.length * 2;
        if (slots * 5L > budget / 2) {
            return;
        }
        byte[][] old = entries;
        entries = new byte[slots][];
        tags = new byte[slots];
        for (byte[] entry : old) {
            if (entry != null) {
                insert(CompactEntry.hash(entry), entry);
            }
        }
        hand = 0;
    }

    /**
     * CLOCK: removes entries until the bytes are within the budget and {@code extra} more entries fit under the
     * table's 3/4 load. Each step lowers a counter or removes an entry; the bound only guards against a
     * budget smaller than one entry.
     */
    private int evict(int extra) {
        int evicted = 0;
        int mask = tags.length - 1;
        long steps = (long) tags.length * (maxCount + 2);
        while ((bytes > budget || (size + extra) * 4L > tags.length * 3L) && size > 0 && steps-- > 0) {
            byte[] entry = entries[hand];
            if (entry == null) {
                hand = (hand + 1) & mask;
            } else if (entry[CompactEntry.COUNT] > 0) {
                entry[CompactEntry.COUNT]--;
                hand = (hand + 1) & mask;
            } else {
                removeAt(hand); // the hand stays: the next entry of the run may have moved here
                evicted++;
            }
        }
        return evicted;
    }

    /** Removes the entry at {@code slot} and moves later entries of its probe run back into the gap. */
    private void removeAt(int slot) {
        int mask = tags.length - 1;
        bytes -= weight(entries[slot].length);
        size--;
        int hole = slot;
        for (int j = (slot + 1) & mask; tags[j] != 0; j = (j + 1) & mask) {
            int home = CompactEntry.hash(entries[j]) & mask;
            // the entry may move into the hole when the hole lies on its probe path from home to j
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                entries[hole] = entries[j];
                tags[hole] = tags[j];
                hole = j;
            }
        }
        entries[hole] = null;
        tags[hole] = 0;
    }

    /** A non-zero byte from the hash's high bits, mixed so that it does not repeat the bits that chose the segment. */
    private static byte tag(int hash) {
        return (byte) ((hash * 0x9E3779B9) >>> 25 | 0x80);
    }
}
