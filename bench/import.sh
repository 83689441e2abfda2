#!/bin/bash
# bench/import.sh — import_form throughput.
#
# A document of N forms (default 1000) made from the seed
# (examples/rugao_2024_hrss.txt, 6 forms) by repeating its forms and renaming
# each project (项目名称 gets a suffix -k, so (year, department, name) stays
# unique).  Timed: `SELECT count(*) FROM perfbudget.import_form(doc)` as one
# autocommit statement with psql's \timing, so the time includes the commit
# and the deferred expenditure trigger; the tables are emptied between runs.
# Reported: forms per second; target (DESIGN §8) ≥ 1000 forms/s, the ratio
# is rate / 1000 (≥ 1 meets it).
. "$(dirname "$0")/lib.sh"

NFORMS=$(awk -v n=1000 -v s="$BENCH_SCALE" 'BEGIN { r = int(n * s); if (r < 50) r = 50; print r }')
SEED=$REPO_DIR/examples/rugao_2024_hrss.txt
DOC=$(mktemp /tmp/pb_bench_import_XXXXXX.txt)
trap 'rm -f "$DOC"' EXIT

make_doc () {  # N forms from the seed, project names renamed, to stdout
    awk -v n="$1" '
        /如皋市市级项目预算绩效目标申报表/ { f++ }
        f > 0 { line[f, ++len[f]] = $0 }
        END {
            for (k = 1; k <= n; k++) {
                i = (k - 1) % f + 1
                for (j = 1; j <= len[i]; j++) {
                    s = line[i, j]
                    if (s ~ /^项目名称\t/) {
                        split(s, c, "\t")
                        sub(/^项目名称\t[^\t]*/, "项目名称\t" c[2] "-" k, s)
                    }
                    print s
                }
            }
        }' "$SEED"
}

prepare () {
    bench_setup
    make_doc "$NFORMS" >"$DOC"
    bpsql <<SQL
\set doc \`cat $DOC\`
SET client_min_messages = warning;
TRUNCATE perfbudget.project CASCADE;
DROP TABLE IF EXISTS bench.import_doc;
CREATE TABLE bench.import_doc (d text NOT NULL);
INSERT INTO bench.import_doc VALUES (:'doc');
SQL
}

main () {
    echo "# import: $NFORMS forms ($(wc -c <"$DOC") bytes, $(grep -c '^项目名称' "$DOC") 项目名称 lines), $BENCH_REPS reps"
    local i t times="" got
    for ((i = 0; i <= BENCH_REPS; i++)); do
        bpsql -c "TRUNCATE perfbudget.project CASCADE" >/dev/null
        out=$(bpsql <<'SQL'
\timing on
SELECT count(*) FROM perfbudget.import_form((SELECT d FROM bench.import_doc));
SQL
)
        got=$(head -n 1 <<<"$out")
        t=$(grep -o 'Time: [0-9.]*' <<<"$out" | awk '{ print $2 }')
        [ "$got" = "$NFORMS" ] || { echo "import_form returned $got, expected $NFORMS" >&2; exit 1; }
        [ $i -eq 0 ] && continue   # warm-up
        times+="$t"$'\n'
    done
    read -r med mn <<<"$(median_min <<<"${times%$'\n'}")"
    local rate rate_best
    rate=$(awk -v n="$NFORMS" -v t="$med" 'BEGIN { printf "%.0f", n * 1000 / t }')
    rate_best=$(awk -v n="$NFORMS" -v t="$mn" 'BEGIN { printf "%.0f", n * 1000 / t }')
    echo "# import_form: median $med ms, min $mn ms for $NFORMS forms ($rate forms/s median, $rate_best best)"
    echo "# stored: $(bpsql -c "SELECT format('%s projects, %s expenditure rows, %s indicators',
        (SELECT count(*) FROM perfbudget.project), (SELECT count(*) FROM perfbudget.expenditure),
        (SELECT count(*) FROM perfbudget.indicator))")"
    local r
    r=$(ratio "$rate" 1000)
    result "import: import_form rate (forms/s; ratio = rate/target)" "1000 forms/s" "$rate forms/s" "$r" ">= 1.0" "$(meets "$r" '>=' 1.0)"
    bpsql -c "TRUNCATE perfbudget.project CASCADE" >/dev/null
}

prepare
run_main main
