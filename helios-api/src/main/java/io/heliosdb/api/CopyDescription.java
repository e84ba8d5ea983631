package io.heliosdb.api;

import java.util.List;

/**
 * What a {@code COPY} statement moves, for a transport that must announce the data stream before it
 * flows (PostgreSQL's CopyInResponse/CopyOutResponse).
 *
 * @param in      true for {@code COPY ... FROM STDIN} (run with {@link Session#copyIn}), false for
 *                {@code COPY ... TO STDOUT} (run with {@link Session#copyOut})
 * @param columns the number of columns in each row of the stream
 * @param binary  {@code FORMAT binary}: the stream is PostgreSQL's binary COPY file, which a transport
 *                reads and writes itself with {@link Session#copyInRows} and {@link Session#copyOutRows}
 * @param types   the type of each column of the stream, in stream order
 */
public record CopyDescription(boolean in, int columns, boolean binary, List<SqlType> types) {

    public CopyDescription {
        types = List.copyOf(types);
    }

    /** A text or CSV COPY whose column types do not matter to the caller. */
    public CopyDescription(boolean in, int columns) {
        this(in, columns, false, List.of());
    }
}
