package io.heliosdb.spi;

/**
 * A well-mixed hash of key bytes. {@link java.util.Arrays#hashCode(byte[])} is a base-31 polynomial:
 * big-endian integer keys that differ in their last bytes collide in bulk (20,000 consecutive row keys
 * of an INTEGER primary key give 2,643 distinct values), and Caffeine's frequency sketch, its hash
 * table, the CLOCK reference bits and the kernel's row-cache admission all key off this hash. FNV-1a over 64 bits, then MurmurHash3's
 * finaliser so every input bit reaches the low bits that tables index by.
 */
public final class KeyHash {

    private KeyHash() {
    }

    public static int of(byte[] key) {
        return of(0, key, 0, key.length);
    }

    /**
     * The hash of {@code bytes[from, to)} with {@code seed} mixed into the starting state (a cache's keyspace
     * id, so equal keys of two keyspaces hash apart); seed 0 gives {@link #of(byte[])} of that range.
     */
    public static int of(int seed, byte[] bytes, int from, int to) {
        long h = 0xcbf29ce484222325L ^ seed * 0x9E3779B97F4A7C15L;
        for (int i = from; i < to; i++) {
            h = (h ^ (bytes[i] & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
