package io.heliosdb.sql.types;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code numeric ^ numeric} with PostgreSQL's results ({@code power_var} in numeric.c): an integral exponent
 * that fits in int is an exact power rounded to {@code max(16, base's scale)} decimals; any other exponent is
 * {@code exp(y * ln(x))} with at least 16 significant digits and never fewer decimals than either operand.
 * Rounding is half away from zero. Zero to a negative power and a negative base with a fractional exponent
 * are 2201F; a result of more than 131072 integer digits is 22003.
 */
public final class NumericPower {
    private static final int MIN_SIGNIFICANT_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;
    /** numeric's limit: at most this many digits before the decimal point. */
    private static final int MAX_INTEGER_DIGITS = 131072;
    /** PostgreSQL's exp() takes arguments below 3 * NUMERIC_MAX_RESULT_SCALE. */
    private static final double MAX_EXP_ARGUMENT = 6000;
    private static final double LOG10_E = 0.434294481903252;
    private static final int GUARD_DIGITS = 12;

    private NumericPower() {
    }

    public static BigDecimal power(BigDecimal base, BigDecimal exponent) {
        if (base.signum() == 0 && exponent.signum() < 0) {
            throw new HeliosException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        boolean integral = exponent.signum() == 0 || exponent.stripTrailingZeros().scale() <= 0;
        if (integral && fitsInt(exponent)) {
            return integerPower(base, exponent.intValueExact());
        }
        if (base.signum() == 0) {
            return BigDecimal.ZERO.setScale(MIN_SIGNIFICANT_DIGITS);
        }
        boolean negate = false;
        if (base.signum() < 0) {
            if (!integral) {
                throw new HeliosException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                        "a negative number raised to a non-integer power yields a complex result");
            }
            negate = exponent.toBigIntegerExact().testBit(0);
            base = base.negate();
        }
        BigDecimal result = generalPower(base, exponent);
        return negate ? result.negate() : result;
    }

    private static boolean fitsInt(BigDecimal integral) {
        return integral.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && integral.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    /** power_var_int: the exact power, rounded to max(16, base's display scale) decimals. */
    private static BigDecimal integerPower(BigDecimal base, int n) {
        int rscale = Math.min(Math.max(MIN_SIGNIFICANT_DIGITS, Math.max(0, base.scale())), MAX_DISPLAY_SCALE);
        if (n == 0) {
            return BigDecimal.ONE.setScale(rscale);
        }
        if (base.signum() == 0) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        double weight = n * log10(base.abs());   // decimal exponent of the result, roughly
        if (weight > MAX_INTEGER_DIGITS + 1) {
            throw overflow();
        }
        if (weight + 1 < -rscale) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        int digits = Math.max((int) Math.ceil(weight) + 1, 0) + rscale + GUARD_DIGITS;
        return checked(rounded(digits, rscale, mc -> {
            BigDecimal magnitude = base.pow(Math.abs(n), mc);
            return n > 0 ? magnitude : BigDecimal.ONE.divide(magnitude, mc);
        }));
    }

    /** exp(y * ln(x)) for x > 0 with power_var's result scale. */
    private static BigDecimal generalPower(BigDecimal base, BigDecimal exponent) {
        double lnResult = exponent.doubleValue() * log10(base) / LOG10_E;
        if (Math.abs(lnResult) >= MAX_EXP_ARGUMENT) {
            if (lnResult > 0) {
                throw overflow();
            }
            return BigDecimal.ZERO.setScale(MAX_DISPLAY_SCALE);
        }
        double weight = lnResult * LOG10_E;
        int rscale = MIN_SIGNIFICANT_DIGITS - (int) weight;
        rscale = Math.max(rscale, Math.max(0, base.scale()));
        rscale = Math.max(rscale, Math.max(0, exponent.scale()));
        rscale = Math.min(rscale, MAX_DISPLAY_SCALE);
        int significant = Math.max(rscale + (int) weight, 0);
        int lnDigits = (int) Math.ceil(Math.log10(Math.abs(lnResult) + 1));
        return checked(rounded(significant + GUARD_DIGITS, rscale, mc -> {
            MathContext wide = new MathContext(mc.getPrecision() + lnDigits + GUARD_DIGITS, RoundingMode.HALF_EVEN);
            BigDecimal y = NumericMath.ln(base, wide).multiply(exponent, wide);
            return NumericMath.exp(y, mc);
        }));
    }

    /**
     * {@code value} computed to {@code digits} significant digits and rounded half away from zero to {@code rscale}
     * decimals; where a wider computation rounds otherwise (the value lies next to a tie), the digits grow until two
     * agree, so the double rounding cannot move the last digit.
     */
    static BigDecimal rounded(int digits, int rscale, java.util.function.Function<MathContext, BigDecimal> value) {
        int precision = Math.max(digits, GUARD_DIGITS);
        BigDecimal previous = value.apply(new MathContext(precision, RoundingMode.HALF_EVEN)).setScale(rscale, RoundingMode.HALF_UP);
        for (int round = 0; round < 4; round++) {
            precision += 2 * GUARD_DIGITS + precision / 2;
            BigDecimal next = value.apply(new MathContext(precision, RoundingMode.HALF_EVEN)).setScale(rscale, RoundingMode.HALF_UP);
            if (next.equals(previous)) {
                return next;
            }
            previous = next;
        }
        return previous;
    }

    private static BigDecimal checked(BigDecimal result) {
        if (result.precision() - result.scale() > MAX_INTEGER_DIGITS) {
            throw overflow();
        }
        return result;
    }

    /** log10 of a positive value of any magnitude, to double precision. */
    static double log10(BigDecimal x) {
        int exponent = x.precision() - x.scale() - 1;
        return exponent + Math.log10(x.movePointLeft(exponent).doubleValue());
    }

    private static HeliosException overflow() {
        return new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
    }
}
