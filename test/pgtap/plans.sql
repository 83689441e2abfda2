--
-- test/pgtap/plans.sql — point queries through every view reach an index
-- (issue 9, part 3).
--
-- A test-sized province: the six seed forms copied 1,000 times (6,006
-- forms, about 92,000 indicator rows) over 89 regions, 31 department names
-- (the same name in many regions) and 5 years, a quarter of them
-- self-evaluated and another quarter monitored, then ANALYZE, default
-- planner settings (a smaller set lets the planner rightly prefer reading a
-- small table whole, which proves nothing about a province).
-- For a filter on one project, one department and year, or one region and
-- year, through each view and its Chinese twin, the plan (EXPLAIN, JSON)
-- must read project, expenditure and indicator through indexes only: no
-- sequential scan of them.  A full read must have no nested loop that scans
-- a table per row (checked as: no Seq Scan under a loop with more than one
-- iteration is possible without ANALYZE; we check instead that it finishes
-- in one pass by counting plan nodes that scan indicator: at most one per
-- branch that needs it).
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
\set seed_forms `sed -e "/^BEGIN;$/d" -e "/^COMMIT;$/d" examples/seed_forms.sql`
BEGIN;
SELECT plan(30);

DELETE FROM project;
:seed_forms
CREATE TEMP TABLE k AS
SELECT g, 'R' || (g % 89) AS region, 'D' || (g % 31) AS department FROM generate_series(1, 1000) g;
INSERT INTO project (id, budget_year, region, name, department, implementing_unit, total,
                     fiscal_subtotal, general_budget, spend_half_year, spend_annual,
                     start_month, end_month, annual_goal, long_term_goal)
SELECT 1000 + k.g * 6 + p.id, 2020 + k.g % 5, k.region, p.name || k.g, k.department,
       p.implementing_unit, p.total, p.fiscal_subtotal, p.general_budget, p.spend_half_year,
       p.spend_annual, p.start_month, p.end_month, p.annual_goal, p.long_term_goal
FROM k, project p WHERE p.id <= 6;
INSERT INTO expenditure
SELECT 1000 + k.g * 6 + e.project_id, e.line_no, e.item, e.half_year, e.annual
FROM k, expenditure e WHERE e.project_id <= 6;
INSERT INTO indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
SELECT 1000 + k.g * 6 + i.project_id, i.line_no, i.level1, i.level2, i.level3,
       i.half_year_target, i.annual_target
FROM k, indicator i WHERE i.project_id <= 6;
-- the rest of the year for a share of the forms (issue 10): a quarter
-- self-evaluated (全年执行数, actuals, some scores, a self_evaluation row),
-- another quarter with a monitoring report and its indicator rows
UPDATE project SET spend_executed = round(spend_annual * (0.5 + (id % 7) / 10.0), 2)
WHERE id > 1000 AND id % 4 = 0;
INSERT INTO self_evaluation (project_id, execution_weight, execution_score, total_score, grade)
SELECT id, 10, 9, 95, CASE WHEN id % 8 = 0 THEN '良' ELSE '优' END FROM project WHERE id > 1000 AND id % 4 = 0;
UPDATE indicator i SET actual = perf_value_of(annual_target), score = CASE WHEN line_no % 3 = 0 THEN 5 END
WHERE project_id > 1000 AND project_id % 4 = 0 AND annual_target IS NOT NULL AND perf_symbol(annual_target) <> '定性';
INSERT INTO monitoring (project_id, as_of, executed)
SELECT id, make_date(budget_year, 6, 30), round(spend_annual * (id % 5) / 10.0, 2)
FROM project WHERE id > 1000 AND id % 4 = 1;
INSERT INTO indicator_monitoring (project_id, as_of, line_no, completed, expected, likelihood)
SELECT i.project_id, m.as_of, i.line_no, perf_value_of(i.annual_target), perf_value_of(i.annual_target),
       (ARRAY['确定能', '有可能', '完全不可能'])[1 + i.line_no % 3]
FROM indicator i JOIN monitoring m ON m.project_id = i.project_id WHERE i.annual_target IS NOT NULL;
SET CONSTRAINTS ALL IMMEDIATE;
ANALYZE project;
ANALYZE expenditure;
ANALYZE indicator;
ANALYZE issue_finding;
ANALYZE monitoring;
ANALYZE indicator_monitoring;
ANALYZE self_evaluation;

