package io.heliosdb.core.session;

import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.schema.QualifiedNames;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.List;
import java.util.Optional;

/**
 * The tables and views of a catalog listing as a schema lookup, so information_schema can ask whether a view
 * is automatically updatable. View bodies name relations qualified (as CREATE VIEW resolved them) or bare,
 * meaning public; objects in public are stored under bare names.
 */
final class CatalogViewLookup implements SchemaLookup {
    private final CatalogObjects objects;

    CatalogViewLookup(CatalogObjects objects) {
        this.objects = objects;
    }

    private static String stored(String name) {
        return QualifiedNames.isQualified(name) && QualifiedNames.schemaOf(name).equals(QualifiedNames.PUBLIC)
                ? QualifiedNames.localName(name) : name;
    }

    @Override
    public Optional<TableDef> table(String name) {
        String key = stored(name);
        return objects.tables().stream().filter(t -> t.name().equals(key)).findFirst();
    }

    @Override
    public Optional<ViewDef> view(String name) {
        String key = stored(name);
        return objects.views().stream().filter(v -> v.name().equals(key)).findFirst();
    }

    @Override
    public List<TableDef> tables() {
        return objects.tables();
    }

    @Override
    public List<ViewDef> views() {
        return objects.views();
    }

    /** "YES" when {@code view} is automatically updatable, else "NO". */
    String updatable(ViewDef view) {
        return io.heliosdb.sql.ViewUpdatability.isUpdatable(this, view) ? "YES" : "NO";
    }
}
