--
-- test/pgtap/findings.sql — the stored findings (issue_finding) equal a
-- from-scratch recomputation (issue_finding_computed) after random imports,
-- edits of project, expenditure and indicator rows, deletes, re-imports with
-- replace, monitoring and self-evaluation reports (imports, random rows,
-- edits, deletes, evaluation_setting changes), rule-setting changes, TRUNCATE, a rolled-back savepoint and
-- writes under IMMEDIATE constraints; form_issues shows a transaction its
-- own writes before they are stored, and on/off, severity and thresholds
-- at once.
--
-- The maintenance runs at commit: "commit" below is SET CONSTRAINTS ALL
-- IMMEDIATE followed by SET CONSTRAINTS ALL DEFERRED, which fires the
-- pending events as COMMIT would and goes on deferring.  Everything runs in
-- one transaction that is rolled back (test/findings_concurrency.sh checks
-- real commits of concurrent sessions).
--
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
-- The full reads of issue_finding_computed below are estimated at millions
-- when an earlier test file left large row counts in pg_class (ANALYZE in a
-- rolled-back transaction keeps them): JIT would then compile each for
-- seconds.  Correctness is tested here, not the JIT.
SET jit = off;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS pg_perfbudget;
SET search_path = perfbudget, public;
\set doc `cat examples/rugao_2024_hrss.txt`
\set self_eval `cat examples/rugao_2024_self_evaluation.txt`
\set monitoring `cat examples/rugao_2024_monitoring.txt`
BEGIN;
SELECT plan(85);

DELETE FROM project;
DELETE FROM issue_rule_setting;
SELECT setseed(0.2718);

-- form_issues as it was before the stored findings: every rule computed
-- now, the copied-set rule from the stored fingerprints, on/off and
-- severity from issue_rule.
CREATE TEMP VIEW reference_issues AS
SELECT f.project_id, r.severity, f.code, f.message, f.line_no
FROM (SELECT c.project_id, c.code, c.message, c.line_no FROM perfbudget.issue_finding_computed c
      UNION ALL
      SELECT p.id, 'boilerplate_indicator_set',
             format('项目「%s」的产出、效益、满意度指标与本部门 %s 年另外 %s 个项目完全相同',
                    p.name, p.budget_year, g.forms - 1), NULL
      FROM perfbudget.project p
      JOIN perfbudget.project_fingerprint fp ON fp.project_id = p.id
      JOIN perfbudget.fingerprint_group g
        ON g.budget_year = fp.budget_year AND g.region_key = coalesce(fp.region, '')
       AND g.department = fp.department AND g.fingerprint = fp.fingerprint
      WHERE g.forms >= (SELECT threshold FROM perfbudget.issue_rule
                        WHERE code = 'boilerplate_indicator_set')) f
JOIN perfbudget.issue_rule r ON r.code = f.code AND r.enabled;

CREATE FUNCTION pg_temp.commit_triggers() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    SET CONSTRAINTS ALL IMMEDIATE;
    SET CONSTRAINTS ALL DEFERRED;
END
$$;

