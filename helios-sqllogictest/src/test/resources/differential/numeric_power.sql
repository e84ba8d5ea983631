-- numeric ^ numeric and power(numeric, numeric) as PostgreSQL's power_var computes them: an integral
-- exponent gives the exact power rounded to max(16, base scale) decimals, any other exponent
-- exp(y * ln x) with at least 16 significant digits; int ^ int stays double precision.
SELECT 2 ^ 10, 2.0 ^ 0.5, pg_typeof(2 ^ 10), pg_typeof(2.0 ^ 2), pg_typeof('2' ^ 3.0), pg_typeof(2.0 ^ 2::real);
SELECT 2.0 ^ 3, 2 ^ 3.0, 2.0 ^ 3.000000000000000000, 1.5 ^ 3, 0.5 ^ 3, (-2.0) ^ 3, (-2.0) ^ (-3);
SELECT 1.123456789012345678 ^ 2, 0.00000000000000000001 ^ 2, 0.1 ^ 20, 10 ^ (-20::numeric);
SELECT 3.0 ^ (-1), 7.0 ^ (-2), 1.5 ^ (-3), 2.0 ^ (-17), 3.0 ^ (-5), (2::numeric) ^ (-1);
SELECT 0.0 ^ 0, 0 ^ 0.0, 0.0 ^ 2, 0.0 ^ 0.5, 1.0 ^ 2147483648, (-1.0) ^ 2147483649, 10.0 ^ (-1000);
SELECT 9.99 ^ 1000;
SELECT length((9.99 ^ 100000)::text), 10.0 ^ 131071 > 0, 0.5 ^ 1000000;
SELECT 2.5 ^ 2.5, 100.0 ^ 0.5, 0.001 ^ 0.5, 10.0 ^ 2.5, 12345.678 ^ 3.3, 0.5 ^ 0.5, 2.0 ^ (-0.5);
SELECT 1.00000001 ^ 100000000.0, 1.000000000000000000001 ^ 0.5, 1.0000000000000001 ^ 12345678901.5;
SELECT 0.9 ^ 1234.5, 2.0 ^ (-10000.5) = 0;
SELECT 2.0 ^ 1023.5;
SELECT power(2.0, 3), power(2, 3.5), pow(7, 0.5::numeric), power(2, 0.5);
SELECT 0.0 ^ (-2);
SELECT power(0.0, -1.5);
SELECT (-8.0) ^ (1.0 / 3);
SELECT (-1.0) ^ 0.5;
SELECT 10.0 ^ 131072;
SELECT 10.0 ^ 2147483648;
SELECT 2.0 ^ 10000.5;
CREATE TABLE pw (b numeric, e numeric);
INSERT INTO pw VALUES (2, 10), (1.1, 7), (-3, 3), (4, 0.5), (0.25, -0.5), (NULL, 2), (5, NULL);
SELECT b, e, b ^ e, power(b, e) FROM pw ORDER BY b NULLS LAST, e;
