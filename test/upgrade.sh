#!/usr/bin/env bash
# test/upgrade.sh — every released version updates to the current one.
#
# Runs inside an existing cluster (PG* variables, e.g. from pg_virtualenv).
# For each frozen install script extension/pg_perfbudget--V.sql other than
# the current version's:
#   - its digest is the one recorded in extension/frozen.sha256 (a released
#     script never changes);
#   - a database created with CREATE EXTENSION ... VERSION 'V' and loaded
#     with the example forms updates with ALTER EXTENSION ... UPDATE;
#   - the extension's catalog afterwards is identical to a fresh install of
#     the current version: pg_dump --schema-only --binary-upgrade lists every
#     member object of the extension (the plain dump shows only CREATE
#     EXTENSION); the lines that set OIDs are dropped before comparing;
#   - the data is unchanged: the table data dumped before the update equals
#     the one dumped after it;
#   - the stored fingerprints are filled from the forms (equal to a rebuild).
#
# Output is TAP; the exit status is non-zero when a test failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
MAINT_DB=${PGDATABASE:-postgres}
FRESH=pb_upg_fresh_$$
WORK=$(mktemp -d)
CURRENT=$(sed -nE "s/^default_version = '([^']+)'.*/\1/p" pg_perfbudget.control)
DBS=("$FRESH")

