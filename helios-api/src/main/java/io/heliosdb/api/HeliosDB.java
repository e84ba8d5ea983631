package io.heliosdb.api;

import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.spi.KernelProvider;
import io.heliosdb.spi.Transport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * An open HeliosDB database. Open it embedded ({@link #open(Path)}, {@link #inMemory()}) or as a
 * server ({@link #serve(HeliosConfig)}); the kernel composes storage, cache and transport modules
 * found on the module path.
 */
public interface HeliosDB extends AutoCloseable {

    /** Opens (creating if needed) a persistent embedded database in this directory. */
    static HeliosDB open(Path directory) {
        return open(HeliosConfig.persistent(directory));
    }

    /** Opens an embedded database as configured, with no network endpoint. */
    static HeliosDB open(HeliosConfig config) {
        return kernel().open(config, false);
    }

    /** Opens a fresh database that lives in RAM only and is gone when closed. */
    static HeliosDB inMemory() {
        return open(HeliosConfig.memory());
    }

    /** Opens the database as configured and starts its server endpoints (Server or Hybrid mode). */
    static HeliosDB serve(HeliosConfig config) {
        return kernel().open(config, true);
    }

    private static KernelProvider kernel() {
        return ServiceLoader.load(KernelProvider.class, HeliosDB.class.getClassLoader()).findFirst()
                .or(() -> ServiceLoader.load(KernelProvider.class).findFirst())
                .orElseThrow(() -> new HeliosException(SqlState.INTERNAL_ERROR,
                        "no HeliosDB kernel found: put helios-core on the module path"));
    }

    /** Opens a new session. */
    Session session();

    /**
     * Opens a new session running as {@code user} (a server calls this once the client has authenticated);
     * by default the same as {@link #session()}.
     */
    default Session session(String user) {
        return session();
    }

    /**
     * The role a client names at log-in as last committed (a role made by CREATE ROLE, or the bootstrap
     * superuser from the configuration), or empty when there is no such role. By default there are no roles.
     */
    default Optional<LoginRole> loginRole(String name) {
        return Optional.empty();
    }

    HeliosConfig config();

    DeploymentMode mode();

    /** The running server endpoints; empty for an embedded database. */
    List<Transport> transports();

    /** Stops every endpoint, closes every session and releases storage. */
    @Override
    void close();
}
