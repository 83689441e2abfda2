#!/bin/bash
# bench/import-ablation.sh — where the time of one import_form call goes:
# the same N generated forms (default 5000) imported into fresh databases,
# each with one part of what the extension does for a form removed first:
#
#   base        nothing removed (the baseline of the run)
#   no_fk       the foreign keys of expenditure and indicator to project
#   no_history  the change_log triggers of project, expenditure, indicator
#   no_findings the findings' statement triggers (findings_collect): the
#               call then keeps no findings, so this is what they cost
#   no_write    the write_access triggers (the per-department write check)
#   no_targets  the CHECK indicator_targets (check_indicator_row)
#
# A variant is a measurement tool, never a configuration: each one breaks a
# rule the extension keeps.  Backend CPU time (from /proc, so run it on the
# machine of the server, as a superuser); the variants alternate, REPS
# rounds (default 3); the last lines print each variant's median and its
# saving against base's median in the same run.
#
#   N=5000 REPS=3 bench/import-ablation.sh
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
N=${N:-5000}
REPS=${REPS:-3}
WORK=$(mktemp -d /tmp/pb_import_ablation_XXXXXX)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=error"
DB=pb_import_ablation

nice "$BENCH_DIR/gen-forms" -n "$N" --seed 1003 --year 2099 -o "$WORK/doc.txt" >/dev/null
chmod a+r "$WORK/doc.txt"

on_three () { # on_three 'ALTER ... TRIGGER %s' NAME: the statement on the three form tables
    local t
    for t in project expenditure indicator; do
        printf "ALTER TABLE perfbudget.$t $1;\n" "$2"
    done
}
declare -A VARIANT=(
    [base]=""
    [no_fk]="ALTER TABLE perfbudget.expenditure DROP CONSTRAINT expenditure_project_id_department_id_fkey;
ALTER TABLE perfbudget.indicator DROP CONSTRAINT indicator_project_id_department_id_fkey;"
    [no_history]="$(on_three 'DISABLE TRIGGER %s' change_log)"
    [no_findings]="ALTER TABLE perfbudget.project DISABLE TRIGGER project_findings_insert;
ALTER TABLE perfbudget.expenditure DISABLE TRIGGER expenditure_findings_insert;
ALTER TABLE perfbudget.indicator DISABLE TRIGGER indicator_findings_insert;"
    [no_write]="$(on_three 'DISABLE TRIGGER %s' write_access)"
    [no_targets]="ALTER TABLE perfbudget.indicator DROP CONSTRAINT indicator_targets;"
)
ORDER=(base no_fk no_history no_findings no_write no_targets)

# run VARIANT: backend CPU ms of the import in a fresh database with it applied
run () {
    local out c0 c1
    dropdb --if-exists "$DB"
    createdb "$DB"
    psql -Xq -v ON_ERROR_STOP=1 "$DB" <<SQL
CREATE EXTENSION pg_perfbudget CASCADE;
${VARIANT[$1]}
CREATE SCHEMA b;
CREATE TABLE b.doc AS SELECT pg_read_file('$WORK/doc.txt') AS d;
SQL
    out=$(psql -XAtq -v ON_ERROR_STOP=1 "$DB" <<'SQL'
SELECT pg_backend_pid() AS pid \gset
\setenv PID :pid
\! echo CPU0 $(awk '{print $14 + $15}' /proc/$PID/stat)
SELECT count(*) FROM perfbudget.import_form((SELECT d FROM b.doc));
\! echo CPU1 $(awk '{print $14 + $15}' /proc/$PID/stat)
SQL
)
    c0=$(awk '/^CPU0/ { print $2 }' <<<"$out")
    c1=$(awk '/^CPU1/ { print $2 }' <<<"$out")
    awk -v c=$((c1 - c0)) -v k="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", c * 1000 / k }'
}

echo "# import-ablation: $N forms ($(wc -c <"$WORK/doc.txt") bytes), $REPS reps, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A MS=()
for ((i = 1; i <= REPS; i++)); do
    for v in "${ORDER[@]}"; do
        ms=$(run "$v")
        MS[$v]="${MS[$v]:-} $ms"
        printf '%-12s cpu %6d ms\n' "$v" "$ms"
    done
done
dropdb --if-exists "$DB"
median () { printf '%s\n' $@ | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
base=$(median ${MS[base]})
for v in "${ORDER[@]}"; do
    m=$(median ${MS[$v]})
    awk -v v="$v" -v m="$m" -v b="$base" -v n="$N" 'BEGIN {
        printf "median %-12s %6d ms  %5.0f forms/CPU s  saves %5.1f %% of base\n", v, m, n * 1000 / m, 100 * (b - m) / b }'
done
