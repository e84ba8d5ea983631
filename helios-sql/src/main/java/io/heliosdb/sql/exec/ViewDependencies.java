package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The views that read a relation being dropped: refused (2BP01) unless CASCADE, which drops them first. */
final class ViewDependencies {

    private ViewDependencies() {
    }

    /**
     * The views depending (directly or through other views) on the relations {@code dropped} of kind
     * {@code kind} ("table" or "view"), dependents before what they depend on; 2BP01 naming them when not
     * {@code cascade}. Views among {@code dropped} themselves are not counted.
     */
    static List<ViewDef> dependents(ExecutionContext ctx, Collection<String> dropped, String kind, boolean cascade) {
        List<ViewDef> all = ctx.views();
        if (all.isEmpty()) {
            return List.of();
        }
        Set<String> droppedSet = new HashSet<>(dropped);
        Map<String, ViewDef> found = new LinkedHashMap<>();
        List<String> detail = new ArrayList<>();
        for (String name : dropped) {
            collect(all, name, kind, droppedSet, found, detail);
            if (!found.isEmpty() && !cascade) {
                throw new HeliosException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop " + kind + " " + name
                        + " because other objects depend on it", String.join("\n", detail),
                        "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
            }
        }
        if (found.size() == 1) {
            ctx.notice("drop cascades to view " + found.keySet().iterator().next());
        } else if (found.size() > 1) {
            ctx.notice("drop cascades to " + found.size() + " other objects");
        }
        List<ViewDef> order = new ArrayList<>(found.values());
        java.util.Collections.reverse(order);
        return order;
    }

    private static void collect(List<ViewDef> all, String name, String kind, Set<String> dropped,
                                Map<String, ViewDef> found, List<String> detail) {
        for (ViewDef v : all) {
            if (v.dependsOn().contains(name) && !dropped.contains(v.name()) && !found.containsKey(v.name())) {
                found.put(v.name(), v);
                detail.add("view " + v.name() + " depends on " + kind + " " + name);
                collect(all, v.name(), "view", dropped, found, detail);
            }
        }
    }
}
