package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import org.junit.jupiter.api.Test;

/** The limits follow every change of their settings, though they read them only after one. */
class StatementLimitsTest {
    private final SessionSettings settings = new SessionSettings("alice");
    private final StatementLimits limits = new StatementLimits(settings, 0, new StatementCancel());

    @Test
    void deadlineNanos_followsStatementTimeoutAcrossChanges() {
        assertThat(limits.deadlineNanos()).isZero();
        settings.set("statement_timeout", "1min");
        assertThat(limits.deadlineNanos()).isNotZero();
        settings.set("statement_timeout", null);
        assertThat(limits.deadlineNanos()).isZero();
        settings.beginTransaction();
        settings.setLocal("statement_timeout", "5s");
        assertThat(limits.deadlineNanos()).isNotZero();
        settings.commitTransaction();
        assertThat(limits.deadlineNanos()).isZero();
    }

    @Test
    void lockWait_followsLockTimeoutAcrossChanges() {
        assertThat(limits.lockWait().timeoutMillis()).isEqualTo(60_000);
        settings.set("lock_timeout", "250ms");
        assertThat(limits.lockWait().timeoutMillis()).isEqualTo(250);
        settings.beginTransaction();
        settings.set("lock_timeout", "2s");
        assertThat(limits.lockWait().timeoutMillis()).isEqualTo(2000);
        settings.rollbackTransaction();
        assertThat(limits.lockWait().timeoutMillis()).isEqualTo(250);
    }

    @Test
    void badLockTimeout_isRefusedBySet_andTheOldValueStays() {
        settings.set("lock_timeout", "250ms");
        assertThatThrownBy(() -> settings.set("lock_timeout", "soon")).isInstanceOf(HeliosException.class);
        assertThat(limits.deadlineNanos()).isZero();
        assertThat(limits.lockWait().timeoutMillis()).isEqualTo(250);
        settings.set("lock_timeout", "1s");
        assertThat(limits.lockWait().timeoutMillis()).isEqualTo(1000);
    }
}
