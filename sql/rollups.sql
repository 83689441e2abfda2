--
-- rollups — the roll-up aggregates and the reporting views (DESIGN.md §6, §8):
--
--   * the seed document (examples/rugao_2024_hrss.txt) gives, in
--     department_summary, 6 projects, 1151 万元 total, 1052 万元 half-year
--     plan, 92 indicators of which 24 quantitative for 如皋市人力资源和社会
--     保障局 in 2024; every row and column of department_summary,
--     project_summary, indicator_detail and department_review;
--   * quantitative_share, attainment and funding_sum on edge cases: empty
--     input and NULLs, negative amounts, 16 decimals, errors for 17 decimals,
--     NaN, infinity and overflow, rounding to 4 decimals half up;
--   * text I/O of the state types share_state and amount_state;
--   * funding_sum equals sum(numeric) on random amounts;
--   * on 300,000 indicator-like rows the three aggregates run as Partial
--     Aggregate / Gather / Finalize Aggregate with two workers (grouped and
--     not), and give the same answers as a serial plan and as hash and sort
--     grouping.
--
SET search_path = perfbudget, public;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- pg_regress runs psql in the build directory and feeds this file on
-- stdin; PG_ABS_SRCDIR is the directory holding sql/ (the repository root).
\getenv abs_srcdir PG_ABS_SRCDIR
\set seed_doc :abs_srcdir '/examples/rugao_2024_hrss.txt'
\set doc `cat :'seed_doc'`

------------------------------------------------------------------ the seed

-- Start from empty tables and a fresh sequence, so that the ids are 1..6.
DELETE FROM project;
SELECT setval(pg_get_serial_sequence('perfbudget.project', 'id'), 1, false);
SELECT count(*) AS forms FROM import_form(:'doc');

-- The acceptance numbers.
SELECT budget_year, department, projects, total, spend_half_year, indicators,
       quantitative_indicators
FROM department_summary WHERE NOT is_total;
SELECT (budget_year, department, projects, total, spend_half_year, indicators,
        quantitative_indicators)
       = (2024, '如皋市人力资源和社会保障局', 6::bigint, 1151::numeric, 1052::numeric,
          92::bigint, 24::bigint) AS acceptance
FROM department_summary WHERE NOT is_total;

\x on
SELECT * FROM department_summary ORDER BY budget_year, is_total, department;
\x off
SELECT * FROM project_summary ORDER BY project_id;
SELECT * FROM indicator_detail ORDER BY project_id, line_no;
SELECT * FROM department_review ORDER BY budget_year, department;

-- The Chinese twins hold the same rows.
SELECT (SELECT count(*) FROM "部门汇总") AS "部门汇总",
       (SELECT count(*) FROM "项目汇总") AS "项目汇总",
       (SELECT count(*) FROM "指标明细") AS "指标明细",
       (SELECT count(*) FROM "问题清单") AS "问题清单";
SELECT "预算年度", "主管部门", "项目数", "资金总额", "半年计划执行数", "三级指标数", "定量指标数", "量化率"
FROM "部门汇总" ORDER BY "是否合计";

-- The aggregates over the seed's tables agree with count(*) and sum().
SELECT funding_sum(total) AS total, sum(total) AS sum_total,
       funding_sum(spend_half_year) AS half_year, sum(spend_half_year) AS sum_half_year
FROM project;
SELECT quantitative_share(annual_target) AS share,
       round(count(*) FILTER (WHERE perf_symbol(annual_target) <> '定性')::numeric
             / count(annual_target), 4) AS expected
FROM indicator;
-- No actual values yet: nothing to decide.
SELECT attainment(annual_target, actual) FROM indicator;

-- Several departments and years: the seed again under another department
-- (one form kept) and again for 2025; a total row per year.
SELECT count(*) AS forms FROM import_form(replace(:'doc', '如皋市人力资源和社会保障局', '如皋市财政局'));
DELETE FROM project WHERE department = '如皋市财政局' AND name <> '居保转企保参保补助';
SELECT count(*) AS forms FROM import_form(regexp_replace(:'doc', '2024\s*年度', '2025年度', 'g'));
SELECT budget_year, department, is_total, projects, total, spend_half_year, spend_annual,
       half_year_ratio, indicators, quantitative_indicators, quantitative_share,
       issues_error, issues_warning
FROM department_summary ORDER BY budget_year, is_total, department;
SELECT * FROM department_review ORDER BY budget_year, department;
SELECT "预算年度", "主管部门", "是否合计", "项目数", "资金总额", "量化率"
FROM "部门汇总" ORDER BY 1, 3, 2;

