package io.heliosdb.sql.exec;

import io.heliosdb.api.TemporalText;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The session's TimeZone setting as a {@link ZoneId}: timestamptz values are read and shown in it. */
final class SessionZone {

    private SessionZone() {
    }

    static ZoneId of(Runtime rt) {
        return rt == null ? ZoneOffset.UTC : of(rt.context());
    }

    static ZoneId of(io.heliosdb.sql.ExecutionContext context) {
        if (context == null) {
            return ZoneOffset.UTC;
        }
        String name = context.setting("TimeZone");
        return name == null ? ZoneOffset.UTC : TemporalText.zoneNamed(name);
    }
}
