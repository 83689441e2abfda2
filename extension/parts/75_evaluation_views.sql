-- Views of the rest of the year (issue 10): the rules in force, indicator
-- and project scores, department averages, monitoring alerts and the
-- monitoring and self-evaluation checks (DOMAIN.md §5, §6, §8).  Each is a
-- GROUP BY or a window partitioned by project, so a filter on project_id
-- reaches the primary keys and a year's report reads each table once.

CREATE VIEW evaluation_rule WITH (security_invoker = true) AS
-- an aggregate without GROUP BY: exactly one row, and the planner knows it
SELECT coalesce(max(s.execution_weight), 10) AS execution_weight,
       coalesce(max(s.output_weight), 50) AS output_weight,
       coalesce(max(s.benefit_weight), 30) AS benefit_weight,
       coalesce(max(s.satisfaction_weight), 10) AS satisfaction_weight,
       coalesce(max(s.score_rule), '') AS score_rule,
       coalesce(max(s.behind_plan_share), 0.1) AS behind_plan_share,
       coalesce(max(s.over_target_ratio), 1.3) AS over_target_ratio,
       max(s.execution_reason_below) AS execution_reason_below,
       coalesce(max(s.score_tolerance), 0.1) AS score_tolerance
FROM perfbudget.evaluation_setting s;
COMMENT ON VIEW evaluation_rule IS '绩效评价规则 — the monitoring and self-evaluation settings in force: evaluation_setting over the national defaults (one row)';
COMMENT ON COLUMN evaluation_rule.execution_weight IS '预算执行率分值 — default 10 (财预〔2020〕10号)';
COMMENT ON COLUMN evaluation_rule.output_weight IS '产出指标分值 — default 50 (10号)';
COMMENT ON COLUMN evaluation_rule.benefit_weight IS '效益指标分值 — default 30 (10号)';
COMMENT ON COLUMN evaluation_rule.satisfaction_weight IS '满意度指标分值 — default 10 (10号)';
COMMENT ON COLUMN evaluation_rule.score_rule IS '评分口径 — perf_score rule list, default '''' (national)';
COMMENT ON COLUMN evaluation_rule.behind_plan_share IS '进度偏差容忍度 — default 0.1';
COMMENT ON COLUMN evaluation_rule.over_target_ratio IS '超额说明阈值 — default 1.3';
COMMENT ON COLUMN evaluation_rule.execution_reason_below IS '执行率说明阈值 — default NULL (not required)';
COMMENT ON COLUMN evaluation_rule.score_tolerance IS '得分容差 — default 0.1 points';

-------------------------------------------------------------------- scores

-- One row per indicator of a form: the weight it carries (the form's 分值,
-- else its group's default weight split evenly among the group's rows that
-- apply), the score by the rules, the department's score, and the one used.
CREATE VIEW indicator_score WITH (security_invoker = true) AS
WITH r AS NOT MATERIALIZED (
    SELECT i.project_id, i.line_no, i.level1, i.level3, i.annual_target, i.actual,
           i.weight, i.score, i.deviation_note, g.grp, g.applies, i.department_id,
           -- partitioned by the distribution column too (doc/citus.md)
           bool_or(i.weight IS NOT NULL) OVER (PARTITION BY i.department_id, i.project_id) AS form_weights,
           count(*) FILTER (WHERE g.applies) OVER (PARTITION BY i.department_id, i.project_id, g.grp) AS group_rows
    FROM perfbudget.indicator i
    CROSS JOIN LATERAL (SELECT perfbudget.score_group(i.level1) AS grp,
                               coalesce(i.actual::text NOT IN ('不适用', '不涉及'), true) AS applies) g
), w AS NOT MATERIALIZED (
    SELECT r.*, e.score_rule,
           CASE WHEN NOT r.applies THEN NULL
                WHEN r.form_weights THEN r.weight
                ELSE CASE r.grp WHEN '产出' THEN e.output_weight WHEN '效益' THEN e.benefit_weight
                                WHEN '满意度' THEN e.satisfaction_weight END / r.group_rows
           END AS weight_used
    FROM r CROSS JOIN perfbudget.evaluation_rule e
), s AS NOT MATERIALIZED (
    SELECT w.*, perfbudget.perf_score(w.annual_target, w.actual, w.weight_used, w.score_rule) AS computed,
           perfbudget.perf_score_range(w.annual_target, w.actual, w.weight_used, w.score_rule) AS score_range
    FROM w
)
SELECT project_id, line_no, level1, level3, grp AS score_group, applies, weight_used,
       computed AS computed_score, score AS entered_score,
       CASE WHEN weight_used IS NULL THEN NULL
            WHEN computed IS NULL THEN score
            WHEN score IS NOT NULL AND lower(score_range) < upper(score_range)
                 AND score BETWEEN lower(score_range) AND upper(score_range) THEN score
            ELSE computed END AS score_used,
       CASE WHEN weight_used IS NULL THEN NULL
            WHEN computed IS NULL THEN CASE WHEN score IS NOT NULL THEN 'entered' END
            WHEN score IS NOT NULL AND lower(score_range) < upper(score_range)
                 AND score BETWEEN lower(score_range) AND upper(score_range) THEN 'grade_band'
            ELSE 'rule' END AS score_basis,
       lower(score_range) AS score_min, upper(score_range) AS score_max,
       annual_target::text AS annual_target, actual::text AS actual, weight AS form_weight, deviation_note,
       department_id
FROM s;

COMMENT ON VIEW indicator_score IS '指标得分 — one row per indicator row: the weight it carries in self-evaluation, the score by perf_score under evaluation_rule, the department''s own score and the score used by project_score';
COMMENT ON COLUMN indicator_score.project_id IS '项目编号 — the form';
COMMENT ON COLUMN indicator_score.line_no IS '行号 — the indicator row';
COMMENT ON COLUMN indicator_score.level1 IS '一级指标 — as written';
COMMENT ON COLUMN indicator_score.level3 IS '三级指标 — the measured item';
COMMENT ON COLUMN indicator_score.score_group IS '计分组 — 产出 / 效益 / 满意度 (score_group); NULL for 决策/过程 rows, which carry no weight';
COMMENT ON COLUMN indicator_score.applies IS '是否适用 — false when the actual says 不适用 or 不涉及: the row is dropped and the others rescaled';
COMMENT ON COLUMN indicator_score.weight_used IS '计分权重 — the form''s 分值 when the form gives weights, else the group''s default weight / the group''s applicable rows; NULL when the row carries none';
COMMENT ON COLUMN indicator_score.computed_score IS '规则得分 — perf_score(annual_target, actual, weight_used, evaluation_rule.score_rule); NULL when it cannot be decided';
COMMENT ON COLUMN indicator_score.entered_score IS '自评得分 — the score the department wrote (indicator.score)';
COMMENT ON COLUMN indicator_score.score_used IS '采用得分 — the rules'' score; the department''s score when it lies in the grade''s band of a phrase, or when the rules cannot decide';
COMMENT ON COLUMN indicator_score.score_basis IS '得分依据 — rule (the formula), grade_band (the department''s score inside the grade''s band), entered (the rules cannot decide: the department''s score); NULL when no score';
COMMENT ON COLUMN indicator_score.score_min IS '最低得分 — the lowest score that agrees with the rules (lower bound of perf_score_range)';
COMMENT ON COLUMN indicator_score.score_max IS '最高得分 — the highest score that agrees with the rules (upper bound of perf_score_range)';
COMMENT ON COLUMN indicator_score.annual_target IS '全年指标值 — the target, as canonical text (perf_target)';
COMMENT ON COLUMN indicator_score.actual IS '实际完成值 — the actual, as canonical text (perf_value)';
COMMENT ON COLUMN indicator_score.form_weight IS '分值（表）— the weight the form gives (indicator.weight)';
COMMENT ON COLUMN indicator_score.deviation_note IS '偏差原因分析及改进措施 — the department''s explanation';
COMMENT ON COLUMN indicator_score.department_id IS '部门编号 — perfbudget.department.id of the form (the distribution column on Citus)';

-- One row per form with a self-evaluation (全年执行数, a self_evaluation
-- row or an actual).  Total = (execution score + Σ indicator scores) × 100
-- / (execution weight + Σ weights of the rows that apply): the identity
-- when the weights sum to 100, the 10号 rescaling when rows do not apply.
CREATE VIEW project_score WITH (security_invoker = true) AS
WITH agg AS (
    SELECT department_id, project_id, sum(score_used) AS score_sum, sum(weight_used) AS weight_sum,
           count(*) FILTER (WHERE weight_used IS NOT NULL AND score_used IS NULL) AS unscored,
           count(actual) AS actuals, sum(form_weight) AS form_weights,
           count(*) FILTER (WHERE weight_used IS NOT NULL AND actual IS NULL) AS no_actual
    FROM perfbudget.indicator_score
    GROUP BY department_id, project_id
), x AS (
    SELECT p.id, p.budget_year, p.region, p.department, p.name, p.spend_executed, p.department_id,
           coalesce(se.budget_adjusted, p.spend_annual) AS budget,
           coalesce(se.execution_weight, e.execution_weight) AS ew,
           se.total_score AS reported_total, se.grade AS reported_grade,
           a.score_sum, a.weight_sum, coalesce(a.unscored, 0) AS unscored,
           a.form_weights, coalesce(a.no_actual, 0) AS no_actual
    FROM perfbudget.project p
    CROSS JOIN perfbudget.evaluation_rule e
    LEFT JOIN perfbudget.self_evaluation se ON se.project_id = p.id AND se.department_id = p.department_id
    LEFT JOIN agg a ON a.project_id = p.id AND a.department_id = p.department_id
    WHERE p.spend_executed IS NOT NULL OR se.project_id IS NOT NULL OR a.actuals > 0
), y AS (
    SELECT x.*, x.spend_executed / nullif(x.budget, 0) AS rate,
           least(x.ew, x.ew * x.spend_executed / nullif(x.budget, 0)) AS exec_score,
           CASE WHEN x.unscored = 0 THEN coalesce(x.score_sum, 0) END AS ind_score
    FROM x
), z AS (
    SELECT y.*, (y.exec_score + y.ind_score) * 100
                / nullif(y.ew + coalesce(y.weight_sum, 0), 0) AS total
    FROM y
)
SELECT id AS project_id, round(rate, 4) AS execution_rate, round(exec_score, 2) AS execution_score,
       round(ind_score, 2) AS indicator_score, round(total, 2) AS total_score,
       perfbudget.score_grade(round(total, 2)) AS grade,
       budget_year, region, department, name AS project_name,
       round(ew + coalesce(weight_sum, 0), 4) AS weight_total, unscored::integer AS unscored_indicators,
       reported_total, reported_grade, ew AS execution_weight, form_weights AS form_weight_total,
       no_actual::integer AS indicators_without_actual, department_id
FROM z;

COMMENT ON VIEW project_score IS '项目自评得分 — one row per form with a self-evaluation: execution rate and score (min(分值, 分值 × 执行率)), indicator scores, total rescaled to 100 over the weights that apply, grade (优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60), beside the department''s own total and grade';
COMMENT ON COLUMN project_score.project_id IS '项目编号 — the form';
COMMENT ON COLUMN project_score.execution_rate IS '预算执行率 — 全年执行数 / 全年预算数 (self_evaluation.budget_adjusted, else spend_annual), a fraction (4 decimals)';
COMMENT ON COLUMN project_score.execution_score IS '预算执行率得分 — min(分值, 分值 × 执行率), 分值 from the form or evaluation_rule (2 decimals)';
COMMENT ON COLUMN project_score.indicator_score IS '指标得分 — Σ indicator_score.score_used; NULL while a weighted row has no score (2 decimals)';
COMMENT ON COLUMN project_score.total_score IS '总分 — (execution_score + indicator_score) × 100 / weight_total (2 decimals)';
COMMENT ON COLUMN project_score.grade IS '评价等级 — 优 / 良 / 中 / 差 of total_score';
COMMENT ON COLUMN project_score.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN project_score.region IS '行政区划 — region of the form';
COMMENT ON COLUMN project_score.department IS '主管部门 — supervising department';
COMMENT ON COLUMN project_score.project_name IS '项目名称 — project name';
COMMENT ON COLUMN project_score.weight_total IS '权重合计 — execution weight + the weights of the rows that apply (100 when nothing is dropped)';
COMMENT ON COLUMN project_score.unscored_indicators IS '未计分指标数 — weighted rows with neither a rules'' score nor the department''s';
COMMENT ON COLUMN project_score.reported_total IS '自评总分 — the total the department wrote';
COMMENT ON COLUMN project_score.reported_grade IS '自评等级 — the grade the department wrote';
COMMENT ON COLUMN project_score.execution_weight IS '预算执行率分值 — the form''s, else evaluation_rule.execution_weight';
COMMENT ON COLUMN project_score.form_weight_total IS '指标分值合计（表）— Σ of the weights the form gives its indicator rows (applicable or not); NULL when it gives none';
COMMENT ON COLUMN project_score.indicators_without_actual IS '缺实际值指标数 — weighted rows without an actual';
COMMENT ON COLUMN project_score.department_id IS '部门编号 — perfbudget.department.id of the form (the distribution column on Citus)';

CREATE VIEW department_score WITH (security_invoker = true) AS
SELECT budget_year, department, false AS is_total, count(*) AS projects_evaluated,
       count(total_score) AS projects_scored, round(avg(total_score), 2) AS avg_total_score,
       round(avg(execution_rate), 4) AS avg_execution_rate,
       count(*) FILTER (WHERE grade = '优') AS excellent, count(*) FILTER (WHERE grade = '良') AS good,
       count(*) FILTER (WHERE grade = '中') AS fair, count(*) FILTER (WHERE grade = '差') AS poor,
       region
FROM perfbudget.project_score
GROUP BY budget_year, region, department
UNION ALL
SELECT budget_year, NULL, true, count(*), count(total_score), round(avg(total_score), 2),
       round(avg(execution_rate), 4),
       count(*) FILTER (WHERE grade = '优'), count(*) FILTER (WHERE grade = '良'),
       count(*) FILTER (WHERE grade = '中'), count(*) FILTER (WHERE grade = '差'), NULL
FROM perfbudget.project_score
GROUP BY budget_year;

COMMENT ON VIEW department_score IS '部门自评得分 — one row per budget year, region and 主管部门 (beside department_summary), plus a total row per year: projects evaluated, average total and execution rate, the number of projects of each grade';
COMMENT ON COLUMN department_score.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN department_score.department IS '主管部门 — supervising department; NULL on the year''s total row';
COMMENT ON COLUMN department_score.is_total IS '是否合计行 — true on the total row of the year';
COMMENT ON COLUMN department_score.projects_evaluated IS '自评项目数 — forms with a self-evaluation';
COMMENT ON COLUMN department_score.projects_scored IS '已评分项目数 — forms with a total score';
COMMENT ON COLUMN department_score.avg_total_score IS '平均总分 — average total_score (2 decimals)';
COMMENT ON COLUMN department_score.avg_execution_rate IS '平均预算执行率 — average execution_rate, a fraction (4 decimals)';
COMMENT ON COLUMN department_score.excellent IS '优 — projects graded 优 (≥ 90)';
COMMENT ON COLUMN department_score.good IS '良 — projects graded 良 (80–<90)';
COMMENT ON COLUMN department_score.fair IS '中 — projects graded 中 (60–<80)';
COMMENT ON COLUMN department_score.poor IS '差 — projects graded 差 (< 60)';
COMMENT ON COLUMN department_score.region IS '行政区划 — region of the department''s forms; NULL on the year''s total row';

-------------------------------------------------------------------- monitoring

-- One row per project or indicator at risk in a monitoring report.  The
-- rules of a report are one array of hits (not a LATERAL VALUES list:
-- Citus refuses VALUES with format(), and the executor compiles a VALUES
-- list again for every row); every join is by the form's id and
-- department_id, so Citus runs it where the department's rows are.
CREATE VIEW monitoring_alerts WITH (security_invoker = true) AS
SELECT a.project_id, a.as_of, a.line_no,
       split_part(a.hit, E'\x1f', 1) AS reason, substr(a.hit, strpos(a.hit, E'\x1f') + 1) AS message,
       a.budget_year, a.region, a.department, a.project_name, a.department_id
FROM (
    SELECT m.project_id, m.as_of, NULL::integer AS line_no,
           m.budget_year, m.region, m.department, m.name AS project_name, m.department_id,
           unnest(array_remove(ARRAY[
            'behind_half_year_plan' || E'\x1f' ||
            CASE WHEN m.as_of >= make_date(m.budget_year, 6, 30) AND m.spend_half_year > 0
                      AND m.executed < m.spend_half_year * (1 - e.behind_plan_share)
                 THEN format('截至%s执行 %s 万元，为半年计划执行数 %s 万元的 %s%%，落后超过 %s%%',
                             to_char(m.as_of, 'YYYY年FMMM月FMDD日'), m.executed, m.spend_half_year,
                             round(100 * m.executed / m.spend_half_year, 1),
                             round(100 * e.behind_plan_share, 1)) END,
            'behind_schedule' || E'\x1f' ||
            CASE WHEN m.spend_annual > 0 AND m.elapsed > 0
                      AND m.executed < m.spend_annual * least(m.elapsed, 1)
                                       * (1 - e.behind_plan_share)
                 THEN format('截至%s执行 %s 万元，执行率 %s%%，低于序时进度 %s%% 超过 %s%%',
                             to_char(m.as_of, 'YYYY年FMMM月FMDD日'), m.executed,
                             round(100 * m.executed / m.spend_annual, 1),
                             round(100 * least(m.elapsed, 1), 1),
                             round(100 * e.behind_plan_share, 1)) END], NULL)) AS hit
    FROM (SELECT m.project_id, m.as_of, m.executed, m.department_id,
                 p.budget_year, p.region, p.department, p.name, p.spend_half_year, p.spend_annual,
                 -- 序时进度: the share of the budget year elapsed on the report date
                 (m.as_of - make_date(p.budget_year, 1, 1) + 1)::numeric
                 / (make_date(p.budget_year + 1, 1, 1) - make_date(p.budget_year, 1, 1)) AS elapsed
          FROM perfbudget.monitoring m
          JOIN perfbudget.project p ON p.id = m.project_id AND p.department_id = m.department_id) m
    CROSS JOIN perfbudget.evaluation_rule e
    UNION ALL
    SELECT im.project_id, im.as_of, im.line_no,
           p.budget_year, p.region, p.department, p.name, p.department_id,
           unnest(array_remove(ARRAY[
            'expected_misses_target' || E'\x1f' ||
            CASE WHEN NOT perfbudget.perf_met(i.annual_target, im.expected)
                 THEN format('指标「%s」全年预计完成值 %s 达不到年度指标值 %s', i.level3, im.expected,
                             i.annual_target) END,
            'completion_impossible' || E'\x1f' ||
            CASE WHEN im.likelihood = '完全不可能'
                 THEN format('指标「%s」完成目标可能性为“完全不可能”', i.level3) END,
            'deviation_without_cause' || E'\x1f' ||
            CASE WHEN (im.deviates OR im.likelihood IN ('有可能', '完全不可能')
                       OR NOT perfbudget.perf_met(i.annual_target, im.expected))
                      AND im.cause IS NULL AND coalesce(btrim(im.cause_note), '') = ''
                 THEN format('指标「%s」存在偏差但未说明偏差原因', i.level3) END,
            'deviation_without_measure' || E'\x1f' ||
            CASE WHEN im.likelihood IN ('有可能', '完全不可能') AND coalesce(btrim(im.measure), '') = ''
                 THEN format('指标「%s」完成目标可能性为“%s”但未填纠偏措施', i.level3, im.likelihood) END], NULL))
    FROM perfbudget.indicator_monitoring im
    JOIN perfbudget.indicator i
      ON i.project_id = im.project_id AND i.line_no = im.line_no AND i.department_id = im.department_id
    JOIN perfbudget.project p ON p.id = im.project_id AND p.department_id = im.department_id
) a;

COMMENT ON VIEW monitoring_alerts IS '监控预警 — one row per project or indicator at risk in a monitoring report: spending behind the half-year plan or 序时进度 by more than evaluation_rule.behind_plan_share, an expected value that misses the target by its own comparator, 完全不可能, a deviation without a cause, 有可能/完全不可能 without a corrective measure';
COMMENT ON COLUMN monitoring_alerts.project_id IS '项目编号 — the form';
COMMENT ON COLUMN monitoring_alerts.as_of IS '监控截止日期 — the report';
COMMENT ON COLUMN monitoring_alerts.line_no IS '行号 — the indicator row; NULL for the project''s spending';
COMMENT ON COLUMN monitoring_alerts.reason IS '预警原因 — behind_half_year_plan, behind_schedule, expected_misses_target, completion_impossible, deviation_without_cause, deviation_without_measure';
COMMENT ON COLUMN monitoring_alerts.message IS '预警说明 — in Chinese, with the figures';
COMMENT ON COLUMN monitoring_alerts.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN monitoring_alerts.region IS '行政区划 — region of the form';
COMMENT ON COLUMN monitoring_alerts.department IS '主管部门 — supervising department';
COMMENT ON COLUMN monitoring_alerts.project_name IS '项目名称 — project name';
COMMENT ON COLUMN monitoring_alerts.department_id IS '部门编号 — perfbudget.department.id of the form (the distribution column on Citus)';

-- Department totals of the latest report of each project.
CREATE VIEW monitoring_summary WITH (security_invoker = true) AS
WITH latest AS (
    SELECT DISTINCT ON (m.department_id, m.project_id) m.department_id, m.project_id, m.as_of, m.executed
    FROM perfbudget.monitoring m
    ORDER BY m.department_id, m.project_id, m.as_of DESC
), alerts AS (
    SELECT department_id, project_id, as_of, count(*) FILTER (WHERE line_no IS NULL) AS money_alerts,
           count(DISTINCT line_no) AS indicators_at_risk
    FROM perfbudget.monitoring_alerts
    GROUP BY department_id, project_id, as_of
)
SELECT p.budget_year, p.department, count(*) AS projects_monitored, max(l.as_of) AS latest_as_of,
       sum(l.executed) AS executed, sum(p.spend_half_year) AS spend_half_year,
       sum(p.spend_annual) AS spend_annual,
       round(sum(l.executed) / nullif(sum(p.spend_half_year), 0), 4) AS half_year_progress,
       round(sum(l.executed) / nullif(sum(p.spend_annual), 0), 4) AS annual_progress,
       count(*) FILTER (WHERE a.money_alerts > 0) AS projects_behind,
       count(*) FILTER (WHERE a.project_id IS NOT NULL) AS projects_at_risk,
       coalesce(sum(a.indicators_at_risk), 0)::bigint AS indicators_at_risk,
       p.region
FROM latest l
JOIN perfbudget.project p ON p.id = l.project_id AND p.department_id = l.department_id
LEFT JOIN alerts a ON a.project_id = l.project_id AND a.department_id = l.department_id AND a.as_of = l.as_of
GROUP BY p.budget_year, p.region, p.department;

COMMENT ON VIEW monitoring_summary IS '监控汇总 — one row per budget year, region and 主管部门 over the latest monitoring report of each project: spending against the half-year plan and the annual budget, projects and indicators at risk (monitoring_alerts)';
COMMENT ON COLUMN monitoring_summary.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN monitoring_summary.department IS '主管部门 — supervising department';
COMMENT ON COLUMN monitoring_summary.projects_monitored IS '监控项目数 — forms with a monitoring report';
COMMENT ON COLUMN monitoring_summary.latest_as_of IS '最近截止日期 — the latest report date among them';
COMMENT ON COLUMN monitoring_summary.executed IS '执行数（万元）— spent to date, latest report of each form';
COMMENT ON COLUMN monitoring_summary.spend_half_year IS '半年计划执行数（万元）— half-year plan of the same forms';
COMMENT ON COLUMN monitoring_summary.spend_annual IS '全年预算数（万元）— annual budget of the same forms';
COMMENT ON COLUMN monitoring_summary.half_year_progress IS '半年计划完成比例 — executed / spend_half_year, a fraction (4 decimals)';
COMMENT ON COLUMN monitoring_summary.annual_progress IS '预算执行率 — executed / spend_annual, a fraction (4 decimals)';
COMMENT ON COLUMN monitoring_summary.projects_behind IS '进度滞后项目数 — forms whose spending is behind plan or 序时进度';
COMMENT ON COLUMN monitoring_summary.projects_at_risk IS '预警项目数 — forms with any alert';
COMMENT ON COLUMN monitoring_summary.indicators_at_risk IS '预警指标数 — indicator rows with an alert';
COMMENT ON COLUMN monitoring_summary.region IS '行政区划 — region of the department''s forms';

-------------------------------------------------------------------- checks

-- The monitoring and self-evaluation checks (DOMAIN.md §6, §8): the body of
-- evaluation_finding_computed (a view without rows in 40_form_issues.sql),
-- part of issue_finding_computed, so that the checks are stored per form in
-- issue_finding at commit like every other rule and read by form_issues,
-- 问题清单 and the summaries' issue counts at no cost of their own.
-- Severity and on/off come from issue_rule (codes of area monitoring and
-- evaluation) at read time; the numbers from evaluation_rule, whose change
-- recomputes every form (the triggers below).
--
-- Each branch exposes project's id as project_id, so that a filter
-- project_id = ANY(ids) (the recomputation at commit) reaches project's
-- key, and reads the evaluation views per form through LATERAL ... OFFSET 0
-- (OFFSET 0 keeps the planner from flattening it into a join): the form's
-- id, and its latest report date, reach every table's key as parameters
-- whatever the statistics say.  A join would compute indicator_score's
-- window and project_score's GROUP BY for every form; and with project and
-- indicator analyzed while empty, the planner drove monitoring_alerts from
-- indicator, probing indicator_monitoring with the whole ANY list per row.
-- The self-evaluation is read only for the forms that have an actual, a
-- score, a 全年执行数 or a self_evaluation row (tested before the LATERAL is
-- read), the monitoring alerts only for a form's latest report (none: a
-- NULL date, nothing read).  A form without any — every form a target
-- import writes — costs a few index probes.  The rules of a row are one
-- array of hits, as in issue_finding_computed (not a LATERAL VALUES list,
-- which the executor compiles again for every row).
CREATE OR REPLACE VIEW evaluation_finding_computed WITH (security_invoker = true) AS
SELECT f.project_id, f.code, f.line_no, f.message,
       f.budget_year, f.department, f.project_name, f.region, f.department_id
FROM (
    -- monitoring: the alerts of each form's latest report
    SELECT p.id AS project_id, p.budget_year, p.region, p.department, p.name AS project_name, a.line_no,
           'monitoring_' || a.reason AS code, a.message, p.department_id
    FROM perfbudget.project p
    CROSS JOIN LATERAL (SELECT * FROM perfbudget.monitoring_alerts x
                        WHERE x.project_id = p.id AND x.department_id = p.department_id
                          AND x.as_of = (SELECT max(m.as_of) FROM perfbudget.monitoring m
                                         WHERE m.project_id = p.id AND m.department_id = p.department_id)
                        OFFSET 0) a
    UNION ALL
    -- self-evaluation, per indicator row with an actual or a score, of the
    -- forms that have one
    SELECT c.id, c.budget_year, c.region, c.department, c.name, c.line_no,
           split_part(c.hit, E'\x1f', 1), substr(c.hit, strpos(c.hit, E'\x1f') + 1), c.department_id
    FROM (SELECT p.id, p.budget_year, p.region, p.department, p.name, s.line_no, p.department_id,
                 unnest(array_remove(ARRAY[
                  'score_out_of_range' || E'\x1f' || CASE WHEN s.entered_score < 0 OR s.entered_score > k.w
                       THEN format('指标「%s」自评得分 %s 超出 [0, %s]', s.level3, s.entered_score, round(k.w, 2)) END,
                  'score_disagrees' || E'\x1f' || CASE WHEN s.entered_score BETWEEN 0 AND k.w
                            AND (s.entered_score < s.score_min - e.score_tolerance
                                 OR s.entered_score > s.score_max + e.score_tolerance)
                       THEN format('指标「%s」自评得分 %s 与评分规则不符（实际完成值 %s，指标值 %s，应为 %s）',
                                   s.level3, s.entered_score, s.actual, s.annual_target,
                                   CASE WHEN s.score_min = s.score_max
                                        THEN round(s.score_min, 2)::text
                                        ELSE round(s.score_min, 2) || '–' || round(s.score_max, 2) END) END,
                  'full_marks_target_missed' || E'\x1f' || CASE WHEN s.entered_score >= k.w AND k.w > 0 AND NOT k.met
                       THEN format('指标「%s」未达到指标值（实际完成值 %s，指标值 %s）却得满分 %s',
                                   s.level3, s.actual, s.annual_target, s.entered_score) END,
                  'over_target_without_note' || E'\x1f' || CASE WHEN perfbudget.perf_symbol(i.annual_target) IN ('≥', '>', '=')
                            AND perfbudget.perf_ratio(i.annual_target, i.actual) >= e.over_target_ratio
                            AND coalesce(btrim(s.deviation_note), '') = ''
                       THEN format('指标「%s」实际完成值 %s 达到指标值 %s 的 %s%%，未说明偏差原因（指标值是否设定偏低）',
                                   s.level3, s.actual, s.annual_target,
                                   round(100 * perfbudget.perf_ratio(i.annual_target, i.actual), 1)) END,
                  'score_undecided' || E'\x1f' || CASE WHEN s.weight_used IS NOT NULL AND s.actual IS NOT NULL
                            AND s.computed_score IS NULL
                       THEN format('指标「%s」无法按规则计分（实际完成值 %s，指标值 %s），%s', s.level3, s.actual,
                                   s.annual_target, CASE WHEN s.entered_score IS NULL THEN '也没有自评得分'
                                                         ELSE '采用自评得分 ' || s.entered_score END) END], NULL)) AS hit
          FROM perfbudget.project p
          -- the form's rows through indicator_score's window (partitioned
          -- by project: the form's id reaches indicator's key)
          CROSS JOIN LATERAL (SELECT * FROM perfbudget.indicator_score x
                              WHERE x.project_id = p.id AND x.department_id = p.department_id
                                -- every rule of a row needs an actual or a
                                -- score: the rules' score of those rows only
                                AND (x.entered_score IS NOT NULL OR x.actual IS NOT NULL)
                                -- and a form without any reads nothing more
                                -- (a one-time filter)
                                AND EXISTS (SELECT FROM perfbudget.indicator y
                                            WHERE y.project_id = p.id AND y.department_id = p.department_id
                                              AND (y.actual IS NOT NULL OR y.score IS NOT NULL))
                              OFFSET 0) s
          -- the typed target and actual (the view shows them as text)
          JOIN perfbudget.indicator i
            ON i.project_id = s.project_id AND i.line_no = s.line_no AND i.department_id = s.department_id
          CROSS JOIN perfbudget.evaluation_rule e
          CROSS JOIN LATERAL (SELECT coalesce(s.form_weight, s.weight_used) AS w,
                                     perfbudget.perf_met(i.annual_target, i.actual) AS met) k) c
    UNION ALL
    -- self-evaluation, per form with one (project_score's condition, tested
    -- before project_score is read)
    SELECT c.id, c.budget_year, c.region, c.department, c.name, NULL::integer,
           split_part(c.hit, E'\x1f', 1), substr(c.hit, strpos(c.hit, E'\x1f') + 1), c.department_id
    FROM (SELECT p.id, p.budget_year, p.region, p.department, p.name, p.department_id,
                 unnest(array_remove(ARRAY[
                  'weights_not_100' || E'\x1f' || CASE WHEN ps.form_weight_total IS NOT NULL
                            AND ps.execution_weight + ps.form_weight_total <> 100
                       THEN format('项目「%s」分值合计 %s（预算执行率 %s + 指标 %s），应为 100', ps.project_name,
                                   ps.execution_weight + ps.form_weight_total, ps.execution_weight,
                                   ps.form_weight_total) END,
                  'grade_mismatch' || E'\x1f' || CASE WHEN ps.se_grade IS NOT NULL AND coalesce(ps.se_total_score, ps.total_score) IS NOT NULL
                            AND ps.se_grade <> perfbudget.score_grade(coalesce(ps.se_total_score, ps.total_score))
                       THEN format('项目「%s」自评等级“%s”与总分 %s 不符（应为“%s”）', ps.project_name, ps.se_grade,
                                   coalesce(ps.se_total_score, ps.total_score),
                                   perfbudget.score_grade(coalesce(ps.se_total_score, ps.total_score))) END,
                  'execution_score_disagrees' || E'\x1f' || CASE WHEN abs(ps.se_execution_score - ps.execution_score) > e.score_tolerance
                       THEN format('项目「%s」预算执行率得分 %s 与规则不符（执行率 %s%%，应为 %s）', ps.project_name,
                                   ps.se_execution_score, round(100 * ps.execution_rate, 2), ps.execution_score) END,
                  'total_disagrees' || E'\x1f' || CASE WHEN abs(ps.se_total_score - ps.total_score) > e.score_tolerance
                       THEN format('项目「%s」自评总分 %s 与按规则计算的总分 %s 不符', ps.project_name,
                                   ps.se_total_score, ps.total_score) END,
                  'execution_without_reason' || E'\x1f' || CASE WHEN ps.execution_rate < e.execution_reason_below
                            AND coalesce(btrim(ps.se_execution_note), '') = ''
                       THEN format('项目「%s」预算执行率 %s%% 低于 %s%%，未说明原因', ps.project_name,
                                   round(100 * ps.execution_rate, 2), round(100 * e.execution_reason_below, 2)) END,
                  'executed_over_budget' || E'\x1f' || CASE WHEN ps.execution_rate > 1
                       THEN format('项目「%s」全年执行数超过全年预算数（执行率 %s%%）', ps.project_name,
                                   round(100 * ps.execution_rate, 2)) END,
                  'actual_missing' || E'\x1f' || CASE WHEN ps.indicators_without_actual > 0
                       THEN format('项目「%s」有 %s 个计分指标没有实际完成值', ps.project_name,
                                   ps.indicators_without_actual) END], NULL)) AS hit
          FROM perfbudget.project p
          CROSS JOIN LATERAL (SELECT s.*, se.grade AS se_grade, se.total_score AS se_total_score,
                                     se.execution_score AS se_execution_score,
                                     se.execution_note AS se_execution_note
                              FROM perfbudget.project_score s
                              LEFT JOIN perfbudget.self_evaluation se
                                ON se.project_id = s.project_id AND se.department_id = s.department_id
                              WHERE s.project_id = p.id AND s.department_id = p.department_id
                                -- project_score's own condition, tested first (a
                                -- one-time filter: a form without it reads nothing more)
                                AND (p.spend_executed IS NOT NULL
                                     OR EXISTS (SELECT FROM perfbudget.self_evaluation x
                                                WHERE x.project_id = p.id AND x.department_id = p.department_id)
                                     OR EXISTS (SELECT FROM perfbudget.indicator x
                                                WHERE x.project_id = p.id AND x.department_id = p.department_id
                                                  AND x.actual IS NOT NULL))
                              OFFSET 0) ps
          CROSS JOIN perfbudget.evaluation_rule e) c
) AS f;

-- The stored findings follow the reports: a write of monitoring,
-- indicator_monitoring or self_evaluation marks its forms pending and
-- recomputes them at commit, as a write of project, expenditure or
-- indicator does (40_form_issues.sql); a change of evaluation_setting
-- recomputes every form, as a threshold change does.
CREATE TRIGGER monitoring_findings_insert
    AFTER INSERT ON monitoring REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER monitoring_findings_update
    AFTER UPDATE ON monitoring REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER monitoring_findings_delete
    AFTER DELETE ON monitoring REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER indicator_monitoring_findings_insert
    AFTER INSERT ON indicator_monitoring REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER indicator_monitoring_findings_update
    AFTER UPDATE ON indicator_monitoring REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER indicator_monitoring_findings_delete
    AFTER DELETE ON indicator_monitoring REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER self_evaluation_findings_insert
    AFTER INSERT ON self_evaluation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER self_evaluation_findings_update
    AFTER UPDATE ON self_evaluation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER self_evaluation_findings_delete
    AFTER DELETE ON self_evaluation REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
COMMENT ON TRIGGER monitoring_findings_insert ON monitoring IS 'forms with a new monitoring report: findings recomputed at commit';
COMMENT ON TRIGGER monitoring_findings_update ON monitoring IS 'forms with a changed monitoring report (old and new form): findings recomputed at commit';
COMMENT ON TRIGGER monitoring_findings_delete ON monitoring IS 'forms with a deleted monitoring report: findings recomputed at commit';
COMMENT ON TRIGGER indicator_monitoring_findings_insert ON indicator_monitoring IS 'forms with new indicator monitoring rows: findings recomputed at commit';
COMMENT ON TRIGGER indicator_monitoring_findings_update ON indicator_monitoring IS 'forms with changed indicator monitoring rows (old and new form): findings recomputed at commit';
COMMENT ON TRIGGER indicator_monitoring_findings_delete ON indicator_monitoring IS 'forms with deleted indicator monitoring rows: findings recomputed at commit';
COMMENT ON TRIGGER self_evaluation_findings_insert ON self_evaluation IS 'forms with a new self-evaluation: findings recomputed at commit';
COMMENT ON TRIGGER self_evaluation_findings_update ON self_evaluation IS 'forms with a changed self-evaluation (old and new form): findings recomputed at commit';
COMMENT ON TRIGGER self_evaluation_findings_delete ON self_evaluation IS 'forms with a deleted self-evaluation: findings recomputed at commit';

CREATE CONSTRAINT TRIGGER monitoring_findings
    AFTER INSERT OR UPDATE OR DELETE ON monitoring
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION findings_at_commit('project_id');
CREATE CONSTRAINT TRIGGER indicator_monitoring_findings
    AFTER INSERT OR UPDATE OR DELETE ON indicator_monitoring
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION findings_at_commit('project_id');
CREATE CONSTRAINT TRIGGER self_evaluation_findings
    AFTER INSERT OR UPDATE OR DELETE ON self_evaluation
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION findings_at_commit('project_id');
COMMENT ON TRIGGER monitoring_findings ON monitoring IS
  '校验结果: the pending forms'' findings recomputed into issue_finding at commit, for a transaction that changed only monitoring reports';
COMMENT ON TRIGGER indicator_monitoring_findings ON indicator_monitoring IS
  '校验结果: the same at commit for a transaction that changed only indicator monitoring rows';
COMMENT ON TRIGGER self_evaluation_findings ON self_evaluation IS
  '校验结果: the same at commit for a transaction that changed only self-evaluations';

CREATE TRIGGER monitoring_findings_truncate
    AFTER TRUNCATE ON monitoring FOR EACH STATEMENT EXECUTE FUNCTION findings_truncate();
CREATE TRIGGER indicator_monitoring_findings_truncate
    AFTER TRUNCATE ON indicator_monitoring FOR EACH STATEMENT EXECUTE FUNCTION findings_truncate();
CREATE TRIGGER self_evaluation_findings_truncate
    AFTER TRUNCATE ON self_evaluation FOR EACH STATEMENT EXECUTE FUNCTION findings_truncate();
COMMENT ON TRIGGER monitoring_findings_truncate ON monitoring IS 'TRUNCATE of the monitoring reports: issue_finding recomputed';
COMMENT ON TRIGGER indicator_monitoring_findings_truncate ON indicator_monitoring IS 'TRUNCATE of the indicator monitoring rows: issue_finding recomputed';
COMMENT ON TRIGGER self_evaluation_findings_truncate ON self_evaluation IS 'TRUNCATE of the self-evaluations: issue_finding recomputed';

CREATE FUNCTION evaluation_setting_changed() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        -- no row event follows to recompute at commit: recompute now
        PERFORM perfbudget.rebuild_findings();
    ELSE
        PERFORM perfbudget.findings_touch_all();
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION evaluation_setting_changed() IS
  'trigger of evaluation_setting: a changed weight, rule or threshold of monitoring and self-evaluation recomputes every form''s findings at commit (perfbudget.findings_touch_all); a TRUNCATE recomputes them at once (perfbudget.rebuild_findings)';
CREATE TRIGGER evaluation_setting_changed
    AFTER INSERT OR UPDATE OR DELETE ON evaluation_setting
    FOR EACH ROW EXECUTE FUNCTION evaluation_setting_changed();
CREATE TRIGGER evaluation_setting_truncate
    AFTER TRUNCATE ON evaluation_setting
    FOR EACH STATEMENT EXECUTE FUNCTION evaluation_setting_changed();
CREATE CONSTRAINT TRIGGER evaluation_setting_findings
    AFTER INSERT OR UPDATE OR DELETE ON evaluation_setting
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION findings_at_commit();
COMMENT ON TRIGGER evaluation_setting_changed ON evaluation_setting IS 'a changed evaluation setting: every form''s findings recomputed at commit';
COMMENT ON TRIGGER evaluation_setting_truncate ON evaluation_setting IS 'the evaluation settings removed: every form''s findings recomputed (at once, TRUNCATE queues no deferred event)';
COMMENT ON TRIGGER evaluation_setting_findings ON evaluation_setting IS 'the recomputation at commit after an evaluation setting changed';

-- The monitoring and self-evaluation rows of form_issues (issue_rule area
-- monitoring and evaluation): the evaluation-only report.
CREATE VIEW evaluation_issues WITH (security_invoker = true) AS
SELECT f.project_id, f.severity, f.code, f.message, f.line_no,
       f.budget_year, f.department, f.project_name, f.region
FROM perfbudget.form_issues f
WHERE f.code IN (SELECT r.code FROM perfbudget.issue_rule r WHERE r.area IN ('monitoring', 'evaluation'));

COMMENT ON VIEW evaluation_issues IS '评价问题 — the rows of form_issues from the monitoring and self-evaluation checks (DOMAIN.md §6, §8; issue_rule area monitoring and evaluation): the alerts of each project''s latest monitoring report (warnings, code monitoring_<reason>); per indicator score_out_of_range, score_disagrees (errors), full_marks_target_missed, over_target_without_note, score_undecided (warnings); per project weights_not_100, grade_mismatch, execution_score_disagrees (errors), total_disagrees, execution_without_reason, executed_over_budget, actual_missing (warnings); severity and on/off by code in issue_rule_setting';
COMMENT ON COLUMN evaluation_issues.project_id IS '项目编号 — the form';
COMMENT ON COLUMN evaluation_issues.severity IS '严重程度 — error or warning';
COMMENT ON COLUMN evaluation_issues.code IS '规则代码 — stable code of the check';
COMMENT ON COLUMN evaluation_issues.message IS '问题说明 — what is wrong, in Chinese';
COMMENT ON COLUMN evaluation_issues.line_no IS '行号 — the indicator row concerned, when the problem is in one row';
COMMENT ON COLUMN evaluation_issues.budget_year IS '预算年度 — budget year of the form';
COMMENT ON COLUMN evaluation_issues.department IS '主管部门 — supervising department of the form';
COMMENT ON COLUMN evaluation_issues.project_name IS '项目名称 — name of the form''s project';
COMMENT ON COLUMN evaluation_issues.region IS '行政区划 — region of the form';

-------------------------------------------------------------------- Chinese-labelled twins

CREATE VIEW "项目得分" WITH (security_invoker = true) AS
SELECT project_id AS "项目编号", execution_rate AS "预算执行率", execution_score AS "执行率得分",
       indicator_score AS "指标得分", total_score AS "总分", grade AS "评价等级",
       budget_year AS "预算年度", region AS "行政区划", department AS "主管部门",
       project_name AS "项目名称", weight_total AS "权重合计", unscored_indicators AS "未计分指标数",
       reported_total AS "自评总分", reported_grade AS "自评等级",
       execution_weight AS "预算执行率分值", form_weight_total AS "指标分值合计",
       indicators_without_actual AS "缺实际值指标数"
FROM perfbudget.project_score;
COMMENT ON VIEW "项目得分" IS 'project_score with Chinese column names';

CREATE VIEW "部门得分" WITH (security_invoker = true) AS
SELECT budget_year AS "预算年度", department AS "主管部门", is_total AS "是否合计",
       projects_evaluated AS "自评项目数", projects_scored AS "已评分项目数",
       avg_total_score AS "平均总分", avg_execution_rate AS "平均预算执行率",
       excellent AS "优", good AS "良", fair AS "中", poor AS "差", region AS "行政区划"
FROM perfbudget.department_score;
COMMENT ON VIEW "部门得分" IS 'department_score with Chinese column names';

CREATE VIEW "监控预警" WITH (security_invoker = true) AS
SELECT project_id AS "项目编号", as_of AS "监控截止日期", line_no AS "行号", reason AS "预警原因",
       message AS "预警说明", budget_year AS "预算年度", region AS "行政区划",
       department AS "主管部门", project_name AS "项目名称"
FROM perfbudget.monitoring_alerts;
COMMENT ON VIEW "监控预警" IS 'monitoring_alerts with Chinese column names';

CREATE VIEW "监控汇总" WITH (security_invoker = true) AS
SELECT budget_year AS "预算年度", department AS "主管部门", projects_monitored AS "监控项目数",
       latest_as_of AS "最近截止日期", executed AS "执行数", spend_half_year AS "半年计划执行数",
       spend_annual AS "全年预算数", half_year_progress AS "半年计划完成比例",
       annual_progress AS "预算执行率", projects_behind AS "进度滞后项目数",
       projects_at_risk AS "预警项目数", indicators_at_risk AS "预警指标数", region AS "行政区划"
FROM perfbudget.monitoring_summary;
COMMENT ON VIEW "监控汇总" IS 'monitoring_summary with Chinese column names';

-- the twins' columns carry the comments of the columns they rename
COMMENT ON COLUMN "项目得分"."项目编号" IS '项目编号 — the form';
COMMENT ON COLUMN "项目得分"."预算执行率" IS '预算执行率 — 全年执行数 / 全年预算数 (self_evaluation.budget_adjusted, else spend_annual), a fraction (4 decimals)';
COMMENT ON COLUMN "项目得分"."执行率得分" IS '预算执行率得分 — min(分值, 分值 × 执行率), 分值 from the form or evaluation_rule (2 decimals)';
COMMENT ON COLUMN "项目得分"."指标得分" IS '指标得分 — Σ indicator_score.score_used; NULL while a weighted row has no score (2 decimals)';
COMMENT ON COLUMN "项目得分"."总分" IS '总分 — (execution_score + indicator_score) × 100 / weight_total (2 decimals)';
COMMENT ON COLUMN "项目得分"."评价等级" IS '评价等级 — 优 / 良 / 中 / 差 of total_score';
COMMENT ON COLUMN "项目得分"."预算年度" IS '预算年度 — budget year';
COMMENT ON COLUMN "项目得分"."行政区划" IS '行政区划 — region of the form';
COMMENT ON COLUMN "项目得分"."主管部门" IS '主管部门 — supervising department';
COMMENT ON COLUMN "项目得分"."项目名称" IS '项目名称 — project name';
COMMENT ON COLUMN "项目得分"."权重合计" IS '权重合计 — execution weight + the weights of the rows that apply (100 when nothing is dropped)';
COMMENT ON COLUMN "项目得分"."未计分指标数" IS '未计分指标数 — weighted rows with neither a rules'' score nor the department''s';
COMMENT ON COLUMN "项目得分"."自评总分" IS '自评总分 — the total the department wrote';
COMMENT ON COLUMN "项目得分"."自评等级" IS '自评等级 — the grade the department wrote';
COMMENT ON COLUMN "项目得分"."预算执行率分值" IS '预算执行率分值 — the form''s, else evaluation_rule.execution_weight';
COMMENT ON COLUMN "项目得分"."指标分值合计" IS '指标分值合计（表）— Σ of the weights the form gives its indicator rows (applicable or not); NULL when it gives none';
COMMENT ON COLUMN "项目得分"."缺实际值指标数" IS '缺实际值指标数 — weighted rows without an actual';
COMMENT ON COLUMN "部门得分"."预算年度" IS '预算年度 — budget year';
COMMENT ON COLUMN "部门得分"."主管部门" IS '主管部门 — supervising department; NULL on the year''s total row';
COMMENT ON COLUMN "部门得分"."是否合计" IS '是否合计行 — true on the total row of the year';
COMMENT ON COLUMN "部门得分"."自评项目数" IS '自评项目数 — forms with a self-evaluation';
COMMENT ON COLUMN "部门得分"."已评分项目数" IS '已评分项目数 — forms with a total score';
COMMENT ON COLUMN "部门得分"."平均总分" IS '平均总分 — average total_score (2 decimals)';
COMMENT ON COLUMN "部门得分"."平均预算执行率" IS '平均预算执行率 — average execution_rate, a fraction (4 decimals)';
COMMENT ON COLUMN "部门得分"."优" IS '优 — projects graded 优 (≥ 90)';
COMMENT ON COLUMN "部门得分"."良" IS '良 — projects graded 良 (80–<90)';
COMMENT ON COLUMN "部门得分"."中" IS '中 — projects graded 中 (60–<80)';
COMMENT ON COLUMN "部门得分"."差" IS '差 — projects graded 差 (< 60)';
COMMENT ON COLUMN "部门得分"."行政区划" IS '行政区划 — region of the department''s forms; NULL on the year''s total row';
COMMENT ON COLUMN "监控预警"."项目编号" IS '项目编号 — the form';
COMMENT ON COLUMN "监控预警"."监控截止日期" IS '监控截止日期 — the report';
COMMENT ON COLUMN "监控预警"."行号" IS '行号 — the indicator row; NULL for the project''s spending';
COMMENT ON COLUMN "监控预警"."预警原因" IS '预警原因 — behind_half_year_plan, behind_schedule, expected_misses_target, completion_impossible, deviation_without_cause, deviation_without_measure';
COMMENT ON COLUMN "监控预警"."预警说明" IS '预警说明 — in Chinese, with the figures';
COMMENT ON COLUMN "监控预警"."预算年度" IS '预算年度 — budget year';
COMMENT ON COLUMN "监控预警"."行政区划" IS '行政区划 — region of the form';
COMMENT ON COLUMN "监控预警"."主管部门" IS '主管部门 — supervising department';
COMMENT ON COLUMN "监控预警"."项目名称" IS '项目名称 — project name';
COMMENT ON COLUMN "监控汇总"."预算年度" IS '预算年度 — budget year';
COMMENT ON COLUMN "监控汇总"."主管部门" IS '主管部门 — supervising department';
COMMENT ON COLUMN "监控汇总"."监控项目数" IS '监控项目数 — forms with a monitoring report';
COMMENT ON COLUMN "监控汇总"."最近截止日期" IS '最近截止日期 — the latest report date among them';
COMMENT ON COLUMN "监控汇总"."执行数" IS '执行数（万元）— spent to date, latest report of each form';
COMMENT ON COLUMN "监控汇总"."半年计划执行数" IS '半年计划执行数（万元）— half-year plan of the same forms';
COMMENT ON COLUMN "监控汇总"."全年预算数" IS '全年预算数（万元）— annual budget of the same forms';
COMMENT ON COLUMN "监控汇总"."半年计划完成比例" IS '半年计划完成比例 — executed / spend_half_year, a fraction (4 decimals)';
COMMENT ON COLUMN "监控汇总"."预算执行率" IS '预算执行率 — executed / spend_annual, a fraction (4 decimals)';
COMMENT ON COLUMN "监控汇总"."进度滞后项目数" IS '进度滞后项目数 — forms whose spending is behind plan or 序时进度';
COMMENT ON COLUMN "监控汇总"."预警项目数" IS '预警项目数 — forms with any alert';
COMMENT ON COLUMN "监控汇总"."预警指标数" IS '预警指标数 — indicator rows with an alert';
COMMENT ON COLUMN "监控汇总"."行政区划" IS '行政区划 — region of the department''s forms';
