package io.heliosdb.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link SerializedWriteBatch} writes exactly the bytes RocksDB's own WriteBatch builds for the same
 * operations (so a RocksDB upgrade that changes the format fails here, not in a database), and a
 * batch written through it reads back whole.
 */
class SerializedWriteBatchTest {

    @TempDir
    Path dir;

    @Test
    void encode_matchesRocksDbsOwnEncoding() throws Exception {
        try (RocksStorageEngine rocks = RocksStorageEngine.open(config(dir))) {
            // Families exist once written to; the default family has id 0 (the short record form).
            rocks.write(new WriteBatch().put("a", bytes("x"), bytes("x")).put("b", bytes("x"), bytes("x")), false);
            WriteBatch batch = new WriteBatch()
                    .put("a", bytes("k1"), bytes("v1"))
                    .put("a", new byte[300], new byte[200])      // lengths needing two varint bytes
                    .delete("b", bytes("gone"))
                    .put("default", bytes("d"), new byte[0])      // an empty value
                    .delete("default", bytes("d2"))
                    .put("b", bytes("k2"), new byte[70_000])      // three varint bytes
                    .put("a", bytes("k3"), bytes("head:"), bytes("body"))   // a value in two parts
                    .put("default", bytes("k4"), new byte[9], new byte[0]); // a head alone
            byte[] ours = SerializedWriteBatch.encode(batch, keyspace -> rocks.family(keyspace).getID());
            try (org.rocksdb.WriteBatch reference = new org.rocksdb.WriteBatch()) {
                for (WriteBatch.Op op : batch.ops()) {
                    ColumnFamilyHandle family = rocks.family(op.keyspace());
                    if (op.isDelete()) {
                        reference.delete(family, op.key());
                    } else {
                        reference.put(family, op.key(), op.value());
                    }
                }
                assertThat(ours).isEqualTo(reference.data());
            }
        }
    }

    @Test
    void write_manyKeyspacesAndDeletes_readsBackWhole() {
        try (RocksStorageEngine rocks = RocksStorageEngine.open(config(dir))) {
            WriteBatch first = new WriteBatch();
            for (int i = 0; i < 1000; i++) {
                first.put(i % 2 == 0 ? "rows" : "versions", key(i), bytes("value-" + i));
            }
            rocks.write(first, true);
            WriteBatch second = new WriteBatch();
            for (int i = 0; i < 1000; i += 3) {
                second.delete(i % 2 == 0 ? "rows" : "versions", key(i));
            }
            second.put("fresh", key(1), bytes("new family"));
            rocks.write(second, true);

            assertThat(rocks.get("fresh", key(1))).isEqualTo(bytes("new family"));
            for (String keyspace : List.of("rows", "versions")) {
                List<Integer> present = new ArrayList<>();
                try (KvCursor c = rocks.scan(keyspace, null, null, false)) {
                    while (c.next()) {
                        int i = java.nio.ByteBuffer.wrap(c.key()).getInt();
                        assertThat(c.value()).isEqualTo(bytes("value-" + i));
                        present.add(i);
                    }
                }
                List<Integer> expected = new ArrayList<>();
                for (int i = keyspace.equals("rows") ? 0 : 1; i < 1000; i += 2) {
                    if (i % 3 != 0) {
                        expected.add(i);
                    }
                }
                assertThat(present).isEqualTo(expected);
            }
        }
    }

    @Test
    void write_twoPartValues_readBackJoined() {
        try (RocksStorageEngine rocks = RocksStorageEngine.open(config(dir))) {
            byte[] head = bytes("ts-header");   // one head shared by every value, as a commit shares its header
            WriteBatch batch = new WriteBatch();
            for (int i = 0; i < 300; i++) {
                batch.put("rows", key(i), head, bytes("row-" + i));
            }
            rocks.write(batch, true);
            for (int i = 0; i < 300; i++) {
                assertThat(rocks.get("rows", key(i))).isEqualTo(bytes("ts-headerrow-" + i));
            }
        }
    }

    @Test
    void varintSize_countsSevenBitGroups() {
        assertThat(SerializedWriteBatch.varintSize(0)).isEqualTo(1);
        assertThat(SerializedWriteBatch.varintSize(127)).isEqualTo(1);
        assertThat(SerializedWriteBatch.varintSize(128)).isEqualTo(2);
        assertThat(SerializedWriteBatch.varintSize(16_383)).isEqualTo(2);
        assertThat(SerializedWriteBatch.varintSize(16_384)).isEqualTo(3);
        assertThat(SerializedWriteBatch.varintSize(Integer.MAX_VALUE)).isEqualTo(5);
    }

    private static byte[] key(int i) {
        return java.nio.ByteBuffer.allocate(4).putInt(i).array();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static StorageConfig config(Path path) {
        return StorageConfig.defaults().withPath(path).withEngine(RocksStorageProvider.NAME);
    }
}
