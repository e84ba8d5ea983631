package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParserWarmUpTest {

    @Test
    void run_parsesEveryWarmUpStatement() {
        // A statement the grammar stopped taking would leave its path cold without anyone noticing.
        assertThat(ParserWarmUp.run()).isEqualTo(ParserWarmUp.STATEMENTS.size());
    }

    @Test
    void startInBackground_startsOneDaemonThreadPerJvm() throws InterruptedException {
        Thread first = ParserWarmUp.startInBackground();
        Thread again = ParserWarmUp.startInBackground();
        assertThat(again).isSameAs(first);
        assertThat(first.isDaemon()).as("must not keep a JVM alive").isTrue();
        first.join(TimeUnit.MINUTES.toMillis(2));
        assertThat(first.isAlive()).isFalse();
    }

    @Test
    void parse_afterWarmUp_stillReportsSyntaxErrors() throws InterruptedException {
        ParserWarmUp.startInBackground().join(TimeUnit.MINUTES.toMillis(2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqlEngine.parse("SELEC 1"))
                .hasMessageContaining("syntax error at or near \"SELEC\"");
        assertThat(SqlEngine.parse("SELECT 1; SET extra_float_digits = 2")).hasSize(2);
    }
}
