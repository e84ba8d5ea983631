package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ZipfWarmupTest {
    private static final long US = 1_000;

    /** A cache whose hit rate climbs from 0 to 90% over the first 30,000 reads, then stays. */
    private static final class FillingCache implements Target.Instance {
        long reads;
        long hits;
        long misses;
        int readings;
        private double owed;

        /** Deterministic: the n-th read hits with weight min(0.9, 0.9 n / 30,000), paid out in whole hits. */
        void read() {
            owed += Math.min(0.9, 0.9 * ++reads / 30_000);
            if (owed >= 1) {
                owed -= 1;
                hits++;
            } else {
                misses++;
            }
        }

        @Override
        public DbClient connect() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public long[] memoryHitsAndMisses() {
            readings++;
            return new long[] {hits, misses};
        }

        @Override
        public void close() {
        }
    }

    @Test
    void endsOnceTheJitIsQuietAndTheHitRateLevelled_notBefore() {
        FillingCache cache = new FillingCache();
        // The JIT is quiet from the start: only the cache holds the warm-up back.
        JitQuiet jit = new JitQuiet(() -> 0, () -> true, 1_000, 10 * US * 1_000, 0);
        ZipfWarmup warmup = new ZipfWarmup(jit, new SteadyHitRate(5_000), cache);
        long ended = -1;
        for (long op = 1; op <= 100_000 && ended < 0; op++) {
            cache.read();
            if (warmup.reached(op, op * 10 * US)) {
                ended = op;
            }
        }
        assertThat(ended).as("levelled once the cache stopped filling at 30,000 reads").isBetween(35_000L, 45_000L);
        assertThat(cache.readings).as("counters read once per window only").isLessThan(12);
    }

    @Test
    void waitsForTheJit_evenWhenTheCacheIsSteady() {
        FillingCache cache = new FillingCache();
        AtomicLong compiled = new AtomicLong();
        JitQuiet jit = new JitQuiet(compiled::get, () -> true, 1_000, 10 * US * 1_000, 0);
        ZipfWarmup warmup = new ZipfWarmup(jit, new SteadyHitRate(5_000), cache);
        for (long op = 1; op <= 60_000; op++) {
            cache.read();
            compiled.addAndGet(1); // 1 ms of compilation every 10 us of ops: never quiet
            assertThat(warmup.reached(op, op * 10 * US)).isFalse();
        }
    }

    @Test
    void withoutCounters_theJitAloneDecides() {
        Target.Instance none = new Target.Instance() {
            @Override
            public DbClient connect() {
                throw new UnsupportedOperationException("not used");
            }

            @Override
            public void close() {
            }
        };
        JitQuiet jit = new JitQuiet(() -> 0, () -> true, 1_000, 10 * US * 1_000, 0);
        ZipfWarmup warmup = new ZipfWarmup(jit, new SteadyHitRate(5_000), none);
        long ended = -1;
        for (long op = 1; op <= 10_000 && ended < 0; op++) {
            if (warmup.reached(op, op * 10 * US)) {
                ended = op;
            }
        }
        assertThat(ended).isPositive().isLessThan(5_000);
    }

    @Test
    void measurement_endsTheWarmupOnTheRule_withItsLabel() throws Exception {
        AtomicLong runs = new AtomicLong();
        Workload.Operation op = runs::incrementAndGet;
        Pacing pacing = new Pacing(0, Pacing.NO_COUNT, 0, 100, 60_000, 1_000);
        Measurement.Outcome o = Measurement.run(List.of(op), pacing, (ops, now) -> ops >= 2_000, ZipfWarmup.LABEL,
                () -> { });
        assertThat(o.warmupEnd()).isEqualTo(ZipfWarmup.LABEL);
        assertThat(o.warmupOps()).isEqualTo(2_000);
    }
}
