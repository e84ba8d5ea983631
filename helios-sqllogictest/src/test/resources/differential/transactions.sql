-- Transaction control statements. Every statement runs in its own session (see record.sh), so
-- these check what can be seen from one statement: savepoint commands outside a block, VACUUM,
-- ANALYZE, transaction modes and the transaction timestamp functions (SHOW is left out: the
-- harness prints its tag where psql prints none).
CREATE TABLE tc (id int PRIMARY KEY, v int);
INSERT INTO tc VALUES (1, 10), (2, 20);
UPDATE tc SET v = v + 1;
SAVEPOINT a;
ROLLBACK TO SAVEPOINT a;
ROLLBACK TO a;
RELEASE SAVEPOINT a;
RELEASE a;
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
SET TRANSACTION READ ONLY;
SET default_transaction_isolation = 'repeatable read';
SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE;
VACUUM;
VACUUM tc;
VACUUM FULL ANALYZE tc;
VACUUM nosuch;
ANALYZE;
ANALYZE tc;
ANALYZE nosuch;
SELECT * FROM tc ORDER BY id;
SELECT now() = current_timestamp, now() = transaction_timestamp(), now() <= clock_timestamp(), now() <= statement_timestamp();
BEGIN ISOLATION LEVEL READ COMMITTED;
START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;
COMMIT;
