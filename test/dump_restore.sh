#!/usr/bin/env bash
# test/dump_restore.sh — pg_dump / pg_restore of a database using
# pg_perfbudget (DESIGN.md §4: "pg_dump/pg_restore must work").
#
# Runs inside an existing cluster (PG* variables, e.g. from pg_virtualenv;
# the maintenance database is PGDATABASE or 'postgres').  A scratch database
# gets the extension, the six seed forms, a form that has no expenditure
# rows yet and an issue_rule_setting override; it is dumped with
# pg_dump -Fc and restored the ordinary way (pg_restore -d, no
# --single-transaction: CREATE EXTENSION, then each table's data in its own
# transaction, project before expenditure before indicator, with the CHECK
# constraints and the deferred cross-row trigger active).  Then: no errors,
# the same rows, the same form_issues report, the identity sequence goes
# on (a new project gets id 7), and the constraints and triggers are there
# and still reject bad data.  The stored bytes of every perf_target and
# perf_value survive byte for byte, among them the frozen corpus of stored
# values (test/corpus/binary-1.0.tsv), put into a table as the bytes 0.1 to
# 1.0 store, as after pg_upgrade (superuser: a binary-coercible cast to and
# from bytea, created and dropped inside one transaction).
#
# Output is TAP; the exit status is non-zero when a test failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
MAINT_DB=${PGDATABASE:-postgres}
SRC=pb_dump_src_$$
DST=pb_dump_dst_$$
WORK=$(mktemp -d)

