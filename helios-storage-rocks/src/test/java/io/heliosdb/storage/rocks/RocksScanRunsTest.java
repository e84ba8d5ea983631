package io.heliosdb.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.ValueBufferCursor;
import io.heliosdb.spi.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heap copies of repeatedly scanned ranges: read instead of RocksDB only while they hold what RocksDB would give. */
class RocksScanRunsTest {
    private static final int ROWS = 20_000;

    @TempDir
    Path dir;
    private RocksStorageEngine engine;

    @BeforeEach
    void open() {
        engine = (RocksStorageEngine) new RocksStorageProvider().open(StorageConfig.defaults().withPath(dir.resolve("db")));
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < ROWS; i++) {
            batch.put("ks", key(i), value(i, 0));
        }
        engine.write(batch, false);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static byte[] key(int i) {
        return ByteBuffer.allocate(4).putInt(i).array();
    }

    private static byte[] value(int i, int version) {
        return ("value-" + i + "-" + version + "-" + "x".repeat(i % 37)).getBytes();
    }

    /** Every entry of a scan, read as the kernel reads a table (nextValues), keys asked for every 1000th entry. */
    private static List<String> readPacked(KvCursor cursor) {
        ValueBufferCursor c = (ValueBufferCursor) cursor;
        byte[][] values = new byte[700][];
        int[] offsets = new int[700];
        int[] lengths = new int[700];
        byte[][] keys = new byte[700][];
        List<String> out = new ArrayList<>();
        int[] seen = {0};
        while (true) {
            int n = c.nextValues(values, offsets, lengths, keys, (v, o, l) -> seen[0]++ % 1000 == 0, 700);
            assertThat(n).isNotNegative();
            if (n == 0) {
                return out;
            }
            for (int i = 0; i < n; i++) {
                String v = new String(values[i], offsets[i], lengths[i]);
                out.add(keys[i] == null ? v : ByteBuffer.wrap(keys[i]).getInt() + "=" + v);
            }
        }
    }

