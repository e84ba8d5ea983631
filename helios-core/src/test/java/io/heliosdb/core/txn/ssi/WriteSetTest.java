package io.heliosdb.core.txn.ssi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class WriteSetTest {

    private static byte[] key(long relation, int n) {
        return ByteBuffer.allocate(12).putLong(relation).putInt(n).array();
    }

    @Test
    void keys_answerPointsAndRanges() {
        WriteSet writes = new WriteSet();
        assertThat(writes.add("rows", key(1, 5))).isTrue();
        assertThat(writes.add("rows", key(1, 5))).isFalse();
        assertThat(writes.contains("rows", key(1, 5))).isTrue();
        assertThat(writes.contains("rows", key(1, 6))).isFalse();
        assertThat(writes.contains("indexes", key(1, 5))).isFalse();
        assertThat(writes.intersects(new KeyRange("rows", key(1, 0), key(1, 5)))).isFalse();
        assertThat(writes.intersects(new KeyRange("rows", key(1, 0), key(1, 6)))).isTrue();
        assertThat(writes.intersects(new KeyRange("rows", null, null))).isTrue();
        assertThat(writes.intersects(new KeyRange("rows", key(1, 6), null))).isFalse();
    }

    @Test
    void tooManyKeys_becomeTheirRelations() {
        WriteSet writes = new WriteSet();
        for (int i = 0; i <= WriteSet.MAX_KEYS; i++) {
            writes.add("rows", key(3, i * 2));
        }
        assertThat(writes.coarsened()).isTrue();
        assertThat(writes.contains("rows", key(3, 1))).isTrue(); // coarser: a key never written counts now
        assertThat(writes.contains("rows", key(4, 0))).isFalse();
        assertThat(writes.intersects(new KeyRange("rows", key(3, 1), key(3, 2)))).isTrue();
        assertThat(writes.intersects(new KeyRange("rows", key(4, 0), null))).isFalse();
        assertThat(writes.add("rows", key(3, 0))).isTrue(); // no longer known exactly: readers are looked for again
    }
}
