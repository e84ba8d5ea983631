package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * to_char(number, format) and to_number(text, format) with PostgreSQL's numeric patterns: {@code 9 0 . D , G}
 * digits and separators, {@code S MI PL SG PR} signs, {@code L} (a blank currency symbol, as in the C locale),
 * {@code V} (times 10^n), {@code EEEE}, {@code RN}, {@code TH}, {@code FM}, and quoted or other text copied.
 * Without a sign pattern a sign slot (blank or {@code -}) goes right before the first printed digit or point;
 * a number with more integer digits than the pattern prints {@code #} in every digit place.
 */
final class NumericFormat {
    private enum Kind { NINE, ZERO, POINT, GROUP, S, MI, PL, SG, PR, L, TH_UPPER, TH_LOWER, V, EEEE, RN_UPPER, RN_LOWER, TEXT }

    private record Token(Kind kind, String text) {
    }

    /** The parsed pattern: its tokens and the counts PostgreSQL's NUMDesc keeps. */
    private static final class Pattern {
        final List<Token> tokens = new ArrayList<>();
        boolean fillMode;
        int pre;
        int post;
        int multiplier;
        int zeroStart;
        int zeroEnd;
        boolean point;
        boolean bracket;
        boolean eeee;
        Kind roman;

        boolean has(Kind kind) {
            return tokens.stream().anyMatch(t -> t.kind() == kind);
        }
    }

    private NumericFormat() {
    }

    /** to_char for numeric and integer values. */
    static String toChar(BigDecimal value, String format) {
        return format(value, format, RoundingMode.HALF_UP);
    }

    /** to_char for float values: the exact binary value, rounded half to even as C's printf does. */
    static String toChar(double value, String format) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            Pattern p = parse(format);
            return (p.fillMode ? "" : " ") + "#".repeat(Math.max(1, p.pre + p.post + (p.point ? 1 : 0)));
        }
        return format(new BigDecimal(value), format, RoundingMode.HALF_EVEN);
    }

    private static String format(BigDecimal value, String format, RoundingMode rounding) {
        Pattern p = parse(format);
        if (p.roman != null) {
            return roman(value.setScale(0, RoundingMode.HALF_UP), p);
        }
        if (p.eeee) {
            return scientific(value, p, rounding);
        }
        BigDecimal scaled = p.multiplier > 0 ? value.movePointRight(p.multiplier) : value;
        BigDecimal rounded = scaled.setScale(p.post, rounding);
        boolean negative = rounded.signum() < 0;
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        if (p.post > 0 && integer.equals("0")) {
            integer = "";
        }
        if (p.fillMode) {
            int keep = fraction.length();
            while (keep > p.zeroEnd && fraction.charAt(keep - 1) == '0') {
                keep--;
            }
            fraction = fraction.substring(0, keep);
        }
        boolean overflow = integer.length() > p.pre;
        Writer w = new Writer(p, negative);
        int lead = p.pre - integer.length();
        int intPos = 0;
        int fracPos = 0;
        boolean afterPoint = false;
        for (Token t : p.tokens) {
            switch (t.kind()) {
                case NINE, ZERO -> {
                    if (afterPoint) {
                        fracPos++;
                        if (overflow) {
                            w.number('#');
                        } else if (fracPos <= fraction.length()) {
                            w.number(fraction.charAt(fracPos - 1));
                        }
                    } else {
                        intPos++;
                        if (overflow) {
                            w.number('#');
                        } else if (intPos > lead) {
                            w.number(integer.charAt(intPos - lead - 1));
                        } else if (p.zeroStart > 0 && intPos >= p.zeroStart) {
                            w.number('0');
                        } else if (!p.fillMode) {
                            w.out.append(' ');
                        }
                    }
                }
                case POINT -> {
                    if (p.fillMode && !overflow && integer.isEmpty() && fraction.isEmpty() && !w.started) {
                        w.number('0');
                    }
                    w.number('.');
                    afterPoint = true;
                }
                case GROUP -> {
                    if (w.started) {
                        w.out.append(',');
                    } else if (!p.fillMode) {
                        w.out.append(' ');
                    }
                }
                case S -> {
                    if (w.started) {
                        w.out.append(negative ? '-' : '+');
                    }
                }
                case MI -> w.out.append(negative ? "-" : p.fillMode ? "" : " ");
                case PL -> w.out.append(negative ? (p.fillMode ? "" : " ") : "+");
                case SG -> w.out.append(negative ? '-' : '+');
                case PR -> w.out.append(negative ? ">" : p.fillMode ? "" : " ");
                case L -> w.out.append(' ');
                case TH_UPPER, TH_LOWER -> {
                    if (!negative && !overflow && p.post == 0) {
                        String suffix = ordinal(rounded.setScale(0, RoundingMode.DOWN).abs());
                        w.out.append(t.kind() == Kind.TH_UPPER ? suffix.toUpperCase(Locale.ROOT) : suffix);
                    }
                }
                case TEXT -> w.out.append(t.text());
                default -> {
                }
            }
        }
        return w.out.toString();
    }

    /** Output with the sign slot put before the first digit or point. */
    private static final class Writer {
        final StringBuilder out = new StringBuilder();
        final Pattern p;
        final boolean negative;
        boolean started;

        Writer(Pattern p, boolean negative) {
            this.p = p;
            this.negative = negative;
        }

        void number(char c) {
            if (!started) {
                started = true;
                if (p.bracket) {
                    out.append(negative ? "<" : p.fillMode ? "" : " ");
                } else if (p.tokens.stream().filter(t -> t.kind() != Kind.TEXT).findFirst()
                        .map(t -> t.kind() == Kind.S).orElse(false)) {
                    out.append(negative ? '-' : '+');
                } else if (!p.has(Kind.S) && !p.has(Kind.MI) && !p.has(Kind.SG)) {
                    out.append(negative ? "-" : p.fillMode ? "" : " ");
                }
            }
            out.append(c);
        }
    }

    private static String ordinal(BigDecimal integer) {
        int lastTwo = integer.remainder(BigDecimal.valueOf(100)).intValue();
        if (lastTwo >= 11 && lastTwo <= 13) {
            return "th";
        }
        return switch (lastTwo % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static String scientific(BigDecimal value, Pattern p, RoundingMode rounding) {
        int exponent = value.signum() == 0 ? 0 : value.precision() - value.scale() - 1;
        BigDecimal mantissa = value.movePointLeft(exponent).setScale(p.post, rounding);
        boolean negative = mantissa.signum() < 0;
        String digits = mantissa.abs().toPlainString();
        String exp = String.format(Locale.ROOT, "%c%02d", exponent < 0 ? '-' : '+', Math.abs(exponent));
        return (negative ? "-" : p.fillMode ? "" : " ") + digits + "e" + exp;
    }

    private static String roman(BigDecimal integer, Pattern p) {
        int n = integer.compareTo(BigDecimal.valueOf(3999)) > 0 || integer.signum() <= 0 ? 0 : integer.intValue();
        if (n == 0) {
            return "#".repeat(15);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] numerals = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            while (n >= values[i]) {
                sb.append(numerals[i]);
                n -= values[i];
            }
        }
        String text = p.roman == Kind.RN_LOWER ? sb.toString().toLowerCase(Locale.ROOT) : sb.toString();
        return p.fillMode ? text : " ".repeat(15 - text.length()) + text;
    }

    /** to_number: the digits, point and sign read from {@code text} along the pattern's digit places. */
    static BigDecimal toNumber(String text, String format) {
        Pattern p = parse(format);
        if (p.eeee) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "\"EEEE\" not supported for input");
        }
        boolean negative = text.indexOf('-') >= 0 || p.bracket && text.indexOf('<') >= 0;
        int pointAt = p.point ? text.indexOf('.') : -1;
        String before = pointAt < 0 ? text : text.substring(0, pointAt);
        String after = pointAt < 0 ? "" : text.substring(pointAt + 1);
        StringBuilder integer = new StringBuilder();
        before.chars().filter(Character::isDigit).limit(p.pre).forEach(c -> integer.append((char) c));
        StringBuilder fraction = new StringBuilder();
        after.chars().filter(Character::isDigit).limit(p.post).forEach(c -> fraction.append((char) c));
        if (integer.length() == 0 && fraction.length() == 0) {
            throw new HeliosException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type numeric: \" \"");
        }
        BigDecimal value = new BigDecimal((integer.length() == 0 ? "0" : integer.toString())
                + (fraction.length() == 0 ? "" : "." + fraction));
        if (negative) {
            value = value.negate();
        }
        if (p.multiplier > 0) {
            value = io.heliosdb.sql.types.NumericDivision.divide(value, BigDecimal.TEN.pow(p.multiplier));
        }
        return value;
    }

    private static Pattern parse(String format) {
        Pattern p = new Pattern();
        String upper = format.toUpperCase(Locale.ROOT);
        int i = 0;
        boolean afterV = false;
        while (i < format.length()) {
            char c = upper.charAt(i);
            Kind kind = null;
            int length = 1;
            if (upper.startsWith("FM", i)) {
                p.fillMode = true;
                i += 2;
                continue;
            } else if (upper.startsWith("EEEE", i)) {
                kind = Kind.EEEE;
                length = 4;
                p.eeee = true;
            } else if (upper.startsWith("TH", i)) {
                kind = format.charAt(i) == 't' ? Kind.TH_LOWER : Kind.TH_UPPER;
                length = 2;
            } else if (upper.startsWith("RN", i)) {
                kind = format.charAt(i) == 'r' ? Kind.RN_LOWER : Kind.RN_UPPER;
                length = 2;
                p.roman = kind;
            } else if (upper.startsWith("MI", i) || upper.startsWith("PL", i) || upper.startsWith("SG", i)
                    || upper.startsWith("PR", i)) {
                kind = Kind.valueOf(upper.substring(i, i + 2));
                length = 2;
            } else if (c == '9' || c == '0') {
                kind = c == '9' ? Kind.NINE : Kind.ZERO;
                if (p.point) {
                    p.post++;
                    if (c == '0') {
                        p.zeroEnd = p.post;
                    }
                } else if (afterV) {
                    p.multiplier++;
                    p.pre++;
                } else {
                    p.pre++;
                    if (c == '0' && p.zeroStart == 0) {
                        p.zeroStart = p.pre;
                    }
                }
            } else if (c == '.' || c == 'D') {
                if (p.point) {
                    throw new HeliosException(SqlState.SYNTAX_ERROR, "multiple decimal points");
                }
                kind = Kind.POINT;
                p.point = true;
            } else if (c == ',' || c == 'G') {
                kind = Kind.GROUP;
            } else if (c == 'S') {
                kind = Kind.S;
            } else if (c == 'L') {
                kind = Kind.L;
            } else if (c == 'V') {
                kind = Kind.V;
                afterV = true;
            } else if (c == '"') {
                int end = format.indexOf('"', i + 1);
                end = end < 0 ? format.length() : end;
                p.tokens.add(new Token(Kind.TEXT, format.substring(i + 1, end)));
                i = end + 1;
                continue;
            }
            if (kind == null) {
                p.tokens.add(new Token(Kind.TEXT, format.substring(i, i + 1)));
            } else {
                p.tokens.add(new Token(kind, null));
            }
            i += length;
        }
        p.bracket = p.has(Kind.PR);
        return p;
    }
}
