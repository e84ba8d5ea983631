package io.heliosdb.bench.compare;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the pgbench the harness runs: PostgreSQL 15's own (next to the pg_ctl the harness starts,
 * {@code --pg-bin}), else the first {@code pgbench} on PATH (Debian's wrapper picks a version).
 */
final class PgbenchBinary {
    /** The harness passes its {@code --pg-bin} to each run's JVM under this property. */
    static final String PG_BIN_PROPERTY = "helios.bench.pgbin";

    private PgbenchBinary() {
    }

    /** The pgbench to run, or {@code null} when none is installed. */
    static Path find() {
        return find(Path.of(System.getProperty(PG_BIN_PROPERTY, PostgresCluster.DEFAULT_BIN.toString())),
                System.getenv("PATH"));
    }

    static Path find(Path pgBin, String searchPath) {
        Path own = pgBin.resolve("pgbench");
        if (Files.isExecutable(own)) {
            return own;
        }
        if (searchPath != null) {
            for (String dir : searchPath.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pgbench"))) {
                    return Path.of(dir, "pgbench");
                }
            }
        }
        return null;
    }

    /** Why pgbench workloads cannot run here, or {@code null} when pgbench is installed. */
    static String missing() {
        return find() == null ? "pgbench not installed (apt-get install postgresql-client-15)" : null;
    }
}
