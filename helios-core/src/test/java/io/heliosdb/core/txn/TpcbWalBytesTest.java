package io.heliosdb.core.txn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.core.KernelDatabase;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a pgbench tpcb-like transaction writes to storage: the tables made as {@code pgbench -i} makes them (no key,
 * loaded, then ALTER TABLE ... ADD PRIMARY KEY), then tpcb transactions; every commit's batch is tallied by
 * keyspace. Three updates and one insert of short rows must stay well under a kilobyte and a half.
 */
class TpcbWalBytesTest {
    private static final int BRANCHES = 2;
    private static final int TELLERS = 10 * BRANCHES;
    /** {@code -Dtpcb.accounts=500000} for scale 5 (a hand-run measurement of the vacuum after the load). */
    private static final int ACCOUNTS = Integer.getInteger("tpcb.accounts", 2_000);
    private static final int TRANSACTIONS = 200;

    /** Bytes and operations written, by kind of write and keyspace. */
    private static final class Tally extends ForwardingStorageEngine {
        final Map<String, long[]> bytes = new TreeMap<>();
        volatile boolean on;
        long syncWrites;
        long writes;

        Tally(StorageEngine delegate) {
            super(delegate);
        }

        @Override
        public synchronized void write(WriteBatch batch, boolean sync) {
            if (on) {
                writes++;
                if (sync) {
                    syncWrites++;
                }
                for (WriteBatch.Op op : batch.ops()) {
                    long[] t = bytes.computeIfAbsent((sync ? "commit " : "other ") + op.keyspace()
                            + (op.isDelete() ? " delete" : " put"), k -> new long[2]);
                    t[0] += op.key().length + (op.isDelete() ? 0 : op.valueLength());
                    t[1]++;
                }
            }
            super.write(batch, sync);
        }

        synchronized long commitBytes() {
            return bytes.entrySet().stream().filter(e -> e.getKey().startsWith("commit "))
                    .mapToLong(e -> e.getValue()[0]).sum();
        }
    }

    @Test
    void aTpcbCommitWritesLessThanAKilobyteAndAHalf(@TempDir Path dir) throws Exception {
        HeliosConfig config = HeliosConfig.persistent(dir);
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("rocksdb")).findFirst().orElseThrow();
        Tally engine = new Tally(provider.open(config.storage()));
        try (KernelDatabase db = new KernelDatabase(config, DeploymentMode.EMBEDDED, engine, null);
             Session s = db.session()) {
            load(s);
            // The load's ALTER TABLE ... ADD PRIMARY KEY rewrote every row: a deletion marker and a history version
            // each, which the vacuum removes; what that costs and writes.
            engine.on = true;
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            VersionVacuum.Result swept = db.vacuum();
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            engine.on = false;
            System.out.printf("vacuum after load: %s, %.1f ms CPU, %d writes%n", swept, cpu / 1e6, engine.writes);
            synchronized (engine) {
                engine.bytes.clear();
                engine.writes = 0;
            }
            engine.on = true;
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < TRANSACTIONS; i++) {
                int aid = 1 + random.nextInt(ACCOUNTS);
                int tid = 1 + random.nextInt(TELLERS);
                int bid = 1 + random.nextInt(BRANCHES);
                int delta = random.nextInt(-5000, 5001);
                run(s, "BEGIN");
                run(s, "UPDATE pgbench_accounts SET abalance = abalance + " + delta + " WHERE aid = " + aid);
                run(s, "SELECT abalance FROM pgbench_accounts WHERE aid = " + aid);
                run(s, "UPDATE pgbench_tellers SET tbalance = tbalance + " + delta + " WHERE tid = " + tid);
                run(s, "UPDATE pgbench_branches SET bbalance = bbalance + " + delta + " WHERE bid = " + bid);
                run(s, "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (" + tid + ", " + bid + ", "
                        + aid + ", " + delta + ", CURRENT_TIMESTAMP)");
                run(s, "END");
            }
            engine.on = false;
            synchronized (engine) {
                engine.bytes.forEach((k, t) -> System.out.printf("%-32s %8.1f bytes/tx %6.2f ops/tx%n", k,
                        (double) t[0] / TRANSACTIONS, (double) t[1] / TRANSACTIONS));
            }
            double perCommit = (double) engine.commitBytes() / TRANSACTIONS;
            System.out.printf("commit bytes/tx %.1f, synced writes %d%n", perCommit, engine.syncWrites);
            assertTrue(perCommit < 1536, "a tpcb commit wrote " + perCommit + " bytes");
        }
    }

    /** As pgbench -i: tables without keys, rows, then the primary keys. */
    private static void load(Session s) {
        run(s, "CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))");
        run(s, "CREATE TABLE pgbench_tellers (tid int not null, bid int, tbalance int, filler char(84))"
                + " WITH (fillfactor=100)");
        run(s, "CREATE TABLE pgbench_accounts (aid int not null, bid int, abalance int, filler char(84))"
                + " WITH (fillfactor=100)");
        run(s, "CREATE TABLE pgbench_branches (bid int not null, bbalance int, filler char(88))"
                + " WITH (fillfactor=100)");
        for (int b = 1; b <= BRANCHES; b++) {
            run(s, "INSERT INTO pgbench_branches (bid, bbalance) VALUES (" + b + ", 0)");
        }
        for (int t = 1; t <= TELLERS; t++) {
            run(s, "INSERT INTO pgbench_tellers (tid, bid, tbalance) VALUES (" + t + ", " + ((t - 1) / 10 + 1) + ", 0)");
        }
        StringBuilder accounts = new StringBuilder();
        for (int a = 1; a <= ACCOUNTS; a++) {
            accounts.append(a).append('\t').append((a - 1) / 100_000 + 1).append("\t0\t\n");
        }
        s.copyIn("COPY pgbench_accounts FROM STDIN", new StringReader(accounts.toString()));
        run(s, "ALTER TABLE pgbench_branches ADD PRIMARY KEY (bid)");
        run(s, "ALTER TABLE pgbench_tellers ADD PRIMARY KEY (tid)");
        run(s, "ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)");
    }

    private static void run(Session s, String sql) {
        try (QueryResult r = s.execute(sql)) {
            while (r.next()) {
                r.row();
            }
        }
    }
}
