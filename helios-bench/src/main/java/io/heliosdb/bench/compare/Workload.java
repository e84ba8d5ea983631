package io.heliosdb.bench.compare;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workloads, each defined once and run unchanged on every system. An operation is what one
 * latency sample covers; {@link #rowsPerOperation} turns operations into the rows/s the report
 * shows for the 1,000-row transactions.
 */
public enum Workload {
    INSERT_AUTOCOMMIT("insert-autocommit", "single-row INSERT, autocommit", 1, Kind.OLTP),
    TX_1000("tx-1000", "1,000 single-row INSERTs per transaction (rows/s)", 1000, Kind.OLTP),
    TX_1000_BATCH("tx-1000-batch", "1,000-row transaction with JDBC batching (rows/s)", 1000, Kind.OLTP),
    POINT_SELECT("point-select", "prepared SELECT by primary key, uniform keys", 1, Kind.OLTP),
    ZIPF_POINT_SELECT("zipf-point-select", "prepared SELECT by primary key, zipfian keys (exponent 0.99); "
            + "every system caches within the same memory, a tenth of the data (ZipfMemory)", 1, Kind.OLTP),
    SCAN_AGGREGATE("scan-aggregate", "full-scan count/sum/avg", 1, Kind.ANALYTICS),
    GROUP_BY("group-by", "full-scan GROUP BY into 100 groups", 1, Kind.ANALYTICS),
    JOIN("join", "two-table join (rows/10 x rows), filter selects 100 rows", 1, Kind.ANALYTICS),
    DURABLE_1("durable-1", "durable single-row commits, 1 session", 1, Kind.DURABLE),
    DURABLE_4("durable-4", "durable single-row commits, 4 sessions", 1, Kind.DURABLE),
    DURABLE_16("durable-16", "durable single-row commits, 16 sessions", 1, Kind.DURABLE),
    PGBENCH_SELECT_SIMPLE_1("pgbench-select-simple-1", "pgbench select-only, simple protocol (-S -M simple -c 1 -j 1)",
            1, Kind.PGBENCH),
    PGBENCH_SELECT_SIMPLE_8("pgbench-select-simple-8", "pgbench select-only, simple protocol (-S -M simple -c 8 -j 2)",
            1, Kind.PGBENCH),
    PGBENCH_SELECT_PREPARED_1("pgbench-select-prepared-1",
            "pgbench select-only, prepared (-S -M prepared -c 1 -j 1)", 1, Kind.PGBENCH),
    PGBENCH_SELECT_PREPARED_8("pgbench-select-prepared-8",
            "pgbench select-only, prepared (-S -M prepared -c 8 -j 2)", 1, Kind.PGBENCH),
    PGBENCH_TPCB_1("pgbench-tpcb-1", "pgbench tpcb-like, durable, simple protocol (-M simple -c 1 -j 1)", 1,
            Kind.PGBENCH),
    PGBENCH_TPCB_8("pgbench-tpcb-8", "pgbench tpcb-like, durable, simple protocol (-M simple -c 8 -j 2)", 1,
            Kind.PGBENCH);

    /**
     * What a workload needs from a system: OLTP runs on every system but DuckDB; PGBENCH runs the real
     * pgbench against the systems that speak the PostgreSQL protocol and commit durably.
     */
    public enum Kind { OLTP, ANALYTICS, DURABLE, PGBENCH }

    static final String ITEMS_DDL =
            "CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, amount BIGINT NOT NULL, note VARCHAR(40))";
    static final String CUSTOMERS_DDL = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(40))";
    static final String INSERT_ITEM = "INSERT INTO items (id, grp, amount, note) VALUES (?, ?, ?, ?)";

    private final String id;
    private final String description;
    private final int rowsPerOperation;
    private final Kind kind;

    Workload(String id, String description, int rowsPerOperation, Kind kind) {
        this.id = id;
        this.description = description;
        this.rowsPerOperation = rowsPerOperation;
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public int rowsPerOperation() {
        return rowsPerOperation;
    }

    public Kind kind() {
        return kind;
    }

    public static Workload byId(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload: " + id);
    }

    /** The pgbench configuration of a {@link Kind#PGBENCH} workload, {@code null} for every other. */
    public PgbenchScript pgbench() {
        return switch (this) {
            case PGBENCH_SELECT_SIMPLE_1 -> new PgbenchScript(true, "simple", 1, 1);
            case PGBENCH_SELECT_SIMPLE_8 -> new PgbenchScript(true, "simple", 8, 2);
            case PGBENCH_SELECT_PREPARED_1 -> new PgbenchScript(true, "prepared", 1, 1);
            case PGBENCH_SELECT_PREPARED_8 -> new PgbenchScript(true, "prepared", 8, 2);
            case PGBENCH_TPCB_1 -> new PgbenchScript(false, "simple", 1, 1);
            case PGBENCH_TPCB_8 -> new PgbenchScript(false, "simple", 8, 2);
            default -> null;
        };
    }

    /** Sessions that run the workload at once. */
    public int sessions() {
        return switch (this) {
            case DURABLE_4 -> 4;
            case DURABLE_16 -> 16;
            default -> 1;
        };
    }

    /**
     * Whether the workload reads the pre-filled data set (items with {@code rows} rows, customers with
     * {@code rows/10}); every such workload reads the same data set, so a system's copy of it can be
     * built once per run ({@link DataSets}).
     */
    public boolean readsDataSet() {
        return switch (this) {
            case POINT_SELECT, ZIPF_POINT_SELECT, SCAN_AGGREGATE, GROUP_BY, JOIN -> true;
            default -> false;
        };
    }

    /**
     * Creates the tables on a fresh, empty database before the warm-up: the filled data set for the
     * reading workloads, an empty items table for the writing ones.
     */
    public void setUp(DbClient c, Scale scale) throws Exception {
        if (readsDataSet()) {
            loadDataSet(c, scale);
        } else {
            c.execute(ITEMS_DDL);
        }
    }

    /** The reading workloads' data set, loaded with each system's own bulk path ({@link BulkLoad}). */
    static void loadDataSet(DbClient c, Scale scale) throws Exception {
        c.execute(ITEMS_DDL);
        c.execute(CUSTOMERS_DDL);
        BulkLoad.items(c, scale);
    }

    /**
     * The operation one session repeats. {@code ids} hands out fresh primary keys to inserting
     * workloads (shared by all sessions of a run, so keys never collide).
     */
    public Operation operation(DbClient c, Scale scale, AtomicLong ids, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        return switch (this) {
            case INSERT_AUTOCOMMIT, DURABLE_1, DURABLE_4, DURABLE_16 -> {
                DbClient.Stmt insert = c.prepare(INSERT_ITEM);
                yield () -> {
                    long id = ids.getAndIncrement();
                    insert.update((int) id, (int) (id % 100), id, "n");
                };
            }
            case TX_1000, TX_1000_BATCH -> {
                DbClient.Stmt insert = c.prepare(INSERT_ITEM);
                boolean batched = this == TX_1000_BATCH;
                yield () -> {
                    long first = ids.getAndAdd(1000);
                    c.begin();
                    for (long id = first; id < first + 1000; id++) {
                        if (batched) {
                            insert.addBatch((int) id, (int) (id % 100), id, "n");
                        } else {
                            insert.update((int) id, (int) (id % 100), id, "n");
                        }
                    }
                    if (batched) {
                        insert.executeBatch();
                    }
                    c.commit();
                };
            }
            case POINT_SELECT -> {
                DbClient.Stmt select = c.prepare("SELECT id, grp, amount, note FROM items WHERE id = ?");
                yield () -> expectRows(select.query(random.nextInt(scale.rows())), 1);
            }
            case ZIPF_POINT_SELECT -> {
                DbClient.Stmt select = c.prepare("SELECT id, grp, amount, note FROM items WHERE id = ?");
                ZipfKeys keys = new ZipfKeys(scale.rows(), seed);
                yield () -> expectRows(select.query(keys.next()), 1);
            }
            // A comment that changes every time defeats result caches of identical query text (H2).
            case SCAN_AGGREGATE -> {
                AtomicLong n = new AtomicLong();
                yield () -> expectRows(c.query("SELECT /* run " + n.incrementAndGet()
                        + " */ count(*), sum(amount), avg(amount) FROM items"), 1);
            }
            case GROUP_BY -> {
                AtomicLong n = new AtomicLong();
                yield () -> expectRows(c.query("SELECT /* run " + n.incrementAndGet()
                        + " */ grp, count(*), sum(amount) FROM items GROUP BY grp"), 100);
            }
            case JOIN -> {
                DbClient.Stmt join = c.prepare("SELECT o.id, o.amount, c.name FROM items o JOIN customers c"
                        + " ON c.id = o.grp WHERE o.id BETWEEN ? AND ?");
                yield () -> {
                    int from = random.nextInt(scale.rows() - 100);
                    expectRows(join.query(from, from + 99), 100);
                };
            }
            // pgbench drives its own connections (PgbenchRun); there is no per-operation call here.
            case PGBENCH_SELECT_SIMPLE_1, PGBENCH_SELECT_SIMPLE_8, PGBENCH_SELECT_PREPARED_1, PGBENCH_SELECT_PREPARED_8,
                 PGBENCH_TPCB_1, PGBENCH_TPCB_8 -> throw new IllegalStateException(id + " runs through pgbench");
        };
    }

    private static void expectRows(long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " rows but read " + actual);
        }
    }

    /** One repetition of a workload. */
    @FunctionalInterface
    public interface Operation {
        void run() throws Exception;
    }
}
