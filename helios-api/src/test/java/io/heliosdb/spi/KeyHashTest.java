package io.heliosdb.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyHashTest {

    /** A row key as the kernel writes it: table id (8 bytes), then an INTEGER key big-endian with the sign flipped. */
    static byte[] rowKey(int id) {
        int v = id ^ Integer.MIN_VALUE;
        return new byte[] {0, 0, 0, 0, 0, 0, 0, 9, (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    @Test
    void consecutiveIntegerRowKeys_getDistinctHashes_andSpreadOverLowBits() {
        Set<Integer> hashes = new HashSet<>();
        Set<Integer> low14 = new HashSet<>();
        for (int id = 0; id < 20_000; id++) {
            int h = KeyHash.of(rowKey(id));
            hashes.add(h);
            low14.add(h & 0x3fff);
        }
        // java.util.Arrays.hashCode gives 2,643 distinct values for these keys
        assertThat(hashes).hasSizeGreaterThan(19_990);
        // 20,000 keys into 16,384 slots: an even spread fills about 1 - e^(-1.22) = 70% of them
        assertThat(low14.size()).isGreaterThan(11_000);
    }

    @Test
    void seededRange_withSeedZero_isTheHashOfThatRange_andSeedsHashApart() {
        byte[] key = rowKey(42);
        byte[] framed = new byte[key.length + 5];
        System.arraycopy(key, 0, framed, 3, key.length);
        assertThat(KeyHash.of(0, framed, 3, 3 + key.length)).isEqualTo(KeyHash.of(key));
        assertThat(KeyHash.of(1, key, 0, key.length)).isNotEqualTo(KeyHash.of(key))
                .isNotEqualTo(KeyHash.of(2, key, 0, key.length));
    }
}
