package io.heliosdb.api;

/**
 * What a {@code COPY} statement moves, for a transport that must announce the data stream before it
 * flows (PostgreSQL's CopyInResponse/CopyOutResponse).
 *
 * @param in      true for {@code COPY ... FROM STDIN} (run with {@link Session#copyIn}), false for
 *                {@code COPY ... TO STDOUT} (run with {@link Session#copyOut})
 * @param columns the number of columns in each row of the stream
 */
public record CopyDescription(boolean in, int columns) {
}
