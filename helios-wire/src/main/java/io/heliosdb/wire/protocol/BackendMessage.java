package io.heliosdb.wire.protocol;

import java.util.List;

/** A message to the client, serialised by {@link PgMessageEncoder}. */
public sealed interface BackendMessage {

    /** The single byte {@code 'N'} answering SSLRequest or GSSENCRequest: no encryption, go on in clear. */
    record EncryptionRefused() implements BackendMessage {
    }

    /** The single byte {@code 'S'} answering SSLRequest: the TLS handshake follows. */
    record EncryptionAccepted() implements BackendMessage {
    }

    /** Authentication succeeded. */
    record AuthenticationOk() implements BackendMessage {
    }

    /** Asks for the password in clear text. */
    record AuthenticationCleartextPassword() implements BackendMessage {
    }

    /** Asks for {@code md5(md5(password + user) + salt)}. */
    record AuthenticationMd5Password(byte[] salt) implements BackendMessage {
    }

    /** Starts SASL: the mechanisms the client may choose from. */
    record AuthenticationSasl(List<String> mechanisms) implements BackendMessage {
    }

    /** A SASL challenge (SCRAM's server-first-message). */
    record AuthenticationSaslContinue(byte[] data) implements BackendMessage {
    }

    /** SASL's outcome data (SCRAM's server-final-message); AuthenticationOk follows. */
    record AuthenticationSaslFinal(byte[] data) implements BackendMessage {
    }

    /** The newest minor version we speak and the {@code _pq_.} options we did not recognise. */
    record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions) implements BackendMessage {
    }

    record ParameterStatus(String name, String value) implements BackendMessage {
    }

    /** Identifies this connection to a later CancelRequest. */
    record BackendKeyData(int processId, int secretKey) implements BackendMessage {
    }

    /** {@code status} is I (idle), T (in a transaction) or E (in a failed transaction). */
    record ReadyForQuery(char status) implements BackendMessage {
    }

    /** One result column as RowDescription describes it; {@code format} 0 is text, 1 binary. */
    record Field(String name, int tableOid, short attributeNumber, int typeOid, short typeLength, int typeModifier,
                 short format) {
    }

    record RowDescription(List<Field> fields) implements BackendMessage {
    }

    /** One row; a {@code null} entry is SQL NULL. */
    record DataRow(byte[][] values) implements BackendMessage {
    }

    record CommandComplete(String tag) implements BackendMessage {
    }

    record EmptyQueryResponse() implements BackendMessage {
    }

    /**
     * An error. {@code severity} is ERROR or FATAL; {@code detail} and {@code hint} may be null;
     * {@code position} is 1-based in the query text, 0 when unknown.
     */
    /** {@code table}, {@code column} and {@code constraint} name what a constraint violation is about, or are null. */
    record ErrorResponse(String severity, String sqlState, String message, String detail, String hint,
                         int position, String where, String table, String column, String constraint)
            implements BackendMessage {

        public ErrorResponse(String severity, String sqlState, String message, String detail, String hint, int position) {
            this(severity, sqlState, message, detail, hint, position, null);
        }

        public ErrorResponse(String severity, String sqlState, String message, String detail, String hint, int position,
                             String where) {
            this(severity, sqlState, message, detail, hint, position, where, null, null, null);
        }
    }

    /** A notice or warning (NOTICE, WARNING, ...) that does not end the statement. */
    record NoticeResponse(String severity, String sqlState, String message) implements BackendMessage {
    }

    /** The server is ready for COPY FROM STDIN's data: {@code columns} columns, text or binary format. */
    record CopyInResponse(int columns, boolean binary) implements BackendMessage {
        public CopyInResponse(int columns) {
            this(columns, false);
        }
    }

    /** COPY TO STDOUT's data follows in CopyData messages: {@code columns} columns, text or binary format. */
    record CopyOutResponse(int columns, boolean binary) implements BackendMessage {
        public CopyOutResponse(int columns) {
            this(columns, false);
        }
    }

    /** One chunk of COPY data (a row, for COPY TO). */
    record CopyData(byte[] data) implements BackendMessage {
    }

    /** The end of COPY TO's data. */
    record CopyDone() implements BackendMessage {
    }

    record ParseComplete() implements BackendMessage {
    }

    record BindComplete() implements BackendMessage {
    }

    record CloseComplete() implements BackendMessage {
    }

    /** Describe of something that returns no rows. */
    record NoData() implements BackendMessage {
    }

    record ParameterDescription(int[] typeOids) implements BackendMessage {
    }

    /** Execute stopped at its row limit; the portal can be executed again for more. */
    record PortalSuspended() implements BackendMessage {
    }

    /**
     * A message already in its wire form (type byte, length, body), written as it is: an answer that repeats
     * from one execution of a statement to the next is encoded once ({@link PgMessageEncoder#encoded}).
     */
    record Encoded(byte[] frame) implements BackendMessage {
    }
}
