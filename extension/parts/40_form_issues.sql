-- The validation report (DOMAIN.md §6): one row per problem of a form, from
-- rules whose severity, threshold and on/off state a bureau can change.
-- Warnings never block a write; the errors listed here are the ones a
-- constraint cannot see (a form without rows, duplicates, dates).

-------------------------------------------------------------------- canonical labels

CREATE FUNCTION canonical_level1(label text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION canonical_level1(text) IS
  '一级指标规范名 — maps a written level-1 label (产出指标, 项目完成指标, 效果指标, "满意度指 标" …) to 产出指标, 效益指标, 满意度指标, 成本指标, 决策指标 or 过程指标; NULL when unknown';

CREATE FUNCTION canonical_level2(label text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION canonical_level2(text) IS
  '二级指标规范名 — maps a written level-2 label to 数量指标, 质量指标, 时效指标 (also 进度指标), 成本指标, 经济/社会/生态效益指标, 可持续影响指标 or 服务对象满意度指标; NULL when unknown';

-------------------------------------------------------------------- indicator sets

-- "The same indicator set": the fingerprints stored per form in
-- project_fingerprint (one definition, perfbudget.indicator_fingerprint,
-- kept at commit by the trigger indicator_fingerprint), for the
-- boilerplate rule of form_issues and for department_review.
CREATE VIEW indicator_set WITH (security_invoker = true) AS
SELECT p.id AS project_id, p.budget_year, p.department, f.fingerprint, p.region
FROM perfbudget.project p
JOIN perfbudget.project_fingerprint f ON f.project_id = p.id AND f.department_id = p.department_id;

COMMENT ON VIEW indicator_set IS '指标组合 — per form, a fingerprint of its 产出/效益/满意度 indicators (canonical levels, names and targets, in order): equal fingerprints mean a copied indicator set. Read from project_fingerprint, which is brought up to date at commit';
COMMENT ON COLUMN indicator_set.project_id IS '项目编号 — project id';
COMMENT ON COLUMN indicator_set.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN indicator_set.department IS '主管部门 — supervising department';
COMMENT ON COLUMN indicator_set.fingerprint IS '指标指纹 — md5 of the form''s indicator rows other than 决策/过程';
COMMENT ON COLUMN indicator_set.region IS '行政区划 — region of the form';

-------------------------------------------------------------------- rules and settings

CREATE TABLE issue_rule_setting (
    code      text PRIMARY KEY,
    enabled   boolean,
    severity  text CHECK (severity IN ('error', 'warning')),
    threshold numeric
);
COMMENT ON TABLE issue_rule_setting IS '校验规则设置 — a bureau''s overrides of the validation rules (see perfbudget.issue_rule); a NULL column keeps the default';
COMMENT ON COLUMN issue_rule_setting.code IS '规则代码 — code of the rule (perfbudget.issue_rule.code)';
COMMENT ON COLUMN issue_rule_setting.enabled IS '是否启用 — false switches the rule off; NULL keeps the default';
COMMENT ON COLUMN issue_rule_setting.severity IS '严重程度 — error or warning; NULL keeps the default';
COMMENT ON COLUMN issue_rule_setting.threshold IS '阈值 — the rule''s number (minimum count, percentage …); NULL keeps the default';
SELECT pg_catalog.pg_extension_config_dump('issue_rule_setting', '');

-- The rules' defaults: a table, not a VALUES list in the view, so that
-- a distributed database joins it as a reference table (Citus plans no
-- VALUES list with a cast beside distributed tables).  Part of the
-- extension, not of the data: not dumped.
CREATE TABLE issue_rule_default (
    code        text PRIMARY KEY,
    severity    text NOT NULL CHECK (severity IN ('error', 'warning')),
    threshold   numeric,
    area        text NOT NULL,
    description text NOT NULL
);
INSERT INTO issue_rule_default (code, severity, threshold, area, description) VALUES
    ('no_expenditure_rows',          'error',   NULL::numeric, 'money',     '有资金总额但没有资金分配行'),
    ('expenditure_sum_mismatch',     'error',   NULL, 'money',     '资金分配各行合计与支出资金总额不符（约束被绕过时）'),
    ('period_reversed',              'error',   NULL, 'money',     '开始时间晚于完成时间'),
    ('unit_mix',                     'warning', 10000, 'money',    '资金分配金额相差达阈值倍以上，疑似元与万元混用'),
    ('annual_target_missing',        'error',   NULL, 'indicator', '三级指标没有全年(程)指标值'),
    ('duplicate_indicator',          'error',   NULL, 'indicator', '同一二级指标下三级指标重复'),
    ('qualitative_with_number',      'warning', NULL, 'indicator', '计算符号为定性但指标值是数值或百分比'),
    ('qualitative_measurable',       'warning', NULL, 'indicator', '计算符号为定性但指标值是可计量的日期、期限或区间，是否应为定量指标'),
    ('percent_out_of_range',         'warning', NULL, 'indicator', '“率”类指标的百分比不在 0–100 之间'),
    ('rate_in_days',                 'warning', NULL, 'indicator', '“率”类指标以天或工作日计量'),
    ('count_without_unit',           'warning', NULL, 'indicator', '数量没有计量单位，指标名称中也没有'),
    ('date_outside_period',          'warning', NULL, 'indicator', '日期指标值不在项目开始时间与完成时间之间'),
    ('half_year_beyond_annual',      'warning', NULL, 'indicator', '半年(程)百分比指标值高于全年(程)指标值'),
    ('satisfaction_below_threshold', 'warning', 80,   'indicator', '满意度指标值低于阈值（百分比）'),
    ('missing_output',               'warning', NULL, 'coverage',  '缺少产出指标'),
    ('missing_benefit',              'warning', NULL, 'coverage',  '缺少效益指标'),
    ('missing_satisfaction',         'warning', NULL, 'coverage',  '缺少满意度指标'),
    ('output_without_quantity',      'warning', NULL, 'coverage',  '产出指标缺少数量指标'),
    ('output_without_quality_or_timeliness', 'warning', NULL, 'coverage', '产出指标缺少质量指标或时效指标'),
    ('missing_cost',                 'warning', NULL, 'coverage',  '缺少成本指标'),
    ('too_few_indicators',           'warning', 3,    'coverage',  '产出、效益、满意度等三级指标少于阈值个'),
    ('boilerplate_indicator_set',    'warning', 3,    'review',    '同一部门同一年度有阈值个以上项目的绩效指标完全相同'),
    ('annual_goal_copied',           'warning', NULL, 'review',    '年度目标与中长期目标完全相同'),
    -- monitoring and self-evaluation (DOMAIN.md §6, §8; doc/reference.md §12.5):
    -- their numbers are evaluation_setting's, not a threshold here
    ('monitoring_behind_half_year_plan',   'warning', NULL, 'monitoring', '最近一期监控：执行数落后半年计划执行数超过容忍度'),
    ('monitoring_behind_schedule',         'warning', NULL, 'monitoring', '最近一期监控：执行数低于序时进度超过容忍度'),
    ('monitoring_expected_misses_target',  'warning', NULL, 'monitoring', '最近一期监控：全年预计完成值达不到年度指标值'),
    ('monitoring_completion_impossible',   'warning', NULL, 'monitoring', '最近一期监控：完成目标可能性为完全不可能'),
    ('monitoring_deviation_without_cause', 'warning', NULL, 'monitoring', '最近一期监控：指标存在偏差但未说明原因'),
    ('monitoring_deviation_without_measure', 'warning', NULL, 'monitoring', '最近一期监控：有可能或完全不可能完成但未填纠偏措施'),
    ('score_out_of_range',           'error',   NULL, 'evaluation', '自评得分超出 [0, 分值]'),
    ('score_disagrees',              'error',   NULL, 'evaluation', '自评得分与评分规则不符（超出得分容差）'),
    ('full_marks_target_missed',     'warning', NULL, 'evaluation', '未达到指标值却得满分'),
    ('over_target_without_note',     'warning', NULL, 'evaluation', '实际完成值达到指标值的超额说明阈值倍以上，未说明偏差原因'),
    ('score_undecided',              'warning', NULL, 'evaluation', '实际完成值无法按规则计分'),
    ('weights_not_100',              'error',   NULL, 'evaluation', '预算执行率与指标分值合计不等于 100'),
    ('grade_mismatch',               'error',   NULL, 'evaluation', '自评等级与总分不符'),
    ('execution_score_disagrees',    'error',   NULL, 'evaluation', '预算执行率得分与规则不符'),
    ('total_disagrees',              'warning', NULL, 'evaluation', '自评总分与按规则计算的总分不符'),
    ('execution_without_reason',     'warning', NULL, 'evaluation', '预算执行率低于说明阈值而未说明原因'),
    ('executed_over_budget',         'warning', NULL, 'evaluation', '全年执行数超过全年预算数'),
    ('actual_missing',               'warning', NULL, 'evaluation', '计分指标没有实际完成值');
COMMENT ON TABLE issue_rule_default IS '校验规则默认值 — every rule of perfbudget.form_issues with its default severity and threshold (part of the extension; a bureau''s changes go in issue_rule_setting)';
COMMENT ON COLUMN issue_rule_default.code IS '规则代码 — stable code of the rule';
COMMENT ON COLUMN issue_rule_default.severity IS '严重程度 — default: error or warning';
COMMENT ON COLUMN issue_rule_default.threshold IS '阈值 — default threshold, where the rule has one';
COMMENT ON COLUMN issue_rule_default.area IS '类别 — money, indicator, coverage, review, monitoring or evaluation';
COMMENT ON COLUMN issue_rule_default.description IS '说明 — what the rule reports, in Chinese';

CREATE VIEW issue_rule WITH (security_invoker = true) AS
SELECT d.code,
       coalesce(s.enabled, true) AS enabled,
       coalesce(s.severity, d.severity) AS severity,
       coalesce(s.threshold, d.threshold) AS threshold,
       d.area,
       d.description
FROM issue_rule_default d
LEFT JOIN issue_rule_setting s USING (code);

COMMENT ON VIEW issue_rule IS '校验规则 — every rule of perfbudget.form_issues with its effective on/off state, severity and threshold (defaults merged with issue_rule_setting); the numbers of the monitoring and evaluation rules are in evaluation_setting';
COMMENT ON COLUMN issue_rule.code IS '规则代码 — stable code of the rule';
COMMENT ON COLUMN issue_rule.enabled IS '是否启用 — whether form_issues reports it';
COMMENT ON COLUMN issue_rule.severity IS '严重程度 — error or warning';
COMMENT ON COLUMN issue_rule.threshold IS '阈值 — the rule''s number, where it has one';
COMMENT ON COLUMN issue_rule.area IS '类别 — money, indicator, coverage, review, monitoring (the latest 绩效运行监控 report) or evaluation (绩效自评)';
COMMENT ON COLUMN issue_rule.description IS '说明 — what the rule reports, in Chinese';

-------------------------------------------------------------------- the rules, computed

-- Every rule of one form, computed from its rows now: the one definition of
-- the per-form findings.  perfbudget.issue_finding stores its result per
-- form (kept at commit, below); this view is what that table must equal,
-- what the commit-time maintenance and rebuild_findings() compute, and what
-- form_issues reads for the forms the current transaction has changed.
-- Rules are evaluated whether enabled or not, without severity (both come
-- from issue_rule at read time); thresholds are applied here, so a change
-- of a threshold recomputes the stored findings.  The cross-form rule
-- boilerplate_indicator_set is not here: form_issues joins it by keys from
-- the stored fingerprints.
--
-- The rules of a row are one array of its hits, code and message joined
-- by a unit separator (E'\x1f'; a code never holds one), NULLs removed and
-- unnested in the target list: a row without findings — most rows — yields
-- no row at all.  Not a LATERAL VALUES list: the executor compiles a VALUES
-- row's expressions again for every outer row (nodeValuesscan.c), ≈ 40 µs
-- per indicator row for these thirteen; nor a row per rule filtered
-- afterwards, thirteen rows per indicator row through the executor.
--
-- Written for a province's volume: every branch reads the tables once
-- (joins and GROUP BY, no per-project subquery), and each branch starts
-- from perfbudget.project with its year, region, department, id and name as
-- plain columns, so that a filter on any of them (project_id = ANY(ids) in
-- the maintenance) reaches the project table's indexes through the UNION
-- ALL and the GROUP BYs.
-- The monitoring and self-evaluation rules (area monitoring and evaluation
-- of issue_rule) read tables made later (70_evaluation.sql): here a view of
-- the same columns without rows, replaced by its body in
-- 75_evaluation_views.sql, so that issue_finding_computed, and with it the
-- stored findings, form_issues and the summaries, include them.
CREATE VIEW evaluation_finding_computed WITH (security_invoker = true) AS
SELECT NULL::bigint AS project_id, NULL::text AS code, NULL::integer AS line_no, NULL::text AS message,
       NULL::integer AS budget_year, NULL::text AS department, NULL::text AS project_name,
       NULL::text AS region, NULL::integer AS department_id
WHERE false;

COMMENT ON VIEW evaluation_finding_computed IS '评价校验结果（重算）— the findings of the monitoring and self-evaluation rules (issue_rule area monitoring and evaluation) of every form computed from its rows now, enabled or not, without severity: the alerts of each form''s latest monitoring report, the per-indicator and per-project checks of its self-evaluation, under evaluation_rule; part of issue_finding_computed';
COMMENT ON COLUMN evaluation_finding_computed.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN evaluation_finding_computed.code IS '规则代码 — code of the rule (perfbudget.issue_rule.code)';
COMMENT ON COLUMN evaluation_finding_computed.line_no IS '行号 — the indicator row concerned, when the problem is in one row';
COMMENT ON COLUMN evaluation_finding_computed.message IS '问题说明 — what is wrong, in Chinese';
COMMENT ON COLUMN evaluation_finding_computed.budget_year IS '预算年度 — budget year of the form';
COMMENT ON COLUMN evaluation_finding_computed.department IS '主管部门 — supervising department of the form';
COMMENT ON COLUMN evaluation_finding_computed.project_name IS '项目名称 — name of the form''s project';
COMMENT ON COLUMN evaluation_finding_computed.region IS '行政区划 — region of the form';
COMMENT ON COLUMN evaluation_finding_computed.department_id IS '部门编号 — the form''s department (project.department_id)';

CREATE VIEW issue_finding_computed WITH (security_invoker = true) AS
SELECT f.project_id, f.code, f.line_no, f.message,
       f.budget_year, f.department, f.project_name, f.region, f.department_id
FROM (
    -- money: one row per project with its expenditure rows summed
    SELECT c.id AS project_id, c.budget_year, c.region, c.department, c.name AS project_name,
           NULL::integer AS line_no, split_part(c.hit, E'\x1f', 1) AS code,
           substr(c.hit, strpos(c.hit, E'\x1f') + 1) AS message, c.department_id
    FROM (SELECT x.id, x.budget_year, x.region, x.department, x.name, x.department_id,
                 unnest(array_remove(ARRAY[
                  'no_expenditure_rows' || E'\x1f' || CASE WHEN x.n = 0 AND (coalesce(x.total, 0) <> 0 OR coalesce(x.spend_annual, 0) <> 0)
                           THEN format('项目「%s」资金总额 %s 万元，但没有资金分配行', x.name, coalesce(x.total, 0)) END,
                  'expenditure_sum_mismatch' || E'\x1f' || CASE WHEN x.n > 0 AND (coalesce(x.half_sum, 0) <> coalesce(x.spend_half_year, 0)
                                             OR coalesce(x.annual_sum, 0) <> coalesce(x.spend_annual, 0))
                           THEN format('项目「%s」资金分配合计（半年 %s，全年 %s）与支出资金总额（半年 %s，全年 %s）不符',
                                       x.name, x.half_sum, x.annual_sum, coalesce(x.spend_half_year, 0),
                                       coalesce(x.spend_annual, 0)) END,
                  'period_reversed' || E'\x1f' || CASE WHEN x.start_month > x.end_month
                           THEN format('项目「%s」开始时间 %s 晚于完成时间 %s', x.name,
                                       to_char(x.start_month, 'YYYY年FMMM月'), to_char(x.end_month, 'YYYY年FMMM月')) END,
                  'unit_mix' || E'\x1f' || CASE WHEN x.max_amount / x.min_amount >=
                                (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'unit_mix')
                           THEN format('项目「%s」资金分配最大 %s 万元、最小 %s 万元，相差 %s 倍，疑似元与万元混用',
                                       x.name, x.max_amount, x.min_amount, round(x.max_amount / x.min_amount)) END], NULL)) AS hit
          FROM (SELECT p.id, p.budget_year, p.region, p.department, p.name, p.department_id, p.total,
                       p.spend_half_year, p.spend_annual, p.start_month, p.end_month,
                       count(e.project_id) AS n, sum(e.half_year) AS half_sum, sum(e.annual) AS annual_sum,
                       max(e.annual) FILTER (WHERE e.annual > 0) AS max_amount,
                       min(e.annual) FILTER (WHERE e.annual > 0) AS min_amount
                FROM perfbudget.project p
                LEFT JOIN perfbudget.expenditure e ON e.project_id = p.id AND e.department_id = p.department_id
                -- every column it reads, not the primary key's functional
                -- dependency: Citus sends this to a shard, whose key it
                -- does not consider
                GROUP BY p.department_id, p.id, p.budget_year, p.region, p.department, p.name,
                         p.total, p.spend_half_year, p.spend_annual, p.start_month, p.end_month) x) c
    UNION ALL
    -- indicator rows: every rule of one row in one pass over the rows
    SELECT c.id, c.budget_year, c.region, c.department, c.name, c.line_no,
           split_part(c.hit, E'\x1f', 1), substr(c.hit, strpos(c.hit, E'\x1f') + 1), c.department_id
    FROM (SELECT p.id, p.budget_year, p.region, p.department, p.name, i.line_no, p.department_id,
                 unnest(array_remove(ARRAY[
                  'annual_target_missing' || E'\x1f' || CASE WHEN i.annual_target IS NULL
                           THEN format('第%s行指标「%s」没有全年(程)指标值', i.line_no, i.level3) END,
                  'qualitative_with_number' || E'\x1f' || CASE WHEN perfbudget.perf_symbol(i.half_year_target) = '定性'
                                AND perfbudget.perf_kind(i.half_year_target) IN ('percent', 'quantity')
                           THEN format('第%s行指标「%s」计算符号为定性，%s指标值却是 %s', i.line_no, i.level3, '半年',
                                       perfbudget.perf_value_of(i.half_year_target)) END,
                  'qualitative_measurable' || E'\x1f' || CASE WHEN perfbudget.perf_symbol(i.half_year_target) = '定性'
                                AND perfbudget.perf_kind(i.half_year_target) IN ('date', 'range')
                           THEN format('第%s行指标「%s」计算符号为定性，%s指标值 %s 却是可计量的%s——是否应为定量指标？',
                                       i.line_no, i.level3, '半年', substr(i.half_year_target::text, 4),
                                       CASE WHEN perfbudget.perf_kind(i.half_year_target) = 'date' THEN '日期（期限）' ELSE '区间' END) END,
                  'qualitative_with_number' || E'\x1f' || CASE WHEN perfbudget.perf_symbol(i.annual_target) = '定性'
                                AND perfbudget.perf_kind(i.annual_target) IN ('percent', 'quantity')
                           THEN format('第%s行指标「%s」计算符号为定性，%s指标值却是 %s', i.line_no, i.level3, '全年',
                                       perfbudget.perf_value_of(i.annual_target)) END,
                  'qualitative_measurable' || E'\x1f' || CASE WHEN perfbudget.perf_symbol(i.annual_target) = '定性'
                                AND perfbudget.perf_kind(i.annual_target) IN ('date', 'range')
                           THEN format('第%s行指标「%s」计算符号为定性，%s指标值 %s 却是可计量的%s——是否应为定量指标？',
                                       i.line_no, i.level3, '全年', substr(i.annual_target::text, 4),
                                       CASE WHEN perfbudget.perf_kind(i.annual_target) = 'date' THEN '日期（期限）' ELSE '区间' END) END,
                  'percent_out_of_range' || E'\x1f' || CASE WHEN i.level3 LIKE '%率%' AND perfbudget.perf_kind(i.half_year_target) = 'percent'
                                AND (perfbudget.perf_number(i.half_year_target) < 0
                                     OR perfbudget.perf_number(i.half_year_target) > 100)
                           THEN format('第%s行指标「%s」是比率，%s指标值 %s 不在 0–100%% 之间', i.line_no, i.level3,
                                       '半年', i.half_year_target) END,
                  'percent_out_of_range' || E'\x1f' || CASE WHEN i.level3 LIKE '%率%' AND perfbudget.perf_kind(i.annual_target) = 'percent'
                                AND (perfbudget.perf_number(i.annual_target) < 0
                                     OR perfbudget.perf_number(i.annual_target) > 100)
                           THEN format('第%s行指标「%s」是比率，%s指标值 %s 不在 0–100%% 之间', i.line_no, i.level3,
                                       '全年', i.annual_target) END,
                  'rate_in_days' || E'\x1f' || CASE WHEN i.level3 LIKE '%率%'
                                AND perfbudget.perf_unit(i.annual_target) ~ '^(个)?(工作日|天|日|小时)$'
                           THEN format('第%s行指标「%s」是比率，指标值却以「%s」计量', i.line_no, i.level3,
                                       perfbudget.perf_unit(i.annual_target)) END,
                  'count_without_unit' || E'\x1f' || CASE WHEN perfbudget.perf_kind(i.annual_target) = 'quantity'
                                AND perfbudget.perf_unit(i.annual_target) IS NULL
                                AND i.level3 !~ '[(（].+[)）]'
                           THEN format('第%s行指标「%s」的指标值 %s 没有计量单位', i.line_no, i.level3,
                                       i.annual_target) END,
                  'date_outside_period' || E'\x1f' || CASE WHEN perfbudget.perf_date(i.half_year_target) < p.start_month
                                OR perfbudget.perf_date(i.half_year_target) >= (p.end_month + interval '1 month')
                           THEN format('第%s行指标「%s」的日期 %s 不在项目期间 %s–%s 内', i.line_no, i.level3,
                                       i.half_year_target, to_char(p.start_month, 'YYYY年FMMM月'),
                                       to_char(p.end_month, 'YYYY年FMMM月')) END,
                  'date_outside_period' || E'\x1f' || CASE WHEN perfbudget.perf_date(i.annual_target) < p.start_month
                                OR perfbudget.perf_date(i.annual_target) >= (p.end_month + interval '1 month')
                           THEN format('第%s行指标「%s」的日期 %s 不在项目期间 %s–%s 内', i.line_no, i.level3,
                                       i.annual_target, to_char(p.start_month, 'YYYY年FMMM月'),
                                       to_char(p.end_month, 'YYYY年FMMM月')) END,
                  'half_year_beyond_annual' || E'\x1f' || CASE WHEN perfbudget.perf_kind(i.half_year_target) = 'percent'
                                AND perfbudget.perf_kind(i.annual_target) = 'percent'
                                AND perfbudget.perf_symbol(i.half_year_target) = perfbudget.perf_symbol(i.annual_target)
                                AND perfbudget.perf_symbol(i.annual_target) IN ('≥', '>', '=')
                                AND perfbudget.perf_number(i.half_year_target) > perfbudget.perf_number(i.annual_target)
                           THEN format('第%s行指标「%s」半年指标值 %s 高于全年指标值 %s', i.line_no, i.level3,
                                       i.half_year_target, i.annual_target) END,
                  'satisfaction_below_threshold' || E'\x1f' || CASE WHEN (perfbudget.canonical_level1(i.level1) = '满意度指标' OR i.level3 LIKE '%满意%')
                                AND perfbudget.perf_kind(i.annual_target) = 'percent'
                                AND perfbudget.perf_symbol(i.annual_target) IN ('≥', '>', '=')
                                AND perfbudget.perf_number(i.annual_target) <
                                    (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'satisfaction_below_threshold')
                           THEN format('第%s行满意度指标「%s」的目标 %s 低于 %s%%', i.line_no, i.level3, i.annual_target,
                                       (SELECT threshold FROM perfbudget.issue_rule
                                        WHERE code = 'satisfaction_below_threshold')) END], NULL)) AS hit
          FROM perfbudget.project p
          JOIN perfbudget.indicator i ON i.project_id = p.id AND i.department_id = p.department_id) c
    UNION ALL
    -- the same 三级 name twice under one 二级
    SELECT p.id, p.budget_year, p.region, p.department, p.name, min(i.line_no), 'duplicate_indicator',
           format('二级指标「%s」下三级指标「%s」重复（第%s行）', coalesce(i.level2, ''), i.level3,
                  string_agg(i.line_no::text, '、' ORDER BY i.line_no)), p.department_id
    FROM perfbudget.project p
    JOIN perfbudget.indicator i ON i.project_id = p.id AND i.department_id = p.department_id
    GROUP BY p.department_id, p.id, p.budget_year, p.region, p.department, p.name, i.level2, i.level3
    HAVING count(*) > 1
    UNION ALL
    -- coverage: one row per project with what its indicator table has
    SELECT c.id, c.budget_year, c.region, c.department, c.name, NULL,
           split_part(c.hit, E'\x1f', 1), format('项目「%s」%s', c.name, substr(c.hit, strpos(c.hit, E'\x1f') + 1)), c.department_id
    FROM (SELECT h.id, h.budget_year, h.region, h.department, h.name, h.department_id,
                 unnest(array_remove(ARRAY[
                  CASE WHEN NOT h.has_output THEN 'missing_output' || E'\x1f' || '缺少产出指标' END,
                  CASE WHEN NOT h.has_benefit THEN 'missing_benefit' || E'\x1f' || '缺少效益指标' END,
                  CASE WHEN NOT h.has_satisfaction THEN 'missing_satisfaction' || E'\x1f' || '缺少满意度指标' END,
                  CASE WHEN (h.has_output AND NOT h.has_quantity) THEN 'output_without_quantity' || E'\x1f' || '产出指标缺少数量指标' END,
                  CASE WHEN (h.has_output AND NOT h.has_quality) THEN 'output_without_quality_or_timeliness' || E'\x1f' || '产出指标缺少质量指标或时效指标' END,
                  CASE WHEN NOT h.has_cost THEN 'missing_cost' || E'\x1f' || '缺少成本指标' END,
                  CASE WHEN (h.n < (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'too_few_indicators')) THEN 'too_few_indicators' || E'\x1f' || format('产出、效益、满意度等三级指标只有 %s 个，少于 %s 个', h.n,
                             (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'too_few_indicators')) END], NULL)) AS hit
          FROM (SELECT p.id, p.budget_year, p.region, p.department, p.name, p.department_id,
                       coalesce(bool_or(i.l1 = '产出指标'), false) AS has_output,
                       coalesce(bool_or(i.l1 = '效益指标'), false) AS has_benefit,
                       coalesce(bool_or(i.l1 = '满意度指标'), false) AS has_satisfaction,
                       coalesce(bool_or(i.l1 = '产出指标' AND i.l2 = '数量指标'), false) AS has_quantity,
                       coalesce(bool_or(i.l1 = '产出指标' AND i.l2 IN ('质量指标', '时效指标')), false) AS has_quality,
                       coalesce(bool_or(i.l1 = '成本指标' OR i.l2 LIKE '%成本指标'), false) AS has_cost,
                       count(i.project_id) FILTER (WHERE coalesce(i.l1, '') NOT IN ('决策指标', '过程指标')) AS n
                FROM perfbudget.project p
                LEFT JOIN (SELECT project_id, department_id, perfbudget.canonical_level1(level1) AS l1,
                                  perfbudget.canonical_level2(level2) AS l2
                           FROM perfbudget.indicator) i ON i.project_id = p.id AND i.department_id = p.department_id
                GROUP BY p.department_id, p.id, p.budget_year, p.region, p.department, p.name) h) c
    UNION ALL
    SELECT p.id, p.budget_year, p.region, p.department, p.name, NULL, 'annual_goal_copied',
           format('项目「%s」的年度目标照抄中长期目标', p.name), p.department_id
    FROM perfbudget.project p
    WHERE btrim(p.annual_goal) <> '' AND btrim(p.annual_goal) = btrim(p.long_term_goal)
    UNION ALL
    -- monitoring and self-evaluation (75_evaluation_views.sql)
    SELECT v.project_id, v.budget_year, v.region, v.department, v.project_name, v.line_no, v.code, v.message,
           v.department_id
    FROM perfbudget.evaluation_finding_computed v
) AS f;

COMMENT ON VIEW issue_finding_computed IS '校验结果（重算）— every finding of every form computed from its rows now (its monitoring and self-evaluation reports included: evaluation_finding_computed), all rules but boilerplate_indicator_set, enabled or not, without severity: the reference that perfbudget.issue_finding equals once the writing transactions have committed';
COMMENT ON COLUMN issue_finding_computed.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN issue_finding_computed.code IS '规则代码 — code of the rule (perfbudget.issue_rule.code)';
COMMENT ON COLUMN issue_finding_computed.line_no IS '行号 — the indicator row concerned, when the problem is in one row';
COMMENT ON COLUMN issue_finding_computed.message IS '问题说明 — what is wrong, in Chinese';
COMMENT ON COLUMN issue_finding_computed.budget_year IS '预算年度 — budget year of the form';
COMMENT ON COLUMN issue_finding_computed.department IS '主管部门 — supervising department of the form';
COMMENT ON COLUMN issue_finding_computed.project_name IS '项目名称 — name of the form''s project';
COMMENT ON COLUMN issue_finding_computed.region IS '行政区划 — region of the form';
COMMENT ON COLUMN issue_finding_computed.department_id IS '部门编号 — the form''s department (project.department_id)';

-------------------------------------------------------------------- the rules, stored

-- perfbudget.issue_finding holds issue_finding_computed per form, brought
-- up to date at commit (src/issue_finding.c):
--
--   project, expenditure, indicator ──(statement triggers with transition
--   tables: the project ids only, no query)──► the transaction's pending
--   set ──(first deferred trigger event at commit: one statement for all of
--   them)──► issue_finding
--
-- At commit the pending forms' project rows are locked in id order (FOR NO
-- KEY UPDATE, as the fingerprint and sum triggers do), then their findings
-- are deleted and recomputed from issue_finding_computed in one statement
-- under the latest snapshot: a writer committing after us recomputes with
-- our rows.  The deferred events are those of findings_at_commit on
-- project and expenditure and of indicator_fingerprint on indicator (one
-- event queue per row there already; it flushes first).  Until commit,
-- form_issues recomputes the pending forms of the reading transaction
-- itself (findings_pending()), so a transaction sees its own writes.
--
-- Not dumped: a restore loads project, expenditure and indicator, whose
-- triggers fill it at each load's commit; rebuild_findings() recomputes
-- it from scratch.  The foreign key to project costs a key check per
-- finding written, and pays for it twice: a deleted form takes its findings
-- with it, and the planner knows that each finding joins exactly one form
-- (without the key it multiplies the selectivities of project_id and
-- department_id and expects a few hundred times too few rows, which turned
-- department_summary's findings count into an on-disk sort at 300,000 forms).
CREATE TABLE issue_finding (
    project_id bigint NOT NULL,
    code       text NOT NULL,
    line_no    integer,
    message    text NOT NULL,
    department_id integer NOT NULL,
    FOREIGN KEY (project_id, department_id) REFERENCES project (id, department_id)
        ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX issue_finding_project_idx ON issue_finding (project_id);
COMMENT ON TABLE issue_finding IS '校验结果 — the findings of form_issues per form (all rules but boilerplate_indicator_set, the monitoring and self-evaluation rules included, enabled or not, thresholds and evaluation_setting applied), kept at commit by the triggers findings_collect and findings_at_commit; equal to issue_finding_computed once writers have committed. Not dumped: rebuilt as a restore loads the forms, or by perfbudget.rebuild_findings()';
COMMENT ON COLUMN issue_finding.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN issue_finding.code IS '规则代码 — code of the rule (perfbudget.issue_rule.code)';
COMMENT ON COLUMN issue_finding.line_no IS '行号 — the indicator row concerned, when the problem is in one row';
COMMENT ON COLUMN issue_finding.department_id IS '部门编号 — the form''s department (project.department_id), the distribution key on Citus';
COMMENT ON COLUMN issue_finding.message IS '问题说明 — what is wrong, in Chinese, with the threshold in force when it was computed';
COMMENT ON INDEX issue_finding_project_idx IS 'the findings of one form: form_issues by project, and their replacement at commit';

CREATE FUNCTION findings_collect() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION findings_collect() IS
  'statement trigger (with transition tables): adds the project ids of the changed rows (the column named by the trigger''s argument) to the transaction''s pending set, whose findings are recomputed at commit; runs no query';

CREATE FUNCTION findings_at_commit() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION findings_at_commit() IS
  'deferred constraint trigger: at commit (or SET CONSTRAINTS … IMMEDIATE), locks the pending forms'' project rows in id order and replaces their rows of issue_finding by issue_finding_computed in one statement; later events of the same commit find nothing pending';

CREATE FUNCTION findings_pending() RETURNS bigint[]
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION findings_pending() IS
  'the ids of the forms this transaction changed whose stored findings are not yet recomputed (empty in other sessions and after commit); form_issues computes these forms'' findings at read time';

CREATE TRIGGER project_findings_insert
    AFTER INSERT ON project REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('id');
CREATE TRIGGER project_findings_update
    AFTER UPDATE ON project REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('id');
CREATE TRIGGER project_findings_delete
    AFTER DELETE ON project REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('id');
CREATE TRIGGER expenditure_findings_insert
    AFTER INSERT ON expenditure REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER expenditure_findings_update
    AFTER UPDATE ON expenditure REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER expenditure_findings_delete
    AFTER DELETE ON expenditure REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER indicator_findings_insert
    AFTER INSERT ON indicator REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER indicator_findings_update
    AFTER UPDATE ON indicator REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
CREATE TRIGGER indicator_findings_delete
    AFTER DELETE ON indicator REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION findings_collect('project_id');
COMMENT ON TRIGGER project_findings_insert ON project IS 'new forms: their findings are computed at commit';
COMMENT ON TRIGGER project_findings_update ON project IS 'changed forms (name, money, dates, goals …): their findings are recomputed at commit';
COMMENT ON TRIGGER project_findings_delete ON project IS 'deleted forms: their findings are deleted at commit';
COMMENT ON TRIGGER expenditure_findings_insert ON expenditure IS 'forms with new expenditure rows: findings recomputed at commit';
COMMENT ON TRIGGER expenditure_findings_update ON expenditure IS 'forms with changed expenditure rows (old and new form): findings recomputed at commit';
COMMENT ON TRIGGER expenditure_findings_delete ON expenditure IS 'forms with deleted expenditure rows: findings recomputed at commit';
COMMENT ON TRIGGER indicator_findings_insert ON indicator IS 'forms with new indicator rows: findings recomputed at commit';
COMMENT ON TRIGGER indicator_findings_update ON indicator IS 'forms with changed indicator rows (old and new form): findings recomputed at commit';
COMMENT ON TRIGGER indicator_findings_delete ON indicator IS 'forms with deleted indicator rows: findings recomputed at commit';

CREATE CONSTRAINT TRIGGER project_findings
    AFTER UPDATE OR DELETE ON project
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION findings_at_commit('id');
CREATE CONSTRAINT TRIGGER expenditure_findings
    AFTER UPDATE OR DELETE ON expenditure
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (perfbudget.row_event_needed(OLD.project_id))
    EXECUTE FUNCTION findings_at_commit('project_id');
-- inserted rows: no event for a form the running import_form call writes
-- whole (it stores their findings at its end; form_event_needed)
CREATE CONSTRAINT TRIGGER project_findings_inserted
    AFTER INSERT ON project
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (perfbudget.form_event_needed(NEW.id))
    EXECUTE FUNCTION findings_at_commit('id');
CREATE CONSTRAINT TRIGGER expenditure_findings_inserted
    AFTER INSERT ON expenditure
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (perfbudget.form_event_needed(NEW.project_id))
    EXECUTE FUNCTION findings_at_commit('project_id');
COMMENT ON TRIGGER project_findings ON project IS
  '校验结果: the pending forms'' findings recomputed into issue_finding at commit (deferred; the first event of the commit does all of them), after updates and deletes of forms';
COMMENT ON TRIGGER expenditure_findings ON expenditure IS
  '校验结果: the same at commit for a transaction that changed only expenditure rows';
COMMENT ON TRIGGER project_findings_inserted ON project IS
  '校验结果: the same for inserted forms, except those the running import_form call writes whole (it stores their findings itself)';
COMMENT ON TRIGGER expenditure_findings_inserted ON expenditure IS
  '校验结果: the same for inserted expenditure rows, except those of a form the running import_form call writes whole';

-- A new threshold changes the stored findings of its rule: every form is
-- recomputed at commit.  On/off and severity are applied at read time and
-- need nothing.
CREATE FUNCTION findings_touch_all() RETURNS void
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT VOLATILE;
COMMENT ON FUNCTION findings_touch_all() IS
  'adds every form to the transaction''s pending set (its findings are then recomputed at commit, and read as computed until then); a threshold change of issue_rule_setting calls it';

CREATE FUNCTION issue_rule_setting_changed() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        -- no row event follows to recompute at commit: recompute now (the
        -- table lock held to commit makes later writers wait and see it)
        PERFORM perfbudget.rebuild_findings();
    ELSIF TG_OP = 'INSERT' THEN
        IF EXISTS (SELECT FROM new_rows n WHERE n.threshold IS NOT NULL) THEN
            PERFORM perfbudget.findings_touch_all();
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF EXISTS (SELECT FROM old_rows o WHERE o.threshold IS NOT NULL) THEN
            PERFORM perfbudget.findings_touch_all();
        END IF;
    ELSIF EXISTS (SELECT FROM old_rows o FULL JOIN new_rows n ON n.code OPERATOR(pg_catalog.=) o.code
                  WHERE o.code IS NULL OR n.code IS NULL OR o.threshold IS DISTINCT FROM n.threshold) THEN
        PERFORM perfbudget.findings_touch_all();
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION issue_rule_setting_changed() IS
  'trigger of issue_rule_setting: when a threshold is set, changed or removed, every form''s findings are recomputed at commit (perfbudget.findings_touch_all); a TRUNCATE recomputes them at once (perfbudget.rebuild_findings)';

CREATE TRIGGER issue_rule_setting_insert
    AFTER INSERT ON issue_rule_setting REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION issue_rule_setting_changed();
CREATE TRIGGER issue_rule_setting_update
    AFTER UPDATE ON issue_rule_setting REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION issue_rule_setting_changed();
CREATE TRIGGER issue_rule_setting_delete
    AFTER DELETE ON issue_rule_setting REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION issue_rule_setting_changed();
CREATE TRIGGER issue_rule_setting_truncate
    AFTER TRUNCATE ON issue_rule_setting
    FOR EACH STATEMENT EXECUTE FUNCTION issue_rule_setting_changed();
CREATE CONSTRAINT TRIGGER issue_rule_setting_findings
    AFTER INSERT OR UPDATE OR DELETE ON issue_rule_setting
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION findings_at_commit();
COMMENT ON TRIGGER issue_rule_setting_insert ON issue_rule_setting IS 'a new threshold: every form''s findings recomputed at commit';
COMMENT ON TRIGGER issue_rule_setting_update ON issue_rule_setting IS 'a changed threshold: every form''s findings recomputed at commit';
COMMENT ON TRIGGER issue_rule_setting_delete ON issue_rule_setting IS 'a removed threshold: every form''s findings recomputed at commit';
COMMENT ON TRIGGER issue_rule_setting_truncate ON issue_rule_setting IS 'all settings removed: every form''s findings recomputed (at once, TRUNCATE queues no deferred event)';
COMMENT ON TRIGGER issue_rule_setting_findings ON issue_rule_setting IS 'the recomputation at commit after a threshold change';

CREATE FUNCTION rebuild_findings() RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    LOCK TABLE perfbudget.project, perfbudget.expenditure, perfbudget.indicator,
               perfbudget.issue_rule_setting, perfbudget.monitoring, perfbudget.indicator_monitoring,
               perfbudget.self_evaluation, perfbudget.evaluation_setting IN SHARE MODE;
    LOCK TABLE perfbudget.issue_finding IN EXCLUSIVE MODE;
    DELETE FROM perfbudget.issue_finding;
    INSERT INTO perfbudget.issue_finding (project_id, code, line_no, message, department_id)
    SELECT c.project_id, c.code, c.line_no, c.message, c.department_id
    FROM perfbudget.issue_finding_computed c;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION rebuild_findings() IS
  '重建校验结果 — recomputes issue_finding from the forms (after a data-only restore with --disable-triggers, or to check it); returns the number of findings stored. Locks the forms, their monitoring and self-evaluation reports and the settings against writes while it runs';

-- TRUNCATE fires no row or transition-table triggers: the findings are
-- recomputed at once (TRUNCATE project CASCADE leaves none).
CREATE FUNCTION findings_truncate() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM perfbudget.rebuild_findings();
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION findings_truncate() IS
  'trigger of project, expenditure and indicator: a TRUNCATE recomputes issue_finding at once (rebuild_findings)';
CREATE TRIGGER project_findings_truncate
    AFTER TRUNCATE ON project FOR EACH STATEMENT EXECUTE FUNCTION findings_truncate();
CREATE TRIGGER expenditure_findings_truncate
    AFTER TRUNCATE ON expenditure FOR EACH STATEMENT EXECUTE FUNCTION findings_truncate();
CREATE TRIGGER indicator_findings_truncate
    AFTER TRUNCATE ON indicator FOR EACH STATEMENT EXECUTE FUNCTION findings_truncate();
COMMENT ON TRIGGER project_findings_truncate ON project IS 'TRUNCATE of the forms: issue_finding recomputed (emptied)';
COMMENT ON TRIGGER expenditure_findings_truncate ON expenditure IS 'TRUNCATE of the expenditure rows: issue_finding recomputed';
COMMENT ON TRIGGER indicator_findings_truncate ON indicator IS 'TRUNCATE of the indicator rows: issue_finding recomputed';

-------------------------------------------------------------------- the report

-- The findings of some forms computed now, through issue_finding_computed
-- (a SQL function the planner inlines, so that the ids reach the project
-- table's index in every branch).
CREATE FUNCTION findings_computed(project_ids bigint[])
RETURNS TABLE (project_id bigint, code text, line_no integer, message text,
               budget_year integer, department text, project_name text, region text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT c.project_id, c.code, c.line_no, c.message,
           c.budget_year, c.department, c.project_name, c.region
    FROM perfbudget.issue_finding_computed c
    -- no pending form (the usual case): nothing to compute, not even a plan's scans
    WHERE pg_catalog.cardinality(project_ids) OPERATOR(pg_catalog.>) 0
      AND c.project_id OPERATOR(pg_catalog.=) ANY (project_ids)
$$;
COMMENT ON FUNCTION findings_computed(bigint[]) IS
  '重算校验结果 — issue_finding_computed for the given forms (inlined by the planner: the ids reach each rule''s index scan), e.g. to check the stored findings of some forms against their rows; form_findings filters issue_finding_computed itself in the same way (Citus plans no SQL function with parameters)';

-- The stored findings of the forms, those of the forms this transaction
-- changed computed now instead (findings_pending(), empty in any other
-- session), and the copied-set rule joined by keys from the stored
-- fingerprints.  Every branch exposes the project's id, year, region and
-- department as plain columns, so that filters reach the project table's
-- indexes.  Without the rules' on/off and severity: form_issues joins them
-- row by row; department_facts counts the findings by rule first and joins
-- the few counts (joining every finding to issue_rule first made the
-- planner expect half the rows and sort them on disk at 100,000 forms).
CREATE VIEW form_findings WITH (security_invoker = true) AS
SELECT s.project_id, p.budget_year, p.region, p.department, p.name AS project_name,
       s.line_no, s.code, s.message, p.department_id
FROM perfbudget.project p
JOIN perfbudget.issue_finding s ON s.project_id = p.id AND s.department_id = p.department_id
WHERE p.id <> ALL ((SELECT perfbudget.findings_pending())::bigint[])
UNION ALL
-- (issue_finding_computed filtered here rather than through
-- findings_computed(): Citus plans no SQL function with parameters)
SELECT c.project_id, c.budget_year, c.region, c.department, c.project_name,
       c.line_no, c.code, c.message, c.department_id
FROM perfbudget.issue_finding_computed c
WHERE pg_catalog.cardinality((SELECT perfbudget.findings_pending())) > 0
  AND c.project_id = ANY ((SELECT perfbudget.findings_pending())::bigint[])
UNION ALL
-- review: indicator sets copied across a department's projects (the
-- form's stored fingerprint and its group's count, joined by keys, so
-- filters on id, year, region or department reach the indexes)
SELECT p.id, p.budget_year, p.region, p.department, p.name, NULL,
       'boilerplate_indicator_set',
       format('项目「%s」的产出、效益、满意度指标与本部门 %s 年另外 %s 个项目完全相同',
              p.name, p.budget_year, g.forms - 1), p.department_id
FROM perfbudget.project p
JOIN perfbudget.project_fingerprint fp ON fp.project_id = p.id AND fp.department_id = p.department_id
JOIN perfbudget.fingerprint_group g
  ON g.department_id = fp.department_id AND g.budget_year = fp.budget_year AND g.region_key = coalesce(fp.region, '')
 AND g.department = fp.department AND g.fingerprint = fp.fingerprint
WHERE g.forms >= (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'boilerplate_indicator_set');

COMMENT ON VIEW form_findings IS '校验结果（未分级）— the findings of every form as form_issues lists them, every rule, enabled or not, without severity: the stored findings, those of the forms pending in the reading transaction computed now, and the copied-set rule; form_issues and department_facts read it';
COMMENT ON COLUMN form_findings.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN form_findings.budget_year IS '预算年度 — budget year of the form';
COMMENT ON COLUMN form_findings.region IS '行政区划 — region of the form';
COMMENT ON COLUMN form_findings.department IS '主管部门 — supervising department of the form';
COMMENT ON COLUMN form_findings.project_name IS '项目名称 — name of the form''s project';
COMMENT ON COLUMN form_findings.line_no IS '行号 — the indicator row concerned, when the problem is in one row';
COMMENT ON COLUMN form_findings.code IS '规则代码 — code of the rule (perfbudget.issue_rule.code)';
COMMENT ON COLUMN form_findings.message IS '问题说明 — what is wrong, in Chinese';
COMMENT ON COLUMN form_findings.department_id IS '部门编号 — the form''s department (project.department_id)';

-- The validation report: the findings of the enabled rules, with their severity.
CREATE VIEW form_issues WITH (security_invoker = true) AS
SELECT f.project_id, r.severity, f.code, f.message, f.line_no,
       f.budget_year, f.department, f.project_name, f.region, f.department_id
FROM perfbudget.form_findings f
JOIN perfbudget.issue_rule r ON r.code = f.code AND r.enabled;

COMMENT ON VIEW form_issues IS '校验报告 — the validation report: one row per problem found in a form (money, indicators, coverage, quality review); rules and thresholds in perfbudget.issue_rule';
COMMENT ON COLUMN form_issues.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN form_issues.severity IS '严重程度 — error or warning';
COMMENT ON COLUMN form_issues.code IS '规则代码 — stable code of the rule (perfbudget.issue_rule.code)';
COMMENT ON COLUMN form_issues.message IS '问题说明 — what is wrong, in Chinese';
COMMENT ON COLUMN form_issues.line_no IS '行号 — the indicator row concerned, when the problem is in one row';
COMMENT ON COLUMN form_issues.budget_year IS '预算年度 — budget year of the form';
COMMENT ON COLUMN form_issues.department IS '主管部门 — supervising department of the form';
COMMENT ON COLUMN form_issues.project_name IS '项目名称 — name of the form''s project';
COMMENT ON COLUMN form_issues.region IS '行政区划 — region of the form';
COMMENT ON COLUMN form_issues.department_id IS '部门编号 — the form''s department (project.department_id)';
