package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void execute_allWorkersBusy_runsTheTaskOnTheOverflowPool() throws InterruptedException {
        WorkerPool pool = new WorkerPool(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                blocking.countDown();
                awaitQuietly(release);
            });
            assertThat(blocking.await(30, TimeUnit.SECONDS)).isTrue();
            pool.execute(second::countDown);
            // The only worker is still blocked, so the task must have run elsewhere.
            assertThat(second.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            pool.shutdown(30);
        }
    }

    @Test
    void execute_tasksOneAfterAnother_reuseAnIdleWorker() throws InterruptedException {
        WorkerPool pool = new WorkerPool(100);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        try {
            for (int i = 0; i < 50; i++) {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> {
                    threads.add(Thread.currentThread());
                    done.countDown();
                });
                assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            }
            // A pool with a task queue and 100 core threads would have started a thread per task.
            assertThat(threads.size()).isLessThan(50);
        } finally {
            pool.shutdown(30);
        }
    }

    @Test
    void execute_afterShutdown_isRejected() {
        WorkerPool pool = new WorkerPool(2);
        pool.shutdown(30);
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