-- stored = recomputed, row for row (a multiset: EXCEPT ALL both ways)
CREATE FUNCTION pg_temp.check_stored(what text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEXT bag_eq(
        'SELECT project_id, code, line_no, message FROM perfbudget.issue_finding',
        'SELECT project_id, code, line_no, message FROM perfbudget.issue_finding_computed',
        what || ': issue_finding = issue_finding_computed');
    RETURN NEXT is(cardinality(perfbudget.findings_pending()), 0,
                   what || ': nothing pending');
END
$$;

-- what this transaction reads = the recomputation
CREATE FUNCTION pg_temp.check_read(what text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEXT bag_eq(
        'SELECT project_id, severity, code, message, line_no FROM perfbudget.form_issues',
        'SELECT project_id, severity, code, message, line_no FROM reference_issues',
        what || ': form_issues = the recomputation');
END
$$;

-- 1. the seed, through import_form: stored by the call itself (its rows
-- queue no deferred event that would do it at commit: form_event_needed);
-- a row added to one of its forms after the call queues its event again
SELECT is((SELECT count(*) FROM import_form(:'doc')), 6::bigint, 'the seed imports six forms');
SELECT pg_temp.check_stored('seed, at the end of the import call');
SELECT pg_temp.check_read('seed before commit');
INSERT INTO indicator (project_id, line_no, level1, level2, level3, annual_target)
SELECT i.project_id, 99, i.level1, i.level2, i.level3, i.annual_target
FROM indicator i WHERE i.project_id = (SELECT min(id) FROM project) AND i.line_no = 1;
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('seed');
SELECT is((SELECT count(*) FROM issue_finding
           WHERE project_id = (SELECT min(id) FROM project) AND code = 'duplicate_indicator'),
          1::bigint, 'the row added after the call is in its form''s stored findings (a duplicate)');
DELETE FROM indicator WHERE project_id = (SELECT min(id) FROM project) AND line_no = 99;
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_read('seed');

-- 2. random forms: the seed copied 300 times over years, regions and
-- departments; every third without expenditure rows, every fifth without
-- indicator rows
CREATE TEMP TABLE k AS
SELECT g, 2023 + (random() * 2)::int AS y,
       (ARRAY['如皋市', '海安市', '通州区', NULL])[1 + (random() * 3)::int] AS region,
       'D' || (random() * 4)::int AS department
FROM generate_series(1, 300) g;
INSERT INTO project (budget_year, region, name, department, total, fiscal_subtotal, general_budget,
                     spend_half_year, spend_annual, start_month, end_month, long_term_goal, annual_goal)
SELECT k.y, k.region, p.name || '#' || k.g, k.department, p.total, p.fiscal_subtotal,
       p.general_budget, p.spend_half_year, p.spend_annual, p.start_month, p.end_month,
       p.long_term_goal, CASE WHEN k.g % 7 = 0 THEN p.long_term_goal ELSE p.annual_goal END
FROM k JOIN (SELECT *, row_number() OVER (ORDER BY id) - 1 AS r FROM project) p ON p.r = k.g % 6;
INSERT INTO expenditure
SELECT c.id, e.line_no, e.item, e.half_year, e.annual
FROM project c JOIN project o ON o.name = split_part(c.name, '#', 1) AND o.name NOT LIKE '%#%'
JOIN expenditure e ON e.project_id = o.id
WHERE c.name LIKE '%#%' AND split_part(c.name, '#', 2)::int % 3 <> 0;
INSERT INTO indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
SELECT c.id, i.line_no, i.level1, i.level2, i.level3, i.half_year_target, i.annual_target
FROM project c JOIN project o ON o.name = split_part(c.name, '#', 1) AND o.name NOT LIKE '%#%'
JOIN indicator i ON i.project_id = o.id
WHERE c.name LIKE '%#%' AND split_part(c.name, '#', 2)::int % 5 <> 0
ORDER BY random();
SELECT pg_temp.check_read('300 random forms before commit');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('300 random forms');
SELECT cmp_ok((SELECT count(DISTINCT code) FROM issue_finding), '>=', 8::bigint,
              'the random forms break at least eight rules');

-- 3. edits of every table, then edits of forms already recomputed
UPDATE indicator SET annual_target = t.v,
                     half_year_target = CASE WHEN half_year_target IS NOT NULL THEN t.v END
FROM (SELECT perf_target('≥', (60 + (random() * 39)::int) || '%') AS v) t
WHERE random() < 0.05 AND perf_kind(annual_target) = 'percent';
UPDATE indicator SET level3 = level3 WHERE random() < 0.02 AND line_no = 2;
UPDATE indicator SET annual_target = NULL WHERE random() < 0.01;
UPDATE indicator SET annual_target = perf_target('定性', '95%') WHERE random() < 0.01;
UPDATE expenditure SET item = item || '（改）' WHERE random() < 0.05;
UPDATE project SET name = name || '（改）' WHERE random() < 0.05;
UPDATE project SET start_month = end_month + interval '1 month' WHERE random() < 0.03;
UPDATE project SET annual_goal = long_term_goal WHERE random() < 0.03;
SELECT pg_temp.check_read('edits before commit');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after edits of project, expenditure and indicator rows');
-- a row moved to another form changes two forms' findings
UPDATE indicator SET project_id = (SELECT min(id) FROM project), line_no = line_no + 1000
WHERE project_id = (SELECT max(id) FROM project WHERE id IN (SELECT project_id FROM indicator))
  AND line_no IN (1, 2, 3);
UPDATE indicator SET level3 = level3 || '（再改）' WHERE random() < 0.02;
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('a second round of edits of forms already recomputed');

-- 4. deletes: forms, indicator rows, all of a form's rows (expenditure
-- rows only with their form: the sum check at commit would refuse others)
DELETE FROM project WHERE random() < 0.05;
DELETE FROM indicator WHERE random() < 0.03;
DELETE FROM indicator i USING (SELECT id FROM project WHERE random() < 0.03) x WHERE i.project_id = x.id;
SELECT pg_temp.check_read('deletes before commit');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after deletes');
SELECT is((SELECT count(*) FROM issue_finding f WHERE NOT EXISTS (SELECT FROM project p WHERE p.id = f.project_id)),
          0::bigint, 'a deleted form leaves no finding');

-- 5. re-import with replace => true after editing the imported forms
UPDATE indicator SET level3 = level3 || '（导入前改）'
WHERE project_id IN (SELECT id FROM project WHERE name NOT LIKE '%#%') AND line_no = 1;
SELECT is((SELECT count(*) FROM import_form(:'doc', replace => true)), 6::bigint,
          'the seed re-imports with replace => true');
SELECT pg_temp.check_read('re-import before commit');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after a re-import');

-- 5b. monitoring and self-evaluation (issue 10): their checks are stored
-- findings too; imports, random reports, edits and deletes of the three
-- tables, and evaluation_setting changes
SELECT cmp_ok((SELECT count(*) FROM import_self_evaluation(:'self_eval')), '>', 0::bigint,
              'a self-evaluation document imports');
SELECT cmp_ok((SELECT count(*) FROM import_monitoring(:'monitoring')), '>', 0::bigint,
              'a monitoring document imports');
SELECT pg_temp.check_read('evaluation imports before commit');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after the evaluation imports');
-- random reports for a share of the random forms
CREATE TEMP TABLE ev AS
SELECT id, (random() * 4)::int AS kind FROM project WHERE name LIKE '%#%' AND random() < 0.4;
UPDATE project p SET spend_executed = round(p.spend_annual * (0.4 + random() * 0.8)::numeric, 2)
FROM ev WHERE ev.id = p.id AND ev.kind IN (0, 1) AND p.spend_annual IS NOT NULL;
INSERT INTO self_evaluation (project_id, execution_weight, execution_score, total_score, grade, execution_note)
SELECT id, (ARRAY[10, 20, NULL])[1 + (random() * 2)::int], round((random() * 10)::numeric, 1),
       round((50 + random() * 50)::numeric, 1), (ARRAY['优', '良', '中', '差'])[1 + (random() * 3)::int],
       CASE WHEN random() < 0.5 THEN '资金拨付滞后' END
FROM ev WHERE kind IN (0, 2);
UPDATE indicator i SET actual = CASE WHEN random() < 0.7 THEN perf_value_of(i.annual_target)
                                     WHEN random() < 0.5 THEN '50%'::perf_value END,
                       score = CASE WHEN random() < 0.5 THEN round((random() * 12)::numeric, 2) END,
                       weight = CASE WHEN ev.kind = 0 THEN 10 END,
                       deviation_note = CASE WHEN random() < 0.3 THEN '指标值设定偏低' END
FROM ev WHERE ev.id = i.project_id AND ev.kind IN (0, 1, 2) AND i.annual_target IS NOT NULL;
INSERT INTO monitoring (project_id, as_of, executed)
SELECT p.id, make_date(p.budget_year, 3 + 3 * r, 28 + r % 2), round(coalesce(p.spend_annual, 1) * (random() * 0.6)::numeric, 2)
FROM ev JOIN project p ON p.id = ev.id CROSS JOIN generate_series(0, 2) r
WHERE ev.kind IN (1, 3) AND random() < 0.8;
INSERT INTO indicator_monitoring (project_id, as_of, line_no, completed, expected, deviates, cause, likelihood, measure)
SELECT i.project_id, m.as_of, i.line_no, perf_value_of(i.annual_target),
       CASE WHEN random() < 0.7 THEN perf_value_of(i.annual_target) ELSE '1%'::perf_value END,
       random() < 0.3, CASE WHEN random() < 0.5 THEN '经费保障' END,
       (ARRAY['确定能', '有可能', '完全不可能'])[1 + (random() * 2)::int],
       CASE WHEN random() < 0.5 THEN '加快进度' END
FROM monitoring m JOIN ev ON ev.id = m.project_id JOIN indicator i ON i.project_id = m.project_id
WHERE i.annual_target IS NOT NULL AND random() < 0.6;
SELECT pg_temp.check_read('random reports before commit');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after random monitoring and self-evaluation reports');
SELECT cmp_ok((SELECT count(DISTINCT f.code) FROM issue_finding f JOIN issue_rule r USING (code)
               WHERE r.area IN ('monitoring', 'evaluation')), '>=', 8::bigint,
              'the random reports break at least eight monitoring and self-evaluation rules');
-- edits and deletes of each table, a report moved to another date
UPDATE self_evaluation SET grade = (ARRAY['优', '良', '中', '差'])[1 + (random() * 3)::int] WHERE random() < 0.3;
UPDATE self_evaluation SET total_score = NULL WHERE random() < 0.1;
UPDATE monitoring SET executed = executed * 2 WHERE random() < 0.3;
UPDATE monitoring m SET as_of = as_of + 60
WHERE random() < 0.3 AND extract(month FROM as_of) < 6
  AND NOT EXISTS (SELECT FROM indicator_monitoring im WHERE im.project_id = m.project_id AND im.as_of = m.as_of);
UPDATE indicator_monitoring SET likelihood = '确定能', measure = NULL WHERE random() < 0.2;
UPDATE indicator_monitoring SET cause = NULL, cause_note = NULL WHERE random() < 0.2;
UPDATE indicator SET actual = NULL WHERE actual IS NOT NULL AND random() < 0.1;
UPDATE indicator SET score = score + 3 WHERE score IS NOT NULL AND random() < 0.1;
UPDATE project SET spend_executed = NULL WHERE spend_executed IS NOT NULL AND random() < 0.1;
SELECT pg_temp.check_read('evaluation edits before commit');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after edits of the reports');
DELETE FROM indicator_monitoring WHERE random() < 0.2;
DELETE FROM monitoring WHERE random() < 0.2;
DELETE FROM self_evaluation WHERE random() < 0.2;
SELECT pg_temp.check_read('evaluation deletes before commit');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after deletes of reports');
-- a re-import of the documents replaces the reports of their forms
SELECT cmp_ok((SELECT count(*) FROM import_self_evaluation(:'self_eval')), '>', 0::bigint,
              'the self-evaluation document imports again');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after a re-import of the self-evaluation');
-- evaluation_setting: every form recomputed at commit
INSERT INTO evaluation_setting (over_target_ratio, behind_plan_share, score_tolerance, execution_reason_below)
VALUES (1.1, 0.3, 0, 0.95);
SELECT is(cardinality(findings_pending()), (SELECT count(*)::int FROM project),
          'an evaluation setting makes every form pending');
SELECT pg_temp.check_read('a new evaluation setting before commit');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after a new evaluation setting');
UPDATE evaluation_setting SET output_weight = 40, benefit_weight = 40, satisfaction_weight = 20,
                              score_rule = 'qualitative_50';
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after a changed evaluation setting');
TRUNCATE evaluation_setting;
SELECT pg_temp.check_stored('TRUNCATE evaluation_setting (recomputed at once)');
-- on/off and severity of an evaluation rule at once; the summaries count
-- what form_issues shows
INSERT INTO issue_rule_setting (code, enabled, severity)
VALUES ('monitoring_deviation_without_cause', false, NULL), ('actual_missing', NULL, 'error');
SELECT is((SELECT count(*) FROM form_issues WHERE code = 'monitoring_deviation_without_cause'), 0::bigint,
          'an evaluation rule switched off is gone from form_issues at once');
SELECT ok((SELECT bool_and(severity = 'error') FROM form_issues WHERE code = 'actual_missing'),
          'an evaluation rule''s new severity shows at once');
SELECT is((SELECT (sum(issues_error)::bigint, sum(issues_warning)::bigint) FROM department_summary WHERE NOT is_total),
          (SELECT (count(*) FILTER (WHERE severity = 'error'), count(*) FILTER (WHERE severity = 'warning'))
           FROM form_issues),
          'department_summary counts the monitoring and self-evaluation findings');
SELECT is((SELECT (sum(issues_error)::bigint, sum(issues_warning)::bigint) FROM region_summary WHERE NOT is_total),
          (SELECT (count(*) FILTER (WHERE severity = 'error'), count(*) FILTER (WHERE severity = 'warning'))
           FROM form_issues),
          'region_summary counts them too');
SELECT is((SELECT (sum("错误数")::bigint, sum("警告数")::bigint) FROM "项目汇总"),
          (SELECT (count(*) FILTER (WHERE severity = 'error'), count(*) FILTER (WHERE severity = 'warning'))
           FROM form_issues),
          '项目汇总 counts them too');
SELECT is((SELECT count(*) FROM "问题清单" WHERE "规则代码" LIKE 'monitoring\_%'),
          (SELECT count(*) FROM form_issues WHERE code LIKE 'monitoring\_%'),
          '问题清单 lists the monitoring rows');
SELECT is((SELECT count(*) FROM evaluation_issues),
          (SELECT count(*) FROM form_issues f JOIN issue_rule r USING (code) WHERE r.area IN ('monitoring', 'evaluation')),
          'evaluation_issues = the monitoring and evaluation rows of form_issues');
DELETE FROM issue_rule_setting;
TRUNCATE monitoring CASCADE;
SELECT pg_temp.check_stored('TRUNCATE monitoring (recomputed at once)');

-- 6. rule settings: on/off and severity at once, without recomputation;
-- a threshold recomputes its rule's findings
INSERT INTO issue_rule_setting (code, enabled, severity)
VALUES ('missing_cost', false, NULL), ('qualitative_with_number', NULL, 'error');
SELECT is(cardinality(findings_pending()), 0, 'on/off and severity leave nothing pending');
SELECT is((SELECT count(*) FROM form_issues WHERE code = 'missing_cost'), 0::bigint,
          'a rule switched off is gone from form_issues at once');
SELECT ok((SELECT bool_and(severity = 'error') FROM form_issues WHERE code = 'qualitative_with_number'),
          'a new severity shows at once');
SELECT pg_temp.check_read('rules switched off and to error');
INSERT INTO issue_rule_setting (code, threshold) VALUES ('too_few_indicators', 20);
SELECT pg_temp.check_read('a new threshold before commit');
SELECT cmp_ok((SELECT count(*) FROM form_issues WHERE code = 'too_few_indicators'), '>',
              (SELECT count(*) FROM issue_finding WHERE code = 'too_few_indicators'),
              'a higher too_few_indicators threshold shows before commit');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after a threshold change');
UPDATE issue_rule_setting SET threshold = 90 WHERE code = 'too_few_indicators';
INSERT INTO issue_rule_setting (code, threshold) VALUES ('satisfaction_below_threshold', 99),
                                                       ('unit_mix', 100);
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after three threshold changes');
DELETE FROM issue_rule_setting WHERE code IN ('too_few_indicators', 'unit_mix');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after thresholds removed');
SELECT pg_temp.check_read('after the setting changes');
INSERT INTO issue_rule_setting (code, threshold) VALUES ('too_few_indicators', 12);
SELECT pg_temp.commit_triggers();
TRUNCATE issue_rule_setting;
SELECT pg_temp.check_stored('TRUNCATE issue_rule_setting (recomputed at once)');

-- 7. a recomputation rolled back with its savepoint is done again
UPDATE indicator SET annual_target = NULL
WHERE project_id IN (SELECT id FROM project ORDER BY id LIMIT 20) AND line_no = 4;
SAVEPOINT s;
SELECT pg_temp.commit_triggers();
ROLLBACK TO SAVEPOINT s;
SELECT pg_temp.check_read('after a savepoint rolled back the first recomputation');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after a savepoint rolled back the first recomputation');

-- 8. IMMEDIATE constraints: a statement's row events run before its
-- statement trigger; the row events find their forms themselves
SET CONSTRAINTS ALL IMMEDIATE;
UPDATE indicator SET annual_target = NULL WHERE random() < 0.02;
UPDATE project SET annual_goal = long_term_goal WHERE random() < 0.05;
UPDATE expenditure SET item = item || '（再改）' WHERE random() < 0.05;
SELECT bag_eq(
    'SELECT project_id, code, line_no, message FROM perfbudget.issue_finding',
    'SELECT project_id, code, line_no, message FROM perfbudget.issue_finding_computed',
    'IMMEDIATE: issue_finding = issue_finding_computed after each statement');
SET CONSTRAINTS ALL DEFERRED;

-- 9. the writer's search_path does not matter
SET search_path = public;
UPDATE perfbudget.indicator SET level3 = level3 || '（路径）' WHERE random() < 0.05;
SELECT pg_temp.commit_triggers();
SET search_path = perfbudget, public;
SELECT pg_temp.check_stored('written with search_path = public');

-- 10. TRUNCATE recomputes at once; rebuild_findings gives the same table
TRUNCATE indicator, indicator_monitoring;  -- (the monitoring rows reference indicator rows)
SELECT pg_temp.check_stored('after TRUNCATE indicator');
CREATE TEMP TABLE before_f AS SELECT project_id, code, line_no, message FROM issue_finding;
SELECT is(rebuild_findings(), (SELECT count(*) FROM before_f), 'rebuild_findings counts the findings');
SELECT bag_eq('SELECT project_id, code, line_no, message FROM issue_finding', 'SELECT * FROM before_f',
              'rebuild_findings gives the stored table back');

SELECT * FROM finish();
ROLLBACK;
