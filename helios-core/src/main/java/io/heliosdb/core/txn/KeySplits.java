package io.heliosdb.core.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Split points of a key range, for reading it in parts: the range's first and last keys are read as
 * numbers (the 8 bytes after their common prefix) and the points divide that span evenly. Keys that are
 * spread evenly over their span (the row keys of a serial or sequential id) give parts of about equal
 * size; any keys give parts that are disjoint and cover the range, which is all correctness needs.
 */
final class KeySplits {

    private KeySplits() {
    }

    /**
     * Up to {@code parts - 1} keys, strictly increasing, each above {@code low} and below {@code high}
     * ({@code low <= high} in unsigned byte order); fewer (none) when the span has too few positions.
     */
    static List<byte[]> between(byte[] low, byte[] high, int parts) {
        int prefix = Arrays.mismatch(low, high);
        if (prefix < 0 || parts < 2 || prefix >= high.length) {
            return List.of();   // equal keys, or high a prefix of low (then it is not above it)
        }
        long x = window(low, prefix);
        long y = window(high, prefix);
        if (Long.compareUnsigned(x, y) >= 0) {
            return List.of();
        }
        long step = Long.divideUnsigned(y - x, parts);
        if (step == 0) {
            return List.of();
        }
        List<byte[]> out = new ArrayList<>(parts - 1);
        for (int i = 1; i < parts; i++) {
            // x < v < y, so the key sorts after low (or extends it) and before high (y's byte there is real).
            long v = x + step * i;
            byte[] key = Arrays.copyOf(high, prefix + 8);
            for (int b = 0; b < 8; b++) {
                key[prefix + b] = (byte) (v >>> (56 - 8 * b));
            }
            out.add(key);
        }
        return out;
    }

    /** The 8 bytes of {@code key} from {@code from} on as an unsigned number, zero-padded past its end. */
    private static long window(byte[] key, int from) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (from + i < key.length ? key[from + i] & 0xFF : 0);
        }
        return v;
    }
}
