package io.heliosdb.cache;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/** The error of a call on a closed cache. */
final class CacheClosed {

    private CacheClosed() {
    }

    static HeliosException error(String provider) {
        return new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "The " + provider + " cache is closed");
    }
}
