package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.StatementResult;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Shows the timestamptz columns of a result in the session's time zone, as PostgreSQL's output does. */
final class ZonedResult implements StatementResult {
    private final StatementResult inner;
    private final int[] zonedColumns;
    private final ZoneId zone;

    private ZonedResult(StatementResult inner, int[] zonedColumns, ZoneId zone) {
        this.inner = inner;
        this.zonedColumns = zonedColumns;
        this.zone = zone;
    }

    static StatementResult wrap(StatementResult result, Runtime rt) {
        // Runs once per executed statement: a plain loop, and nothing allocated without a timestamptz column.
        List<Column> columns = result.columns();
        int count = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).type() == SqlType.TIMESTAMPTZ) {
                count++;
            }
        }
        if (count == 0) {
            return result;
        }
        int[] zoned = new int[count];
        for (int i = 0, n = 0; i < columns.size(); i++) {
            if (columns.get(i).type() == SqlType.TIMESTAMPTZ) {
                zoned[n++] = i;
            }
        }
        return new ZonedResult(result, zoned, SessionZone.of(rt));
    }

    @Override
    public List<Column> columns() {
        return inner.columns();
    }

    @Override
    public boolean next() {
        return inner.next();
    }

    @Override
    public Object[] row() {
        Object[] row = inner.row().clone();
        for (int i : zonedColumns) {
            if (row[i] instanceof OffsetDateTime t) {
                row[i] = t.atZoneSameInstant(zone).toOffsetDateTime();
            }
        }
        return row;
    }

    @Override
    public long rowCount() {
        return inner.rowCount();
    }

    @Override
    public String commandTag() {
        return inner.commandTag();
    }

    @Override
    public void close() {
        inner.close();
    }
}