cleanup() {
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$SRC" >/dev/null 2>&1 || true
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$DST" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT

T=0
FAILED=0
ok() { # ok STATUS DESCRIPTION
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $T - $2"
	else
		echo "not ok $T - $2"
		FAILED=$((FAILED + 1))
	fi
}
check() { # check DESCRIPTION COMMAND...: ok when the command succeeds
	local d=$1
	shift
	if "$@"; then ok 0 "$d"; else ok 1 "$d"; fi
}
diag() { sed 's/^/# /'; }
q() { # q DB ARGS...
	local db=$1
	shift
	psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$db" "$@"
}
# try DB SQL: run SQL as one transaction; print the SQLSTATE of its error, or 'committed'
try() {
	local out
	if out=$(psql -X -q -v ON_ERROR_STOP=1 -d "$1" \
		-c "\\set VERBOSITY verbose" -c 'BEGIN' -c "$2" -c 'COMMIT' 2>&1); then
		echo committed
	else
		sed -n 's/^ERROR:  \([0-9A-Z]\{5\}\): .*/\1/p' <<<"$out" | head -1
	fi
}

N_TESTS=20
echo "1..$N_TESTS"

# ---- the source database ----
createdb --maintenance-db="$MAINT_DB" "$SRC"
q "$SRC" -c 'CREATE EXTENSION pg_perfbudget' >/dev/null
q "$SRC" -f examples/seed_forms.sql >/dev/null
q "$SRC" >/dev/null <<'SQL'
-- a form entered before its rows (explicit id: the sequence stays at 6)
INSERT INTO perfbudget.project (id, budget_year, name, department, total, fiscal_subtotal,
                                general_budget, spend_half_year, spend_annual)
VALUES (100, 2025, '尚无资金分配的项目', '如皋市人力资源和社会保障局', 3, 3, 3, 1, 3);
-- a bureau's rule settings
INSERT INTO perfbudget.issue_rule_setting (code, enabled, severity, threshold) VALUES
    ('missing_cost', false, NULL, NULL),
    ('satisfaction_below_threshold', NULL, NULL, 96),
    ('annual_goal_copied', NULL, 'error', NULL);
SQL
check "source database with the seed forms, a form without rows and rule settings" \
	test "$(q "$SRC" -c 'SELECT count(*) FROM perfbudget.project')" -eq 7

# The stored bytes as the server holds them, read through binary-coercible
# casts that exist only inside the transaction.
CASTS="CREATE CAST (bytea AS perfbudget.perf_target) WITHOUT FUNCTION;
CREATE CAST (bytea AS perfbudget.perf_value) WITHOUT FUNCTION;
CREATE CAST (perfbudget.perf_target AS bytea) WITHOUT FUNCTION;
CREATE CAST (perfbudget.perf_value AS bytea) WITHOUT FUNCTION;"
# the frozen corpus of stored values, stored as its bytes (a table of the user's)
{
	echo "BEGIN;"
	echo "$CASTS"
	echo "CREATE TEMP TABLE frozen (n serial, cell text, typ text, disk text, send text, txt text);"
	echo "COPY frozen (cell, typ, disk, send, txt) FROM STDIN;"
	grep -v '^#' test/corpus/binary-1.0.tsv
	echo '\.'
	echo "CREATE TABLE public.stored_values (n int PRIMARY KEY, disk text, t perfbudget.perf_target, v perfbudget.perf_value);"
	echo "INSERT INTO public.stored_values
	      SELECT n, disk, CASE WHEN typ = 'perf_target' THEN decode(disk, 'hex')::perfbudget.perf_target END,
	             CASE WHEN typ = 'perf_value' THEN decode(disk, 'hex')::perfbudget.perf_value END FROM frozen;"
	echo "DROP CAST (bytea AS perfbudget.perf_target); DROP CAST (bytea AS perfbudget.perf_value);"
	echo "DROP CAST (perfbudget.perf_target AS bytea); DROP CAST (perfbudget.perf_value AS bytea);"
	echo "COMMIT;"
} | q "$SRC" >/dev/null
check "the frozen stored values (test/corpus/binary-1.0.tsv) stored as their bytes in the source ($(q "$SRC" -c 'SELECT count(*) FROM public.stored_values') values)" \
	test "$(q "$SRC" -c 'SELECT count(*) FROM public.stored_values')" -ge 300
# STORED_BYTES: per column of type perf_target or perf_value of every table, its
# count and the md5 of its stored bytes (in byte order: rows need not keep theirs)
STORED_BYTES="BEGIN;
$CASTS
CREATE FUNCTION pg_temp.stored_bytes() RETURNS SETOF text LANGUAGE plpgsql AS \$\$
DECLARE
    r record;
    cnt bigint;
    digest text;
BEGIN
    FOR r IN SELECT c.relnamespace::regnamespace::text AS sch, c.relname AS tab, a.attname AS col
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
               AND a.atttypid IN ('perfbudget.perf_target'::regtype, 'perfbudget.perf_value'::regtype)
             ORDER BY 1, 2, 3 LOOP
        EXECUTE format('SELECT count(%1\$I), md5(string_agg(encode(%1\$I::bytea, ''hex''), '','' ORDER BY %1\$I::bytea)) FROM %2\$I.%3\$I',
                       r.col, r.sch, r.tab) INTO cnt, digest;
        RETURN NEXT format('%s.%s.%s %s %s', r.sch, r.tab, r.col, cnt, digest);
    END LOOP;
END \$\$;
SELECT * FROM pg_temp.stored_bytes();
ROLLBACK;"

# ---- dump and restore ----
set +e
pg_dump -Fc -f "$WORK/dump" "$SRC" 2>"$WORK/dump.err"
DUMP_RC=$?
createdb --maintenance-db="$MAINT_DB" "$DST"
# perfbudget.history = off: the dump's change_log already holds the history;
# the restore's own inserts are not changes of the forms (doc/security.md)
PGOPTIONS='-c perfbudget.history=off' pg_restore -d "$DST" "$WORK/dump" >"$WORK/restore.out" 2>&1
RESTORE_RC=$?
set -e
check "pg_dump -Fc succeeds" test "$DUMP_RC" -eq 0 -a ! -s "$WORK/dump.err"
diag <"$WORK/dump.err"
check "pg_restore -d (no --single-transaction) succeeds with no error or warning" \
	test "$RESTORE_RC" -eq 0 -a ! -s "$WORK/restore.out"
diag <"$WORK/restore.out"
pg_restore -l "$WORK/dump" | grep -E 'TABLE DATA|SEQUENCE SET|EXTENSION' | sed 's/^[0-9]*; [0-9 ]*//' | diag

# ---- the same data ----
COUNTS="SELECT (SELECT count(*) FROM perfbudget.project) || ' ' || (SELECT count(*) FROM perfbudget.expenditure)
        || ' ' || (SELECT count(*) FROM perfbudget.indicator) || ' ' || (SELECT count(*) FROM perfbudget.issue_rule_setting)"
SRC_COUNTS=$(q "$SRC" -c "$COUNTS")
DST_COUNTS=$(q "$DST" -c "$COUNTS")
echo "projects expenditure indicators settings: source $SRC_COUNTS, restored $DST_COUNTS" | diag
check "row counts equal (project, expenditure, indicator, issue_rule_setting)" \
	test "$SRC_COUNTS" = "$DST_COUNTS" -a "$SRC_COUNTS" = "7 10 92 3"

CONTENT="SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM (
    SELECT 'p' || p::text AS t FROM perfbudget.project p
    UNION ALL SELECT 'e' || e::text FROM perfbudget.expenditure e
    UNION ALL SELECT 'i' || i::text FROM perfbudget.indicator i
    UNION ALL SELECT 's' || s::text FROM perfbudget.issue_rule_setting s) x"
