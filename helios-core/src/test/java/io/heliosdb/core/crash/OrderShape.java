package io.heliosdb.core.crash;

/**
 * The crash workload's data: each transaction inserts one order, its lines, and adds the order to
 * its committer's row in {@code thread_stats}. The lines of an order are a pure function of its id,
 * so the audit can check not only that parts of a transaction appear together but that they hold
 * exactly what was written.
 */
public final class OrderShape {
    public static final String[] SCHEMA = {
        "create table orders (id int primary key, thread int, nlines int, total int)",
        "create table order_lines (order_id int, line int, amount int, primary key (order_id, line))",
        "create table thread_stats (thread int primary key, orders int, amount bigint)",
    };
    static final String INSERT_ORDER = "insert into orders (id, thread, nlines, total) values ($1, $2, $3, $4)";
    static final String INSERT_LINE = "insert into order_lines (order_id, line, amount) values ($1, $2, $3)";
    static final String ADD_TO_STATS =
            "update thread_stats set orders = orders + 1, amount = amount + $1 where thread = $2";
    static final String DELETE_LINES = "delete from order_lines where order_id = $1";
    static final String DELETE_ORDER = "delete from orders where id = $1";
    static final String TAKE_FROM_STATS =
            "update thread_stats set orders = orders - 1, amount = amount - $1 where thread = $2";
    /** Every this many commits, a thread deletes one of its earlier orders instead of inserting one. */
    static final int DELETE_EVERY = 5;
    /** Committer threads per child: enough for commits to share a sync. */
    public static final int THREADS = 3;

    private OrderShape() {
    }

    /** The SQL that seeds one stats row per committer thread. */
    public static String seedStats(int thread) {
        return "insert into thread_stats (thread, orders, amount) values (" + thread + ", 0, 0)";
    }

    static int lineCount(int id) {
        return 1 + (int) (mix(id) & 3);
    }

    /** The amount of line {@code line} (1-based) of order {@code id}: 1..1000. */
    static int amount(int id, int line) {
        return 1 + (int) Long.remainderUnsigned(mix(id * 31L + line), 1000);
    }

    static int total(int id) {
        int total = 0;
        for (int line = 1; line <= lineCount(id); line++) {
            total += amount(id, line);
        }
        return total;
    }

    /** The id a thread uses for its {@code k}-th commit in a child started at {@code firstId}. */
    static int id(int firstId, int thread, int k) {
        return firstId + k * THREADS + thread;
    }

    /** Whether a thread's {@code k}-th commit deletes (the order of its {@code k - 2}-th) rather than inserts. */
    static boolean deletes(int k) {
        return k % DELETE_EVERY == DELETE_EVERY - 1;
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }
}
