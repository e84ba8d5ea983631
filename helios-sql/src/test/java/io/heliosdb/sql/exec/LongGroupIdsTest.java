package io.heliosdb.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LongGroupIdsTest {

    @Test
    void assign_numbersKeysInFirstSeenOrder_withOneNullGroup() {
        LongGroupIds ids = new LongGroupIds();
        int[] out = new int[6];
        int count = ids.assign(new long[] {7, 0, 7, -1, 0, 0}, new boolean[] {false, true, false, false, true, false}, 6, out);
        assertThat(count).isEqualTo(4);
        assertThat(out).containsExactly(0, 1, 0, 2, 1, 3);
        assertThat(ids.isNull(1)).isTrue();
        assertThat(ids.isNull(3)).isFalse();
        assertThat(ids.key(0)).isEqualTo(7);
        assertThat(ids.key(2)).isEqualTo(-1);
        assertThat(ids.key(3)).isEqualTo(0);
    }

    @Test
    void assign_manyKeysAcrossBatches_keepsEveryKeysId() {
        LongGroupIds ids = new LongGroupIds();
        Map<Long, Integer> expected = new HashMap<>();
        long[] keys = new long[1000];
        int[] out = new int[keys.length];
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < keys.length; i++) {
                // Colliding low bits and extreme values, revisited every round.
                keys[i] = (i * 7919L % 3000) << 32 ^ (i % 2 == 0 ? Long.MIN_VALUE : 0);
            }
            ids.assign(keys, null, keys.length, out);
            for (int i = 0; i < keys.length; i++) {
                Integer before = expected.putIfAbsent(keys[i], out[i]);
                if (before != null) {
                    assertThat(out[i]).isEqualTo(before);
                }
                assertThat(ids.key(out[i])).isEqualTo(keys[i]);
            }
        }
        assertThat(ids.count()).isEqualTo(expected.size());
    }

    @Test
    void smallAndLargeKeys_getFirstSeenIds_whicheverWayTheyAreFound() {
        LongGroupIds ids = new LongGroupIds();
        long[] keys = {1023, 1024, -5, 0, 1023, 5_000_000_000L, 0, 1024, 3, -5, 3};
        int[] out = new int[keys.length];
        assertThat(ids.assign(keys, null, keys.length, out)).isEqualTo(6);
        assertThat(out).containsExactly(0, 1, 2, 3, 0, 4, 3, 1, 5, 2, 5);
        // A group made through group() (a parallel part's merge) is found by index afterwards too.
        assertThat(ids.group(7, false)).isEqualTo(6);
        assertThat(ids.group(7, false)).isEqualTo(6);
        int[] again = new int[3];
        ids.assign(new long[] {7, 3, 1023}, null, 3, again);
        assertThat(again).containsExactly(6, 5, 0);
        assertThat(ids.key(6)).isEqualTo(7);
    }
}
