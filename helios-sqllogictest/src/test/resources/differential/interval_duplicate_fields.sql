-- Interval input that names a field twice is refused (22007) as PostgreSQL's DecodeInterval does; distinct
-- fields that overlap in value (weeks and days, seconds and milliseconds) are summed.
SELECT '1 2'::interval;
SELECT '1 day 2 days'::interval;
SELECT '1 hour 02:00'::interval;
SELECT '1 2:03 4'::interval;
SELECT '1 year 1-2'::interval;
SELECT '1 min 2 minutes'::interval;
SELECT '3 secs 1 second'::interval;
SELECT '1 mon 2 months'::interval;
SELECT '1 week 2 days'::interval;
SELECT '1 second 2 ms 3 us'::interval;
SELECT '1 day 1'::interval;
SELECT '1 2'::interval hour;
SELECT '1 day 2'::interval hour;
SELECT '1 decade 1 century 1 millennium 1 year'::interval;
SELECT '1 day 02:00 3 hours'::interval;
SELECT '1 h 1 hr'::interval;
SELECT '@ 1 day 2 day ago'::interval;
SELECT '1 day -02:00'::interval;
SELECT '1-2 3-4'::interval;
CREATE TABLE d (v interval);
INSERT INTO d VALUES ('1 2');
INSERT INTO d VALUES ('4 5:06');
SELECT v FROM d;
