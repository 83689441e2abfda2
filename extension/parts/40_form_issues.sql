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
FROM perfbudget.project p JOIN perfbudget.project_fingerprint f ON f.project_id = p.id;

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

CREATE VIEW issue_rule WITH (security_invoker = true) AS
SELECT d.code,
       coalesce(s.enabled, true) AS enabled,
       coalesce(s.severity, d.severity) AS severity,
       coalesce(s.threshold, d.threshold) AS threshold,
       d.area,
       d.description
FROM (VALUES
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
    ('annual_goal_copied',           'warning', NULL, 'review',    '年度目标与中长期目标完全相同')
) AS d(code, severity, threshold, area, description)
LEFT JOIN issue_rule_setting s USING (code);

COMMENT ON VIEW issue_rule IS '校验规则 — every rule of perfbudget.form_issues with its effective on/off state, severity and threshold (defaults merged with issue_rule_setting)';
COMMENT ON COLUMN issue_rule.code IS '规则代码 — stable code of the rule';
COMMENT ON COLUMN issue_rule.enabled IS '是否启用 — whether form_issues reports it';
COMMENT ON COLUMN issue_rule.severity IS '严重程度 — error or warning';
COMMENT ON COLUMN issue_rule.threshold IS '阈值 — the rule''s number, where it has one';
COMMENT ON COLUMN issue_rule.area IS '类别 — money, indicator, coverage or review';
COMMENT ON COLUMN issue_rule.description IS '说明 — what the rule reports, in Chinese';

-------------------------------------------------------------------- the report

-- Written for a province's volume: every branch reads the tables once
-- (joins and GROUP BY, no per-project subquery), and each branch starts
-- from perfbudget.project with its year, region, department, id and name as
-- plain columns, so that a filter on any of them reaches the project
-- table's indexes through the UNION ALL and the GROUP BYs.
CREATE VIEW form_issues WITH (security_invoker = true) AS
SELECT f.project_id, r.severity, f.code, f.message, f.line_no,
       f.budget_year, f.department, f.project_name, f.region
