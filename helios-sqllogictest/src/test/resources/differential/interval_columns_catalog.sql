-- information_schema.columns for interval columns with field qualifiers and precisions: interval_type is the
-- qualifier as format_type shows it (upper case, with the precision), interval_precision stays NULL, and
-- datetime_precision is the fractional-second precision.
CREATE TABLE iv (a interval, b interval year, c interval year to month, d interval day to second(3),
    e interval second(2), f interval(4), g interval hour to minute, h interval minute to second,
    i interval day, j interval second, k interval hour to second(0), l interval month);
SELECT column_name, data_type, interval_type, interval_precision, datetime_precision FROM information_schema.columns WHERE table_name = 'iv' ORDER BY ordinal_position;
CREATE VIEW ivv AS SELECT d, e, g FROM iv;
SELECT column_name, interval_type, datetime_precision FROM information_schema.columns WHERE table_name = 'ivv' ORDER BY ordinal_position;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'iv'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE nt (n int, t timestamp(2), s text);
SELECT column_name, interval_type, interval_precision FROM information_schema.columns WHERE table_name = 'nt' ORDER BY ordinal_position;
ALTER TABLE nt ADD COLUMN m interval minute to second(1);
SELECT column_name, interval_type FROM information_schema.columns WHERE table_name = 'nt' ORDER BY ordinal_position;
