package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MergedReaderTest {

    /** A committed store for the test: a sorted map. */
    private static final class MapReader implements KvReader {
        final NavigableMap<byte[], byte[]> map = new TreeMap<>(WriteOverlay.UNSIGNED);

        @Override
        public byte[] get(String keyspace, byte[] key) {
            return map.get(key);
        }

        @Override
        public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
            NavigableMap<byte[], byte[]> range = map;
            if (from != null) {
                range = range.tailMap(from, true);
            }
            if (to != null) {
                range = range.headMap(to, false);
            }
            var it = (reverse ? range.descendingMap() : range).entrySet().iterator();
            return new KvCursor() {
                Map.Entry<byte[], byte[]> e;

                @Override
                public boolean next() {
                    e = it.hasNext() ? it.next() : null;
                    return e != null;
                }

                @Override
                public byte[] key() {
                    return e.getKey();
                }

                @Override
                public byte[] value() {
                    return e.getValue();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static byte[] k(int i) {
        return new byte[] {(byte) i};
    }

    private static List<Integer> keys(KvCursor c) {
        List<Integer> out = new ArrayList<>();
        try (c) {
            while (c.next()) {
                out.add(c.key()[0] & 0xFF);
            }
        }
        return out;
    }

    @Test
    void scan_mergesOverlayOverCommittedWithTombstones() {
        MapReader base = new MapReader();
        for (int i : new int[] {1, 3, 5, 7, 200}) {
            base.map.put(k(i), k(i));
        }
        WriteOverlay overlay = new WriteOverlay();
        overlay.put("ks", k(2), k(20));
        overlay.put("ks", k(5), k(50));
        overlay.delete("ks", k(7));
        overlay.delete("ks", k(8));
        overlay.put("ks", k(255), k(1));
        MergedReader reader = new MergedReader(overlay, base);
        assertThat(keys(reader.scan("ks", null, null, false))).containsExactly(1, 2, 3, 5, 200, 255);
        assertThat(keys(reader.scan("ks", null, null, true))).containsExactly(255, 200, 5, 3, 2, 1);
        assertThat(keys(reader.scan("ks", k(2), k(200), false))).containsExactly(2, 3, 5);
        assertThat(reader.get("ks", k(5))).isEqualTo(k(50));
        assertThat(reader.get("ks", k(7))).isNull();
        assertThat(reader.get("ks", k(3))).isEqualTo(k(3));
        assertThat(keys(reader.scan("other", null, null, false))).containsExactly(1, 3, 5, 7, 200);
    }

    @Test
    void scan_randomisedAgainstAModel() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            MapReader base = new MapReader();
            WriteOverlay overlay = new WriteOverlay();
            TreeMap<Integer, Integer> model = new TreeMap<>();
            for (int i = 0; i < 20; i++) {
                int key = random.nextInt(40);
                base.map.put(k(key), k(i));
                model.put(key, i);
            }
            for (int i = 0; i < 20; i++) {
                int key = random.nextInt(40);
                if (random.nextBoolean()) {
                    overlay.put("ks", k(key), k(100 + i));
                    model.put(key, 100 + i);
                } else {
                    overlay.delete("ks", k(key));
                    model.remove(key);
                }
            }
            int from = random.nextInt(40);
            int to = from + random.nextInt(40 - from + 1);
            MergedReader reader = new MergedReader(overlay, base);
            List<Integer> expected = new ArrayList<>(model.subMap(from, true, to, false).keySet());
            assertThat(keys(reader.scan("ks", k(from), k(to), false))).isEqualTo(expected);
            List<Integer> reversed = new ArrayList<>(expected);
            java.util.Collections.reverse(reversed);
            assertThat(keys(reader.scan("ks", k(from), k(to), true))).isEqualTo(reversed);
        }
    }

    @Test
    void scan_doesNotSeeWritesMadeWhileItRuns() {
        WriteOverlay overlay = new WriteOverlay();
        overlay.put("ks", k(1), k(1));
        overlay.put("ks", k(2), k(2));
        MergedReader reader = new MergedReader(overlay, new MapReader());
        List<Integer> seen = new ArrayList<>();
        try (KvCursor c = reader.scan("ks", null, null, false)) {
            while (c.next()) {
                int key = c.key()[0];
                seen.add(key);
                overlay.delete("ks", c.key());
                overlay.put("ks", k(key + 10), k(0));
            }
        }
        assertThat(seen).containsExactly(1, 2);
        assertThat(keys(reader.scan("ks", null, null, false))).containsExactly(11, 12);
    }

    @Test
    void toWriteBatch_holdsPutsAndDeletes() {
        WriteOverlay overlay = new WriteOverlay();
        overlay.put("a", k(1), k(1));
        overlay.delete("a", k(2));
        overlay.put("b", k(3), k(3));
        var batch = overlay.toWriteBatch();
        assertThat(batch.size()).isEqualTo(3);
        assertThat(batch.ops()).filteredOn(op -> op.isDelete()).hasSize(1);
    }
}
