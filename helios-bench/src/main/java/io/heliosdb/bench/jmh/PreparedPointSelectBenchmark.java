package io.heliosdb.bench.jmh;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** A prepared point SELECT by primary key, end to end through the embedded API in Memory-only mode. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PreparedPointSelectBenchmark {
    @Param("100000")
    public int rows;

    private HeliosDB db;
    private Session session;
    private PreparedQuery select;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup(Level.Trial)
    public void open() {
        db = HeliosDB.inMemory();
        session = db.session();
        session.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, name TEXT, balance BIGINT)").close();
        try (PreparedQuery insert = session.prepare("INSERT INTO accounts VALUES ($1, $2, $3)")) {
            for (int start = 0; start < rows; start += 1000) {
                session.execute("BEGIN").close();
                for (long id = start; id < Math.min(rows, start + 1000); id++) {
                    insert.execute(id, "name-" + id, id * 10).close();
                }
                session.execute("COMMIT").close();
            }
        }
        select = session.prepare("SELECT id, name, balance FROM accounts WHERE id = $1");
    }

    @TearDown(Level.Trial)
    public void close() {
        select.close();
        session.close();
        db.close();
    }

    @Benchmark
    public Object pointSelect() {
        try (QueryResult result = select.execute((long) random.nextInt(rows))) {
            return result.next() ? result.row().get(1) : null;
        }
    }
}
