package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU time and allocation per row of the {@code tx-1000-batch} workload over the PostgreSQL protocol: pgJDBC's
 * executeBatch of 1,000 single-row INSERTs, then COMMIT, against HeliosDB Server in this JVM. Two variants of the
 * same server, interleaved round by round on fresh connections: {@code batched} (pipelined Bind/Execute run as
 * batches of the session, helios-wire's default) and {@code row-by-row} ({@code -Dhelios.wire.pipelinedBatches=false},
 * read when a connection opens). Thread CPU from /proc by thread group (client = the pgJDBC thread, server-worker =
 * the connection's worker), medians of the rounds: steady on a loaded machine, unlike rows per second.
 *
 * <pre>java -XX:+AlwaysPreTouch -cp helios-bench/target/benchmarks.jar io.heliosdb.bench.compare.WireBatchCostMain
 *     [--engine rocksdb|memory] [--rounds 5] [--transactions 40] [--warmup 100]</pre>
 */
public final class WireBatchCostMain {
    private static final String PIPELINED_BATCHES = "helios.wire.pipelinedBatches";
    private static final int ROWS_PER_TRANSACTION = 1000;

    private WireBatchCostMain() {
    }

    public static void main(String[] args) throws Exception {
        String engine = "rocksdb";
        int rounds = 5;
        int transactions = 40;
        int warmup = 100;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engine" -> engine = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--transactions" -> transactions = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: WireBatchCostMain [--engine rocksdb|memory] [--rounds N]"
                            + " [--transactions N] [--warmup N]");
                    System.exit(2);
                }
            }
        }
        if (!ThreadCosts.available()) {
            System.err.println("wire-batch-cost: needs Linux /proc");
            System.exit(1);
        }
        Path dir = engine.equals("memory") ? null : Files.createTempDirectory("wire-batch-cost");
        HeliosConfig config = dir == null ? HeliosConfig.memory() : HeliosConfig.persistent(dir.resolve("db"));
        HeliosDB helios = HeliosDB.serve(config.withServer(config.server().withPort(0).withListenAddr("127.0.0.1")));
        Map<String, List<Map<String, Double>>> results = new LinkedHashMap<>();
        AtomicLong ids = new AtomicLong();
        try {
            String url = "jdbc:postgresql://127.0.0.1:" + helios.transports().get(0).port() + "/postgres";
            try (Connection c = DriverManager.getConnection(url, PgJdbc.properties(PostgresCluster.USER));
                 Statement s = c.createStatement()) {
                s.execute(Workload.ITEMS_DDL);
            }
            for (int round = 0; round < rounds; round++) {
                // A B, then B A: neither variant always runs on the warmer JVM.
                boolean batchedFirst = round % 2 == 0;
                for (boolean batched : batchedFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    if (!batched) {
                        System.setProperty(PIPELINED_BATCHES, "false");
                    }
                    try {
                        results.computeIfAbsent(batched ? "batched" : "row-by-row", k -> new ArrayList<>())
                                .add(measure(url, ids, warmup, transactions));
                    } finally {
                        System.clearProperty(PIPELINED_BATCHES);
                    }
                }
            }
        } finally {
            helios.close();
        }
        print(engine, results, transactions);
    }

    private static Map<String, Double> measure(String url, AtomicLong ids, int warmup, int transactions)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, PgJdbc.properties(PostgresCluster.USER));
             PreparedStatement insert = c.prepareStatement(Workload.INSERT_ITEM)) {
            c.setAutoCommit(false);
            run(c, insert, ids, warmup);
            long clientTid = ThreadCosts.currentTid();
            Map<Long, ThreadAllocations.Named> allocatedBefore = ThreadAllocations.available()
                    ? ThreadAllocations.snapshot() : Map.of();
            Map<Long, ThreadCosts.Named> before = ThreadCosts.threadsOfThisProcess();
            long start = System.nanoTime();
            run(c, insert, ids, transactions);
            long elapsed = System.nanoTime() - start;
            Map<Long, ThreadCosts.Named> after = ThreadCosts.threadsOfThisProcess();
            double rows = (double) transactions * ROWS_PER_TRANSACTION;
            Map<String, Double> out = new LinkedHashMap<>();
            Map<String, Long> cpu = new LinkedHashMap<>();
            after.forEach((tid, now) -> {
                ThreadCosts.Named then = before.get(tid);
                long nanos = now.costs().cpuNanos() - (then == null ? 0 : then.costs().cpuNanos());
                cpu.merge(WireCostMain.group(tid == clientTid, now.name()), nanos, Long::sum);
            });
            long total = 0;
            for (Map.Entry<String, Long> e : cpu.entrySet()) {
                out.put("cpu-ns " + e.getKey(), e.getValue() / rows);
                if (!e.getKey().equals("jit")) {
                    total += e.getValue();
                }
            }
            out.put("cpu-ns TOTAL", total / rows);
            if (!allocatedBefore.isEmpty()) {
                long clientId = Thread.currentThread().getId();
                Map<String, Long> allocated = new LinkedHashMap<>();
                ThreadAllocations.snapshot().forEach((id, now) -> {
                    ThreadAllocations.Named then = allocatedBefore.get(id);
                    String group = WireCostMain.group(id == clientId, now.name());
                    if (group.startsWith("server") || group.equals("client")) {
                        allocated.merge(group, now.bytes() - (then == null ? 0 : then.bytes()), Long::sum);
                    }
                });
                allocated.forEach((group, bytes) -> out.put("alloc-B " + group, bytes / rows));
            }
            out.put("wall rows/s (load-sensitive)", rows * 1e9 / elapsed);
            return out;
        }
    }

    private static void run(Connection c, PreparedStatement insert, AtomicLong ids, int transactions)
            throws SQLException {
        for (int t = 0; t < transactions; t++) {
            long first = ids.getAndAdd(ROWS_PER_TRANSACTION);
            for (long id = first; id < first + ROWS_PER_TRANSACTION; id++) {
                insert.setInt(1, (int) id);
                insert.setInt(2, (int) (id % 100));
                insert.setLong(3, id);
                insert.setString(4, "n");
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    private static void print(String engine, Map<String, List<Map<String, Double>>> results, int transactions) {
        System.out.printf(Locale.ROOT, "tx-1000-batch over pgJDBC, Server (%s), %d transactions per round, median of"
                + " %d rounds (per row)%n", engine, transactions, results.values().iterator().next().size());
        List<String> keys = new ArrayList<>();
        results.values().forEach(rounds -> rounds.forEach(r -> r.keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        })));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-30s", "per row"));
        results.keySet().forEach(t -> header.append(String.format(Locale.ROOT, " %12s", t)));
        header.append(String.format(Locale.ROOT, " %12s", "ratio"));
        System.out.println(header);
        for (String key : keys) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s", key));
            List<Double> medians = new ArrayList<>();
            for (List<Map<String, Double>> rounds : results.values()) {
                List<Double> values = rounds.stream().map(r -> r.get(key)).filter(v -> v != null).sorted().toList();
                double median = values.isEmpty() ? Double.NaN : values.get(values.size() / 2);
                medians.add(median);
                line.append(String.format(Locale.ROOT, " %12.1f", median));
            }
            if (medians.size() == 2) {
                line.append(String.format(Locale.ROOT, " %12.3f", medians.get(0) / medians.get(1)));
            }
            System.out.println(line);
        }
    }
}
