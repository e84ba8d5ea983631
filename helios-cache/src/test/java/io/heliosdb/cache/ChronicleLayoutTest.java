package io.heliosdb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChronicleLayoutTest {

    @Test
    void chunkBytes_roundsSizeFieldsKeyAndValueUpToWholeChunks() {
        assertThat(ChronicleLayout.chunkBytes(18, 12)).isEqualTo(32); // 1 + 18 + 1 + 12 = 32
        assertThat(ChronicleLayout.chunkBytes(18, 13)).isEqualTo(64);
        assertThat(ChronicleLayout.chunkBytes(18, 200)).isEqualTo(224); // 1 + 18 + 2 + 200 = 221
        assertThat(ChronicleLayout.stopBitLength(127)).isEqualTo(1);
        assertThat(ChronicleLayout.stopBitLength(128)).isEqualTo(2);
        assertThat(ChronicleLayout.stopBitLength(16_384)).isEqualTo(3);
    }

    @Test
    void forBudget_givesSmallCachesFewerSegments() {
        assertThat(ChronicleLayout.forBudget(100 * 1024, 0.85).segments()).isEqualTo(1);
        assertThat(ChronicleLayout.forBudget(1 << 20, 0.85).segments()).isEqualTo(16);
        assertThat(ChronicleLayout.forBudget(1L << 30, 0.85).segments()).isEqualTo(ChronicleLayout.MAX_SEGMENTS);
    }

    @ParameterizedTest
    @ValueSource(longs = {256 * 1024, 3 << 20, 40 << 20})
    void open_reservesAboutTheBudget(long budget) {
        ChronicleLayout.Sized sized = ChronicleLayout.open(budget);
        try {
            assertThat((double) sized.map().offHeapMemoryUsed()).isBetween(budget * 0.9, budget * 1.1);
            assertThat(sized.costPerEntryByte()).isGreaterThan(1.0);
        } finally {
            sized.map().close();
        }
    }
}
