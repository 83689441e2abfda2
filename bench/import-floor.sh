#!/bin/bash
# bench/import-floor.sh — what import_form costs against the floor of storing
# the same rows: N generated forms (default 5000) stored
#
#   import   by perfbudget.import_form(doc) from their text, commit included
#            (parsing, checks, keys, foreign keys, history, fingerprints,
#            findings: everything the extension does for a form);
#   floor    by COPY of the same rows (gen-forms --copy, the same seed) into
#            bare twins of project, expenditure and indicator: the same
#            columns, defaults and indexes, and the targets parsed by
#            perf_target as import_form does, but no foreign key, no CHECK,
#            no trigger — the least any loader of these tables pays.
#
# Backend CPU time (from /proc, so run it on the machine of the server, as a
# superuser); the two alternate REPS times (default 3) in fresh databases,
# and each line prints forms per CPU second.  The last line is the ratio
# import / floor of the medians.  Issue 9 asks 5,000 forms a second of one
# import call: the floor says what one CPU of the machine can reach at all.
#
#   N=5000 REPS=3 bench/import-floor.sh
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
N=${N:-5000}
REPS=${REPS:-3}
WORK=$(mktemp -d /tmp/pb_import_floor_XXXXXX)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=error"

nice "$BENCH_DIR/gen-forms" -n "$N" --seed 1003 --year 2099 -o "$WORK/doc.txt" >/dev/null
mkdir "$WORK/copy"
nice "$BENCH_DIR/gen-forms" -n "$N" --seed 1003 --year 2099 --copy "$WORK/copy" >/dev/null
chmod -R a+rX "$WORK"

DB=pb_import_floor

fresh_db () {
    dropdb --if-exists "$DB"
    createdb "$DB"
    psql -Xq -v ON_ERROR_STOP=1 "$DB" <<'SQL'
CREATE EXTENSION pg_perfbudget CASCADE;
CREATE SCHEMA bare;
CREATE TABLE bare.project (LIKE perfbudget.project INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING GENERATED);
CREATE TABLE bare.expenditure (LIKE perfbudget.expenditure INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING GENERATED);
CREATE TABLE bare.indicator (LIKE perfbudget.indicator INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING GENERATED);
-- department_id: import_form finds it; here one a form (the form key's
-- unique index includes it), and the rows' own
CREATE SEQUENCE bare.department;
ALTER TABLE bare.project ALTER department_id SET DEFAULT nextval('bare.department');
ALTER TABLE bare.expenditure ALTER department_id SET DEFAULT 1;
ALTER TABLE bare.indicator ALTER department_id SET DEFAULT 1;
CREATE SCHEMA b;
CREATE TABLE b.doc (d text);
SQL
    psql -Xq -v ON_ERROR_STOP=1 "$DB" <<SQL
\set doc \`cat $WORK/doc.txt\`
INSERT INTO b.doc VALUES (:'doc');
SQL
}

# cpu_run SQL-FILE: backend CPU ms of the statements in the file, commit included
cpu_run () {
    local out c0 c1
    out=$(cd "$WORK/copy" && psql -XAtq -v ON_ERROR_STOP=1 "$DB" <<SQL
SELECT pg_backend_pid() AS pid \gset
\setenv PID :pid
\! echo CPU0 \$(awk '{print \$14 + \$15}' /proc/\$PID/stat)
\i $1
\! echo CPU1 \$(awk '{print \$14 + \$15}' /proc/\$PID/stat)
SQL
)
    c0=$(awk '/^CPU0/ { print $2 }' <<<"$out")
    c1=$(awk '/^CPU1/ { print $2 }' <<<"$out")
    awk -v c=$((c1 - c0)) -v k="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", c * 1000 / k }'
}

cat >"$WORK/floor.sql" <<'SQL'
BEGIN;
\copy bare.project (id, budget_year, region, region_level, name, department, implementing_unit, reporting_unit, attribute, level, category, start_month, end_month, manager, phone, necessity, feasibility, content, long_term_goal, annual_goal, total, fiscal_subtotal, general_budget, government_fund, special_account, state_capital, social_insurance_fund, carryover, other_funds, spend_half_year, spend_annual) FROM 'project.tsv'
\copy bare.expenditure (project_id, line_no, item, half_year, annual) FROM 'expenditure.tsv'
CREATE TEMP TABLE indicator_cells (project_id bigint, line_no int, level1 text, level2 text,
    level3 text, symbol text, half_value text, annual_value text) ON COMMIT DROP;
\copy indicator_cells FROM 'indicator_cells.tsv'
INSERT INTO bare.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
SELECT c.project_id, c.line_no, c.level1, c.level2, c.level3,
       CASE WHEN c.half_value IS NOT NULL THEN perfbudget.perf_target(c.symbol, c.half_value) END,
       perfbudget.perf_target(c.symbol, c.annual_value)
FROM indicator_cells c;
COMMIT;
SQL
cat >"$WORK/import.sql" <<'SQL'
SELECT count(*) FROM perfbudget.import_form((SELECT d FROM b.doc));
SQL

echo "# import-floor: $N forms ($(wc -c <"$WORK/doc.txt") bytes), $REPS reps, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
floor_ms=()
import_ms=()
for ((i = 1; i <= REPS; i++)); do
    fresh_db
    f=$(cpu_run "$WORK/floor.sql")
    m=$(cpu_run "$WORK/import.sql")
    floor_ms+=("$f")
    import_ms+=("$m")
    awk -v n="$N" -v f="$f" -v m="$m" 'BEGIN {
        printf "floor  %6d forms  cpu %6d ms %6.0f forms/s    import  cpu %6d ms %6.0f forms/s\n",
               n, f, (f > 0 ? n * 1000 / f : 0), m, (m > 0 ? n * 1000 / m : 0) }'
done
dropdb --if-exists "$DB"
median () { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
mf=$(median "${floor_ms[@]}")
mi=$(median "${import_ms[@]}")
awk -v n="$N" -v f="$mf" -v m="$mi" 'BEGIN {
    printf "median: floor %.0f forms per CPU second, import_form %.0f: import / floor = %.2f\n",
           n * 1000 / f, n * 1000 / m, m / f }'
