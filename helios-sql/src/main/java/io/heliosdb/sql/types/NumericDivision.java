package io.heliosdb.sql.types;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numeric division with PostgreSQL's result scale ({@code select_div_scale} in numeric.c): at
 * least 16 significant digits, never fewer decimals than either operand has, counted in the
 * base-10000 digits PostgreSQL stores.
 */
public final class NumericDivision {
    private static final int MIN_SIGNIFICANT_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;

    private NumericDivision() {
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw Errors.divisionByZero();
        }
        return a.divide(b, resultScale(a, b), RoundingMode.HALF_UP);
    }

    static int resultScale(BigDecimal a, BigDecimal b) {
        int qweight = weight(a) - weight(b);
        // As numeric.c: equal first digits count as a smaller dividend (the quotient may have one digit less).
        if (firstDigit(a) <= firstDigit(b)) {
            qweight--;
        }
        int scale = MIN_SIGNIFICANT_DIGITS - qweight * 4;
        scale = Math.max(scale, Math.max(displayScale(a), displayScale(b)));
        return Math.max(0, Math.min(scale, MAX_DISPLAY_SCALE));
    }

    private static int displayScale(BigDecimal d) {
        return Math.max(0, d.scale());
    }

    /** Exponent of the leading base-10000 digit (0 for zero). */
    private static int weight(BigDecimal d) {
        if (d.signum() == 0) {
            return 0;
        }
        int leadingDecimalExponent = d.precision() - d.scale() - 1;
        return Math.floorDiv(leadingDecimalExponent, 4);
    }

    /** The leading base-10000 digit's value (0 for zero). */
    private static int firstDigit(BigDecimal d) {
        if (d.signum() == 0) {
            return 0;
        }
        BigDecimal shifted = d.abs().movePointLeft(weight(d) * 4);
        return shifted.intValue();
    }
}
