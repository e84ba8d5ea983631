package io.heliosdb.storage.tck;

import static io.heliosdb.storage.tck.Bytes.hexKeys;
import static io.heliosdb.storage.tck.Bytes.of;
import static io.heliosdb.storage.tck.Bytes.str;
import static io.heliosdb.storage.tck.Bytes.textKeys;
import static io.heliosdb.storage.tck.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The storage TCK: the contract every {@link StorageEngine} keeps. An engine runs it by
 * subclassing it once and naming its provider. Optional behaviour is asked of the provider's
 * capabilities first; what a provider does not claim must fail with FEATURE_NOT_SUPPORTED.
 * Read-view isolation, batch atomicity and concurrency live in {@link StorageIsolationTck}, which
 * this extends.
 */
public abstract class StorageEngineTck extends StorageIsolationTck {

    // ---------------------------------------------------------------- ordering

    @Test
    void scan_ordersKeysAsUnsignedBytes() {
        write(b -> b.put(KS, of(0xff), v("ff")).put(KS, of(0x80), v("80")).put(KS, of(0x7f), v("7f"))
                .put(KS, of(0x00), v("00")).put(KS, of(0x80, 0x00), v("8000")).put(KS, of(0x7f, 0xff), v("7fff"))
                .put(KS, of(), v("empty")).put(KS, of(0x00, 0x00), v("0000")));

        assertThat(hexKeys(engine, KS, null, null, false))
                .containsExactly("", "00", "0000", "7f", "7fff", "80", "8000", "ff");
        assertThat(hexKeys(engine, KS, null, null, true))
                .containsExactly("ff", "8000", "80", "7fff", "7f", "0000", "00", "");
    }

    @Test
    void scan_prefixBoundsSelectKeysWithThatPrefix() {
        write(b -> b.put(KS, of(0x01), v("a")).put(KS, of(0x01, 0x00), v("b")).put(KS, of(0x01, 0xff, 0xff), v("c"))
                .put(KS, of(0x02), v("d")).put(KS, of(0x00, 0xff), v("e")));

        assertThat(hexKeys(engine, KS, of(0x01), of(0x02), false)).containsExactly("01", "0100", "01ffff");
        assertThat(hexKeys(engine, KS, of(0x01), of(0x02), true)).containsExactly("01ffff", "0100", "01");
    }

    // ---------------------------------------------------------------- point operations

    @Test
    void get_missingKey_isNull() {
        write(b -> b.put(KS, utf8("a"), v("1")));
        assertThat(engine.get(KS, utf8("b"))).isNull();
        assertThat(engine.get(KS, of())).isNull();
    }

    @Test
    void get_unknownKeyspace_readsAsEmpty() {
        assertThat(engine.get("never-written", utf8("a"))).isNull();
        assertThat(textKeys(engine, "never-written", null, null, false)).isEmpty();
        assertThat(textKeys(engine, "never-written", null, null, true)).isEmpty();
    }

    @Test
    void put_thenGet_returnsValue_overwriteReplacesIt_deleteRemovesIt() {
        write(b -> b.put(KS, utf8("k"), v("one")));
        assertThat(str(engine.get(KS, utf8("k")))).isEqualTo("one");

        write(b -> b.put(KS, utf8("k"), v("two")));
        assertThat(str(engine.get(KS, utf8("k")))).isEqualTo("two");

        write(b -> b.delete(KS, utf8("k")));
        assertThat(engine.get(KS, utf8("k"))).isNull();
        assertThat(textKeys(engine, KS, null, null, false)).isEmpty();

        write(b -> b.put(KS, utf8("k"), v("three")));
        assertThat(str(engine.get(KS, utf8("k")))).isEqualTo("three");
    }

    @Test
    void getShared_readsAsGet_andAHandedOutValueNeverChanges() {
        write(b -> b.put(KS, utf8("k"), v("one")));
        byte[] shared = engine.getShared(KS, utf8("k"));
        assertThat(str(shared)).isEqualTo("one");
        assertThat(engine.getShared(KS, utf8("missing"))).isNull();
        assertThat(engine.getShared("never-written", utf8("k"))).isNull();

        write(b -> b.put(KS, utf8("k"), v("two")));
        assertThat(str(shared)).isEqualTo("one");
        assertThat(str(engine.getShared(KS, utf8("k")))).isEqualTo("two");

        write(b -> b.delete(KS, utf8("k")));
        assertThat(engine.getShared(KS, utf8("k"))).isNull();
        assertThat(str(shared)).isEqualTo("one");
    }

