package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.schema.SequenceDef;
import java.util.HashMap;
import java.util.Map;

/** What currval and lastval read: this session's latest nextval per sequence (by id) and overall. */
final class SequenceSessionValues {
    private final Map<Long, Long> latest = new HashMap<>();
    private SequenceDef lastSequence;

    synchronized void record(SequenceDef sequence, long value) {
        latest.put(sequence.id(), value);
        lastSequence = sequence;
    }

    synchronized long currval(SequenceDef sequence) {
        Long value = latest.get(sequence.id());
        if (value == null) {
            throw new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "currval of sequence \""
                    + sequence.name() + "\" is not yet defined in this session");
        }
        return value;
    }

    /** The sequence lastval reads (it must still exist, so the caller looks it up again), or 55000. */
    synchronized SequenceDef lastSequence() {
        if (lastSequence == null) {
            throw new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "lastval is not yet defined in this session");
        }
        return lastSequence;
    }
}
