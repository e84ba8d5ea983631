package io.heliosdb.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.crash.ChildJvm;
import io.heliosdb.core.crash.CrashServer;
import io.heliosdb.core.crash.FrozenClassPath;
import io.heliosdb.core.crash.OrderShape;
import io.heliosdb.core.crash.OrdersAudit;
import io.heliosdb.core.crash.OrdersAudit.Ack;
import io.heliosdb.core.crash.OrdersAudit.State;
import io.heliosdb.core.crash.PgJdbcCommitters;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 4's crash test through the server: the child JVM is a real HeliosDB server, on RocksDB
 * (alternately in Server and in Hybrid mode, on the same directory) and on LMDB (Server mode), {@link OrderShape#THREADS}
 * pgJDBC clients in this JVM commit orders and record an id only after {@code commit()} returned,
 * and the server is SIGKILLed after a seeded random number of acknowledgements, then restarted on
 * the same directory. After every other kill the directory is opened embedded and audited
 * ({@link OrdersAudit}): every acknowledged order is there, none is partly visible, and key lookups
 * agree with scans. The harness is helios-core's (its test-jar), which cannot depend on the server.
 *
 * <p>Reproduce a failure with {@code -Dcrash.seed=<seed>}; {@code -Dcrash.kills=<n>} changes the
 * number of kills (default 20).
 */
class ServerCrashTest {
    private static final long SEED = Long.getLong("crash.seed", new Random().nextLong());
    private static final int KILLS = Integer.getInteger("crash.kills", 20);
    private static final int MIN_ACKS = 5;
    private static final int MAX_ACKS = 30;
    private static final long WAIT_SECONDS = 60;
    private static final long HYBRID_CACHE_BYTES = 8L << 20;
    private static final Pattern PORT = Pattern.compile("PORT (\\d+) (\\w+)");

    @TempDir
    Path dir;

    private static FrozenClassPath classPath;

    @BeforeAll
    static void freezeClassPath(@TempDir Path copy) {
        classPath = FrozenClassPath.copy(CrashServer.class, copy);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"rocksdb", "lmdb"})
    void killedServer_losesNoTransactionAcknowledgedToPgJdbc_andShowsNoneInPart(String engine) throws Exception {
        Path data = dir.resolve("data-" + engine);
        createSchema(data, engine);
        Random random = new Random(SEED);
        Map<Integer, Ack> acknowledged = new HashMap<>();
        Map<String, Integer> killsByMode = new HashMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < KILLS; i++) {
            int killAfter = MIN_ACKS + random.nextInt(MAX_ACKS - MIN_ACKS + 1);
            // LMDB in Server mode only: Hybrid's row cache sits above any engine, and RocksDB's run covers it.
            boolean hybrid = engine.equals("rocksdb") && i % 2 == 1;
            String expectedMode = hybrid ? "HYBRID" : "SERVER";
            String origin = where(engine, i) + ", " + expectedMode + ", killed after " + killAfter + " acks";
            try (ChildJvm child = ChildJvm.start(classPath, CrashServer.class,
                    dir.resolve("server-" + engine + "-" + i + ".err"), data.toString(), engine,
                    Long.toString(hybrid ? HYBRID_CACHE_BYTES : 0))) {
                Matcher announced = expectPort(child, origin);
                assertThat(announced.group(2)).as(origin).isEqualTo(expectedMode);
                String url = "jdbc:postgresql://127.0.0.1:" + announced.group(1) + "/postgres";
                try (PgJdbcCommitters clients = new PgJdbcCommitters(url, (i + 1) * 1_000_000)) {
                    boolean reached = clients.awaitAcks(killAfter, WAIT_SECONDS, TimeUnit.SECONDS);
                    assertThat(reached).as("%s: %d acks in %d s; client failure %s; server stderr:%n%s", origin,
                            clients.acknowledged().size(), WAIT_SECONDS, clients.failure(), child.stderrText()).isTrue();
                    child.kill();
                    clients.stop();
                    // Ids are recorded only once commit() returned; a commit cut by the kill is not among them.
                    clients.acknowledged().forEach(id -> acknowledged.put(id, new Ack(id, State.LIVE, origin)));
                }
            }
            killsByMode.merge(expectedMode, 1, Integer::sum);
            if (i % 2 == 1 || i == KILLS - 1) {
                audit(data, engine, acknowledged, where(engine, i));
            }
        }
        System.out.printf("ServerCrashTest: %s, %s kills, %d acknowledged transactions, seed %d, %d ms%n", engine,
                killsByMode, acknowledged.size(), SEED, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(killsByMode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(KILLS);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * MIN_ACKS);
    }

    private static String where(String engine, int iteration) {
        return "engine " + engine + ", seed " + SEED + ", iteration " + iteration;
    }

    private static HeliosDB open(Path data, String engine) {
        return HeliosDB.open(HeliosConfig.persistent(data)
                .withStorage(StorageConfig.defaults().withPath(data).withEngine(engine).withCacheSizeBytes(8L << 20)));
    }

    private static void createSchema(Path data, String engine) {
        try (HeliosDB db = open(data, engine); Session s = db.session()) {
            for (String ddl : OrderShape.SCHEMA) {
                s.execute(ddl).close();
            }
            for (int t = 0; t < OrderShape.THREADS; t++) {
                s.execute(OrderShape.seedStats(t)).close();
            }
        }
    }

    private static void audit(Path data, String engine, Map<Integer, Ack> acknowledged, String where) {
        OrdersAudit.Result result;
        try (HeliosDB db = open(data, engine)) {
            result = OrdersAudit.run(db, acknowledged);
        }
        if (!result.problems().isEmpty()) {
            var changed = classPath.changedSince();
            fail("after the server kill of " + where + " (" + acknowledged.size() + " acknowledged, " + result.orders()
                    + " orders, " + result.lines() + " lines stored): " + OrdersAudit.describe(result.problems())
                    + (changed.isEmpty() ? "" : "\n(the live class path changed during the run: " + changed + ")"));
        }
        assertThat(result.orders()).as(where).isGreaterThanOrEqualTo(acknowledged.size());
    }

    private static Matcher expectPort(ChildJvm child, String origin) throws InterruptedException {
        String line = child.nextLine(WAIT_SECONDS, TimeUnit.SECONDS);
        if (line == null || line.equals(ChildJvm.END)) {
            fail("%s: the server printed no port within %d s; stderr:%n%s", origin, WAIT_SECONDS, child.stderrText());
        }
        Matcher m = PORT.matcher(line);
        if (!m.matches()) {
            fail("%s: expected PORT <n> <mode> from the server, got \"%s\"; stderr:%n%s", origin, line,
                    child.stderrText());
        }
        return m;
    }
}
