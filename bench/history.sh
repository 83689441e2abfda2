#!/bin/bash
# bench/history.sh — what the history (change_log) costs an import.
#
# 1000 generated forms (bench/gen-forms, one budget year) imported with
# import_form as one autocommit statement (the commit and the deferred
# triggers inside the time, psql's \timing), alternately with
# perfbudget.history = off (baseline: nothing logged) and on (one
# change_log entry per form); the tables are emptied between runs.
# Target (issue 11): with history ≤ 1.2× without.
. "$(dirname "$0")/lib.sh"

NFORMS=$(awk -v n=1000 -v s="$BENCH_SCALE" 'BEGIN { r = int(n * s); if (r < 50) r = 50; print r }')
DOC=$(mktemp /tmp/pb_bench_history_XXXXXX.txt)
trap 'rm -f "$DOC"' EXIT

prepare () {
    bench_setup
    "$BENCH_DIR/gen-forms" -n "$NFORMS" --seed 11 --year 2024 -o "$DOC" >/dev/null
    bpsql <<SQL
\set doc \`cat $DOC\`
SET client_min_messages = warning;
TRUNCATE perfbudget.project, perfbudget.change_log CASCADE;
DROP TABLE IF EXISTS bench.history_doc;
CREATE TABLE bench.history_doc (d text NOT NULL);
INSERT INTO bench.history_doc VALUES (:'doc');
SQL
}

# one_import on|off -> milliseconds
one_import () {
    local out got
    bpsql -c "TRUNCATE perfbudget.project, perfbudget.change_log CASCADE" >/dev/null
    out=$(bpsql <<SQL
SET perfbudget.history = $1;
\timing on
SELECT count(*) FROM perfbudget.import_form((SELECT d FROM bench.history_doc));
SQL
)
    got=$(head -n 1 <<<"$out")
    [ "$got" = "$NFORMS" ] || { echo "import_form returned $got, expected $NFORMS" >&2; exit 1; }
    grep -o 'Time: [0-9.]*' <<<"$out" | awk '{ print $2 }'
}

main () {
    echo "# history: $NFORMS generated forms, $BENCH_REPS reps each, alternating off/on"
    local i off="" on="" entries
    one_import off >/dev/null; one_import on >/dev/null   # warm-up
    for ((i = 0; i < BENCH_REPS; i++)); do
        off+="$(one_import off)"$'\n'
        on+="$(one_import on)"$'\n'
    done
    entries=$(bpsql -c "SELECT count(*) FROM perfbudget.change_log")
    read -r med_off min_off <<<"$(median_min <<<"${off%$'\n'}")"
    read -r med_on min_on <<<"$(median_min <<<"${on%$'\n'}")"
    echo "# without history: median $med_off ms (min $min_off); with: median $med_on ms (min $min_on); $entries change_log entries for $NFORMS forms"
    local r
    r=$(ratio "$med_on" "$med_off")
    result "history: import_form with change_log / without" "$(fmt_ms "$med_off")" "$(fmt_ms "$med_on")" "$r" "<= 1.2" "$(meets "$r" '<=' 1.2)"
    bpsql -c "TRUNCATE perfbudget.project, perfbudget.change_log CASCADE" >/dev/null
}

prepare
run_main main
