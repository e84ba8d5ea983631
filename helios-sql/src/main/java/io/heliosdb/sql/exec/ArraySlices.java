package io.heliosdb.sql.exec;

import io.heliosdb.api.ArrayShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Array slices {@code a[l:u][l:u]...} as PostgreSQL takes them (arrays here always start at index 1). */
final class ArraySlices {

    private ArraySlices() {
    }

    /**
     * The elements of {@code array} within {@code bounds} (lower, upper per dimension, cut to the array's own);
     * dimensions past the bounds are taken whole. An empty array when a range is empty or when there are more
     * ranges than dimensions, as PostgreSQL gives.
     */
    static List<Object> slice(List<?> array, int[] bounds) {
        int[] dims = ArrayShape.dimensions(array);
        int ranges = bounds.length / 2;
        if (ranges > dims.length) {
            return List.of();
        }
        int[] low = new int[dims.length];
        int[] high = new int[dims.length];
        for (int d = 0; d < dims.length; d++) {
            low[d] = d < ranges ? Math.max(bounds[2 * d], 1) : 1;
            high[d] = d < ranges ? Math.min(bounds[2 * d + 1], dims[d]) : dims[d];
            if (low[d] > high[d]) {
                return List.of();
            }
        }
        return cut(array, 0, low, high);
    }

    private static List<Object> cut(List<?> level, int d, int[] low, int[] high) {
        List<Object> out = new ArrayList<>(high[d] - low[d] + 1);
        for (int i = low[d]; i <= high[d]; i++) {
            Object e = level.get(i - 1);
            out.add(d + 1 < low.length ? cut((List<?>) e, d + 1, low, high) : e);
        }
        return Collections.unmodifiableList(out);
    }
}
