#!/bin/bash
# bench/partition.sh — should the forms be partitioned by budget year?
# (issue 9, point 7).  Ten budget years of generated forms (bench/gen-forms,
# default 100,000 forms over 2016–2025, BENCH_SCALE scales it) are loaded
# into the extension's tables, then copied into declaratively partitioned
# twins in schema bench_part (project and indicator PARTITION BY LIST
# (budget_year), one partition a year, indicator carrying budget_year so
# that the join is partition-wise, the same indexes).  Both layouts answer
# the same queries, interleaved in one session; the table prints each
# median and the ratio partitioned / plain:
#
#   year_rollup      one year's money by region and department (what
#                    department_summary WHERE budget_year = Y reads)
#   year_indicators  one year's indicators and quantitative ones by department
#   dept_year        one department's forms and indicators in one year
#   all_years        every year's money by year and department
#   retire_year      remove the oldest year (DELETE of its forms and rows,
#                    against DETACH + DROP of its partitions), rolled back
#   view_year        perfbudget.department_summary WHERE budget_year = Y
#                    (the extension as shipped, for scale)
#
#   pg_virtualenv -t -v 15 -c "--locale=C.UTF-8 --encoding=UTF8" bench/partition.sh
#   BENCH_SCALE=0.1 …  (10,000 forms, a quick run)
#
# Never fails on a slow result: it informs (bench/README.md).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

FORMS=$(rows 100000)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "bench/partition.sh: $FORMS forms over ten budget years (BENCH_SCALE=$BENCH_SCALE, BENCH_REPS=$BENCH_REPS)"
"$BENCH_DIR/gen-forms" -n "$FORMS" --seed 7 --copy "$WORK/" >/dev/null
bench_setup
t0=$(date +%s)
(cd "$WORK" && PGOPTIONS="$PGOPTIONS -c perfbudget.history=off" bpsql -f load.sql >/dev/null)
echo "loaded in $(( $(date +%s) - t0 )) s"

bpsql <<'SQL'
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench_part CASCADE;
CREATE SCHEMA bench_part;
CREATE TABLE bench_part.project (LIKE perfbudget.project INCLUDING DEFAULTS)
    PARTITION BY LIST (budget_year);
CREATE TABLE bench_part.indicator (budget_year integer NOT NULL,
                                   LIKE perfbudget.indicator INCLUDING DEFAULTS)
    PARTITION BY LIST (budget_year);
CREATE TABLE bench_part.expenditure (budget_year integer NOT NULL,
                                     LIKE perfbudget.expenditure INCLUDING DEFAULTS)
    PARTITION BY LIST (budget_year);
DO $$
DECLARE y integer;
BEGIN
    FOR y IN SELECT DISTINCT budget_year FROM perfbudget.project ORDER BY 1 LOOP
        EXECUTE format('CREATE TABLE bench_part.project_%s PARTITION OF bench_part.project FOR VALUES IN (%s)', y, y);
        EXECUTE format('CREATE TABLE bench_part.indicator_%s PARTITION OF bench_part.indicator FOR VALUES IN (%s)', y, y);
        EXECUTE format('CREATE TABLE bench_part.expenditure_%s PARTITION OF bench_part.expenditure FOR VALUES IN (%s)', y, y);
    END LOOP;
END $$;
INSERT INTO bench_part.project SELECT * FROM perfbudget.project;
INSERT INTO bench_part.indicator SELECT p.budget_year, i.* FROM perfbudget.indicator i JOIN perfbudget.project p ON p.id = i.project_id;
INSERT INTO bench_part.expenditure SELECT p.budget_year, e.* FROM perfbudget.expenditure e JOIN perfbudget.project p ON p.id = e.project_id;
-- the keys a partitioned table can have contain the partition key
ALTER TABLE bench_part.project ADD PRIMARY KEY (budget_year, id);
CREATE INDEX ON bench_part.project (department, budget_year);
CREATE INDEX ON bench_part.project (region, budget_year);
-- within a partition budget_year is one value: the rows of a form are found by project_id
CREATE INDEX ON bench_part.indicator (project_id);
CREATE INDEX ON bench_part.expenditure (project_id);
ANALYZE bench_part.project, bench_part.indicator, bench_part.expenditure,
        perfbudget.project, perfbudget.indicator, perfbudget.expenditure;
SQL

