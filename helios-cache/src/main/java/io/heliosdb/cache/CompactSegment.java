package io.heliosdb.cache;

/**
 * One lock's share of the compact cache: the entries ({@link CompactEntry}) lie one after another in an arena, a
 * single byte array used as a ring, and an open-addressing table (linear probing) maps keys to their offsets, with a
 * one-byte tag per slot so a probe reads an entry only when its tag matches. An entry costs its bytes in the arena
 * plus its share of the table (a 4-byte offset and a tag per slot): no object, header or padding of its own.
 *
 * <p>Eviction is CLOCK over the ring: new entries are written at the tail; when the tail meets the head, the entry at
 * the head is looked at. Removed or replaced (dead): its bytes are simply reclaimed. Use count zero: evicted. Else
 * its count drops by one and it moves to the tail (the ring's free gap moves past it). A hit raises the count (up to
 * {@link #maxCount}), so an entry read k times since the head last passed survives k more passes: frequency-aware,
 * where one reference bit would treat a row read once like one read a thousand times. Table removal shifts the
 * following entries of its probe run back (no tombstones). All methods run under the segment's monitor.
 */
final class CompactSegment {
    /** Bytes of table per slot: a 4-byte offset and a 1-byte tag. */
    static final int SLOT_BYTES = 5;
    private static final int INITIAL_SLOTS = 16;
    private static final int INITIAL_ARENA = 4096;
    /** Offsets are ints: a segment's arena stays below this (a bigger budget is spread over more segments first). */
    private static final long MAX_ARENA = 1L << 30;

    private final long budget;
    private final int maxCount;
    private int[] offsets;
    private byte[] tags;
    private byte[] arena;
    /** Most bytes the arena may take: the budget less the table. */
    private int arenaLimit;
    /** The ring: entries lie in [head, tail), or when wrapped in [head, wrapEnd) and then [0, tail). */
    private int head;
    private int tail;
    private int wrapEnd;
    private boolean wrapped;
    private int size;
    private int evicted;

    CompactSegment(long budget, int maxCount) {
        this.budget = budget;
        this.maxCount = maxCount;
        reset();
    }

    /** Whether an entry of {@code entryLength} bytes may be cached here at all (a quarter of the segment at most). */
    boolean fits(int entryLength) {
        return entryLength + SLOT_BYTES <= budget / 4;
    }

    /** A copy of the stored value under the key, or null; a hit counts as a use. */
    synchronized byte[] get(int hash, int keyspaceId, byte[] key) {
        int slot = find(hash, keyspaceId, key);
        if (slot < 0) {
            return null;
        }
        int at = offsets[slot];
        if (arena[at] < maxCount) {
            arena[at]++;
        }
        return CompactEntry.value(arena, at);
    }

    /** Stores the value (replacing the key's previous one, whose use count it keeps); returns how many were evicted. */
    synchronized int put(int hash, int keyspaceId, byte[] key, byte[] value) {
        evicted = 0;
        byte count = 0;
        int slot = find(hash, keyspaceId, key);
        if (slot >= 0) {
            int at = offsets[slot];
            if (CompactEntry.valueLength(arena, at) == value.length) {
                CompactEntry.replaceValue(arena, at, value);
                return 0;
            }
            count = arena[at];
            arena[at] = CompactEntry.DEAD;
            removeSlot(slot);
        }
        if ((size + 1) * 4L > offsets.length * 3L && !grow()) {
            while ((size + 1) * 4L > offsets.length * 3L) {
                reclaimHead(); // tiny entries: the table, not the arena, is what is full
            }
        }
        int len = CompactEntry.length(key.length, value.length);
        int at = allocate(len);
        CompactEntry.write(arena, at, keyspaceId, key, value);
        arena[at] = count;
        tail = at + len;
        insertSlot(hash, at);
        size++;
        return evicted;
    }

    synchronized boolean remove(int hash, int keyspaceId, byte[] key) {
        int slot = find(hash, keyspaceId, key);
        if (slot < 0) {
            return false;
        }
        arena[offsets[slot]] = CompactEntry.DEAD;
        removeSlot(slot);
        if (size == 0) { // nothing live: the ring starts again (the arena and the table stay)
            head = 0;
            tail = 0;
            wrapped = false;
        }
        return true;
    }

    synchronized void clear() {
        reset();
    }

    /** Bytes taken: the ring's (live entries and dead ones not yet reclaimed) and the table's; none when empty. */
    synchronized long bytes() {
        return size == 0 ? 0 : ringBytes() + (long) offsets.length * SLOT_BYTES;
    }

    synchronized int size() {
        return size;
    }

    private void reset() {
        offsets = new int[INITIAL_SLOTS];
        tags = new byte[INITIAL_SLOTS];
        arenaLimit = arenaLimit(INITIAL_SLOTS);
        arena = new byte[Math.min(INITIAL_ARENA, arenaLimit)];
        head = 0;
        tail = 0;
        wrapped = false;
        size = 0;
    }

    private int arenaLimit(int slots) {
        return (int) Math.min(MAX_ARENA, Math.max(0, budget - (long) slots * SLOT_BYTES));
    }

    private int ringBytes() {
        return wrapped ? wrapEnd - head + tail : tail - head;
    }

