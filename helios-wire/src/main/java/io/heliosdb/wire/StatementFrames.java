package io.heliosdb.wire;

import io.heliosdb.api.Column;
import io.heliosdb.wire.protocol.BackendMessage;
import io.heliosdb.wire.protocol.PgMessageEncoder;
import java.util.Arrays;
import java.util.List;

/**
 * The answers of a prepared statement that repeat from one execution to the next, kept in their wire form:
 * the RowDescription a Describe of its portal answers (for the result formats Bind asked for last) and the
 * CommandComplete of its last run. A client running the statement again and again (pgbench -M prepared,
 * pgJDBC) gets the same bytes without the fields being built and encoded anew. Touched only by the
 * connection's serial task, as the statement itself.
 */
final class StatementFrames {
    private List<Column> columns;
    private short[] formatCodes;
    private BackendMessage.Encoded description;
    private String tag;
    private BackendMessage.Encoded complete;

    /** RowDescription of {@code columns} sent in {@code formatCodes} (as Bind gave them); 08P01 for a wrong count. */
    BackendMessage description(List<Column> columns, short[] formatCodes) {
        if (description == null || !Arrays.equals(formatCodes, this.formatCodes)
                || (columns != this.columns && !columns.equals(this.columns))) {
            BackendMessage fresh = RowEncoder.describe(columns,
                    RowEncoder.resolveFormats(formatCodes, columns.size(), "Bind"));
            description = PgMessageEncoder.encoded(fresh);
            this.formatCodes = formatCodes.clone();
            this.columns = columns;
        }
        return description;
    }

    /** CommandComplete with {@code tag}. */
    BackendMessage commandComplete(String tag) {
        if (complete == null || !tag.equals(this.tag)) {
            complete = PgMessageEncoder.encoded(new BackendMessage.CommandComplete(tag));
            this.tag = tag;
        }
        return complete;
    }
}