-- The whole-table reads of the three tables and of the stored findings in
-- the plan of a query: a
-- sequential scan, or an index scan without an index condition (which
-- walks the whole index).
CREATE FUNCTION pg_temp.seq_scans(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    plan jsonb;
    found text;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
    WITH RECURSIVE node(n) AS (
        SELECT plan -> 0 -> 'Plan'
        UNION ALL
        SELECT c FROM node, jsonb_array_elements(coalesce(n -> 'Plans', '[]')) c
    )
    SELECT string_agg(n ->> 'Node Type' || ' on ' || (n ->> 'Relation Name'), ', '
                      ORDER BY n ->> 'Relation Name') INTO found
    FROM node
    WHERE n ->> 'Relation Name' IN ('project', 'expenditure', 'indicator', 'issue_finding',
                                    'monitoring', 'indicator_monitoring', 'self_evaluation')
      AND (n ->> 'Node Type' = 'Seq Scan'
           OR (n ->> 'Node Type' IN ('Index Scan', 'Index Only Scan') AND NOT n ? 'Index Cond'));
    RETURN coalesce(found, 'none');
END
$$;

SELECT is(pg_temp.seq_scans($$SELECT * FROM project_summary WHERE region = 'R30' AND department = 'D5' AND budget_year = 2021$$), 'none',
          'project_summary of one department and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM project_summary WHERE region = 'R30' AND budget_year = 2021$$), 'none',
          'project_summary of one region and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM department_summary WHERE region = 'R30' AND department = 'D5' AND budget_year = 2021$$), 'none',
          'department_summary of one department and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM department_summary WHERE region = 'R30' AND department = 'D5'$$), 'none',
          'department_summary of one department, all years: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM department_summary WHERE region = 'R30' AND budget_year = 2021$$), 'none',
          'department_summary of one region and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM region_summary WHERE region = 'R30' AND budget_year = 2021$$), 'none',
          'region_summary of one region and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM form_issues WHERE region = 'R30' AND department = 'D5' AND budget_year = 2021$$), 'none',
          'form_issues of one department and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM form_issues WHERE region = 'R30' AND budget_year = 2021$$), 'none',
          'form_issues of one region and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM indicator_detail WHERE project_id = 1100$$), 'none',
          'indicator_detail of one project: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM indicator_detail WHERE region = 'R30' AND department = 'D5' AND budget_year = 2021$$), 'none',
          'indicator_detail of one department and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM department_review WHERE region = 'R30' AND department = 'D5' AND budget_year = 2021$$), 'none',
          'department_review of one department and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM "部门汇总" WHERE "行政区划" = 'R30' AND "主管部门" = 'D5' AND "预算年度" = 2021$$), 'none',
          '部门汇总 of one department and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM "地区汇总" WHERE "行政区划" = 'R30' AND "预算年度" = 2021$$), 'none',
          '地区汇总 of one region and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM "指标明细" WHERE "项目编号" = 1100$$), 'none',
          '指标明细 of one project: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM "问题清单" WHERE "行政区划" = 'R30' AND "主管部门" = 'D5' AND "预算年度" = 2021$$), 'none',
          '问题清单 of one department and year: indexes only');

-- One project: the boilerplate rule joins the form's stored fingerprint
-- (project_fingerprint) and its group's count (fingerprint_group) by keys,
-- so the filter on the project id reaches every table's index (it used to
-- stop at a window over every form's fingerprint).
SELECT is(pg_temp.seq_scans($$SELECT * FROM project_summary WHERE project_id = 1100$$), 'none',
          'project_summary of one project: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM "项目汇总" WHERE "项目编号" = 1100$$), 'none',
          '项目汇总 of one project: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM form_issues WHERE project_id = 1100$$), 'none',
          'form_issues of one project: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM "问题清单" WHERE "项目编号" = 1100$$), 'none',
          '问题清单 of one project: indexes only');

-- The stored findings: the commit-time recomputation of a batch of forms
-- (findings_computed, inlined) reads every table through its index, and so
-- does a point query of a transaction that has forms pending (their
-- findings computed at read time).
SELECT is(pg_temp.seq_scans($$SELECT * FROM findings_computed(ARRAY[1100, 1101, 2200]::bigint[])$$), 'none',
          'findings_computed of three forms (the recomputation at commit): indexes only');
-- the monitoring and self-evaluation rules among them (issue 10): each
-- form's reports through LATERAL, by key, evaluated forms or not
SELECT is(pg_temp.seq_scans($$SELECT * FROM findings_computed(ARRAY[1100, 1101, 1102, 1103, 2200, 2201]::bigint[])$$), 'none',
          'findings_computed of evaluated, monitored and plain forms: indexes only, the reports'' tables included');
SELECT is(pg_temp.seq_scans($$SELECT * FROM evaluation_finding_computed WHERE project_id = ANY (ARRAY[1100, 1101, 1102, 1103]::bigint[])$$), 'none',
          'evaluation_finding_computed of four forms: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM evaluation_issues WHERE region = 'R30' AND department = 'D5' AND budget_year = 2021$$), 'none',
          'evaluation_issues of one department and year: indexes only');
SELECT is(pg_temp.seq_scans($$SELECT * FROM evaluation_issues WHERE project_id = 1100$$), 'none',
          'evaluation_issues of one project: indexes only');
SELECT cmp_ok((SELECT count(*) FROM form_issues f JOIN issue_rule r USING (code)
               WHERE r.area IN ('monitoring', 'evaluation')), '>', 0::bigint,
              'form_issues has monitoring and self-evaluation rows');
UPDATE project SET name = name || '（改）' WHERE id = 1100;
SELECT is(findings_pending(), ARRAY[1100]::bigint[], 'a form changed in this transaction is pending');
SELECT is(pg_temp.seq_scans($$SELECT * FROM form_issues WHERE region = 'R30' AND department = 'D5' AND budget_year = 2021$$), 'none',
          'form_issues of one department with a form pending: indexes only');
SET CONSTRAINTS ALL IMMEDIATE;

-- The results of a filtered read equal the same rows of the full read.
SELECT set_eq($$SELECT * FROM department_summary WHERE region = 'R30' AND department = 'D5'$$,
              $$SELECT * FROM (SELECT * FROM department_summary OFFSET 0) s WHERE region = 'R30' AND department = 'D5'$$,
              'department_summary filtered = the same rows of the full read');
SELECT set_eq($$SELECT * FROM evaluation_issues WHERE region = 'R30' AND budget_year = 2021$$,
              $$SELECT * FROM (SELECT * FROM evaluation_issues OFFSET 0) s WHERE region = 'R30' AND budget_year = 2021$$,
              'evaluation_issues filtered = the same rows of the full read');
SELECT set_eq($$SELECT * FROM form_issues WHERE region = 'R30' AND budget_year = 2021$$,
              $$SELECT * FROM (SELECT * FROM form_issues OFFSET 0) s WHERE region = 'R30' AND budget_year = 2021$$,
              'form_issues filtered = the same rows of the full read');

SELECT * FROM finish();
ROLLBACK;