cleanup() {
	for db in "${DBS[@]}"; do
		dropdb --if-exists --maintenance-db="$MAINT_DB" "$db" >/dev/null 2>&1 || true
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

T=0
FAILED=0
ok() { # ok STATUS DESCRIPTION
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then echo "ok $T - $2"; else echo "not ok $T - $2"; FAILED=$((FAILED + 1)); fi
}
q() { local db=$1; shift; psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$db" "$@"; }

# The extension's objects as pg_dump sees them, without OIDs.
catalog() {
	pg_dump --schema-only --binary-upgrade --no-owner --no-privileges -d "$1" |
		grep -vE "binary_upgrade_|^\\\\(un)?restrict |^-- Dumped (from|by)|^SET |^SELECT pg_catalog.set(_config|val)|^WHERE oid = '[0-9]+';" |
		sed -E "s/VERSION '[^']+'//"
}
TABLES=(project expenditure indicator issue_rule_setting)
# The columns each table had under the old version: the data check compares
# those (a column added by the update is new, not changed data).
columns() {
	local t
	for t in "${TABLES[@]}"; do
		q "$1" -c "SELECT string_agg(quote_literal(attname), ',') FROM pg_attribute
		           WHERE attrelid = 'perfbudget.$t'::regclass AND attnum > 0 AND NOT attisdropped"
	done
}
# The data of the extension's tables in those columns, in a stable order.
data() { # data DB COLUMNS-FILE
	local t cols i=0
	mapfile -t cols <"$2"
	for t in "${TABLES[@]}"; do
		echo "-- $t"
		q "$1" -c "SELECT (SELECT jsonb_object_agg(k, v) FROM jsonb_each(to_jsonb(x)) AS e(k, v)
		                   WHERE k IN (${cols[$i]}))::text AS r
		           FROM perfbudget.$t x ORDER BY r"
		i=$((i + 1))
	done
}

createdb --maintenance-db="$MAINT_DB" "$FRESH"
q "$FRESH" -c 'CREATE EXTENSION pg_perfbudget'
catalog "$FRESH" >"$WORK/fresh.sql"
ok $([ "$(q "$FRESH" -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_perfbudget'")" = "$CURRENT" ] && echo 0 || echo 1) \
	"a fresh install is version $CURRENT"

shopt -s nullglob
for script in extension/pg_perfbudget--*.sql; do
	v=${script#extension/pg_perfbudget--}
	v=${v%.sql}
	[[ "$v" == *--* || "$v" == "$CURRENT" ]] && continue

	want=$(sed -nE "s/^([0-9a-f]{64})  pg_perfbudget--$v\.sql$/\1/p" extension/frozen.sha256)
	have=$(sha256sum "$script" | cut -d' ' -f1)
	ok $([ -n "$want" ] && [ "$want" = "$have" ] && echo 0 || echo 1) \
		"released script $v is frozen (digest recorded in extension/frozen.sha256)"

	db=pb_upg_${v//./_}_$$
	DBS+=("$db")
	createdb --maintenance-db="$MAINT_DB" "$db"
	q "$db" -c "CREATE EXTENSION pg_perfbudget VERSION '$v'"
	q "$db" -f examples/seed_forms.sql >/dev/null
	# the group roles hold their grants from before the update (from 1.0 on)
	roles=$(q "$db" -c "SELECT to_regproc('perfbudget.create_roles') IS NOT NULL")
	[ "$roles" = t ] && q "$db" -c "SELECT perfbudget.create_roles()" >/dev/null
	columns "$db" >"$WORK/columns-$v.txt"
	data "$db" "$WORK/columns-$v.txt" >"$WORK/before-$v.txt"
	out=$(q "$db" -c "ALTER EXTENSION pg_perfbudget UPDATE" 2>&1) && rc=0 || rc=1
	ok $rc "ALTER EXTENSION pg_perfbudget UPDATE from $v"
	[ $rc -eq 0 ] || echo "$out" | sed 's/^/# /'
	ok $([ "$(q "$db" -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_perfbudget'")" = "$CURRENT" ] && echo 0 || echo 1) \
		"$v updates to $CURRENT"
	catalog "$db" >"$WORK/upgraded-$v.sql"
	if diff -u "$WORK/fresh.sql" "$WORK/upgraded-$v.sql" >"$WORK/diff-$v.txt"; then
		ok 0 "catalog after updating from $v equals a fresh install of $CURRENT"
	else
		ok 1 "catalog after updating from $v equals a fresh install of $CURRENT"
		head -n 80 "$WORK/diff-$v.txt" | sed 's/^/# /'
	fi
	data "$db" "$WORK/columns-$v.txt" >"$WORK/after-$v.txt"
	if diff -u "$WORK/before-$v.txt" "$WORK/after-$v.txt" >"$WORK/ddiff-$v.txt"; then
		ok 0 "data loaded under $v is unchanged by the update"
	else
		ok 1 "data loaded under $v is unchanged by the update"
		head -n 40 "$WORK/ddiff-$v.txt" | sed 's/^/# /'
	fi
	n=$(q "$db" -c "SELECT count(*) FROM perfbudget.department_summary")
	ok $([ "${n:-0}" -gt 0 ] && echo 0 || echo 1) "the views read the updated data ($n department_summary rows)"
	# a view added by the update is readable by the roles of create_roles()
	[ "$roles" = t ] && {
	out=$(q "$db" -c "SET ROLE perfbudget_analyst" -c "SELECT count(*) FROM perfbudget.form_issues" \
	          -c "SELECT count(*) FROM perfbudget.department_summary" 2>&1) && rc=0 || rc=1
	ok $rc "perfbudget_analyst (create_roles() before the update) reads form_issues and department_summary after it"
	[ $rc -eq 0 ] || echo "$out" | sed 's/^/# /'
	}
	# the update fills the stored fingerprints from the forms already there
	prints="SELECT count(*) || ' ' || md5(string_agg(t, ',' ORDER BY t)) FROM (
	        SELECT 'f' || f::text AS t FROM perfbudget.project_fingerprint f
	        UNION ALL SELECT 'g' || g::text FROM perfbudget.fingerprint_group g) x"
	filled=$(q "$db" -c "$prints")
	q "$db" -c "SELECT perfbudget.rebuild_fingerprints()" >/dev/null
	ok $([ "$filled" = "$(q "$db" -c "$prints")" ] && [ "${filled%% *}" -gt 0 ] && echo 0 || echo 1) \
		"the update filled project_fingerprint and fingerprint_group (${filled%% *} rows, equal to a rebuild)"
done
shopt -u nullglob

echo "1..$T"
[ "$FAILED" -eq 0 ]
