package io.heliosdb.wire.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The server side of SCRAM-SHA-256 against a client computed here from RFC 5802. */
class ScramServerExchangeTest {
    private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ScramVerifier VERIFIER = ScramVerifier.create("pencil", SALT, 4096);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The client-final-message for a password, given the exchange so far. */
    private static String clientFinal(String password, String gs2, String clientFirstBare, String serverFirst) {
        String nonce = serverFirst.substring(2, serverFirst.indexOf(','));
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(utf8(gs2)) + ",r=" + nonce;
        byte[] salted = ScramVerifier.saltedPassword(password, SALT, 4096);
        byte[] clientKey = ScramVerifier.hmac(salted, utf8("Client Key"));
        byte[] storedKey = ScramVerifier.sha256(clientKey);
        byte[] signature = ScramVerifier.hmac(storedKey, utf8(clientFirstBare + "," + serverFirst + "," + withoutProof));
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    private static String exchange(ScramServerExchange server, String password) {
        String bare = "n=,r=rOprNGfwEbeRWgbNEkqO";
        String serverFirst = new String(server.serverFirst("SCRAM-SHA-256", utf8("n,," + bare)), StandardCharsets.UTF_8);
        assertThat(serverFirst).startsWith("r=rOprNGfwEbeRWgbNEkqO").endsWith(",i=4096")
                .contains(",s=" + Base64.getEncoder().encodeToString(SALT));
        return new String(server.serverFinal(utf8(clientFinal(password, "n,,", bare, serverFirst))),
                StandardCharsets.UTF_8);
    }

    @Test
    void rightPassword_serverFinalCarriesTheServerSignature() {
        String serverFinal = exchange(new ScramServerExchange("u", VERIFIER, true, null), "pencil");
        assertThat(serverFinal).startsWith("v=").hasSizeGreaterThan(40);
    }

    @Test
    void wrongPassword_is28P01() {
        assertThatThrownBy(() -> exchange(new ScramServerExchange("u", VERIFIER, true, null), "pen"))
                .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.sqlState().code()).isEqualTo("28P01"))
                .hasMessage("password authentication failed for user \"u\"");
    }

    @Test
    void unknownUser_failsAtTheSameStepWithTheSameMessage() {
        assertThatThrownBy(() -> exchange(new ScramServerExchange("x", VERIFIER, false, null), "pencil"))
                .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.sqlState().code()).isEqualTo("28P01"))
                .hasMessage("password authentication failed for user \"x\"");
    }

    @Test
    void plusWithoutTls_andDowngradeFlag_areRefused() {
        assertThatThrownBy(() -> new ScramServerExchange("u", VERIFIER, true, null)
                .serverFirst("SCRAM-SHA-256-PLUS", utf8("p=tls-server-end-point,,n=,r=abc")))
                .isInstanceOf(HeliosException.class);
        // 'y': the client could bind but thinks we cannot, while we offered -PLUS over TLS.
        assertThatThrownBy(() -> new ScramServerExchange("u", VERIFIER, true, new byte[32])
                .serverFirst("SCRAM-SHA-256", utf8("y,,n=,r=abc")))
                .hasMessageContaining("channel binding");
    }

    @Test
    void malformedMessages_areProtocolViolations() {
        ScramServerExchange server = new ScramServerExchange("u", VERIFIER, true, null);
        assertThatThrownBy(() -> server.serverFirst("SCRAM-SHA-256", utf8("garbage")))
                .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.sqlState().code()).isEqualTo("08P01"));
        assertThatThrownBy(() -> server.serverFinal(utf8("c=biws,r=x,p=AAAA")))
                .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.sqlState().code()).isEqualTo("08P01"));
    }

    @Test
    void verifier_keepsNoPasswordAndChecksCleartext() {
        assertThat(VERIFIER.matchesPassword("pencil")).isTrue();
        assertThat(VERIFIER.matchesPassword("Pencil")).isFalse();
        assertThat(VERIFIER.toString()).doesNotContain("pencil");
        Credentials md5 = Credentials.of(AuthMethod.MD5, "postgres", "secret");
        byte[] salt = {1, 2, 3, 4};
        String answer = Md5Password.salted(Md5Password.hash("secret", "postgres"), salt);
        assertThat(md5.checkMd5("postgres", answer, salt)).isTrue();
        assertThat(md5.checkMd5("other", answer, salt)).isFalse();
        // Without auth_method = md5 no md5 hash is kept, so md5 answers never match.
        assertThat(Credentials.of(AuthMethod.SCRAM_SHA_256, "postgres", "secret").checkMd5("postgres", answer, salt))
                .isFalse();
    }
}