DELETE FROM project;
SELECT setval(pg_get_serial_sequence('perfbudget.project', 'id'), 1, false);

------------------------------------------------------------------ edge cases

-- Empty input, and only NULLs: NULL.
SELECT quantitative_share(t) AS share, attainment(t, a) AS attained, funding_sum(x) AS funds
FROM (SELECT NULL::perf_target, NULL::perf_value, NULL::numeric WHERE false) v(t, a, x);
SELECT quantitative_share(t) AS share, attainment(t, a) AS attained, funding_sum(x) AS funds
FROM (VALUES (NULL::perf_target, NULL::perf_value, NULL::numeric),
             (NULL, NULL, NULL)) v(t, a, x);

-- NULLs are skipped: 2 of 3 targets are quantitative, 1 of 2 decidable pairs met.
SELECT quantitative_share(t::perf_target) AS share,
       attainment(t::perf_target, a::perf_value) AS attained,
       funding_sum(x) AS funds, sum(x) AS sum
FROM (VALUES ('≥95%', '96%', 1.5),
             ('充分', NULL, NULL),
             (NULL, '90%', 2.25),
             ('≤7工作日', '9工作日', NULL),
             ('≥95%', '100人', 3)) v(t, a, x);

-- Negative amounts, a sum of zero, the largest display scale kept.
SELECT funding_sum(x) AS funds, sum(x) AS sum
FROM (VALUES (-1.5), (2.25), (-0.75)) v(x);
SELECT funding_sum(x) AS funds, sum(x) AS sum
FROM (VALUES (-1.5), (-2.250), (-100)) v(x);
SELECT funding_sum(x) AS funds, sum(x) AS sum
FROM (VALUES (0), (0.0), (-0.00)) v(x);

-- 16 decimals, and large amounts (36 digits).
SELECT funding_sum(x) AS funds, sum(x) AS sum, funding_sum(x) = sum(x) AS equal
FROM (VALUES (0.0000000000000001), (0.0000000000000002), (-0.0000000000000004)) v(x);
SELECT funding_sum(x) AS funds, funding_sum(x)::text = sum(x)::text AS equal
FROM (VALUES (12345678901234567890.1234567890123456),
             (87654321098765432109.8765432109876544)) v(x);
SELECT funding_sum(x) AS funds, funding_sum(x)::text = sum(x)::text AS equal
FROM (VALUES (-8000000000000000000000), (-0.0000000000000001)) v(x);
-- Trailing zeros beyond 16 decimals are not digits: the value is kept, the
-- display scale stops at 16 (sum() would show 17 decimals).
SELECT funding_sum(x) AS funds, sum(x) AS sum
FROM (VALUES (1.00000000000000000)) v(x);

-- Errors: a 17th decimal, NaN, infinity, a total beyond 38 digits.
SELECT funding_sum(x) FROM (VALUES (1), (0.00000000000000001)) v(x);
SELECT funding_sum(x) FROM (VALUES (1), ('NaN'::numeric)) v(x);
SELECT funding_sum(x) FROM (VALUES ('Infinity'::numeric)) v(x);
SELECT funding_sum(x) FROM (VALUES ('-Infinity'::numeric)) v(x);
SELECT funding_sum(x) FROM (VALUES (10000000000000000000000)) v(x);
SELECT funding_sum(x) FROM (VALUES (5000000000000000000000), (5000000000000000000000)) v(x);

-- Shares are rounded half up to 4 decimals, and always show 4.
SELECT h || '/' || n AS fraction,
       quantitative_share(CASE WHEN i <= h THEN '≥95%' ELSE '充分' END::perf_target) AS share
FROM (VALUES (0, 1), (1, 1), (1, 3), (2, 3), (1, 8), (1, 32), (3, 32), (1, 20000), (1, 20001),
             (24, 92)) v(h, n),
     generate_series(1, n) i
GROUP BY h, n ORDER BY h::numeric / n, n;
SELECT h || '/' || n AS fraction,
       attainment('≥95%'::perf_target, CASE WHEN i <= h THEN '96%' ELSE '90%' END::perf_value) AS attained
FROM (VALUES (0, 2), (1, 3), (2, 3), (5, 6)) v(h, n), generate_series(1, n) i
GROUP BY h, n ORDER BY h::numeric / n;

