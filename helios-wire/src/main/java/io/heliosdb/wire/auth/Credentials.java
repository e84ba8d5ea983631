package io.heliosdb.wire.auth;

import io.heliosdb.api.LoginRole;
import io.heliosdb.api.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who may connect and how: the configured method, the roles stored in the database (CREATE ROLE ...
 * PASSWORD, kept as SCRAM verifiers) and the bootstrap user's verifiers from the configuration. The
 * bootstrap user's plain password is turned into a SCRAM verifier at start-up and not kept; its md5
 * hash (which, as in PostgreSQL, is password-equivalent for md5 logins) is kept only when the method
 * is md5. Stored roles have only a SCRAM verifier, so md5 logins fail for them, as in PostgreSQL.
 */
public final class Credentials {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthMethod method;
    private final String user;
    private final ScramVerifier verifier;
    private final String md5;
    private final Function<String, Optional<LoginRole>> roles;
    /** Keys the mock salts of unknown users, so that a user's mock salt is stable but unguessable. */
    private final byte[] mockSecret = new byte[32];

    private Credentials(AuthMethod method, String user, ScramVerifier verifier, String md5,
                        Function<String, Optional<LoginRole>> roles) {
        this.method = method;
        this.user = user;
        this.verifier = verifier;
        this.md5 = md5;
        this.roles = roles;
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
        return new Credentials(method, user, verifier, md5, name -> Optional.empty());
    }

    /** These credentials, also admitting the roles {@code lookup} finds (a database's stored roles). */
    public Credentials withRoles(Function<String, Optional<LoginRole>> lookup) {
        return new Credentials(method, user, verifier, md5, lookup);
    }

    public AuthMethod method() {
        return method;
    }

    /** The role as stored, if the database has one of that name (the bootstrap user may be one). */
    public Optional<LoginRole> role(String name) {
        return roles.apply(name);
    }

    /** The verifier of {@code name}, or a mock one (with {@link #knows} false) for anyone else. */
    public ScramVerifier scramVerifier(String name) {
        ScramVerifier real = realVerifier(name);
        if (real != null) {
            return real;
        }
        byte[] salt = Arrays.copyOf(ScramVerifier.hmac(mockSecret, name.getBytes(StandardCharsets.UTF_8)), 16);
        return new ScramVerifier(salt, ScramVerifier.DEFAULT_ITERATIONS, new byte[32], new byte[32]);
    }

    /** A stored role's own verifier comes first; the bootstrap user falls back to the configured password. */
    private ScramVerifier realVerifier(String name) {
        Optional<LoginRole> stored = roles.apply(name);
        if (stored.isPresent() && stored.get().verifier() != null) {
            return ScramVerifier.parse(stored.get().verifier());
        }
        return verifier != null && user.equals(name) ? verifier : null;
    }

    /** Whether {@code name} is a user with a password. */
    public boolean knows(String name) {
        return realVerifier(name) != null;
    }

    public boolean checkCleartext(String name, String password) {
        boolean matches = scramVerifier(name).matchesPassword(password);
        return matches && knows(name);
    }

    public boolean checkMd5(String name, String response, byte[] salt) {
        // A stored role has only a SCRAM verifier, from which no md5 hash can be made.
        boolean configured = md5 != null && user.equals(name) && roles.apply(name).map(r -> r.verifier() == null)
                .orElse(true);
        String stored = configured ? md5 : "md5" + "0".repeat(32);
        String expected = Md5Password.salted(stored, salt);
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.getBytes(StandardCharsets.US_ASCII));
        return matches && configured;
    }

    @Override
    public String toString() {
        return "Credentials[method=" + method.configName() + ", user=" + user + "]";
    }
}
