#!/bin/bash
# bench/parse.sh — cost of parsing an indicator cell (text -> perf_target).
#
#   1. vs numeric input: count(t::perf_target) over N text cells in a realistic
#      mix (the seed's proportions plus the shapes of DOMAIN.md §4) against
#      count(n::numeric) over N numeric-looking cells in the same rows.
#      Target (DESIGN §8): ≤ 1.2×.  Reported twice: the whole query, and net of
#      the scan (each minus count() of the uncast column), i.e. per-value cost.
#   2. vs a PL/pgSQL + regexp parser (written below, a plausible one: normalise
#      full-width characters, regexp_match on comparator / number / unit, then
#      dates, ranges and phrases) on a subset.  Target: ≥ 30× faster.
#
# Run inside a cluster (PG* set, e.g. by pg_virtualenv); bench/run does that.
. "$(dirname "$0")/lib.sh"

N=$(rows 1000000)
NSMALL=$(rows 100000)

prepare () {
    bench_setup
    bpsql <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench.parse_rows, bench.parse_small;
CREATE TABLE bench.parse_rows AS
WITH c AS MATERIALIZED (SELECT bench.mix_array('bench.cell_mix') AS a),
     m AS MATERIALIZED (SELECT bench.mix_array('bench.number_mix') AS b)
SELECT c.a[1 + (i * 7919) % cardinality(c.a)] AS t,
       m.b[1 + (i * 7919) % cardinality(m.b)] AS n
FROM c, m,
     generate_series(1::bigint, $N) i;
CREATE TABLE bench.parse_small AS SELECT * FROM bench.parse_rows LIMIT $NSMALL;
VACUUM ANALYZE bench.parse_rows;
VACUUM ANALYZE bench.parse_small;

DROP TYPE IF EXISTS bench.parsed CASCADE;
CREATE TYPE bench.parsed AS (symbol text, kind text, number numeric, unit text, base numeric);

-- The kind of parser one writes first: normalise, then regular expressions.
CREATE FUNCTION bench.regexp_target(cell text) RETURNS bench.parsed
LANGUAGE plpgsql IMMUTABLE STRICT AS \$fn\$
DECLARE
  s    text;
  m    text[];
  sym  text;
  num  numeric;
  unit text;
  mult numeric := 1;
BEGIN
  s := translate(cell, '＞＜＝％．，０１２３４５６７８９　 ', '><=%.,0123456789');
  s := regexp_replace(s, '^定性[:：]?', '');
  -- word comparators
  m := regexp_match(s, '^(不低于|不少于|不高于|不超过|超过|高于|大于|低于|少于|不满|达到|等于)(.*)$');
  IF m IS NOT NULL THEN
    sym := CASE m[1] WHEN '不低于' THEN '≥' WHEN '不少于' THEN '≥' WHEN '不高于' THEN '≤'
                     WHEN '不超过' THEN '≤' WHEN '超过' THEN '>' WHEN '高于' THEN '>'
                     WHEN '大于' THEN '>' WHEN '低于' THEN '<' WHEN '少于' THEN '<'
                     WHEN '不满' THEN '<' ELSE '=' END;
    s := m[2];
  END IF;
  -- ranges and periods
  IF s ~ '^±' THEN
    RETURN ROW('区间', 'range', NULL, NULL, NULL)::bench.parsed;
  END IF;
  IF s ~ '^[0-9.]+(%|年|月)?[0-9年月日.]*-+[0-9.]+(%|年|月)?[0-9年月日.]*$' THEN
    RETURN ROW('区间', 'range', NULL, NULL, NULL)::bench.parsed;
  END IF;
  -- dates and deadlines
  IF s ~ '^([0-9]{4}年)?([0-9]{1,2}月)?([0-9]{1,2}日|底|末)?(前|之前|到位|之前完成)?$'
     AND s ~ '[年月]' THEN
    RETURN ROW(coalesce(sym, '='), 'date', NULL, NULL, NULL)::bench.parsed;
  END IF;
  -- comparator, number, unit, trailing word
  m := regexp_match(s, '^(>=|<=|==|≥|≤|≧|≦|⩾|⩽|>|<|=|═)?([0-9][0-9,]*(?:\.[0-9]+)?)(%|百分比)?([^()（）]*?)(以上|以下|以内)?([(（].*)?$');
  IF m IS NULL THEN
    IF s ~ '\*' OR s ~ '^[0-9]' THEN
      RAISE EXCEPTION 'invalid indicator cell: "%"', cell USING ERRCODE = '22P02';
    END IF;
    RETURN ROW('定性', 'qualitative', NULL, NULL, NULL)::bench.parsed;
  END IF;
  IF m[1] IS NOT NULL THEN
    sym := CASE m[1] WHEN '>=' THEN '≥' WHEN '≧' THEN '≥' WHEN '⩾' THEN '≥'
                     WHEN '<=' THEN '≤' WHEN '≦' THEN '≤' WHEN '⩽' THEN '≤'
                     WHEN '==' THEN '=' WHEN '═' THEN '=' ELSE m[1] END;
  END IF;
  sym := coalesce(sym, CASE m[5] WHEN '以上' THEN '≥' WHEN '以下' THEN '≤'
                                 WHEN '以内' THEN '≤' ELSE '=' END);
  num := replace(m[2], ',', '')::numeric;
  IF m[3] IS NOT NULL THEN
    RETURN ROW(sym, 'percent', num, '%', num)::bench.parsed;
  END IF;
  unit := nullif(m[4], '');
  IF unit ~ '^万' THEN mult := 10000;
  ELSIF unit ~ '^亿' THEN mult := 100000000;
  ELSIF unit ~ '^千' THEN mult := 1000;
  END IF;
  RETURN ROW(sym, 'quantity', num, unit, num * mult)::bench.parsed;
END
\$fn\$;
SQL
}

