# bench/lib.sh — shared helpers for the pg_perfbudget benchmarks (sourced).
#
# Every benchmark measures a baseline and our code in the same cluster, in the
# same session, interleaved (baseline, ours, baseline, ours, …), and reports
# the ratio of the medians.  Nothing here fails on a slow result: targets are
# informational and the scripts exit 0 once they have measured.
#
# Environment:
#   PG*          connection (set by pg_virtualenv)
#   BENCH_REPS   timed repetitions of each query (default 7, after one warm-up)
#   BENCH_SCALE  multiplies the row counts (default 1; 0.1 for a quick smoke run)

set -euo pipefail

BENCH_REPS=${BENCH_REPS:-7}
BENCH_SCALE=${BENCH_SCALE:-1}
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")

# psql, quiet, stop on the first error, unaligned output.
bpsql () { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# rows N -> N scaled by BENCH_SCALE (at least 1000)
rows () { awk -v n="$1" -v s="$BENCH_SCALE" 'BEGIN { r = int(n * s); if (r < 1000) r = 1000; print r }'; }

# Settings used by every timed session: no JIT (compile time is noise at these
# sizes and would differ between built-ins and C functions), serial unless a
# benchmark asks otherwise.
BENCH_SETTINGS="SET jit = off; SET max_parallel_workers_per_gather = 0;"

# Create the extension and the bench schema with the shared helpers.
bench_setup () {
    bpsql <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_perfbudget;
CREATE SCHEMA IF NOT EXISTS bench;

-- A realistic mix of indicator cells (comparator and value in one cell): the
-- seed's 92 annual cells in their proportions, plus one of each value shape
-- listed in DOMAIN.md §4.
CREATE TABLE IF NOT EXISTS bench.cell_mix (cell text NOT NULL, weight int NOT NULL);
TRUNCATE bench.cell_mix;
INSERT INTO bench.cell_mix VALUES
  ('=100%', 26), ('≥95%', 22), ('合理', 24), ('规范', 12), ('科学', 12), ('有效', 12),
  ('明确', 12), ('合规', 12), ('及时高效', 12), ('充分', 12), ('健全', 12),
  ('序时进度', 5), ('定性 100%', 5), ('否', 4), ('解决困难人员缴纳基本养老保险费难的问题', 2),
  ('100.00%', 1), ('97.30%', 1), ('≥98%', 1), ('≥100百分比', 1), ('95%以上', 1),
  ('≥62%(2022年:61%)', 1), ('≥50个', 1), ('=8个', 1), ('≤202.6万元', 1), ('280人次', 1),
  ('≥266米', 1), ('1346.0088万平方米', 1), ('1次/月', 1), ('≤620万/月', 1),
  ('>=530元/人*月', 1), ('400元/人、天', 1), ('780元/生/年', 1), ('≤7工作日', 1),
  ('=300天', 1), ('不少于12 种', 1), ('7,548,150', 1), ('29.2万人', 1), ('显著提升', 1),
  ('稳步提高', 1), ('严格执行相关制度规定', 1), ('2021年12月31日', 1), ('2023年底', 1),
  ('12月底前', 1), ('12月底之前完成', 1), ('90%-100%', 1), ('2023.07-2024.01', 1),
  ('2020年1月--2020年11月', 1), ('±3%以内', 1), ('±10%', 1);

-- Numeric-looking cells for the numeric_in baseline: the numbers of the mix.
CREATE TABLE IF NOT EXISTS bench.number_mix (cell text NOT NULL, weight int NOT NULL);
TRUNCATE bench.number_mix;
INSERT INTO bench.number_mix VALUES
  ('100', 26), ('95', 22), ('100.00', 10), ('97.30', 10), ('98', 10), ('62', 10), ('50', 10),
  ('8', 10), ('202.6', 10), ('280', 10), ('266', 10), ('1346.0088', 10), ('620', 10),
  ('530', 10), ('400', 10), ('780', 10), ('7', 10), ('300', 10), ('12', 10), ('7548150', 10),
  ('29.2', 10), ('0.5', 10);

-- cell i of a mix, deterministic and spread evenly (a cheap permutation).
CREATE OR REPLACE FUNCTION bench.mix_array(mix regclass) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
DECLARE a text[];
BEGIN
  EXECUTE format('SELECT array_agg(cell ORDER BY cell, g) FROM %s, generate_series(1, weight) g', mix)
    INTO a;
  RETURN a;
END $$;

-- Wall-clock milliseconds of one statement (for COPY, which EXPLAIN cannot time).
CREATE OR REPLACE FUNCTION bench.time_ms(stmt text) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz;
BEGIN
  t0 := clock_timestamp();
  EXECUTE stmt;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;
SQL
}

# median and minimum of numbers on stdin -> "median min"
median_min () {
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan nan"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1] }'
}

# explain_times SETUP Q1 [Q2 …]
#   Runs one warm-up of each query, then BENCH_REPS rounds of Q1, Q2, … in turn
#   (interleaved, so that load from other processes hits all of them alike),
#   each under EXPLAIN (ANALYZE, TIMING OFF), in one session after SETUP.
#   Prints one line per query: "median_ms min_ms workers_launched".
explain_times () {
    local setup=$1; shift
    local nq=$#
    local script out i q
    script="$BENCH_SETTINGS $setup"$'\n'
    for ((i = 0; i <= BENCH_REPS; i++)); do
        for q in "$@"; do
            script+="EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) $q;"$'\n'
        done
    done
    out=$(bpsql <<<"$script")
    # Execution Time lines come in order: round 0 (warm-up) Q1..Qn, round 1 …
    for ((i = 0; i < nq; i++)); do
        local times workers
        times=$(grep -o 'Execution Time: [0-9.]*' <<<"$out" | awk -v n="$nq" -v k="$i" \
            '{ if ((NR - 1) % n == k && NR > n) print $3 }' | median_min)
        workers=$(awk -v n="$nq" -v k="$i" '
            /Execution Time/ { if (cnt % n == k && cnt >= n) { tot += w } ; cnt++; w = 0; next }
            /Workers Launched:/ { w += $NF }
            END { print tot }' <<<"$out")
        echo "$times $(awk -v t="$workers" -v r="$BENCH_REPS" 'BEGIN { printf "%.1f", t / r }')"
    done
}

# fmt_ms X -> "123.4 ms"
fmt_ms () { awk -v x="$1" 'BEGIN { printf "%.1f ms", x }'; }
# ratio A B -> A/B with 2 decimals
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "inf"; else printf "%.2f", a / b }'; }
# meets RATIO OP LIMIT -> yes/no   (OP is <= or >=)
meets () { awk -v r="$1" -v op="$2" -v l="$3" 'BEGIN {
    ok = (op == "<=") ? (r <= l) : (r >= l); print (ok ? "yes" : "NO") }'; }

# result NAME BASELINE OURS RATIO TARGET MET
#   One machine-readable line per comparison; bench/run collects them.
result () {
    printf 'RESULT\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@"
}

# print_table: read RESULT lines on stdin, print them as an aligned table.
print_table () {
    awk -F'\t' 'BEGIN { OFS = "\t"; print "benchmark", "baseline", "ours", "ratio", "target", "met" }
                $1 == "RESULT" { print $2, $3, $4, $5, $6, $7 }' |
        column -t -s $'\t'
}

# run_standalone: call at the end of a script; when the script was run on its
# own (not from bench/run) it prints its results as a table.
run_main () {
    local fn=$1
    if [ -n "${BENCH_FROM_RUN:-}" ]; then
        "$fn"
    else
        local tmp
        tmp=$(mktemp)
        "$fn" | tee "$tmp" | grep -v '^RESULT' || true
        echo
        print_table <"$tmp"
        rm -f "$tmp"
    fi
}
