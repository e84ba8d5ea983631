package io.heliosdb.wire;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.spi.Transport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A database that understands the few statements of {@link FakeSession}, for protocol tests. */
final class FakeHeliosDB implements HeliosDB {
    final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    private final HeliosConfig config;

    FakeHeliosDB() {
        this(HeliosConfig.memory());
    }

    FakeHeliosDB(HeliosConfig config) {
        this.config = config;
    }

    @Override
    public Session session() {
        FakeSession s = new FakeSession();
        sessions.add(s);
        return s;
    }

    /** Every name is a role of this database (a login superuser without a password of its own). */
    @Override
    public java.util.Optional<io.heliosdb.api.LoginRole> loginRole(String name) {
        return java.util.Optional.of(new io.heliosdb.api.LoginRole(name, true, true, null));
    }

    @Override
    public HeliosConfig config() {
        return config;
    }

    @Override
    public DeploymentMode mode() {
        return DeploymentMode.MEMORY_ONLY;
    }

    @Override
    public List<Transport> transports() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
