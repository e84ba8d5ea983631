package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.core.monitor.CacheInfo;
import io.heliosdb.core.monitor.KernelStats;
import io.heliosdb.core.monitor.PrometheusFormat;
import io.heliosdb.core.monitor.Sample;
import io.heliosdb.core.monitor.StatsSource;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Read-only virtual tables computed when scanned, never stored in the catalog:
 * <ul>
 *   <li>{@code helios_stats (name text, value text)}: every kernel metric, one per row; values are
 *       text because a few are words ({@code mode}, {@code storage_engine}, {@code cache_provider}),
 *       the numeric ones are plain decimal numbers ({@code value::float8} reads them);</li>
 *   <li>{@code helios_cache_stats (provider, hits, misses, hit_rate, evictions, bytes_used,
 *       capacity_bytes)}: one row when a cache layer is in use, none otherwise;</li>
 *   <li>{@code pg_stat_activity (pid, datname, usename, application_name, backend_start, query_start,
 *       wait_event_type, wait_event, state, query)}: one row per open session.</li>
 * </ul>
 * A stored table of the same name (made before these existed) takes precedence; new ones cannot be
 * created. Writing to a view fails with {@code 42809} when a row is touched.
 */
public final class SystemViews {
    public static final String HELIOS_STATS = "helios_stats";
    public static final String HELIOS_CACHE_STATS = "helios_cache_stats";
    public static final String PG_STAT_ACTIVITY = "pg_stat_activity";
    /** The setting {@code SHOW helios.mode} reads. */
    public static final String MODE_SETTING = "helios.mode";

    private static final String DATABASE = "heliosdb";

    private static final TableDef STATS = view(-1, HELIOS_STATS, col("name", SqlType.TEXT), col("value", SqlType.TEXT));
    private static final TableDef CACHE = view(-2, HELIOS_CACHE_STATS, col("provider", SqlType.TEXT),
            col("hits", SqlType.BIGINT), col("misses", SqlType.BIGINT), col("hit_rate", SqlType.DOUBLE),
            col("evictions", SqlType.BIGINT), col("bytes_used", SqlType.BIGINT), col("capacity_bytes", SqlType.BIGINT));
    private static final TableDef ACTIVITY = view(-3, PG_STAT_ACTIVITY, col("pid", SqlType.INTEGER),
            col("datname", SqlType.TEXT), col("usename", SqlType.TEXT), col("application_name", SqlType.TEXT),
            col("backend_start", SqlType.TIMESTAMP), col("query_start", SqlType.TIMESTAMP),
            col("wait_event_type", SqlType.TEXT), col("wait_event", SqlType.TEXT), col("state", SqlType.TEXT),
            col("query", SqlType.TEXT));
    private static final Map<String, TableDef> VIEWS = Map.of(HELIOS_STATS, STATS, HELIOS_CACHE_STATS, CACHE,
            PG_STAT_ACTIVITY, ACTIVITY);

    private final StatsSource stats;
    private final Supplier<Collection<SessionActivity>> activity;

    private final String bootstrapUser;

    public SystemViews(StatsSource stats, Supplier<Collection<SessionActivity>> activity) {
        this(stats, activity, "postgres");
    }

    /** {@code bootstrapUser}: the superuser from the configuration, which exists without being stored. */
    public SystemViews(StatsSource stats, Supplier<Collection<SessionActivity>> activity, String bootstrapUser) {
        this.stats = stats;
        this.activity = activity;
        this.bootstrapUser = bootstrapUser;
    }

    /** The bootstrap superuser's name. */
    public String bootstrapUser() {
        return bootstrapUser;
    }

    public Optional<TableDef> table(String name) {
        TableDef view = VIEWS.get(name);
        return Optional.ofNullable(view != null ? view : PgCatalogViews.table(name));
    }

    /** Whether a table definition is one of these views (they alone have negative ids). */
    public static boolean isView(TableDef table) {
        return table.id() < 0 && VIEWS.containsKey(table.name()) || PgCatalogViews.isCatalogView(table);
    }

    public static boolean isViewName(String name) {
        return VIEWS.containsKey(name) || PgCatalogViews.isName(name);
    }


    /** The database name the catalog views and {@code current_database()} show. */
    public String database() {
        return DATABASE;
    }

    /** Scans a helios_* view, or a pg_catalog / information_schema one over {@code objects}. */
    RowCursor scan(TableDef table, Supplier<CatalogObjects> objects) {
        return PgCatalogViews.isCatalogView(table) ? new ListCursor(PgCatalogViews.rows(table, objects.get()))
                : scan(table);
    }

    public String mode() {
        return stats.mode().displayName();
    }

    public RowCursor scan(TableDef table) {
        List<Object[]> rows = switch (table.name()) {
            case HELIOS_STATS -> statsRows();
            case HELIOS_CACHE_STATS -> cacheRows();
            default -> activity.get().stream().map(a -> a.row(DATABASE)).toList();
        };
        return new ListCursor(rows);
    }

    static HeliosException readOnly(TableDef table) {
        return new HeliosException(SqlState.WRONG_OBJECT_TYPE, "cannot change system view \"" + table.name() + "\"",
                "The helios_* and pg_stat_* views are read-only.", null, 0, null);
    }

    private List<Object[]> statsRows() {
        List<Object[]> rows = new ArrayList<>();
        KernelStats.facts(stats).forEach((name, value) -> rows.add(new Object[] {name, value}));
        for (Sample s : KernelStats.collect(stats)) {
            if (s.sqlName() != null) {
                rows.add(new Object[] {s.sqlName(), PrometheusFormat.number(s.value())});
            }
        }
        return rows;
    }

    private List<Object[]> cacheRows() {
        CacheInfo cache = stats.cache();
        if (cache == null) {
            return List.of();
        }
        CacheLayer.Stats s = cache.layer().stats();
        return List.<Object[]>of(new Object[] {cache.provider(), s.hits(), s.misses(), s.hitRate(), s.evictions(),
            s.bytesUsed(), cache.capacityBytes()});
    }

    private static TableDef view(long id, String name, ColumnDef... columns) {
        return new TableDef(id, name, List.of(columns), List.of());
    }

    private static ColumnDef col(String name, SqlType type) {
        return new ColumnDef(name, type, -1, false, null);
    }

    /** Rows computed up front (views are small); row keys are never used, as views refuse writes. */
    private static final class ListCursor implements RowCursor {
        private final Iterator<Object[]> rows;
        private Object[] row;

        ListCursor(List<Object[]> rows) {
            this.rows = rows.iterator();
        }

        @Override
        public boolean next() {
            row = rows.hasNext() ? rows.next() : null;
            return row != null;
        }

        @Override
        public Object[] row() {
            return row;
        }

        @Override
        public byte[] rowKey() {
            return new byte[0];
        }

        @Override
        public void close() {
        }
    }
}
