"""Drives HeliosDB with psycopg2 (libpq); prints one JSON list of observations.

Usage: /usr/bin/python3 psycopg2-client.py <port>
"""
import json
import sys

import psycopg2

port = int(sys.argv[1])
seen = []
conn = psycopg2.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres")
cur = conn.cursor()
# psycopg2 is not in autocommit mode: it sends BEGIN before the first statement of each transaction.
cur.execute("CREATE TABLE py_items (id integer primary key, name text)")
cur.executemany("INSERT INTO py_items VALUES (%s, %s)", [(1, "one"), (2, "two"), (3, "it's")])
conn.commit()
cur.execute("SELECT name FROM py_items WHERE id = %s", (3,))
seen.append("quoted " + cur.fetchone()[0])
cur.execute("UPDATE py_items SET name = %s WHERE id = %s", ("changed", 1))
conn.rollback()
cur.execute("SELECT name FROM py_items WHERE id = 1")
seen.append("after rollback " + cur.fetchone()[0])
try:
    cur.execute("SELECT * FROM no_such_table")
except psycopg2.Error as e:
    seen.append("error " + e.pgcode)
    conn.rollback()
cur.execute("DELETE FROM py_items WHERE id = %s", (2,))
seen.append("deleted %d" % cur.rowcount)
conn.commit()
cur.execute("SELECT id FROM py_items ORDER BY id")
seen.append("ids " + ",".join(str(r[0]) for r in cur.fetchall()))
conn.commit()
conn.autocommit = True
cur.execute("SET application_name TO 'psycopg2-test'")
seen.append("application_name " + conn.get_parameter_status("application_name"))
conn.close()
print(json.dumps(seen))
