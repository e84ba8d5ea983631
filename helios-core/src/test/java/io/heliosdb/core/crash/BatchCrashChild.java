package io.heliosdb.core.crash;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.Session;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link BatchCrashTest}: inserts batches of {@value #ROWS} ascending keys into
 * {@code b} (batch n holds ids n*ROWS .. n*ROWS+ROWS-1), every other one inside BEGIN ... COMMIT and the others
 * as a transaction of their own, and prints {@code ACK <n>} once the commit returned, until the parent kills
 * it. Arguments: data directory, engine name, first batch number.
 */
public final class BatchCrashChild {
    static final int ROWS = 500;

    private BatchCrashChild() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        long first = Long.parseLong(args[2]);
        PrintStream out = System.out;
        try (HeliosDB db = CrashDatabases.open(data, args[1]);
             Session s = db.session(); PreparedQuery insert = s.prepare("insert into b values ($1, $2)")) {
            out.println("READY");
            out.flush();
            for (long n = first; n < first + 100_000; n++) {
                List<Object[]> entries = new ArrayList<>(ROWS);
                for (long id = n * ROWS; id < (n + 1) * ROWS; id++) {
                    entries.add(new Object[] {id, n});
                }
                boolean block = n % 2 == 0;
                if (block) {
                    s.execute("begin").close();
                }
                insert.executeBatch(entries);
                if (block) {
                    s.execute("commit").close();
                }
                out.println("ACK " + n);
                out.flush();
            }
        } catch (RuntimeException | Error e) {
            out.println("ERR " + e);
            out.flush();
        }
    }
}
