package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target whose start-up is its first accepted connection (helios-launcher's, as the goal names it) reports
 * that as start-up and its first answered query apart; the others keep the first answer as start-up.
 */
class FirstAcceptedStartupTest {
    private static final Scale SMALL = Scale.quick().withRows(1_000);

    /** h2-mem whose instance says it accepted its first connection as it opened. */
    private static Target acceptingAtOpen(Target inner) {
        return new Target() {
            @Override
            public String id() {
                return "accepting";
            }

            @Override
            public String description() {
                return inner.description();
            }

            @Override
            public String notApplicable(Workload workload) {
                return inner.notApplicable(workload);
            }

            @Override
            public Instance open(Path directory) throws Exception {
                long opened = System.nanoTime();
                Instance instance = inner.open(directory);
                return new Instance() {
                    @Override
                    public DbClient connect() throws Exception {
                        return instance.connect();
                    }

                    @Override
                    public OptionalLong firstAcceptedNanos() {
                        return OptionalLong.of(opened);
                    }

                    @Override
                    public void close() throws Exception {
                        instance.close();
                    }
                };
            }
        };
    }

    @Test
    void firstAcceptedTarget_reportsAcceptedAsStartUpAndTheFirstAnswerApart(@TempDir Path dir) throws Exception {
        List<RunResult> results = new ArrayList<>();
        RunOne.run(acceptingAtOpen(TargetCatalog.byId("h2-mem", 0)), List.of(Workload.INSERT_AUTOCOMMIT), 1, SMALL,
                dir, false, results::add);
        RunResult r = results.get(0);
        assertThat(r.status()).as(r.note()).isEqualTo("ok");
        assertThat(r.firstAnswerMs()).isNotNaN();
        assertThat(r.startupMs()).isGreaterThanOrEqualTo(0).isLessThan(r.firstAnswerMs());
    }

    @Test
    void otherTargets_haveNoSeparateFirstAnswer(@TempDir Path dir) throws Exception {
        List<RunResult> results = new ArrayList<>();
        RunOne.run(TargetCatalog.byId("h2-mem", 0), List.of(Workload.INSERT_AUTOCOMMIT), 1, SMALL, dir, false,
                results::add);
        assertThat(results.get(0).startupMs()).isPositive();
        assertThat(results.get(0).firstAnswerMs()).isNaN();
    }
}