-- As window aggregates (running, and over a sliding frame that restarts).
SELECT i, t, quantitative_share(t::perf_target) OVER (ORDER BY i) AS running,
       quantitative_share(t::perf_target) OVER (ORDER BY i ROWS 1 PRECEDING) AS last_two,
       funding_sum(x) OVER (ORDER BY i) AS running_funds,
       funding_sum(x) OVER (ORDER BY i ROWS 1 PRECEDING) AS last_two_funds
FROM (VALUES (1, '≥95%', 1.5), (2, '充分', NULL), (3, '充分', 2), (4, '=100%', -0.25),
             (5, NULL, 10)) v(i, t, x)
ORDER BY i;

------------------------------------------------------------------ state types

SELECT '(24,92)'::share_state AS share, '(0,0)'::share_state AS empty,
       ' (3,3)'::share_state AS leading_space;
SELECT s::text::share_state::text = s::text AS round_trip
FROM (VALUES ('(24,92)'::share_state), ('(0,0)'), ('(9223372036854775807,9223372036854775807)')) v(s);
SELECT share_final('(24,92)') AS share, share_final('(0,0)') AS empty,
       share_final(share_combine('(1,3)', '(1,3)')) AS two_sixths;
SELECT '(5,3)'::share_state;
SELECT '(-1,2)'::share_state;
SELECT '(1,2'::share_state;
SELECT '(1,2) x'::share_state;
SELECT '24/92'::share_state;

SELECT '(6,1151,0)'::amount_state AS seed, '(0,0,0)'::amount_state AS empty,
       '(3,-1.50,2)'::amount_state AS negative,
       '(1,0.0000000000000001,16)'::amount_state AS tiny;
SELECT s::text::amount_state::text = s::text AS round_trip
FROM (VALUES ('(6,1151,0)'::amount_state), ('(0,0,0)'), ('(3,-1.50,2)'),
             ('(2,12345678901234567890.1234567890123456,16)'),
             ('(1,-8000000000000000000000.0000000000000001,16)')) v(s);
SELECT amount_sum_final('(6,1151,0)') AS funds, amount_sum_final('(0,0,0)') AS empty,
       amount_sum_final(amount_sum_combine('(1,1.5,1)', '(2,-0.25,2)')) AS combined;
SELECT '(1,0.00000000000000001,16)'::amount_state;
SELECT '(1,1,17)'::amount_state;
SELECT '(-1,1,0)'::amount_state;
SELECT '(1,NaN,0)'::amount_state;
SELECT '(1,1e3,0)'::amount_state;
SELECT '(1,1151)'::amount_state;

-- The state of a real aggregation, read back as text: what Citus ships.
SELECT share_combine('(0,0)', '(24,92)')::text AS share_state_text,
       amount_sum_accum(amount_sum_accum('(0,0,0)', 1151), -0.5)::text AS amount_state_text;

------------------------------------------------------------------ funding_sum = sum(numeric)

-- Random amounts with 0 to 6 decimals, some negative, some NULL, in 20
-- groups: the exact totals and their display scale agree with sum().
CREATE TEMP TABLE amounts AS
SELECT g % 20 AS grp,
       CASE WHEN abs(hashint4(g)) % 20 = 0 THEN NULL
            ELSE round((abs(hashint4(g + 1000000)) % 2000000000 - 200000000)::numeric
                       / 10::numeric ^ (g % 7), g % 7) END AS amount
FROM generate_series(1, 20000) g;
SELECT count(*) AS rows, count(amount) AS amounts,
       count(*) FILTER (WHERE amount < 0) > 0 AS some_negative,
       max(scale(amount)) AS max_scale
FROM amounts;
SELECT funding_sum(amount)::text = sum(amount)::text AS equal_total FROM amounts;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE f::text = s::text) AS equal_groups
FROM (SELECT grp, funding_sum(amount) AS f, sum(amount) AS s FROM amounts GROUP BY grp) t;
DROP TABLE amounts;

------------------------------------------------------------------ parallel plans

-- 300,000 indicator-like rows: 40 departments, a target, an actual and an
-- amount with 0 to 4 decimals; a mix of cells, with NULLs (hashint4 spreads
-- them, the same on every run).
CREATE TABLE rollup_rows (
    department text NOT NULL,
    target     perf_target,
    actual     perf_value,
    amount     numeric
);
INSERT INTO rollup_rows
SELECT '部门' || lpad((g % 40)::text, 2, '0'),
       (ARRAY['≥95%', '充分', '=100%', '≤7工作日', '2024年12月31日', '90%-100%', '≥1000人',
              '定性 100%', '有效保障', NULL])[1 + abs(hashint4(g)) % 10]::perf_target,
       (ARRAY['96%', '90%', '充分', '6工作日', '9工作日', '2024年11月30日', '95%', '1200人',
              '100人', NULL, '部分达成'])[1 + abs(hashint4(g + 1000000)) % 11]::perf_value,
       CASE WHEN g % 17 = 0 THEN NULL
            ELSE round((abs(hashint4(g + 2000000)) % 100000000)::numeric / 10::numeric ^ (g % 5), g % 5) END
