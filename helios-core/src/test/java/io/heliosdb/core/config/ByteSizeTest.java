package io.heliosdb.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void parse_unitsAndSpaces() {
        assertThat(ByteSize.parse("512MB")).isEqualTo(512L << 20);
        assertThat(ByteSize.parse("512 MB")).isEqualTo(512L << 20);
        assertThat(ByteSize.parse("1gb")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("64k")).isEqualTo(64L << 10);
        assertThat(ByteSize.parse("100")).isEqualTo(100);
    }

    @Test
    void parse_garbageOrOverflow_isRejected() {
        assertThatThrownBy(() -> ByteSize.parse("big")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSize.parse("-5MB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSize.parse("99999999999TB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void format_largestExactUnit() {
        assertThat(ByteSize.format(512L << 20)).isEqualTo("512 MB");
        assertThat(ByteSize.format(1L << 30)).isEqualTo("1 GB");
        assertThat(ByteSize.format(1000)).isEqualTo("1000 bytes");
        assertThat(ByteSize.format(3L << 19)).isEqualTo("1536 KB");
    }

    @Test
    void format_roundTripsThroughParse() {
        for (long size : new long[] {0, 1, 1000, 1024, 1536, 64L << 20, 3L << 30}) {
            org.assertj.core.api.Assertions.assertThat(ByteSize.parse(ByteSize.format(size))).as("%d", size)
                    .isEqualTo(size);
        }
    }
}
