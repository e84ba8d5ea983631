package io.heliosdb.core.config;

import io.heliosdb.api.config.Compression;
import io.heliosdb.api.config.EncryptionConfig;
import io.heliosdb.api.config.ServerConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.tomlj.TomlTable;

/**
 * How a configuration value is read, from a TOML value or from an environment variable's text.
 * Conversion failures are {@link IllegalArgumentException}s whose message says what was expected.
 */
enum ValueKind {
    BOOLEAN, PATH, ENGINE, SIZE, COMPRESSION, ADDRESS, PORT, POSITIVE_INT, NON_NEGATIVE_INT, ALGORITHM, KEY_SOURCE, AUTH_METHOD, NAME, SECRET, MESSAGE_SIZE,
    CACHE_PROVIDER;

    /**
     * Converts a TOML value.
     *
     * @param baseDir directory that relative paths are resolved against, or null to keep them as written
     */
    Object fromToml(Object value, Path baseDir) {
        return switch (this) {
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw expected("true or false", value);
            }
            case PATH -> resolve(path(string(value, "a path string")), baseDir);
            case ENGINE -> engine(string(value, "an engine name string such as \"rocksdb\" or \"memory\""));
            case SIZE -> {
                if (value instanceof Long l) {
                    if (l < 0) {
                        throw new IllegalArgumentException("expected a size of 0 bytes or more, got " + l);
                    }
                    yield l;
                }
                yield ByteSize.parse(string(value, "a size such as 536870912 or \"512MB\""));
            }
            case COMPRESSION -> Compression.ofConfigName(string(value, "\"zstd\", \"lz4\" or \"none\""));
            case MESSAGE_SIZE -> messageSize((Long) SIZE.fromToml(value, baseDir));
            case CACHE_PROVIDER -> cacheProvider(string(value, "\"caffeine\", \"compact\", \"chronicle\" or \"none\""));
            case ADDRESS -> address(string(value, "an address string such as \"127.0.0.1\""));
            case PORT, POSITIVE_INT, NON_NEGATIVE_INT -> {
                if (value instanceof Long l) {
                    yield checkRange(l);
                }
                throw expected("an integer", value);
            }
            case ALGORITHM -> algorithm(string(value, "\"Aes256Gcm\""));
            case AUTH_METHOD -> authMethod(string(value, "\"trust\", \"password\", \"md5\" or \"scram-sha-256\""));
            case NAME -> name(string(value, "a user name string"));
            case SECRET -> string(value, "a password string");
            case KEY_SOURCE -> {
                if (value instanceof TomlTable table && table.size() == 1) {
                    String kind = table.keySet().iterator().next();
                    Object v = table.get(java.util.List.of(kind));
                    if (v instanceof String s) {
                        EncryptionConfig.KeySource source = keySource(kind, s);
                        yield source.kind().equals("File")
                                ? new EncryptionConfig.KeySource("File", resolve(path(s), baseDir).toString())
                                : source;
                    }
                }
                throw new IllegalArgumentException(
                        "expected { Environment = \"VARIABLE\" } or { File = \"path\" }");
            }
        };
    }

    /** Converts an environment variable's text. */
    Object fromText(String text) {
        String s = text.strip();
        return switch (this) {
            case BOOLEAN -> switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> Boolean.TRUE;
                case "false", "0", "no", "off" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("expected true or false, got \"" + text + "\"");
            };
            case PATH -> path(s);
            case ENGINE -> engine(s);
            case SIZE -> ByteSize.parse(s);
            case COMPRESSION -> Compression.ofConfigName(s.toLowerCase(Locale.ROOT));
            case MESSAGE_SIZE -> messageSize(ByteSize.parse(s));
            case CACHE_PROVIDER -> cacheProvider(s.toLowerCase(Locale.ROOT));
            case ADDRESS -> address(s);
            case PORT, POSITIVE_INT, NON_NEGATIVE_INT -> {
                try {
                    yield checkRange(Long.parseLong(s));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected an integer, got \"" + text + "\"", e);
                }
            }
            case ALGORITHM -> algorithm(s);
            case AUTH_METHOD -> authMethod(s);
            case NAME -> name(s);
            case SECRET -> text;
            case KEY_SOURCE -> {
                int sep = s.indexOf('=') >= 0 ? s.indexOf('=') : s.indexOf(':');
                if (sep <= 0) {
                    throw new IllegalArgumentException(
                            "expected Environment=VARIABLE or File=path, got \"" + text + "\"");
                }
                yield keySource(s.substring(0, sep).strip(), s.substring(sep + 1).strip());
            }
        };
    }

    private Integer checkRange(long v) {
        long min = this == POSITIVE_INT ? 1 : 0;
        long max = this == PORT ? 65535 : Integer.MAX_VALUE;
        if (v < min || v > max) {
            throw new IllegalArgumentException("expected an integer from " + min + " to " + max + ", got " + v);
        }
        return (int) v;
    }

    private static String string(Object value, String expectation) {
        if (value instanceof String s) {
            return s;
        }
        throw expected(expectation, value);
    }

    private static IllegalArgumentException expected(String expectation, Object value) {
        String got = value instanceof String s ? "\"" + s + "\"" : value instanceof TomlTable ? "a table"
                : String.valueOf(value);
        return new IllegalArgumentException("expected " + expectation + ", got " + got);
    }

    /**
     * The cache layers this project ships (a provider missing from the module path is refused at start-up), or
     * {@code none}: no layer, a served database gives {@code cache_size} to its engine's cache instead.
     */
    private static String cacheProvider(String s) {
        if (!s.equals("caffeine") && !s.equals("compact") && !s.equals("chronicle") && !s.equals("none")) {
            throw new IllegalArgumentException(
                    "expected \"caffeine\", \"compact\", \"chronicle\" or \"none\", got \"" + s + "\"");
        }
        return s;
    }

    private static String authMethod(String s) {
        if (!ServerConfig.AUTH_METHODS.contains(s)) {
            throw new IllegalArgumentException(
                    "expected \"trust\", \"password\", \"md5\" or \"scram-sha-256\", got \"" + s + "\"");
        }
        return s;
    }

    private static String name(String s) {
        if (s.isBlank() || s.length() > 63) {
            throw new IllegalArgumentException("expected a name of 1 to 63 characters, got \"" + s + "\"");
        }
        return s;
    }

    private static Path path(String s) {
        if (s.isBlank()) {
            throw new IllegalArgumentException("expected a path, got an empty string");
        }
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid path \"" + s + "\": " + e.getReason(), e);
        }
    }

    private static Path resolve(Path p, Path baseDir) {
        return baseDir == null || p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }

    private static String engine(String s) {
        if (!s.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("expected an engine name such as \"rocksdb\" or \"memory\", got \""
                    + s + "\"");
        }
        return s;
    }

    private static String address(String s) {
        if (s.isBlank() || s.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("expected a host name or IP address, got \"" + s + "\"");
        }
        return s;
    }

    private static String algorithm(String s) {
        if (!s.equals("Aes256Gcm")) {
            throw new IllegalArgumentException("expected \"Aes256Gcm\", got \"" + s + "\"");
        }
        return s;
    }

    private static final Map<String, String> KEY_SOURCE_KINDS = Map.of("environment", "Environment", "file", "File");

    private static EncryptionConfig.KeySource keySource(String kind, String value) {
        String canonical = KEY_SOURCE_KINDS.get(kind.toLowerCase(Locale.ROOT));
        if (canonical == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "expected { Environment = \"VARIABLE\" } or { File = \"path\" }, got " + kind);
        }
        return new EncryptionConfig.KeySource(canonical, value);
    }

    /** A protocol message cap: at least 1 KB (room for any ordinary query), at most PostgreSQL's 1 GiB. */
    private static Integer messageSize(long bytes) {
        if (bytes < 1024 || bytes > (1L << 30)) {
            throw new IllegalArgumentException("expected a size from 1KB to 1GB, got " + bytes + " bytes");
        }
        return (int) bytes;
    }
}
