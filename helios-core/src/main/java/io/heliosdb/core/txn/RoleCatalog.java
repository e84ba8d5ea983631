package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.catalog.RoleDefCodec;
import io.heliosdb.sql.schema.RoleDef;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stored roles inside one statement of a transaction: catalog entries written through the
 * transaction's overlay, so CREATE/ALTER/DROP ROLE commit or roll back with it.
 */
public final class RoleCatalog {
    private final TransactionalStore store;
    private final Transaction transaction;
    private final StatementReads reads;

    RoleCatalog(TransactionalStore store, Transaction transaction, StatementReads reads) {
        this.store = store;
        this.transaction = transaction;
        this.reads = reads;
    }

    public Optional<RoleDef> role(String name) {
        return read(reads.reader(), name);
    }

    /** Every stored role, by name. */
    public List<RoleDef> roles() {
        List<RoleDef> roles = new ArrayList<>();
        try (KvCursor c = reads.reader().scan(CatalogKeys.CATALOG, CatalogKeys.rolesFrom(), CatalogKeys.rolesTo(),
                false)) {
            while (c.next()) {
                roles.add(RoleDefCodec.decode(c.value()));
            }
        }
        return roles;
    }

    /** A role as {@code reader} sees it. */
    public static Optional<RoleDef> read(KvReader reader, String name) {
        byte[] stored = reader.get(CatalogKeys.CATALOG, CatalogKeys.roleKey(name));
        return stored == null ? Optional.empty() : Optional.of(RoleDefCodec.decode(stored));
    }

    public RoleDef create(RoleDef definition) {
        byte[] key = CatalogKeys.roleKey(definition.name());
        byte[] newest = store.lockForWrite(transaction, CatalogKeys.CATALOG, key, reads.snapshotTs());
        if (role(definition.name()).isPresent() || newest != null && !VersionLayout.isDeleted(newest)
                && transaction.overlay().lookup(CatalogKeys.CATALOG, key) == null) {
            throw new HeliosException(SqlState.DUPLICATE_OBJECT, "role \"" + definition.name() + "\" already exists");
        }
        RoleDef created = definition.withId(store.nextTableId());
        transaction.overlay().put(CatalogKeys.CATALOG, key, RoleDefCodec.encode(created));
        return created;
    }

    public void replace(RoleDef definition) {
        byte[] key = CatalogKeys.roleKey(definition.name());
        store.lockForWrite(transaction, CatalogKeys.CATALOG, key, reads.snapshotTs());
        transaction.overlay().put(CatalogKeys.CATALOG, key, RoleDefCodec.encode(definition));
    }

    public void drop(RoleDef definition) {
        byte[] key = CatalogKeys.roleKey(definition.name());
        store.lockForWrite(transaction, CatalogKeys.CATALOG, key, reads.snapshotTs());
        transaction.overlay().delete(CatalogKeys.CATALOG, key);
    }
}
