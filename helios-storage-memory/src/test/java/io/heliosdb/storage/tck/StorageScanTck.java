package io.heliosdb.storage.tck;

import static io.heliosdb.storage.tck.Bytes.str;
import static io.heliosdb.storage.tck.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.ValueBufferCursor;
import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Gathered scans ({@link ValueBufferCursor#nextEntries}) and, where claimed, parallel scans of one read view: what
 * the kernel's batch scans rely on. Each entry is compared as "key=value".
 */
public abstract class StorageScanTck extends StorageTckSupport {

    private static final long TIMEOUT_SECONDS = 120;

    private static String format(int i) {
        return String.format("k%05d", i);
    }

    /** Keys k00000.. with values "v-<key>", some long enough to outgrow an engine's reused buffers. */
    private void writeKeys(int count, String valuePrefix) {
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < count; i++) {
            String k = format(i);
            String value = valuePrefix + k + (i % 97 == 0 ? "x".repeat(3000 + i) : "");
            batch.put(KS, utf8(k), utf8(value));
        }
        engine.write(batch, false);
    }

    private static String entry(byte[] key, byte[] value) {
        return str(key) + "=" + str(value);
    }

    /** Every entry of the cursor through next(). */
    private static List<String> perEntry(KvCursor cursor) {
        List<String> out = new ArrayList<>();
        while (cursor.next()) {
            out.add(entry(cursor.key(), cursor.value()));
        }
        return out;
    }

    /**
     * Every entry through nextEntries, {@code max} at a time, after {@code firstByNext} entries through next(); null
     * when the engine does not gather.
     */
    private static List<String> gathered(KvCursor c, int max, int firstByNext) {
        if (!(c instanceof ValueBufferCursor cursor)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < firstByNext && c.next(); i++) {
            out.add(entry(c.key(), c.value()));
        }
        byte[][] keys = new byte[max][];
        byte[][] values = new byte[max][];
        List<byte[][]> handedOut = new ArrayList<>();
        List<String> expectedLater = new ArrayList<>();
        int n;
        while ((n = cursor.nextEntries(keys, values, max)) > 0) {
            assertThat(n).isLessThanOrEqualTo(max);
            for (int i = 0; i < n; i++) {
                out.add(entry(keys[i], values[i]));
                handedOut.add(new byte[][] {keys[i], values[i]});
                expectedLater.add(entry(keys[i], values[i]));
            }
            // The cursor stands on the last entry gathered.
            assertThat(entry(c.key(), c.value())).as("max %d, %d gathered of %d", max, n, out.size())
                    .isEqualTo(out.get(out.size() - 1));
            assertThat(str(cursor.valueBuffer()).substring(0, cursor.valueLength())).isEqualTo(str(values[n - 1]));
        }
        if (n < 0) {
            assertThat(out).hasSize(Math.min(firstByNext, out.size()));
            return null;
        }
        assertThat(c.next()).as("nothing after the end").isFalse();
        // The arrays handed out stay as they were while the cursor is open.
        for (int i = 0; i < handedOut.size(); i++) {
            assertThat(entry(handedOut.get(i)[0], handedOut.get(i)[1])).isEqualTo(expectedLater.get(i));
        }
        return out;
    }

    /**
     * Every entry through nextValues, {@code max} at a time, asking for the keys of values starting with "w" only;
     * null when the engine does not pack values. Keys not asked for must be null, the rest each entry's own.
     */
    private static List<String> packed(KvCursor c, int max) {
        if (!(c instanceof ValueBufferCursor cursor)) {
            return null;
        }
        byte[][] values = new byte[max][];
        int[] offsets = new int[max];
        int[] lengths = new int[max];
        byte[][] keys = new byte[max][];
        List<String> out = new ArrayList<>();
        List<byte[]> arrays = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        ValueBufferCursor.KeyWanted startsWithW = (v, o, length) -> length > 0 && v[o] == 'w';
        int n;
        while ((n = cursor.nextValues(values, offsets, lengths, keys, startsWithW, max)) > 0) {
            assertThat(n).isLessThanOrEqualTo(max);
            for (int i = 0; i < n; i++) {
                String value = new String(values[i], offsets[i], lengths[i], java.nio.charset.StandardCharsets.UTF_8);
                arrays.add(values[i]);
                spans.add(new int[] {offsets[i], lengths[i]});
                if (value.startsWith("w")) {
                    assertThat(keys[i]).as("a key asked for").isNotNull();
                    out.add(str(keys[i]) + "=" + value);
                } else {
                    assertThat(keys[i]).as("a key not asked for").isNull();
                    out.add("?=" + value);
                }
            }
            // The cursor stands on the last entry gathered.
            String last = out.get(out.size() - 1);
            assertThat(str(c.value())).isEqualTo(last.substring(last.indexOf('=') + 1));
            if (!last.startsWith("?=")) {
                assertThat(str(c.key())).isEqualTo(last.substring(0, last.indexOf('=')));
            }
            out.set(out.size() - 1, entry(c.key(), c.value()));
        }
        if (n < 0) {
            assertThat(out).isEmpty();
            return null;
        }
        assertThat(c.next()).as("nothing after the end").isFalse();
        for (int i = 0; i < arrays.size(); i++) {   // unchanged while the cursor is open
            String value = new String(arrays.get(i), spans.get(i)[0], spans.get(i)[1],
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(out.get(i)).endsWith("=" + value);
        }
        return out;
    }

    /** {@link #packed}'s entries against every entry: "?=value" where no key was read, else the same entry. */
    private static void assertPacked(List<String> got, List<String> expected, String what) {
        assertThat(got).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < got.size(); i++) {
            if (got.get(i).startsWith("?=")) {
                assertThat(expected.get(i)).as(what).endsWith(got.get(i).substring(1));
            } else {
                assertThat(got.get(i)).as(what).isEqualTo(expected.get(i));
            }
        }
    }

    /** Returns how many scans gathered (the engine may decline some, e.g. reverse ones). */
    private int assertGatheredEqualsPerEntry(KvReader reader, byte[] from, byte[] to) {
        int gatheredScans = 0;
        for (boolean reverse : new boolean[] {false, true}) {
            List<String> expected;
            try (KvCursor one = reader.scan(KS, from, to, reverse)) {
                expected = perEntry(one);
            }
            for (int max : new int[] {1, 7, 64, 1000}) {
                for (int firstByNext : new int[] {0, 5}) {
                    try (KvCursor many = reader.scan(KS, from, to, reverse)) {
                        List<String> got = gathered(many, max, firstByNext);
                        if (got == null) {
                            continue;
                        }
                        gatheredScans++;
                        assertThat(got).as("max %d, reverse %s, %d by next()", max, reverse, firstByNext)
                                .isEqualTo(expected);
                    }
                }
                try (KvCursor many = reader.scan(KS, from, to, reverse)) {
                    List<String> got = packed(many, max);
                    if (got != null) {
                        assertPacked(got, expected, "packed, max " + max + ", reverse " + reverse);
                    }
                }
            }
        }
        return gatheredScans;
    }

    @Test
    void nextEntries_gathersWhatNextReads_inViewsAndBounds() {
        writeKeys(1500, "v-");
        ReadView pin = claims(StorageCapability.READ_VIEWS) ? engine.readView() : null;
        WriteBatch later = new WriteBatch();
        for (int i = 0; i < 1500; i += 3) {
            later.delete(KS, utf8(format(i)));
        }
        for (int i = 1; i < 1500; i += 10) {
            later.put(KS, utf8(format(i)), utf8("w-" + i));
        }
        later.put(KS, utf8("k99999"), utf8("past"));
        engine.write(later, false);
        int gatheredScans = assertGatheredEqualsPerEntry(engine, null, null);
        assumeTrue(gatheredScans > 0, "the engine does not gather entries");
        assertGatheredEqualsPerEntry(engine, utf8("k00100"), utf8("k01200"));
        assertGatheredEqualsPerEntry(engine, utf8("k00100x"), utf8("k001"));   // empty
        if (pin != null) {
            try (pin) {
                assertGatheredEqualsPerEntry(pin, null, null);
                assertGatheredEqualsPerEntry(pin, utf8("k00007"), utf8("k01499"));
                try (KvCursor all = pin.scan(KS, null, null, false)) {
                    assertThat(perEntry(all)).hasSize(1500).allMatch(e -> e.contains("=v-"));
                }
            }
        }
    }

    /**
     * Where claimed, several threads scan disjoint parts of one view at once, while a writer replaces and deletes
     * rows: together they read exactly the view's entries.
     */
    @Test
    void parallelScans_partsOfOneViewReadItsSnapshot() throws Exception {
        assumeTrue(claims(StorageCapability.PARALLEL_SCANS));
        int rows = 20_000;
        int parts = 4;
        writeKeys(rows, "v-");
        ExecutorService pool = Executors.newFixedThreadPool(parts + 1);
        try (ReadView view = engine.readView()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> scans = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                byte[] from = p == 0 ? null : utf8(format(p * rows / parts));
                byte[] to = p == parts - 1 ? null : utf8(format((p + 1) * rows / parts));
                int max = 1 + p * 300;
                scans.add(pool.submit(() -> {
                    assertThat(start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
                    try (KvCursor cursor = view.scan(KS, from, to, false)) {
                        List<String> got = gathered(cursor, max, 3);
                        if (got == null) {
                            try (KvCursor again = view.scan(KS, from, to, false)) {
                                got = perEntry(again);
                            }
                        }
                        return got;
                    }
                }));
            }
            Future<?> writer = pool.submit(() -> {
                assertThat(start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
                for (int round = 0; round < 20; round++) {
                    WriteBatch batch = new WriteBatch();
                    for (int i = round; i < rows; i += 20) {
                        if (i % 2 == 0) {
                            batch.delete(KS, utf8(format(i)));
                        } else {
                            batch.put(KS, utf8(format(i)), utf8("changed"));
                        }
                    }
                    engine.write(batch, false);
                }
                return null;
            });
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> scan : scans) {
                all.addAll(scan.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                String k = format(i);
                expected.add(k + "=v-" + k + (i % 97 == 0 ? "x".repeat(3000 + i) : ""));
            }
            assertThat(all).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }
}