    @Test
    void get_returnsACopyTheCallerMayChange() {
        write(b -> b.put(KS, utf8("k"), v("one")));
        byte[] got = engine.get(KS, utf8("k"));
        got[0] = 'X';
        assertThat(str(engine.get(KS, utf8("k")))).isEqualTo("one");
        assertThat(str(engine.getShared(KS, utf8("k")))).isEqualTo("one");
    }

    @Test
    void put_emptyValueAndEmptyKey_areStored() {
        write(b -> b.put(KS, of(), v("for-empty-key")).put(KS, utf8("e"), new byte[0]));
        assertThat(str(engine.get(KS, of()))).isEqualTo("for-empty-key");
        assertThat(engine.get(KS, utf8("e"))).isEmpty();
    }

    @Test
    void delete_missingKey_isHarmless() {
        write(b -> b.delete(KS, utf8("nothing")).delete("fresh-keyspace", utf8("x")));
        assertThat(engine.get(KS, utf8("nothing"))).isNull();
        assertThat(textKeys(engine, "fresh-keyspace", null, null, false)).isEmpty();
    }

    @Test
    void write_sameKeyTwiceInOneBatch_lastOperationWins() {
        write(b -> b.put(KS, utf8("a"), v("1")).put(KS, utf8("a"), v("2"))
                .put(KS, utf8("b"), v("1")).delete(KS, utf8("b"))
                .delete(KS, utf8("c")).put(KS, utf8("c"), v("3")));
        assertThat(str(engine.get(KS, utf8("a")))).isEqualTo("2");
        assertThat(engine.get(KS, utf8("b"))).isNull();
        assertThat(str(engine.get(KS, utf8("c")))).isEqualTo("3");
        assertThat(textKeys(engine, KS, null, null, false)).containsExactly("a", "c");
    }

    @Test
    void write_emptyBatch_changesNothing() {
        write(b -> b.put(KS, utf8("a"), v("1")));
        engine.write(new WriteBatch(), true);
        engine.write(new WriteBatch(), false);
        assertThat(textKeys(engine, KS, null, null, false)).containsExactly("a");
    }

    @Test
    void arrays_passedInOrReturned_areNotShared() {
        byte[] key = utf8("k");
        byte[] value = utf8("value");
        engine.write(new WriteBatch().put(KS, key, value), false);
        key[0] = 'z';
        value[0] = 'X';
        assertThat(str(engine.get(KS, utf8("k")))).isEqualTo("value");

        engine.get(KS, utf8("k"))[0] = 'Y';
        try (KvCursor c = engine.scan(KS, null, null, false)) {
            assertThat(c.next()).isTrue();
            c.key()[0] = 'q';
            c.value()[0] = 'Q';
        }
        assertThat(textKeys(engine, KS, null, null, false)).containsExactly("k");
        assertThat(str(engine.get(KS, utf8("k")))).isEqualTo("value");
    }

    @Test
    void sync_andSyncWrites_keepWorking() {
        write(b -> b.put(KS, utf8("a"), v("1")));
        engine.write(new WriteBatch().put(KS, utf8("b"), v("2")), true);
        engine.sync();
        assertThat(textKeys(engine, KS, null, null, false)).containsExactly("a", "b");
    }

    // ---------------------------------------------------------------- ranges

    @Test
    void scan_closedBounds_includeFromExcludeTo() {
        writeLetters("abcdefg");
        assertThat(textKeys(engine, KS, utf8("b"), utf8("e"), false)).containsExactly("b", "c", "d");
        assertThat(textKeys(engine, KS, utf8("b"), utf8("e"), true)).containsExactly("d", "c", "b");
    }

    @Test
    void scan_openBounds() {
        writeLetters("abcdefg");
        assertThat(textKeys(engine, KS, null, utf8("c"), false)).containsExactly("a", "b");
        assertThat(textKeys(engine, KS, null, utf8("c"), true)).containsExactly("b", "a");
        assertThat(textKeys(engine, KS, utf8("e"), null, false)).containsExactly("e", "f", "g");
        assertThat(textKeys(engine, KS, utf8("e"), null, true)).containsExactly("g", "f", "e");
        assertThat(textKeys(engine, KS, null, null, false)).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(textKeys(engine, KS, null, null, true)).containsExactly("g", "f", "e", "d", "c", "b", "a");
    }

