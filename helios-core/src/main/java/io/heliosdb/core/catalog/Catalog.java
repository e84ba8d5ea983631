package io.heliosdb.core.catalog;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.sql.schema.TableDef;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The committed catalog as decoded table and index definitions, one immutable state per commit that changed
 * it, keyed by that commit's timestamp. The definitions themselves live in storage under MVCC (the
 * {@code catalog} keyspace); this is their decoded history, so a snapshot finds the catalog it
 * must see with one map lookup. States no open snapshot can see are pruned by vacuum.
 */
public final class Catalog {

    /** The committed tables and indexes as of commit timestamp {@code version}. */
    public record Snapshot(long version, Map<String, TableDef> tables, Map<String, StoredIndex> indexes,
                           Map<String, Object> objects) {
        public Snapshot(long version, Map<String, TableDef> tables, Map<String, StoredIndex> indexes) {
            this(version, tables, indexes, Map.of());
        }

        /** A view, schema or comment by its object key (see ObjectDefCodec). */
        public Optional<Object> object(String key) {
            return Optional.ofNullable(objects.get(key));
        }

        public Optional<TableDef> table(String name) {
            return Optional.ofNullable(tables.get(name));
        }

        public Optional<StoredIndex> index(String name) {
            return Optional.ofNullable(indexes.get(name));
        }
    }

    private final NavigableMap<Long, Snapshot> states = new ConcurrentSkipListMap<>();
    /**
     * The newest state, which every statement of a quiet catalog reads: no skip-list search (and
     * no boxed key) per statement. Set after it is in {@link #states}, before its commit is visible.
     */
    private volatile Snapshot newest;

    private Catalog(Snapshot initial) {
        states.put(initial.version(), initial);
        newest = initial;
    }

    /** Reads every table and index definition visible through {@code reader}, as the state at {@code ts}. */
    public static Catalog load(KvReader reader, long ts) {
        Map<String, TableDef> tables = new TreeMap<>();
        try (KvCursor cursor = reader.scan(CatalogKeys.CATALOG, CatalogKeys.tablesFrom(), CatalogKeys.tablesTo(),
                false)) {
            while (cursor.next()) {
                TableDef table = TableDefCodec.decode(cursor.value());
                tables.put(table.name(), table);
            }
        }
        Map<String, StoredIndex> indexes = new TreeMap<>();
        try (KvCursor cursor = reader.scan(CatalogKeys.CATALOG, CatalogKeys.indexesFrom(), CatalogKeys.indexesTo(),
                false)) {
            while (cursor.next()) {
                StoredIndex index = IndexDefCodec.decode(cursor.value());
                indexes.put(index.name(), index);
            }
        }
        Map<String, Object> objects = new TreeMap<>();
        try (KvCursor cursor = reader.scan(CatalogKeys.CATALOG, CatalogKeys.objectsFrom(), CatalogKeys.objectsTo(),
                false)) {
            while (cursor.next()) {
                byte[] key = cursor.key();
                objects.put(new String(key, 1, key.length - 1, java.nio.charset.StandardCharsets.UTF_8),
                        ObjectDefCodec.decode(cursor.value()));
            }
        }
        return new Catalog(new Snapshot(ts, Collections.unmodifiableMap(tables), Collections.unmodifiableMap(indexes),
                Collections.unmodifiableMap(objects)));
    }

    /** The newest committed state. */
    public Snapshot snapshot() {
        return newest;
    }

    /** The state a snapshot at commit timestamp {@code ts} sees. */
    public Snapshot at(long ts) {
        Snapshot n = newest;
        if (ts >= n.version()) {
            return n;
        }
        Map.Entry<Long, Snapshot> e = states.floorEntry(ts);
        return e != null ? e.getValue() : states.firstEntry().getValue();
    }

    /**
     * Publishes the changes a commit at {@code ts} made: a table (index) name mapped to its new
     * definition, or to null when it was dropped. Commits publish in timestamp order.
     */
    public synchronized void apply(long ts, Map<String, TableDef> tableChanges, Map<String, StoredIndex> indexChanges) {
        apply(ts, tableChanges, indexChanges, Map.of());
    }

    /** As {@link #apply(long, Map, Map)}, with the views, schemas and comments changed (null: dropped) by key. */
    public synchronized void apply(long ts, Map<String, TableDef> tableChanges, Map<String, StoredIndex> indexChanges,
                                   Map<String, Object> objectChanges) {
        if (tableChanges.isEmpty() && indexChanges.isEmpty() && objectChanges.isEmpty()) {
            return;
        }
        Snapshot current = snapshot();
        Snapshot next = new Snapshot(ts, applied(current.tables(), tableChanges),
                applied(current.indexes(), indexChanges), applied(current.objects(), objectChanges));
        states.put(ts, next);
        newest = next;
    }

    private static <T> Map<String, T> applied(Map<String, T> current, Map<String, T> changes) {
        if (changes.isEmpty()) {
            return current;
        }
        Map<String, T> next = new TreeMap<>(current);
        changes.forEach((name, def) -> {
            if (def == null) {
                next.remove(name);
            } else {
                next.put(name, def);
            }
        });
        return Collections.unmodifiableMap(next);
    }

    /** Forgets states older than the one a snapshot at {@code horizon} sees. */
    public synchronized void prune(long horizon) {
        Long keep = states.floorKey(horizon);
        if (keep != null) {
            states.headMap(keep, false).clear();
        }
    }

    /** Catalog states kept now. */
    public int stateCount() {
        return states.size();
    }
}