    private static List<String> expected(int from, int to, int version) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new String(value(i, version)));
        }
        return out;
    }

    /** The scans' contents without the keys some entries carry. */
    private static List<String> valuesOf(List<String> read) {
        return read.stream().map(s -> s.contains("=") ? s.substring(s.indexOf('=') + 1) : s).toList();
    }

    private List<String> scan(Supplier<KvCursor> open) {
        try (KvCursor cursor = open.get()) {
            return readPacked(cursor);
        }
    }

    @Test
    void thirdScanOfARange_readsTheRun_andSubrangesToo() {
        Supplier<KvCursor> whole = () -> engine.scan("ks", null, null, false);
        assertThat(valuesOf(scan(whole))).isEqualTo(expected(0, ROWS, 0));
        assertThat(engine.scanRuns().count()).isZero();           // first scan: marked
        assertThat(valuesOf(scan(whole))).isEqualTo(expected(0, ROWS, 0));
        assertThat(engine.scanRuns().count()).isEqualTo(1);       // second: recorded
        try (KvCursor third = whole.get()) {
            assertThat(third).isInstanceOf(RocksRunCursor.class);
            List<String> read = readPacked(third);
            assertThat(valuesOf(read)).isEqualTo(expected(0, ROWS, 0));
            assertThat(read.get(0)).isEqualTo("0=" + new String(value(0, 0))); // keys where asked for
        }
        try (KvCursor part = engine.scan("ks", key(5_000), key(5_100), false)) {
            assertThat(part).isInstanceOf(RocksRunCursor.class);
            assertThat(part.next()).isTrue();
            assertThat(part.key()).isEqualTo(key(5_000));
            assertThat(part.value()).isEqualTo(value(5_000, 0));
            assertThat(Arrays.copyOf(((ValueBufferCursor) part).valueBuffer(), ((ValueBufferCursor) part).valueLength()))
                    .isEqualTo(value(5_000, 0));
            int n = 1;
            while (part.next()) {
                n++;
            }
            assertThat(n).isEqualTo(100);
        }
        try (KvCursor reverse = engine.scan("ks", null, null, true)) {
            assertThat(reverse).isInstanceOf(RocksCursor.class);
        }
    }

    @Test
    void writeToTheKeyspace_dropsItsRuns_andScansSeeTheWrite() {
        Supplier<KvCursor> whole = () -> engine.scan("ks", null, null, false);
        scan(whole);
        scan(whole);
        assertThat(engine.scanRuns().count()).isEqualTo(1);
        engine.write(new WriteBatch().put("other", key(1), value(1, 9)), false);
        assertThat(engine.scanRuns().count()).isEqualTo(1);       // another keyspace's write keeps it
        engine.write(new WriteBatch().put("ks", key(7), value(7, 1)), false);
        assertThat(engine.scanRuns().count()).isZero();
        List<String> want = new ArrayList<>(expected(0, ROWS, 0));
        want.set(7, new String(value(7, 1)));
        try (KvCursor after = whole.get()) {
            assertThat(after).isInstanceOf(RocksCursor.class);
            assertThat(valuesOf(readPacked(after))).isEqualTo(want);
        }
    }

    @Test
    void olderSnapshot_neverReadsARunOfNewerData_andNewerSnapshotsDo() {
        try (ReadView before = engine.readView()) {
            engine.write(new WriteBatch().put("ks", key(3), value(3, 1)), false);
            Supplier<KvCursor> whole = () -> engine.scan("ks", null, null, false);
            scan(whole);
            scan(whole);
            assertThat(engine.scanRuns().count()).isEqualTo(1);
            try (KvCursor old = before.scan("ks", null, null, false)) {
                assertThat(old).isInstanceOf(RocksCursor.class);
                assertThat(valuesOf(readPacked(old))).isEqualTo(expected(0, ROWS, 0));
            }
            try (ReadView now = engine.readView(); KvCursor current = now.scan("ks", null, null, false)) {
                assertThat(current).isInstanceOf(RocksRunCursor.class);
                assertThat(valuesOf(readPacked(current)).get(3)).isEqualTo(new String(value(3, 1)));
            }
        }
    }

    @Test
    void snapshotTakenBeforeAWrite_doesNotKeepReadingTheRunOfItsData() {
        Supplier<KvCursor> whole = () -> engine.scan("ks", null, null, false);
        scan(whole);
        scan(whole);
        try (ReadView before = engine.readView()) {
            try (KvCursor c = before.scan("ks", null, null, false)) {
                assertThat(c).isInstanceOf(RocksRunCursor.class);
            }
            engine.write(new WriteBatch().put("ks", key(3), value(3, 1)), false);
            try (KvCursor old = before.scan("ks", null, null, false)) {
                assertThat(valuesOf(readPacked(old))).isEqualTo(expected(0, ROWS, 0));
            }
        }
        assertThat(valuesOf(scan(whole)).get(3)).isEqualTo(new String(value(3, 1)));
    }

    @Test
    void scanThatStopsEarly_neitherMarksNorRecords() {
        for (int round = 0; round < 3; round++) {
            try (KvCursor c = engine.scan("ks", null, null, false)) {
                for (int i = 0; i < ROWS - 1; i++) {
                    assertThat(c.next()).isTrue();
                }
            }
        }
        assertThat(engine.scanRuns().count()).isZero();
        try (KvCursor c = engine.scan("ks", null, null, false)) {
            assertThat(c).isInstanceOf(RocksCursor.class);
        }
    }

    @Test
    void recordingStoppedEarly_keepsNothing_andAFullScanRecordsLater() {
        Supplier<KvCursor> whole = () -> engine.scan("ks", null, null, false);
        scan(whole); // marks
        try (KvCursor c = whole.get()) {
            ValueBufferCursor v = (ValueBufferCursor) c;
            assertThat(v.nextValues(new byte[10][], new int[10], new int[10], new byte[10][], (a, o, l) -> false, 10))
                    .isEqualTo(10);
        }
        assertThat(engine.scanRuns().count()).isZero();
        scan(whole);
        assertThat(engine.scanRuns().count()).isEqualTo(1);
    }

    @Test
    void closedEngine_refusesARunCursor() {
        Supplier<KvCursor> whole = () -> engine.scan("ks", null, null, false);
        scan(whole);
        scan(whole);
        KvCursor c = whole.get();
        assertThat(c).isInstanceOf(RocksRunCursor.class);
        engine.close();
        assertThatThrownBy(c::next).isInstanceOf(HeliosException.class);
    }
}