    @Test
    void scan_boundsBetweenStoredKeys() {
        write(b -> b.put(KS, utf8("b"), v("1")).put(KS, utf8("d"), v("1")).put(KS, utf8("f"), v("1")));
        assertThat(textKeys(engine, KS, utf8("a"), utf8("e"), false)).containsExactly("b", "d");
        assertThat(textKeys(engine, KS, utf8("c"), utf8("g"), true)).containsExactly("f", "d");
        assertThat(textKeys(engine, KS, utf8("bb"), utf8("dd"), false)).containsExactly("d");
        assertThat(textKeys(engine, KS, utf8("bb"), utf8("dd"), true)).containsExactly("d");
    }

    @Test
    void scan_emptyOrInvertedRange_isEmpty() {
        writeLetters("abc");
        assertThat(textKeys(engine, KS, utf8("b"), utf8("b"), false)).isEmpty();
        assertThat(textKeys(engine, KS, utf8("b"), utf8("b"), true)).isEmpty();
        assertThat(textKeys(engine, KS, utf8("c"), utf8("a"), false)).isEmpty();
        assertThat(textKeys(engine, KS, utf8("c"), utf8("a"), true)).isEmpty();
        assertThat(textKeys(engine, KS, utf8("x"), null, false)).isEmpty();
        assertThat(textKeys(engine, KS, null, utf8("a"), true)).isEmpty();
    }

    @Test
    void scan_returnsValuesWithTheirKeys() {
        write(b -> b.put(KS, utf8("a"), v("1")).put(KS, utf8("b"), v("2")).put(KS, utf8("c"), v("3")));
        List<String> pairs = new ArrayList<>();
        try (KvCursor c = engine.scan(KS, null, null, true)) {
            while (c.next()) {
                pairs.add(str(c.key()) + "=" + str(c.value()));
            }
            assertThat(c.next()).isFalse();
        }
        assertThat(pairs).containsExactly("c=3", "b=2", "a=1");
    }

    // ---------------------------------------------------------------- keyspaces

    @Test
    void keyspaces_areIndependent() {
        write(b -> b.put("t", utf8("k"), v("in-t")).put("t1", utf8("k"), v("in-t1")).put("t1", utf8("only-t1"), v("x")));
        assertThat(str(engine.get("t", utf8("k")))).isEqualTo("in-t");
        assertThat(str(engine.get("t1", utf8("k")))).isEqualTo("in-t1");
        assertThat(textKeys(engine, "t", null, null, false)).containsExactly("k");

        write(b -> b.delete("t", utf8("k")));
        assertThat(engine.get("t", utf8("k"))).isNull();
        assertThat(str(engine.get("t1", utf8("k")))).isEqualTo("in-t1");
        assertThat(textKeys(engine, "t1", null, null, false)).containsExactly("k", "only-t1");
    }

    @Test
    void write_batchAcrossKeyspaces_appliesToEach() {
        write(b -> b.put("a", utf8("1"), v("x")).put("b", utf8("1"), v("y")).put("c", utf8("1"), v("z")));
        assertThat(str(engine.get("a", utf8("1")))).isEqualTo("x");
        assertThat(str(engine.get("b", utf8("1")))).isEqualTo("y");
        assertThat(str(engine.get("c", utf8("1")))).isEqualTo("z");
    }

    // ---------------------------------------------------------------- close and reopen

    @Test
    void close_thenEveryCallFails() {
        write(b -> b.put(KS, utf8("a"), v("1")));
        engine.close();
        assertClosed(() -> engine.get(KS, utf8("a")));
        assertClosed(() -> engine.scan(KS, null, null, false).close());
        assertClosed(() -> engine.write(new WriteBatch().put(KS, utf8("b"), v("2")), false));
        if (claims(StorageCapability.READ_VIEWS)) {
            assertClosed(() -> engine.readView().close());
        }
        engine.close(); // a second close is harmless
    }

