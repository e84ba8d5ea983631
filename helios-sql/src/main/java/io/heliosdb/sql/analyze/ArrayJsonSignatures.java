package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.TypeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Types of the array and JSON operators and functions run by {@code exec.ArrayJsonFunctions}. Operators arrive
 * as calls named by their symbol (see {@code parse.ArrayJsonSyntax}); polymorphic arguments (anyarray,
 * anyelement) resolve to one element type, unknown literals taking the other argument's type.
 */
final class ArrayJsonSignatures {
    private static final SqlType T = SqlType.TEXT;
    private static final SqlType I = SqlType.INTEGER;
    private static final SqlType JB = SqlType.JSONB;
    private static final Set<String> OPERATORS = Set.of("->", "->>", "#>", "#>>", "@>", "<@", "?", "?|", "?&", "&&", "[]", "[]1");

    private ArrayJsonSignatures() {
    }

    static BoundExpr bind(ExpressionBinder binder, String name, List<BoundExpr> args) {
        if ((name.equals("[]") || name.equals("[:]")) && !args.isEmpty() && !args.get(0).type().isArray()) {
            return ArraySubscripts.ofNonArray(binder, name, args);
        }
        BoundExpr bound = bindOrNull(binder, name, args);
        if (bound == null && args.size() == 2 && (OPERATORS.contains(name) || name.endsWith(" any") || name.endsWith(" all"))) {
            throw new HeliosException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: "
                    + args.get(0).type().sqlName() + " " + name + " " + args.get(1).type().sqlName(), null,
                    ExpressionBinder.HINT_OPERATOR, -1, null);
        }
        return bound;
    }

    private static BoundExpr bindOrNull(ExpressionBinder binder, String name, List<BoundExpr> args) {
        BoundExpr multi = MultiDimArrays.bind(binder, name, args);
        if (multi != null) {
            return multi;
        }
        int n = args.size();
        SqlType first = n > 0 ? args.get(0).type() : null;
        SqlType second = n > 1 ? args.get(1).type() : null;
        switch (name) {
            case "->", "->>" -> {
                if (n != 2 || !isJson(first) && first != SqlType.UNKNOWN) {
                    return null;
                }
                BoundExpr doc = jsonOperand(binder, args.get(0));
                BoundExpr key = second.isInteger() ? binder.coerce(args.get(1), I) : textual(second) ? binder.coerce(args.get(1), T) : null;
                return key == null ? null : new BuiltinCall(name, List.of(doc, key), name.equals("->") ? doc.type() : T);
            }
            case "#>", "#>>" -> {
                if (n != 2 || !isJson(first) && first != SqlType.UNKNOWN || second != SqlType.TEXT_ARRAY && second != SqlType.UNKNOWN) {
                    return null;
                }
                BoundExpr doc = jsonOperand(binder, args.get(0));
                return new BuiltinCall(name, List.of(doc, binder.coerce(args.get(1), SqlType.TEXT_ARRAY)),
                        name.equals("#>") ? doc.type() : T);
            }
            case "?", "?|", "?&" -> {
                if (n != 2 || first != JB && first != SqlType.UNKNOWN) {
                    return null;
                }
                SqlType key = name.equals("?") ? T : SqlType.TEXT_ARRAY;
                if (second != key && second != SqlType.UNKNOWN && !(key == T && textual(second))) {
                    return null;
                }
                return new BuiltinCall(name, List.of(binder.coerce(args.get(0), JB), binder.coerce(args.get(1), key)), SqlType.BOOLEAN);
            }
            case "@>", "<@", "&&" -> {
                if (n != 2) {
                    return null;
                }
                if ((first == JB || second == JB) && !name.equals("&&")) {
                    return new BuiltinCall(name, List.of(binder.coerce(args.get(0), JB), binder.coerce(args.get(1), JB)), SqlType.BOOLEAN);
                }
                List<BoundExpr> arrays = sameArrays(binder, args.get(0), args.get(1));
                return arrays == null ? null : new BuiltinCall("array" + name, arrays, SqlType.BOOLEAN);
            }
            case "[]", "[]1" -> {
                if (n != 2 || !first.isArray()) {
                    return null;
                }
                // "[]1" always counts from 1 (information_schema._pg_expandarray's own subscript)
                boolean zeroBased = name.equals("[]") && args.get(0).typmod() == io.heliosdb.sql.schema.VectorTypes.ZERO_BASED;
                return new BuiltinCall(zeroBased ? "vector[]" : "[]", List.of(args.get(0),
                        ArraySubscripts.index(binder, args.get(1))), first.elementType());
            }
            case "array[]" -> {
                if (n == 0) {
                    throw new HeliosException(SqlState.INDETERMINATE_DATATYPE, "cannot determine type of empty array", null,
                            "Explicitly cast to the desired type, for example ARRAY[]::integer[].", -1, null);
                }
                SqlType element = commonType(args);
                SqlType array = element == null ? null : element.arrayType();
                if (array == null) {
                    return null;
                }
                return new BuiltinCall(name, args.stream().map(a -> binder.coerce(a, element)).toList(), array);
            }
            case "array_length", "array_lower", "array_upper" -> {
                return n == 2 && first.isArray() ? new BuiltinCall(name, List.of(args.get(0), binder.coerce(args.get(1), I)), I) : null;
            }
            case "cardinality" -> {
                return n == 1 && first.isArray() ? new BuiltinCall(name, args, I) : null;
            }
            case "array_append", "array_position", "array_remove" -> {
                if (n != 2 || !first.isArray() && first != SqlType.UNKNOWN) {
                    return null;
                }
                List<BoundExpr> pair = arrayAndElement(binder, args.get(0), args.get(1));
                return pair == null ? null : new BuiltinCall(name, pair, name.equals("array_position") ? I : pair.get(0).type());
            }
            case "array_prepend" -> {
                if (n != 2 || !second.isArray() && second != SqlType.UNKNOWN) {
                    return null;
                }
                List<BoundExpr> pair = arrayAndElement(binder, args.get(1), args.get(0));
                return pair == null ? null : new BuiltinCall("array_prepend", List.of(pair.get(1), pair.get(0)), pair.get(0).type());
            }
            case "array_cat" -> {
                List<BoundExpr> arrays = n == 2 ? sameArrays(binder, args.get(0), args.get(1)) : null;
                return arrays == null ? null : new BuiltinCall(name, arrays, arrays.get(0).type());
            }
            case "array_to_string" -> {
                if ((n != 2 && n != 3) || !first.isArray()) {
                    return null;
                }
                List<BoundExpr> converted = new ArrayList<>(List.of(args.get(0)));
                args.subList(1, n).forEach(a -> converted.add(binder.coerce(a, T)));
                // Named apart from the catalog's array_to_string, which reads arrays in their text form.
                return new BuiltinCall("anyarray_to_string", converted, T);
            }
            case "string_to_array" -> {
                return n == 2 || n == 3 ? new BuiltinCall(name, args.stream().map(a -> binder.coerce(a, T)).toList(),
                        SqlType.TEXT_ARRAY) : null;
            }
            case "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array" -> {
                if (name.endsWith("object") && n % 2 != 0) {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "argument list must have even number of elements",
                            null, "The arguments of " + name + "() must consist of alternating keys and values.", -1, null);
                }
                return new BuiltinCall(name, anyArgs(binder, args), name.startsWith("jsonb") ? JB : SqlType.JSON);
            }
            case "to_json", "to_jsonb" -> {
                return n == 1 ? new BuiltinCall(name, anyArgs(binder, args), name.equals("to_jsonb") ? JB : SqlType.JSON) : null;
            }
            case "jsonb_typeof", "json_typeof", "jsonb_pretty" -> {
                return n == 1 && jsonArg(name, first) ? new BuiltinCall(name, List.of(jsonOperand(binder, args.get(0), name)), T) : null;
            }
            case "jsonb_array_length", "json_array_length" -> {
                return n == 1 && jsonArg(name, first) ? new BuiltinCall(name, List.of(jsonOperand(binder, args.get(0), name)), I) : null;
            }
            case "jsonb_strip_nulls" -> {
                return n == 1 && (first == JB || first == SqlType.UNKNOWN)
                        ? new BuiltinCall(name, List.of(binder.coerce(args.get(0), JB)), JB) : null;
            }
            case "jsonb_set", "jsonb_insert" -> {
                if ((n != 3 && n != 4) || first != JB && first != SqlType.UNKNOWN) {
                    return null;
                }
                List<BoundExpr> converted = new ArrayList<>(List.of(binder.coerce(args.get(0), JB),
                        binder.coerce(args.get(1), SqlType.TEXT_ARRAY), binder.coerce(args.get(2), JB)));
                if (n == 4) {
                    converted.add(binder.coerce(args.get(3), SqlType.BOOLEAN));
                }
                return new BuiltinCall(name, converted, JB);
            }
            default -> {
                if (name.endsWith(" any") || name.endsWith(" all")) {
                    return quantified(binder, name, args);
                }
                return null;
            }
        }
    }

    /** {@code ||} on jsonb or arrays, or null when neither side is one. */
    static BoundExpr concat(ExpressionBinder binder, BoundExpr l, BoundExpr r) {
        if (l.type() == JB || r.type() == JB) {
            return new BuiltinCall("jsonb||", List.of(binder.coerce(l, JB), binder.coerce(r, JB)), JB);
        }
        if (!l.type().isArray() && !r.type().isArray()) {
            return null;
        }
        if (l.type().isArray() && r.type().isArray() || l.type() == SqlType.UNKNOWN || r.type() == SqlType.UNKNOWN) {
            List<BoundExpr> arrays = sameArrays(binder, l, r);
            if (arrays != null) {
                return new BuiltinCall("array_cat", arrays, arrays.get(0).type());
            }
        }
        if (l.type().isArray()) {
            List<BoundExpr> pair = arrayAndElement(binder, l, r);
            return pair == null ? null : new BuiltinCall("array_append", pair, pair.get(0).type());
        }
        List<BoundExpr> pair = arrayAndElement(binder, r, l);
        return pair == null ? null : new BuiltinCall("array_prepend", List.of(pair.get(1), pair.get(0)), pair.get(0).type());
    }

    /** {@code jsonb - text} (remove a key or string element) and {@code jsonb - integer} (remove an array element). */
    static BoundExpr minus(ExpressionBinder binder, BoundExpr l, BoundExpr r) {
        if (l.type() != JB) {
            return null;
        }
        BoundExpr key = r.type().isInteger() ? binder.coerce(r, I) : r.type() == SqlType.TEXT_ARRAY ? r : binder.coerce(r, T);
        return new BuiltinCall("jsonb-", List.of(l, key), JB);
    }

    private static BoundExpr quantified(ExpressionBinder binder, String name, List<BoundExpr> args) {
        BoundExpr operand = args.get(0);
        BoundExpr array = args.get(1);
        if (!array.type().isArray() && array.type() != SqlType.UNKNOWN) {
            return null;
        }
        SqlType element = array.type() == SqlType.UNKNOWN ? (operand.type() == SqlType.UNKNOWN ? T : operand.type())
                : TypeRules.common(operand.type(), array.type().elementType());
        if (element == null || element.arrayType() == null) {
            return null;
        }
        return new BuiltinCall(name, List.of(binder.coerce(operand, element), coerceArray(binder, array, element.arrayType())),
                SqlType.BOOLEAN);
    }

    private static boolean isJson(SqlType t) {
        return t == SqlType.JSON || t == JB;
    }

    private static boolean textual(SqlType t) {
        return TypeRules.isString(t) || t == SqlType.UNKNOWN;
    }

    private static boolean jsonArg(String name, SqlType t) {
        return t == SqlType.UNKNOWN || t == (name.startsWith("jsonb") ? JB : SqlType.JSON);
    }

    private static BoundExpr jsonOperand(ExpressionBinder binder, BoundExpr e) {
        return e.type() == SqlType.UNKNOWN ? binder.coerce(e, JB) : e;
    }

    private static BoundExpr jsonOperand(ExpressionBinder binder, BoundExpr e, String function) {
        return binder.coerce(e, function.startsWith("jsonb") ? JB : SqlType.JSON);
    }

    private static List<BoundExpr> anyArgs(ExpressionBinder binder, List<BoundExpr> args) {
        return args.stream().map(a -> a.type() == SqlType.UNKNOWN ? binder.coerce(a, T) : a).toList();
    }

    private static SqlType commonType(List<BoundExpr> args) {
        SqlType common = SqlType.UNKNOWN;
        for (BoundExpr a : args) {
            common = TypeRules.common(common, a.type());
            if (common == null) {
                return null;
            }
        }
        return common == SqlType.UNKNOWN ? T : common;
    }

    /** Two arrays brought to one array type (an unknown literal takes the other's). */
    private static List<BoundExpr> sameArrays(ExpressionBinder binder, BoundExpr a, BoundExpr b) {
        SqlType ta = a.type();
        SqlType tb = b.type();
        if (ta == SqlType.UNKNOWN && tb == SqlType.UNKNOWN) {
            return null;
        }
        if (ta == SqlType.UNKNOWN || tb == SqlType.UNKNOWN) {
            SqlType known = ta == SqlType.UNKNOWN ? tb : ta;
            return known.isArray() ? List.of(binder.coerce(a, known), binder.coerce(b, known)) : null;
        }
        if (!ta.isArray() || !tb.isArray()) {
            return null;
        }
        SqlType element = TypeRules.common(ta.elementType(), tb.elementType());
        if (element == null || element.arrayType() == null) {
            return null;
        }
        return List.of(coerceArray(binder, a, element.arrayType()), coerceArray(binder, b, element.arrayType()));
    }

    private static List<BoundExpr> arrayAndElement(ExpressionBinder binder, BoundExpr array, BoundExpr element) {
        if (array.type() == SqlType.UNKNOWN) {
            SqlType e = element.type() == SqlType.UNKNOWN ? T : element.type();
            return e.arrayType() == null ? null : List.of(binder.coerce(array, e.arrayType()), binder.coerce(element, e));
        }
        SqlType e = TypeRules.common(array.type().elementType(), element.type());
        if (e == null || e.arrayType() == null) {
            return null;
        }
        return List.of(coerceArray(binder, array, e.arrayType()), binder.coerce(element, e));
    }

    private static BoundExpr coerceArray(ExpressionBinder binder, BoundExpr array, SqlType target) {
        if (array.type() == target || array.type() == SqlType.UNKNOWN || array instanceof BoundExpr.ParamRef) {
            return binder.coerce(array, target);
        }
        return new BoundExpr.Cast(array, target, -1, false);
    }
}
