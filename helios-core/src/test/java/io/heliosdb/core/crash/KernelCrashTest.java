package io.heliosdb.core.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.core.crash.OrdersAudit.Ack;
import io.heliosdb.core.crash.OrdersAudit.State;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngineProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4's crash test: a child JVM commits two-table transactions and acknowledges each one on
 * stdout (and deletes some of them again, acknowledged too); the parent SIGKILLs it after a seeded random number of acknowledgements, reopens the
 * directory and audits it ({@link OrdersAudit}), and starts the next child on the same directory,
 * so crashes accumulate. The audit runs after every other kill, so half of the children open a
 * directory that was never closed cleanly since the previous crash (recovery on top of recovery).
 *
 * <p>The same through a real server, killed under pgJDBC clients, is helios-cli's
 * {@code ServerCrashTest} (helios-core cannot depend on the server or on pgJDBC).
 *
 * <p>Reproduce a failure with {@code -Dcrash.seed=<seed>} (printed in every message);
 * {@code -Dcrash.kills=<n>} changes the number of kills per engine (default 20).
 */
class KernelCrashTest {
    private static final long SEED = Long.getLong("crash.seed", new Random().nextLong());
    private static final int KILLS = Integer.getInteger("crash.kills", 20);
    private static final int MIN_ACKS = 5;
    private static final int MAX_ACKS = 60;
    private static final long WAIT_SECONDS = 60;
    private static final Pattern ACK = Pattern.compile("(ACK|DELETING|DEL) (\\d+) ok");

    @TempDir
    Path dir;

    /** The code every child runs: copied once, so a build running meanwhile cannot change it (see {@link FrozenClassPath}). */
    private static FrozenClassPath classPath;

    @BeforeAll
    static void freezeClassPath(@TempDir Path copy) {
        classPath = FrozenClassPath.copy(CrashCommitter.class, copy);
    }

