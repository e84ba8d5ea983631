package io.heliosdb.core.crash;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child process of {@link SequenceCrashTest}: draws values from sequence {@code s} (two sessions,
 * one inside transactions it rolls back) and prints {@code VAL <n>} for each value handed out, until
 * the parent kills it. Arguments: data directory, engine name.
 */
public final class SequenceCrashChild {
    private static final int DRAWS = 1_000_000;

    private SequenceCrashChild() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        PrintStream out = System.out;
        try (HeliosDB db = CrashDatabases.open(data, args[1]);
             Session plain = db.session(); Session rolledBack = db.session()) {
            out.println("READY");
            out.flush();
            for (int i = 0; i < DRAWS; i++) {
                Session s = i % 2 == 0 ? plain : rolledBack;
                if (s == rolledBack) {
                    s.execute("begin").close();
                }
                Object value = s.execute("select nextval('s')").toList().get(0).get(0);
                if (s == rolledBack) {
                    s.execute("rollback").close();
                }
                out.println("VAL " + value);
                out.flush();
            }
        } catch (RuntimeException | Error e) {
            out.println("ERR " + e);
            out.flush();
        }
    }
}