FROM generate_series(1, 300000) g;
ANALYZE rollup_rows;

-- EXPLAIN's lines, those matching 'pattern' (EXPLAIN ANALYZE: the lines
-- that do not vary from run to run).
CREATE FUNCTION pg_temp.plan(query text, with_analyze boolean DEFAULT false,
                             pattern text DEFAULT '') RETURNS SETOF text
LANGUAGE plpgsql AS $fn$
DECLARE
    line text;
BEGIN
    FOR line IN EXECUTE format('EXPLAIN (%s COSTS OFF) %s',
                               CASE WHEN with_analyze THEN 'ANALYZE, TIMING OFF, SUMMARY OFF,' ELSE '' END,
                               query)
    LOOP
        IF line ~ pattern THEN
            RETURN NEXT line;
        END IF;
    END LOOP;
END
$fn$;

CREATE TEMP VIEW totals AS
SELECT quantitative_share(target) AS share, attainment(target, actual) AS attained,
       funding_sum(amount) AS funds, sum(amount) AS sum, count(*) AS rows
FROM rollup_rows;
CREATE TEMP VIEW groups AS
SELECT department, quantitative_share(target) AS share, attainment(target, actual) AS attained,
       funding_sum(amount) AS funds, sum(amount) AS sum, count(*) AS rows
FROM rollup_rows GROUP BY department;

-- Serial first: the reference answers.
SET max_parallel_workers_per_gather = 0;
SELECT * FROM pg_temp.plan('SELECT * FROM totals');
CREATE TEMP TABLE serial_totals AS SELECT * FROM totals;
CREATE TEMP TABLE serial_groups AS SELECT * FROM groups;
SELECT * FROM serial_totals;
-- The serial answers agree with counts made without the aggregates.
SELECT share = round(count_quantitative::numeric / count_targets, 4) AS share_ok,
       attained = round(count_met::numeric / count_decided, 4) AS attainment_ok,
       funds::text = sum::text AS funds_ok
FROM serial_totals,
     (SELECT count(target) AS count_targets,
             count(*) FILTER (WHERE perf_symbol(target) <> '定性') AS count_quantitative,
             count(perf_met(target, actual)) AS count_decided,
             count(*) FILTER (WHERE perf_met(target, actual)) AS count_met
      FROM rollup_rows) c;
SELECT count(*) AS groups, count(*) FILTER (WHERE funds::text = sum::text) AS funds_equal_sum,
       sum(rows) AS rows
FROM serial_groups;

-- Two workers, the leader only gathering: every row goes through a worker's
-- transition function and every partial state through the combine function.
-- Each parallel answer is stored by an EXPLAIN ANALYZE of CREATE TABLE AS,
-- which shows that the very query that made it ran in two workers.
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;

SELECT * FROM pg_temp.plan('SELECT * FROM totals');
SELECT * FROM pg_temp.plan('CREATE TEMP TABLE parallel_totals AS SELECT * FROM totals',
                           true, 'Workers Launched|Partial|Finalize');
SELECT (SELECT p::text FROM parallel_totals p) = (SELECT s::text FROM serial_totals s)
       AS same_as_serial;

-- Grouped by department, hash aggregation.
SET enable_hashagg = on;
SET enable_sort = off;
SELECT * FROM pg_temp.plan('SELECT * FROM groups');
SELECT * FROM pg_temp.plan('CREATE TEMP TABLE hash_groups AS SELECT * FROM groups',
                           true, 'Workers Launched|Partial|Finalize');
RESET enable_sort;

-- Grouped by department, sort aggregation.
SET enable_hashagg = off;
SELECT * FROM pg_temp.plan('SELECT * FROM groups');
SELECT * FROM pg_temp.plan('CREATE TEMP TABLE sort_groups AS SELECT * FROM groups',
                           true, 'Workers Launched|Partial|Finalize');
RESET enable_hashagg;

