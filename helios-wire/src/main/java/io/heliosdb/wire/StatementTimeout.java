package io.heliosdb.wire;

import io.heliosdb.api.Session;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The wire's own watch on {@code statement_timeout} and the configured {@code query_timeout_secs}:
 * the kernel checks its deadline while it computes rows, but not while the wire waits on a slow
 * client or the session waits elsewhere, so a timer cancels the statement through
 * {@link io.heliosdb.api.Session#cancel()} as well. It runs from the first message after
 * ReadyForQuery until the next ReadyForQuery (a whole simple Query, or Parse..Sync).
 */
final class StatementTimeout {
    private final ScheduledExecutorService timer;
    private final long configuredMillis;
    private ScheduledFuture<?> pending;
    /** The session's statement_timeout in milliseconds as of its settings version {@link #readAt}. */
    private long settingMillis;
    private long readAt = -1;

    StatementTimeout(ScheduledExecutorService timer, int queryTimeoutSecs) {
        this.timer = timer;
        this.configuredMillis = Math.max(0, queryTimeoutSecs) * 1000L;
    }

    /**
     * Arms the timer for the shorter of the session's statement_timeout and the configured limit (0:
     * none); the setting is read and parsed again only after the session's settings changed.
     */
    void start(Session session, Runnable onExpiry) {
        stop();
        long version = session.settingsVersion();
        if (version < 0 || version != readAt) {
            settingMillis = parseMillis(session.setting("statement_timeout"));
            readAt = version;
        }
        long millis = effective(settingMillis, configuredMillis);
        if (millis > 0) {
            pending = timer.schedule(onExpiry, millis, TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    static long effective(long settingMillis, long configuredMillis) {
        if (settingMillis <= 0) {
            return configuredMillis;
        }
        return configuredMillis <= 0 ? settingMillis : Math.min(settingMillis, configuredMillis);
    }

    /** PostgreSQL's time setting forms: {@code 250}, {@code 250ms}, {@code 5s}, {@code 2min}, {@code 1h}, {@code 1d}. */
    static long parseMillis(String value) {
        if (value == null) {
            return 0;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < v.length() && (Character.isDigit(v.charAt(end)) || v.charAt(end) == '.')) {
            end++;
        }
        if (end == 0) {
            return 0;
        }
        double amount;
        try {
            amount = Double.parseDouble(v.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
        long unit = switch (v.substring(end).strip()) {
            case "", "ms" -> 1;
            case "s" -> 1000;
            case "min" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> 0;
        };
        return (long) (amount * unit);
    }
}
