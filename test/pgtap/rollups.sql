--
-- test/pgtap/rollups.sql — the roll-up aggregates and the reporting views
-- (pg_prove, run from the repository root: the seed is read with a psql
-- backquote relative to it).
--
-- The acceptance numbers of the seed in department_summary; the aggregates
-- can run in parallel and on Citus (a combine function, a state type that
-- is not 'internal' and has text and binary I/O, PARALLEL SAFE all the
-- way); the reporting views are what BI tools can read (security_invoker,
-- only built-in column types, a comment on every column).
-- Everything runs in one transaction that is rolled back.
--
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS pg_perfbudget;
SET search_path = perfbudget, public;
\set doc `cat examples/rugao_2024_hrss.txt`
BEGIN;
SELECT plan(45);

-- The tables may hold forms of other tests: work on empty ones.
DELETE FROM project;
SELECT is((SELECT count(*) FROM import_form(:'doc')), 6::bigint, 'the seed imports six forms');

------------------------------------------------------------------ acceptance

SELECT results_eq(
    $$SELECT projects, total, spend_half_year, indicators, quantitative_indicators
      FROM perfbudget.department_summary
      WHERE budget_year = 2024 AND department = '如皋市人力资源和社会保障局'$$,
    $$VALUES (6::bigint, 1151::numeric, 1052::numeric, 92::bigint, 24::bigint)$$,
    'department_summary: 6 projects, 1151 万元, 1052 万元 half-year plan, 92 indicators, 24 quantitative');
SELECT results_eq(
    $$SELECT projects, total, spend_half_year, indicators, quantitative_indicators, quantitative_share
      FROM perfbudget.department_summary WHERE budget_year = 2024 AND is_total$$,
    $$VALUES (6::bigint, 1151::numeric, 1052::numeric, 92::bigint, 24::bigint, 0.2609)$$,
    'department_summary: the total row of 2024 equals the one department');
SELECT results_eq(
    $$SELECT "项目数", "资金总额", "半年计划执行数", "三级指标数", "定量指标数"
      FROM perfbudget."部门汇总" WHERE "预算年度" = 2024 AND "主管部门" = '如皋市人力资源和社会保障局'$$,
    $$VALUES (6::bigint, 1151::numeric, 1052::numeric, 92::bigint, 24::bigint)$$,
    '部门汇总 holds the same numbers');
SELECT results_eq(
    $$SELECT sum(total), sum(spend_half_year), sum(indicators), sum(quantitative_indicators)
      FROM perfbudget.project_summary$$,
    $$VALUES (1151::numeric, 1052::numeric, 92::numeric, 24::numeric)$$,
    'project_summary adds up to department_summary');
SELECT is((SELECT count(*) FROM indicator_detail), 92::bigint, 'indicator_detail: 92 rows');
SELECT results_eq(
    $$SELECT projects, largest_identical_set, projects_sharing_set, indicators, qualitative_share
      FROM perfbudget.department_review$$,
    $$VALUES (6::bigint, 3::bigint, 3::numeric, 92::bigint, 0.7391)$$,
    'department_review: three projects share one indicator set, 73.91% qualitative');
SELECT is(
    (SELECT quantitative_share(annual_target) FROM indicator), 0.2609,
    'quantitative_share over the seed is 24/92 = 0.2609');
SELECT is(
    (SELECT funding_sum(total) FROM project), 1151::numeric, 'funding_sum over the seed is 1151');

------------------------------------------------------------------ aggregates

SELECT has_function('perfbudget', 'quantitative_share', ARRAY['perf_target'], 'quantitative_share(perf_target) exists');
SELECT has_function('perfbudget', 'attainment', ARRAY['perf_target', 'perf_value'], 'attainment(perf_target, perf_value) exists');
SELECT has_function('perfbudget', 'funding_sum', ARRAY['numeric'], 'funding_sum(numeric) exists');

CREATE TEMP VIEW agg AS
SELECT p.proname::text COLLATE "default" AS proname, a.aggcombinefn, a.aggtranstype::regtype::text AS stype, a.aggkind,
       p.proparallel, a.aggtransfn, a.aggfinalfn
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE p.pronamespace = 'perfbudget'::regnamespace;

SELECT set_eq('SELECT proname FROM agg',
              ARRAY['quantitative_share', 'attainment', 'funding_sum'],
              'the three aggregates of the extension');
SELECT is_empty('SELECT proname FROM agg WHERE aggcombinefn = 0',
                'every aggregate has a combine function');
SELECT is_empty($$SELECT proname FROM agg WHERE stype = 'internal'$$,
                'no aggregate keeps its state in internal');
SELECT results_eq('SELECT proname, stype FROM agg ORDER BY 1',
                  $$VALUES ('attainment', 'share_state'), ('funding_sum', 'amount_state'),
                           ('quantitative_share', 'share_state')$$,
                  'state types: share_state and amount_state');
SELECT is_empty($$SELECT proname FROM agg WHERE proparallel <> 's'$$,
                'every aggregate is PARALLEL SAFE');
SELECT is_empty($$SELECT proname FROM agg WHERE aggkind <> 'n'$$, 'all are plain aggregates');
SELECT is_empty(
    $$SELECT f::regproc FROM agg, LATERAL (VALUES (aggtransfn), (aggcombinefn), (aggfinalfn)) v(f)
      JOIN pg_proc p ON p.oid = v.f WHERE p.proparallel <> 's'$$,
    'their transition, combine and final functions are PARALLEL SAFE');
