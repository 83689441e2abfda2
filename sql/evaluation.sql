--
-- evaluation — mid-year monitoring and year-end self-evaluation (issue 10,
-- DOMAIN.md §5, §6, §8): the example documents import and match their
-- target forms; project and department scores; every check on both sides of
-- its threshold; the settings; the import errors and all-or-nothing.
--
SET search_path = perfbudget, public;
\set VERBOSITY default
\set SHOW_CONTEXT never

CREATE FUNCTION pg_temp.try(stmt text) RETURNS SETOF text
LANGUAGE plpgsql AS $fn$
DECLARE
    st text; msg text; det text; hnt text;
BEGIN
    EXECUTE stmt;
    RETURN NEXT 'accepted';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
        det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
    RETURN NEXT 'SQLSTATE: ' || st;
    RETURN NEXT 'MESSAGE:  ' || msg;
    RETURN NEXT 'DETAIL:   ' || coalesce(nullif(det, ''), '(none)');
    RETURN NEXT 'HINT:     ' || coalesce(nullif(hnt, ''), '(none)');
END
$fn$;

-- The issues of one project, shortest first.
CREATE FUNCTION pg_temp.issues(pid bigint) RETURNS TABLE (severity text, code text, line_no integer, message text)
LANGUAGE sql AS $$
    SELECT severity, code, line_no, message FROM perfbudget.evaluation_issues
    WHERE project_id = pid ORDER BY code, line_no
$$;

\getenv abs_srcdir PG_ABS_SRCDIR
\set targets :abs_srcdir '/examples/rugao_2024_hrss.txt'
\set selfeval :abs_srcdir '/examples/rugao_2024_self_evaluation.txt'
\set monitoring :abs_srcdir '/examples/rugao_2024_monitoring.txt'
\set doc `cat :'targets'`
SELECT count(*) AS target_forms FROM import_form(:'doc');

------------------------------------------------------------------ scores by the rules

-- Every actual equal to its target and the budget fully spent: 100 (优);
-- half the budget spent: 95.
BEGIN;
UPDATE indicator SET actual = perf_value_of(annual_target);
UPDATE project SET spend_executed = spend_annual;
SELECT project_id, execution_rate, execution_score, indicator_score, total_score, grade, weight_total
FROM project_score ORDER BY project_id;
UPDATE project SET spend_executed = spend_annual / 2;
SELECT project_id, execution_rate, execution_score, indicator_score, total_score, grade
FROM project_score ORDER BY project_id;
-- default weights: 产出 50 split among its rows, 效益 30, 满意度 10, 决策/过程 none
SELECT line_no, level3, score_group, round(weight_used, 4) AS weight_used, computed_score, score_basis
FROM indicator_score WHERE project_id = 2 ORDER BY line_no;
-- a row that does not apply is dropped and the rest re-split: still 100
UPDATE project SET spend_executed = spend_annual WHERE id = 2;
UPDATE indicator SET actual = '不适用' WHERE project_id = 2 AND level3 = '是否超出预算';
SELECT line_no, applies, round(weight_used, 4) AS weight_used
FROM indicator_score WHERE project_id = 2 AND score_group = '产出' ORDER BY line_no;
SELECT total_score, grade, weight_total FROM project_score WHERE project_id = 2;
-- the whole 满意度 group not applying: the total is rescaled over 90
UPDATE indicator SET actual = '不适用' WHERE project_id = 2 AND level3 = '服务对象满意度';
UPDATE indicator SET actual = '80%' WHERE project_id = 2 AND level3 = '质量达标率';
SELECT execution_score, indicator_score, total_score, grade, weight_total FROM project_score WHERE project_id = 2;
-- grades at their boundaries
SELECT t, score_grade(t) FROM (VALUES (90), (89.99), (80), (79.99), (60), (59.99)) v(t);
-- a weighted row without an actual or a score: no indicator score, and a warning
UPDATE indicator SET actual = NULL WHERE project_id = 3 AND level3 = '质量达标率';
SELECT indicator_score, total_score, unscored_indicators FROM project_score WHERE project_id = 3;
SELECT * FROM pg_temp.issues(3);
ROLLBACK;

------------------------------------------------------------------ the self-evaluation document

\set doc `cat :'selfeval'`
SELECT jsonb_array_length(parse_self_evaluation(:'doc')->'forms') AS forms,
       parse_self_evaluation(:'doc')->'forms'->1->'indicators'->4 AS a_row;
SELECT i.ordinal, p.name FROM import_self_evaluation(:'doc') WITH ORDINALITY i(id, ordinal)
JOIN project p ON p.id = i.id ORDER BY i.ordinal;
SELECT p.name, p.spend_executed, s.budget_initial, s.budget_adjusted, s.execution_weight,
       s.execution_score, s.total_score, s.grade
