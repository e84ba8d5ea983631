package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCostsTest {

    @Test
    void threadsOfThisProcess_includeTheCallingThreadWithItsCosts() throws Exception {
        assumeTrue(ThreadCosts.available(), "needs Linux /proc");
        long tid = ThreadCosts.currentTid();
        Map<Long, ThreadCosts.Named> threads = ThreadCosts.threadsOfThisProcess();
        assertThat(threads).containsKey(tid);
        ThreadCosts mine = threads.get(tid).costs();
        assertThat(mine.cpuNanos()).isPositive();
        assertThat(mine.voluntary()).isNotNegative();
        assertThat(mine.userTicks() + mine.systemTicks()).isNotNegative();
    }

    @Test
    void ofProcess_thisJvm_hasCpuTime() throws Exception {
        assumeTrue(ThreadCosts.available(), "needs Linux /proc");
        assertThat(ThreadCosts.ofProcess(ProcessHandle.current().pid()).cpuNanos()).isPositive();
    }

    @Test
    void ofCurrentThread_isTheCallingThread() throws Exception {
        assumeTrue(ThreadCosts.available(), "needs Linux /proc");
        ThreadCosts before = ThreadCosts.ofCurrentThread();
        ThreadCosts listed = ThreadCosts.threadsOfThisProcess().get(ThreadCosts.currentTid()).costs();
        ThreadCosts after = ThreadCosts.ofCurrentThread();
        assertThat(before.cpuNanos()).isPositive().isLessThanOrEqualTo(listed.cpuNanos());
        assertThat(listed.cpuNanos()).isLessThanOrEqualTo(after.cpuNanos());
        assertThat(listed.voluntary()).isBetween(before.voluntary(), after.voluntary());
    }

    @Test
    void plusMinusAndSystemShare() {
        ThreadCosts a = new ThreadCosts(1000, 3, 1, 30, 10);
        ThreadCosts b = new ThreadCosts(400, 1, 0, 10, 10);
        assertThat(a.minus(b)).isEqualTo(new ThreadCosts(600, 2, 1, 20, 0));
        assertThat(a.plus(b).systemShare()).isEqualTo(20.0 / 60);
        assertThat(ThreadCosts.ZERO.systemShare()).isZero();
    }
}
