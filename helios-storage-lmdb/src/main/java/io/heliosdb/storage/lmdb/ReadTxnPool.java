package io.heliosdb.storage.lmdb;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lmdbjava.Txn;

/**
 * Reset read transactions kept for point reads. Beginning a read transaction takes LMDB's reader
 * table mutex and a malloc; renewing a reset one is cheaper. A reset transaction keeps its reader
 * slot but pins no snapshot, so pooled ones do not hold back page reuse.
 */
final class ReadTxnPool {

    private final ConcurrentLinkedQueue<Txn<byte[]>> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final int maxIdle;

    ReadTxnPool(int maxIdle) {
        this.maxIdle = maxIdle;
    }

    /**
     * A ready read transaction: a renewed idle one or a new one from {@code begin}.
     * {@code guard} runs the begin or renew (the engine takes its keyspace-catalog lock there).
     */
    Txn<byte[]> acquire(Supplier<Txn<byte[]>> begin, Consumer<Runnable> guard) {
        Txn<byte[]> txn = idle.poll();
        if (txn == null) {
            return begin.get();
        }
        idleCount.decrementAndGet();
        try {
            guard.accept(txn::renew);
            return txn;
        } catch (RuntimeException e) {
            txn.close();
            throw e;
        }
    }

    void release(Txn<byte[]> txn) {
        if (idleCount.incrementAndGet() <= maxIdle) {
            txn.reset();
            idle.add(txn);
        } else {
            idleCount.decrementAndGet();
            txn.close();
        }
    }

    /** Frees every idle transaction; callers hold the engine exclusively. */
    void closeAll() {
        Txn<byte[]> txn;
        while ((txn = idle.poll()) != null) {
            idleCount.decrementAndGet();
            // lmdbjava's close() aborts only a ready transaction; a reset one would leak its struct
            txn.renew();
            txn.close();
        }
    }
}
