package io.heliosdb.api;

/**
 * PostgreSQL's interval type modifier: the fields of a qualifier such as {@code day to second} in the high
 * 16 bits (one bit per field, {@code 0x7FFF} for all) and the fractional-second precision in the low 16 bits
 * ({@code 0xFFFF} for none), as {@code INTERVAL_TYPMOD} builds it.
 */
public final class IntervalTypmod {
    /** Field bits of datetime.h: MONTH 1, YEAR 2, DAY 3, HOUR 10, MINUTE 11, SECOND 12. */
    public static final int MONTH = 1 << 1;
    public static final int YEAR = 1 << 2;
    public static final int DAY = 1 << 3;
    public static final int HOUR = 1 << 10;
    public static final int MINUTE = 1 << 11;
    public static final int SECOND = 1 << 12;
    /** Every field: a plain {@code interval} or {@code interval(p)}. */
    public static final int FULL_RANGE = 0x7FFF;
    public static final int FULL_PRECISION = 0xFFFF;

    private IntervalTypmod() {
    }

    /** The typmod of fields {@code range} (a qualifier's bits) and {@code precision} (-1 for none; above 6 is 6). */
    public static int of(int range, int precision) {
        return (range << 16) | (precision < 0 ? FULL_PRECISION : Math.min(precision, 6));
    }

    /** The field bits of a typmod ({@link #FULL_RANGE} for -1). */
    public static int range(int typmod) {
        return typmod < 0 ? FULL_RANGE : (typmod >>> 16) & FULL_RANGE;
    }

    /** The precision of a typmod, or -1 when it has none. */
    public static int precision(int typmod) {
        int p = typmod < 0 ? FULL_PRECISION : typmod & 0xFFFF;
        return p <= 6 ? p : -1;
    }

    /** {@code interval day to second(3)}, {@code interval(2)}: the type as format_type shows it. */
    public static String display(int typmod) {
        int p = precision(typmod);
        return "interval" + qualifier(range(typmod)) + (p >= 0 ? "(" + p + ")" : "");
    }

    /** The qualifier text with a leading space ({@code " hour to minute"}), empty for every field. */
    public static String qualifier(int range) {
        return switch (range) {
            case YEAR -> " year";
            case MONTH -> " month";
            case DAY -> " day";
            case HOUR -> " hour";
            case MINUTE -> " minute";
            case SECOND -> " second";
            case YEAR | MONTH -> " year to month";
            case DAY | HOUR -> " day to hour";
            case DAY | HOUR | MINUTE -> " day to minute";
            case DAY | HOUR | MINUTE | SECOND -> " day to second";
            case HOUR | MINUTE -> " hour to minute";
            case HOUR | MINUTE | SECOND -> " hour to second";
            case MINUTE | SECOND -> " minute to second";
            default -> "";
        };
    }

    /** The unit a number without one is read in under {@code range}: the qualifier's last field. */
    static String defaultUnit(int range) {
        return switch (range) {
            case YEAR -> "year";
            case MONTH, YEAR | MONTH -> "month";
            case DAY -> "day";
            case HOUR, DAY | HOUR -> "hour";
            case MINUTE, HOUR | MINUTE, DAY | HOUR | MINUTE -> "minute";
            default -> "second";
        };
    }
}
