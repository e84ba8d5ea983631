package io.heliosdb.sql;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.types.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A kernel stand-in for tests: one TreeMap per table, keyed by primary key (or a row id). */
final class InMemoryContext implements ExecutionContext {
    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Values.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final Map<String, TableDef> tables = new HashMap<>();
    private final Map<String, TreeMap<List<Object>, Object[]>> rows = new HashMap<>();
    // Setting names are case-insensitive, as the kernel's are (SET timezone sets TimeZone).
    private final Map<String, String> settings = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** Index definitions only: this double checks the catalog side, the kernel maintains index entries. */
    private final Map<String, IndexDef> indexes = new HashMap<>();
    private long nextTableId = 1;
    private long nextRowId = 1;
    int scans;
    int lookups;
    int indexScans;
    /** Rows full scans returned, by table: how much of each join input was read. */
    final Map<String, Integer> rowsScanned = new HashMap<>();

    InMemoryContext() {
        settings.put("server_version", "16.0");
        settings.put("client_encoding", "UTF8");
    }

    @Override
    public Optional<TableDef> table(String name) {
        return Optional.ofNullable(tables.get(io.heliosdb.sql.schema.QualifiedNames.normalize(name)));
    }

    @Override
    public TableDef createTable(TableDef definition) {
        if (tables.containsKey(definition.name())) {
            throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + definition.name() + "\" already exists");
        }
        TableDef created = definition.withId(nextTableId++);
        tables.put(created.name(), created);
        rows.put(created.name(), new TreeMap<>(KEY_ORDER));
        return created;
    }

    @Override
    public Optional<IndexDef> index(String name) {
        return Optional.ofNullable(indexes.get(name));
    }

    @Override
    public List<IndexDef> indexes(String table) {
        return indexes.values().stream().filter(i -> i.table().equals(table)).toList();
    }

    @Override
    public void createIndex(IndexDef index) {
        if (index.unique()) {
            java.util.Set<List<Object>> keys = new java.util.HashSet<>();
            for (Object[] row : rows.get(index.table()).values()) {
                List<Object> key = index.columns().stream().map(c -> row[c]).toList();
                if (!key.contains(null) && !keys.add(key)) {
                    throw new HeliosException(SqlState.UNIQUE_VIOLATION, "could not create unique index \""
                            + index.name() + "\"");
                }
            }
        }
        indexes.put(index.name(), index);
    }

    @Override
    public void dropIndex(IndexDef index) {
        indexes.remove(index.name());
    }

    @Override
    public void dropTable(TableDef table) {
        indexes.values().removeIf(i -> i.table().equals(table.name()));
        tables.remove(table.name());
        rows.remove(table.name());
    }

    @Override
    public RowCursor scan(TableDef table) {
        scans++;
        RowCursor all = cursor(new ArrayList<>(rows.get(table.name()).entrySet()));
        return new RowCursor() {
            @Override
            public boolean next() {
                boolean more = all.next();
                if (more) {
                    rowsScanned.merge(table.name(), 1, Integer::sum);
                }
                return more;
            }

            @Override
            public Object[] row() {
                return all.row();
            }

            @Override
            public byte[] rowKey() {
                return all.rowKey();
            }

            @Override
            public void close() {
                all.close();
            }
        };
    }

    /** Sorts and filters the table's rows by the index key, as the kernel's index would return them. */
    @Override
    public RowCursor indexScan(IndexDef index, Object[] lower, boolean lowerInclusive, Object[] upper,
                               boolean upperInclusive, boolean reverse) {
        indexScans++;
        java.util.Comparator<Object[]> order = (x, y) -> comparePrefix(index, x, y, Math.min(x.length, y.length));
        List<Map.Entry<List<Object>, Object[]>> out = new ArrayList<>();
        for (Map.Entry<List<Object>, Object[]> e : rows.get(index.table()).entrySet()) {
            Object[] key = index.columns().stream().map(c -> e.getValue()[c]).toArray();
            if (lower != null && lower.length > 0) {
                int c = comparePrefix(index, key, lower, lower.length);
                if (c < 0 || c == 0 && !lowerInclusive) {
                    continue;
                }
            }
            if (upper != null && upper.length > 0) {
                int c = comparePrefix(index, key, upper, upper.length);
                if (c > 0 || c == 0 && !upperInclusive) {
                    continue;
                }
            }
            out.add(e);
        }
        java.util.Comparator<Map.Entry<List<Object>, Object[]>> byKey = (x, y) -> order.compare(
                index.columns().stream().map(c -> x.getValue()[c]).toArray(),
                index.columns().stream().map(c -> y.getValue()[c]).toArray());
        out.sort(reverse ? byKey.reversed() : byKey);
        return cursor(out);
    }

    private static int comparePrefix(IndexDef index, Object[] key, Object[] bound, int length) {
        for (int i = 0; i < length; i++) {
            Object a = key[i];
            Object b = bound[i];
            int c = a == null ? (b == null ? 0 : 1) : b == null ? -1 : Values.compare(a, b);
            if (c != 0) {
                return index.descending().get(i) ? -c : c;
            }
        }
        return 0;
    }

    @Override
    public RowCursor lookup(TableDef table, Object[] key) {
        lookups++;
        Object[] row = rows.get(table.name()).get(List.of(key));
        return cursor(row == null ? List.of() : List.of(Map.entry(List.of(key), row)));
    }

    private static RowCursor cursor(List<Map.Entry<List<Object>, Object[]>> entries) {
        Iterator<Map.Entry<List<Object>, Object[]>> it = entries.iterator();
        return new RowCursor() {
            private Map.Entry<List<Object>, Object[]> current;

            @Override
            public boolean next() {
                current = it.hasNext() ? it.next() : null;
                return current != null;
            }

            @Override
            public Object[] row() {
                return current.getValue().clone();
            }

            @Override
            public byte[] rowKey() {
                return encode(current.getKey());
            }

            @Override
            public void close() {
            }
        };
    }

    private final Map<String, List<Object>> keysByEncoding = new HashMap<>();

    private static byte[] encode(List<Object> key) {
        StringBuilder sb = new StringBuilder();
        for (Object o : key) {
            sb.append(o.getClass().getSimpleName()).append(':').append(Values.groupingKey(o)).append('\u0000');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<Object> keyOf(TableDef table, Object[] row) {
        if (!table.hasPrimaryKey()) {
            return List.of(nextRowId++);
        }
        List<Object> key = new ArrayList<>();
        for (int i : table.primaryKey()) {
            key.add(row[i]);
        }
        return key;
    }

    @Override
    public void insert(TableDef table, Object[] row) {
        TreeMap<List<Object>, Object[]> data = rows.get(table.name());
        List<Object> key = keyOf(table, row);
        if (data.containsKey(key)) {
            throw new HeliosException(SqlState.UNIQUE_VIOLATION,
                    "duplicate key value violates unique constraint \"" + table.name() + "_pkey\"");
        }
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v != null && !table.columns().get(i).type().javaClass().isInstance(v)) {
                throw new AssertionError("column " + table.columns().get(i).name() + " got " + v.getClass());
            }
        }
        data.put(key, row.clone());
        keysByEncoding.put(new String(encode(key), StandardCharsets.UTF_8), key);
    }

    @Override
    public void update(TableDef table, byte[] rowKey, Object[] newRow) {
        TreeMap<List<Object>, Object[]> data = rows.get(table.name());
        List<Object> oldKey = keysByEncoding.get(new String(rowKey, StandardCharsets.UTF_8));
        List<Object> newKey = table.hasPrimaryKey() ? keyOf(table, newRow) : oldKey;
        if (KEY_ORDER.compare(oldKey, newKey) != 0 && data.containsKey(newKey)) {
            throw new HeliosException(SqlState.UNIQUE_VIOLATION,
                    "duplicate key value violates unique constraint \"" + table.name() + "_pkey\"");
        }
        data.remove(oldKey);
        data.put(newKey, newRow.clone());
        keysByEncoding.put(new String(encode(newKey), StandardCharsets.UTF_8), newKey);
    }

    @Override
    public void delete(TableDef table, byte[] rowKey) {
        rows.get(table.name()).remove(keysByEncoding.get(new String(rowKey, StandardCharsets.UTF_8)));
    }

    @Override
    public String setting(String name) {
        return settings.get(name);
    }

    @Override
    public void setSetting(String name, String value) {
        settings.put(name, value);
    }
}
