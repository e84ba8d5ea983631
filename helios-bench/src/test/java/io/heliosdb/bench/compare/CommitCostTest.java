package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommitCostTest {

    @Test
    void main_reportsCpuAndAllocationPerCommit() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String warmup = System.getProperty("warmup");
        System.setProperty("warmup", "10");
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            CommitCost.main(new String[] {"helios-rocks", "2", "20"});
        } finally {
            System.setOut(saved);
            if (warmup == null) {
                System.clearProperty("warmup");
            } else {
                System.setProperty("warmup", warmup);
            }
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("target=helios-rocks sessions=2 commits=20")
                .containsPattern("thread_cpu_us=[0-9.]+ thread_user_us=[0-9.]+ thread_sys_us=-?[0-9.]+")
                // every commit allocates something on the session threads
                .containsPattern("alloc_bytes=[1-9]")
                .containsPattern("vcsw=[0-9.]+ ");
        // 20 commits from 2 sessions: each group (one sync) holds one or two of them
        java.util.regex.Matcher perGroup = java.util.regex.Pattern.compile("commits_per_group=([0-9.]+)").matcher(out);
        assertThat(perGroup.find()).as(out).isTrue();
        assertThat(Double.parseDouble(perGroup.group(1))).isBetween(1.0, 2.0);
        assertThat(out).containsPattern("write_us_per_group=[0-9.]+ write_busy=[0-9.]+ commit_latency_us=[0-9.]+");
    }
}
