package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class SessionActivityTest {

    /** Spins (no sleep: nothing to wait for but the clock) until {@code nanos} have passed since {@code from}. */
    private static void spinUntil(long from, long nanos) {
        while (System.nanoTime() - from < nanos) {
            Thread.onSpinWait();
        }
    }

    @Test
    void queryStart_isTheStatementsStart_notTheTimeItIsRead() {
        SessionActivity activity = new SessionActivity(1, "alice");
        assertThat(activity.queryStart()).isNull();

        LocalDateTime before = UtcClock.nowMicros();
        long start = System.nanoTime();
        activity.started("SELECT 1", "app", start);
        spinUntil(start, 20_000_000);   // read 20 ms after the start
        LocalDateTime read = activity.queryStart();
        LocalDateTime after = UtcClock.nowMicros();

        assertThat(read).isAfterOrEqualTo(before.minus(1, ChronoUnit.MILLIS));
        assertThat(read).isBefore(after.minus(15, ChronoUnit.MILLIS));
    }

    @Test
    void fixQueryStart_keepsOneValue_untilTheNextStatement() {
        SessionActivity activity = new SessionActivity(1, "alice");
        long first = System.nanoTime();
        activity.started("SELECT 1", "app", first);
        LocalDateTime fixed = activity.fixQueryStart();
        spinUntil(first, 5_000_000);
        assertThat(activity.fixQueryStart()).isEqualTo(fixed);
        assertThat(activity.queryStart()).isEqualTo(fixed);
        activity.finished("idle", "app");
        assertThat(activity.queryStart()).isEqualTo(fixed);   // pg_stat_activity shows the last statement's start

        long second = System.nanoTime();
        activity.started("SELECT 2", "app", second);
        assertThat(activity.fixQueryStart()).isAfter(fixed.plus(4, ChronoUnit.MILLIS));
    }

    @Test
    void row_showsStateQueryAndStart() {
        SessionActivity activity = new SessionActivity(7, "alice");
        activity.started("SELECT 1", "psql", System.nanoTime());
        Object[] running = activity.row("db");
        assertThat(running[3]).isEqualTo("psql");
        assertThat(running[5]).isNotNull();
        assertThat(running[8]).isEqualTo("active");
        assertThat(running[9]).isEqualTo("SELECT 1");
        activity.finished("idle", "psql");
        assertThat(activity.row("db")[8]).isEqualTo("idle");
    }
}
