package io.heliosdb.sql;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.schema.RoleDef;
import java.util.Optional;

/**
 * Roles as the executor sees them: catalog entries written through the statement's transaction,
 * so CREATE/ALTER/DROP ROLE commit or roll back with it. Kernels without roles refuse with {@code 0A000}.
 */
public interface RoleAccess {

    /** The role as the statement's transaction sees it, including the bootstrap superuser. */
    default Optional<RoleDef> role(String name) {
        return Optional.empty();
    }

    /** Every role the statement's transaction sees, the bootstrap superuser included. */
    default java.util.List<RoleDef> roles() {
        return java.util.List.of();
    }

    /** Stores a new role (the kernel assigns its id). */
    default RoleDef createRole(RoleDef role) {
        throw unsupported();
    }

    /** Replaces a role's attributes and password. */
    default void alterRole(RoleDef role) {
        throw unsupported();
    }

    default void dropRole(RoleDef role) {
        throw unsupported();
    }

    private static HeliosException unsupported() {
        return new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not support roles");
    }
}