    /** Every persistent engine on the test class path (rocksdb; lmdb once helios-storage-lmdb is a test dependency). */
    static Stream<String> persistentEngines() {
        return ServiceLoader.load(StorageEngineProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> !p.name().equals("memory") && p.capabilities().contains(StorageCapability.PERSISTENT))
                .map(StorageEngineProvider::name).distinct().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("persistentEngines")
    void killedCommitter_losesNoAcknowledgedTransaction_andShowsNoneInPart(String engine) throws Exception {
        Path data = dir.resolve(engine);
        createSchema(engine, data);
        Random random = new Random(SEED ^ engine.hashCode());
        Map<Integer, Ack> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, String> heard = new HashMap<>();
        long started = System.nanoTime();
        int kills = 0;
        for (int i = 0; i < KILLS; i++) {
            int killAfter = MIN_ACKS + random.nextInt(MAX_ACKS - MIN_ACKS + 1);
            String origin = where(engine, i) + ", killed after " + killAfter + " acks";
            int firstId = (i + 1) * 1_000_000;
            Path ackLog = dir.resolve(engine + "-" + i + ".acks");
            try (ChildJvm child = ChildJvm.start(classPath, CrashCommitter.class, dir.resolve(engine + "-" + i + ".err"),
                    data.toString(), engine, Integer.toString(firstId), ackLog.toString())) {
                expect(child, "READY", origin);
                // stdout paces the kill; what the child acknowledged is read from its ack log afterwards
                List<String> delivered = new ArrayList<>();
                int seen = 0;
                while (seen < killAfter) {
                    String line = next(child, origin);
                    delivered.add(line);
                    seen += pace(child, line, origin);
                }
                for (String line : child.kill()) {
                    delivered.add(line);
                    pace(child, line, origin);
                }
                kills++;
                recordAckLog(child, AckLog.read(ackLog), delivered, acknowledged, heard, origin);
            }
            if (i % 2 == 1 || i == KILLS - 1) {
                audit(engine, data, acknowledged, heard, where(engine, i));
            }
        }
        System.out.printf("KernelCrashTest %s: %d kills, %d acknowledged transactions, seed %d, %d ms%n", engine,
                kills, acknowledged.size(), SEED, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(kills).isEqualTo(KILLS);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * MIN_ACKS);
    }

    private static String where(String engine, int iteration) {
        return "engine " + engine + ", seed " + SEED + ", iteration " + iteration;
    }

    private static HeliosDB open(String engine, Path data) {
        return CrashDatabases.open(data, engine);
    }

    private static void createSchema(String engine, Path data) {
        try (HeliosDB db = open(engine, data); Session s = db.session()) {
            for (String ddl : OrderShape.SCHEMA) {
                s.execute(ddl).close();
            }
            for (int t = 0; t < OrderShape.THREADS; t++) {
                s.execute(OrderShape.seedStats(t)).close();
            }
        }
    }

    private static void audit(String engine, Path data, Map<Integer, Ack> acknowledged, Map<Integer, String> heard,
                              String where) {
        OrdersAudit.Result result;
        try (HeliosDB db = open(engine, data)) {
            result = OrdersAudit.run(db, acknowledged);
        }
        if (!result.problems().isEmpty()) {
            fail("after the kill of " + where + " (" + acknowledged.size() + " acknowledged, " + result.orders()
                    + " orders, " + result.lines() + " lines stored): " + OrdersAudit.describe(result.problems())
                    + evidence(result.problems(), acknowledged, heard) + classPathNote());
        }
        long live = acknowledged.values().stream().filter(a -> a.state() == State.LIVE).count();
        assertThat((long) result.orders()).as(where).isGreaterThanOrEqualTo(live);
    }

    /** Reads one line; a child that stops talking or dies before the kill fails the test with its stderr. */
    private static String next(ChildJvm child, String origin) throws InterruptedException {
        String line = child.nextLine(WAIT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            fail("%s: no output from child %d in %d s; stderr:%n%s", origin, child.pid(), WAIT_SECONDS,
                    child.stderrText());
        }
        if (line.equals(ChildJvm.END)) {
            fail("%s: child %d ended before it was killed; stderr:%n%s", origin, child.pid(), child.stderrText());
        }
        return line;
    }

    private static Matcher expect(ChildJvm child, String pattern, String origin) throws InterruptedException {
        String line = next(child, origin);
        Matcher m = Pattern.compile(pattern).matcher(line);
        if (!m.matches()) {
            fail("%s: expected %s from child, got \"%s\"; stderr:%n%s", origin, pattern, line, child.stderrText());
        }
        return m;
    }

    /**
     * Paces the kill by a stdout line: 1 for an acknowledgement (ACK, DEL), 0 for anything else (a
     * deletion's start, other output); fails on a reported error. Records nothing: see {@link #recordAckLog}.
     */
    private static int pace(ChildJvm child, String line, String origin) {
        Matcher m = ACK.matcher(line);
        if (m.matches()) {
            return m.group(1).equals("DELETING") ? 0 : 1;
        }
        if (line.startsWith("ERR")) {
            fail("%s: the child's commit failed before the kill: %s; stderr:%n%s", origin, line, child.stderrText());
        }
        return 0;
    }

    /**
     * Records what the child acknowledged, from its ack log, in the order written: an insert (the order
     * must be there), a deletion's start (from then on it may be gone), a deletion (it must be gone).
     * The log, not stdout, is the truth: a line stdout failed to deliver would otherwise leave an order
     * the child went on to delete expected alive. Differences between the two are printed.
     */
    private static void recordAckLog(ChildJvm child, List<String> logged, List<String> delivered,
                                     Map<Integer, Ack> acknowledged, Map<Integer, String> heard, String origin) {
        for (String line : delivered) {
            Matcher m = ACK.matcher(line);
            if (m.matches()) {
                heard.merge(Integer.parseInt(m.group(2)), m.group(1), (a, b) -> a + "," + b);
            }
        }
        for (String line : logged) {
            Matcher m = ACK.matcher(line);
            if (!m.matches()) {
                fail("%s: unreadable line \"%s\" in the ack log of child %d", origin, line, child.pid());
            }
            int id = Integer.parseInt(m.group(2));
            State state = switch (m.group(1)) {
                case "ACK" -> State.LIVE;
                case "DELETING" -> State.DELETING;
                default -> State.DELETED;
            };
            acknowledged.put(id, new Ack(id, state, origin));
        }
        AckChannel channel = AckChannel.compare(delivered, logged, ACK, child.readToEnd());
        if (!channel.clean()) {
            System.out.printf("KernelCrashTest %s: child %d's stdout differs from its ack log: %s; reading stdout ended by %s%n",
                    origin, child.pid(), channel.describe(), child.readFailure() == null ? "its end" : child.readFailure());
        }
        if (!channel.phantom().isEmpty()) {
            fail("%s: stdout delivered acknowledgements the ack log lacks: %s", origin, channel.phantom());
        }
    }

    /** For each order the audit found lost: what stdout delivered about it and what the ack log says. */
    private static String evidence(List<String> problems, Map<Integer, Ack> acknowledged, Map<Integer, String> heard) {
        StringBuilder b = new StringBuilder();
        Matcher m = Pattern.compile("LOST (?:acknowledged order|deletion: order) (\\d+)").matcher(String.join("\n", problems));
        while (m.find()) {
            int id = Integer.parseInt(m.group(1));
            Ack ack = acknowledged.get(id);
            b.append("\n  order ").append(id).append(": stdout delivered ").append(heard.getOrDefault(id, "nothing"))
                    .append(", ack log says ").append(ack == null ? "nothing" : ack.state());
        }
        return b.isEmpty() ? "" : "\nevidence:" + b;
    }

    /** Whether the live class path changed during the run: the children are immune, this JVM is not. */
    private static String classPathNote() {
        var changed = classPath.changedSince();
        return changed.isEmpty() ? "" : "\n(the live class path changed during the run; the children ran from a copy"
                + " taken before, but this JVM may have loaded classes from the new files: " + changed + ")";
    }

}
