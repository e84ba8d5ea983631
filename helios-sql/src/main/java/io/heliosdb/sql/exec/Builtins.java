package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.types.Arithmetic;
import io.heliosdb.sql.types.NumericFunctions;
import io.heliosdb.sql.types.NumericPower;
import io.heliosdb.sql.types.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The built-in functions typed by {@code analyze.BuiltinSignatures}; most are strict (NULL in, NULL out).
 */
final class Builtins {

    private Builtins() {
    }

    static Evaluator compile(BuiltinCall call, Evaluator[] args) {
        return switch (call.name()) {
            case "concat" -> concat(args, call.args().stream().map(BoundExpr::type).toArray(SqlType[]::new), 0);
            case "format" -> TextFormat.evaluator(args, call.args().stream().map(BoundExpr::type).toArray(SqlType[]::new));
            case "concat_ws" -> concat(args, call.args().stream().map(BoundExpr::type).toArray(SqlType[]::new), 1);
            case "greatest", "least" -> extremum(args, call.name().equals("greatest"));
            case "quote_nullable" -> (row, rt) -> {
                Object v = args[0].evaluate(row, rt);
                return v == null ? "NULL" : SqlQuoting.literal((String) v);
            };
            case "random" -> (row, rt) -> ThreadLocalRandom.current().nextDouble();
            case "pi" -> (row, rt) -> Math.PI;
            case "nextval", "currval", "lastval", "setval", "pg_get_serial_sequence" ->
                    SequenceFunctions.evaluator(call.name(), args);
            case "current_setting", "set_config" -> SettingFunctions.compile(call, args);
            case "row", "row fields" -> RowText.evaluator(call, args);
            case "record_in", "record_field", "record_cmp" -> CompositeValues.compile(call, args);
            default -> {
                Evaluator catalog = CatalogBuiltins.compile(call, args);
                if (catalog != null) {
                    yield catalog;
                }
                Evaluator temporal = TemporalFunctions.compile(call, args);
                if (temporal != null) {
                    yield temporal;
                }
                Evaluator structured = ArrayJsonFunctions.compile(call, args);
                if (structured != null) {
                    yield structured;
                }
                Function<Object[], Object> regex = RegexFunctions.function(call.name());
                yield strict(args, regex != null ? regex : function(call));
            }
        };
    }

