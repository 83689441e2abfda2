#!/usr/bin/env bash
# test/import_concurrency.sh — concurrent import_form calls whose documents
# name the same departments in different orders (issue 9, point 5).
#
# Runs inside an existing cluster (PG* variables, e.g. from pg_virtualenv).
# SESSIONS documents of generated forms, one budget year each, drawn from
# the same regions and departments in another order each, are imported at
# the same moment into an empty database (every department new) and then,
# after their forms were deleted, into one whose departments exist.  Before
# import_form claimed a document's departments and years in one shared
# order (src/import_claims.c), most of such sessions failed with
# "deadlock detected": each had made a department row another waited for.
# Checked: every session commits, every form is stored, no department is
# made twice.
#
# Output is TAP; the exit status is non-zero when a test failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_import_conc_$$
WORK=$(mktemp -d)
SESSIONS=4
FORMS=300

cleanup() {
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$DB" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT

T=0
FAILED=0
ok() {
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then echo "ok $T - $2"; else echo "not ok $T - $2"; FAILED=$((FAILED + 1)); fi
}
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

echo "1..6"
createdb --maintenance-db="$MAINT_DB" "$DB"
q -c 'CREATE EXTENSION pg_perfbudget' >/dev/null
for s in $(seq "$SESSIONS"); do
	bench/gen-forms -n "$FORMS" --seed $((40 + s)) --year $((2040 + s)) --regions 6 \
		-o "$WORK/doc$s.txt" >/dev/null
done

# import_all ROUND: the documents at once, one session each; the statuses in $WORK
import_all() {
	local s
	for s in $(seq "$SESSIONS"); do
		(
			if q -v file="$WORK/doc$s.txt" >"$WORK/out$1.$s" 2>&1 <<'SQL'; then
\set doc `cat -- :'file'`
SELECT count(*) FROM perfbudget.import_form(:'doc');
SQL
				echo 0 >"$WORK/rc$1.$s"
			else
				echo 1 >"$WORK/rc$1.$s"
			fi
		) &
	done
	wait
}

# check ROUND WHAT
check() {
	local failed=0 s
	for s in $(seq "$SESSIONS"); do
		if [ "$(cat "$WORK/rc$1.$s")" != 0 ]; then
			failed=$((failed + 1))
			sed "s/^/# session $s: /" "$WORK/out$1.$s" | head -n 3
		fi
	done
	ok "$failed" "$2: all $SESSIONS sessions commit ($failed failed)"
	got=$(q -c "SELECT count(*) FROM perfbudget.project")
	ok "$([ "$got" = $((SESSIONS * FORMS)) ] && echo 0 || echo 1)" \
		"$2: every form is stored ($got of $((SESSIONS * FORMS)))"
	got=$(q -c "SELECT count(*) FROM (SELECT FROM perfbudget.department
	            GROUP BY perfbudget.name_key(region), perfbudget.name_key(name) HAVING count(*) > 1) d")
	ok "$([ "$got" = 0 ] && echo 0 || echo 1)" "$2: no department made twice ($got)"
}

import_all 1
check 1 "new departments"
q -c "DELETE FROM perfbudget.project" >/dev/null
import_all 2
check 2 "departments that exist"
exit $((FAILED > 0 ? 1 : 0))
