package io.heliosdb.sql.types;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * sqrt, exp, ln and log of numeric values with the result scales of PostgreSQL's numeric.c: at least 16
 * significant digits (judged from an estimate of the result's decimal weight) and never fewer decimals than the
 * argument, at most 1000; rounded half away from zero.
 */
public final class NumericFunctions {
    private static final int MIN_SIGNIFICANT_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;
    private static final int GUARD = 12;

    private NumericFunctions() {
    }

    public static BigDecimal sqrt(BigDecimal x) {
        if (x.signum() < 0) {
            throw new HeliosException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
        }
        // PostgreSQL: sweight = (weight + 1) * DEC_DIGITS / 2 - 1, weight counted in base-10000 digits
        int sweight = (base10000Weight(x) + 1) * 4 / 2 - 1;
        int rscale = clamp(MIN_SIGNIFICANT_DIGITS - sweight, x);
        if (x.signum() == 0) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        int digits = Math.max(sweight + 1, 1) + rscale;
        return NumericPower.rounded(digits + GUARD, rscale, mc -> x.sqrt(mc));
    }

    public static BigDecimal exp(BigDecimal x) {
        double weight = Math.max(-2000, Math.min(2000, x.doubleValue() * 0.434294481903252));
        int rscale = clamp(MIN_SIGNIFICANT_DIGITS - (int) weight, x);
        // exp_var's limit, 3 * NUMERIC_MAX_RESULT_SCALE
        if (Math.abs(x.doubleValue()) >= 6000) {
            if (x.signum() > 0) {
                throw new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
            }
            return BigDecimal.ZERO.setScale(rscale);
        }
        if (weight + 1 < -rscale) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        int digits = Math.max((int) Math.ceil(weight) + 1, 0) + rscale;
        return NumericPower.rounded(digits + GUARD, rscale, mc -> NumericMath.exp(x, mc));
    }

    public static BigDecimal ln(BigDecimal x) {
        positive(x);
        int dweight = lnWeight(x);
        int rscale = clamp(MIN_SIGNIFICANT_DIGITS - dweight, x);
        return NumericPower.rounded(Math.max(dweight + 1, 1) + rscale + GUARD, rscale, mc -> NumericMath.ln(x, mc));
    }

    /** log(base, x); log(x) is log(10, x). */
    public static BigDecimal log(BigDecimal base, BigDecimal x) {
        positive(base);
        positive(x);
        if (base.compareTo(BigDecimal.ONE) == 0) {
            throw Errors.divisionByZero();
        }
        int dweight = lnWeight(x) - lnWeight(base);
        int rscale = MIN_SIGNIFICANT_DIGITS - dweight;
        rscale = Math.max(rscale, Math.max(0, base.scale()));
        rscale = clamp(rscale, x);
        return NumericPower.rounded(Math.max(dweight + 1, 1) + rscale + GUARD, rscale, mc -> {
            MathContext wide = new MathContext(mc.getPrecision() + GUARD, RoundingMode.HALF_EVEN);
            return NumericMath.ln(x, wide).divide(NumericMath.ln(base, wide), mc);
        });
    }

    private static void positive(BigDecimal x) {
        if (x.signum() <= 0) {
            throw new HeliosException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM,
                    x.signum() == 0 ? "cannot take logarithm of zero" : "cannot take logarithm of a negative number");
        }
    }

    /** estimate_ln_dweight: the decimal weight of ln(x), from x - 1 when x is within 0.9..1.1. */
    static int lnWeight(BigDecimal x) {
        if (x.compareTo(new BigDecimal("0.9")) >= 0 && x.compareTo(new BigDecimal("1.1")) <= 0) {
            BigDecimal d = x.subtract(BigDecimal.ONE);
            return d.signum() == 0 ? 0 : d.precision() - d.scale() - 1;
        }
        double ln = NumericPower.log10(x) * Math.log(10);
        return (int) Math.log10(Math.abs(ln));
    }

    private static int clamp(int rscale, BigDecimal x) {
        return Math.min(Math.max(rscale, Math.max(0, x.scale())), MAX_DISPLAY_SCALE);
    }

    private static int base10000Weight(BigDecimal d) {
        return d.signum() == 0 ? 0 : Math.floorDiv(d.precision() - d.scale() - 1, 4);
    }
}