    private static Function<Object[], Object> function(BuiltinCall call) {
        return switch (call.name()) {
            case "substring", "substr" -> a -> substring((String) a[0], (Integer) a[1], a.length > 2 ? (Integer) a[2] : null);
            case "strpos" -> a -> {
                int at = ((String) a[0]).indexOf((String) a[1]);
                return at < 0 ? 0 : ((String) a[0]).codePointCount(0, at) + 1;
            };
            case "btrim", "trim" -> a -> trim((String) a[0], a.length > 1 ? (String) a[1] : " ", true, true);
            case "ltrim" -> a -> trim((String) a[0], a.length > 1 ? (String) a[1] : " ", true, false);
            case "rtrim" -> a -> trim((String) a[0], a.length > 1 ? (String) a[1] : " ", false, true);
            case "replace" -> a -> ((String) a[1]).isEmpty() ? a[0] : ((String) a[0]).replace((String) a[1], (String) a[2]);
            case "split_part" -> a -> splitPart((String) a[0], (String) a[1], (Integer) a[2]);
            case "lpad" -> a -> pad((String) a[0], (Integer) a[1], a.length > 2 ? (String) a[2] : " ", true);
            case "rpad" -> a -> pad((String) a[0], (Integer) a[1], a.length > 2 ? (String) a[2] : " ", false);
            case "left" -> a -> left((String) a[0], (Integer) a[1]);
            case "right" -> a -> right((String) a[0], (Integer) a[1]);
            case "repeat" -> a -> ((String) a[0]).repeat(Math.max(0, (Integer) a[1]));
            case "reverse" -> a -> new StringBuilder((String) a[0]).reverse().toString();
            case "initcap" -> a -> initcap((String) a[0]);
            case "md5" -> a -> md5((String) a[0]);
            case "to_char_number" -> a -> a[0] instanceof Double d ? NumericFormat.toChar(d, (String) a[1])
                    : NumericFormat.toChar((BigDecimal) a[0], (String) a[1]);
            case "to_number" -> a -> NumericFormat.toNumber((String) a[0], (String) a[1]);
            case "substring_regex" -> a -> RegexMatches.substring((String) a[0], (String) a[1]);
            case "overlay" -> a -> overlay((String) a[0], (String) a[1], (Integer) a[2],
                    a.length > 3 ? (Integer) a[3] : ((String) a[1]).codePointCount(0, ((String) a[1]).length()));
            case "like_escape" -> a -> LikeMatcher.escapeToBackslash((String) a[0], (String) a[1]);
            case "quote_ident" -> a -> SqlQuoting.ident((String) a[0]);
            case "quote_literal" -> a -> SqlQuoting.literal((String) a[0]);
            case "starts_with" -> a -> ((String) a[0]).startsWith((String) a[1]);
            case "translate" -> a -> translate((String) a[0], (String) a[1], (String) a[2]);
            case "octet_length" -> a -> ((String) a[0]).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            case "ascii" -> a -> ((String) a[0]).isEmpty() ? 0 : ((String) a[0]).codePointAt(0);
            case "chr" -> a -> chr((Integer) a[0]);
            case "sqrt" -> a -> a[0] instanceof BigDecimal x ? NumericFunctions.sqrt(x) : sqrt((Double) a[0]);
            case "exp" -> a -> a[0] instanceof BigDecimal x ? NumericFunctions.exp(x) : Math.exp((Double) a[0]);
            case "ln" -> a -> a[0] instanceof BigDecimal x ? NumericFunctions.ln(x) : ln((Double) a[0], Math::log);
            case "log", "log10" -> a -> a.length == 2 ? NumericFunctions.log((BigDecimal) a[0], (BigDecimal) a[1])
                    : a[0] instanceof BigDecimal x ? NumericFunctions.log(BigDecimal.TEN, x) : ln((Double) a[0], Math::log10);
            case "cbrt" -> a -> StrictMath.cbrt((Double) a[0]);   // fdlibm: the same result on every JVM
            case "power" -> a -> a[0] instanceof BigDecimal base
                    ? NumericPower.power(base, (BigDecimal) a[1]) : power((Double) a[0], (Double) a[1]);
            case "ceil", "ceiling" -> a -> a[0] instanceof BigDecimal d ? d.setScale(0, RoundingMode.CEILING) : Math.ceil((Double) a[0]);
            case "floor" -> a -> a[0] instanceof BigDecimal d ? d.setScale(0, RoundingMode.FLOOR) : Math.floor((Double) a[0]);
            case "trunc" -> a -> a[0] instanceof BigDecimal d ? d.setScale(0, RoundingMode.DOWN) : truncate((Double) a[0]);
            case "sign" -> a -> a[0] instanceof BigDecimal d ? BigDecimal.valueOf(d.signum()) : Math.signum((Double) a[0]);
            case "mod" -> {
                var modulo = Arithmetic.operator(Arithmetic.Op.MODULO, call.type());
                yield a -> modulo.apply(a[0], a[1]);
            }
            default -> throw new IllegalStateException("no built-in function " + call.name());
        };
    }

