package io.heliosdb.wire;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * The server's TLS set-up, loaded once at start: Netty's SslContext from the PEM files, and the
 * {@code tls-server-end-point} channel-binding data (RFC 5929) for SCRAM-SHA-256-PLUS.
 */
record ServerTls(SslContext context, byte[] endPointBinding) {

    /** Loads the certificate chain and key; any problem is a start-up error that names the file. */
    static ServerTls load(Path certPath, Path keyPath) {
        if (certPath == null || keyPath == null) {
            throw configError("tls_enabled = true needs both tls_cert_path and tls_key_path");
        }
        requireReadable(certPath, "tls_cert_path");
        requireReadable(keyPath, "tls_key_path");
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(certPath)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw configError("tls_cert_path " + certPath + " holds no PEM X.509 certificate: " + e.getMessage());
        }
        SslContext context;
        try {
            context = SslContextBuilder.forServer(certPath.toFile(), keyPath.toFile()).build();
        } catch (IOException | IllegalArgumentException e) {
            throw configError("cannot use the TLS certificate " + certPath + " with key " + keyPath + ": "
                    + e.getMessage());
        }
        return new ServerTls(context, endPointBinding(certificate));
    }

    /** The certificate's hash with its signature's hash algorithm, SHA-256 for MD5 and SHA-1 (RFC 5929 §4.1). */
    private static byte[] endPointBinding(X509Certificate certificate) {
        String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        String digest = algorithm.contains("SHA384") ? "SHA-384" : algorithm.contains("SHA512") ? "SHA-512"
                : "SHA-256";
        try {
            return MessageDigest.getInstance(digest).digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw configError("cannot hash the TLS certificate: " + e.getMessage());
        }
    }

    private static void requireReadable(Path path, String key) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw configError(key + " " + path + " is not a readable file");
        }
    }

    private static HeliosException configError(String message) {
        return new HeliosException(SqlState.CONFIG_FILE_ERROR, message);
    }
}
