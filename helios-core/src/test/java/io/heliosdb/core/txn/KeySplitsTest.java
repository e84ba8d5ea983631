package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeySplitsTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void randomRanges_splitStrictlyInsideAndInOrder() {
        SplittableRandom r = new SplittableRandom(42);
        for (int run = 0; run < 20_000; run++) {
            byte[] a = new byte[r.nextInt(0, 14)];
            byte[] b = new byte[r.nextInt(0, 14)];
            // Short alphabets make shared prefixes, prefixes of each other and 0x00/0xFF edges common.
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) (r.nextBoolean() ? r.nextInt(3) : 253 + r.nextInt(3));
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (r.nextBoolean() ? r.nextInt(3) : 253 + r.nextInt(3));
            }
            if (r.nextInt(4) == 0) {
                b = Arrays.copyOf(a, a.length + r.nextInt(0, 3));
            }
            byte[] low = Arrays.compareUnsigned(a, b) <= 0 ? a : b;
            byte[] high = low == a ? b : a;
            int parts = r.nextInt(2, 9);
            List<byte[]> splits = KeySplits.between(low, high, parts);
            assertThat(splits.size()).isLessThanOrEqualTo(parts - 1);
            byte[] previous = low;
            for (byte[] k : splits) {
                assertThat(Arrays.compareUnsigned(k, previous)).as("ascending above low").isPositive();
                assertThat(Arrays.compareUnsigned(k, high)).as("below high").isNegative();
                previous = k;
            }
        }
    }

    @Test
    void sequentialIntegerKeys_splitEvenly() {
        // A table prefix, then a 4-byte big-endian id with the sign bit flipped (as the key encoder writes it).
        byte[] low = bytes(7, 0, 0, 0, 0x80, 0x00, 0x80, 0x00);
        byte[] high = bytes(7, 0, 0, 0, 0x80, 0x0F, 0x42, 0x3F);
        List<byte[]> splits = KeySplits.between(low, high, 4);
        assertThat(splits).hasSize(3);
        long lowId = 0x008000;
        long highId = 0x0F423F;
        for (int i = 0; i < 3; i++) {
            byte[] k = splits.get(i);
            long id = ((k[5] & 0xFFL) << 16) | ((k[6] & 0xFFL) << 8) | (k[7] & 0xFFL);
            long expected = lowId + (highId - lowId) * (i + 1) / 4;
            assertThat(Math.abs(id - expected)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void tooFewPositions_giveNoSplit() {
        assertThat(KeySplits.between(bytes(1, 2), bytes(1, 2), 2)).isEmpty();
        assertThat(KeySplits.between(bytes(1, 2), bytes(1, 2, 0), 2)).isEmpty();
        assertThat(KeySplits.between(bytes(1, 2), bytes(1, 3), 1)).isEmpty();
        // Keys differing only past the 8-byte window still split (in the window).
        assertThat(KeySplits.between(bytes(1, 2, 0, 0, 0, 0, 0, 0, 5), bytes(1, 2, 0, 0, 0, 0, 0, 0, 9), 2)).hasSize(1);
        assertThat(KeySplits.between(bytes(9), bytes(9, 0, 0, 0, 0, 0, 0, 0, 0, 1), 2)).isEmpty();
    }
}
