package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {

    @Test
    void get_anySpellingOfABuiltInName_findsTheSameSetting() {
        SessionSettings settings = new SessionSettings("alice");
        settings.set("datestyle", "German, DMY");
        assertThat(settings.get("DateStyle")).isEqualTo("German, DMY");
        assertThat(settings.get("DATESTYLE")).isEqualTo("German, DMY");
        assertThat(settings.all()).containsEntry("DateStyle", "German, DMY");
    }

    @Test
    void set_customParameterInMixedCase_isReadBackCaseInsensitively() {
        SessionSettings settings = new SessionSettings("alice");
        settings.set("MyApp.Mode", "fast");
        assertThat(settings.get("myapp.mode")).isEqualTo("fast");
        assertThatThrownBy(() -> settings.set("NoSuchSetting", "1")).isInstanceOf(HeliosException.class);
    }

    @Test
    void millis_zeroAndUnits_areMilliseconds() {
        SessionSettings settings = new SessionSettings("alice");
        assertThat(settings.millis("statement_timeout")).isZero();
        settings.set("statement_timeout", "2s");
        assertThat(settings.millis("Statement_Timeout")).isEqualTo(2000);
        settings.set("statement_timeout", null);
        assertThat(settings.millis("statement_timeout")).isZero();
    }
}
