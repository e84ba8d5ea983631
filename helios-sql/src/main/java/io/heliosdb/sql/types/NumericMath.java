package io.heliosdb.sql.types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Natural logarithm and exponential of numeric values to a requested number of significant digits (the result
 * is accurate to within an ulp of {@code mc}; callers ask for guard digits and round to their own scale).
 */
final class NumericMath {
    private static final int GUARD = 10;

    private NumericMath() {
    }

    /** e^y: Taylor series on y / 2^k, then k squarings. */
    static BigDecimal exp(BigDecimal y, MathContext mc) {
        if (y.signum() == 0) {
            return BigDecimal.ONE.round(mc);
        }
        double magnitude = Math.abs(y.doubleValue());
        int halvings = magnitude < 1e-3 ? 0 : (int) Math.ceil(Math.log(magnitude) / Math.log(2)) + 10;
        MathContext work = new MathContext(mc.getPrecision() + (int) Math.ceil(halvings * 0.302) + GUARD,
                RoundingMode.HALF_EVEN);
        BigDecimal r = halvings == 0 ? y : y.divide(BigDecimal.valueOf(2).pow(halvings), work);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(work.getPrecision() + 2);
        for (int n = 1; ; n++) {
            term = term.multiply(r, work).divide(BigDecimal.valueOf(n), work);
            sum = sum.add(term, work);
            if (term.abs().compareTo(epsilon) < 0) {
                break;
            }
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, work);
        }
        return sum.round(mc);
    }

    /** ln(x) for x > 0: Halley's iteration y += 2 (x - e^y) / (x + e^y) from the double estimate. */
    static BigDecimal ln(BigDecimal x, MathContext mc) {
        if (x.compareTo(BigDecimal.ONE) == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal nearOne = x.subtract(BigDecimal.ONE);
        double estimate = NumericPower.log10(x) * Math.log(10);
        // Relative precision of a result near 0 needs as many more digits as it has leading zeros.
        double size = Math.abs(nearOne.doubleValue()) < 0.5 ? Math.abs(nearOne.doubleValue()) : Math.abs(estimate);
        int extra = (int) Math.ceil(Math.max(0, -Math.log10(size))) + (int) Math.ceil(Math.log10(Math.abs(estimate) + 1));
        MathContext work = new MathContext(mc.getPrecision() + extra + GUARD, RoundingMode.HALF_EVEN);
        BigDecimal y = Math.abs(nearOne.doubleValue()) < 1e-8 ? nearOne : new BigDecimal(estimate);
        for (int i = 0; i < 64; i++) {
            BigDecimal ey = exp(y, work);
            BigDecimal step = BigDecimal.valueOf(2).multiply(x.subtract(ey, work), work).divide(x.add(ey, work), work);
            y = y.add(step, work);
            if (step.signum() == 0 || step.abs().compareTo(y.abs().movePointLeft(mc.getPrecision() + GUARD / 2)) <= 0) {
                break;
            }
        }
        return y.round(mc);
    }
}
