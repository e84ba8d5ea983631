package io.heliosdb.randomized;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ternary logic partitioning (after SQLancer) on random schemas and queries, in memory and on RocksDB.
 * A fixed set of seeds runs in the normal build; more run locally with
 * {@code -Dtlp.seeds=2000 [-Dtlp.firstSeed=1] [-Dtlp.cases=30]}. A mismatch prints the seed, the case
 * number and a reduced, self-contained repro (schema statements plus both queries).
 */
class TlpTest {
    private static final int SEEDS = Integer.getInteger("tlp.seeds", 12);
    private static final long FIRST_SEED = Long.getLong("tlp.firstSeed", 1L);
    private static final int CASES = Integer.getInteger("tlp.cases", 25);
    private static final int MAX_REDUCED = 10;
    private static final int MAX_SKIP_REPORTS = Integer.getInteger("tlp.skipReports", 0);
    private static final long SLOW_MS = Long.getLong("tlp.slowMs", 2000L);

    @Test
    void tlp_inMemory() {
        runSeeds("memory", seed -> HeliosDB.inMemory());
    }

    @Test
    void tlp_onRocksDb(@TempDir Path dir) {
        runSeeds("rocksdb", seed -> HeliosDB.open(dir.resolve("seed-" + seed)));
    }

    private static void runSeeds(String mode, LongFunction<HeliosDB> open) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int skipped = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            Random random = new Random(seed);
            RandomSchema schema = RandomSchema.generate(random);
            TlpCaseGenerator generator = new TlpCaseGenerator(random, schema);
            try (HeliosDB db = open.apply(seed); Session session = db.session()) {
                create(session, schema);
                for (int n = 0; n < CASES; n++) {
                    TlpCase tlp = generator.next();
                    long started = System.nanoTime();
                    TlpOracle.Outcome outcome = TlpOracle.check(session, tlp);
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    if (ms > SLOW_MS) {
                        System.out.printf("[tlp] slow case (%d ms), seed %d, case %d: %s%n", ms, seed, n, tlp.partitioned());
                    }
                    checked++;
                    if (outcome.skipped()) {
                        skipped++;
                        if (skipped <= MAX_SKIP_REPORTS) {
                            System.out.printf("[tlp] Q failed (%s), seed %d, case %d: %s%n", outcome.detail(), seed, n,
                                    tlp.original());
                        }
                    } else if (outcome.failure() != null) {
                        failures.add(report(mode, seed, n, schema, tlp, outcome, failures.size() < MAX_REDUCED));
                    }
                }
            }
        }
        System.out.printf("[tlp] %s: %d cases on %d seeds from %d, %d skipped (Q failed), %d mismatches%n", mode,
                checked, SEEDS, FIRST_SEED, skipped, failures.size());
        failures.forEach(System.out::println);
        assertThat(failures).as("TLP mismatches (" + mode + ")").isEmpty();
        // Guards the generator: if most queries failed, the oracle would check next to nothing.
        assertThat(skipped).as("cases whose query Q failed").isLessThan(checked / 5 + 1);
    }

    static void create(Session session, RandomSchema schema) {
        session.execute("SET statement_timeout = 20000").close();
        for (String statement : schema.statements()) {
            session.execute(statement).close();
        }
    }

    private static String report(String mode, long seed, int n, RandomSchema schema, TlpCase tlp,
                                 TlpOracle.Outcome outcome, boolean reduce) {
        RandomSchema s = schema;
        TlpCase c = tlp;
        if (reduce) {
            TlpReducer.Reduced reduced = new TlpReducer(TlpTest::failureInMemory, outcome.failure()).reduce(schema, tlp);
            s = reduced.schema();
            c = reduced.tlp();
        }
        StringBuilder out = new StringBuilder();
        out.append("-- TLP ").append(c.variant()).append(" mismatch, mode ").append(mode).append(", seed ").append(seed)
                .append(", case ").append(n).append(": ").append(outcome.failure()).append(": ")
                .append(outcome.detail()).append(reduce ? "\n-- reduced repro:" : "\n-- (not reduced)").append('\n');
        s.statements().forEach(st -> out.append(st).append(";\n"));
        out.append(c.original()).append(";\n").append(c.partitioned()).append(";\n");
        if (reduce) {
            try (HeliosDB db = HeliosDB.inMemory(); Session session = db.session()) {
                create(session, s);
                out.append("-- reduced case: ").append(TlpOracle.check(session, c).detail()).append('\n');
            }
        }
        return out.toString();
    }

    /** The failure kind of a case on a fresh in-memory database, or null (for the reducer). */
    static String failureInMemory(RandomSchema schema, TlpCase tlp) {
        try (HeliosDB db = HeliosDB.inMemory(); Session session = db.session()) {
            create(session, schema);
            return TlpOracle.check(session, tlp).failure();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
