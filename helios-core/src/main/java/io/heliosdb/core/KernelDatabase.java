package io.heliosdb.core;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.LoginRole;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.core.monitor.CacheInfo;
import io.heliosdb.core.monitor.MetricsEndpoint;
import io.heliosdb.core.monitor.QueryMetrics;
import io.heliosdb.core.monitor.StatsSource;
import io.heliosdb.core.session.KernelRoles;
import io.heliosdb.core.session.KernelSession;
import io.heliosdb.core.session.SessionActivity;
import io.heliosdb.core.session.SqlFrontEnd;
import io.heliosdb.core.session.SystemViews;
import io.heliosdb.core.txn.TransactionalStore;
import io.heliosdb.core.txn.VersionVacuum;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.sql.schema.RoleDef;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open database: its storage, transactions, sessions, metrics and (in server modes) running
 * transports and metrics endpoint.
 */
public final class KernelDatabase implements HeliosDB, StatsSource {
    /** The bootstrap superuser's name when the configuration names none. */
    public static final String BOOTSTRAP_USER = "postgres";

    private final HeliosConfig config;
    private final DeploymentMode mode;
    private final StorageEngine engine;
    private final CacheInfo cache;
    /** How often old row versions are reclaimed in the background. */
    private static final Duration VACUUM_PERIOD = Duration.ofSeconds(5);

    private final TransactionalStore store;
    private final Set<KernelSession> sessions = ConcurrentHashMap.newKeySet();
    private final List<Transport> transports = new CopyOnWriteArrayList<>();
    private final QueryMetrics queries = new QueryMetrics();
    private final SystemViews views;
    private final KernelRoles roles;
    private final AtomicInteger sessionIds = new AtomicInteger();
    /** Statement texts parsed by one session, for all (see SharedParses). */
    private final io.heliosdb.core.session.SharedParses parses = new io.heliosdb.core.session.SharedParses();
    private final long startedAt = System.currentTimeMillis();
    private volatile MetricsEndpoint metricsEndpoint;
    private volatile boolean closed;

    /** Opens the kernel over an already opened engine; the database owns (and closes) the engine and cache. */
    public KernelDatabase(HeliosConfig config, DeploymentMode mode, StorageEngine engine, CacheLayer cache) {
        this(config, mode, engine, cache, "cache");
    }

    /** As above, naming the cache layer's provider (for helios_cache_stats). */
    public KernelDatabase(HeliosConfig config, DeploymentMode mode, StorageEngine engine, CacheLayer cache,
                          String cacheProvider) {
        this.config = config;
        this.mode = mode;
        this.engine = engine;
        this.cache = cache == null ? null : new CacheInfo(cacheProvider, cache, config.storage().cacheSizeBytes());
        this.store = new TransactionalStore(engine, config.storage().walEnabled(), cache);
        String bootstrap = config.server() == null || config.server().user() == null ? BOOTSTRAP_USER
                : config.server().user();
        this.roles = new KernelRoles(store, bootstrap);
        this.views = new SystemViews(this, this::activities, bootstrap);
        store.startBackgroundVacuum(VACUUM_PERIOD);
    }

    /** Removes row versions no open snapshot can see now (what a {@code VACUUM} statement runs). */
    public VersionVacuum.Result vacuum() {
        return store.vacuum();
    }

    /** The kernel's transactional store (commit and lock statistics, tests). */
    public TransactionalStore store() {
        return store;
    }

    void addTransport(Transport transport) {
        transports.add(transport);
    }

    /** Serves /metrics and /health until the database closes. */
    MetricsEndpoint startMetrics(String host, int port) {
        MetricsEndpoint endpoint = MetricsEndpoint.start(host, port, this);
        metricsEndpoint = endpoint;
        return endpoint;
    }

    /** The running metrics endpoint, or null. */
    public MetricsEndpoint metricsEndpoint() {
        return metricsEndpoint;
    }

    /** Sessions of an embedded database run as the bootstrap superuser. */
    @Override
    public Session session() {
        return open(roles.bootstrapUser(), true);
    }

    @Override
    public Session session(String user) {
        boolean superuser = roles.committed(user).map(RoleDef::superuser).orElse(false);
        return open(user, superuser);
    }

    @Override
    public Optional<LoginRole> loginRole(String name) {
        return roles.committed(name).map(r -> new LoginRole(r.name(), r.canLogin(), r.superuser(), r.password(),
                r.connectionLimit(), r.validUntil()));
    }

    private Session open(String user, boolean superuser) {
        if (closed) {
            throw new HeliosException(SqlState.ADMIN_SHUTDOWN, "the database is closed");
        }
        KernelSession[] holder = new KernelSession[1];
        KernelSession session = new KernelSession(store, SqlFrontEnd.ENGINE, user,
                config.performance().queryTimeoutSecs(), () -> sessions.remove(holder[0]), views, queries,
                sessionIds.incrementAndGet(), parses);
        holder[0] = session;
        session.reportSuperuser(superuser);
        sessions.add(session);
        return session;
    }

    @Override
    public HeliosConfig config() {
        return config;
    }

    @Override
    public DeploymentMode mode() {
        return mode;
    }

    @Override
    public List<Transport> transports() {
        return List.copyOf(transports);
    }

    /** Sessions open now. */
    @Override
    public int openSessions() {
        return sessions.size();
    }

    private Collection<SessionActivity> activities() {
        return sessions.stream().map(KernelSession::activity)
                .sorted(java.util.Comparator.comparingInt(SessionActivity::pid)).toList();
    }

    @Override
    public StorageEngine engine() {
        return engine;
    }

    @Override
    public CacheInfo cache() {
        return cache;
    }

    @Override
    public QueryMetrics queries() {
        return queries;
    }

    @Override
    public int openConnections() {
        int open = 0;
        for (Transport t : transports) {
            open += t.openConnections();
        }
        return open;
    }

    @Override
    public int maxConnections() {
        return config.server().maxConnections();
    }

    @Override
    public long[] columnCopies() {
        return store.columnCopyCounts();
    }

    @Override
    public long commits() {
        return store.committer().commitsWritten();
    }

    @Override
    public io.heliosdb.core.monitor.ContentionStats contention() {
        io.heliosdb.core.txn.LockTable.WaitStats waits = store.locks().waitStats();
        io.heliosdb.core.txn.GroupCommitter committer = store.committer();
        return new io.heliosdb.core.monitor.ContentionStats(waits.waits(), waits.waitNanos(), waits.wakeNanos(),
                committer.groupsWritten(), committer.writeNanos(), committer.commitsWritten(), committer.commitNanos(),
                store.statementRestarts(), committer.syncsDone(), committer.syncNanos());
    }

    @Override
    public long startedAtMillis() {
        return startedAt;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<RuntimeException> failures = new ArrayList<>();
        MetricsEndpoint endpoint = metricsEndpoint;
        if (endpoint != null) {
            runQuietly(endpoint::close, failures);
        }
        for (Transport t : transports) {
            runQuietly(t::close, failures);
        }
        transports.clear();
        for (KernelSession s : List.copyOf(sessions)) {
            runQuietly(s::close, failures);
        }
        runQuietly(store::close, failures);
        if (cache != null) {
            runQuietly(cache.layer()::close, failures);
        }
        runQuietly(engine::close, failures);
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void runQuietly(Runnable action, List<RuntimeException> failures) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
