package io.heliosdb.bench.jmh;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A point get on each storage engine found with ServiceLoader, over uniformly chosen keys. Engines
 * not on the class path fail their setup with a clear message (pass -p engine=lmdb once it is).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StorageGetBenchmark {
    private static final String KEYSPACE = "bench";

    @Param({"memory", "rocksdb"})
    public String engine;

    @Param("100000")
    public int keys;

    private Path directory;
    private StorageEngine store;

    @Setup(Level.Trial)
    public void open() throws IOException {
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(engine))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("storage engine '" + engine + "' is not on the class path"));
        directory = Files.createTempDirectory("helios-bench-kv");
        StorageConfig config = StorageConfig.defaults().withPath(directory).withEngine(engine);
        store = provider.open(engine.equals("memory") ? config.withMemoryOnly() : config);
        byte[] value = new byte[100];
        for (int start = 0; start < keys; start += 1000) {
            WriteBatch batch = new WriteBatch();
            for (int i = start; i < Math.min(keys, start + 1000); i++) {
                batch.put(KEYSPACE, key(i), value);
            }
            store.write(batch, false);
        }
        store.sync();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        TempFiles.deleteTree(directory);
    }

    static byte[] key(long i) {
        return ByteBuffer.allocate(8).putLong(i ^ Long.MIN_VALUE).array();
    }

    @State(Scope.Thread)
    public static class Keys {
        private final SplittableRandom random = new SplittableRandom(42);

        byte[] next(int bound) {
            return key(random.nextInt(bound));
        }
    }

    @Benchmark
    public byte[] pointGet(Keys k) {
        return store.get(KEYSPACE, k.next(keys));
    }
}
