package io.heliosdb.wire.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pg_authid text form of SCRAM verifiers, as CREATE ROLE stores them. */
class ScramVerifierTest {

    @Test
    void parse_readsWhatTextWrites() {
        ScramVerifier v = ScramVerifier.create("pencil", "0123456789abcdef".getBytes(StandardCharsets.US_ASCII), 4096);
        String text = v.text();
        assertThat(text).startsWith("SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$");
        ScramVerifier parsed = ScramVerifier.parse(text);
        assertThat(parsed).isEqualTo(v);
        assertThat(parsed.matchesPassword("pencil")).isTrue();
        assertThat(parsed.matchesPassword("pen")).isFalse();
    }

    @Test
    void parse_refusesOtherForms() {
        assertThat(ScramVerifier.parse(null)).isNull();
        assertThat(ScramVerifier.parse("md5" + "0".repeat(32))).isNull();
        assertThat(ScramVerifier.parse("SCRAM-SHA-256$4096:c2FsdA==$bad")).isNull();
        assertThat(ScramVerifier.parse("SCRAM-SHA-256$x:c2FsdA==$AAAA:BBBB")).isNull();
        assertThat(ScramVerifier.parse("SCRAM-SHA-256$4096:c2FsdA==$AAAA:BBBB")).isNull(); // keys too short
    }
}
