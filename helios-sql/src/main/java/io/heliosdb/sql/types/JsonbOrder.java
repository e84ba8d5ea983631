package io.heliosdb.sql.types;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * jsonb's btree order and equality over the normalised text the engine carries jsonb in. Equal text is
 * not the whole story: {@code 1.0} and {@code 1} are equal jsonb numbers, and the order is by kind and
 * size before content, so values are compared as trees.
 */
public final class JsonbOrder {

    private JsonbOrder() {
    }

    /** Compares two non-null jsonb texts as PostgreSQL's jsonb_cmp does. */
    public static int compare(Object a, Object b) {
        if (a.equals(b)) {
            return 0;
        }
        Object x = Json.parse((String) a, true);
        Object y = Json.parse((String) b, true);
        // A top-level scalar is stored as a one-element array, so an empty top-level array sorts below it.
        boolean xEmpty = x instanceof List<?> l && l.isEmpty();
        boolean yEmpty = y instanceof List<?> l && l.isEmpty();
        if (xEmpty != yEmpty && (isScalar(x) || isScalar(y))) {
            return xEmpty ? -1 : 1;
        }
        return Json.compare(x, y);
    }

    /** A value whose equals/hashCode agree with jsonb equality, for GROUP BY and DISTINCT. */
    public static Object groupingKey(Object v) {
        return canonical(Json.parse((String) v, true));
    }

    @SuppressWarnings("unchecked")
    private static Object canonical(Object tree) {
        if (tree instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (tree instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(e -> out.add(canonical(e)));
            return out;
        }
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, e) -> out.put(k, canonical(e)));
            return out;
        }
        // JSON null is one shared object, so identity equality serves it.
        return tree;
    }

    private static boolean isScalar(Object tree) {
        return !(tree instanceof List || tree instanceof Map);
    }
}