YEAR=$(bpsql -c "SELECT max(budget_year) FROM perfbudget.project")
OLDEST=$(bpsql -c "SELECT min(budget_year) FROM perfbudget.project")
DEPT=$(bpsql -c "SELECT department FROM perfbudget.project WHERE budget_year = $YEAR GROUP BY department ORDER BY count(*) DESC, department LIMIT 1")
DEPT=${DEPT//\'/\'\'}

year_rollup () {	# $1: schema
    echo "SELECT region, department, count(*), sum(total), sum(spend_half_year), sum(spend_annual)
          FROM $1.project WHERE budget_year = $YEAR GROUP BY region, department"
}
year_indicators () {
    local join="i.project_id = p.id"
    [ "$1" = bench_part ] && join="i.budget_year = p.budget_year AND i.project_id = p.id"
    echo "SELECT p.region, p.department, count(*),
                 count(*) FILTER (WHERE perfbudget.perf_symbol(i.annual_target) <> '定性')
          FROM $1.project p JOIN $1.indicator i ON $join
          WHERE p.budget_year = $YEAR GROUP BY p.region, p.department"
}
dept_year () {
    local join="i.project_id = p.id"
    [ "$1" = bench_part ] && join="i.budget_year = p.budget_year AND i.project_id = p.id"
    echo "SELECT p.id, p.name, p.total, count(i.*)
          FROM $1.project p JOIN $1.indicator i ON $join
          WHERE p.budget_year = $YEAR AND p.department = '$DEPT' GROUP BY p.id, p.name, p.total"
}
all_years () {
    echo "SELECT budget_year, region, department, count(*), sum(total), sum(spend_annual)
          FROM $1.project GROUP BY budget_year, region, department"
}

declare -A MED
measure () {	# name plain_query part_query
    local out
    out=$(explain_times "" "$2" "$3")
    MED[$1,plain]=$(sed -n 1p <<<"$out" | cut -d' ' -f1)
    MED[$1,part]=$(sed -n 2p <<<"$out" | cut -d' ' -f1)
}
for q in year_rollup year_indicators dept_year all_years; do
    measure "$q" "$($q perfbudget)" "$($q bench_part)"
done
out=$(explain_times "" "SELECT * FROM perfbudget.department_summary WHERE budget_year = $YEAR")
MED[view_year,plain]=$(cut -d' ' -f1 <<<"$out")

# Retiring a year: each way in a transaction that is rolled back, timed by
# the server (clock_timestamp), interleaved.
retire () {	# $1 plain|part
    local sql
    if [ "$1" = plain ]; then
        sql="DELETE FROM perfbudget.indicator i USING perfbudget.project p WHERE p.id = i.project_id AND p.budget_year = $OLDEST;
             DELETE FROM perfbudget.expenditure e USING perfbudget.project p WHERE p.id = e.project_id AND p.budget_year = $OLDEST;
             DELETE FROM perfbudget.project WHERE budget_year = $OLDEST;"
    else
        sql="ALTER TABLE bench_part.indicator DETACH PARTITION bench_part.indicator_$OLDEST; DROP TABLE bench_part.indicator_$OLDEST;
             ALTER TABLE bench_part.expenditure DETACH PARTITION bench_part.expenditure_$OLDEST; DROP TABLE bench_part.expenditure_$OLDEST;
             ALTER TABLE bench_part.project DETACH PARTITION bench_part.project_$OLDEST; DROP TABLE bench_part.project_$OLDEST;"
    fi
    bpsql <<SQL | tail -n1
SET perfbudget.history = off;
BEGIN;
SELECT set_config('bench.t0', clock_timestamp()::text, true) \\g /dev/null
$sql
SELECT extract(epoch FROM clock_timestamp() - current_setting('bench.t0')::timestamptz) * 1000;
ROLLBACK;
SQL
}
plain_t=() part_t=()
for ((r = 0; r < BENCH_REPS; r++)); do
    plain_t+=("$(retire plain)")
    part_t+=("$(retire part)")
done
MED[retire_year,plain]=$(printf '%s\n' "${plain_t[@]}" | median_min | cut -d' ' -f1)
MED[retire_year,part]=$(printf '%s\n' "${part_t[@]}" | median_min | cut -d' ' -f1)

printf '\n%-16s %14s %14s %8s\n' query plain partitioned ratio
for q in year_rollup year_indicators dept_year all_years retire_year view_year; do
    p=${MED[$q,plain]}; s=${MED[$q,part]:-}
    if [ -n "$s" ]; then
        printf '%-16s %14s %14s %8s\n' "$q" "$(fmt_ms "$p")" "$(fmt_ms "$s")" "$(ratio "$s" "$p")"
    else
        printf '%-16s %14s %14s %8s\n' "$q" "$(fmt_ms "$p")" "-" "-"
    fi
done
bpsql -c "SELECT 'sizes: project ' || pg_size_pretty(pg_total_relation_size('perfbudget.project'))
                 || ', indicator ' || pg_size_pretty(pg_total_relation_size('perfbudget.indicator'))
                 || '; partitioned indicator ' || (SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid)))
                                                   FROM pg_inherits WHERE inhparent = 'bench_part.indicator'::regclass)"
