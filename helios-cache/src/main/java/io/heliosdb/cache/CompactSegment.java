package io.heliosdb.cache;

/**
 * One lock's share of the compact cache: the entries ({@link CompactEntry}) lie one after another in an arena, a
 * single byte array used as a ring, and an open-addressing table (linear probing) maps keys to their offsets. A slot
 * is one int: the entry's offset (24 bits, so an arena holds at most 16 MB) under a one-byte tag from the key's hash
 * (high bit set, so a used slot is never 0), and a probe reads an entry only when its tag matches. An entry costs its
 * bytes in the arena plus its share of the table: no object, header or padding of its own. The table need not have a
 * power-of-two size: it grows by a quarter at a time (a slot index is the hash scaled to the size), so a full cache's
 * table stays between 60% and 75% used where doubling left it between 37.5% and 75%.
 *
 * <p>Eviction is CLOCK over the ring: new entries are written at the tail; when the tail meets the head, the entry at
 * the head is looked at. Removed or replaced (dead): its bytes are simply reclaimed. Use count zero: evicted. Else
 * its count drops by one and it moves to the tail (the ring's free gap moves past it). A hit raises the count (up to
 * {@link #maxCount}), so an entry read k times since the head last passed survives k more passes: frequency-aware,
 * where one reference bit would treat a row read once like one read a thousand times. Table removal shifts the
 * following entries of its probe run back (no tombstones). All methods run under the segment's monitor.
 */
final class CompactSegment {
    /** Bytes of table per slot: an int of offset and tag. */
    static final int SLOT_BYTES = 4;
    /** Offsets take the low 24 bits of a slot: a segment's arena stays below this. */
    static final int MAX_ARENA = 1 << 24;
    private static final int OFFSET_MASK = MAX_ARENA - 1;
    private static final int INITIAL_SLOTS = 16;
    private static final int INITIAL_ARENA = 4096;

    private final long budget;
    private final int maxCount;
    /** Bits of the key hash that chose this segment: rotated away before the hash picks a slot. */
    private final int segmentBits;
    private int[] slots;
    private byte[] arena;
    /** Most bytes the arena may take: the budget less the table. */
    private int arenaLimit;
    /** The ring: entries lie in [head, tail), or when wrapped in [head, wrapEnd) and then [0, tail). */
    private int head;
    private int tail;
    private int wrapEnd;
    private boolean wrapped;
    private int size;
    /** Bytes of the live entries in the arena. */
    private long liveBytes;
    private int evicted;

    CompactSegment(long budget, int maxCount, int segmentBits) {
        this.budget = budget;
        this.maxCount = Math.min(CompactEntry.MAX_COUNT, maxCount);
        this.segmentBits = segmentBits;
        reset();
    }

    /** Whether an entry of {@code entryLength} bytes may be cached here at all (a quarter of the segment at most). */
    boolean fits(int entryLength) {
        return entryLength + SLOT_BYTES <= budget / 4;
    }

    /** A copy of the stored value under the key, or null; a hit counts as a use. */
    synchronized byte[] get(int hash, int keyspaceId, byte[] key, int keyZeros) {
        int slot = find(hash, keyspaceId, key, keyZeros);
        if (slot < 0) {
            return null;
        }
        int at = slots[slot] & OFFSET_MASK;
        int count = CompactEntry.count(arena, at);
        if (count < maxCount) {
            CompactEntry.setCount(arena, at, count + 1);
        }
        return CompactEntry.value(arena, at);
    }

    /** Stores the value (replacing the key's previous one, whose use count it keeps); returns how many were evicted. */
    synchronized int put(int hash, int keyspaceId, byte[] key, int keyZeros, byte[] value) {
        evicted = 0;
        int count = 0;
        int slot = find(hash, keyspaceId, key, keyZeros);
        if (slot >= 0) {
            int at = slots[slot] & OFFSET_MASK;
            if (CompactEntry.replaceValue(arena, at, value)) {
                return 0;
            }
            count = CompactEntry.count(arena, at);
            kill(at);
            removeSlot(slot);
        }
        if (overloaded(size + 1) && !grow()) {
            while (overloaded(size + 1)) {
                reclaimHead(); // tiny entries: the table, not the arena, is what is full
            }
        }
        int len = CompactEntry.lengthOf(key, value);
        int at = allocate(len);
        CompactEntry.write(arena, at, keyspaceId, key, keyZeros, value, count);
        liveBytes += len;
        tail = at + len;
        insertSlot(hash, at);
        size++;
        return evicted;
    }

    synchronized boolean remove(int hash, int keyspaceId, byte[] key, int keyZeros) {
        int slot = find(hash, keyspaceId, key, keyZeros);
        if (slot < 0) {
            return false;
        }
        kill(slots[slot] & OFFSET_MASK);
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
        return size == 0 ? 0 : ringBytes() + (long) slots.length * SLOT_BYTES;
    }

    synchronized int size() {
        return size;
    }