SELECT is_empty(
    $$SELECT f::regproc FROM agg, LATERAL (VALUES (aggtransfn), (aggcombinefn), (aggfinalfn)) v(f)
      JOIN pg_proc p ON p.oid = v.f JOIN pg_language l ON l.oid = p.prolang WHERE l.lanname <> 'c'$$,
    'their transition, combine and final functions are written in C');
-- Citus ships partial states as text: both state types need text I/O
-- (and binary I/O for COPY BINARY between nodes).
SELECT is_empty(
    $$SELECT t.typname FROM pg_type t
      WHERE t.typname IN ('share_state', 'amount_state') AND t.typnamespace = 'perfbudget'::regnamespace
        AND (t.typinput = 0 OR t.typoutput = 0 OR t.typreceive = 0 OR t.typsend = 0)$$,
    'share_state and amount_state have text and binary I/O');
SELECT is('(24,92)'::share_state::text, '(24,92)', 'share_state text round trip');
SELECT is('(6,1151,0)'::amount_state::text, '(6,1151,0)', 'amount_state text round trip');
SELECT throws_ok($$SELECT '(5,3)'::perfbudget.share_state$$, '22P02', NULL,
                 'share_state refuses hits above total');
SELECT throws_ok($$SELECT '(1,0.00000000000000001,16)'::perfbudget.amount_state$$, '22P02', NULL,
                 'amount_state refuses a 17th decimal');

SELECT is((SELECT quantitative_share(t) FROM (SELECT NULL::perf_target WHERE false) v(t)),
          NULL::numeric, 'quantitative_share of nothing is NULL');
SELECT is((SELECT funding_sum(x) FROM (VALUES (NULL::numeric)) v(x)),
          NULL::numeric, 'funding_sum of only NULLs is NULL');
SELECT results_eq(
    $$SELECT quantitative_share(CASE WHEN i <= 1 THEN '≥95%' ELSE '充分' END::perfbudget.perf_target),
             quantitative_share(CASE WHEN i <= 2 THEN '≥95%' ELSE '充分' END::perfbudget.perf_target)
      FROM generate_series(1, 3) i$$,
    $$VALUES (0.3333, 0.6667)$$,
    'shares are rounded to 4 decimals: 1/3 = 0.3333, 2/3 = 0.6667');
SELECT is((SELECT funding_sum(x) FROM (VALUES (-1.5), (0.0000000000000001)) v(x)),
          -1.4999999999999999, 'funding_sum: negative amounts, 16 decimals');
SELECT throws_ok($$SELECT perfbudget.funding_sum(x) FROM (VALUES (0.00000000000000001)) v(x)$$,
                 '22003', 'funding_sum keeps at most 16 decimals', 'funding_sum: a 17th decimal is an error');
SELECT throws_ok($$SELECT perfbudget.funding_sum(x) FROM (VALUES ('NaN'::numeric)) v(x)$$,
                 '22003', 'funding_sum cannot add NaN or infinity', 'funding_sum: NaN is an error');

------------------------------------------------------------------ views

CREATE TEMP VIEW report_views(name) AS
VALUES ('project_summary'), ('department_summary'), ('indicator_detail'), ('department_review'),
       ('form_issues'), ('部门汇总'), ('项目汇总'), ('指标明细'), ('问题清单');

SELECT is_empty(
    $$SELECT name FROM report_views
      WHERE to_regclass('perfbudget.' || quote_ident(name)) IS NULL$$,
    'the reporting views exist');
SELECT is_empty(
    $$SELECT name FROM report_views v JOIN pg_class c ON c.oid = ('perfbudget.' || quote_ident(name))::regclass
      WHERE NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)$$,
    'every reporting view is security_invoker');
SELECT is_empty(
    $$SELECT v.name, a.attname, format_type(a.atttypid, a.atttypmod)
      FROM report_views v
      JOIN pg_attribute a ON a.attrelid = ('perfbudget.' || quote_ident(v.name))::regclass
      JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attnum > 0 AND NOT a.attisdropped AND t.typnamespace <> 'pg_catalog'::regnamespace$$,
    'every column of the reporting views has a built-in type');
SELECT is_empty(
    $$SELECT v.name, a.attname
      FROM report_views v
      JOIN pg_attribute a ON a.attrelid = ('perfbudget.' || quote_ident(v.name))::regclass
      WHERE a.attnum > 0 AND NOT a.attisdropped AND v.name ~ '^[a-z_]+$'
        AND a.attname !~ '^[a-z][a-z0-9_]*$'$$,
    'the English views have snake_case column names');
SELECT is_empty(
    $$SELECT name FROM report_views
      WHERE obj_description(('perfbudget.' || quote_ident(name))::regclass, 'pg_class') IS NULL$$,
    'every reporting view has a comment');

-- One test per view: the columns without a comment (pg_description).
CREATE FUNCTION pg_temp.uncommented(view_name text) RETURNS SETOF name
LANGUAGE sql AS $$
    SELECT a.attname FROM pg_attribute a
    WHERE a.attrelid = ('perfbudget.' || quote_ident(view_name))::regclass
      AND a.attnum > 0 AND NOT a.attisdropped
      AND col_description(a.attrelid, a.attnum) IS NULL
    ORDER BY a.attnum
$$;
SELECT is_empty(format('SELECT * FROM pg_temp.uncommented(%L)', name),
                format('every column of %s has a comment', name))
FROM report_views ORDER BY name COLLATE "C";

SELECT * FROM finish();
ROLLBACK;
