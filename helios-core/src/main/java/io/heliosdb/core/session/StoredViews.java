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
class StoredViews implements DefinitionCatalog {
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

    /** The schemas made by CREATE SCHEMA, by name. */
    static List<io.heliosdb.sql.schema.SchemaDef> schemas(Map<String, Object> all) {
        return ofKind(all, io.heliosdb.sql.schema.SchemaDef.class, io.heliosdb.sql.schema.SchemaDef::name);
    }

    /** The composite types among the catalog objects, by name. */
    static List<io.heliosdb.sql.schema.TypeDef> types(Map<String, Object> all) {
        return ofKind(all, io.heliosdb.sql.schema.TypeDef.class, io.heliosdb.sql.schema.TypeDef::name);
    }

    private static <T> List<T> ofKind(Map<String, Object> all, Class<T> kind,
            java.util.function.Function<T, String> name) {
        List<T> out = new ArrayList<>();
        for (Object o : all.values()) {
            if (kind.isInstance(o)) {
                out.add(kind.cast(o));
            }
        }
        out.sort(java.util.Comparator.comparing(name));
        return out;
    }

    static Optional<io.heliosdb.sql.schema.TypeDef> type(Optional<Object> stored) {
        return stored.filter(io.heliosdb.sql.schema.TypeDef.class::isInstance)
                .map(io.heliosdb.sql.schema.TypeDef.class::cast);
    }

    @Override
    public io.heliosdb.sql.schema.TypeDef putType(io.heliosdb.sql.schema.TypeDef type) {
        io.heliosdb.sql.schema.TypeDef stored = type.id() == 0 ? type.withId(objects.nextId()) : type;
        objects.put(ObjectDefCodec.typeKey(type.name()), stored);
        return stored;
    }

    @Override
    public void dropType(io.heliosdb.sql.schema.TypeDef type) {
        objects.put(ObjectDefCodec.typeKey(type.name()), null);
    }

    static Optional<io.heliosdb.sql.schema.SchemaDef> schema(Optional<Object> stored) {
        return stored.filter(io.heliosdb.sql.schema.SchemaDef.class::isInstance)
                .map(io.heliosdb.sql.schema.SchemaDef.class::cast);
    }

    @Override
    public io.heliosdb.sql.schema.SchemaDef putSchema(io.heliosdb.sql.schema.SchemaDef schema) {
        io.heliosdb.sql.schema.SchemaDef stored = schema.id() == 0
                ? new io.heliosdb.sql.schema.SchemaDef(objects.nextId(), schema.name(), schema.owner()) : schema;
        objects.put(ObjectDefCodec.schemaKey(schema.name()), stored);
        return stored;
    }

    @Override
    public void dropSchema(io.heliosdb.sql.schema.SchemaDef schema) {
        objects.put(ObjectDefCodec.schemaKey(schema.name()), null);
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
