#!/bin/bash
# bench/aggregates.sh — roll-up aggregates against the built-ins on the same rows.
#
#   funding_sum(amount)         vs sum(amount)     (numeric amounts in 万元)
#   quantitative_share(target)  vs avg(q)          (q int = 1 when the target is
#                                                    quantitative, else 0)
# over N rows (default 5M), serial (max_parallel_workers_per_gather = 0) and
# with 2 parallel workers (forced: zero parallel costs, parallel_workers = 2).
# Targets (DESIGN §8): ours/built-in ≤ 1.3 serial and parallel; and our
# parallel speed-up (serial / parallel time) at least the built-in's.
# The column order (amount, q, target) makes the built-in avg(q) deform one
# column fewer than quantitative_share(target): the comparison leans against us.
. "$(dirname "$0")/lib.sh"

N=$(rows 5000000)

prepare () {
    bench_setup
    bpsql <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench.agg_rows;
CREATE TABLE bench.agg_rows AS
WITH c AS MATERIALIZED (SELECT bench.mix_array('bench.cell_mix') AS a)
SELECT x.amount, (perfbudget.perf_symbol(x.target) <> '定性')::int AS q, x.target
FROM (SELECT round(((i * 7919) % 1000003) / 100.0, (i % 3)::int) AS amount,
             c.a[1 + (i * 104729) % cardinality(c.a)]::perfbudget.perf_target AS target
      FROM c,
           generate_series(1::bigint, $N) i) x;
ALTER TABLE bench.agg_rows SET (parallel_workers = 2);
VACUUM ANALYZE bench.agg_rows;
SQL
}

PAR="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0;
     SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"

main () {
    echo "# aggregates: $N rows, $BENCH_REPS reps; check: funding_sum = sum: $(bpsql -c \
        "SELECT perfbudget.funding_sum(amount) = sum(amount) FROM bench.agg_rows"), quantitative_share = avg(q): $(bpsql -c \
        "SELECT round(perfbudget.quantitative_share(target), 4) = round(avg(q), 4) FROM bench.agg_rows")"
    local pair
    for pair in "sum(amount)|perfbudget.funding_sum(amount)|sum(numeric)|funding_sum" \
                "avg(q)|perfbudget.quantitative_share(target)|avg(int)|quantitative_share"; do
        IFS='|' read -r qb qo nb no <<<"$pair"
        local s p
        mapfile -t s < <(explain_times "" \
            "SELECT $qb FROM bench.agg_rows" "SELECT $qo FROM bench.agg_rows")
        mapfile -t p < <(explain_times "$PAR" \
            "SELECT $qb FROM bench.agg_rows" "SELECT $qo FROM bench.agg_rows")
        echo "# $nb / $no  serial: ${s[0]} / ${s[1]}   parallel: ${p[0]} / ${p[1]}  (median min workers, ms)"
        local bs=${s[0]%% *} os=${s[1]%% *} bp=${p[0]%% *} op=${p[1]%% *}
        local wb wo
        read -r _ _ wb <<<"${p[0]}"; read -r _ _ wo <<<"${p[1]}"
        local r
        r=$(ratio "$os" "$bs")
        result "agg: $no / $nb, serial" "$(fmt_ms "$bs")" "$(fmt_ms "$os")" "$r" "<= 1.3" "$(meets "$r" '<=' 1.3)"
        r=$(ratio "$op" "$bp")
        result "agg: $no / $nb, 2 workers (launched $wb/$wo)" "$(fmt_ms "$bp")" "$(fmt_ms "$op")" "$r" "<= 1.3" "$(meets "$r" '<=' 1.3)"
        local sb so
        sb=$(ratio "$bs" "$bp"); so=$(ratio "$os" "$op")
        result "agg: $no parallel speed-up vs $nb's" "${sb}x" "${so}x" "$(ratio "$so" "$sb")" ">= 1.0" "$(meets "$(ratio "$so" "$sb")" '>=' 1.0)"
    done
}

prepare
run_main main
