package io.heliosdb.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import io.heliosdb.storage.tck.Bytes;
import io.heliosdb.storage.tck.StorageEngineTck;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The storage TCK on the memory engine, plus what only the memory engine promises. */
class MemoryStorageEngineTest extends StorageEngineTck {

    @Override
    protected StorageEngineProvider provider() {
        return new MemoryStorageProvider();
    }

    @Test
    void serviceLoader_findsMemoryProvider() {
        // The kernel declares `uses`; this module does not, so the test adds it to its own module.
        getClass().getModule().addUses(StorageEngineProvider.class);
        assertThat(ServiceLoader.load(StorageEngineProvider.class).stream().map(p -> p.get().name()))
                .contains("memory");
        assertThat(ServiceLoader.load(StorageEngineProvider.class).stream()
                .filter(p -> p.type() == MemoryStorageProvider.class)).hasSize(1);
        var descriptor = getClass().getModule().getDescriptor();
        assertThat(descriptor.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(StorageEngineProvider.class.getName());
            assertThat(p.providers()).containsExactly(MemoryStorageProvider.class.getName());
        });
        assertThat(descriptor.exports()).as("an engine is reached only through the SPI").isEmpty();
    }

    @Test
    void oldVersions_arePrunedOnceNoViewNeedsThem() {
        byte[] key = Bytes.utf8("k");
        ReadView view = engine.readView();
        for (int i = 0; i < 100; i++) {
            engine.write(new WriteBatch().put(KS, key, Bytes.utf8("v" + i)), false);
        }
        assertThat(engine.statistics()).containsEntry("memory.versions.pruned", 0L).containsEntry("memory.pins.open", 1L);
        view.close();
        engine.write(new WriteBatch().put(KS, Bytes.utf8("other"), Bytes.utf8("x")), false);
        assertThat(engine.statistics().get("memory.versions.pruned")).isEqualTo(99L);
        assertThat(engine.statistics()).containsEntry("memory.pins.open", 0L).containsEntry("memory.keys", 2L);
    }

    @Test
    void closedCursorsAndViews_unpinTheirSequence() {
        engine.write(new WriteBatch().put(KS, Bytes.utf8("a"), Bytes.utf8("1")), false);
        ReadView view = engine.readView();
        var viewCursor = view.scan(KS, null, null, false);
        var cursor = engine.scan(KS, null, null, true);
        assertThat(engine.statistics()).containsEntry("memory.pins.open", 3L);
        view.close();
        assertThat(viewCursor.next()).as("a cursor keeps its view's sequence pinned").isTrue();
        viewCursor.close();
        cursor.close();
        cursor.close();
        assertThat(engine.statistics()).containsEntry("memory.pins.open", 0L);
    }

    @Test
    void deletedKeys_leaveNoTombstoneBehind() {
        engine.write(new WriteBatch().put(KS, Bytes.utf8("a"), Bytes.utf8("1")), false);
        engine.write(new WriteBatch().delete(KS, Bytes.utf8("a")), false);
        assertThat(engine.statistics()).containsEntry("memory.keys", 0L).containsEntry("memory.bytes", 0L);
        assertThat(engine.estimateSize(KS)).isZero();
    }

    @Test
    void keyInsertedAndDeletedInOneBatch_leavesNoTombstoneBehind() {
        engine.write(new WriteBatch().put(KS, Bytes.utf8("a"), Bytes.utf8("1")).delete(KS, Bytes.utf8("a"))
                .put(KS, Bytes.utf8("b"), Bytes.utf8("2")), false);
        assertThat(engine.statistics()).as("the tombstone of a, which no reader can see, is dropped")
                .containsEntry("memory.versions.pruned", 1L).containsEntry("memory.keys", 1L);
        assertThat(engine.get(KS, Bytes.utf8("a"))).isNull();
        assertThat(engine.get(KS, Bytes.utf8("b"))).isEqualTo(Bytes.utf8("2"));
    }

    @Test
    void newKeysUnderAnOpenView_stayInvisibleToItAndKeepTheirValue() {
        engine.write(new WriteBatch().put(KS, Bytes.utf8("a"), Bytes.utf8("1")), false);
        ReadView view = engine.readView();
        engine.write(new WriteBatch().put(KS, Bytes.utf8("b"), Bytes.utf8("2")).put(KS, Bytes.utf8("a"), Bytes.utf8("3")),
                false);
        assertThat(view.get(KS, Bytes.utf8("b"))).isNull();
        assertThat(view.get(KS, Bytes.utf8("a"))).isEqualTo(Bytes.utf8("1"));
        view.close();
        engine.write(new WriteBatch().put(KS, Bytes.utf8("c"), Bytes.utf8("4")), false);
        assertThat(engine.get(KS, Bytes.utf8("b"))).isEqualTo(Bytes.utf8("2"));
        assertThat(engine.get(KS, Bytes.utf8("a"))).isEqualTo(Bytes.utf8("3"));
        assertThat(engine.statistics()).as("only a's old version goes").containsEntry("memory.versions.pruned", 1L);
    }
}
