package io.heliosdb.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueryMetricsTest {

    @Test
    void latency_countsEveryThreadsStatementsExactly() throws Exception {
        QueryMetrics metrics = new QueryMetrics();
        int threads = 4;
        int perThread = 25_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                await(start);
                for (int i = 1; i <= perThread; i++) {
                    metrics.recordStatement(TimeUnit.MICROSECONDS.toNanos(i % 100 + 1));
                    metrics.rowsRead(2);
                }
            });
            thread.start();
            running.add(thread);
        }
        start.countDown();
        // Readers drain while the writers record: nothing may be lost or counted twice.
        while (running.stream().anyMatch(Thread::isAlive)) {
            assertThat(metrics.latency().count()).isLessThanOrEqualTo((long) threads * perThread);
        }
        for (Thread thread : running) {
            thread.join();
        }
        QueryMetrics.Latency latency = metrics.latency();
        assertThat(latency.count()).isEqualTo((long) threads * perThread);
        assertThat(metrics.rowsRead()).isEqualTo(2L * threads * perThread);
        // Each thread recorded 1..100 µs evenly: the sum is exact, the percentiles those of 1..100.
        long sumPerThread = 0;
        for (int i = 1; i <= perThread; i++) {
            sumPerThread += i % 100 + 1;
        }
        assertThat(latency.sumSeconds()).isCloseTo(threads * sumPerThread / 1e6, within(1e-9));
        assertThat(latency.p50()).isEqualTo(50e-6);
        assertThat(latency.p95()).isEqualTo(95e-6);
        assertThat(latency.p99()).isEqualTo(99e-6);
        assertThat(latency.max()).isEqualTo(100e-6);
    }

    @Test
    void latency_keepsAnEndedThreadsStatementsAndForgetsTheThread() throws Exception {
        QueryMetrics metrics = new QueryMetrics();
        for (int t = 0; t < 10; t++) {
            Thread thread = new Thread(() -> {
                metrics.recordStatement(TimeUnit.MILLISECONDS.toNanos(3));
                metrics.rowsRead(1);
            });
            thread.start();
            thread.join();
        }
        metrics.recordStatement(TimeUnit.MILLISECONDS.toNanos(1));
        QueryMetrics.Latency latency = metrics.latency();
        assertThat(latency.count()).isEqualTo(11);
        assertThat(latency.sumSeconds()).isCloseTo(0.031, within(1e-9));
        assertThat(latency.max()).isCloseTo(0.003, within(0.003 * 0.01));
        assertThat(metrics.rowsRead()).isEqualTo(10);
        // Only this (live) thread's recorder is kept; the ended ones were folded into the totals.
        assertThat(metrics.trackedThreads()).isEqualTo(1);
        assertThat(metrics.latency().count()).isEqualTo(11);
    }

    @Test
    void recordStatement_percentilesStayWithinOnePercentForLongStatements() {
        QueryMetrics metrics = new QueryMetrics();
        for (int i = 1; i <= 1000; i++) {
            metrics.recordStatement(TimeUnit.MICROSECONDS.toNanos(10_000L * i));
        }
        QueryMetrics.Latency latency = metrics.latency();
        assertThat(latency.p50()).isCloseTo(5.0, within(5.0 * 0.01));
        assertThat(latency.p99()).isCloseTo(9.9, within(9.9 * 0.01));
        assertThat(latency.max()).isCloseTo(10.0, within(10.0 * 0.01));
        assertThat(latency.count()).isEqualTo(1000);
    }

    @Test
    void recordStatement_countsASubMicrosecondStatementAsOneMicrosecond() {
        QueryMetrics metrics = new QueryMetrics();
        metrics.recordStatement(300);
        assertThat(metrics.latency().p50()).isEqualTo(1e-6);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
