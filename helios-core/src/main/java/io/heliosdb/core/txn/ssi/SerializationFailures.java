package io.heliosdb.core.txn.ssi;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/** The 40001 a serializable transaction gets when SSI cancels it, in PostgreSQL's words (message, reason, hint). */
final class SerializationFailures {
    static final String MESSAGE = "could not serialize access due to read/write dependencies among transactions";
    static final String HINT = "The transaction might succeed if retried.";

    private SerializationFailures() {
    }

    static HeliosException failure(String reason) {
        return new HeliosException(SqlState.SERIALIZATION_FAILURE, MESSAGE, "Reason code: " + reason, HINT, 0, null);
    }

    static HeliosException pivotDuringWrite() {
        return failure("Canceled on identification as a pivot, during write.");
    }

    static HeliosException pivotDuringCommit() {
        return failure("Canceled on identification as a pivot, during commit attempt.");
    }

    static HeliosException pivotDuringRead() {
        return failure("Canceled on identification as a pivot, during conflict out checking.");
    }

    static HeliosException conflictOutToPivot(long pivot) {
        return failure("Canceled on conflict out to pivot " + pivot + ", during read.");
    }

    static HeliosException preparedPivot() {
        return failure("Canceled on commit attempt with conflict in from prepared pivot.");
    }
}
