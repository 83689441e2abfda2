#!/bin/bash
# bench/import-memory.sh — does the memory one import_form call holds grow
# with its forms?  (issue 9, point 5: "memory of one import call flat in the
# number of forms").  For documents of N forms (default 1000 2000 4000 8000,
# bench/gen-forms), in one session: BEGIN; import_form; then, still in the
# transaction, the backend's memory contexts (pg_backend_memory_contexts:
# what the call left until commit — deferred trigger events, committed
# subtransactions' memory, caches) and the backend's peak private memory
# (VmHWM − RssShmem from /proc: the document, the reader's work space and
# everything above); ROLLBACK.  Prints each size and the growth per form
# between the smallest and the largest, against the same growth of the
# document's own size (the baseline: a call that held nothing but its input
# would grow by that much).
#
# Runs inside an existing cluster, on the machine of the server (PG*
# variables); creates and drops the database pb_import_memory.  Superuser
# (pg_backend_memory_contexts).
#
#   bench/import-memory.sh
#   SIZES="2000 20000" bench/import-memory.sh
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
SIZES=${SIZES:-1000 2000 4000 8000}
DB=pb_import_memory
WORK=$(mktemp -d /tmp/pb_import_memory_XXXXXX)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"; dropdb --if-exists "$DB" >/dev/null 2>&1 || true' EXIT
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=error"

dropdb --if-exists "$DB"
createdb "$DB"
psql -Xq -v ON_ERROR_STOP=1 "$DB" -c "CREATE EXTENSION pg_perfbudget CASCADE"

echo "# import-memory: $(date -u '+%Y-%m-%d %H:%M UTC'), sizes $SIZES"
printf '%8s %12s %14s %14s\n' forms "doc bytes" "held (bytes)" "peak private"
first=""; last=""
for n in $SIZES; do
    nice "$BENCH_DIR/gen-forms" -n "$n" --seed 1005 --year 2096 -o "$WORK/doc.txt" >/dev/null
    out=$(psql -XAtq -v ON_ERROR_STOP=1 "$DB" <<SQL
\set doc \`cat $WORK/doc.txt\`
BEGIN;
SELECT count(*) AS forms FROM perfbudget.import_form(:'doc') \gset
SELECT 'HELD', sum(total_bytes) FROM pg_backend_memory_contexts;
SELECT pg_backend_pid() AS pid \gset
\setenv PID :pid
\! echo PEAK \$(awk '/VmHWM|RssShmem/ {print \$2}' /proc/\$PID/status)
ROLLBACK;
SQL
)
    held=$(awk -F'|' '/^HELD\|/ { print $2 }' <<<"$out")
    read -r hwm shmem <<<"$(awk '/^PEAK/ { print $2, $3 }' <<<"$out")"
    peak=$(((hwm - shmem) * 1024))
    doc=$(wc -c <"$WORK/doc.txt")
    printf '%8d %12d %14d %14d\n' "$n" "$doc" "$held" "$peak"
    [ -z "$first" ] && first="$n $doc $held $peak"
    last="$n $doc $held $peak"
done
read -r n0 d0 h0 p0 <<<"$first"
read -r n1 d1 h1 p1 <<<"$last"
awk -v n0="$n0" -v n1="$n1" -v d0="$d0" -v d1="$d1" -v h0="$h0" -v h1="$h1" -v p0="$p0" -v p1="$p1" 'BEGIN {
    dn = n1 - n0
    printf "growth per form from %d to %d forms: held until commit %.0f bytes, peak private %.0f bytes;\n", n0, n1, (h1 - h0) / dn, (p1 - p0) / dn
    printf "the document itself %.0f bytes a form (baseline): peak / document = %.2f\n", (d1 - d0) / dn, (p1 - p0) / (d1 - d0)
}'
