package io.heliosdb.wire.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** PostgreSQL's md5 scheme: stored {@code "md5" + md5(password + user)}, sent salted with 4 random bytes. */
public final class Md5Password {

    private Md5Password() {
    }

    /** What PostgreSQL stores for an md5 password. */
    public static String hash(String password, String user) {
        return "md5" + md5Hex((password + user).getBytes(StandardCharsets.UTF_8));
    }

    /** What the client must answer to the salt: {@code "md5" + md5(hex-of-stored-hash + salt)}. */
    public static String salted(String storedHash, byte[] salt) {
        byte[] hex = storedHash.substring(3).getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[hex.length + salt.length];
        System.arraycopy(hex, 0, input, 0, hex.length);
        System.arraycopy(salt, 0, input, hex.length, salt.length);
        return "md5" + md5Hex(input);
    }

    private static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }
}
