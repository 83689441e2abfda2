#!/bin/bash
# bench/memory.sh — memory of a roll-up is flat in the number of rows.
#
# funding_sum(amount) and quantitative_share(target) grouped into 1000 groups
# by a HashAggregate over the first 1M and over all 10M rows of one table;
# EXPLAIN ANALYZE reports the hash table's "Memory Usage", which holds every
# group's transition state (anything a transition function allocated in the
# aggregate context per row would show here).  Ratio = memory at 10M / at 1M;
# target (DESIGN §8) flat: ≤ 1.1.  sum(numeric) shown for reference.
. "$(dirname "$0")/lib.sh"

NBIG=$(rows 10000000)
NSMALL=$(( NBIG / 10 ))

prepare () {
    bench_setup
    bpsql <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench.mem_rows;
CREATE TABLE bench.mem_rows AS
WITH c AS MATERIALIZED (SELECT bench.mix_array('bench.cell_mix') AS a)
SELECT i::int AS id, (i % 1000)::int AS g,
       round(((i * 7919) % 1000003) / 100.0, (i % 3)::int) AS amount,
       c.a[1 + (i * 104729) % cardinality(c.a)]::perfbudget.perf_target AS target
FROM c, generate_series(1::bigint, $NBIG) i;
VACUUM ANALYZE bench.mem_rows;
SQL
}

hash_mem_kb () {  # AGG ROWS -> HashAggregate Memory Usage in kB
    bpsql <<SQL | grep -o 'Memory Usage: [0-9]*kB' | head -n 1 | grep -o '[0-9]*'
$BENCH_SETTINGS
SET work_mem = '256MB'; SET enable_sort = off;
EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF)
SELECT g, $1 FROM bench.mem_rows WHERE id <= $2 GROUP BY g;
SQL
}

main () {
    echo "# memory: HashAggregate of 1000 groups over $NSMALL and $NBIG rows"
    local agg small big r
    for agg in "perfbudget.funding_sum(amount)" "perfbudget.quantitative_share(target)" "sum(amount)"; do
        small=$(hash_mem_kb "$agg" "$NSMALL")
        big=$(hash_mem_kb "$agg" "$NBIG")
        r=$(ratio "$big" "$small")
        echo "# $agg: ${small} kB at $NSMALL rows, ${big} kB at $NBIG rows"
        case $agg in
            sum*) result "memory: $agg, 10x rows (reference)" "${small} kB" "${big} kB" "$r" "-" "-" ;;
            *)    result "memory: ${agg#perfbudget.}, 10x rows" "${small} kB" "${big} kB" "$r" "<= 1.1" "$(meets "$r" '<=' 1.1)" ;;
        esac
    done
}

prepare
run_main main
