package io.heliosdb.wire;

import io.heliosdb.wire.protocol.BackendMessage.ParameterStatus;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The ParameterStatus values reported after authentication, as a PostgreSQL 16 server reports them. */
final class ServerParameters {

    static final String SERVER_VERSION = "16.0";

    private ServerParameters() {
    }

    static List<ParameterStatus> forStartup(String user, Map<String, String> startup) {
        return List.of(
                new ParameterStatus("application_name", startup.getOrDefault("application_name", "")),
                new ParameterStatus("client_encoding", "UTF8"),
                new ParameterStatus("DateStyle", "ISO, MDY"),
                new ParameterStatus("default_transaction_read_only", "off"),
                new ParameterStatus("in_hot_standby", "off"),
                new ParameterStatus("integer_datetimes", "on"),
                new ParameterStatus("IntervalStyle", "postgres"),
                new ParameterStatus("is_superuser", "on"),
                new ParameterStatus("server_encoding", "UTF8"),
                new ParameterStatus("server_version", SERVER_VERSION),
                new ParameterStatus("session_authorization", user),
                new ParameterStatus("standard_conforming_strings", "on"),
                new ParameterStatus("TimeZone", startup.getOrDefault("TimeZone", ZoneId.systemDefault().getId())));
    }
}
