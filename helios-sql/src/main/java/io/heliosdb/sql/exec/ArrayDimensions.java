package io.heliosdb.sql.exec;

import io.heliosdb.api.ArrayShape;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The multi-dimensional array forms typed by {@code analyze.MultiDimArrays}, and dimension queries of any array. */
final class ArrayDimensions {

    private ArrayDimensions() {
    }

    /** The evaluator, or null when {@code call} is not one of these functions. */
    static Evaluator compile(BuiltinCall call, Evaluator[] args) {
        return switch (call.name()) {
            case "array[][]" -> (row, rt) -> {
                Object[] values = new Object[args.length];
                for (int i = 0; i < args.length; i++) {
                    values[i] = args[i].evaluate(row, rt);
                }
                return construct(values);
            };
            case "[]" -> args.length > 2 ? (row, rt) -> {
                Object v = args[0].evaluate(row, rt);
                for (int i = 1; i < args.length && v != null; i++) {
                    Integer index = (Integer) args[i].evaluate(row, rt);
                    v = index == null ? null : element(v, index);
                }
                return v instanceof List ? null : v;
            } : null;
            case "[:]" -> (row, rt) -> {
                Object v = args[0].evaluate(row, rt);
                int[] bounds = new int[args.length - 1];
                for (int i = 1; i < args.length && v != null; i++) {
                    Integer bound = (Integer) args[i].evaluate(row, rt);
                    if (bound == null) {
                        return null;
                    }
                    bounds[i - 1] = bound;
                }
                return v == null ? null : ArraySlices.slice((List<?>) v, bounds);
            };
            case "array_dims" -> strict(args[0], a -> a.isEmpty() ? null : dims(ArrayShape.dimensions(a)));
            case "array_ndims" -> strict(args[0], a -> a.isEmpty() ? null : ArrayShape.dimensions(a).length);
            default -> null;
        };
    }

    /** {@code a[index]} of one level; NULL outside the bounds or past the last dimension. */
    static Object element(Object array, int index) {
        if (!(array instanceof List<?> list)) {
            return null;
        }
        return index >= 1 && index <= list.size() ? list.get(index - 1) : null;
    }

    /** array_length/array_upper (length) and array_lower (1) of dimension {@code d}; NULL where it does not exist. */
    static Integer bound(List<?> array, int d, boolean lower) {
        int[] dims = ArrayShape.dimensions(array);
        if (d < 1 || d > dims.length) {
            return null;
        }
        return lower ? 1 : dims[d - 1];
    }

    /** PostgreSQL's ARRAY[sub-arrays]: NULL or empty sub-arrays only when all are; otherwise equal shapes (2202E). */
    private static List<Object> construct(Object[] subs) {
        int[] shape = null;
        boolean empty = false;
        List<Object> out = new ArrayList<>(subs.length);
        for (Object v : subs) {
            List<?> sub = (List<?>) v;
            if (sub == null || sub.isEmpty()) {
                empty = true;
                continue;
            }
            int[] dims = ArrayShape.dimensions(sub);
            if (shape != null && !Arrays.equals(shape, dims)) {
                throw mismatch();
            }
            shape = dims;
            out.add(sub);
        }
        if (empty && shape != null) {
            throw mismatch();
        }
        return Collections.unmodifiableList(out);
    }

    private static HeliosException mismatch() {
        return new HeliosException(SqlState.ARRAY_SUBSCRIPT_ERROR,
                "multidimensional arrays must have array expressions with matching dimensions");
    }

    private static String dims(int[] dims) {
        StringBuilder out = new StringBuilder();
        for (int d : dims) {
            out.append("[1:").append(d).append(']');
        }
        return out.toString();
    }

    private static Evaluator strict(Evaluator arg, java.util.function.Function<List<?>, Object> f) {
        return (row, rt) -> {
            Object v = arg.evaluate(row, rt);
            return v == null ? null : f.apply((List<?>) v);
        };
    }
}