    @Test
    void close_withOpenViewsAndCursors_releasesThem() {
        writeLetters("abc");
        KvCursor cursor = engine.scan(KS, null, null, false);
        assertThat(cursor.next()).isTrue();
        ReadView view = claims(StorageCapability.READ_VIEWS) ? engine.readView() : null;
        KvCursor viewCursor = view == null ? null : view.scan(KS, null, null, true);

        engine.close();

        assertClosed(cursor::next);
        if (view != null) {
            assertClosed(() -> view.get(KS, utf8("a")));
            assertClosed(viewCursor::next);
            viewCursor.close();
            view.close();
        }
        cursor.close();
        engine = provider().open(config(dir));
        write(b -> b.put(KS, utf8("z"), v("1")));
        assertThat(str(engine.get(KS, utf8("z")))).isEqualTo("1");
    }

    @Test
    void close_thenOpenSameConfig_works() {
        write(b -> b.put(KS, utf8("a"), v("1")));
        engine.close();
        engine = provider().open(config(dir));
        write(b -> b.put(KS, utf8("b"), v("2")));
        assertThat(str(engine.get(KS, utf8("b")))).isEqualTo("2");
    }

    @Test
    void reopen_keepsData_whenPersistent() {
        assumeTrue(claims(StorageCapability.PERSISTENT), "not a persistent engine");
        write(b -> b.put("a", utf8("1"), v("one")).put("a", utf8("2"), v("two")).put("b", of(0xff), v("ff")));
        write(b -> b.delete("a", utf8("2")));
        engine.close();

        engine = provider().open(config(dir));
        assertThat(str(engine.get("a", utf8("1")))).isEqualTo("one");
        assertThat(engine.get("a", utf8("2"))).isNull();
        assertThat(textKeys(engine, "a", null, null, false)).containsExactly("1");
        assertThat(hexKeys(engine, "b", null, null, true)).containsExactly("ff");
        write(b -> b.put("b", of(0x00), v("00")));
        assertThat(hexKeys(engine, "b", null, null, false)).containsExactly("00", "ff");
    }

    @Test
    void reopen_startsEmpty_whenNotPersistent() {
        assumeTrue(!claims(StorageCapability.PERSISTENT), "a persistent engine");
        write(b -> b.put(KS, utf8("a"), v("1")));
        engine.close();
        engine = provider().open(config(dir));
        assertThat(engine.get(KS, utf8("a"))).isNull();
    }

    // ---------------------------------------------------------------- capabilities

    @Test
    void capabilities_ofEngineAreThoseOfProvider() {
        assertThat(engine.capabilities()).isEqualTo(provider().capabilities());
        assertThat(engine.name()).isEqualTo(provider().name());
    }

    @Test
    void optionalCalls_workWhenClaimed_elseFailWithFeatureNotSupported() {
        write(b -> b.put(KS, utf8("a"), new byte[1000]));
        checkOptional(StorageCapability.READ_VIEWS, () -> engine.readView().close());
        checkOptional(StorageCapability.SIZE_ESTIMATES, () -> assertThat(engine.estimateSize(KS)).isNotNegative());
        checkOptional(StorageCapability.STATISTICS, () -> assertThat(engine.statistics()).isNotEmpty());
    }

    @Test
    void spiDefaults_failWithFeatureNotSupported() {
        StorageEngine bare = new BareStorageEngine(engine);
        assertNotSupported(bare::readView);
        assertNotSupported(() -> bare.estimateSize(KS));
        assertNotSupported(bare::statistics);
    }

    @Test
    void estimateSize_growsWithData_whenClaimed() {
        assumeTrue(claims(StorageCapability.SIZE_ESTIMATES));
        assertThat(engine.estimateSize("unknown")).isZero();
        long before = engine.estimateSize(KS);
        for (int batch = 0; batch < 10; batch++) {
            WriteBatch b = new WriteBatch();
            for (int i = 0; i < 100; i++) {
                b.put(KS, utf8("key-" + batch + "-" + i), utf8(("value-" + i).repeat(20)));
            }
            engine.write(b, false);
        }
        assertThat(engine.estimateSize(KS)).isGreaterThan(before).isGreaterThan(10_000);
    }

    private void checkOptional(StorageCapability capability, Runnable call) {
        if (claims(capability)) {
            call.run();
        } else {
            assertNotSupported(call);
        }
    }

    private static void assertNotSupported(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HeliosException.class,
                e -> assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
    }

    private static void assertClosed(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(HeliosException.class);
    }

    private void writeLetters(String letters) {
        write(b -> letters.chars().forEach(c -> b.put(KS, utf8(String.valueOf((char) c)), v("v" + (char) c))));
    }
}
