package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Interval;
import io.heliosdb.api.SqlState;
import java.time.LocalDateTime;
import java.time.YearMonth;

/** interval * number and age(), computed field by field as PostgreSQL does. */
final class IntervalMath {

    private IntervalMath() {
    }

    /** Fractions of months flow into days (30 a month) and fractions of days into time, as in interval_mul. */
    static Interval multiply(Interval v, double factor) {
        double months = v.months() * factor;
        double days = v.days() * factor;
        if (Double.isNaN(months) || Math.abs(months) > Integer.MAX_VALUE || Math.abs(days) > Integer.MAX_VALUE) {
            throw new HeliosException(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
        int wholeMonths = (int) months;
        int wholeDays = (int) days;
        double monthRemainderDays = (months - wholeMonths) * 30;
        double secondRemainder = (days - wholeDays + monthRemainderDays - (int) monthRemainderDays) * 86_400;
        long micros = Math.round(v.micros() * factor + secondRemainder * 1_000_000);
        return new Interval(wholeMonths, wholeDays + (int) monthRemainderDays, micros);
    }

    /** age(newer, older): years, months and days apart, then the time of day, borrowing as PostgreSQL's timestamp_age. */
    static Interval age(LocalDateTime newer, LocalDateTime older) {
        if (newer.isBefore(older)) {
            return age(older, newer).negate();
        }
        long micros = (newer.toLocalTime().toNanoOfDay() - older.toLocalTime().toNanoOfDay()) / 1000;
        int days = newer.getDayOfMonth() - older.getDayOfMonth();
        int months = newer.getMonthValue() - older.getMonthValue();
        int years = newer.getYear() - older.getYear();
        if (micros < 0) {
            micros += Interval.MICROS_PER_DAY;
            days--;
        }
        if (days < 0) {
            days += YearMonth.from(older).lengthOfMonth();
            months--;
        }
        if (months < 0) {
            months += 12;
            years--;
        }
        return new Interval(years * 12 + months, days, micros);
    }
}
