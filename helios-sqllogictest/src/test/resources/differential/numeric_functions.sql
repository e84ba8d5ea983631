-- sqrt, exp, ln and log on numeric stay numeric, with PostgreSQL's result scales (at least 16 significant
-- digits, never fewer decimals than the argument); integer arguments go to double precision.
SELECT sqrt(2.0), sqrt(2.00000000000000000000), sqrt(12345678.9), sqrt(0.0001), sqrt(100::numeric), sqrt(1e-30::numeric);
SELECT exp(1.0), exp(100.0), exp(-1.5), exp(0.5::numeric(10,5)), exp(5999.0) > 0, exp(-5999.5) = 0;
SELECT ln(2.0), ln(1000.0), ln(0.001), ln(1.0001), ln(1e100::numeric), ln(1.0);
SELECT log(2.0), log(0.5), log(2.0, 64.0), log(2, 8), log(10.0, 0.001), log(100::numeric);
SELECT pg_typeof(sqrt(2.0)), pg_typeof(sqrt(2)), pg_typeof(ln(2.0)), pg_typeof(log(2)), pg_typeof(exp(1::numeric));
SELECT sqrt(2), log(100), log10(1000), ln(10), exp(2), log(2.5::float8);
SELECT sqrt(-1.0);
SELECT ln(0.0);
SELECT ln(-2.0);
SELECT log(1.0, 5.0);
SELECT log(0::numeric);
SELECT exp(10000.0);
SELECT log(-1);
CREATE TABLE nf (x numeric);
INSERT INTO nf VALUES (2), (0.25), (1234.5678), (NULL);
SELECT x, sqrt(x), ln(x), log(x), exp(x / 1000) FROM nf ORDER BY x NULLS LAST;
