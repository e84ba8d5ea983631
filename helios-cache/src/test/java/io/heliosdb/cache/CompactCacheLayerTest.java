package io.heliosdb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.Compression;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.CacheLayerProvider;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactCacheLayerTest extends CacheLayerContract {

    @Override
    protected CacheLayerProvider provider() {
        return new CompactCacheProvider();
    }

    @Override
    protected long maxEntryWeight(int valueBytes) {
        return valueBytes + 64 + 32;
    }

    /** A kernel row key: an 8-byte table id, then the INTEGER primary key with its sign bit flipped. */
    private static byte[] rowKey(int id) {
        return ByteBuffer.allocate(12).putLong(7).putInt(id ^ Integer.MIN_VALUE).array();
    }

    /** A kernel row version: its 8-byte commit timestamp (a counter), a kind byte, then 22 bytes of payload. */
    private static byte[] version(long commitTs, int id) {
        ByteBuffer b = ByteBuffer.allocate(31).putLong(commitTs).put((byte) 0);
        while (b.hasRemaining()) {
            b.put((byte) (id | 1));
        }
        return b.array();
    }

    @Test
    void randomPutsAndRemoves_withoutEviction_matchAMap() {
        CacheLayer cache = open(16 << 20, Compression.NONE);
        Map<Integer, byte[]> model = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            int k = random.nextInt(3_000); // dense keys: long probe runs, many shifts on removal
            byte[] key = rowKey(k);
            switch (random.nextInt(4)) {
                case 0 -> {
                    cache.invalidate("rows", key);
                    model.remove(k);
                }
                case 1 -> {
                    byte[] value = new byte[random.nextInt(40)];
                    random.nextBytes(value);
                    cache.put("rows", key, value);
                    model.put(k, value);
                }
                default -> assertThat(cache.get("rows", key)).as("key %d at op %d", k, i).isEqualTo(model.get(k));
            }
        }
        for (int k = 0; k < 3_000; k++) {
            assertThat(cache.get("rows", rowKey(k))).isEqualTo(model.get(k));
        }
        assertThat(cache.stats().evictions()).isZero();
    }

    @Test
    void underEviction_aHitIsAlwaysTheLatestValue() {
        CacheLayer cache = open(256 * 1024, Compression.NONE);
        Map<Integer, byte[]> model = new HashMap<>();
        Random random = new Random(5);
        int hits = 0;
        for (int i = 0; i < 300_000; i++) {
            int k = random.nextInt(20_000);
            byte[] key = rowKey(k);
            if (random.nextInt(3) == 0) {
                byte[] value = ByteBuffer.allocate(31).putInt(k).putInt(i).array();
                cache.put("rows", key, value);
                model.put(k, value);
            } else {
                byte[] got = cache.get("rows", key);
                if (got != null) {
                    hits++;
                    assertThat(got).as("key %d", k).isEqualTo(model.get(k));
                }
            }
        }
        assertThat(hits).isPositive();
        assertThat(cache.stats().evictions()).isPositive();
        assertThat(cache.stats().bytesUsed()).isBetween(256L * 1024 * 9 / 10, 256L * 1024);
    }

    @Test
    void rowsOfTwelveByteKeysAndThirtyOneByteVersions_costAboutFortyOneBytes() {
        long budget = 4 << 20;
        CompactCacheLayer cache = (CompactCacheLayer) open(budget, Compression.NONE);
        for (int id = 0; id < 200_000; id++) {
            cache.put("rows", rowKey(id), version(1_000_000 + id, id));
        }
        // the key keeps 5 bytes (its table id's 7 zeros dropped), the version 26 (its timestamp's 5): 35 bytes in the
        // arena, plus the table's 4 bytes a slot, 60-75% used; an array of its own took 64 bytes and its reference 10
        // more; Caffeine charges 192
        assertThat(CompactEntry.lengthOf(rowKey(5), version(1_000_005, 5))).isEqualTo(35);
        assertThat(cache.entries()).as("rows held in %d bytes", budget).isGreaterThan(budget / 43);
        assertThat(cache.stats().bytesUsed()).isBetween(budget * 9 / 10, budget);
        for (int id = 199_000; id < 200_000; id++) { // the newest are held, zeros restored
            assertThat(cache.get("rows", rowKey(id))).isEqualTo(version(1_000_000 + id, id));
        }
    }

    @Test
    void leadingZeros_areDroppedAndRestored_andKeysDifferingOnlyInThemStayApart() {
        CacheLayer cache = open(1 << 20, Compression.NONE);
        List<byte[]> keys = new ArrayList<>();
        for (int zeros = 0; zeros <= 10; zeros++) {
            for (int rest = 0; rest <= 2; rest++) {
                byte[] key = new byte[zeros + rest];
                Arrays.fill(key, zeros, key.length, (byte) (rest + 1));
                keys.add(key);
            }
        }
        for (int i = 0; i < keys.size(); i++) { // values shaped like keys: zeros in front, or none at all
            cache.put("rows", keys.get(i), keys.get(keys.size() - 1 - i));
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(cache.get("rows", keys.get(i))).as("key %s", Arrays.toString(keys.get(i)))
                    .isEqualTo(keys.get(keys.size() - 1 - i));
        }
        byte[] key = keys.get(20);
        cache.put("rows", key, new byte[] {0, 0, 0, 5}); // other zeros: a new entry, not an overwrite in place
        assertThat(cache.get("rows", key)).isEqualTo(new byte[] {0, 0, 0, 5});
        cache.put("rows", key, new byte[] {0, 0, 0, 6}); // same shape: in place
        assertThat(cache.get("rows", key)).isEqualTo(new byte[] {0, 0, 0, 6});
        cache.invalidate("rows", keys.get(3));
        assertThat(cache.get("rows", keys.get(3))).isNull();
        assertThat(cache.get("rows", keys.get(4))).isEqualTo(keys.get(keys.size() - 5));
    }

    @Test
    void entriesReadOften_outliveEntriesReadOnce() {
        CacheLayer cache = open(256 * 1024, Compression.NONE);
        int half = 1_200; // the cache holds both halves
        for (int i = 0; i < 2 * half; i++) {
            cache.put("rows", rowKey(i), new byte[33]);
        }
        for (int i = 0; i < 2 * half; i++) {
            for (int reads = i < half ? 3 : 1; reads > 0; reads--) {
                assertThat(cache.get("rows", rowKey(i))).isNotNull();
            }
        }
        int newEntries = entriesHeld(256 * 1024, 33) - 2 * half + half * 3 / 4; // they need most of a half's room
        for (int i = 0; i < newEntries; i++) { // new entries, each read three times
            assertThat(cache.get("rows", rowKey(1_000_000 + i))).isNull();
            cache.put("rows", rowKey(1_000_000 + i), new byte[33]);
            for (int reads = 0; reads < 3; reads++) {
                cache.get("rows", rowKey(1_000_000 + i));
            }
        }
        int oftenKept = 0;
        int onceKept = 0;
        for (int i = 0; i < 2 * half; i++) {
            if (cache.get("rows", rowKey(i)) != null) {
                if (i < half) {
                    oftenKept++;
                } else {
                    onceKept++;
                }
            }
        }
        // with one reference bit both halves would look alike; with counters the once-read half goes first
        assertThat(oftenKept).isEqualTo(half);
        assertThat(onceKept).isLessThan(half * 3 / 4);
    }

    /** How many entries of a row key and a value of {@code valueBytes} zeros a cache of this budget holds. */
    private int entriesHeld(long budget, int valueBytes) {
        CacheLayer cache = open(budget, Compression.NONE);
        int n = 0;
        while (cache.stats().evictions() == 0) {
            cache.put("rows", rowKey(n++), new byte[valueBytes]);
        }
        return n - 1;
    }

    @Test
    void longKeys_useTwoLengthBytes_andKeysPastTheLimitAreNotCached() {
        CacheLayer cache = open(1 << 20, Compression.NONE);
        byte[] longKey = new byte[300];
        Arrays.fill(longKey, (byte) 9);
        byte[] shorter = Arrays.copyOf(longKey, 299);
        cache.put("rows", longKey, utf8("long"));
        cache.put("rows", shorter, utf8("shorter"));
        assertThat(cache.get("rows", longKey)).isEqualTo(utf8("long"));
        assertThat(cache.get("rows", shorter)).isEqualTo(utf8("shorter"));
        byte[] tooLong = new byte[CompactEntry.MAX_KEY_LENGTH + 1];
        cache.put("rows", tooLong, utf8("x"));
        assertThat(cache.get("rows", tooLong)).isNull();
    }

    @Test
    void keyspaces_pastTheirIds_areNotCached_andTheRestStillAre() {
        CacheLayer cache = open(1 << 20, Compression.NONE);
        for (int i = 0; i < KeyspaceIds.MAX_IDS + 10; i++) {
            cache.put("ks" + i, utf8("k"), utf8("v" + i));
        }
        assertThat(cache.get("ks0", utf8("k"))).isEqualTo(utf8("v0"));
        assertThat(cache.get("ks" + (KeyspaceIds.MAX_IDS - 1), utf8("k"))).isEqualTo(utf8("v" + (KeyspaceIds.MAX_IDS - 1)));
        assertThat(cache.get("ks" + (KeyspaceIds.MAX_IDS + 5), utf8("k"))).isNull();
    }
}
