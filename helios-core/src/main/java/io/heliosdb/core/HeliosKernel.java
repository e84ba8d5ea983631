package io.heliosdb.core;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.core.config.ByteSize;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.CacheLayerProvider;
import io.heliosdb.spi.KernelProvider;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.Transport;
import io.heliosdb.spi.TransportProvider;
import io.heliosdb.sql.ParserWarmUp;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The kernel behind {@link HeliosDB}: composes the storage engine named by the configuration,
 * (when serving) every transport found on the module path, and, when serving persistent storage
 * with a cache layer installed and a non-zero {@code cache_size}, that cache in front of row reads
 * (Hybrid mode); then logs the composition and, if {@code metrics_port} is set, starts the metrics
 * endpoint.
 */
public final class HeliosKernel implements KernelProvider {
    private static final System.Logger LOG = System.getLogger("io.heliosdb");
    /** JVM flags Chronicle Map needs when it runs on the module path (see the README's Hybrid section). */
    static final String CHRONICLE_FLAGS = "--add-opens java.base/java.lang.reflect=chronicle.core "
            + "--add-exports java.base/sun.nio.ch=chronicle.core "
            + "--add-opens java.base/java.lang=net.openhft.compiler "
            + "--add-exports jdk.compiler/com.sun.tools.javac.file=net.openhft.compiler";

    /** {@code [storage] cache_provider} naming no layer: a served database gives {@code cache_size} to its engine. */
    static final String NO_CACHE_LAYER = "none";

    @Override
    public HeliosDB open(HeliosConfig config, boolean serve) {
        return open(config, serve, line -> LOG.log(Level.INFO, line));
    }

