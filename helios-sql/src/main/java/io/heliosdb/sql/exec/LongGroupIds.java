package io.heliosdb.sql.exec;

/**
 * Numbers the distinct values of an integer grouping column in the order they are first met (the
 * order the row path's LinkedHashMap gives): open addressing over primitive keys, so a batch of rows
 * finds its groups without boxing a key per row. NULL keys form one group of their own.
 */
final class LongGroupIds {
    private static final long MIX = 0x9E3779B97F4A7C15L;
    /** Keys in {@code [0, SMALL)} (the common small codes) also find their group in {@link #small} by index. */
    private static final int SMALL = 1024;

    private long[] slotKeys = new long[64];
    /** Per slot: the group id + 1, or 0 for an empty slot. */
    private int[] slotIds = new int[64];
    private int shift = 64 - 6;
    private long[] groupKeys = new long[16];
    private int nullGroup = -1;
    private int count;
    /** Per small key: its group id + 1, or 0 while it has none. */
    private final int[] small = new int[SMALL];

    /** Writes the group id of each of the first {@code n} values to {@code out}; returns the group count. */
    int assign(long[] values, boolean[] nulls, int n, int[] out) {
        int[] direct = small;
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                out[i] = nullGroupId();
                continue;
            }
            long key = values[i];
            int known = key >= 0 && key < SMALL ? direct[(int) key] : 0;
            out[i] = known != 0 ? known - 1 : id(key);
        }
        return count;
    }

    int count() {
        return count;
    }

    /** The group id of one key (a new group if it is new), {@code isNull} for the NULL key. */
    int group(long key, boolean isNull) {
        return isNull ? nullGroupId() : id(key);
    }

    boolean isNull(int group) {
        return group == nullGroup;
    }

    long key(int group) {
        return groupKeys[group];
    }

    private int nullGroupId() {
        if (nullGroup < 0) {
            nullGroup = newGroup(0);
        }
        return nullGroup;
    }

    private int id(long key) {
        int mask = slotIds.length - 1;
        int slot = (int) ((key * MIX) >>> shift);
        while (true) {
            int id = slotIds[slot];
            if (id == 0) {
                int group = newGroup(key);
                noteSmall(key, group);
                slotKeys[slot] = key;
                slotIds[slot] = group + 1;
                if (2 * (count - (nullGroup >= 0 ? 1 : 0)) > slotIds.length) {
                    grow();
                }
                return group;
            }
            if (slotKeys[slot] == key) {
                return id - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int newGroup(long key) {
        if (count == groupKeys.length) {
            groupKeys = java.util.Arrays.copyOf(groupKeys, count * 2);
        }
        groupKeys[count] = key;
        return count++;
    }

    /** Notes a new non-null key's group in {@link #small} when the key is small. */
    private void noteSmall(long key, int group) {
        if (key >= 0 && key < SMALL) {
            small[(int) key] = group + 1;
        }
    }

    private void grow() {
        long[] oldKeys = slotKeys;
        int[] oldIds = slotIds;
        slotKeys = new long[oldKeys.length * 2];
        slotIds = new int[oldIds.length * 2];
        shift--;
        int mask = slotIds.length - 1;
        for (int s = 0; s < oldIds.length; s++) {
            if (oldIds[s] != 0) {
                int slot = (int) ((oldKeys[s] * MIX) >>> shift);
                while (slotIds[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slotKeys[slot] = oldKeys[s];
                slotIds[slot] = oldIds[s];
            }
        }
    }
}
