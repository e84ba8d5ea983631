package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Index entries from the kernel side: scans against a filtered full scan, MVCC visibility, vacuum. */
class TableIndexesTest {
    private static final TableDef DEF = new TableDef(0, "t", List.of(
            new ColumnDef("id", SqlType.BIGINT, -1, true, null),
            new ColumnDef("a", SqlType.INTEGER, -1, false, null),
            new ColumnDef("b", SqlType.TEXT, -1, false, null),
            new ColumnDef("c", SqlType.INTEGER, -1, false, null)), List.of(0));
    /** (a ASC, b DESC): mixed directions, NULLs in both. */
    private static final IndexDef AB = new IndexDef("t_ab", "t", List.of(1, 2), List.of(false, true), false);
    private static final IndexDef C_DESC = new IndexDef("t_c", "t", List.of(3), List.of(true), false);

    @TempDir
    Path dir;

    private StorageEngine open(String engine) {
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(engine)).findFirst().orElseThrow();
        return provider.open(engine.equals("memory") ? StorageConfig.defaults().withMemoryOnly()
                : StorageConfig.defaults().withPath(dir.resolve("db")));
    }

    private static void write(TransactionalStore store, Consumer<TableRows> work) {
        Transaction t = store.begin();
        try (StatementReads reads = store.openReads(t)) {
            work.accept(new TableRows(store, t, reads));
        }
        store.commit(t);
    }

    private static <T> T read(TransactionalStore store, Transaction t, Function<TableRows, T> work) {
        try (StatementReads reads = store.openReads(t)) {
            return work.apply(new TableRows(store, t, reads));
        }
    }

    private static List<Object[]> drain(RowCursor cursor) {
        List<Object[]> rows = new ArrayList<>();
        try (cursor) {
            while (cursor.next()) {
                rows.add(cursor.row());
            }
        }
        return rows;
    }

    private static long count(StorageEngine engine, String keyspace) {
        long n = 0;
        try (KvCursor c = engine.scan(keyspace, null, null, false)) {
            while (c.next()) {
                n++;
            }
        }
        return n;
    }

    private static TableDef table(TransactionalStore store) {
        return store.catalog().snapshot().table("t").orElseThrow();
    }

    /** PostgreSQL's order of one key column: ASC puts NULLs last, DESC reverses it all. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareColumn(Object x, Object y, boolean descending) {
        int c;
        if (x == null || y == null) {
            c = x == null ? (y == null ? 0 : 1) : -1;
        } else {
            c = ((Comparable) x).compareTo(y);
        }
        return descending ? -c : c;
    }

    private static int comparePrefix(IndexDef index, Object[] row, Object[] bound) {
        for (int i = 0; i < bound.length; i++) {
            int c = compareColumn(row[index.columns().get(i)], bound[i], index.descending().get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<Long> expected(List<Object[]> all, IndexDef index, Object[] lower, boolean lowerInc,
                                       Object[] upper, boolean upperInc, boolean reverse) {
        Comparator<Object[]> order = (x, y) -> {
            for (int i = 0; i < index.columns().size(); i++) {
                int c = compareColumn(x[index.columns().get(i)], y[index.columns().get(i)], index.descending().get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Long.compare((Long) x[0], (Long) y[0]);
        };
        List<Long> ids = all.stream()
                .filter(r -> lower == null || (lowerInc ? comparePrefix(index, r, lower) >= 0 : comparePrefix(index, r, lower) > 0))
                .filter(r -> upper == null || (upperInc ? comparePrefix(index, r, upper) <= 0 : comparePrefix(index, r, upper) < 0))
                .sorted(reverse ? order.reversed() : order).map(r -> (Long) r[0]).toList();
        return ids;
    }

    private static Object randomA(Random random) {
        return random.nextInt(8) == 0 ? null : random.nextInt(10) - 5;
    }

    private static Object randomB(Random random) {
        return random.nextInt(8) == 0 ? null : String.valueOf((char) ('a' + random.nextInt(5)));
    }

    private static Object[] randomBound(Random random, IndexDef index) {
        int length = random.nextInt(index.columns().size() + 1);
        if (length == 0) {
            return null;
        }
        Object[] bound = new Object[length];
        for (int i = 0; i < length; i++) {
            bound[i] = index.columns().get(i) == 2 ? randomB(random) : randomA(random);
        }
        return bound;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void indexScan_equalsFilteredFullScan_onRandomData(String engineName) {
        Random random = new Random(42);
        try (StorageEngine engine = open(engineName); TransactionalStore store = new TransactionalStore(engine, false)) {
            write(store, rows -> {
                TableDef t = rows.createTable(DEF);
                for (long id = 0; id < 150; id++) {
                    rows.insert(t, new Object[] {id, randomA(random), randomB(random), randomA(random)});
                }
            });
            write(store, rows -> {
                rows.createIndex(AB);
                rows.createIndex(C_DESC);
            });
            // Later writes: inserts, updates of indexed columns (and of the primary key), deletes.
            for (int round = 0; round < 5; round++) {
                write(store, rows -> {
                    TableDef t = table(store);
                    List<Object[]> current = drain(rows.scan(t));
                    for (Object[] row : current) {
                        int op = random.nextInt(6);
                        try (RowCursor c = rows.lookup(t, new Object[] {row[0]})) {
                            c.next();
                            if (op == 0) {
                                rows.delete(t, c.rowKey());
                            } else if (op == 1) {
                                rows.update(t, c.rowKey(), new Object[] {row[0], randomA(random), randomB(random), row[3]});
                            } else if (op == 2) {
                                rows.update(t, c.rowKey(), new Object[] {(Long) row[0] + 10_000, row[1], row[2],
                                        randomA(random)});
                            }
                        }
                    }
                    for (int i = 0; i < 20; i++) {
                        rows.insert(t, new Object[] {(long) (1000 + random.nextInt(1_000_000)), randomA(random),
                                randomB(random), randomA(random)});
                    }
                });
            }
            Transaction t = store.begin();
            List<Object[]> all = read(store, t, rows -> drain(rows.scan(table(store))));
            assertThat(all).hasSizeGreaterThan(50);
            int nonEmpty = 0;
            for (int i = 0; i < 300; i++) {
                IndexDef index = i % 3 == 0 ? C_DESC : AB;
                Object[] lower = randomBound(random, index);
                Object[] upper = randomBound(random, index);
                boolean lowerInc = random.nextBoolean();
                boolean upperInc = random.nextBoolean();
                boolean reverse = random.nextBoolean();
                List<Long> want = expected(all, index, lower, lowerInc, upper, upperInc, reverse);
                List<Long> got = read(store, t, rows -> drain(rows.indexScan(index, lower, lowerInc, upper, upperInc,
                        reverse)).stream().map(r -> (Long) r[0]).toList());
                assertThat(got).as("%s %s%s .. %s%s reverse=%s", index.name(), lowerInc ? "[" : "(",
                        Arrays.toString(lower), Arrays.toString(upper), upperInc ? "]" : ")", reverse).isEqualTo(want);
                nonEmpty += want.isEmpty() ? 0 : 1;
            }
            assertThat(nonEmpty).isGreaterThan(100);
            store.rollback(t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void indexScan_nullsSortLastAscendingAndFirstDescending(String engineName) {
        try (StorageEngine engine = open(engineName); TransactionalStore store = new TransactionalStore(engine, false)) {
            write(store, rows -> {
                TableDef t = rows.createTable(DEF);
                rows.insert(t, new Object[] {1L, null, "x", 2});
                rows.insert(t, new Object[] {2L, 3, "x", null});
                rows.insert(t, new Object[] {3L, -1, "x", 9});
                rows.createIndex(new IndexDef("t_a", "t", List.of(1), List.of(false), false));
                rows.createIndex(C_DESC);
            });
            Transaction t = store.begin();
            IndexDef a = new IndexDef("t_a", "t", List.of(1), List.of(false), false);
            assertThat(ids(store, t, a, null, false, null, false, false)).containsExactly(3L, 2L, 1L);
            assertThat(ids(store, t, C_DESC, null, false, null, false, false)).containsExactly(2L, 3L, 1L);
            // a > 0: from 0 exclusive up to (not including) the NULLs.
            assertThat(ids(store, t, a, new Object[] {0}, false, new Object[] {null}, false, false)).containsExactly(2L);
            // a IS NULL.
            assertThat(ids(store, t, a, new Object[] {null}, true, new Object[] {null}, true, false)).containsExactly(1L);
            store.rollback(t);
        }
    }

    private static List<Long> ids(TransactionalStore store, Transaction t, IndexDef index, Object[] lower,
                                  boolean lowerInc, Object[] upper, boolean upperInc, boolean reverse) {
        return read(store, t, rows -> drain(rows.indexScan(index, lower, lowerInc, upper, upperInc, reverse)))
                .stream().map(r -> (Long) r[0]).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void olderSnapshot_seesOnlyEntriesOfItsRows_andVacuumLeavesNoDeadEntries(String engineName) {
        try (StorageEngine engine = open(engineName); TransactionalStore store = new TransactionalStore(engine, false)) {
            IndexDef a = new IndexDef("t_a", "t", List.of(1), List.of(false), true);
            write(store, rows -> {
                TableDef t = rows.createTable(DEF);
                rows.createIndex(a);
                for (long id = 0; id < 10; id++) {
                    rows.insert(t, new Object[] {id, (int) id, "x", 0});
                }
            });
            Transaction old = store.begin(IsolationLevel.REPEATABLE_READ);
            assertThat(ids(store, old, a, new Object[] {3}, true, new Object[] {3}, true, false)).containsExactly(3L);
            write(store, rows -> {
                TableDef t = table(store);
                List<Object[]> current = drain(rows.scan(t));
                try (RowCursor c = rows.scan(t)) {
                    while (c.next()) {
                        long id = (Long) c.row()[0];
                        if (id % 2 == 0) {
                            rows.delete(t, c.rowKey());
                        } else {
                            rows.update(t, c.rowKey(), new Object[] {id, (int) id + 100, "x", 0});
                        }
                    }
                }
                assertThat(current).hasSize(10);
            });
            Transaction now = store.begin();
            assertThat(ids(store, old, a, new Object[] {3}, true, new Object[] {3}, true, false)).containsExactly(3L);
            assertThat(ids(store, old, a, null, false, null, false, false)).hasSize(10);
            assertThat(ids(store, now, a, new Object[] {3}, true, new Object[] {3}, true, false)).isEmpty();
            assertThat(ids(store, now, a, null, false, null, false, false)).containsExactly(1L, 3L, 5L, 7L, 9L);
            store.rollback(now);

            store.vacuum();
            assertThat(ids(store, old, a, null, false, null, false, false)).hasSize(10);
            store.rollback(old);
            store.vacuum();
            assertThat(count(engine, CatalogKeys.INDEXES)).isEqualTo(5);
            assertThat(count(engine, VersionLayout.VERSIONS)).isZero();

            write(store, rows -> rows.dropIndex(rows.index("t_a").orElseThrow()));
            store.vacuum();
            assertThat(count(engine, CatalogKeys.INDEXES)).isZero();
            assertThat(count(engine, VersionLayout.VERSIONS)).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void createIndex_rolledBack_leavesNothing(String engineName) {
        try (StorageEngine engine = open(engineName); TransactionalStore store = new TransactionalStore(engine, false)) {
            write(store, rows -> {
                TableDef t = rows.createTable(DEF);
                rows.insert(t, new Object[] {1L, 1, "x", 0});
            });
            Transaction t = store.begin();
            read(store, t, rows -> rows.createIndex(AB));
            List<?> during = read(store, t, rows -> rows.indexes("t"));
            assertThat(during).hasSize(1);
            store.rollback(t);
            assertThat(store.catalog().snapshot().indexes()).isEmpty();
            assertThat(count(engine, CatalogKeys.INDEXES)).isZero();
            Transaction again = store.begin();
            List<?> after = read(store, again, rows -> rows.indexes("t"));
            assertThat(after).isEmpty();
            store.rollback(again);
        }
    }
}
