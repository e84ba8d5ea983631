package io.heliosdb.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.Compression;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.TableProperties;

/** The table options RocksTuning sets, read back from the files RocksDB writes with them. */
class RocksTableLayoutTest {
    private static final String KS = "rows";
    private static final int KEYS = 20_000;

    @TempDir
    Path dir;

    private RocksStorageEngine open(Compression compression) {
        return (RocksStorageEngine) new RocksStorageProvider().open(
                StorageConfig.defaults().withPath(dir.resolve("db")).withCompression(compression));
    }

    private static byte[] key(int i) {
        return String.format("key-%08d", i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(int i) {
        return ("value-" + i + "-" + "x".repeat(60)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every second key (the odd ones are absent keys inside the written range), in two flushed files whose key
     * ranges overlap, so a compaction must merge them into a new file rather than move one down a level.
     */
    private static void writeEvenKeys(RocksStorageEngine engine) throws Exception {
        for (int file = 0; file < 2; file++) {
            WriteBatch batch = new WriteBatch();
            for (int i = 2 * file; i < KEYS; i += 4) {
                batch.put(KS, key(i), value(i));
            }
            engine.write(batch, true);
            engine.flushMemtables();
        }
    }

    private static Collection<TableProperties> tables(RocksStorageEngine engine) throws Exception {
        return engine.database().getPropertiesOfAllTables(engine.family(KS)).values();
    }

    @Test
    void flushedFile_isWrittenInSixteenKilobyteBlocks() throws Exception {
        try (RocksStorageEngine engine = open(Compression.NONE)) {
            writeEvenKeys(engine);
            Collection<TableProperties> tables = tables(engine);
            assertThat(tables).isNotEmpty();
            long raw = tables.stream().mapToLong(t -> t.getRawKeySize() + t.getRawValueSize()).sum();
            long blocks = tables.stream().mapToLong(TableProperties::getNumDataBlocks).sum();
            // With RocksDB's default 4 kB blocks the average would be under 4 kB.
            assertThat(raw / blocks).isBetween(RocksTuning.BLOCK_SIZE * 3 / 4, RocksTuning.BLOCK_SIZE + 1024);
        }
    }

    @Test
    void bottommostLevel_keepsNoBloomFilter_whileGetsStillFindPresentAndAbsentKeys() throws Exception {
        try (RocksStorageEngine engine = open(Compression.LZ4)) {
            writeEvenKeys(engine);
            assertThat(tables(engine)).as("a flushed (level-0) file keeps its filter")
                    .allSatisfy(t -> assertThat(t.getFilterSize()).isPositive());

            engine.database().compactRange(engine.family(KS));
            Collection<TableProperties> bottom = tables(engine);
            assertThat(bottom).isNotEmpty().allSatisfy(t -> {
                assertThat(t.getFilterSize()).isZero();
                assertThat(t.getCompressionName()).as("the configured compression still applies").isEqualTo("LZ4");
            });

            for (int i = 0; i < KEYS; i++) {
                byte[] got = engine.get(KS, key(i));
                if (i % 2 == 0) {
                    assertThat(got).as("key %d", i).isEqualTo(value(i));
                } else {
                    assertThat(got).as("absent key %d inside the file's range", i).isNull();
                }
            }
            assertThat(engine.get(KS, key(KEYS + 1))).isNull();
        }
    }
}
