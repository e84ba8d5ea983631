package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoalsTest {
    private static Summary ok(String workload, String target, double ops) {
        return new Summary(workload, target, "ok", 2, ops, ops, ops, 1, 1, 1, 1, 1, Double.NaN, null);
    }

    private static Goals groupCommit() {
        return Goals.ALL.stream().filter(g -> g.text().contains("group commit")).findFirst().orElseThrow();
    }

    @Test
    void groupCommit_isJudgedAgainstOneDurableSession() {
        List<Summary> run = List.of(ok("durable-1", "helios-rocks", 2_000), ok("durable-16", "helios-rocks", 7_000));
        assertThat(groupCommit().ratio(run)).isEqualTo(3.5);
        assertThat(groupCommit().verdict(run)).isEqualTo("not met");
        assertThat(groupCommit().verdict(List.of(ok("durable-1", "helios-rocks", 1_000),
                ok("durable-16", "helios-rocks", 6_000)))).isEqualTo("met");
    }

    @Test
    void verdict_isNotApplicableWhenASideDidNotRun() {
        assertThat(groupCommit().verdict(List.of(ok("durable-16", "helios-rocks", 7_000)))).isEqualTo("n/a");
    }
}
