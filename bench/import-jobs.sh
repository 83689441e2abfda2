#!/bin/bash
# bench/import-jobs.sh — bin/pb-import of N generated forms in files of
# SPLIT forms, one session at a time (--jobs 1) and JOBS sessions at once
# (--jobs JOBS, default: the number of CPUs), alternately, REPS times
# (default 2 each), wall time and forms per second.
#
#   new        a fresh database: every department is made by the import
#              (importers making the same department queue behind its maker)
#   existing   the same after the forms were deleted: the departments exist
#              (a bureau's second year)
#
# The files are those of a province: gen-forms --split writes them in the
# generator's order (regions, then departments), so files of different
# regions hold different departments.  Runs inside an existing cluster
# (PG* variables); creates and drops the database pb_import_jobs.
#
#   N=20000 SPLIT=500 JOBS=2 REPS=2 bench/import-jobs.sh
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
PBI=${PBI:-$(dirname "$BENCH_DIR")/bin/pb-import}
N=${N:-20000}
SPLIT=${SPLIT:-500}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
REPS=${REPS:-2}
DB=pb_import_jobs
WORK=$(mktemp -d /tmp/pb_import_jobs_XXXXXX)
trap 'rm -rf "$WORK"; dropdb --if-exists "$DB" >/dev/null 2>&1 || true' EXIT

nice "$BENCH_DIR/gen-forms" -n "$N" --seed 1005 --year 2098 --split "$SPLIT" -o "$WORK/forms" >/dev/null
files=("$WORK"/forms/*)
echo "# import-jobs: $N forms in ${#files[@]} files, --jobs 1 against --jobs $JOBS, $(nproc) CPUs, $(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"

# run STATE J: one timed pb-import; prints the line
run() {
	local state=$1 j=$2 start end ms
	if [[ $state == new ]]; then
		dropdb --if-exists "$DB" >/dev/null
		createdb "$DB"
		psql -Xq -v ON_ERROR_STOP=1 -d "$DB" -c "CREATE EXTENSION pg_perfbudget CASCADE"
	else
		psql -Xq -v ON_ERROR_STOP=1 -d "$DB" -c "DELETE FROM perfbudget.project" -c "VACUUM ANALYZE" >/dev/null
	fi
	start=$(date +%s%N)
	"$PBI" -d "$DB" --quiet --jobs "$j" "${files[@]}" 2>"$WORK/err" ||
		{ echo "pb-import failed:" >&2; cat "$WORK/err" >&2; exit 1; }
	end=$(date +%s%N)
	ms=$(((end - start) / 1000000))
	printf '%-9s --jobs %-3s %6d forms  wall %7d ms  %6d forms/s\n' "$state" "$j" "$N" "$ms" $((N * 1000 / ms))
}

for ((r = 1; r <= REPS; r++)); do
	for j in 1 "$JOBS"; do
		run new "$j"
		run existing "$j"
	done
done