FROM project p JOIN self_evaluation s ON s.project_id = p.id ORDER BY p.id;
SELECT project_id, execution_rate, execution_score, indicator_score, total_score, grade,
       reported_total, reported_grade FROM project_score ORDER BY project_id;
SELECT line_no, level3, weight_used, computed_score, entered_score, score_used, score_basis, score_min, score_max
FROM indicator_score WHERE project_id = 2 AND weight_used IS NOT NULL ORDER BY line_no;
SELECT * FROM department_score;
SELECT "主管部门", "自评项目数", "平均总分", "优", "良", "中", "差" FROM "部门得分" WHERE NOT "是否合计";
SELECT project_id, severity, code, line_no, message FROM evaluation_issues ORDER BY project_id, code;

-- re-importing replaces the last self-evaluation
SELECT count(*) FROM import_self_evaluation(:'doc');
SELECT count(*) AS self_evaluations, (SELECT count(actual) FROM indicator) AS actuals FROM self_evaluation;

------------------------------------------------------------------ self-evaluation checks, both sides

BEGIN;
-- score within [0, weight]: 12.5 is the weight, 12.51 is past it
UPDATE indicator SET score = 12.5 WHERE project_id = 2 AND level3 = '质量达标率';
SELECT code FROM pg_temp.issues(2) WHERE code = 'score_out_of_range';
UPDATE indicator SET score = 12.51 WHERE project_id = 2 AND level3 = '质量达标率';
SELECT * FROM pg_temp.issues(2) WHERE code LIKE 'score%';
UPDATE indicator SET score = -0.01 WHERE project_id = 2 AND level3 = '质量达标率';
SELECT code, message FROM pg_temp.issues(2) WHERE code LIKE 'score%';
-- the formula: 9.79 for 93% of ≥95% with weight 10 is within 0.1 of 9.7895; 9.68 is not
UPDATE indicator SET score = 9.69 WHERE project_id = 2 AND level3 = '服务对象满意度';
SELECT code FROM pg_temp.issues(2) WHERE code = 'score_disagrees';
UPDATE indicator SET score = 9.68 WHERE project_id = 2 AND level3 = '服务对象满意度';
SELECT code, message FROM pg_temp.issues(2) WHERE code = 'score_disagrees';
-- a phrase scores inside its grade's band: 部分达成 is 18–24 of 30
UPDATE indicator SET score = 18 WHERE project_id = 2 AND level3 = '社会和受益人满意度';
SELECT score_used, score_basis FROM indicator_score WHERE project_id = 2 AND level3 = '社会和受益人满意度';
SELECT code, line_no FROM pg_temp.issues(2) WHERE code = 'score_disagrees';
UPDATE indicator SET score = 24.2 WHERE project_id = 2 AND level3 = '社会和受益人满意度';
SELECT score_used, score_basis FROM indicator_score WHERE project_id = 2 AND level3 = '社会和受益人满意度';
SELECT code, line_no, message FROM pg_temp.issues(2) WHERE code = 'score_disagrees';
-- full marks while the actual misses
UPDATE indicator SET score = 10 WHERE project_id = 2 AND level3 = '服务对象满意度';
SELECT code, message FROM pg_temp.issues(2) WHERE code = 'full_marks_target_missed';
UPDATE indicator SET score = 9.99 WHERE project_id = 2 AND level3 = '服务对象满意度';
SELECT code FROM pg_temp.issues(2) WHERE code = 'full_marks_target_missed';
-- ≥ 130% of the target without a note: 123.49% against ≥95% is fine, 123.5% (130%) is not
UPDATE indicator SET actual = '123.49%' WHERE project_id = 1 AND level3 = '服务对象满意度';
SELECT code FROM pg_temp.issues(1) WHERE code = 'over_target_without_note';
UPDATE indicator SET actual = '123.5%' WHERE project_id = 1 AND level3 = '服务对象满意度';
SELECT code, message FROM pg_temp.issues(1) WHERE code = 'over_target_without_note';
UPDATE indicator SET deviation_note = '指标值设定偏低，下年度调高' WHERE project_id = 1 AND level3 = '服务对象满意度';
SELECT code FROM pg_temp.issues(1) WHERE code = 'over_target_without_note';
-- weights summing to 100, then not
SELECT code FROM pg_temp.issues(4) WHERE code = 'weights_not_100';
UPDATE indicator SET weight = 16 WHERE project_id = 4 AND level3 = '完成及时性';
SELECT code, message FROM pg_temp.issues(4) WHERE code = 'weights_not_100';
-- a grade that does not match the total
UPDATE self_evaluation SET grade = '良' WHERE project_id = 5;
SELECT code, message FROM pg_temp.issues(5) WHERE code = 'grade_mismatch';
UPDATE self_evaluation SET total_score = 89.99 WHERE project_id = 5;
SELECT code FROM pg_temp.issues(5) WHERE code = 'grade_mismatch';
-- the execution score: 8.5 for 85%, 8.4 is within 0.1, 8.39 is not
UPDATE self_evaluation SET execution_score = 8.4 WHERE project_id = 2;
SELECT code FROM pg_temp.issues(2) WHERE code = 'execution_score_disagrees';
UPDATE self_evaluation SET execution_score = 8.39 WHERE project_id = 2;
SELECT code, message FROM pg_temp.issues(2) WHERE code = 'execution_score_disagrees';
-- more spent than budgeted
UPDATE project SET spend_executed = 6.01 WHERE id = 5;
SELECT execution_rate, execution_score FROM project_score WHERE project_id = 5;
SELECT code, message FROM pg_temp.issues(5) WHERE code = 'executed_over_budget';
-- a date missed: no score by the rules, the department's is used
UPDATE indicator SET annual_target = '≤2024年12月31日', actual = '2025年1月15日', score = 5
WHERE project_id = 6 AND level3 = '完成及时性';
SELECT computed_score, score_used, score_basis FROM indicator_score WHERE project_id = 6 AND level3 = '完成及时性';
SELECT code, message FROM pg_temp.issues(6) WHERE code = 'score_undecided';
ROLLBACK;

