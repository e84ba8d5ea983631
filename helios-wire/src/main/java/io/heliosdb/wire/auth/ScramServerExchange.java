package io.heliosdb.wire.auth;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802, RFC 7677, RFC 5929 channel binding):
 * client-first → server-first (nonce, salt, iterations), client-final → server-final. For an
 * unknown user it runs against a mock verifier and fails at the same step as a wrong password.
 */
public final class ScramServerExchange {
    public static final String MECHANISM = "SCRAM-SHA-256";
    public static final String MECHANISM_PLUS = "SCRAM-SHA-256-PLUS";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final ScramVerifier verifier;
    private final boolean userKnown;
    private final byte[] channelBinding;

    private String gs2Header;
    private boolean bindingUsed;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    /**
     * @param channelBinding the tls-server-end-point data when TLS is on and -PLUS was offered, else null
     */
    public ScramServerExchange(String user, ScramVerifier verifier, boolean userKnown, byte[] channelBinding) {
        this.user = user;
        this.verifier = verifier;
        this.userKnown = userKnown;
        this.channelBinding = channelBinding;
    }

    /** Answers the SASLInitialResponse: returns the server-first-message. */
    public byte[] serverFirst(String mechanism, byte[] clientFirstMessage) {
        boolean plus = MECHANISM_PLUS.equals(mechanism);
        if (!MECHANISM.equals(mechanism) && !(plus && channelBinding != null)) {
            throw malformed("client selected an invalid SASL authentication mechanism");
        }
        String message = new String(clientFirstMessage, StandardCharsets.UTF_8);
        // gs2-header: cbind-flag "," [authzid] ","
        int first = message.indexOf(',');
        int second = first < 0 ? -1 : message.indexOf(',', first + 1);
        if (second < 0) {
            throw malformed("malformed SCRAM message");
        }
        String flag = message.substring(0, first);
        if (!message.substring(first + 1, second).isEmpty()) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                    "client uses authorization identity, but it is not supported");
        }
        if (flag.startsWith("p=")) {
            if (!plus || !flag.equals("p=tls-server-end-point")) {
                throw malformed("unsupported SCRAM channel-binding type \"" + flag.substring(2) + "\"");
            }
            bindingUsed = true;
        } else if (flag.equals("y")) {
            // The client could bind but believes we cannot: a downgrade if we offered -PLUS.
            if (channelBinding != null || plus) {
                throw malformed("SCRAM channel binding negotiation error");
            }
        } else if (!flag.equals("n") || plus) {
            throw malformed("malformed SCRAM message");
        }
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);
        String clientNonce = attribute(clientFirstBare, 'r');
        if (clientNonce.isEmpty() || clientFirstBare.startsWith("m=")) {
            throw malformed("malformed SCRAM message");
        }
        byte[] serverNonce = new byte[18];
        RANDOM.nextBytes(serverNonce);
        nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) + ",i="
                + verifier.iterations();
        return serverFirst.getBytes(StandardCharsets.UTF_8);
    }

    /** Checks the client-final-message's proof; returns the server-final-message. */
    public byte[] serverFinal(byte[] clientFinalMessage) {
        if (serverFirst == null) {
            throw malformed("malformed SCRAM message");
        }
        String message = new String(clientFinalMessage, StandardCharsets.UTF_8);
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0 || !message.startsWith("c=")) {
            throw malformed("malformed SCRAM message");
        }
        String withoutProof = message.substring(0, proofAt);
        byte[] expectedBinding = bindingUsed ? concat(bytes(gs2Header), channelBinding) : bytes(gs2Header);
        if (!MessageDigest.isEqual(decode(attribute(withoutProof, 'c')), expectedBinding)) {
            throw malformed("SCRAM channel binding check failed");
        }
        if (!attribute(withoutProof, 'r').equals(nonce)) {
            throw malformed("SCRAM nonce mismatch");
        }
        byte[] proof = decode(message.substring(proofAt + 3));
        byte[] authMessage = bytes(clientFirstBare + "," + serverFirst + "," + withoutProof);
        byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            throw malformed("malformed SCRAM message");
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        boolean proofValid = MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey());
        if (!proofValid || !userKnown) {
            throw AuthenticationFailed.forUser(user);
        }
        byte[] serverSignature = ScramVerifier.hmac(verifier.serverKey(), authMessage);
        return bytes("v=" + Base64.getEncoder().encodeToString(serverSignature));
    }

    /** The value of {@code name=} among the comma-separated attributes. */
    private static String attribute(String message, char name) {
        for (String part : message.split(",", -1)) {
            if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        throw malformed("malformed SCRAM message: attribute \"" + name + "\" missing");
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed("malformed SCRAM message: invalid base64");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static HeliosException malformed(String message) {
        return new HeliosException(SqlState.PROTOCOL_VIOLATION, message);
    }
}
