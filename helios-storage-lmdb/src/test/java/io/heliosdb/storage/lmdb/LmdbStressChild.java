package io.heliosdb.storage.lmdb;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.WriteBatch;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.provider.MemoryManager;
import org.lmdbjava.BufferProxy;
import org.lmdbjava.ByteArrayProxy;

/**
 * The child JVM of {@link LmdbNativeMemoryTest}: a native crash here kills only this process, and the
 * test sees its exit status. Exit 0 and a last line "ok" mean success; 2 an exception, 3 corrupt data.
 *
 * <ul>
 *   <li>{@code proxy-gc <stock|pinned> <dir>}: copies keys in through the proxy, forces garbage
 *       collection, then reads the native copies LMDB would read: intact, or freed under it.</li>
 *   <li>{@code stress <stock|pinned> <dir> <rounds> [pooled|own]}: per round a fresh engine on a 1 MiB map; writers
 *       grow it several times while scans, read views and point reads run and a thread keeps
 *       collecting garbage; every value read is checked against the one its key determines. The
 *       last argument says whether scans and views take pooled read transactions.</li>
 * </ul>
 */
public final class LmdbStressChild {

    private static final MemoryManager MEMORY = Runtime.getSystemRuntime().getMemoryManager();
    private static final int WRITERS = 3;
    private static final int BATCHES = 400;
    private static final int PER_BATCH = 10;

    private LmdbStressChild() {
    }

    public static void main(String[] args) throws Exception {
        BufferProxy<byte[]> proxy = args[1].equals("stock") ? ByteArrayProxy.PROXY_BA : PinnedByteArrayProxy.INSTANCE;
        Path dir = Path.of(args[2]);
        int status = switch (args[0]) {
            case "proxy-gc" -> proxyGc(proxy);
            case "stress" -> stress(proxy, dir, Integer.parseInt(args[3]),
                    args.length > 4 ? args[4].equals("pooled") : LmdbStorageEngine.POOLED_SNAPSHOTS);
            default -> throw new IllegalArgumentException(args[0]);
        };
        System.out.println(status == 0 ? "ok" : "failed");
        System.out.flush();
        System.exit(status);
    }

    // ---------------------------------------------------------------- the proxy alone

    private static int proxyGc(BufferProxy<byte[]> proxy) throws Exception {
        Method in = BufferProxy.class.getDeclaredMethod("in", Object.class, Pointer.class, long.class);
        in.setAccessible(true); // the child runs on the class path, so this is the unnamed module reading itself
        Pointer val = MEMORY.allocateDirect(16); // an MDB_val: size, then data address
        int damaged = 0;
        int copies = 16;
        for (int i = 0; i < copies; i++) {
            // as in Dbi.put: the proxy copies the value in, then LMDB reads it; a GC comes in between
            byte[] bytes = value(("key" + i).getBytes(StandardCharsets.UTF_8), i % 2 == 0 ? 100 : 1000);
            in.invoke(proxy, bytes, val, val.address());
            collectGarbage();
            int size = (int) val.getLong(0);
            byte[] read = new byte[size];
            MEMORY.newPointer(val.getAddress(8), size).get(0, read, 0, size); // SIGSEGV if unmapped
            if (!Arrays.equals(read, bytes)) {
                damaged++;
            }
        }
        System.out.println("damaged " + damaged + " of " + copies);
        return damaged == 0 ? 0 : 3;
    }