------------------------------------------------------------------ settings

BEGIN;
-- Sichuan: an execution rate below 90% needs a reason (project 2 spent 85%)
SELECT code FROM pg_temp.issues(2) WHERE code = 'execution_without_reason';
INSERT INTO evaluation_setting (execution_reason_below) VALUES (0.85);
SELECT code FROM pg_temp.issues(2) WHERE code = 'execution_without_reason';
UPDATE evaluation_setting SET execution_reason_below = 0.8501;
SELECT code, message FROM pg_temp.issues(2) WHERE code = 'execution_without_reason';
-- the 50 breakpoint moves the band of 部分达成 to 15–24 and its default to 19.5
UPDATE evaluation_setting SET score_rule = 'qualitative_50';
UPDATE indicator SET score = NULL WHERE project_id = 2 AND level3 = '社会和受益人满意度';
SELECT score_used, score_min, score_max FROM indicator_score WHERE project_id = 2 AND level3 = '社会和受益人满意度';
-- Ningxia's default weights on a form without its own
UPDATE evaluation_setting SET output_weight = 40, benefit_weight = 40, satisfaction_weight = 20;
UPDATE indicator SET weight = NULL WHERE project_id = 1;
SELECT score_group, round(sum(weight_used), 10) AS weight FROM indicator_score WHERE project_id = 1 GROUP BY 1 ORDER BY 1;
SELECT * FROM evaluation_rule;
-- an unknown rule or a second row is refused
SELECT * FROM pg_temp.try($$UPDATE perfbudget.evaluation_setting SET score_rule = 'qualitative_40'$$);
SELECT * FROM pg_temp.try($$INSERT INTO perfbudget.evaluation_setting (id) VALUES (false)$$);
-- a check switched off, another made an error, in issue_rule_setting
INSERT INTO issue_rule_setting (code, severity) VALUES ('total_disagrees', 'error');
SELECT code, severity FROM pg_temp.issues(3);
UPDATE issue_rule_setting SET enabled = false WHERE code = 'total_disagrees';
SELECT code, severity FROM pg_temp.issues(3);
ROLLBACK;

------------------------------------------------------------------ the monitoring document

\set doc `cat :'monitoring'`
SELECT parse_monitoring(:'doc')->'forms'->3 AS form_4;
SELECT count(*) FROM import_monitoring(:'doc');
SELECT project_id, as_of, executed, budget_initial, expected_executed, note FROM monitoring ORDER BY 1;
SELECT project_id, line_no, completed, expected, deviates, cause, cause_note, likelihood, measure
FROM indicator_monitoring ORDER BY 1, 2;
SELECT project_id, line_no, reason, message FROM monitoring_alerts ORDER BY 1, 2 NULLS FIRST, 3;
SELECT * FROM monitoring_summary;
SELECT "主管部门", "监控项目数", "预警项目数", "预警指标数" FROM "监控汇总";

-- behind the half-year plan by more than 10%: 8.1 of 9 is not, 8.09 is
BEGIN;
UPDATE monitoring SET executed = 8.1 WHERE project_id = 1;
SELECT reason FROM monitoring_alerts WHERE project_id = 1 AND line_no IS NULL;
UPDATE monitoring SET executed = 8.09 WHERE project_id = 1;
SELECT reason FROM monitoring_alerts WHERE project_id = 1 AND line_no IS NULL;
INSERT INTO evaluation_setting (behind_plan_share) VALUES (0.2);
SELECT reason FROM monitoring_alerts WHERE project_id = 1 AND line_no IS NULL;
ROLLBACK;

