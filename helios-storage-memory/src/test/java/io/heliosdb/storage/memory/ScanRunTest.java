package io.heliosdb.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.ValueBufferCursor;
import io.heliosdb.spi.WriteBatch;
import io.heliosdb.storage.tck.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ranges scanned again with no write in between are read from flat runs: every scan must still see exactly what
 * its sequence sees, whether it reads a run or walks the skip list.
 */
class ScanRunTest {
    private static final String KS = "rows";
    private static final int KEYS = 20_000;
    private static final byte[] FROM = Bytes.utf8("k");
    private static final byte[] TO = Bytes.utf8("l");
    private final MemoryStorageEngine engine = new MemoryStorageEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    private static String key(int i) {
        return String.format("k%06d", i);
    }

    private void load() {
        for (int from = 0; from < KEYS; from += 5_000) {
            WriteBatch batch = new WriteBatch();
            for (int i = from; i < from + 5_000; i++) {
                batch.put(KS, Bytes.utf8(key(i)), Bytes.utf8("v-" + i));
            }
            engine.write(batch, false);
        }
        // Outside the scanned range, on both sides.
        engine.write(new WriteBatch().put(KS, Bytes.utf8("a"), Bytes.utf8("x")).put(KS, Bytes.utf8("m"), Bytes.utf8("y")),
                false);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * Every entry as key=value, read by turns through next(), nextEntries and nextValues (where the cursor offers
     * it: runs do).
     */
    private static List<String> all(KvCursor c) {
        List<String> out = new ArrayList<>();
        var gathering = (ValueBufferCursor) c;
        byte[][] keys = new byte[700][];
        byte[][] values = new byte[700][];
        int[] offsets = new int[700];
        int[] lengths = new int[700];
        for (int turn = 0; ; turn++) {
            if (turn % 3 == 0) {
                if (!c.next()) {
                    break;
                }
                out.add(text(c.key()) + "=" + text(c.value()));
                assertThat(text(java.util.Arrays.copyOf(gathering.valueBuffer(), gathering.valueLength())))
                        .isEqualTo(text(c.value()));
                continue;
            }
            int n = turn % 3 == 2 ? gathering.nextValues(values, offsets, lengths, keys, (v, o, length) -> true,
                    keys.length) : -1;
            if (n >= 0) {
                for (int i = 0; i < n; i++) {
                    out.add(text(keys[i]) + "=" + new String(values[i], offsets[i], lengths[i], StandardCharsets.UTF_8));
                }
            } else {
                n = gathering.nextEntries(keys, values, keys.length);
                for (int i = 0; i < n; i++) {
                    out.add(text(keys[i]) + "=" + text(values[i]));
                }
            }
            if (n == 0) {
                break;
            }
            // The cursor stands on the last entry read.
            assertThat(text(c.key()) + "=" + text(c.value())).isEqualTo(out.get(out.size() - 1));
        }
        return out;
    }

    private List<String> scan(byte[] from, byte[] to) {
        try (KvCursor c = engine.scan(KS, from, to, false)) {
            return all(c);
        }
    }

    private long stat(String name) {
        return engine.statistics().get(name);
    }

    private static List<String> expected(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(key(i) + "=v-" + i);
        }
        return out;
    }

    @Test
    void secondScanOfAnUnchangedRange_readsItFromARun_andSoDoScansInsideIt() {
        load();
        assertThat(scan(FROM, TO)).isEqualTo(expected(0, KEYS));
        assertThat(stat("memory.scan.runs.built")).isZero();
        assertThat(scan(FROM, TO)).isEqualTo(expected(0, KEYS));
        assertThat(stat("memory.scan.runs.built")).isEqualTo(1);
        assertThat(stat("memory.scans.flat")).isEqualTo(1);
        assertThat(scan(FROM, TO)).isEqualTo(expected(0, KEYS));
        assertThat(scan(Bytes.utf8(key(1234)), Bytes.utf8(key(5678)))).isEqualTo(expected(1234, 5678));
        // Packed values: a key only where asked for.
        try (KvCursor c = engine.scan(KS, FROM, TO, false)) {
            byte[][] values = new byte[KEYS][];
            byte[][] keys = new byte[KEYS][];
            int[] offsets = new int[KEYS];
            int[] lengths = new int[KEYS];
            int n = ((ValueBufferCursor) c).nextValues(values, offsets, lengths, keys,
                    (v, o, length) -> v[o + length - 1] == '7', KEYS);
            assertThat(n).isEqualTo(KEYS);
            for (int i = 0; i < n; i++) {
                assertThat(new String(values[i], offsets[i], lengths[i], StandardCharsets.UTF_8)).isEqualTo("v-" + i);
                assertThat(keys[i] == null ? null : text(keys[i])).isEqualTo(i % 10 == 7 ? key(i) : null);
            }
            assertThat(text(c.key())).isEqualTo(key(KEYS - 1));
            assertThat(((ValueBufferCursor) c).nextValues(values, offsets, lengths, keys, (v, o, length) -> true, 5))
                    .isZero();
        }
        assertThat(scan(Bytes.utf8("k000123x"), Bytes.utf8("k"))).isEmpty();
        assertThat(stat("memory.scans.flat")).isEqualTo(5);
        assertThat(stat("memory.scan.runs.built")).isEqualTo(1);
        // Ranges reaching outside the run walk the skip list.
        assertThat(scan(Bytes.utf8(key(KEYS - 2)), Bytes.utf8("n"))).containsExactly(key(KEYS - 2) + "=v-" + (KEYS - 2),
                key(KEYS - 1) + "=v-" + (KEYS - 1), "m=y");
        assertThat(stat("memory.scans.flat")).isEqualTo(5);
    }

