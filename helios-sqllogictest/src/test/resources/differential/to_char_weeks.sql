-- to_char's week, ISO year, century and Julian day patterns.
SELECT to_char(d, 'IYYY-IW'), to_char(d, 'YYYY WW W'), to_char(d, 'DDD D'), to_char(d, 'CC J YYY') FROM (VALUES (DATE '2024-12-31'), (DATE '2021-01-01'), (DATE '2020-12-31'), (DATE '2026-11-25'), (DATE '1999-01-07'), (DATE '2000-06-15')) v(d) ORDER BY d;
SELECT to_char(TIMESTAMP '2024-03-05 00:07:09.123', 'FMIW "week" FMWW'), to_char(DATE '2023-01-01', 'IYYY IW');
SELECT to_char(TIMESTAMP '2024-03-05 13:07:09.123456', 'HH12:MI:SS.MS.US PM YYYY-MM-DD');
