package io.heliosdb.sql.schema;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ast.SequenceOptions;

/**
 * A sequence as the catalog stores it (its current value lives apart, outside transactions).
 *
 * @param id          the kernel-assigned id (0 before the kernel created it)
 * @param name        the case-folded name
 * @param type        smallint, integer or bigint: bounds the default MINVALUE/MAXVALUE
 * @param ownerTable  the table whose column owns it (SERIAL, identity), or null
 * @param ownerColumn that column, or null
 */
public record SequenceDef(long id, String name, SqlType type, long start, long increment, long min, long max,
                          long cache, boolean cycle, String ownerTable, String ownerColumn) {

    public SequenceDef withId(long newId) {
        return new SequenceDef(newId, name, type, start, increment, min, max, cache, cycle, ownerTable, ownerColumn);
    }

    /** A new sequence from options as written, with PostgreSQL's defaults and checks. */
    public static SequenceDef create(String name, SqlType defaultType, SequenceOptions o, String ownerTable,
                                     String ownerColumn) {
        SqlType type = o.type() != null ? o.type() : defaultType;
        return resolve(new SequenceDef(0, name, type, 0, 1, 0, 0, 1, false, ownerTable, ownerColumn), o, true);
    }

    /** This sequence with ALTER SEQUENCE's options applied (RESTART is the caller's business). */
    public SequenceDef altered(SequenceOptions o) {
        return resolve(this, o, false);
    }

    private static SequenceDef resolve(SequenceDef base, SequenceOptions o, boolean creating) {
        SqlType type = o.type() != null ? o.type() : base.type();
        long increment = o.increment() != null ? o.increment() : base.increment();
        if (increment == 0) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "INCREMENT must not be zero");
        }
        long typeMin = type == SqlType.SMALLINT ? Short.MIN_VALUE : type == SqlType.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long typeMax = type == SqlType.SMALLINT ? Short.MAX_VALUE : type == SqlType.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
        boolean keepMin = !creating && o.min() == null && !o.noMin() && o.type() == null;
        boolean keepMax = !creating && o.max() == null && !o.noMax() && o.type() == null;
        long min = o.min() != null ? o.min() : keepMin ? base.min() : increment > 0 ? 1 : typeMin;
        long max = o.max() != null ? o.max() : keepMax ? base.max() : increment > 0 ? typeMax : -1;
        if (min < typeMin || min > typeMax) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "MINVALUE (" + min
                    + ") is out of range for sequence data type " + type.sqlName());
        }
        if (max < typeMin || max > typeMax) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "MAXVALUE (" + max
                    + ") is out of range for sequence data type " + type.sqlName());
        }
        if (min >= max) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "MINVALUE (" + min
                    + ") must be less than MAXVALUE (" + max + ")");
        }
        long start = o.start() != null ? o.start() : creating ? (increment > 0 ? min : max) : base.start();
        if (start < min) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "START value (" + start
                    + ") cannot be less than MINVALUE (" + min + ")");
        }
        if (start > max) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "START value (" + start
                    + ") cannot be greater than MAXVALUE (" + max + ")");
        }
        long cache = o.cache() != null ? o.cache() : base.cache();
        if (cache <= 0) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "CACHE (" + cache + ") must be greater than zero");
        }
        boolean cycle = o.cycle() != null ? o.cycle() : base.cycle();
        if (o.restartWith() != null && (o.restartWith() < min || o.restartWith() > max)) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "RESTART value (" + o.restartWith()
                    + ") cannot be " + (o.restartWith() < min ? "less than MINVALUE (" + min : "greater than MAXVALUE (" + max)
                    + ")");
        }
        return new SequenceDef(base.id(), base.name(), type, start, increment, min, max, cache, cycle,
                base.ownerTable(), base.ownerColumn());
    }
}