    /** Where {@code len} bytes may be written at the tail, after reclaiming from the head what that needs. */
    private int allocate(int len) {
        while (true) {
            if (!wrapped) {
                if (head == tail) {
                    head = 0;
                    tail = 0;
                }
                if (tail + len <= arena.length) {
                    return tail;
                }
                if (arena.length < arenaLimit) {
                    arena = java.util.Arrays.copyOf(arena, (int) Math.min(arenaLimit,
                            Math.max(2L * arena.length, (long) tail + len)));
                    continue;
                }
                wrap();
            } else if (tail + len <= head) {
                return tail;
            } else {
                reclaimHead();
            }
        }
    }

    /** The tail goes back to the arena's start; the bytes past the last entry stay unused until the head passes. */
    private void wrap() {
        wrapEnd = tail;
        tail = 0;
        wrapped = true;
    }

    /** One step of the CLOCK hand: reclaims, evicts or moves (a second chance) the entry at the head. */
    private void reclaimHead() {
        int at = head;
        int len = CompactEntry.length(arena, at);
        byte count = arena[at];
        if (count == CompactEntry.DEAD) {
            head += len;
        } else if (count == 0) {
            removeSlot(slotOf(at));
            evicted++;
            head += len;
        } else {
            arena[at] = (byte) (count - 1);
            int slot = slotOf(at); // before the copy, which may overlap the entry's key
            if (!wrapped && tail + len > arena.length) {
                wrap();
            }
            // wrapped, the tail lies at or before the head; otherwise past the entry: the copy never loses bytes
            System.arraycopy(arena, at, arena, tail, len);
            offsets[slot] = tail;
            tail += len;
            head += len;
        }
        if (wrapped && head == wrapEnd) {
            head = 0;
            wrapped = false;
        }
    }

    private int find(int hash, int keyspaceId, byte[] key) {
        int mask = tags.length - 1;
        byte tag = tag(hash);
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            byte t = tags[i];
            if (t == 0) {
                return -1;
            }
            if (t == tag && CompactEntry.matches(arena, offsets[i], keyspaceId, key)) {
                return i;
            }
        }
    }

    /** The slot of the live entry at {@code at}. */
    private int slotOf(int at) {
        int mask = tags.length - 1;
        for (int i = CompactEntry.hash(arena, at) & mask; ; i = (i + 1) & mask) {
            if (tags[i] != 0 && offsets[i] == at) {
                return i;
            }
        }
    }

    private void insertSlot(int hash, int at) {
        int mask = tags.length - 1;
        int i = hash & mask;
        while (tags[i] != 0) {
            i = (i + 1) & mask;
        }
        offsets[i] = at;
        tags[i] = tag(hash);
    }

    /**
     * Doubles the table and moves the live entries, oldest first, into an arena of the budget that is left, dropping
     * the oldest when they no longer fit (counted as evicted). Refused when the table would then take more than half
     * the segment's budget (tiny entries): {@link #reclaimHead} then frees a slot instead.
     */
    private boolean grow() {
        int slots = tags.length * 2;
        if ((long) slots * SLOT_BYTES > budget / 2) {
            return false;
        }
        int limit = arenaLimit(slots);
        byte[] old = arena;
        int[] order = liveInRingOrder();
        long live = 0;
        for (int at : order) {
            live += CompactEntry.length(old, at);
        }
        offsets = new int[slots];
        tags = new byte[slots];
        arenaLimit = limit;
        arena = new byte[(int) Math.min(limit, Math.max(old.length, live))];
        head = 0;
        tail = 0;
        wrapped = false;
        size = 0;
        for (int at : order) {
            int len = CompactEntry.length(old, at);
            if (live > limit) { // the oldest go
                live -= len;
                evicted++;
                continue;
            }
            System.arraycopy(old, at, arena, tail, len);
            insertSlot(CompactEntry.hash(arena, tail), tail);
            tail += len;
            size++;
        }
        return true;
    }

    /** Offsets of the live entries from the head to the tail. */
    private int[] liveInRingOrder() {
        int[] order = new int[size];
        int n = 0;
        int at = head;
        boolean upper = wrapped;
        while (upper || at < tail) {
            if (upper && at == wrapEnd) {
                upper = false;
                at = 0;
                continue;
            }
            if (arena[at] != CompactEntry.DEAD) {
                order[n++] = at;
            }
            at += CompactEntry.length(arena, at);
        }
        return order;
    }

    /** Removes the slot's entry from the table and moves later entries of its probe run back into the gap. */
    private void removeSlot(int slot) {
        int mask = tags.length - 1;
        size--;
        int hole = slot;
        for (int j = (slot + 1) & mask; tags[j] != 0; j = (j + 1) & mask) {
            int home = CompactEntry.hash(arena, offsets[j]) & mask;
            // the entry may move into the hole when the hole lies on its probe path from home to j
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                offsets[hole] = offsets[j];
                tags[hole] = tags[j];
                hole = j;
            }
        }
        tags[hole] = 0;
    }

    /** A non-zero byte from the hash's high bits, mixed so that it does not repeat the bits that chose the segment. */
    private static byte tag(int hash) {
        return (byte) ((hash * 0x9E3779B9) >>> 25 | 0x80);
    }
}
