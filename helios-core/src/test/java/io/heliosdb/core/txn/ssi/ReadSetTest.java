package io.heliosdb.core.txn.ssi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ReadSetTest {

    private static byte[] key(long relation, int n) {
        return ByteBuffer.allocate(12).putLong(relation).putInt(n).array();
    }

    @Test
    void pointsAndRanges_coverWhatWasRead() {
        ReadSet reads = new ReadSet();
        reads.addPoint("rows", key(1, 5));
        reads.addRange(new KeyRange("rows", key(2, 10), key(2, 20)));
        assertThat(reads.covers("rows", key(1, 5))).isTrue();
        assertThat(reads.covers("rows", key(1, 6))).isFalse();
        assertThat(reads.covers("indexes", key(1, 5))).isFalse();
        assertThat(reads.covers("rows", key(2, 10))).isTrue();
        assertThat(reads.covers("rows", key(2, 19))).isTrue();
        assertThat(reads.covers("rows", key(2, 20))).isFalse();
    }

    @Test
    void tooManyPoints_becomeTheirRelationsRanges() {
        ReadSet reads = new ReadSet();
        for (int i = 0; i <= ReadSet.MAX_POINTS; i++) {
            reads.addPoint("rows", key(1 + i % 2, i * 2));
        }
        assertThat(reads.pointCount()).isZero();
        assertThat(reads.rangeCount()).isEqualTo(2);
        assertThat(reads.covers("rows", key(1, 1))).isTrue(); // coarser: a key never read is covered now
        assertThat(reads.covers("rows", key(2, 3))).isTrue();
        assertThat(reads.covers("rows", key(3, 0))).isFalse();
    }

    @Test
    void tooManyRanges_becomeTheirRelationsRanges() {
        ReadSet reads = new ReadSet();
        for (int i = 0; i <= ReadSet.MAX_RANGES; i++) {
            reads.addRange(new KeyRange("rows", key(7, i * 10), key(7, i * 10 + 1)));
        }
        assertThat(reads.rangeCount()).isEqualTo(1);
        assertThat(reads.covers("rows", key(7, 5))).isTrue();
        assertThat(reads.covers("rows", key(8, 0))).isFalse();
    }

    @Test
    void aRangeAcrossRelations_coarsensToTheKeyspace() {
        ReadSet reads = new ReadSet();
        for (int i = 0; i <= ReadSet.MAX_RANGES; i++) {
            reads.addRange(new KeyRange("indexes", key(i, 0), key(i + 1, 5)));
        }
        assertThat(reads.rangeCount()).isEqualTo(1);
        assertThat(reads.covers("indexes", key(100_000, 0))).isTrue();
        assertThat(reads.covers("rows", key(1, 0))).isFalse();
    }
}