    private void reset() {
        slots = new int[INITIAL_SLOTS];
        arenaLimit = arenaLimit(INITIAL_SLOTS);
        arena = new byte[Math.min(INITIAL_ARENA, arenaLimit)];
        head = 0;
        tail = 0;
        wrapped = false;
        size = 0;
        liveBytes = 0;
    }

    /** Marks the live entry at {@code at} dead: its bytes are reclaimed when the CLOCK hand reaches them. */
    private void kill(int at) {
        liveBytes -= CompactEntry.length(arena, at);
        CompactEntry.markDead(arena, at);
    }

    /** Whether {@code entries} would fill more than three quarters of the table. */
    private boolean overloaded(int entries) {
        return entries * 4L > slots.length * 3L;
    }

    private int arenaLimit(int slotCount) {
        return (int) Math.min(MAX_ARENA, Math.max(0, budget - (long) slotCount * SLOT_BYTES));
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
        if (CompactEntry.isDead(arena, at)) {
            head += len;
        } else if (CompactEntry.count(arena, at) == 0) {
            removeSlot(slotOf(at));
            liveBytes -= len;
            evicted++;
            head += len;
        } else {
            CompactEntry.setCount(arena, at, CompactEntry.count(arena, at) - 1);
            int slot = slotOf(at); // before the copy, which may overlap the entry's key
            if (!wrapped && tail + len > arena.length) {
                wrap();
            }
            // wrapped, the tail lies at or before the head; otherwise past the entry: the copy never loses bytes
            System.arraycopy(arena, at, arena, tail, len);
            slots[slot] = slots[slot] & ~OFFSET_MASK | tail;
            tail += len;
            head += len;
        }
        if (wrapped && head == wrapEnd) {
            head = 0;
            wrapped = false;
        }
    }

    /** The slot a hash probes first: the hash, less the bits that chose the segment, scaled to the table's size. */
    private int home(int hash) {
        return (int) ((Integer.rotateLeft(hash, segmentBits) & 0xFFFFFFFFL) * slots.length >>> 32);
    }

    private int next(int slot) {
        return slot + 1 == slots.length ? 0 : slot + 1;
    }

    private int find(int hash, int keyspaceId, byte[] key, int keyZeros) {
        int tag = tag(hash);
        for (int i = home(hash); ; i = next(i)) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            if ((s & ~OFFSET_MASK) == tag
                    && CompactEntry.matches(arena, s & OFFSET_MASK, keyspaceId, key, keyZeros)) {
                return i;
            }
        }
    }

    /** The slot of the live entry at {@code at}. */
    private int slotOf(int at) {
        for (int i = home(CompactEntry.hash(arena, at)); ; i = next(i)) {
            int s = slots[i];
            if (s != 0 && (s & OFFSET_MASK) == at) {
                return i;
            }
        }
    }

    private void insertSlot(int hash, int at) {
        int i = home(hash);
        while (slots[i] != 0) {
            i = next(i);
        }
        slots[i] = tag(hash) | at;
    }

    /**
     * Grows the table by a quarter and moves the live entries, oldest first, into the arena the budget leaves. Refused
     * when the live entries would not fit that arena (the cache is full: evicting by age here would ignore the use
     * counts, so {@link #reclaimHead} frees a slot instead) or when the table would take more than half the segment's
     * budget (tiny entries).
     */
    private boolean grow() {
        int count = slots.length + Math.max(INITIAL_SLOTS, slots.length / 4);
        int limit = arenaLimit(count);
        if ((long) count * SLOT_BYTES > budget / 2 || liveBytes > limit) {
            return false;
        }
        byte[] old = arena;
        int[] order = liveInRingOrder();
        slots = new int[count];
        arenaLimit = limit;
        arena = new byte[(int) Math.min(limit, Math.max(old.length, liveBytes))];
        head = 0;
        tail = 0;
        wrapped = false;
        for (int at : order) {
            int len = CompactEntry.length(old, at);
            System.arraycopy(old, at, arena, tail, len);
            insertSlot(CompactEntry.hash(arena, tail), tail);
            tail += len;
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
            if (!CompactEntry.isDead(arena, at)) {
                order[n++] = at;
            }
            at += CompactEntry.length(arena, at);
        }
        return order;
    }

    /** Removes the slot's entry from the table and moves later entries of its probe run back into the gap. */
    private void removeSlot(int slot) {
        int n = slots.length;
        size--;
        int hole = slot;
        for (int j = next(slot); slots[j] != 0; j = next(j)) {
            int home = home(CompactEntry.hash(arena, slots[j] & OFFSET_MASK));
            // the entry may move into the hole when the hole lies on its probe path from home to j
            if (Math.floorMod(j - home, n) >= Math.floorMod(j - hole, n)) {
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = 0;
    }

    /** A tag in a slot's top byte, high bit set, from hash bits mixed apart from those that chose the slot. */
    private static int tag(int hash) {
        return ((hash * 0x9E3779B9) >>> 25 | 0x80) << 24;
    }
}
