package io.heliosdb.sql;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.schema.SequenceDef;
import java.util.List;
import java.util.Optional;

/**
 * Sequences as the executor sees them. Definitions are transactional DDL; values handed out by
 * {@link #nextval} are not rolled back and never handed out twice, as in PostgreSQL.
 * Kernels without sequences refuse with {@code 0A000}.
 */
public interface SequenceAccess {

    /** The sequence as the statement's transaction sees it. */
    default Optional<SequenceDef> sequence(String name) {
        return Optional.empty();
    }

    /** The sequences owned by a column of {@code table}. */
    default List<SequenceDef> ownedSequences(String table) {
        return List.of();
    }

    /** Every sequence, by name. */
    default List<SequenceDef> sequences() {
        return List.of();
    }

    /** Creates the sequence (the kernel assigns its id); {@code 42P07} when the name is taken by any relation. */
    default SequenceDef createSequence(SequenceDef definition) {
        throw unsupported();
    }

    /** Stores a changed definition; {@code restartWith} non-null restarts the sequence there (next nextval returns it). */
    default void alterSequence(SequenceDef definition, Long restartWith) {
        throw unsupported();
    }

    default void dropSequence(SequenceDef definition) {
        throw unsupported();
    }

    /** Advances the sequence; {@code 2200H} past its limit without CYCLE, {@code 42P01} when there is none. */
    default long nextval(String name) {
        throw unsupported();
    }

    /** This session's latest nextval of the sequence; {@code 55000} before the first. */
    default long currval(String name) {
        throw unsupported();
    }

    /** Sets the sequence's value; the next nextval returns {@code value + increment} when {@code isCalled}, else {@code value}. */
    default long setval(String name, long value, boolean isCalled) {
        throw unsupported();
    }

    /** This session's latest nextval of any sequence; {@code 55000} before the first. */
    default long lastval() {
        throw unsupported();
    }

    private static HeliosException unsupported() {
        return new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "This kernel does not support sequences");
    }
}
