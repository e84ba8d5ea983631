package io.heliosdb.core.session;

import io.heliosdb.core.txn.RoleCatalog;
import io.heliosdb.core.txn.StatementReads;
import io.heliosdb.core.txn.Transaction;
import io.heliosdb.core.txn.TransactionalStore;
import io.heliosdb.sql.schema.RoleDef;
import java.util.Optional;

/** The roles a server authenticates against: the stored ones, and the bootstrap superuser from the configuration. */
public final class KernelRoles {
    /** The bootstrap superuser's name when the configuration names none. */
    public static final String DEFAULT_BOOTSTRAP_USER = "postgres";

    private final TransactionalStore store;
    private final String bootstrapUser;

    public KernelRoles(TransactionalStore store, String bootstrapUser) {
        this.store = store;
        this.bootstrapUser = bootstrapUser;
    }

    /** The bootstrap superuser as it exists before any ALTER ROLE stores it: no password of its own. */
    static RoleDef bootstrap(String name) {
        return new RoleDef(RoleDef.BOOTSTRAP_ID, name, true, true, true, true, null);
    }

    public String bootstrapUser() {
        return bootstrapUser;
    }

    /** The role as last committed: a stored role, or the bootstrap superuser, or empty. */
    public Optional<RoleDef> committed(String name) {
        Transaction t = store.begin();
        try (StatementReads reads = store.openReads(t)) {
            Optional<RoleDef> stored = RoleCatalog.read(reads.reader(), name);
            if (stored.isPresent() || !bootstrapUser.equals(name)) {
                return stored;
            }
            return Optional.of(bootstrap(name));
        } finally {
            store.rollback(t);
        }
    }
}
