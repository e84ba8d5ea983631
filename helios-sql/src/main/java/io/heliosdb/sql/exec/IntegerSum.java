package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import java.math.BigDecimal;

/**
 * An exact running sum of smallint/integer/bigint values: a long while it fits, a BigDecimal after the
 * first overflow, so the common case allocates nothing per row.
 */
final class IntegerSum {
    private long small;
    private BigDecimal big;

    static boolean accepts(SqlType type) {
        return type == SqlType.SMALLINT || type == SqlType.INTEGER || type == SqlType.BIGINT;
    }

    void add(long value) {
        if (big != null) {
            big = big.add(BigDecimal.valueOf(value));
            return;
        }
        try {
            small = Math.addExact(small, value);
        } catch (ArithmeticException overflow) {
            big = BigDecimal.valueOf(small).add(BigDecimal.valueOf(value));
        }
    }

    /** True once the sum has left the long range (it may come back in range; it stays a BigDecimal). */
    boolean overflowed() {
        return big != null;
    }

    long longValue() {
        return small;
    }

    /** The sum at scale 0, as the BigDecimal additions it replaces would have produced. */
    BigDecimal decimalValue() {
        return big != null ? big : BigDecimal.valueOf(small);
    }
}