FROM (
    -- money: one row per project with its expenditure rows summed
    SELECT x.id AS project_id, x.budget_year, x.region, x.department, x.name AS project_name,
           NULL::integer AS line_no, c.code, c.message
    FROM (SELECT p.id, p.budget_year, p.region, p.department, p.name, p.total,
                 p.spend_half_year, p.spend_annual, p.start_month, p.end_month,
                 count(e.project_id) AS n, sum(e.half_year) AS half_sum, sum(e.annual) AS annual_sum,
                 max(e.annual) FILTER (WHERE e.annual > 0) AS max_amount,
                 min(e.annual) FILTER (WHERE e.annual > 0) AS min_amount
          FROM perfbudget.project p
          LEFT JOIN perfbudget.expenditure e ON e.project_id = p.id
          GROUP BY p.id, p.budget_year, p.region, p.department, p.name) x
    CROSS JOIN LATERAL (VALUES
        ('no_expenditure_rows',
         CASE WHEN x.n = 0 AND (coalesce(x.total, 0) <> 0 OR coalesce(x.spend_annual, 0) <> 0)
              THEN format('项目「%s」资金总额 %s 万元，但没有资金分配行', x.name, coalesce(x.total, 0)) END),
        ('expenditure_sum_mismatch',
         CASE WHEN x.n > 0 AND (coalesce(x.half_sum, 0) <> coalesce(x.spend_half_year, 0)
                                OR coalesce(x.annual_sum, 0) <> coalesce(x.spend_annual, 0))
              THEN format('项目「%s」资金分配合计（半年 %s，全年 %s）与支出资金总额（半年 %s，全年 %s）不符',
                          x.name, x.half_sum, x.annual_sum, coalesce(x.spend_half_year, 0),
                          coalesce(x.spend_annual, 0)) END),
        ('period_reversed',
         CASE WHEN x.start_month > x.end_month
              THEN format('项目「%s」开始时间 %s 晚于完成时间 %s', x.name,
                          to_char(x.start_month, 'YYYY年FMMM月'), to_char(x.end_month, 'YYYY年FMMM月')) END),
        ('unit_mix',
         CASE WHEN x.max_amount / x.min_amount >=
                   (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'unit_mix')
              THEN format('项目「%s」资金分配最大 %s 万元、最小 %s 万元，相差 %s 倍，疑似元与万元混用',
                          x.name, x.max_amount, x.min_amount, round(x.max_amount / x.min_amount)) END)
    ) AS c(code, message)
    WHERE c.message IS NOT NULL
    UNION ALL
    -- indicator rows: every rule of one row in one pass over the rows
    SELECT p.id, p.budget_year, p.region, p.department, p.name, i.line_no, c.code, c.message
    FROM perfbudget.project p
    JOIN perfbudget.indicator i ON i.project_id = p.id
    CROSS JOIN LATERAL (VALUES
        ('annual_target_missing',
         CASE WHEN i.annual_target IS NULL
              THEN format('第%s行指标「%s」没有全年(程)指标值', i.line_no, i.level3) END),
        ('qualitative_with_number',
         CASE WHEN perfbudget.perf_symbol(i.half_year_target) = '定性'
                   AND perfbudget.perf_kind(i.half_year_target) IN ('percent', 'quantity')
              THEN format('第%s行指标「%s」计算符号为定性，%s指标值却是 %s', i.line_no, i.level3, '半年',
                          perfbudget.perf_value_of(i.half_year_target)) END),
        ('qualitative_measurable',
         CASE WHEN perfbudget.perf_symbol(i.half_year_target) = '定性'
                   AND perfbudget.perf_kind(i.half_year_target) IN ('date', 'range')
              THEN format('第%s行指标「%s」计算符号为定性，%s指标值 %s 却是可计量的%s——是否应为定量指标？',
                          i.line_no, i.level3, '半年', substr(i.half_year_target::text, 4),
                          CASE perfbudget.perf_kind(i.half_year_target) WHEN 'date' THEN '日期（期限）' ELSE '区间' END) END),
        ('qualitative_with_number',
         CASE WHEN perfbudget.perf_symbol(i.annual_target) = '定性'
                   AND perfbudget.perf_kind(i.annual_target) IN ('percent', 'quantity')
              THEN format('第%s行指标「%s」计算符号为定性，%s指标值却是 %s', i.line_no, i.level3, '全年',
                          perfbudget.perf_value_of(i.annual_target)) END),
        ('qualitative_measurable',
         CASE WHEN perfbudget.perf_symbol(i.annual_target) = '定性'
                   AND perfbudget.perf_kind(i.annual_target) IN ('date', 'range')
              THEN format('第%s行指标「%s」计算符号为定性，%s指标值 %s 却是可计量的%s——是否应为定量指标？',
                          i.line_no, i.level3, '全年', substr(i.annual_target::text, 4),
                          CASE perfbudget.perf_kind(i.annual_target) WHEN 'date' THEN '日期（期限）' ELSE '区间' END) END),
        ('percent_out_of_range',
         CASE WHEN i.level3 LIKE '%率%' AND perfbudget.perf_kind(i.half_year_target) = 'percent'
                   AND (perfbudget.perf_number(i.half_year_target) < 0
                        OR perfbudget.perf_number(i.half_year_target) > 100)
              THEN format('第%s行指标「%s」是比率，%s指标值 %s 不在 0–100%% 之间', i.line_no, i.level3,
                          '半年', i.half_year_target) END),
        ('percent_out_of_range',
         CASE WHEN i.level3 LIKE '%率%' AND perfbudget.perf_kind(i.annual_target) = 'percent'
                   AND (perfbudget.perf_number(i.annual_target) < 0
                        OR perfbudget.perf_number(i.annual_target) > 100)
              THEN format('第%s行指标「%s」是比率，%s指标值 %s 不在 0–100%% 之间', i.line_no, i.level3,
                          '全年', i.annual_target) END),
        ('rate_in_days',
         CASE WHEN i.level3 LIKE '%率%'
                   AND perfbudget.perf_unit(i.annual_target) ~ '^(个)?(工作日|天|日|小时)$'
              THEN format('第%s行指标「%s」是比率，指标值却以「%s」计量', i.line_no, i.level3,
                          perfbudget.perf_unit(i.annual_target)) END),
        ('count_without_unit',
         CASE WHEN perfbudget.perf_kind(i.annual_target) = 'quantity'
                   AND perfbudget.perf_unit(i.annual_target) IS NULL
                   AND i.level3 !~ '[(（].+[)）]'
              THEN format('第%s行指标「%s」的指标值 %s 没有计量单位', i.line_no, i.level3,
                          i.annual_target) END),
        ('date_outside_period',
         CASE WHEN perfbudget.perf_date(i.half_year_target) < p.start_month
                   OR perfbudget.perf_date(i.half_year_target) >= (p.end_month + interval '1 month')
              THEN format('第%s行指标「%s」的日期 %s 不在项目期间 %s–%s 内', i.line_no, i.level3,
                          i.half_year_target, to_char(p.start_month, 'YYYY年FMMM月'),
                          to_char(p.end_month, 'YYYY年FMMM月')) END),
        ('date_outside_period',
         CASE WHEN perfbudget.perf_date(i.annual_target) < p.start_month
                   OR perfbudget.perf_date(i.annual_target) >= (p.end_month + interval '1 month')
              THEN format('第%s行指标「%s」的日期 %s 不在项目期间 %s–%s 内', i.line_no, i.level3,
                          i.annual_target, to_char(p.start_month, 'YYYY年FMMM月'),
                          to_char(p.end_month, 'YYYY年FMMM月')) END),
        ('half_year_beyond_annual',
         CASE WHEN perfbudget.perf_kind(i.half_year_target) = 'percent'
                   AND perfbudget.perf_kind(i.annual_target) = 'percent'
                   AND perfbudget.perf_symbol(i.half_year_target) = perfbudget.perf_symbol(i.annual_target)
                   AND perfbudget.perf_symbol(i.annual_target) IN ('≥', '>', '=')
                   AND perfbudget.perf_number(i.half_year_target) > perfbudget.perf_number(i.annual_target)
              THEN format('第%s行指标「%s」半年指标值 %s 高于全年指标值 %s', i.line_no, i.level3,
                          i.half_year_target, i.annual_target) END),
        ('satisfaction_below_threshold',
         CASE WHEN (perfbudget.canonical_level1(i.level1) = '满意度指标' OR i.level3 LIKE '%满意%')
                   AND perfbudget.perf_kind(i.annual_target) = 'percent'
                   AND perfbudget.perf_symbol(i.annual_target) IN ('≥', '>', '=')
                   AND perfbudget.perf_number(i.annual_target) <
                       (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'satisfaction_below_threshold')
              THEN format('第%s行满意度指标「%s」的目标 %s 低于 %s%%', i.line_no, i.level3, i.annual_target,
                          (SELECT threshold FROM perfbudget.issue_rule
                           WHERE code = 'satisfaction_below_threshold')) END)
    ) AS c(code, message)
    WHERE c.message IS NOT NULL
    UNION ALL
    -- the same 三级 name twice under one 二级
    SELECT p.id, p.budget_year, p.region, p.department, p.name, min(i.line_no), 'duplicate_indicator',
           format('二级指标「%s」下三级指标「%s」重复（第%s行）', coalesce(i.level2, ''), i.level3,
                  string_agg(i.line_no::text, '、' ORDER BY i.line_no))
    FROM perfbudget.project p
    JOIN perfbudget.indicator i ON i.project_id = p.id
    GROUP BY p.id, p.budget_year, p.region, p.department, p.name, i.level2, i.level3
    HAVING count(*) > 1
    UNION ALL
    -- coverage: one row per project with what its indicator table has
    SELECT h.id, h.budget_year, h.region, h.department, h.name, NULL, c.code,
           format('项目「%s」%s', h.name, c.what)
    FROM (SELECT p.id, p.budget_year, p.region, p.department, p.name,
                 coalesce(bool_or(i.l1 = '产出指标'), false) AS has_output,
                 coalesce(bool_or(i.l1 = '效益指标'), false) AS has_benefit,
                 coalesce(bool_or(i.l1 = '满意度指标'), false) AS has_satisfaction,
                 coalesce(bool_or(i.l1 = '产出指标' AND i.l2 = '数量指标'), false) AS has_quantity,
                 coalesce(bool_or(i.l1 = '产出指标' AND i.l2 IN ('质量指标', '时效指标')), false) AS has_quality,
                 coalesce(bool_or(i.l1 = '成本指标' OR i.l2 LIKE '%成本指标'), false) AS has_cost,
                 count(i.project_id) FILTER (WHERE coalesce(i.l1, '') NOT IN ('决策指标', '过程指标')) AS n
          FROM perfbudget.project p
          LEFT JOIN (SELECT project_id, perfbudget.canonical_level1(level1) AS l1,
                            perfbudget.canonical_level2(level2) AS l2
                     FROM perfbudget.indicator) i ON i.project_id = p.id
          GROUP BY p.id, p.budget_year, p.region, p.department, p.name) h
    CROSS JOIN LATERAL (VALUES
        ('missing_output', NOT h.has_output, '缺少产出指标'),
        ('missing_benefit', NOT h.has_benefit, '缺少效益指标'),
        ('missing_satisfaction', NOT h.has_satisfaction, '缺少满意度指标'),
        ('output_without_quantity', h.has_output AND NOT h.has_quantity, '产出指标缺少数量指标'),
        ('output_without_quality_or_timeliness', h.has_output AND NOT h.has_quality,
         '产出指标缺少质量指标或时效指标'),
        ('missing_cost', NOT h.has_cost, '缺少成本指标'),
        ('too_few_indicators',
         h.n < (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'too_few_indicators'),
         format('产出、效益、满意度等三级指标只有 %s 个，少于 %s 个', h.n,
                (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'too_few_indicators')))
    ) AS c(code, failed, what)
    WHERE c.failed
    UNION ALL
    -- review: indicator sets copied across a department's projects (the
    -- form's stored fingerprint and its group's count, joined by keys, so
    -- filters on id, year, region or department reach the indexes)
    SELECT p.id, p.budget_year, p.region, p.department, p.name, NULL,
           'boilerplate_indicator_set',
           format('项目「%s」的产出、效益、满意度指标与本部门 %s 年另外 %s 个项目完全相同',
                  p.name, p.budget_year, g.forms - 1)
    FROM perfbudget.project p
    JOIN perfbudget.project_fingerprint fp ON fp.project_id = p.id
    JOIN perfbudget.fingerprint_group g
      ON g.budget_year = fp.budget_year AND g.region_key = coalesce(fp.region, '')
     AND g.department = fp.department AND g.fingerprint = fp.fingerprint
    WHERE g.forms >= (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'boilerplate_indicator_set')
    UNION ALL
    SELECT p.id, p.budget_year, p.region, p.department, p.name, NULL, 'annual_goal_copied',
           format('项目「%s」的年度目标照抄中长期目标', p.name)
    FROM perfbudget.project p
    WHERE btrim(p.annual_goal) <> '' AND btrim(p.annual_goal) = btrim(p.long_term_goal)
) AS f
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
