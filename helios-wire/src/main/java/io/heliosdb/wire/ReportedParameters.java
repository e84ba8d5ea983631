package io.heliosdb.wire;

import io.heliosdb.api.Session;
import io.heliosdb.wire.protocol.BackendMessage.ParameterStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings a client is told about with ParameterStatus: all of them after authentication, then
 * again whenever a statement changed one (sent before ReadyForQuery, as PostgreSQL 14+ does).
 */
final class ReportedParameters {
    /** The reported parameters that SET can change. */
    private static final List<String> CHANGEABLE = List.of("application_name", "client_encoding", "DateStyle",
            "default_transaction_read_only", "IntervalStyle", "is_superuser", "session_authorization",
            "standard_conforming_strings", "TimeZone");

    private final Session session;
    private final Map<String, String> sent = new LinkedHashMap<>();
    /** The session's settings version when {@link #sent} was last compared with its values (-1: never). */
    private long comparedAt = -1;

    ReportedParameters(Session session) {
        this.session = session;
    }

    /** Every parameter, preferring the session's value and falling back to the start-up defaults. */
    List<ParameterStatus> initial(String user, Map<String, String> startup) {
        comparedAt = session.settingsVersion();
        List<ParameterStatus> out = new ArrayList<>();
        for (ParameterStatus fallback : ServerParameters.forStartup(user, startup)) {
            String value = CHANGEABLE.contains(fallback.name()) ? session.setting(fallback.name()) : null;
            String reported = value != null ? value : fallback.value();
            if (CHANGEABLE.contains(fallback.name())) {
                sent.put(fallback.name(), value);
            }
            out.add(new ParameterStatus(fallback.name(), reported));
        }
        return out;
    }

    /**
     * The parameters whose value changed since they were last reported; none without looking when the
     * session's settings have not changed since (most statements: this runs before every ReadyForQuery).
     */
    List<ParameterStatus> changes() {
        long version = session.settingsVersion();
        if (version >= 0 && version == comparedAt) {
            return List.of();
        }
        comparedAt = version;
        List<ParameterStatus> out = new ArrayList<>();
        for (String name : CHANGEABLE) {
            String value = session.setting(name);
            if (value != null && !Objects.equals(value, sent.get(name))) {
                sent.put(name, value);
                out.add(new ParameterStatus(name, value));
            }
        }
        return out;
    }
}
