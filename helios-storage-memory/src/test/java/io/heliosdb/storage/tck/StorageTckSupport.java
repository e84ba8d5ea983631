package io.heliosdb.storage.tck;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The engine under test, opened fresh in a temporary directory for every test, and small helpers. */
public abstract class StorageTckSupport {

    protected static final String KS = "tck";

    @TempDir
    protected Path dir;

    protected StorageEngine engine;

    /** The provider under test. */
    protected abstract StorageEngineProvider provider();

    /** The configuration the engine is opened with; {@code directory} is empty at the first open. */
    protected StorageConfig config(Path directory) {
        return StorageConfig.defaults().withPath(directory).withEngine(provider().name())
                .withCacheSizeBytes(8L * 1024 * 1024);
    }

    @BeforeEach
    void openEngine() {
        engine = provider().open(config(dir));
    }

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    protected boolean claims(StorageCapability capability) {
        return provider().capabilities().contains(capability);
    }

    protected void write(Consumer<WriteBatch> ops) {
        WriteBatch batch = new WriteBatch();
        ops.accept(batch);
        engine.write(batch, false);
    }

    protected static byte[] v(String text) {
        return Bytes.utf8(text);
    }
}
