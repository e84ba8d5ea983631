package io.heliosdb.sql.exec;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code pg_size_pretty}: bytes below 10 kB, then kB, MB, GB, TB and PB, each shown while the number is
 * below 10240 of that unit and rounded half away from zero, as PostgreSQL 15 prints them.
 */
final class SizePretty {
    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB"};
    private static final BigDecimal LIMIT = BigDecimal.valueOf(10 * 1024);
    private static final BigDecimal KILO = BigDecimal.valueOf(1024);

    private SizePretty() {
    }

    static String format(BigDecimal bytes) {
        BigDecimal size = bytes.setScale(0, RoundingMode.HALF_UP);
        if (size.abs().compareTo(LIMIT) < 0) {
            return size.toPlainString() + " bytes";
        }
        BigDecimal scaled = bytes;
        for (int u = 0; u < UNITS.length; u++) {
            scaled = scaled.divide(KILO);
            BigDecimal rounded = scaled.setScale(0, RoundingMode.HALF_UP);
            if (rounded.abs().compareTo(LIMIT) < 0 || u == UNITS.length - 1) {
                return rounded.toPlainString() + " " + UNITS[u];
            }
        }
        throw new AssertionError();
    }
}
