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

    @Test
    void version_changesWithEveryChangeOfAValue_andNotOtherwise() {
        SessionSettings settings = new SessionSettings("alice");
        long v0 = settings.version();
        settings.get("application_name");
        settings.beginTransaction();
        settings.commitTransaction();   // nothing SET LOCAL: every value as before
        assertThat(settings.version()).isEqualTo(v0);

        settings.set("application_name", "a");
        long v1 = settings.version();
        assertThat(v1).isNotEqualTo(v0);
        settings.set("application_name", null);   // RESET
        long v2 = settings.version();
        assertThat(v2).isNotEqualTo(v1);

        settings.beginTransaction();
        settings.set("application_name", "in-block");
        long v3 = settings.version();
        settings.rollbackTransaction();   // restores the value from before the block
        assertThat(settings.version()).isNotEqualTo(v3);
        assertThat(settings.get("application_name")).isEmpty();

        settings.beginTransaction();
        settings.setLocal("DateStyle", "German, DMY");
        long v4 = settings.version();
        settings.commitTransaction();   // SET LOCAL reverts
        assertThat(settings.version()).isNotEqualTo(v4);
        assertThat(settings.get("DateStyle")).isEqualTo("ISO, MDY");

        var snapshot = settings.snapshot();
        settings.set("TimeZone", "Europe/Paris");
        long v5 = settings.version();
        settings.restore(snapshot);   // ROLLBACK TO SAVEPOINT
        assertThat(settings.version()).isNotEqualTo(v5);
        assertThat(settings.get("TimeZone")).isEqualTo("UTC");
    }
}
