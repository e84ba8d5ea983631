package io.heliosdb.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** timetz keys order as PostgreSQL orders timetz (UTC time, then zone west first); rows keep time and offset. */
class TimeTzEncodingTest {
    private static final Random RANDOM = new Random(1266);
    /** PostgreSQL's timetz_cmp: time + zone (seconds west, unwrapped), then zone. */
    private static final Comparator<OffsetTime> POSTGRES_ORDER = Comparator
            .comparingLong((OffsetTime t) -> t.toLocalTime().toNanoOfDay() / 1000 - t.getOffset().getTotalSeconds() * 1_000_000L)
            .thenComparingInt(t -> -t.getOffset().getTotalSeconds());

    private static OffsetTime random() {
        LocalTime local = LocalTime.ofNanoOfDay((long) (RANDOM.nextDouble() * 86_400_000_000L) * 1000);
        int offset = (RANDOM.nextInt(61) - 30) * 1800;
        if (RANDOM.nextInt(4) == 0) {
            local = local.withNano(0).withSecond(0).withMinute(0); // many equal UTC times with other offsets
        }
        return OffsetTime.of(local, ZoneOffset.ofTotalSeconds(offset));
    }

    @Test
    void keys_orderAsPostgresTimetz() {
        List<OffsetTime> sample = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sample.add(random());
        }
        sample.add(OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHours(1)));
        sample.add(OffsetTime.of(11, 0, 0, 0, ZoneOffset.UTC));
        for (OffsetTime a : sample) {
            for (int j = 0; j < 50; j++) {
                OffsetTime b = sample.get(RANDOM.nextInt(sample.size()));
                int expected = Integer.signum(POSTGRES_ORDER.compare(a, b));
                int actual = Integer.signum(Arrays.compareUnsigned(KeyEncoder.encode(SqlType.TIMETZ, a),
                        KeyEncoder.encode(SqlType.TIMETZ, b)));
                assertThat(actual).as("%s vs %s", a, b).isEqualTo(expected);
            }
        }
        // 12:00+01 and 11:00+00 are the same instant; the eastern zone sorts first, as in PostgreSQL
        assertThat(Arrays.compareUnsigned(KeyEncoder.encode(SqlType.TIMETZ, OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHours(1))),
                KeyEncoder.encode(SqlType.TIMETZ, OffsetTime.of(11, 0, 0, 0, ZoneOffset.UTC)))).isNegative();
    }

    @Test
    void rows_keepLocalTimeAndOffset() {
        List<SqlType> types = List.of(SqlType.TIMETZ, SqlType.TIMETZ_ARRAY, SqlType.TIMETZ);
        Object[] row = {OffsetTime.of(23, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutesSeconds(-15, -59, -59)),
                Arrays.asList(OffsetTime.of(0, 0, 0, 0, ZoneOffset.ofHours(14)), null), null};
        assertThat(RowCodec.decode(types, RowCodec.encode(types, row))).containsExactly(row);
    }
}
