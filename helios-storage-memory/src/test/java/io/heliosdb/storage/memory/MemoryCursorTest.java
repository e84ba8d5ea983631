package io.heliosdb.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.WriteBatch;
import io.heliosdb.storage.tck.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bounded forward scans stop at their last key by identity; a removed stop key must not let them run past. */
class MemoryCursorTest {
    private static final String KS = "rows";
    private final MemoryStorageEngine engine = new MemoryStorageEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    private void put(String key) {
        engine.write(new WriteBatch().put(KS, Bytes.utf8(key), Bytes.utf8("v-" + key)), false);
    }

    private static String next(KvCursor c) {
        return c.next() ? new String(c.key(), java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    private static List<String> rest(KvCursor c) {
        List<String> out = new ArrayList<>();
        for (String k = next(c); k != null; k = next(c)) {
            out.add(k);
        }
        return out;
    }

    @Test
    void removedStopKey_stillEndsAtTheBound() {
        for (String k : List.of("a1", "a2", "a3", "a4", "a5", "b1", "b2")) {
            put(k);
        }
        ReadView older = engine.readView();
        // Deleted while an older view needs it: the key stays (as a deletion) and is the scan's stop key.
        engine.write(new WriteBatch().delete(KS, Bytes.utf8("a5")), false);
        try (KvCursor scan = engine.scan(KS, Bytes.utf8("a"), Bytes.utf8("b"), false)) {
            assertThat(next(scan)).isEqualTo("a1");
            // The older view goes; the next write prunes the deletion every reader now sees: a5 is removed.
            older.close();
            put("z");
            assertThat(engine.statistics().get("memory.versions.pruned")).isPositive();
            assertThat(rest(scan)).containsExactly("a2", "a3", "a4");
        }
    }

    @Test
    void keysAddedDuringTheScan_areNotSeen_andTheBoundHolds() {
        for (String k : List.of("a1", "a3", "b1")) {
            put(k);
        }
        try (KvCursor scan = engine.scan(KS, Bytes.utf8("a"), Bytes.utf8("b"), false)) {
            put("a2");
            put("a4");
            put("a9");
            assertThat(rest(scan)).containsExactly("a1", "a3");
        }
        try (KvCursor scan = engine.scan(KS, null, Bytes.utf8("b"), false)) {
            assertThat(rest(scan)).containsExactly("a1", "a2", "a3", "a4", "a9");
        }
        try (KvCursor scan = engine.scan(KS, Bytes.utf8("a5"), Bytes.utf8("a3"), false)) {
            assertThat(rest(scan)).isEmpty();
        }
        try (KvCursor scan = engine.scan(KS, Bytes.utf8("c"), Bytes.utf8("d"), false)) {
            assertThat(rest(scan)).isEmpty();
        }
    }

    /** Everything left in the cursor, read {@code max} entries at a time through nextEntries. */
    private static List<String> gathered(KvCursor c, int max) {
        var cursor = (io.heliosdb.spi.ValueBufferCursor) c;
        byte[][] keys = new byte[max][];
        byte[][] values = new byte[max][];
        List<String> out = new ArrayList<>();
        for (int n = cursor.nextEntries(keys, values, max); n > 0; n = cursor.nextEntries(keys, values, max)) {
            assertThat(n).isLessThanOrEqualTo(max);
            for (int i = 0; i < n; i++) {
                String k = new String(keys[i], java.nio.charset.StandardCharsets.UTF_8);
                assertThat(new String(values[i], java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("v-" + k);
                out.add(k);
            }
            // The cursor stands on the last entry gathered.
            assertThat(new String(c.key(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(out.get(out.size() - 1));
        }
        return out;
    }

    @Test
    void nextEntries_gathersWhatNextReads() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add(String.format("a%02d", i));
        }
        keys.forEach(this::put);
        put("b1");
        ReadView pin = engine.readView();
        engine.write(new WriteBatch().delete(KS, Bytes.utf8("a07")).delete(KS, Bytes.utf8("a49")), false);
        for (int max : new int[] {1, 3, 7, 64}) {
            try (KvCursor one = engine.scan(KS, Bytes.utf8("a"), Bytes.utf8("b"), false);
                 KvCursor many = engine.scan(KS, Bytes.utf8("a"), Bytes.utf8("b"), false)) {
                List<String> expected = rest(one);
                assertThat(expected).hasSize(48).doesNotContain("a07", "a49", "b1");
                assertThat(gathered(many, max)).isEqualTo(expected);
            }
            try (KvCursor old = pin.scan(KS, Bytes.utf8("a"), Bytes.utf8("b"), false)) {
                assertThat(gathered(old, max)).isEqualTo(keys);
            }
        }
        pin.close();
        // The stop key removed mid-scan: gathering stops at the bound too.
        ReadView older = engine.readView();
        engine.write(new WriteBatch().delete(KS, Bytes.utf8("a48")), false);
        try (KvCursor scan = engine.scan(KS, Bytes.utf8("a"), Bytes.utf8("b"), false)) {
            var cursor = (io.heliosdb.spi.ValueBufferCursor) scan;
            assertThat(cursor.nextEntries(new byte[2][], new byte[2][], 2)).isEqualTo(2);
            older.close();
            put("z");   // prunes the deletion of a48, the scan's stop key
            List<String> rest = gathered(scan, 5);
            assertThat(rest).hasSize(45).doesNotContain("a48", "b1");
        }
    }

    @Test
    void deletedLastKey_isNotReturned_andNothingPastIt() {
        for (String k : List.of("a1", "a2", "b1")) {
            put(k);
        }
        ReadView pin = engine.readView();   // keeps the deletion of a2 in place
        engine.write(new WriteBatch().delete(KS, Bytes.utf8("a2")), false);
        try (KvCursor scan = engine.scan(KS, Bytes.utf8("a"), Bytes.utf8("b"), false)) {
            assertThat(rest(scan)).containsExactly("a1");
        }
        try (KvCursor scan = pin.scan(KS, Bytes.utf8("a"), Bytes.utf8("b"), false)) {
            assertThat(rest(scan)).containsExactly("a1", "a2");
        }
        pin.close();
    }
}