-- Parallel hash, parallel sort and serial grouping agree, row for row and
-- digit for digit (rows compared as text: 1.50 and 1.5 differ).
SELECT (SELECT count(*) FROM serial_groups) AS groups,
       (SELECT count(*) FROM (SELECT h::text FROM hash_groups h
                              EXCEPT SELECT s::text FROM serial_groups s) d) AS hash_not_serial,
       (SELECT count(*) FROM (SELECT s::text FROM serial_groups s
                              EXCEPT SELECT h::text FROM hash_groups h) d) AS serial_not_hash,
       (SELECT count(*) FROM (SELECT o::text FROM sort_groups o
                              EXCEPT SELECT s::text FROM serial_groups s) d) AS sort_not_serial,
       (SELECT count(*) FROM (SELECT s::text FROM serial_groups s
                              EXCEPT SELECT o::text FROM sort_groups o) d) AS serial_not_sort,
       (SELECT count(*) FROM (SELECT h::text FROM hash_groups h
                              EXCEPT SELECT o::text FROM sort_groups o) d) AS hash_not_sort,
       (SELECT count(*) FROM (SELECT o::text FROM sort_groups o
                              EXCEPT SELECT h::text FROM hash_groups h) d) AS sort_not_hash;
-- The group totals add up to the grand total.
SELECT sum(rows) AS rows, sum(funds) = (SELECT funds FROM serial_totals) AS funds_add_up
FROM hash_groups;
SELECT * FROM sort_groups ORDER BY department LIMIT 5;

RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
DROP TABLE rollup_rows CASCADE;

-- Regions (issue 8): the same department name in two regions is two
-- departments in every roll-up; region_summary has one row per year and
-- region and the year's total.  Two forms of 海安市 and one of 江苏省 beside
-- the six of 如皋 (whose region stays NULL: entered without one).
BEGIN;
INSERT INTO project (id, budget_year, region, region_level, name, department, total,
                     fiscal_subtotal, general_budget, spend_half_year, spend_annual) VALUES
    (101, 2024, '海安市', '市级', '就业补助', '人力资源和社会保障局', 10, 10, 10, 4, 10),
    (102, 2024, '海安市', '市级', '社保经办', '人力资源和社会保障局', 20, 20, 20, 8, 20),
    (103, 2024, '江苏省', '省级', '就业补助', '人力资源和社会保障局', 300, 300, 300, 100, 300);
INSERT INTO expenditure (project_id, line_no, item, half_year, annual) VALUES
    (101, 1, '补助', 4, 10), (102, 1, '经办', 8, 20), (103, 1, '补助', 100, 300);
INSERT INTO indicator (project_id, line_no, level1, level2, level3, annual_target) VALUES
    (101, 1, '产出指标', '数量指标', '补助人数', '≥100人'),
    (102, 1, '产出指标', '数量指标', '经办笔数', '≥1000笔'),
    (102, 2, '满意度指标', '服务对象满意度指标', '满意度', '≥95%'),
    (103, 1, '效益指标', '社会效益指标', '就业率', '充分');
SELECT region, department, projects, total, spend_half_year, indicators, quantitative_indicators, is_total
FROM department_summary WHERE budget_year = 2024 ORDER BY is_total, region NULLS FIRST, department;
SELECT region, projects, departments, total, half_year_ratio, indicators, quantitative_share, is_total
FROM region_summary WHERE budget_year = 2024 ORDER BY is_total, region NULLS FIRST;
SELECT "行政区划", "项目数", "部门数", "资金总额" FROM "地区汇总" ORDER BY "是否合计", "行政区划" NULLS FIRST;
-- region totals add up to the year's total, and the departments' to the regions'
SELECT (SELECT sum(total) FROM region_summary WHERE NOT is_total)
     = (SELECT total FROM region_summary WHERE is_total) AS regions_add_up,
       (SELECT sum(total) FROM department_summary WHERE NOT is_total AND region = '海安市')
     = (SELECT total FROM region_summary WHERE region = '海安市') AS departments_add_up;
SELECT region, department, projects FROM department_review WHERE budget_year = 2024
ORDER BY region NULLS FIRST, department;
SELECT DISTINCT region, project_name FROM project_summary WHERE region IS NOT NULL ORDER BY 1, 2;
SELECT DISTINCT region, project_name FROM indicator_detail WHERE region IS NOT NULL ORDER BY 1, 2;
SELECT DISTINCT region, code FROM form_issues WHERE region IS NOT NULL ORDER BY 1, 2;
ROLLBACK;
