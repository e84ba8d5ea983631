package io.heliosdb.bench.jmh;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.SqlEngine;
import io.heliosdb.sql.StatementPlan;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing and planning of a point query: what an unprepared statement pays before it runs. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParsePlanBenchmark {
    static final String POINT_QUERY = "SELECT id, name, balance FROM accounts WHERE id = $1";

    private SchemaLookup schema;
    private ParsedStatement parsed;

    @Setup
    public void setUp() {
        TableDef accounts = new TableDef(1, "accounts", List.of(
                new ColumnDef("id", SqlType.BIGINT, -1, true, null),
                new ColumnDef("name", SqlType.TEXT, -1, false, null),
                new ColumnDef("balance", SqlType.BIGINT, -1, false, null)), List.of(0));
        schema = name -> name.equals("accounts") ? Optional.of(accounts) : Optional.empty();
        parsed = SqlEngine.parse(POINT_QUERY).get(0);
    }

    @Benchmark
    public List<ParsedStatement> parse() {
        return SqlEngine.parse(POINT_QUERY);
    }

    @Benchmark
    public StatementPlan plan() {
        return SqlEngine.plan(parsed, schema, List.of());
    }

    @Benchmark
    public StatementPlan parseAndPlan() {
        return SqlEngine.plan(SqlEngine.parse(POINT_QUERY).get(0), schema, List.of());
    }
}
