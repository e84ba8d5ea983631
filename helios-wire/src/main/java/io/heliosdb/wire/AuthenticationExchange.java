package io.heliosdb.wire;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.wire.auth.AuthenticationFailed;
import io.heliosdb.wire.auth.Credentials;
import io.heliosdb.wire.auth.ScramServerExchange;
import io.heliosdb.wire.protocol.BackendMessage;
import io.heliosdb.wire.protocol.ProtocolViolation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/** One connection's password exchange, between its StartupMessage and AuthenticationOk. */
final class AuthenticationExchange {
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Step { CLEARTEXT, MD5, SASL_INITIAL, SASL_RESPONSE, DONE }

    private final Credentials credentials;
    private final String user;
    private final PgOutput out;
    private final byte[] channelBinding;
    private Step step;
    private byte[] md5Salt;
    private ScramServerExchange scram;

    /** {@code channelBinding} is the TLS end-point data when the connection runs TLS, else null. */
    AuthenticationExchange(Credentials credentials, String user, PgOutput out, byte[] channelBinding) {
        this.credentials = credentials;
        this.user = user;
        this.out = out;
        this.channelBinding = channelBinding;
    }

    /** Sends the first request; true when nothing more is needed (trust). */
    boolean begin() {
        switch (credentials.method()) {
            case TRUST -> {
                step = Step.DONE;
                return true;
            }
            case PASSWORD -> {
                step = Step.CLEARTEXT;
                out.send(new BackendMessage.AuthenticationCleartextPassword());
            }
            case MD5 -> {
                step = Step.MD5;
                md5Salt = new byte[4];
                RANDOM.nextBytes(md5Salt);
                out.send(new BackendMessage.AuthenticationMd5Password(md5Salt.clone()));
            }
            case SCRAM_SHA_256 -> {
                step = Step.SASL_INITIAL;
                out.send(new BackendMessage.AuthenticationSasl(channelBinding == null
                        ? List.of(ScramServerExchange.MECHANISM)
                        : List.of(ScramServerExchange.MECHANISM_PLUS, ScramServerExchange.MECHANISM)));
            }
        }
        out.flush();
        return false;
    }

    /** Takes the client's answer; true once authenticated, else a further challenge was sent. Throws on failure. */
    boolean accept(byte[] body) {
        ByteBuf in = Unpooled.wrappedBuffer(body);
        switch (step) {
            case CLEARTEXT -> {
                String password = cstring(in);
                if (!credentials.checkCleartext(user, password) || credentials.expired(user)) {
                    throw AuthenticationFailed.forUser(user);
                }
            }
            case MD5 -> {
                if (!credentials.checkMd5(user, cstring(in), md5Salt) || credentials.expired(user)) {
                    throw AuthenticationFailed.forUser(user);
                }
            }
            case SASL_INITIAL -> {
                String mechanism = cstring(in);
                int length = in.readableBytes() >= 4 ? in.readInt() : -2;
                if (length < 0 || length != in.readableBytes()) {
                    throw new ProtocolViolation("malformed SASLInitialResponse message");
                }
                byte[] clientFirst = new byte[length];
                in.readBytes(clientFirst);
                scram = new ScramServerExchange(user, credentials.scramVerifier(user), credentials.knows(user),
                        channelBinding);
                out.send(new BackendMessage.AuthenticationSaslContinue(scram.serverFirst(mechanism, clientFirst)));
                out.flush();
                step = Step.SASL_RESPONSE;
                return false;
            }
            case SASL_RESPONSE -> {
                byte[] serverFinal = scram.serverFinal(body);
                if (credentials.expired(user)) {
                    throw AuthenticationFailed.forUser(user);
                }
                out.send(new BackendMessage.AuthenticationSaslFinal(serverFinal));
            }
            case DONE -> throw new HeliosException(SqlState.PROTOCOL_VIOLATION,
                    "unexpected password message: authentication is complete");
        }
        step = Step.DONE;
        return true;
    }

    private static String cstring(ByteBuf in) {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        if (end < 0) {
            throw new ProtocolViolation("invalid password packet");
        }
        String s = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(end + 1);
        return s;
    }
}
