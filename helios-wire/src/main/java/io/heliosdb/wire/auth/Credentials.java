package io.heliosdb.wire.auth;

import io.heliosdb.api.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Who may connect and how: the configured method and the bootstrap user's verifiers. The plain
 * password is turned into a SCRAM verifier at start-up and not kept; the md5 hash (which, as in
 * PostgreSQL, is password-equivalent for md5 logins) is kept only when the method is md5.
 */
public final class Credentials {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthMethod method;
    private final String user;
    private final ScramVerifier verifier;
    private final String md5;
    /** Keys the mock salts of unknown users, so that a user's mock salt is stable but unguessable. */
    private final byte[] mockSecret = new byte[32];

    private Credentials(AuthMethod method, String user, ScramVerifier verifier, String md5) {
        this.method = method;
        this.user = user;
        this.verifier = verifier;
        this.md5 = md5;
        RANDOM.nextBytes(mockSecret);
    }

    public static Credentials from(ServerConfig config) {
        return of(AuthMethod.of(config.authMethod()), config.user(), config.password());
    }

    /** {@code password} may be null: then only trust admits anyone. */
    public static Credentials of(AuthMethod method, String user, String password) {
        ScramVerifier verifier = null;
        String md5 = null;
        if (password != null && user != null) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            verifier = ScramVerifier.create(password, salt, ScramVerifier.DEFAULT_ITERATIONS);
            if (method == AuthMethod.MD5) {
                md5 = Md5Password.hash(password, user);
            }
        }
        return new Credentials(method, user, verifier, md5);
    }

    public AuthMethod method() {
        return method;
    }

    /** The verifier of {@code name}, or a mock one (with {@link #knows} false) for anyone else. */
    public ScramVerifier scramVerifier(String name) {
        if (knows(name)) {
            return verifier;
        }
        byte[] salt = Arrays.copyOf(ScramVerifier.hmac(mockSecret, name.getBytes(StandardCharsets.UTF_8)), 16);
        return new ScramVerifier(salt, ScramVerifier.DEFAULT_ITERATIONS, new byte[32], new byte[32]);
    }

    /** Whether {@code name} is a user with a password. */
    public boolean knows(String name) {
        return verifier != null && user.equals(name);
    }

    public boolean checkCleartext(String name, String password) {
        boolean matches = scramVerifier(name).matchesPassword(password);
        return matches && knows(name);
    }

    public boolean checkMd5(String name, String response, byte[] salt) {
        String stored = knows(name) && md5 != null ? md5 : "md5" + "0".repeat(32);
        String expected = Md5Password.salted(stored, salt);
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.getBytes(StandardCharsets.US_ASCII));
        return matches && knows(name) && md5 != null;
    }

    @Override
    public String toString() {
        return "Credentials[method=" + method.configName() + ", user=" + user + "]";
    }
}