main () {
    echo "# parse: $N rows ($(bpsql -c "SELECT count(DISTINCT t) FROM bench.parse_small") distinct cells); regexp comparison on $NSMALL rows; $BENCH_REPS reps"
    local r scan_t num scan_n ours
    mapfile -t r < <(explain_times "" \
        "SELECT count(t) FROM bench.parse_rows" \
        "SELECT count(n::numeric) FROM bench.parse_rows" \
        "SELECT count(n) FROM bench.parse_rows" \
        "SELECT count(t::perfbudget.perf_target) FROM bench.parse_rows")
    scan_t=${r[0]%% *}; num=${r[1]%% *}; scan_n=${r[2]%% *}; ours=${r[3]%% *}
    echo "# count(t) ${r[0]} | count(n::numeric) ${r[1]} | count(n) ${r[2]} | count(t::perf_target) ${r[3]}  (median min workers, ms)"
    local rq net_num net_ours
    rq=$(ratio "$ours" "$num")
    result "parse: t::perf_target vs n::numeric (query)" "$(fmt_ms "$num")" "$(fmt_ms "$ours")" "$rq" "<= 1.2" "$(meets "$rq" '<=' 1.2)"
    net_num=$(awk -v a="$num" -v b="$scan_n" -v n="$N" 'BEGIN { printf "%.1f", (a - b) * 1e6 / n }')
    net_ours=$(awk -v a="$ours" -v b="$scan_t" -v n="$N" 'BEGIN { printf "%.1f", (a - b) * 1e6 / n }')
    rq=$(ratio "$net_ours" "$net_num")
    result "parse: per value, net of scan" "$net_num ns" "$net_ours ns" "$rq" "<= 1.2" "$(meets "$rq" '<=' 1.2)"

    mapfile -t r < <(explain_times "" \
        "SELECT count(bench.regexp_target(t)) FROM bench.parse_small" \
        "SELECT count(t::perfbudget.perf_target) FROM bench.parse_small")
    echo "# $NSMALL rows: regexp_target ${r[0]} | perf_target ${r[1]}  (median min workers, ms)"
    local rx=${r[0]%% *} ours_s=${r[1]%% *}
    rq=$(ratio "$rx" "$ours_s")
    result "parse: PL/pgSQL+regexp / perf_target (speed-up)" "$(fmt_ms "$rx")" "$(fmt_ms "$ours_s")" "$rq" ">= 30" "$(meets "$rq" '>=' 30)"
}

prepare
run_main main
