package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnapshotRegistryTest {
    private StorageEngine engine;
    private GroupCommitter committer;
    private SnapshotRegistry registry;

    @BeforeEach
    void open() {
        engine = ServiceLoader.load(StorageEngineProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("memory")).findFirst().orElseThrow()
                .open(StorageConfig.defaults().withMemoryOnly());
        committer = new GroupCommitter(engine, false, 0);
        registry = new SnapshotRegistry(committer);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private long commit() {
        return committer.commit(ts -> new WriteBatch().put("t", new byte[] {(byte) ts}, new byte[] {1}), ts -> { });
    }

    @Test
    void horizon_isTheOldestOpenSnapshot_whileNewerOnesOpenAndClose() {
        long first = registry.open();
        long again = registry.open();
        commit();
        long second = registry.open();
        long newest = commit();
        assertThat(registry.horizon()).isEqualTo(first);
        assertThat(registry.readers()).containsExactly(first, second, newest);
        assertThat(registry.openCount()).isEqualTo(3);

        registry.close(first);
        assertThat(registry.horizon()).as("one reader of the first snapshot is left").isEqualTo(first);
        registry.close(again);
        assertThat(registry.horizon()).isEqualTo(second);
        registry.retain(second);
        registry.close(second);
        assertThat(registry.horizon()).isEqualTo(second);
        registry.close(second);
        assertThat(registry.horizon()).isEqualTo(newest);
        assertThat(registry.openCount()).isZero();
        assertThat(registry.readers()).containsExactly(newest);
    }

    @Test
    void olderSnapshot_retainedAfterNewerOnes_keepsTheHorizonDown() {
        long old = registry.open();
        commit();
        long newer = registry.open();
        registry.close(newer);
        registry.retain(old); // a REPEATABLE READ transaction's next statement
        registry.close(old);
        assertThat(registry.horizon()).isEqualTo(old);
        long newest = registry.open();
        assertThat(newest).isEqualTo(newer);
        registry.close(old);
        assertThat(registry.horizon()).isEqualTo(newest);
        registry.close(newest);
        assertThat(registry.openCount()).isZero();
    }
}