    @Test
    void aWrite_dropsTheRuns_soScansSeeIt() {
        load();
        scan(FROM, TO);
        scan(FROM, TO);
        assertThat(stat("memory.scan.runs.built")).isEqualTo(1);
        engine.write(new WriteBatch().put(KS, Bytes.utf8(key(7)), Bytes.utf8("new")).delete(KS, Bytes.utf8(key(8)))
                .put(KS, Bytes.utf8(key(9) + "a"), Bytes.utf8("added")), false);
        long flat = stat("memory.scans.flat");
        List<String> after = scan(FROM, TO);
        assertThat(stat("memory.scans.flat")).isEqualTo(flat);
        assertThat(after).hasSize(KEYS).contains(key(7) + "=new", key(9) + "a=added").doesNotContain(key(8) + "=v-8");
        // Stable again: the next scan builds a new run with the write in it.
        assertThat(scan(FROM, TO)).isEqualTo(after);
        assertThat(stat("memory.scan.runs.built")).isEqualTo(2);
        assertThat(scan(FROM, TO)).isEqualTo(after);
        assertThat(stat("memory.scans.flat")).isEqualTo(flat + 2);
    }

    @Test
    void aViewOlderThanTheLastWrite_neverReadsARun() {
        load();
        ReadView before = engine.readView();
        engine.write(new WriteBatch().put(KS, Bytes.utf8(key(3)), Bytes.utf8("later")), false);
        scan(FROM, TO);
        scan(FROM, TO);
        assertThat(stat("memory.scan.runs.built")).isEqualTo(1);
        long flat = stat("memory.scans.flat");
        try (KvCursor c = before.scan(KS, FROM, TO, false)) {
            assertThat(all(c)).isEqualTo(expected(0, KEYS));
        }
        try (KvCursor c = before.scan(KS, FROM, TO, false)) {
            assertThat(all(c)).isEqualTo(expected(0, KEYS));
        }
        assertThat(stat("memory.scans.flat")).isEqualTo(flat);
        before.close();
        assertThat(scan(FROM, TO)).contains(key(3) + "=later");
        assertThat(stat("memory.scans.flat")).isEqualTo(flat + 1);
    }

    @Test
    void aRunReadByAnOlderView_servesNewerReaders_untilTheKeyspaceIsWritten() {
        load();
        ReadView view = engine.readView();
        for (int i = 0; i < 2; i++) {
            try (KvCursor c = view.scan(KS, FROM, TO, false)) {
                assertThat(all(c)).isEqualTo(expected(0, KEYS));
            }
        }
        assertThat(stat("memory.scan.runs.built")).isEqualTo(1);
        // Writes to another keyspace move the sequence on, not this keyspace's data.
        engine.write(new WriteBatch().put("other", Bytes.utf8("x"), Bytes.utf8("y")), false);
        assertThat(scan(FROM, TO)).isEqualTo(expected(0, KEYS));
        assertThat(stat("memory.scans.flat")).isEqualTo(2);
        engine.write(new WriteBatch().delete(KS, Bytes.utf8(key(0))), false);
        assertThat(scan(FROM, TO)).isEqualTo(expected(1, KEYS));
        try (KvCursor c = view.scan(KS, FROM, TO, false)) {
            assertThat(all(c)).isEqualTo(expected(0, KEYS));
        }
        assertThat(stat("memory.scans.flat")).isEqualTo(2);
        view.close();
    }

    @Test
    void scansThatStopEarly_buildOnlyOnceTheirWalksPayForIt() {
        load();
        WriteBatch more = new WriteBatch();
        for (int i = 0; i < 2 * KEYS; i++) {
            more.put(KS, Bytes.utf8(String.format("p%06d", i)), Bytes.utf8("w"));
        }
        engine.write(more, false);
        int stop = ScanRuns.MARK_ENTRIES + 10;
        for (int i = 0; i < 3; i++) {
            try (KvCursor c = engine.scan(KS, Bytes.utf8("a"), Bytes.utf8("z"), false)) {
                for (int n = 0; n < stop; n++) {
                    assertThat(c.next()).isTrue();
                }
                assertThat(text(c.key())).isEqualTo(key(stop - 2));
            }
            // A build may walk twice what scans walked since the last write: 60,002 entries need more than two.
            assertThat(stat("memory.scan.runs.built")).isEqualTo(i < 2 ? 0 : 1);
        }
        assertThat(scan(Bytes.utf8("a"), Bytes.utf8("z"))).hasSize(3 * KEYS + 2);
        assertThat(stat("memory.scans.flat")).isEqualTo(2);
    }
}
