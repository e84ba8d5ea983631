package io.heliosdb.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyEncoderTest {
    private static final Random RANDOM = new Random(20240601);

    private static int signum(int v) {
        return Integer.signum(v);
    }

    /** Every pair of values compares the same way encoded (as unsigned bytes) as typed. */
    private static <T> void assertOrderPreserved(SqlType type, Supplier<T> values, Comparator<T> order) {
        List<T> sample = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            sample.add(values.get());
        }
        for (int i = 0; i < sample.size(); i++) {
            for (int j = 0; j < 40; j++) {
                T a = sample.get(i);
                T b = sample.get(RANDOM.nextInt(sample.size()));
                int expected = signum(order.compare(a, b));
                int actual = signum(Arrays.compareUnsigned(KeyEncoder.encode(type, a), KeyEncoder.encode(type, b)));
                assertThat(actual).as("%s %s vs %s", type, a, b).isEqualTo(expected);
            }
        }
    }

    private static long edgy(long min, long max) {
        return switch (RANDOM.nextInt(6)) {
            case 0 -> min;
            case 1 -> max;
            case 2 -> 0;
            case 3 -> RANDOM.nextInt(21) - 10;
            default -> min + (long) (RANDOM.nextDouble() * ((double) max - (double) min));
        };
    }

    @Test
    void integers_keepOrder() {
        assertOrderPreserved(SqlType.SMALLINT, () -> (short) edgy(Short.MIN_VALUE, Short.MAX_VALUE), Short::compare);
        assertOrderPreserved(SqlType.INTEGER, () -> (int) edgy(Integer.MIN_VALUE, Integer.MAX_VALUE),
                Integer::compare);
        assertOrderPreserved(SqlType.BIGINT, () -> RANDOM.nextInt(4) == 0 ? edgy(Long.MIN_VALUE, Long.MAX_VALUE)
                : RANDOM.nextLong(), Long::compare);
    }

    @Test
    void floats_keepOrderIncludingInfinitiesAndNaN() {
        double[] specials = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, 0.0, -0.0,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        Comparator<Double> sqlOrder = (a, b) -> a == 0.0 && b == 0.0 ? 0 : Double.compare(a, b);
        assertOrderPreserved(SqlType.DOUBLE, () -> RANDOM.nextInt(5) == 0 ? specials[RANDOM.nextInt(specials.length)]
                : (RANDOM.nextDouble() - 0.5) * Math.pow(10, RANDOM.nextInt(40) - 20), sqlOrder);
        Comparator<Float> sqlFloatOrder = (a, b) -> a == 0.0f && b == 0.0f ? 0 : Float.compare(a, b);
        assertOrderPreserved(SqlType.REAL, () -> RANDOM.nextInt(5) == 0 ? (float) specials[RANDOM.nextInt(
                specials.length)] : (float) ((RANDOM.nextDouble() - 0.5) * Math.pow(10, RANDOM.nextInt(20) - 10)),
                sqlFloatOrder);
    }

    @Test
    void negativeZero_encodesAsZero() {
        assertThat(KeyEncoder.encode(SqlType.DOUBLE, -0.0)).isEqualTo(KeyEncoder.encode(SqlType.DOUBLE, 0.0));
    }

    @Test
    void numeric_keepsOrder() {
        assertThat(Arrays.compareUnsigned(num("1.5"), num("1.55"))).isNegative();
        assertThat(Arrays.compareUnsigned(num("1.55"), num("2"))).isNegative();
        assertThat(Arrays.compareUnsigned(num("-2"), num("-1.55"))).isNegative();
        assertThat(Arrays.compareUnsigned(num("-1.55"), num("-1.5"))).isNegative();
        assertThat(Arrays.compareUnsigned(num("-0.001"), num("0"))).isNegative();
        assertThat(num("1.50")).isEqualTo(num("1.5"));
        assertThat(num("100")).isEqualTo(num("1E+2"));
        assertOrderPreserved(SqlType.NUMERIC, () -> {
            BigInteger unscaled = new BigInteger(RANDOM.nextInt(80) + 1, RANDOM);
            if (RANDOM.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            return new BigDecimal(unscaled, RANDOM.nextInt(40) - 20);
        }, BigDecimal::compareTo);
    }

    private static byte[] num(String s) {
        return KeyEncoder.encode(SqlType.NUMERIC, new BigDecimal(s));
    }

    private static String randomText() {
        StringBuilder sb = new StringBuilder();
        int n = RANDOM.nextInt(6);
        for (int i = 0; i < n; i++) {
            int kind = RANDOM.nextInt(10);
            if (kind == 0) {
                sb.append('\0');
            } else if (kind == 1) {
                sb.appendCodePoint(0x1F600 + RANDOM.nextInt(50));
            } else if (kind == 2) {
                sb.append((char) (0xE000 + RANDOM.nextInt(100)));
            } else if (kind == 3) {
                sb.append((char) 0xFF);
            } else {
                sb.append((char) ('a' + RANDOM.nextInt(3)));
            }
        }
        return sb.toString();
    }

    @Test
    void text_keepsByteOrderWithEmbeddedZeros() {
        Comparator<String> utf8Order = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
        assertOrderPreserved(SqlType.TEXT, KeyEncoderTest::randomText, utf8Order);
        assertOrderPreserved(SqlType.VARCHAR, KeyEncoderTest::randomText, utf8Order);
    }

    @Test
    void datesAndTimestamps_keepOrder() {
        assertOrderPreserved(SqlType.DATE, () -> LocalDate.ofEpochDay(RANDOM.nextInt(2_000_000) - 1_000_000),
                LocalDate::compareTo);
        assertOrderPreserved(SqlType.TIMESTAMP, () -> LocalDateTime.of(1900 + RANDOM.nextInt(300),
                1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), RANDOM.nextInt(24), RANDOM.nextInt(60),
                RANDOM.nextInt(60), RANDOM.nextInt(1_000_000) * 1000), LocalDateTime::compareTo);
    }

    @Test
    void booleans_falseBeforeTrue() {
        assertOrderPreserved(SqlType.BOOLEAN, RANDOM::nextBoolean, Boolean::compare);
    }

    @Test
    void compositeKeys_compareColumnByColumn() {
        List<SqlType> types = List.of(SqlType.TEXT, SqlType.SMALLINT, SqlType.NUMERIC);
        List<Object[]> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(new Object[] {randomText(), (short) edgy(Short.MIN_VALUE, Short.MAX_VALUE),
                    BigDecimal.valueOf(RANDOM.nextInt(2001) - 1000, RANDOM.nextInt(3))});
        }
        Comparator<Object[]> order = Comparator
                .comparing((Object[] k) -> ((String) k[0]).getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned)
                .thenComparing(k -> (Short) k[1])
                .thenComparing(k -> (BigDecimal) k[2]);
        for (Object[] a : keys) {
            for (int j = 0; j < 30; j++) {
                Object[] b = keys.get(RANDOM.nextInt(keys.size()));
                assertThat(signum(Arrays.compareUnsigned(KeyEncoder.encode(types, a), KeyEncoder.encode(types, b))))
                        .as("%s vs %s", Arrays.toString(a), Arrays.toString(b))
                        .isEqualTo(signum(order.compare(a, b)));
            }
        }
    }

    @Test
    void textPrefix_sortsBeforeLongerTextWhateverFollows() {
        List<SqlType> types = List.of(SqlType.TEXT, SqlType.SMALLINT);
        byte[] shortKey = KeyEncoder.encode(types, new Object[] {"a", Short.MAX_VALUE});
        byte[] longKey = KeyEncoder.encode(types, new Object[] {"a\0", Short.MIN_VALUE});
        assertThat(Arrays.compareUnsigned(shortKey, longKey)).isNegative();
    }

    @ParameterizedTest
    @EnumSource(value = SqlType.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void everyType_hasAnEncoding(SqlType type) {
        Object value = switch (type) {
            case BOOLEAN -> true;
            case SMALLINT -> (short) 1;
            case INTEGER -> 1;
            case BIGINT -> 1L;
            case REAL -> 1f;
            case DOUBLE -> 1d;
            case NUMERIC -> BigDecimal.ONE;
            case TIMESTAMPTZ -> java.time.OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6000, java.time.ZoneOffset.UTC);
            case TIME -> java.time.LocalTime.of(3, 4, 5, 6000);
            case TIMETZ -> java.time.OffsetTime.of(3, 4, 5, 6000, java.time.ZoneOffset.ofHours(-7));
            case INTERVAL -> new io.heliosdb.api.Interval(14, -3, 14_706_000_000L);
            case BYTEA -> new byte[] {0, (byte) 0xff, 7};
            case UUID -> java.util.UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            case CHAR -> "x ";
            case TEXT, VARCHAR -> "x";
            case DATE -> LocalDate.of(2024, 1, 1);
            case TIMESTAMP -> LocalDateTime.of(2024, 1, 1, 0, 0);
            case JSON, JSONB -> "{}";
            case RECORD -> "(1,a)";
            case UNKNOWN -> throw new IllegalStateException();
            default -> List.of();
        };
        assertThat(KeyEncoder.encode(type, value)).isNotEmpty();
    }

    @Test
    void coercion_acceptsOtherIntegerClasses() {
        assertThat(KeyEncoder.encode(SqlType.BIGINT, 5)).isEqualTo(KeyEncoder.encode(SqlType.BIGINT, 5L));
        assertThat(KeyEncoder.encode(SqlType.INTEGER, "7")).isEqualTo(KeyEncoder.encode(SqlType.INTEGER, 7));
    }
}
