#!/bin/bash
# bench/rls.sh — what row-level security costs a reader (issue 11).
#
# N generated forms (bench/gen-forms --copy, default 10000; BENCH_SCALE
# scales it) loaded into a fresh extension; roles from create_roles():
# a filer granted one department (one of about 20 forms a year, at every
# size), a county bureau granted that department's region
# (grant_region), an analyst granted '*'.  Each query runs as the owner
# (not subject to row-level security: the baseline) and as the role,
# alternately in one session (owner, role, owner, role, …), under EXPLAIN
# (ANALYZE, TIMING OFF), one warm-up then BENCH_REPS rounds, medians.
# Reported: role / owner for the same rows.  Target: point queries stay
# index-driven and within 1.5× the owner's time; full reads by '*' within
# 1.2×.
. "$(dirname "$0")/lib.sh"

N=$(awk -v n=10000 -v s="$BENCH_SCALE" 'BEGIN { r = int(n * s); if (r < 500) r = 500; print r }')
WORK=$(mktemp -d /tmp/pb_bench_rls_XXXXXX)
trap 'rm -rf "$WORK"; bpsql -c "DROP ROLE IF EXISTS pb_bench_filer, pb_bench_county, pb_bench_analyst" >/dev/null 2>&1 || true' EXIT

prepare () {
    bench_setup
    bpsql -c "TRUNCATE perfbudget.project CASCADE" >/dev/null
    "$BENCH_DIR/gen-forms" -n "$N" --seed 21 --copy "$WORK/copy" >/dev/null
    (cd "$WORK/copy" && PGOPTIONS="$PGOPTIONS -c perfbudget.history=off" bpsql -f load.sql >/dev/null)
    bpsql >/dev/null <<'SQL'
ANALYZE;
SELECT perfbudget.create_roles();
DROP ROLE IF EXISTS pb_bench_filer, pb_bench_county, pb_bench_analyst;
CREATE ROLE pb_bench_filer IN ROLE perfbudget_filer;
CREATE ROLE pb_bench_county IN ROLE perfbudget_filer;
CREATE ROLE pb_bench_analyst IN ROLE perfbudget_analyst;
-- a department of about 20 forms in one year, whatever the database's size,
-- so that its rows (what the policy costs per row) are alike at every size
DROP TABLE IF EXISTS bench.rls_target;
CREATE TABLE bench.rls_target AS
SELECT budget_year, region, department FROM perfbudget.project
GROUP BY 1, 2, 3 ORDER BY abs(count(*) - 20), 1, 2, 3 LIMIT 1;
SELECT perfbudget.grant_department('pb_bench_filer', department, region) FROM bench.rls_target;
SELECT perfbudget.grant_region('pb_bench_county', region) FROM bench.rls_target;
SQL
}

# as_role ROLE QUERY -> "owner_median role_median"
as_role () {
    local role=$1 q=$2 script="" i out
    script="$BENCH_SETTINGS"$'\n'
    for ((i = 0; i <= BENCH_REPS; i++)); do
        script+="RESET ROLE; EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) $q;"$'\n'
        script+="SET ROLE $role; EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) $q;"$'\n'
    done
    out=$(bpsql <<<"$script")
    local owner mine
    owner=$(grep -o 'Execution Time: [0-9.]*' <<<"$out" | awk 'NR > 2 && NR % 2 == 1 { print $3 }' | median_min | cut -d' ' -f1)
    mine=$(grep -o 'Execution Time: [0-9.]*' <<<"$out" | awk 'NR > 2 && NR % 2 == 0 { print $3 }' | median_min | cut -d' ' -f1)
    echo "$owner $mine"
}

main () {
    local y r d w
    IFS='|' read -r y r d <<<"$(bpsql -c "SELECT budget_year, region, department FROM bench.rls_target")"
    w="budget_year = $y AND region = '$r' AND department = '$d'"
    echo "# rls: $N forms; the filer's department: $y $r $d ($(bpsql -c "SELECT count(*) FROM perfbudget.project WHERE $w") forms)"
    local name role q owner mine ratio target
    while IFS=$'\t' read -r name role target q; do
        read -r owner mine <<<"$(as_role "$role" "$q")"
        ratio=$(ratio "$mine" "$owner")
        echo "# $name: owner $owner ms, $role $mine ms"
        result "rls: $name ($role / owner)" "$(fmt_ms "$owner")" "$(fmt_ms "$mine")" "$ratio" "<= $target" "$(meets "$ratio" '<=' "$target")"
    done <<EOF2
department_summary, one department	pb_bench_filer	1.5	SELECT * FROM perfbudget.department_summary WHERE $w
project_summary, one department	pb_bench_filer	1.5	SELECT * FROM perfbudget.project_summary WHERE $w
form_issues, one department	pb_bench_filer	1.5	SELECT * FROM perfbudget.form_issues WHERE $w
indicator_detail, one department	pb_bench_filer	1.5	SELECT * FROM perfbudget.indicator_detail WHERE $w
region_summary, one region	pb_bench_county	1.5	SELECT * FROM perfbudget.region_summary WHERE budget_year = $y AND region = '$r'
department_summary, full	pb_bench_analyst	1.2	SELECT * FROM perfbudget.department_summary
indicator_detail, full	pb_bench_analyst	1.2	SELECT count(*) FROM perfbudget.indicator_detail
EOF2
}

prepare
run_main main
