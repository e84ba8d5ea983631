package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class UtcClockTest {

    @Test
    void nowMicros_liesBetweenTheSystemClockBeforeAndAfter_inMicroseconds() {
        for (int i = 0; i < 1000; i++) {
            LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            LocalDateTime now = UtcClock.nowMicros();
            LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC);
            assertThat(now).isBetween(before, after);
            assertThat(now.getNano() % 1000).isZero();
        }
    }
}
