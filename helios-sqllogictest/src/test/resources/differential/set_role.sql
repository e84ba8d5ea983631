-- SET ROLE / RESET ROLE / SET SESSION AUTHORIZATION, current_user vs session_user, CREATE ROLE ... USER, INHERIT.
-- Each psql call is a new session in PostgreSQL: a line that switches also switches back.
CREATE ROLE sr_alice LOGIN;
CREATE ROLE sr_grp NOINHERIT;
CREATE ROLE sr_bob LOGIN IN ROLE sr_grp;
CREATE ROLE sr_g2 USER sr_alice;
CREATE ROLE sr_zz NOINHERIT INHERIT;
SELECT rolname, rolinherit FROM pg_roles WHERE rolname LIKE 'sr\_%' ORDER BY 1;
SELECT r.rolname, m.rolname FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member WHERE r.rolname LIKE 'sr\_%' ORDER BY 1;
SHOW role;
SET ROLE sr_alice; SELECT current_user, current_role, session_user, user; SHOW role; SHOW session_authorization; RESET ROLE;
SET ROLE sr_alice; RESET ROLE; SELECT current_user, session_user;
SET ROLE 'sr_grp'; SET ROLE NONE; SELECT current_user; SHOW role;
SET ROLE sr_nosuch;
SET ROLE public;
SET SESSION AUTHORIZATION sr_bob; SELECT current_user, session_user; SHOW role; RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION sr_bob; SET ROLE sr_grp; SELECT current_user, session_user; SHOW role; RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION sr_bob; SET SESSION AUTHORIZATION sr_alice; SELECT current_user, session_user; RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION sr_bob; RESET SESSION AUTHORIZATION; SELECT current_user, session_user; SHOW role;
SET SESSION AUTHORIZATION sr_alice; SET SESSION AUTHORIZATION DEFAULT; SELECT session_user;
SET SESSION AUTHORIZATION sr_nosuch;
SET SESSION ROLE sr_alice; SELECT current_user; RESET ROLE;
BEGIN; SET LOCAL ROLE sr_alice; SELECT current_user, session_user; COMMIT;
ALTER ROLE sr_grp INHERIT;
SELECT rolinherit FROM pg_roles WHERE rolname = 'sr_grp';
ALTER ROLE sr_alice NOINHERIT;
SELECT rolname, rolinherit FROM pg_roles WHERE rolname LIKE 'sr\_%' ORDER BY 1;
DROP ROLE sr_g2, sr_bob, sr_grp, sr_alice;