check "every row identical (md5 of all four tables as text)" \
	test "$(q "$SRC" -c "$CONTENT")" = "$(q "$DST" -c "$CONTENT")"

ISSUES="SELECT project_id, severity, code, line_no, message FROM perfbudget.form_issues
        ORDER BY project_id, code, line_no, message"
q "$SRC" -c "$ISSUES" >"$WORK/issues.src"
q "$DST" -c "$ISSUES" >"$WORK/issues.dst"
check "form_issues identical ($(wc -l <"$WORK/issues.src") rows, ordered text)" \
	cmp -s "$WORK/issues.src" "$WORK/issues.dst"
diff "$WORK/issues.src" "$WORK/issues.dst" | head -20 | diag || true
check "the restored report keeps the settings and the form without rows (no_expenditure_rows, annual_goal_copied as error, no missing_cost)" \
	test "$(q "$DST" -c "SELECT string_agg(DISTINCT code || ':' || severity, ',' ORDER BY code || ':' || severity)
	                     FROM perfbudget.form_issues WHERE code IN ('no_expenditure_rows', 'annual_goal_copied', 'missing_cost')")" \
	= "annual_goal_copied:error,no_expenditure_rows:error"

# The stored fingerprints are not dumped: the restore of indicator rebuilds
# them at its commit, to the same rows and group counts as the source.
PRINTS="SELECT md5(string_agg(t, E'\n' ORDER BY t)) || ' ' || count(*) FROM (
    SELECT 'f' || f::text AS t FROM perfbudget.project_fingerprint f
    UNION ALL SELECT 'g' || g::text FROM perfbudget.fingerprint_group g) x"
check "project_fingerprint and fingerprint_group rebuilt by the restore, equal to the source's ($(q "$SRC" -c "$PRINTS" | cut -d' ' -f2) rows)" \
	test "$(q "$SRC" -c "$PRINTS")" = "$(q "$DST" -c "$PRINTS")" -a "$(q "$SRC" -c "$PRINTS" | cut -d' ' -f2)" -gt 0

# The history is dumped and restored as it was, not extended by the restore.
HISTORY="SELECT md5(string_agg(c::text, E'\n' ORDER BY c.id)) || ' ' || count(*) FROM perfbudget.change_log c"
check "change_log restored identical and not extended by the restore ($(q "$SRC" -c "$HISTORY" | cut -d' ' -f2) entries)" \
	test "$(q "$SRC" -c "$HISTORY")" = "$(q "$DST" -c "$HISTORY")" -a "$(q "$SRC" -c "$HISTORY" | cut -d' ' -f2)" -gt 0
ASOF="SELECT md5(string_agg(perfbudget.form_as_of(id, now())::text, E'\n' ORDER BY id)) FROM perfbudget.project"
check "form_as_of of every form equal in source and restored database" \
	test "$(q "$SRC" -c "$ASOF")" = "$(q "$DST" -c "$ASOF")"

# The stored findings are not dumped either: the restore of each table
# recomputes the findings of its forms at its commit, to the source's rows.
FINDINGS="SELECT md5(string_agg(f::text, E'\n' ORDER BY f::text)) || ' ' || count(*) FROM perfbudget.issue_finding f"
check "issue_finding rebuilt by the restore, equal to the source's ($(q "$SRC" -c "$FINDINGS" | cut -d' ' -f2) rows) and to issue_finding_computed" \
	test "$(q "$SRC" -c "$FINDINGS")" = "$(q "$DST" -c "$FINDINGS")" -a "$(q "$SRC" -c "$FINDINGS" | cut -d' ' -f2)" -gt 0 \
	-a "$(q "$DST" -c "SELECT count(*) FROM (SELECT project_id, code, line_no, message FROM perfbudget.issue_finding
	                                      EXCEPT ALL SELECT project_id, code, line_no, message FROM perfbudget.issue_finding_computed) x")" = 0

