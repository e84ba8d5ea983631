package io.heliosdb.storage.lmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import io.heliosdb.storage.tck.Bytes;
import io.heliosdb.storage.tck.StorageEngineTck;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The storage TCK on LMDB, plus what only the LMDB engine promises. */
class LmdbStorageEngineTest extends StorageEngineTck {

    @Override
    protected StorageEngineProvider provider() {
        return new LmdbStorageProvider();
    }

    @Test
    void moduleDescriptor_providesLmdbEngine_exportsNothing_andServiceLoaderFindsIt() {
        getClass().getModule().addUses(StorageEngineProvider.class);
        assertThat(ServiceLoader.load(StorageEngineProvider.class).stream()
                .filter(p -> p.type() == LmdbStorageProvider.class)
                .map(p -> p.get().name())).containsExactly("lmdb");
        ModuleDescriptor descriptor = getClass().getModule().getDescriptor();
        assertThat(descriptor.name()).isEqualTo("io.heliosdb.storage.lmdb");
        assertThat(descriptor.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(StorageEngineProvider.class.getName());
            assertThat(p.providers()).containsExactly(LmdbStorageProvider.class.getName());
        });
        assertThat(descriptor.exports()).as("an engine is reached only through the SPI").isEmpty();
        assertThat(descriptor.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
                .contains("io.heliosdb.api", "lmdbjava", "jdk.unsupported", "org.objectweb.asm");
    }

    @Test
    void open_directoryHeldByAnotherOpenEngine_failsNamingIt_andLeavesDataIntact() throws Exception {
        write(b -> b.put(KS, Bytes.utf8("a"), v("1")));
        String directory = dir.toRealPath().toString();
        assertThatThrownBy(() -> provider().open(config(dir)).close())
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
                    assertThat(e.getMessage()).contains(directory);
                });
        write(b -> b.put(KS, Bytes.utf8("b"), v("2")));
        engine.close();

        engine = provider().open(config(dir));
        assertThat(Bytes.textKeys(engine, KS, null, null, false)).containsExactly("a", "b");
    }

    @Test
    void open_createsMissingDataDirectory_withLmdbFiles() {
        Path nested = dir.resolve("x/y/z");
        try (StorageEngine other = provider().open(config(nested))) {
            other.write(new WriteBatch().put(KS, Bytes.utf8("k"), v("v")), true);
        }
        assertThat(nested.resolve("data.mdb")).exists();
        assertThat(nested.resolve(DirectoryLock.FILE_NAME)).exists();
    }

    @Test
    void keyAtTheLimit_isStoredAndScanned_longerKeyIsRefusedWithoutWritingTheBatch() {
        int limit = ((LmdbStorageEngine) engine).keys().maxKeyLength();
        byte[] longest = new byte[limit];
        Arrays.fill(longest, (byte) 0x41);
        write(b -> b.put(KS, longest, v("long")));
        assertThat(Bytes.str(engine.get(KS, longest))).isEqualTo("long");

        byte[] tooLong = Arrays.copyOf(longest, limit + 1);
        assertThatThrownBy(() -> write(b -> b.put(KS, Bytes.utf8("first"), v("x")).put(KS, tooLong, v("y"))))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.PROGRAM_LIMIT_EXCEEDED));
        assertThat(engine.get(KS, Bytes.utf8("first"))).as("nothing of the refused batch").isNull();
        assertThat(engine.get(KS, tooLong)).isNull();

        // over-long bounds still select correctly: [tooLong, +inf) holds nothing, (-inf, tooLong) holds `longest`
        assertThat(Bytes.hexKeys(engine, KS, tooLong, null, false)).isEmpty();
        assertThat(Bytes.hexKeys(engine, KS, null, tooLong, true)).containsExactly(Bytes.hex(longest));
        assertThat(Bytes.hexKeys(engine, KS, longest, tooLong, false)).containsExactly(Bytes.hex(longest));
    }

    @Test
    void statistics_countWritesReadsAndDescribeTheMap() {
        write(b -> b.put(KS, Bytes.utf8("a"), v("1")).put(KS, Bytes.utf8("b"), v("22")));
        engine.write(new WriteBatch().put("other", Bytes.utf8("c"), v("3")), true);
        engine.get(KS, Bytes.utf8("b"));
        engine.get(KS, Bytes.utf8("missing"));
        assertThat(engine.statistics())
                .containsEntry("lmdb.keys.written", 3L)
                .containsEntry("lmdb.batches.written", 2L)
                .containsEntry("lmdb.gets", 2L)
                .containsEntry("lmdb.get.hits", 1L)
                .containsEntry("lmdb.bytes.read", 2L)
                .containsEntry("lmdb.entries", 3L)
                .containsEntry("lmdb.keyspaces", 2L)
                .containsEntry("lmdb.readers.max", (long) LmdbStorageEngine.MAX_READERS)
                .containsEntry("lmdb.map.size", MapSizing.DEFAULT_INITIAL)
                .containsKeys("lmdb.map.used", "lmdb.syncs", "lmdb.map.growths");
        assertThat(engine.statistics().get("lmdb.syncs")).isPositive();
    }

    @Test
    void manyCursorsAndViews_releasedByClose_freeTheirReaderSlots() {
        write(b -> b.put(KS, Bytes.utf8("a"), v("1")));
        for (int i = 0; i < LmdbStorageEngine.MAX_READERS + 50; i++) {
            try (KvCursor c = engine.scan(KS, null, null, i % 2 == 0)) {
                assertThat(c.next()).isTrue();
            }
            engine.readView().close();
        }
        assertThat(engine.statistics().get("lmdb.readers.used")).isLessThan(100L);
    }

    @Test
    void tooManyOpenViews_failWithProgramLimit_notACrash() {
        var views = new java.util.ArrayList<io.heliosdb.spi.ReadView>();
        try {
            assertThatThrownBy(() -> {
                for (int i = 0; i <= LmdbStorageEngine.MAX_READERS; i++) {
                    views.add(engine.readView());
                }
            }).isInstanceOfSatisfying(HeliosException.class,
                    e -> assertThat(e.sqlState()).isEqualTo(SqlState.PROGRAM_LIMIT_EXCEEDED));
        } finally {
            views.forEach(io.heliosdb.spi.ReadView::close);
        }
        write(b -> b.put(KS, Bytes.utf8("after"), v("1")));
        try (var view = engine.readView()) {
            assertThat(Bytes.str(view.get(KS, Bytes.utf8("after")))).isEqualTo("1");
        }
    }
}
