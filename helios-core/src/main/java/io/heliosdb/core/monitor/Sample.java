package io.heliosdb.core.monitor;

/**
 * One metric value, named for Prometheus ({@code heliosdb_...}, with an optional quantile label) and
 * for the {@code helios_stats} view ({@code sqlName}).
 *
 * @param type {@code counter}, {@code gauge}, {@code summary} or {@code untyped}
 */
public record Sample(String name, String type, String help, String quantile, double value, String sqlName) {

    static Sample counter(String name, String help, double value, String sqlName) {
        return new Sample(name, "counter", help, null, value, sqlName);
    }

    static Sample gauge(String name, String help, double value, String sqlName) {
        return new Sample(name, "gauge", help, null, value, sqlName);
    }
}
