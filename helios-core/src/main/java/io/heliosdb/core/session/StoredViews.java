package io.heliosdb.core.session;

import io.heliosdb.core.catalog.ObjectDefCodec;
import io.heliosdb.core.txn.ObjectCatalog;
import io.heliosdb.sql.DefinitionCatalog;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Views kept as catalog objects, for the executor's DDL and for planning. */
final class StoredViews implements DefinitionCatalog {
    private final ObjectCatalog objects;

    StoredViews(ObjectCatalog objects) {
        this.objects = objects;
    }

    static Optional<ViewDef> view(Optional<Object> stored) {
        return stored.filter(ViewDef.class::isInstance).map(ViewDef.class::cast);
    }

    /** The views among the catalog objects, by name. */
    static List<ViewDef> views(Map<String, Object> all) {
        List<ViewDef> out = new ArrayList<>();
        for (Object o : all.values()) {
            if (o instanceof ViewDef v) {
                out.add(v);
            }
        }
        out.sort(java.util.Comparator.comparing(ViewDef::name));
        return out;
    }

    /** The comments among the catalog objects, by target (see DefinitionCatalog#setComment). */
    static Map<String, String> comments(Map<String, Object> all) {
        Map<String, String> out = new java.util.TreeMap<>();
        all.forEach((key, o) -> {
            if (o instanceof String text && key.startsWith(COMMENT_PREFIX)) {
                out.put(key.substring(COMMENT_PREFIX.length()), text);
            }
        });
        return out;
    }

    private static final String COMMENT_PREFIX = ObjectDefCodec.commentKey("");

    @Override
    public void setComment(String target, String text) {
        objects.put(ObjectDefCodec.commentKey(target), text);
    }

    @Override
    public ViewDef putView(ViewDef view) {
        ViewDef stored = view.id() == 0 ? view.withId(objects.nextId()) : view;
        objects.put(ObjectDefCodec.viewKey(view.name()), stored);
        return stored;
    }

    @Override
    public void dropView(ViewDef view) {
        objects.put(ObjectDefCodec.viewKey(view.name()), null);
    }
}
