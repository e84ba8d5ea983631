package io.heliosdb.sql.ast;

import io.heliosdb.api.SqlType;

/**
 * The options of {@code CREATE/ALTER SEQUENCE} (and of an identity column) as written; null means
 * "not written". {@code noMin}/{@code noMax} are {@code NO MINVALUE}/{@code NO MAXVALUE}; {@code restart}
 * is set by {@code RESTART} ({@code restartWith} null when no value was given).
 */
public record SequenceOptions(SqlType type, Long increment, Long min, boolean noMin, Long max, boolean noMax,
                              Long start, Long cache, Boolean cycle, boolean restart, Long restartWith) {

    public static final SequenceOptions NONE =
            new SequenceOptions(null, null, null, false, null, false, null, null, null, false, null);
}
