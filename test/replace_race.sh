#!/usr/bin/env bash
# test/replace_race.sh — concurrent import_form(doc, replace => true) of the
# same document (issue 8, part 7).
#
# Runs inside an existing cluster (PG* variables, e.g. from pg_virtualenv).
# Several rounds of N sessions import the seed document with replace at
# the same moment, each holding its transaction open for a while after the
# import so that the others must wait for it.  Without a lock on the form
# key the later ones end in 23505 (unique violation) or 40P01 (deadlock);
# with it each waits, then replaces the form the other stored.  Checked:
# every session commits, six forms remain, each once, and the totals are
# those of the seed.
#
# Output is TAP; the exit status is non-zero when a test failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_race_$$
WORK=$(mktemp -d)
SESSIONS=4
ROUNDS=3

cleanup() {
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$DB" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT

T=0
FAILED=0
ok() { # ok STATUS DESCRIPTION
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then echo "ok $T - $2"; else echo "not ok $T - $2"; FAILED=$((FAILED + 1)); fi
}
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

createdb --maintenance-db="$MAINT_DB" "$DB"
q -c 'CREATE EXTENSION pg_perfbudget'
q -v doc="$(cat examples/rugao_2024_hrss.txt)" >/dev/null <<'SQL'
SELECT count(*) FROM perfbudget.import_form(:'doc');
SQL

cat >"$WORK/replace.sql" <<'SQL'
\set ON_ERROR_STOP 1
BEGIN;
SELECT count(*) FROM perfbudget.import_form(:'doc', replace => true);
SELECT pg_sleep(0.3);
COMMIT;
SQL

for round in $(seq 1 "$ROUNDS"); do
	pids=()
	for s in $(seq 1 "$SESSIONS"); do
		psql -X -q -t -A -d "$DB" -v doc="$(cat examples/rugao_2024_hrss.txt)" \
			-f "$WORK/replace.sql" >"$WORK/out.$round.$s" 2>&1 &
		pids+=($!)
	done
	failed=0
	for i in "${!pids[@]}"; do
		if ! wait "${pids[$i]}"; then
			failed=$((failed + 1))
			sed 's/^/# /' "$WORK/out.$round.$((i + 1))"
		fi
	done
	ok $((failed > 0)) "round $round: $SESSIONS concurrent replaces of the same document all commit"
	n=$(q -c "SELECT count(*) FROM perfbudget.project")
	ok $([ "$n" = 6 ] && echo 0 || echo 1) "round $round: six forms remain ($n)"
done

ok $(q -c "SELECT count(*) = count(DISTINCT name) FROM perfbudget.project" | grep -q t && echo 0 || echo 1) \
	"each form once"
ok $(q -c "SELECT sum(total) = 1151 AND (SELECT count(*) FROM perfbudget.indicator) = 92 FROM perfbudget.project" | grep -q t && echo 0 || echo 1) \
	"the seed's totals: 1151 万元 and 92 indicators"

echo "1..$T"
[ "$FAILED" -eq 0 ]
