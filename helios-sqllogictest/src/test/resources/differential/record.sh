#!/usr/bin/env bash
# Records the expected results of the differential queries from a throw-away PostgreSQL 15.
#
#   bash record.sh            # every *.sql file beside this script
#   bash record.sh joins.sql  # only these files
#
# Each *.sql file holds statements that end with ';' at the end of a line ('--' lines are comments).
# Every statement runs in one psql session per file (so tables made by earlier statements stay),
# and its output goes to <name>.expected as:
#   -- statement text
#   rows as 'a|b' with NULL spelled NULL, then the command tag for non-SELECT statements,
#   or 'ERROR: <SQLSTATE>' when the statement fails.
# DifferentialTest (helios-sqllogictest) runs the same statements on HeliosDB and compares.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
chmod 777 "$WORK"
PORT=${PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(runuser -u nobody --); fi

cleanup() {
    "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust --locale=C.UTF-8 -E UTF8 >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -w -l "$WORK/log" \
    -o "-p $PORT -k $WORK -c listen_addresses='' -c fsync=off -c TimeZone=UTC" start >/dev/null

if [ $# -gt 0 ]; then FILES=("$@"); else FILES=("$HERE"/*.sql); fi
for f in "${FILES[@]}"; do
    case "$f" in /*) ;; *) f="$HERE/$f" ;; esac
    name=$(basename "$f" .sql)
    "${RUN_AS[@]}" "$PG_BIN/psql" -X -q -h "$WORK" -p "$PORT" -U postgres -c "DROP DATABASE IF EXISTS d" \
        -c "CREATE DATABASE d" postgres >/dev/null 2>&1
    # One psql process per statement keeps outputs apart; a database per file keeps files apart.
    out="$HERE/$name.expected"
    : > "$out"
    awk 'BEGIN { RS = "\n"; stmt = "" }
         /^[[:space:]]*--/ && stmt == "" { next }
         /^[[:space:]]*$/ && stmt == "" { next }
         { stmt = stmt (stmt == "" ? "" : "\n") $0 }
         /;[[:space:]]*$/ { printf "%s%c", stmt, 0; stmt = "" }' "$f" |
    while IFS= read -r -d '' stmt; do
        printf -- '-- %s\n' "$(printf '%s' "$stmt" | tr '\n' ' ')" >> "$out"
        result=$("${RUN_AS[@]}" "$PG_BIN/psql" -X -h "$WORK" -p "$PORT" -U postgres -d d -A -t -F '|' \
            -P null=NULL -v VERBOSITY=sqlstate -c "$stmt" 2>&1 | grep -v '^NOTICE:\|^WARNING:\|^DETAIL:\|^HINT:' || true)
        printf '%s\n' "$result" | sed -e 's/^ERROR:  */ERROR: /' -e '/^$/d' >> "$out"
    done
    echo "recorded $out ($(grep -c '^-- ' "$out") statements)"
done