    private static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            byte[][] garbage = new byte[2000][];
            for (int j = 0; j < garbage.length; j++) {
                garbage[j] = new byte[512];
            }
            System.gc();
            System.runFinalization();
        }
    }

    // ---------------------------------------------------------------- the engine under load

    private static int stress(BufferProxy<byte[]> proxy, Path root, int rounds, boolean pooled) throws Exception {
        long growths = 0;
        for (int round = 0; round < rounds; round++) {
            Path dir = Files.createDirectories(root.resolve("round" + round));
            StorageConfig config = StorageConfig.defaults().withPath(dir).withEngine("lmdb").withWalEnabled(false);
            try (LmdbStorageEngine engine = LmdbStorageEngine.open(config, MapSizing.MIB, proxy, pooled)) {
                int status = round(engine);
                if (status != 0) {
                    return status;
                }
                growths += engine.statistics().get("lmdb.map.growths");
            }
        }
        System.out.println("map growths " + growths);
        return growths >= rounds ? 0 : 3;
    }

    private static int round(LmdbStorageEngine engine) throws InterruptedException {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong corrupt = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(start("writer-" + w, failure, () -> write(engine, writer)));
        }
        List<Thread> others = List.of(
                start("scanner-forward", failure, () -> scanUntil(engine, writing, false, corrupt)),
                start("scanner-reverse", failure, () -> scanUntil(engine, writing, true, corrupt)),
                start("views", failure, () -> viewsUntil(engine, writing, corrupt)),
                start("gc", failure, () -> collectUntil(writing)));
        for (Thread t : writers) {
            t.join();
        }
        writing.set(false);
        for (Thread t : others) {
            t.join();
        }
        if (failure.get() != null) {
            failure.get().printStackTrace();
            return 2;
        }
        long entries = checkAll(engine, corrupt);
        if (corrupt.get() > 0 || entries != (long) WRITERS * BATCHES * PER_BATCH) {
            System.out.println("corrupt " + corrupt.get() + ", entries " + entries);
            return 3;
        }
        return 0;
    }

    private static Thread start(String name, AtomicReference<Throwable> failure, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        t.start();
        return t;
    }

    private static void write(LmdbStorageEngine engine, int writer) {
        for (int b = 0; b < BATCHES; b++) {
            WriteBatch batch = new WriteBatch();
            for (int i = 0; i < PER_BATCH; i++) {
                byte[] key = key(writer, b * PER_BATCH + i);
                batch.put("s", key, value(key, sizeOf(key)));
            }
            if (b > 0) { // rewrites an earlier key with the same value: updates in place
                byte[] old = key(writer, (b - 1) * PER_BATCH);
                batch.put("s", old, value(old, sizeOf(old)));
            }
            engine.write(batch, false);
        }
    }

    private static void scanUntil(LmdbStorageEngine engine, AtomicBoolean writing, boolean reverse, AtomicLong corrupt) {
        while (writing.get()) {
            try (KvCursor cursor = engine.scan("s", null, null, reverse)) {
                while (cursor.next()) {
                    check(cursor.key(), cursor.value(), corrupt);
                }
            }
        }
    }

    private static void viewsUntil(LmdbStorageEngine engine, AtomicBoolean writing, AtomicLong corrupt) {
        int n = 0;
        while (writing.get()) {
            try (ReadView view = engine.readView()) {
                for (int i = 0; i < 50; i++, n++) {
                    byte[] key = key(n % WRITERS, (n * 7) % (BATCHES * PER_BATCH));
                    byte[] value = view.get("s", key);
                    if (value != null) {
                        check(key, value, corrupt);
                    }
                }
                try (KvCursor cursor = view.scan("s", key(0, 100), key(1, 0), false)) {
                    while (cursor.next()) {
                        check(cursor.key(), cursor.value(), corrupt);
                    }
                }
            }
        }
    }

    private static void collectUntil(AtomicBoolean writing) {
        while (writing.get()) {
            System.gc();
            try {
                Thread.sleep(2); // load generation, not synchronization: leave the writers some CPU
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long checkAll(LmdbStorageEngine engine, AtomicLong corrupt) {
        long entries = 0;
        try (KvCursor cursor = engine.scan("s", null, null, false)) {
            while (cursor.next()) {
                check(cursor.key(), cursor.value(), corrupt);
                entries++;
            }
        }
        return entries;
    }

    private static void check(byte[] key, byte[] value, AtomicLong corrupt) {
        if (!Arrays.equals(value, value(key, sizeOf(key)))) {
            if (corrupt.incrementAndGet() <= 5) {
                System.out.println("corrupt value under " + new String(key, StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] key(int writer, int i) {
        return String.format("w%d-%06d", writer, i).getBytes(StandardCharsets.UTF_8);
    }

    /** Half the values fit jnr-ffi's page magazines (up to 256 bytes), half are malloc'd blocks. */
    private static int sizeOf(byte[] key) {
        int h = Arrays.hashCode(key) & 0x7fffffff;
        return h % 2 == 0 ? 24 + h % 200 : 300 + h % 2200;
    }

    private static byte[] value(byte[] key, int size) {
        byte[] v = new byte[size];
        int h = Arrays.hashCode(key);
        for (int i = 0; i < size; i++) {
            h = h * 31 + i;
            v[i] = (byte) (h ^ (h >>> 13));
        }
        return v;
    }
}