    /** Opens the database, writing the start-up lines to {@code startupLog}. */
    KernelDatabase open(HeliosConfig config, boolean serve, Consumer<String> startupLog) {
        if (serve) {
            // The first client's log-in parses statements: ready the parser while storage and transports open.
            ParserWarmUp.startInBackground();
        }
        StorageConfig storage = config.storage();
        boolean memory = storage.memoryOnly() || storage.engine().equals("memory");
        String engineName = storage.memoryOnly() ? "memory" : storage.engine();
        StorageEngineProvider storageProvider = findStorage(engineName);
        List<TransportProvider> transportProviders = serve ? load(TransportProvider.class) : List.of();
        if (serve && transportProviders.isEmpty()) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                    "no server transport found: put helios-wire on the module path to serve clients");
        }
        CacheLayerProvider cacheProvider = placesCacheLayer(storage, serve, memory)
                ? chooseCache(load(CacheLayerProvider.class), storage.cacheProvider()) : null;
        DeploymentMode mode = ModeSelection.select(!transportProviders.isEmpty(), memory, cacheProvider != null);
        startupLog.accept("Starting HeliosDB Lite in " + mode.displayName() + " Mode");
        // The port is bound before storage, the catalog and the transport open: a client connecting meanwhile
        // waits for its answer instead of being refused (see EarlyListener).
        EarlyListener listener = serve ? EarlyListener.bind(config.server()) : null;
        try {
            return compose(config, storageProvider, transportProviders, cacheProvider, mode, listener, startupLog);
        } finally {
            if (listener != null) {
                listener.close(); // a no-op once the transport took the channel over
            }
        }
    }

    /** Opens storage, cache and kernel, then starts the transports (the first on {@code listener}, when bound). */
    private static KernelDatabase compose(HeliosConfig config, StorageEngineProvider storageProvider,
                                          List<TransportProvider> transportProviders, CacheLayerProvider cacheProvider,
                                          DeploymentMode mode, EarlyListener listener, Consumer<String> startupLog) {
        StorageConfig storage = config.storage();
        boolean memory = storage.memoryOnly() || storage.engine().equals("memory");
        String engineName = storage.memoryOnly() ? "memory" : storage.engine();

        StorageConfig effectiveStorage = storage.memoryOnly() ? storage : storage.withPath(
                storage.path().toAbsolutePath().normalize()).withEngine(engineName);
        StorageEngine engine = storageProvider.open(engineStorage(effectiveStorage, cacheProvider != null));
        CacheLayer cache = null;
        KernelDatabase db;
        try {
            if (cacheProvider != null) {
                cache = openCache(cacheProvider, effectiveStorage);
                startupLog.accept("Cache size: " + ByteSize.format(storage.cacheSizeBytes())
                        + (storage.engineCacheBytes() > 0
                        ? " (engine cache " + ByteSize.format(storage.engineCacheBytes()) + ")" : ""));
            }
            db = new KernelDatabase(config, mode, engine, cache, cacheProvider == null ? null : cacheProvider.name());
            if (cacheProvider != null) {
                startupLog.accept("Cache provider: " + cacheProvider.name());
            }
        } catch (RuntimeException e) {
            if (cache != null) {
                cache.close();
            }
            engine.close();
            throw e;
        }
        startupLog.accept(memory ? "Storage: in memory"
                : "Persistent storage: " + effectiveStorage.path());
        if (!storage.walEnabled()) {
            startupLog.accept("Asynchronous commit: wal_enabled = false, commits are acknowledged before "
                    + "they are durable on disk");
        }
        try {
            for (TransportProvider provider : transportProviders) {
                // Transports exist only when serving, and then the listener is bound.
                Transport transport = listener.start(provider, db);
                db.addTransport(transport);
                startupLog.accept("Server listening on " + config.server().listenAddr() + ":" + transport.port());
            }
            int metricsPort = config.server().metricsPort();
            if (!transportProviders.isEmpty() && metricsPort >= 0) {
                int bound = db.startMetrics(config.server().listenAddr(), metricsPort).address().getPort();
                startupLog.accept("Metrics listening on " + config.server().listenAddr() + ":" + bound);
            }
        } catch (RuntimeException e) {
            try {
                db.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return db;
    }

    /**
     * Whether the database gets a cache layer (Hybrid mode). Embedded and Server keep the engine's own small
     * cache; a served persistent database with a {@code cache_size} gets the layer, unless {@code cache_provider
     * = "none"} gives that budget to the engine's cache instead (a Server with the memory a Hybrid would have).
     */
    static boolean placesCacheLayer(StorageConfig storage, boolean serve, boolean memory) {
        return serve && storage.cacheSizeBytes() > 0 && !memory && !storage.cacheProvider().equals(NO_CACHE_LAYER);
    }

    /**
     * What the engine is opened with: in Hybrid mode {@code cache_size} goes to the row cache and the engine gets
     * {@code engine_cache_size} (0: its own default); otherwise the engine's cache is {@code cache_size}.
     */
    static StorageConfig engineStorage(StorageConfig storage, boolean hybrid) {
        return hybrid ? storage.withCacheSizeBytes(storage.engineCacheBytes()) : storage;
    }

    /** The provider named by {@code [storage] cache_provider}; F0000 naming the installed ones when it is missing. */
    static CacheLayerProvider chooseCache(List<CacheLayerProvider> found, String name) {
        for (CacheLayerProvider p : found) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        String available = found.isEmpty() ? "none (put helios-cache on the module path)"
                : found.stream().map(CacheLayerProvider::name).sorted().collect(Collectors.joining(", "));
        throw new HeliosException(SqlState.CONFIG_FILE_ERROR, "cache provider \"" + name
                + "\" (storage.cache_provider) is not installed; cache providers found: " + available);
    }

    /**
     * Opens the cache layer. Chronicle Map compiles classes at run time and reaches into JDK internals,
     * so on the module path without its flags it fails with a linkage or access error deep inside;
     * that becomes one error saying which flags to pass, or to use caffeine.
     */
    static CacheLayer openCache(CacheLayerProvider provider, StorageConfig storage) {
        try {
            return provider.open(storage);
        } catch (HeliosException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            String hint = provider.name().equals("chronicle")
                    ? "; Chronicle Map needs slf4j-api and jdk.compiler at run time and these JVM flags on the "
                    + "module path: " + CHRONICLE_FLAGS + " (with ALL-UNNAMED as the target on the class path); "
                    + "the heliosdb-lite launcher passes them (helios-cli/src/main/launcher/jvm.args); "
                    + "elsewhere pass them, or use cache_provider = \"compact\""
                    : "";
            throw new HeliosException(SqlState.CONFIG_FILE_ERROR, "cache provider \"" + provider.name()
                    + "\" could not start: " + e + hint, e);
        }
    }

    private static StorageEngineProvider findStorage(String name) {
        List<StorageEngineProvider> found = load(StorageEngineProvider.class);
        for (StorageEngineProvider p : found) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        String available = found.isEmpty() ? "none"
                : found.stream().map(StorageEngineProvider::name).sorted().collect(Collectors.joining(", "));
        throw new HeliosException(SqlState.CONFIG_FILE_ERROR, "unknown storage engine \"" + name
                + "\"; engines found on the module path: " + available);
    }

    /** Providers visible to this module (module path) and to the class path, each class once. */
    static <S> List<S> load(Class<S> service) {
        List<S> out = new ArrayList<>();
        List<Class<?>> seen = new ArrayList<>();
        for (ClassLoader loader : new ClassLoader[] {HeliosKernel.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            for (S provider : ServiceLoader.load(service, loader)) {
                if (!seen.contains(provider.getClass())) {
                    seen.add(provider.getClass());
                    out.add(provider);
                }
            }
        }
        return out;
    }
}
