package io.heliosdb.sql.exec;

import io.heliosdb.api.Interval;

/** justify_days, justify_hours and justify_interval, with PostgreSQL's sign rules (a month is 30 days). */
final class IntervalJustify {
    private static final long DAY = Interval.MICROS_PER_DAY;

    private IntervalJustify() {
    }

    static Interval days(Interval v) {
        int months = v.months() + v.days() / 30;
        int days = v.days() % 30;
        if (months > 0 && days < 0) {
            days += 30;
            months--;
        } else if (months < 0 && days > 0) {
            days -= 30;
            months++;
        }
        return new Interval(months, days, v.micros());
    }

    static Interval hours(Interval v) {
        long micros = v.micros() % DAY;
        int days = Math.addExact(v.days(), Math.toIntExact(v.micros() / DAY));
        if (days > 0 && micros < 0) {
            micros += DAY;
            days--;
        } else if (days < 0 && micros > 0) {
            micros -= DAY;
            days++;
        }
        return new Interval(v.months(), days, micros);
    }

    static Interval interval(Interval v) {
        int months = v.months();
        int days = v.days();
        long micros = v.micros();
        if (days > 0 && micros > 0 || days < 0 && micros < 0) {
            months += days / 30;
            days %= 30;
        }
        days = Math.addExact(days, Math.toIntExact(micros / DAY));
        micros %= DAY;
        months += days / 30;
        days %= 30;
        if (months > 0 && (days < 0 || days == 0 && micros < 0)) {
            days += 30;
            months--;
        } else if (months < 0 && (days > 0 || days == 0 && micros > 0)) {
            days -= 30;
            months++;
        }
        if (days > 0 && micros < 0) {
            micros += DAY;
            days--;
        } else if (days < 0 && micros > 0) {
            micros -= DAY;
            days++;
        }
        return new Interval(months, days, micros);
    }
}
