package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Interval;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;

/**
 * generate_series(timestamp[tz], timestamp[tz], interval): each value is the previous one plus the step
 * (so a month step from Jan 31 gives Feb 29, then Mar 29, as in PostgreSQL); timestamptz steps move
 * months and days on the session zone's wall clock. The step's sign is its span's sign.
 */
final class TimestampSeries {

    private TimestampSeries() {
    }

    @SuppressWarnings("unchecked")
    static RowSource rows(Object start, Object stop, Interval step, Runtime rt) {
        int direction = Long.signum(step.span());
        if (direction == 0) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
        }
        SqlType type = start instanceof java.time.LocalDateTime ? SqlType.TIMESTAMP : SqlType.TIMESTAMPTZ;
        Comparable<Object> end = (Comparable<Object>) stop;
        return new RowSource() {
            private Object next = start;
            private Object[] row;

            @Override
            public boolean next() {
                if (next == null || Integer.signum(end.compareTo(next)) == -direction) {
                    return false;
                }
                if (rt.context() != null) {
                    rt.context().checkCancelled();
                }
                row = new Object[] {next};
                try {
                    next = TemporalFunctions.shift(type, next, step, rt);
                } catch (HeliosException outOfRange) {
                    next = null;
                }
                return true;
            }

            @Override
            public Object[] row() {
                return row;
            }
        };
    }
}
