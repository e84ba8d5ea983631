package io.heliosdb.api.config;

/**
 * {@code [encryption]}: encryption at rest.
 *
 * @param enabled   encrypt what is written to storage
 * @param algorithm the cipher; {@code Aes256Gcm}
 * @param keySource where the key comes from, e.g. {@code { Environment = "HELIOS_KEY" }}; null when disabled
 */
public record EncryptionConfig(boolean enabled, String algorithm, KeySource keySource) {

    /** A key source: {@code kind} is {@code Environment} or {@code File}; {@code value} names the variable or file. */
    public record KeySource(String kind, String value) {
    }

    public static EncryptionConfig defaults() {
        return new EncryptionConfig(false, "Aes256Gcm", null);
    }
}
