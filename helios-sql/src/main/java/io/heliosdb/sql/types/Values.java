package io.heliosdb.sql.types;

import java.math.BigDecimal;
import java.util.Comparator;

/** Comparison and hashing of non-null SQL values of one type. */
public final class Values {

    private Values() {
    }

    /** Compares two non-null values of the same SQL type (numeric scale does not matter: 1.0 = 1.00). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        if (a instanceof java.time.OffsetDateTime x) {
            return x.toInstant().compareTo(((java.time.OffsetDateTime) b).toInstant());
        }
        if (a instanceof byte[] x) {
            return java.util.Arrays.compareUnsigned(x, (byte[]) b);
        }
        if (a instanceof java.time.OffsetTime x) {
            return compareTimeTz(x, (java.time.OffsetTime) b);
        }
        if (a instanceof java.util.UUID x) {
            // PostgreSQL orders uuids by their bytes, unsigned; UUID.compareTo compares signed longs.
            java.util.UUID y = (java.util.UUID) b;
            int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
            return c != 0 ? c : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
        }
        if (a instanceof java.util.List<?> x) {
            return compareArrays(x, (java.util.List<?>) b);
        }
        return ((Comparable) a).compareTo(b);
    }

    /**
     * PostgreSQL's timetz order: by the UTC time (not wrapped to a day), then by zone in seconds west, so of
     * 12:00+01 and 11:00+00 the eastern one is smaller. OffsetTime.compareTo breaks that tie the other way.
     */
    private static int compareTimeTz(java.time.OffsetTime x, java.time.OffsetTime y) {
        int c = Long.compare(utcNanos(x), utcNanos(y));
        return c != 0 ? c : Integer.compare(y.getOffset().getTotalSeconds(), x.getOffset().getTotalSeconds());
    }

    private static long utcNanos(java.time.OffsetTime t) {
        return io.heliosdb.api.TimeOfDay.micros(t.toLocalTime()) * 1_000L - t.getOffset().getTotalSeconds() * 1_000_000_000L;
    }

    /** PostgreSQL's array order: element by element (NULL after any value), then the shorter first. */
    private static int compareArrays(java.util.List<?> x, java.util.List<?> y) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = NULLS_LAST.compare(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    /** Orders values with nulls last (ascending) as PostgreSQL's default does. */
    public static final Comparator<Object> NULLS_LAST = (a, b) -> {
        if (a == null) {
            return b == null ? 0 : 1;
        }
        return b == null ? -1 : compare(a, b);
    };

    /**
     * A form of the value whose {@code equals}/{@code hashCode} agree with SQL equality, for
     * grouping and DISTINCT (1.0 and 1.00 are one group, as are 0.0 and -0.0).
     */
    public static Object groupingKey(Object v) {
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (v instanceof Double d && d == 0.0) {
            return 0.0d;
        }
        if (v instanceof Float f && f == 0.0f) {
            return 0.0f;
        }
        if (v instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof byte[] b) {
            return java.nio.ByteBuffer.wrap(b);
        }
        if (v instanceof io.heliosdb.api.Interval i) {
            // '1 mon' and '30 days' are equal intervals, so they are one group.
            return new io.heliosdb.api.Interval(0, 0, i.span());
        }
        if (v instanceof java.util.List<?> l) {
            return l.stream().map(e -> e == null ? null : groupingKey(e)).collect(java.util.stream.Collectors.toList());
        }
        return v;
    }
}
