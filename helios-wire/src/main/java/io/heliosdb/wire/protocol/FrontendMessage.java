package io.heliosdb.wire.protocol;

import java.util.Map;

/** A message from the client, as {@link PgFrameDecoder} decodes it. */
public sealed interface FrontendMessage {

    /** Asks for TLS before the startup packet. */
    record SslRequest() implements FrontendMessage {
    }

    /** Asks for GSSAPI encryption before the startup packet. */
    record GssEncRequest() implements FrontendMessage {
    }

    /** Sent on a fresh connection to cancel the query running on another one. */
    record CancelRequest(int processId, int secretKey) implements FrontendMessage {
    }

    /** The StartupMessage: protocol version (major in the high 16 bits) and the connection parameters. */
    record Startup(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {
        public int majorVersion() {
            return protocolVersion >>> 16;
        }

        public int minorVersion() {
            return protocolVersion & 0xffff;
        }
    }

    /**
     * A {@code 'p'} frame: PasswordMessage, SASLInitialResponse or SASLResponse. Only the
     * authentication step in progress knows which, so the body is kept raw.
     */
    record PasswordMessage(byte[] body) implements FrontendMessage {
    }

    /** Simple query: one text holding any number of statements. */
    record Query(String sql) implements FrontendMessage {
    }

    /** Extended protocol: prepare {@code sql} as statement {@code name} ("" is the unnamed one). */
    record Parse(String name, String sql, int[] parameterOids) implements FrontendMessage {
    }

    /**
     * Extended protocol: bind parameter values to a statement, making a portal. A {@code null}
     * value is SQL NULL; format codes are 0 (text) or 1 (binary), with PostgreSQL's
     * "none means text, one means all" convention.
     */
    record Bind(String portal, String statement, short[] parameterFormats, byte[][] parameterValues,
                short[] resultFormats) implements FrontendMessage {
    }

    /** Describe a statement ({@code 'S'}) or a portal ({@code 'P'}). */
    record Describe(char kind, String name) implements FrontendMessage {
    }

    /** Run a portal, returning at most {@code maxRows} rows (0: all). */
    record Execute(String portal, int maxRows) implements FrontendMessage {
    }

    /** Close a statement ({@code 'S'}) or a portal ({@code 'P'}). */
    record Close(char kind, String name) implements FrontendMessage {
    }

    /** Send whatever output is pending. */
    record Flush() implements FrontendMessage {
    }

    /** End of an extended-protocol batch: answer ReadyForQuery. */
    record Sync() implements FrontendMessage {
    }

    /** A chunk of COPY FROM STDIN's data. */
    record CopyData(byte[] data) implements FrontendMessage {
    }

    /** The end of COPY FROM STDIN's data. */
    record CopyDone() implements FrontendMessage {
    }

    /** The client aborts COPY FROM STDIN, saying why. */
    record CopyFail(String message) implements FrontendMessage {
    }

    /** The client is leaving. */
    record Terminate() implements FrontendMessage {
    }
}
