package io.heliosdb.sql;

import io.heliosdb.api.Column;
import java.util.List;

/**
 * A planned {@code COPY}, which the kernel's session runs with the client's data stream.
 *
 * @param from     true for COPY FROM (rows into the table)
 * @param relation the table's name for error context, or {@code null} for COPY (query) TO
 * @param columns  the copied columns, in stream order
 * @param format   how rows are written in the stream
 * @param rowPlan  for COPY FROM, an INSERT of one row taking the column values as {@code $1..$n}
 *                 (text); for COPY TO, the query whose rows are written
 */
public record CopyCommand(boolean from, String relation, List<Column> columns, CopyFormat format,
                          StatementPlan rowPlan) {
}
