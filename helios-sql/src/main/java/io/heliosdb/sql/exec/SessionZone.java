package io.heliosdb.sql.exec;

import io.heliosdb.api.TemporalText;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The session's TimeZone setting as a {@link ZoneId}: timestamptz values are read and shown in it. */
final class SessionZone {

    private SessionZone() {
    }

    static ZoneId of(Runtime rt) {
        if (rt == null || rt.context() == null) {
            return ZoneOffset.UTC;
        }
        String name = rt.context().setting("TimeZone");
        return name == null ? ZoneOffset.UTC : TemporalText.zoneNamed(name);
    }
}
