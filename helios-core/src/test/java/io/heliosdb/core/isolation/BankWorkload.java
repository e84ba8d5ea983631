package io.heliosdb.core.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The concurrent part of the bank tests, shared by helios-core's (embedded sessions) and helios-cli's
 * (pgJDBC through the server): transfer workers, released together by one latch, move random amounts
 * between random pairs of accounts, retrying a transfer the database refused with a retryable error
 * (40001, 40P01), while readers check snapshots until the transfers end. What a reader checks, and
 * the checks at the end, stay with each test.
 */
public final class BankWorkload {
    /** A worker's connection. */
    public interface Client extends AutoCloseable {
        /** Moves {@code amount} from one account to another (if it has that much) in one committed transaction. */
        void transfer(int from, int to, int amount) throws Exception;

        /** Ends the transaction of a failed transfer. */
        void rollback() throws Exception;

        /** Whether a failed transfer may be tried again (a serialization failure or deadlock). */
        boolean retryable(Exception e);
    }

    /** A reader's connection: {@link #readOnce} records one check of the balances. */
    public interface Reader extends AutoCloseable {
        void readOnce() throws Exception;
    }

    @FunctionalInterface
    public interface Opener<T> {
        T open() throws Exception;
    }

    private final int accounts;
    private final int threads;
    private final int transfersPerThread;

    public BankWorkload(int accounts, int threads, int transfersPerThread) {
        this.accounts = accounts;
        this.threads = threads;
        this.transfersPerThread = transfersPerThread;
    }

    /**
     * Runs the transfers (worker {@code w} draws from {@code new Random(w)}) and the readers until the
     * transfers end, waiting at most {@code workerTimeoutSeconds} for each worker; returns how many
     * transfers were retried. Every thread is stopped before it returns.
     */
    public int run(Opener<Client> clients, List<Opener<Reader>> readers, long workerTimeoutSeconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads + readers.size());
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean transfersDone = new AtomicBoolean();
        List<Future<Integer>> workers = new ArrayList<>();
        List<Future<?>> readerRuns = new ArrayList<>();
        try {
            for (int w = 0; w < threads; w++) {
                long seed = w;
                workers.add(pool.submit(() -> transfers(clients, new Random(seed), start)));
            }
            for (Opener<Reader> opener : readers) {
                readerRuns.add(pool.submit(() -> {
                    try (Reader reader = opener.open()) {
                        start.await();
                        do {
                            reader.readOnce();
                        } while (!transfersDone.get());
                    }
                    return null;
                }));
            }
            start.countDown();
            int retries = 0;
            for (Future<Integer> f : workers) {
                retries += f.get(workerTimeoutSeconds, TimeUnit.SECONDS);
            }
            transfersDone.set(true);
            for (Future<?> f : readerRuns) {
                f.get(60, TimeUnit.SECONDS);
            }
            return retries;
        } finally {
            transfersDone.set(true);
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private int transfers(Opener<Client> clients, Random random, CountDownLatch start) throws Exception {
        int retries = 0;
        try (Client client = clients.open()) {
            start.await();
            for (int i = 0; i < transfersPerThread; i++) {
                int from = random.nextInt(accounts);
                int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                int amount = 1 + random.nextInt(50);
                while (true) {
                    try {
                        client.transfer(from, to, amount);
                        break;
                    } catch (Exception e) {
                        client.rollback();
                        if (!client.retryable(e)) {
                            throw e;
                        }
                        retries++;
                    }
                }
            }
        }
        return retries;
    }
}
