-- Date/time arithmetic across daylight-saving changes in the session time zone: adding '1 day' keeps the
-- wall-clock time, adding '24 hours' keeps the elapsed time, and differences count real hours.
-- Each psql run is its own connection, so every entry sets the zone it needs.
SET TimeZone = 'America/New_York'; SELECT '2024-03-09 12:00:00'::timestamptz + interval '1 day', '2024-03-09 12:00:00'::timestamptz + interval '24 hours';
SET TimeZone = 'America/New_York'; SELECT '2024-11-02 12:00:00'::timestamptz + interval '1 day', '2024-11-02 12:00:00'::timestamptz + interval '24 hours';
SET TimeZone = 'America/New_York'; SELECT '2024-03-10 12:00:00'::timestamptz - '2024-03-09 12:00:00'::timestamptz, '2024-11-03 12:00:00'::timestamptz - '2024-11-02 12:00:00'::timestamptz;
SET TimeZone = 'America/New_York'; SELECT '2024-03-10 02:30:00'::timestamptz, '2024-11-03 01:30:00'::timestamptz, '2024-11-03 01:30:00 EDT'::timestamptz, '2024-11-03 01:30:00 EST'::timestamptz;
SET TimeZone = 'America/New_York'; SELECT '2024-03-10 01:59:59'::timestamptz + interval '1 second', '2024-11-03 01:59:59 EDT'::timestamptz + interval '1 second';
SET TimeZone = 'America/New_York'; SELECT date_trunc('day', '2024-03-10 15:00:00'::timestamptz), date_trunc('day', '2024-11-03 23:00:00'::timestamptz), date_trunc('hour', '2024-11-03 01:30:00 EST'::timestamptz);
SET TimeZone = 'America/New_York'; SELECT extract(epoch FROM '2024-03-11 00:00:00'::timestamptz - '2024-03-10 00:00:00'::timestamptz), extract(hour FROM '2024-03-10 03:30:00'::timestamptz), extract(timezone FROM '2024-07-01 00:00:00'::timestamptz);
SET TimeZone = 'America/New_York'; SELECT '2024-03-10'::date + interval '1 day', '2024-03-10'::date::timestamptz, ('2024-03-10'::date + 1)::timestamptz, '2024-03-10 00:00'::timestamptz + interval '1 month';
SET TimeZone = 'America/New_York'; SELECT age('2024-03-11 00:00:00'::timestamptz, '2024-03-10 00:00:00'::timestamptz), age('2024-11-04'::timestamptz, '2024-11-03'::timestamptz);
SET TimeZone = 'America/New_York'; SELECT '2024-03-10 12:00:00'::timestamptz AT TIME ZONE 'UTC', '2024-03-10 12:00:00'::timestamp AT TIME ZONE 'America/New_York', '2024-03-10 12:00:00'::timestamptz AT TIME ZONE 'Europe/Berlin';
SET TimeZone = 'America/New_York'; SELECT generate_series('2024-03-09 00:00'::timestamptz, '2024-03-11 00:00'::timestamptz, interval '1 day');
SET TimeZone = 'America/New_York'; SELECT generate_series('2024-11-03 00:00'::timestamptz, '2024-11-03 03:00'::timestamptz, interval '1 hour');
SET TimeZone = 'America/New_York'; SELECT to_char('2024-03-10 03:15:00'::timestamptz, 'YYYY-MM-DD HH24:MI TZ OF'), to_char('2024-11-03 01:15:00 EST'::timestamptz, 'HH12:MI AM TZ');
SET TimeZone = 'America/New_York'; SELECT '2024-03-10 12:00:00'::timestamptz - interval '1 day' * 2, interval '1 day' - interval '24 hours', justify_hours(interval '25 hours');
SET TimeZone = 'Europe/London'; SELECT '2024-03-31 00:30:00'::timestamptz + interval '1 hour', '2024-03-31 00:30:00'::timestamptz + interval '1 day', '2024-10-27 01:30:00'::timestamptz;
SET TimeZone = 'Europe/London'; SELECT now() - now(), current_setting('TimeZone'), '2024-06-01 12:00'::timestamptz::date, '2024-06-01 23:30'::timestamptz::time;
SET TimeZone = 'UTC'; SELECT '2024-03-10 12:00:00-05'::timestamptz, '2024-03-10 12:00:00+05:30'::timestamptz, '2024-03-10T12:00:00Z'::timestamptz;
