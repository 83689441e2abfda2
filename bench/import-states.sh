#!/bin/bash
# bench/import-states.sh — import_form of N generated forms (default 5000) in the
# states a database is found in, with the backend's CPU time beside the wall time
# (CPU time is much less disturbed by other jobs on a shared machine):
#
#   empty    a fresh database (never analyzed)
#   stale    a fresh database holding one form, ANALYZEd: statistics of a tiny
#            database, which the planner then applies to thousands of forms
#   big      the database $BIG_DB (e.g. 100,000 forms loaded with
#            gen-forms --copy and analyzed), if given; the forms are deleted after
#   replace  the same N forms imported again over themselves with
#            replace => true in $BIG_DB (or in the empty database), then deleted
#
# and the peak private memory of the backend (VmHWM − RssShmem, from /proc: run
# it on the machine of the server) after the 'empty' import.
#
# Runs inside an existing cluster (PG* variables); it creates and drops the
# databases pb_import_empty and pb_import_stale.  Each state REPS times
# (default 3), one line each: forms, wall ms, CPU ms, forms per wall and per
# CPU second.  Two builds are compared by running it against two clusters,
# alternately (bench/RESULTS.md, "Import in every state").
#
#   N=5000 REPS=3 BIG_DB=big bench/import-states.sh
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
N=${N:-5000}
REPS=${REPS:-3}
BIG_DB=${BIG_DB:-}
WORK=$(mktemp -d /tmp/pb_import_states_XXXXXX)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=error"

# year 2099 and another seed: no key of a gen-forms database is met
nice "$BENCH_DIR/gen-forms" -n "$N" --seed 1003 --year 2099 -o "$WORK/doc.txt" >/dev/null
nice "$BENCH_DIR/gen-forms" -n 1 --seed 99 --year 2015 -o "$WORK/one.txt" >/dev/null

load_doc () {  # load_doc DB: table b.doc holds the document
    psql -Xq -v ON_ERROR_STOP=1 "$1" <<SQL
CREATE SCHEMA IF NOT EXISTS b; DROP TABLE IF EXISTS b.doc; CREATE TABLE b.doc (d text);
\set doc \`cat $WORK/doc.txt\`
INSERT INTO b.doc VALUES (:'doc');
SQL
}

fresh_db () {  # fresh_db DB [one]: a new database with the extension (and one form, analyzed)
    dropdb --if-exists "$1"
    createdb "$1"
    psql -Xq -v ON_ERROR_STOP=1 "$1" -c "CREATE EXTENSION pg_perfbudget CASCADE"
    if [ "${2:-}" = one ]; then
        psql -Xq -v ON_ERROR_STOP=1 "$1" >/dev/null <<SQL
\set d \`cat $WORK/one.txt\`
SELECT count(*) FROM perfbudget.import_form(:'d');
ANALYZE;
SQL
    fi
    load_doc "$1"
}

# import DB STATE [replace]: one timed call (commit included); the forms are removed afterwards
import () {
    local db=$1 state=$2 replace=${3:-false} out t c0 c1 n pre=""
    [ "$replace" = true ] && pre="INSERT INTO ids SELECT * FROM perfbudget.import_form((SELECT d FROM b.doc)); TRUNCATE ids;"
    out=$(psql -XAtq -v ON_ERROR_STOP=1 "$db" <<SQL
CREATE TEMP TABLE ids (id bigint);
$pre
SELECT pg_backend_pid() AS pid \gset
\setenv PID :pid
\! echo CPU0 \$(awk '{print \$14 + \$15}' /proc/\$PID/stat)
\timing on
INSERT INTO ids SELECT * FROM perfbudget.import_form((SELECT d FROM b.doc), replace => $replace);
\timing off
\! echo CPU1 \$(awk '{print \$14 + \$15}' /proc/\$PID/stat) \$(awk '/VmHWM|RssShmem/ {print \$2}' /proc/\$PID/status)
SELECT 'N', count(*) FROM ids;
DELETE FROM perfbudget.project WHERE id IN (SELECT id FROM ids);
SQL
)
    t=$(grep -o 'Time: [0-9.]*' <<<"$out" | awk '{ print $2 }')
    c0=$(awk '/^CPU0/ { print $2 }' <<<"$out")
    read -r c1 hwm shmem <<<"$(awk '/^CPU1/ { print $2, $3, $4 }' <<<"$out")"
    n=$(awk -F'|' '/^N\|/ { print $2 }' <<<"$out")
    awk -v s="$state" -v n="$n" -v t="$t" -v c=$((c1 - c0)) -v k="$(getconf CLK_TCK)" \
        -v m=$(((hwm - shmem) / 1024)) 'BEGIN {
        cms = c * 1000 / k
        printf "%-8s %6d forms  wall %7.0f ms %6.0f/s   cpu %7.0f ms %6.0f/s   peak private %5d MB\n",
               s, n, t, n * 1000 / t, cms, (cms > 0 ? n * 1000 / cms : 0), m }'
}

echo "# import-states: $N forms ($(wc -c <"$WORK/doc.txt") bytes), $REPS reps, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "$BIG_DB" ] && load_doc "$BIG_DB"
for ((i = 1; i <= REPS; i++)); do
    fresh_db pb_import_empty
    import pb_import_empty empty
    fresh_db pb_import_stale one
    import pb_import_stale stale
    if [ -n "$BIG_DB" ]; then
        import "$BIG_DB" big
        import "$BIG_DB" replace true
    else
        import pb_import_empty replace true
    fi
done
dropdb --if-exists pb_import_empty
dropdb --if-exists pb_import_stale
