package io.heliosdb.wire.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the server keeps of a password (RFC 5802/7677, as PostgreSQL's {@code pg_authid} stores it):
 * salt, iteration count, StoredKey and ServerKey. The password cannot be recovered from it.
 */
public record ScramVerifier(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    /** PostgreSQL's default {@code scram_iterations}. */
    public static final int DEFAULT_ITERATIONS = 4096;

    public ScramVerifier {
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    public static ScramVerifier create(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        Arrays.fill(salted, (byte) 0);
        return new ScramVerifier(salt, iterations, sha256(clientKey), serverKey);
    }

    /**
     * Reads PostgreSQL's {@code pg_authid} text form, {@code SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey};
     * null when {@code text} is not one (such a role then cannot log in with a password).
     */
    public static ScramVerifier parse(String text) {
        String prefix = "SCRAM-SHA-256$";
        if (text == null || !text.startsWith(prefix)) {
            return null;
        }
        String[] parts = text.substring(prefix.length()).split("[$:]");
        if (parts.length != 4) {
            return null;
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] storedKey = b64.decode(parts[2]);
            byte[] serverKey = b64.decode(parts[3]);
            int iterations = Integer.parseInt(parts[0]);
            if (iterations < 1 || storedKey.length != 32 || serverKey.length != 32) {
                return null;
            }
            return new ScramVerifier(b64.decode(parts[1]), iterations, storedKey, serverKey);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** PostgreSQL's text form of this verifier, as {@link #parse} reads it. */
    public String text() {
        Base64.Encoder b64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                + ":" + b64.encodeToString(serverKey);
    }

    /** For cleartext {@code password} authentication: the password is checked against the verifier. */
    public boolean matchesPassword(String password) {
        ScramVerifier candidate = create(password, salt, iterations);
        return MessageDigest.isEqual(candidate.storedKey, storedKey);
    }

    /**
     * Hi(Normalize(password), salt, i): PBKDF2 with HMAC-SHA-256. Normalize is SASLprep, of which
     * NFKC is the part that changes real passwords; clients send an un-prepared password when
     * SASLprep would reject it, so nothing is refused here.
     */
    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        byte[] key = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // SecretKeySpec refuses an empty key; HMAC pads keys with zeros, so one zero byte is the same key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramVerifier v && v.iterations == iterations && Arrays.equals(v.salt, salt)
                && Arrays.equals(v.storedKey, storedKey) && Arrays.equals(v.serverKey, serverKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(storedKey);
    }

    /** Never shows key material. */
    @Override
    public String toString() {
        return "ScramVerifier[iterations=" + iterations + "]";
    }
}
