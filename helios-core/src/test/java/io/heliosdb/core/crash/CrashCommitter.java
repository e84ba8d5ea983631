package io.heliosdb.core.crash;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.core.KernelDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The child process of {@link KernelCrashTest}: opens the database through the public API and runs
 * {@link OrderShape#THREADS} committer threads, each printing {@code ACK <id> ok} only after its
 * COMMIT returned, until the parent kills it. Every {@link OrderShape#DELETE_EVERY}th commit of a
 * thread deletes one of its earlier orders instead ({@code DEL <id> ok}), and a vacuum thread
 * reclaims old versions all the time. Arguments: data directory, engine name, first id, and the
 * {@link AckLog} file, where every acknowledgement is written before it is printed: the parent audits
 * against that file and uses stdout only to pace the kill.
 */
public final class CrashCommitter {
    /** Far more than any test waits for; the parent kills the child long before. */
    private static final int COMMITS_PER_THREAD = 100_000;

    /** Where every acknowledgement is recorded before it is printed. */
    private static AckLog ackLog;

    private CrashCommitter() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        String engine = args[1];
        int firstId = Integer.parseInt(args[2]);
        ackLog = AckLog.append(Path.of(args[3]));
        PrintStream out = System.out;
        HeliosDB db = CrashDatabases.open(data, engine);
        out.println("READY");
        out.flush();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < OrderShape.THREADS; t++) {
            int thread = t;
            Thread committer = new Thread(() -> commitForever(db, thread, firstId, out), "committer-" + t);
            threads.add(committer);
            committer.start();
        }
        Thread vacuum = new Thread(() -> vacuumForever(db, out), "vacuum");
        vacuum.setDaemon(true);
        vacuum.start();
        for (Thread t : threads) {
            t.join();
        }
        db.close();
    }

    private static void commitForever(HeliosDB db, int thread, int firstId, PrintStream out) {
        try (Session s = db.session()) {
            for (int k = 0; k < COMMITS_PER_THREAD; k++) {
                if (OrderShape.deletes(k)) {
                    deleteOrder(s, OrderShape.id(firstId, thread, k - 2), thread, out);
                    continue;
                }
                int id = OrderShape.id(firstId, thread, k);
                s.execute("begin").close();
                s.execute(OrderShape.INSERT_ORDER, id, thread, OrderShape.lineCount(id), OrderShape.total(id)).close();
                for (int line = 1; line <= OrderShape.lineCount(id); line++) {
                    s.execute(OrderShape.INSERT_LINE, id, line, OrderShape.amount(id, line)).close();
                }
                s.execute(OrderShape.ADD_TO_STATS, (long) OrderShape.total(id), thread).close();
                s.execute("commit").close();
                if (!acknowledge(out, "ACK " + id)) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            // Any failure is a finding: the parent fails the test with this line and the child's stderr.
            out.println("ERR thread " + thread + ": " + e);
            out.flush();
            e.printStackTrace();
        }
    }

    /** Deletes an order acknowledged earlier, with its lines and its share of the stats, in one transaction. */
    private static void deleteOrder(Session s, int id, int thread, PrintStream out) {
        // Announced first: once this line is out, the parent no longer expects the order to survive.
        acknowledge(out, "DELETING " + id);
        s.execute("begin").close();
        s.execute(OrderShape.DELETE_LINES, id).close();
        s.execute(OrderShape.DELETE_ORDER, id).close();
        s.execute(OrderShape.TAKE_FROM_STATS, (long) OrderShape.total(id), thread).close();
        s.execute("commit").close();
        acknowledge(out, "DEL " + id);
    }

    /** Records an acknowledgement, then prints it; false when the parent is gone. */
    private static boolean acknowledge(PrintStream out, String what) {
        ackLog.write(what + " ok");
        out.println(what + " ok");
        out.flush();
        return !out.checkError();
    }

    /**
     * Reclaims old versions all the time (not every 5 s as in production), so kills also land in the
     * middle of a vacuum pass and the stats rows, updated by every commit, always have history to reclaim.
     */
    private static void vacuumForever(HeliosDB db, PrintStream out) {
        if (!(db instanceof KernelDatabase kernel)) {
            return;
        }
        try {
            while (true) {
                kernel.vacuum();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // pacing, not synchronisation
            }
        } catch (RuntimeException e) {
            out.println("ERR vacuum: " + e);
            out.flush();
            e.printStackTrace();
        }
    }
}
