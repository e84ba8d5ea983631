package io.heliosdb.core.catalog;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.sql.schema.TableDef;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The committed catalog, loaded from storage at open and replaced whole after each commit that
 * changed it. Readers take an immutable {@link Snapshot}; its version tells plans made against an
 * older catalog that they must be made again.
 */
public final class Catalog {

    /** The committed tables at one catalog version. */
    public record Snapshot(long version, Map<String, TableDef> tables) {
        public Optional<TableDef> table(String name) {
            return Optional.ofNullable(tables.get(name));
        }
    }

    private volatile Snapshot current;

    private Catalog(Snapshot initial) {
        this.current = initial;
    }

    /** Reads every table definition from storage. */
    public static Catalog load(KvReader reader) {
        Map<String, TableDef> tables = new TreeMap<>();
        try (KvCursor cursor = reader.scan(CatalogKeys.CATALOG, CatalogKeys.tablesFrom(), CatalogKeys.tablesTo(),
                false)) {
            while (cursor.next()) {
                TableDef table = TableDefCodec.decode(cursor.value());
                tables.put(table.name(), table);
            }
        }
        return new Catalog(new Snapshot(1, Collections.unmodifiableMap(tables)));
    }

    public Snapshot snapshot() {
        return current;
    }

    /**
     * Publishes committed changes: a table name mapped to its new definition, or to null when it
     * was dropped.
     */
    public synchronized void apply(Map<String, TableDef> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, TableDef> tables = new TreeMap<>(current.tables());
        changes.forEach((name, def) -> {
            if (def == null) {
                tables.remove(name);
            } else {
                tables.put(name, def);
            }
        });
        current = new Snapshot(current.version() + 1, Collections.unmodifiableMap(tables));
    }
}
