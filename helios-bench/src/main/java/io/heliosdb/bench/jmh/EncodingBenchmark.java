package io.heliosdb.bench.jmh;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.encoding.KeyEncoder;
import io.heliosdb.core.encoding.RowCodec;
import java.math.BigDecimal;
import java.util.List;
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

/** Key and row encoding, the two byte-level conversions on every read and write. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncodingBenchmark {
    private static final List<SqlType> KEY_TYPES = List.of(SqlType.BIGINT);
    private static final List<SqlType> COMPOSITE_KEY_TYPES = List.of(SqlType.INTEGER, SqlType.TEXT);
    private static final List<SqlType> ROW_TYPES =
            List.of(SqlType.BIGINT, SqlType.TEXT, SqlType.INTEGER, SqlType.DOUBLE, SqlType.NUMERIC);

    private long key;
    private Object[] row;
    private byte[] encodedRow;

    @Setup
    public void setUp() {
        key = 123_456_789L;
        row = new Object[] {42L, "customer-000042", 7, 3.25, new BigDecimal("1234.56")};
        encodedRow = RowCodec.encode(ROW_TYPES, row);
    }

    @Benchmark
    public byte[] bigintKey() {
        return KeyEncoder.encode(KEY_TYPES, new Object[] {key++});
    }

    @Benchmark
    public byte[] compositeKey() {
        return KeyEncoder.encode(COMPOSITE_KEY_TYPES, new Object[] {(int) key++, "region-eu-west"});
    }

    @Benchmark
    public byte[] encodeRow() {
        return RowCodec.encode(ROW_TYPES, row);
    }

    @Benchmark
    public Object[] decodeRow() {
        return RowCodec.decode(ROW_TYPES, encodedRow);
    }
}
