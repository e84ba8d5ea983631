package io.heliosdb.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ValueBufferCursor;
import io.heliosdb.spi.WriteBatch;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cursor reuses one buffer for values: what it hands out must still be each entry's own bytes. */
class RocksCursorBufferTest {
    @TempDir
    Path dir;

    private static byte[] value(int i, int length) {
        byte[] v = new byte[length];
        Arrays.fill(v, (byte) i);
        return v;
    }

    @Test
    void scan_valuesOfGrowingAndShrinkingSizes_areEachEntrysOwnBytes() {
        int[] lengths = {3, 255, 256, 257, 10_000, 0, 1, 70_000, 12};
        try (RocksStorageEngine engine = (RocksStorageEngine) new RocksStorageProvider()
                .open(StorageConfig.defaults().withPath(dir.resolve("db")))) {
            WriteBatch batch = new WriteBatch();
            for (int i = 0; i < lengths.length; i++) {
                batch.put("ks", new byte[] {(byte) i}, value(i + 1, lengths[i]));
            }
            engine.write(batch, true);
            try (KvCursor cursor = engine.scan("ks", null, null, false)) {
                assertThat(cursor).isInstanceOf(ValueBufferCursor.class);
                ValueBufferCursor inPlace = (ValueBufferCursor) cursor;
                for (int i = 0; i < lengths.length; i++) {
                    assertThat(cursor.next()).isTrue();
                    byte[] expected = value(i + 1, lengths[i]);
                    assertThat(inPlace.valueLength()).isEqualTo(lengths[i]);
                    assertThat(Arrays.copyOf(inPlace.valueBuffer(), inPlace.valueLength())).isEqualTo(expected);
                    byte[] copy = cursor.value();
                    assertThat(copy).isEqualTo(expected);
                    if (copy.length > 0) {
                        copy[0] = 0;
                    }
                    assertThat(cursor.value()).isEqualTo(expected);
                    byte[] key = cursor.key();
                    assertThat(key).containsExactly((byte) i);
                    key[0] = 99;
                    assertThat(cursor.key()).containsExactly((byte) i);
                }
                assertThat(cursor.next()).isFalse();
                assertThatThrownBy(cursor::value).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(cursor::key).isInstanceOf(IllegalStateException.class);
            }
        }
    }
}
