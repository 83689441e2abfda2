--
-- evaluation.sql — the objects of monitoring and self-evaluation (issue 10)
-- are what BI tools and the style rules expect: the reporting views are
-- security_invoker with built-in column types and a comment on every column;
-- every new table, column and function has a comment; the scoring
-- functions carry their true volatility, STRICT and PARALLEL SAFE; a point
-- query of project_score or evaluation_issues reads one project through the
-- primary keys.  Everything runs in one transaction that is rolled back.
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

BEGIN;
SELECT plan(10);

CREATE TEMP VIEW report_views(name) AS
VALUES ('project_score'), ('department_score'), ('monitoring_alerts'), ('monitoring_summary'),
       ('evaluation_issues'), ('evaluation_rule'), ('项目得分'), ('部门得分'), ('监控预警'), ('监控汇总');

SELECT is_empty(
    $$SELECT name FROM report_views v JOIN pg_class c ON c.oid = ('perfbudget.' || quote_ident(name))::regclass
      WHERE NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)$$,
    'every evaluation reporting view is security_invoker');
SELECT is_empty(
    $$SELECT v.name, a.attname, format_type(a.atttypid, a.atttypmod)
      FROM report_views v
      JOIN pg_attribute a ON a.attrelid = ('perfbudget.' || quote_ident(v.name))::regclass
      JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attnum > 0 AND NOT a.attisdropped AND t.typnamespace <> 'pg_catalog'::regnamespace$$,
    'every column of the evaluation reporting views has a built-in type');
SELECT is_empty(
    $$SELECT c.relname, a.attname
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = 'perfbudget'::regnamespace
        AND c.relname IN ('monitoring', 'indicator_monitoring', 'self_evaluation', 'evaluation_setting',
                          'evaluation_rule', 'indicator_score', 'project_score', 'department_score',
                          'monitoring_alerts', 'monitoring_summary', 'evaluation_issues',
                          '项目得分', '部门得分', '监控预警', '监控汇总')
        AND a.attnum > 0 AND NOT a.attisdropped AND col_description(c.oid, a.attnum) IS NULL$$,
    'every column of the evaluation tables and views has a comment');
SELECT is_empty(
    $$SELECT c.relname FROM pg_class c
      WHERE c.relnamespace = 'perfbudget'::regnamespace
        AND c.relname IN ('monitoring', 'indicator_monitoring', 'self_evaluation', 'evaluation_setting',
                          'evaluation_rule', 'indicator_score', 'project_score', 'department_score',
                          'monitoring_alerts', 'monitoring_summary', 'evaluation_issues',
                          '项目得分', '部门得分', '监控预警', '监控汇总')
        AND obj_description(c.oid, 'pg_class') IS NULL$$,
    'every evaluation table and view has a comment');
SELECT is_empty(
    $$SELECT p.oid::regprocedure FROM pg_proc p
      WHERE p.pronamespace = 'perfbudget'::regnamespace
        AND (p.proname LIKE 'perf_score%' OR p.proname LIKE '%evaluation%' OR p.proname LIKE '%monitoring%'
             OR p.proname IN ('perf_ratio', 'score_grade', 'score_group'))
        AND obj_description(p.oid, 'pg_proc') IS NULL$$,
    'every evaluation function has a comment');
SELECT is_empty(
    $$SELECT p.oid::regprocedure FROM pg_proc p
      WHERE p.pronamespace = 'perfbudget'::regnamespace
        AND p.proname IN ('perf_score', 'perf_score_range', 'perf_ratio', 'parse_self_evaluation',
                          'parse_monitoring', 'score_grade', 'score_group')
        AND NOT (p.provolatile = 'i' AND p.proisstrict AND p.proparallel = 's')$$,
    'the scoring and parsing functions are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is_empty(
    $$SELECT p.oid::regprocedure FROM pg_proc p
      WHERE p.pronamespace = 'perfbudget'::regnamespace
        AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'plpgsql')
        AND (p.proname LIKE '%evaluation%' OR p.proname LIKE '%monitoring%')
        AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)$$,
    'the PL/pgSQL import functions pin search_path');

-- point queries by project: the primary keys, no scan of a whole table
INSERT INTO project (id, budget_year, name, department, total, fiscal_subtotal, general_budget,
                     spend_half_year, spend_annual, spend_executed)
SELECT g, 2024, 'pgtap evaluation ' || g, 'd' || (g % 7), 10, 10, 10, 5, 10, 9
FROM generate_series(900001, 902000) g;
INSERT INTO expenditure SELECT id, 1, 'x', 5, 10 FROM project WHERE id > 900000;
INSERT INTO indicator (project_id, line_no, level1, level2, level3, annual_target, actual)
SELECT p.id, l, '产出指标', '数量指标', 'i' || l, '≥95%', '96%' FROM project p, generate_series(1, 5) l WHERE p.id > 900000;
ANALYZE project; ANALYZE indicator; ANALYZE expenditure;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; out text := '';
BEGIN
    FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP out := out || r || E'\n'; END LOOP;
    RETURN out;
END $$;
SELECT unalike(pg_temp.plan_of('SELECT * FROM perfbudget.project_score WHERE project_id = 900077'),
              '%Seq Scan on indicator %', 'project_score of one project: no scan of indicator');
SELECT unalike(pg_temp.plan_of('SELECT * FROM perfbudget.evaluation_issues WHERE project_id = 900077'),
              '%Seq Scan on indicator %', 'evaluation_issues of one project: no scan of indicator');
SELECT is((SELECT total_score FROM project_score WHERE project_id = 900077), 98.33::numeric,
          'a project with only 产出 rows: (9 + 50) × 100 / 60 = 98.33');

SELECT * FROM finish();
ROLLBACK;
