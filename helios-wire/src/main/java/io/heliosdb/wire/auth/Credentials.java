package io.heliosdb.wire.auth;

import io.heliosdb.api.LoginRole;
import io.heliosdb.api.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
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
    /** Whether {@link #roles} is the database's whole list of roles (so a name it lacks is no role). */
    private final boolean rolesKnown;
    /** Keys the mock salts of unknown users, so that a user's mock salt is stable but unguessable. */
    private final byte[] mockSecret = new byte[32];

    private Credentials(AuthMethod method, String user, ScramVerifier verifier, String md5,
                        Function<String, Optional<LoginRole>> roles, boolean rolesKnown) {
        this.method = method;
        this.user = user;
        this.verifier = verifier;
        this.md5 = md5;
        this.roles = roles;
        this.rolesKnown = rolesKnown;
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
        return new Credentials(method, user, verifier, md5, name -> Optional.empty(), false);
    }

    /** These credentials, also admitting the roles {@code lookup} finds (a database's stored roles). */
    public Credentials withRoles(Function<String, Optional<LoginRole>> lookup) {
        return new Credentials(method, user, verifier, md5, lookup, true);
    }

    public AuthMethod method() {
        return method;
    }

    /** The role as stored, if the database has one of that name (the bootstrap user may be one). */
    public Optional<LoginRole> role(String name) {
        return roles.apply(name);
    }

    /**
     * Whether a role of this name exists: the bootstrap user and the database's roles. Without a list of
     * roles ({@link #of} alone) every name passes.
     */
    public boolean exists(String name) {
        return !rolesKnown || name.equals(user) || roles.apply(name).isPresent();
    }

    /** Whether the role's password has expired (VALID UNTIL in the past); then no password is accepted. */
    public boolean expired(String name) {
        return roles.apply(name).map(r -> r.validUntil() != null && r.validUntil().isBefore(OffsetDateTime.now()))
                .orElse(false);
    }

    /** How many sessions the role may have at once, -1 for no limit. */
    public int connectionLimit(String name) {
        return roles.apply(name).map(LoginRole::connectionLimit).orElse(-1);
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
            // An md5 hash cannot answer a SCRAM exchange, as in PostgreSQL.
            return isMd5(stored.get().verifier()) ? null : ScramVerifier.parse(stored.get().verifier());
        }
        return verifier != null && user.equals(name) ? verifier : null;
    }

    /** Whether {@code name} is a user with a password. */
    public boolean knows(String name) {
        return realVerifier(name) != null;
    }

    public boolean checkCleartext(String name, String password) {
        String hash = storedMd5(name);
        if (hash != null) {
            return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                    Md5Password.hash(password, name).getBytes(StandardCharsets.US_ASCII));
        }
        boolean matches = scramVerifier(name).matchesPassword(password);
        return matches && knows(name);
    }

    /** A stored role's md5 hash (PASSWORD 'md5...'), or null. */
    private String storedMd5(String name) {
        return roles.apply(name).map(LoginRole::verifier).filter(Credentials::isMd5).orElse(null);
    }

    private static boolean isMd5(String verifier) {
        return verifier.startsWith("md5") && verifier.length() == 35;
    }

    public boolean checkMd5(String name, String response, byte[] salt) {
        // A stored role has only a SCRAM verifier, from which no md5 hash can be made.
        String hash = storedMd5(name);
        boolean configured = hash != null || md5 != null && user.equals(name)
                && roles.apply(name).map(r -> r.verifier() == null).orElse(true);
        String stored = hash != null ? hash : configured ? md5 : "md5" + "0".repeat(32);
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
