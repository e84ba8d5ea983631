package io.heliosdb.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The shape of an array value. A multi-dimensional array is a list of equally shaped sub-lists (row-major,
 * every lower bound 1), so {@code {{1,2},{3,4}}} is {@code [[1, 2], [3, 4]]} and an empty array has no
 * dimensions, as in PostgreSQL.
 */
public final class ArrayShape {

    private ArrayShape() {
    }

    /** The length of each dimension; {@code ragged} is thrown when the sub-arrays do not match. */
    public static int[] dimensions(List<?> array, Supplier<? extends RuntimeException> ragged) {
        if (array.isEmpty()) {
            return new int[0];
        }
        if (!(array.get(0) instanceof List<?> first)) {
            for (Object e : array) {
                if (e instanceof List) {
                    throw ragged.get();
                }
            }
            return new int[] {array.size()};
        }
        int[] inner = dimensions(first, ragged);
        if (inner.length == 0) {
            throw ragged.get();
        }
        for (Object e : array) {
            if (!(e instanceof List<?> sub) || !Arrays.equals(dimensions(sub, ragged), inner)) {
                throw ragged.get();
            }
        }
        int[] out = new int[inner.length + 1];
        out[0] = array.size();
        System.arraycopy(inner, 0, out, 1, inner.length);
        return out;
    }

    /** The dimensions of a well-formed array (the engine only builds rectangular ones). */
    public static int[] dimensions(List<?> array) {
        return dimensions(array, () -> new IllegalStateException("ragged array"));
    }

    /** The elements in storage (row-major) order. */
    public static List<Object> flatten(List<?> array) {
        List<Object> out = new ArrayList<>();
        flatten(array, out);
        return out;
    }

    private static void flatten(List<?> array, List<Object> out) {
        for (Object e : array) {
            if (e instanceof List<?> sub) {
                flatten(sub, out);
            } else {
                out.add(e);
            }
        }
    }

    /** True when the value has more than one dimension. */
    public static boolean nested(List<?> array) {
        return !array.isEmpty() && array.get(0) instanceof List;
    }
}
