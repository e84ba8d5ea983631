package io.heliosdb.sql.exec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a password into the SCRAM-SHA-256 verifier PostgreSQL stores in {@code pg_authid.rolpassword}
 * ({@code SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey}, RFC 5802/7677), so that no plain
 * password is ever stored.
 */
final class ScramSecret {
    /** PostgreSQL's default {@code scram_iterations} and salt length. */
    private static final int ITERATIONS = 4096;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VERIFIER = Pattern.compile(
            "SCRAM-SHA-256\\$[1-9][0-9]{0,9}:[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=");

    private ScramSecret() {
    }

    /** Whether {@code text} already is a verifier (as pg_dumpall writes them): it is then stored as it is. */
    static boolean isVerifier(String text) {
        return VERIFIER.matcher(text).matches();
    }

    static String verifier(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        // SASLprep's effect on real passwords is NFKC; the JDK's PBKDF2 encodes the characters as UTF-8.
        char[] normalized = Normalizer.normalize(password, Normalizer.Form.NFKC).toCharArray();
        try {
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(normalized, salt, ITERATIONS, 256)).getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] serverKey = hmac(salted, "Server Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            Base64.Encoder b64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + ITERATIONS + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                    + ":" + b64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
    }
}