    private static Evaluator strict(Evaluator[] args, Function<Object[], Object> f) {
        return (row, rt) -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].evaluate(row, rt);
                if (values[i] == null) {
                    return null;
                }
            }
            return f.apply(values);
        };
    }

    /**
     * concat skips NULLs; concat_ws ({@code firstValue} 1) puts its first argument, the separator, between
     * the non-NULL values and is NULL only when the separator is.
     */
    private static Evaluator concat(Evaluator[] args, SqlType[] types, int firstValue) {
        return (row, rt) -> {
            String separator = null;
            if (firstValue == 1) {
                separator = (String) args[0].evaluate(row, rt);
                if (separator == null) {
                    return null;
                }
            }
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (int i = firstValue; i < args.length; i++) {
                Object v = args[i].evaluate(row, rt);
                if (v == null) {
                    continue;
                }
                if (!first && separator != null) {
                    sb.append(separator);
                }
                sb.append(types[i].format(v));
                first = false;
            }
            return sb.toString();
        };
    }

    private static Evaluator extremum(Evaluator[] args, boolean greatest) {
        return (row, rt) -> {
            Object best = null;
            for (Evaluator a : args) {
                Object v = a.evaluate(row, rt);
                if (v != null && (best == null || (Values.compare(v, best) > 0) == greatest && Values.compare(v, best) != 0)) {
                    best = v;
                }
            }
            return best;
        };
    }

    /** SQL substring: 1-based start that may lie before the string; a negative length is an error. */
    private static String substring(String s, int start, Integer length) {
        if (length != null && length < 0) {
            throw new HeliosException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        int[] cps = s.codePoints().toArray();
        long from = Math.max(start, 1);
        long to = length == null ? cps.length + 1L : Math.min((long) start + length, cps.length + 1L);
        if (to <= from) {
            return "";
        }
        return new String(cps, (int) from - 1, (int) (to - from));
    }

    private static String trim(String s, String chars, boolean leading, boolean trailing) {
        int begin = 0;
        int end = s.length();
        while (leading && begin < end && chars.indexOf(s.charAt(begin)) >= 0) {
            begin++;
        }
        while (trailing && end > begin && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(begin, end);
    }

    private static String splitPart(String s, String delimiter, int field) {
        if (field == 0) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        java.util.List<String> parts = delimiter.isEmpty() ? java.util.List.of(s)
                : java.util.Arrays.asList(s.split(java.util.regex.Pattern.quote(delimiter), -1));
        int index = field > 0 ? field - 1 : parts.size() + field;
        return index >= 0 && index < parts.size() ? parts.get(index) : "";
    }

    private static String pad(String s, int length, String fill, boolean left) {
        if (length <= 0) {
            return "";
        }
        int have = s.codePointCount(0, s.length());
        if (have >= length) {
            return s.substring(0, s.offsetByCodePoints(0, length));
        }
        if (fill.isEmpty()) {
            return s;
        }
        StringBuilder padding = new StringBuilder();
        int needed = length - have;
        for (int i = 0; padding.codePointCount(0, padding.length()) < needed; i = (i + 1) % fill.length()) {
            padding.append(fill.charAt(i));
        }
        return left ? padding + s : s + padding;
    }

    private static String left(String s, int n) {
        int len = s.codePointCount(0, s.length());
        int keep = n >= 0 ? Math.min(n, len) : Math.max(0, len + n);
        return s.substring(0, s.offsetByCodePoints(0, keep));
    }

    private static String right(String s, int n) {
        int len = s.codePointCount(0, s.length());
        int keep = n >= 0 ? Math.min(n, len) : Math.max(0, len + n);
        return s.substring(s.offsetByCodePoints(0, len - keep));
    }

    private static String initcap(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean startOfWord = true;
        for (char c : s.toCharArray()) {
            sb.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
            startOfWord = !Character.isLetterOrDigit(c);
        }
        return sb.toString();
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String chr(int code) {
        if (code <= 0 || code > Character.MAX_CODE_POINT) {
            throw new HeliosException(SqlState.PROGRAM_LIMIT_EXCEEDED, code == 0 ? "null character not permitted"
                    : "requested character too large for encoding: " + code);
        }
        return new String(Character.toChars(code));
    }

    private static double power(double base, double exponent) {
        if (base == 0 && exponent < 0) {
            throw new HeliosException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined");
        }
        if (base < 0 && exponent != Math.rint(exponent)) {
            throw new HeliosException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        return Math.pow(base, exponent);
    }

    /** overlay(text PLACING piece FROM start FOR count): the count characters from start replaced by piece. */
    private static String overlay(String text, String piece, int start, int count) {
        if (start <= 0 || count < 0) {
            throw new HeliosException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        int length = text.codePointCount(0, text.length());
        int head = Math.min(start - 1, length);
        long tailStart = Math.min((long) start - 1 + count, length);
        return text.substring(0, text.offsetByCodePoints(0, head)) + piece
                + text.substring(text.offsetByCodePoints(0, (int) tailStart));
    }

    /** Each character of {@code from} becomes the one at the same place in {@code to}, or goes when there is none. */
    private static String translate(String text, String from, String to) {
        int[] source = from.codePoints().toArray();
        int[] target = to.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            int at = -1;
            for (int i = 0; i < source.length && at < 0; i++) {
                at = source[i] == cp ? i : -1;
            }
            if (at < 0) {
                out.appendCodePoint(cp);
            } else if (at < target.length) {
                out.appendCodePoint(target[at]);
            }
        });
        return out.toString();
    }

    private static double sqrt(double v) {
        if (v < 0) {
            throw new HeliosException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
        }
        return Math.sqrt(v);
    }

    private static double ln(double v, java.util.function.DoubleUnaryOperator log) {
        if (v <= 0) {
            throw new HeliosException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, v == 0 ? "cannot take logarithm of zero"
                    : "cannot take logarithm of a negative number");
        }
        return log.applyAsDouble(v);
    }

    private static double truncate(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

}