# ---- the stored bytes of the types, byte for byte ----
q "$SRC" <<<"$STORED_BYTES" >"$WORK/bytes.src"
q "$DST" <<<"$STORED_BYTES" >"$WORK/bytes.dst"
diag <"$WORK/bytes.src"
check "every stored perf_target and perf_value byte-identical after the restore ($(wc -l <"$WORK/bytes.src") columns, $(awk '{ n += $2 } END { print n + 0 }' "$WORK/bytes.src") values)" \
	test -s "$WORK/bytes.src" -a "$(awk '{ n += $2 } END { print n + 0 }' "$WORK/bytes.src")" -gt 500 \
	-a "$(cat "$WORK/bytes.src")" = "$(cat "$WORK/bytes.dst")"
diff "$WORK/bytes.src" "$WORK/bytes.dst" | diag || true
FROZEN_BACK=$(q "$DST" <<SQL
BEGIN;
$CASTS
SELECT count(*) FILTER (WHERE encode(coalesce(t::bytea, v::bytea), 'hex') <> disk) || ' of ' || count(*)
FROM public.stored_values;
ROLLBACK;
SQL
)
check "the frozen stored values restored as the frozen bytes ($FROZEN_BACK differ)" \
	test "${FROZEN_BACK%% *}" = 0 -a "${FROZEN_BACK##* }" -ge 300

# ---- the identity sequence goes on ----
NEW_ID=$(q "$DST" -c "INSERT INTO perfbudget.project (budget_year, name, department)
                       VALUES (2025, '恢复后新建项目', '如皋市人力资源和社会保障局') RETURNING id")
check "a new project without an id gets id 7 (got $NEW_ID)" test "$NEW_ID" = 7

# ---- the schema objects are there, still part of the extension ----
OBJECTS="SELECT (SELECT count(*) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
                 WHERE t.relnamespace = 'perfbudget'::regnamespace AND c.contype = 'c'
                   AND c.conname IN ('project_amounts_nonnegative', 'project_fiscal_subtotal', 'project_income_total',
                                     'project_income_matches_spend', 'project_half_year_within_annual',
                                     'expenditure_row_amounts', 'indicator_targets'))
         || ' ' || (SELECT count(*) FROM pg_trigger WHERE tgdeferrable AND tginitdeferred
                    AND tgname IN ('expenditure_matches_total', 'project_total_matches_expenditure'))
         || ' ' || (SELECT count(*) FROM pg_depend d JOIN pg_extension x ON x.oid = d.refobjid
                    WHERE x.extname = 'pg_perfbudget' AND d.deptype = 'e' AND d.classid = 'pg_class'::regclass
                      AND d.objid IN ('perfbudget.project'::regclass, 'perfbudget.expenditure'::regclass,
                                      'perfbudget.indicator'::regclass))"
DST_OBJECTS=$(q "$DST" -c "$OBJECTS")
check "7 rule CHECK constraints, 2 deferred constraint triggers, 3 tables owned by the extension (got $DST_OBJECTS)" \
	test "$DST_OBJECTS" = "7 2 3"

# ---- and they still reject bad data ----
R=$(try "$DST" "UPDATE perfbudget.expenditure SET annual = annual + 0.01 WHERE project_id = 4 AND line_no = 1")
check "an unbalanced row change is rejected at COMMIT with 23514 (got $R)" test "$R" = 23514
R=$(try "$DST" "UPDATE perfbudget.expenditure SET half_year = 60.81 WHERE project_id = 4 AND line_no = 1")
check "a row with half > annual is rejected with 23514 (got $R)" test "$R" = 23514
R=$(try "$DST" "UPDATE perfbudget.project SET fiscal_subtotal = 9.01 WHERE id = 1")
check "a fiscal subtotal that is not its parts is rejected with 23514 (got $R)" test "$R" = 23514
R=$(try "$DST" "UPDATE perfbudget.project SET spend_half_year = 8.99 WHERE id = 1")
check "a total changed without its rows is rejected at COMMIT with 23514 (got $R)" test "$R" = 23514

[ "$T" -eq "$N_TESTS" ] || { echo "# planned $N_TESTS tests but ran $T"; FAILED=$((FAILED + 1)); }
exit $((FAILED > 0 ? 1 : 0))