-- a later report: the issues follow the latest one
BEGIN;
INSERT INTO monitoring (project_id, as_of, executed) VALUES (5, '2024-09-30', 4.5);
SELECT code FROM pg_temp.issues(5);
ROLLBACK;

------------------------------------------------------------------ JSON layout

BEGIN;
SELECT * FROM import_self_evaluation_json('{"budget_year": 2024, "region": "如皋市",
  "department": "如皋市人力资源和社会保障局", "name": "打印纸及个人账户打印纸", "executed": 3,
  "indicators": [{"level3": "服务对象满意度", "actual": "90%", "weight": 10, "score": 9.47}]}');
SELECT p.spend_executed, s.execution_weight, ps.execution_score, ps.indicator_score, ps.total_score
FROM project p JOIN self_evaluation s ON s.project_id = p.id JOIN project_score ps ON ps.project_id = p.id
WHERE p.id = 5;
SELECT count(actual) AS actuals FROM indicator WHERE project_id = 5;
SELECT * FROM import_monitoring_json('[{"budget_year": 2024, "department": "如皋市人力资源和社会保障局",
  "name": "打印纸及个人账户打印纸", "months": "9", "executed": 4,
  "indicators": [{"level3": "实际完成率", "completed": "75%", "expected": "100%", "likelihood": "能",
                  "deviates": "否", "cause": "经费保障：资金拨付滞后"}]}]');
SELECT as_of, executed FROM monitoring WHERE project_id = 5 ORDER BY as_of;
SELECT likelihood, cause, cause_note FROM indicator_monitoring WHERE project_id = 5 AND as_of = '2024-09-30';
ROLLBACK;

------------------------------------------------------------------ errors

-- no target form of that name: the department's forms in the hint
\set doc `cat :'selfeval'`
SELECT * FROM pg_temp.try(format('SELECT * FROM perfbudget.import_self_evaluation(%L)',
    replace(:'doc', '社保业务运营经费', '社保业务经费')));
-- all or nothing: the first three forms of that document leave nothing behind
BEGIN;
DELETE FROM self_evaluation;
UPDATE project SET spend_executed = NULL;
UPDATE indicator SET actual = NULL;
SELECT * FROM pg_temp.try(format('SELECT * FROM perfbudget.import_self_evaluation(%L)',
    replace(:'doc', '社保业务运营经费', '社保业务经费')));
SELECT (SELECT count(*) FROM self_evaluation) AS self_evaluations,
       (SELECT count(spend_executed) FROM project) AS executed, (SELECT count(actual) FROM indicator) AS actuals;
ROLLBACK;
-- an indicator the target form does not have
SELECT * FROM pg_temp.try(format('SELECT * FROM perfbudget.import_self_evaluation(%L)',
    replace(:'doc', '社保当日业务当日办结率', '当日办结率')));
-- a number, a value, a grade that cannot be read
SELECT * FROM pg_temp.try(format('SELECT * FROM perfbudget.import_self_evaluation(%L)',
    replace(:'doc', E'155\t155\t150.2', E'155\t155\t15O.2')));
SELECT * FROM pg_temp.try(format('SELECT * FROM perfbudget.import_self_evaluation(%L)',
    replace(:'doc', E'93%\t10', E'≥**%\t10')));
SELECT * FROM pg_temp.try(format('SELECT * FROM perfbudget.import_self_evaluation(%L)',
    replace(:'doc', E'自评等级\t良', E'自评等级\t甲')));
-- the wrong kind of document, or none
\set doc `cat :'monitoring'`
SELECT * FROM pg_temp.try(format('SELECT * FROM perfbudget.import_self_evaluation(%L)', :'doc'));
SELECT * FROM pg_temp.try($$SELECT * FROM perfbudget.import_monitoring('项目名称	x')$$);
SELECT * FROM pg_temp.try(format('SELECT * FROM perfbudget.import_monitoring(%L)',
    replace(:'doc', E'有可能\t缩短', E'大概\t缩短')));
SELECT * FROM pg_temp.try(format('SELECT * FROM perfbudget.import_monitoring(%L)',
    replace(replace(:'doc', E'监控截止日期\t2024年6月30日', ''), '1-6月', '')));
SELECT * FROM pg_temp.try($$SELECT * FROM perfbudget.import_monitoring_json('"x"')$$);
SELECT count(*) AS monitoring_rows FROM monitoring;

------------------------------------------------------------------ clean up

DELETE FROM project;
SELECT setval(pg_get_serial_sequence('perfbudget.project', 'id'), 1, false);
SELECT (SELECT count(*) FROM project) + (SELECT count(*) FROM monitoring)
     + (SELECT count(*) FROM indicator_monitoring) + (SELECT count(*) FROM self_evaluation)
     + (SELECT count(*) FROM evaluation_setting) AS left_over;
