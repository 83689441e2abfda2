-- The validation report (DOMAIN.md §6): one row per problem of a form, from
-- rules whose severity, threshold and on/off state a bureau can change.
-- Warnings never block a write; the errors listed here are the ones a
-- constraint cannot see (a form without rows, duplicates, dates).

-------------------------------------------------------------------- canonical labels

CREATE FUNCTION canonical_level1(label text) RETURNS text
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE STRICT
RETURN CASE
    WHEN regexp_replace(label, '\s', '', 'g') ~ '产出|项目完成' THEN '产出指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '满意' THEN '满意度指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '效益|效果' THEN '效益指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '成本' THEN '成本指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '决策' THEN '决策指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '过程' THEN '过程指标'
END;
COMMENT ON FUNCTION canonical_level1(text) IS
  '一级指标规范名 — maps a written level-1 label (产出指标, 项目完成指标, 效果指标, "满意度指 标" …) to 产出指标, 效益指标, 满意度指标, 成本指标, 决策指标 or 过程指标; NULL when unknown';

CREATE FUNCTION canonical_level2(label text) RETURNS text
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE STRICT
RETURN CASE
    WHEN regexp_replace(label, '\s', '', 'g') ~ '数量' THEN '数量指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '质量' THEN '质量指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '时效|进度|及时' THEN '时效指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '经济成本' THEN '经济成本指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '社会成本' THEN '社会成本指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '生态环境成本' THEN '生态环境成本指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '成本' THEN '成本指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '经济效益' THEN '经济效益指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '社会效益' THEN '社会效益指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '生态' THEN '生态效益指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '可持续' THEN '可持续影响指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '满意' THEN '服务对象满意度指标'
END;
COMMENT ON FUNCTION canonical_level2(text) IS
  '二级指标规范名 — maps a written level-2 label to 数量指标, 质量指标, 时效指标 (also 进度指标), 成本指标, 经济/社会/生态效益指标, 可持续影响指标 or 服务对象满意度指标; NULL when unknown';

-------------------------------------------------------------------- indicator sets

-- One definition of "the same indicator set", for the boilerplate rule of
-- form_issues and for department_review.
CREATE VIEW indicator_set WITH (security_invoker = true) AS
SELECT p.id AS project_id, p.budget_year, p.department,
       md5(string_agg(concat_ws('|', perfbudget.canonical_level1(i.level1),
                                perfbudget.canonical_level2(i.level2), i.level3,
                                i.half_year_target::text, i.annual_target::text),
                      E'\n' ORDER BY i.line_no)) AS fingerprint
FROM perfbudget.project p JOIN perfbudget.indicator i ON i.project_id = p.id
WHERE coalesce(perfbudget.canonical_level1(i.level1), '') NOT IN ('决策指标', '过程指标')
GROUP BY p.id, p.budget_year, p.department;

COMMENT ON VIEW indicator_set IS '指标组合 — per form, a fingerprint of its 产出/效益/满意度 indicators (canonical levels, names and targets, in order): equal fingerprints mean a copied indicator set';
COMMENT ON COLUMN indicator_set.project_id IS '项目编号 — project id';
COMMENT ON COLUMN indicator_set.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN indicator_set.department IS '主管部门 — supervising department';
COMMENT ON COLUMN indicator_set.fingerprint IS '指标指纹 — md5 of the form''s indicator rows other than 决策/过程';

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
    ('qualitative_with_number',      'warning', NULL, 'indicator', '计算符号为定性但指标值是数值'),
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

CREATE VIEW form_issues WITH (security_invoker = true) AS
WITH ind AS (
    -- the columns named, not i.*: a column added to indicator later must not
    -- change this view (test/upgrade.sh compares it with an updated install)
    SELECT i.project_id, i.line_no, i.level1, i.level2, i.level3, i.half_year_target,
           i.annual_target, i.actual, i.weight, i.score, i.deviation_note,
           perfbudget.canonical_level1(i.level1) AS l1,
           perfbudget.canonical_level2(i.level2) AS l2
    FROM perfbudget.indicator i
), rows_per_project AS (
    SELECT project_id, count(*) AS n, sum(half_year) AS half_sum, sum(annual) AS annual_sum,
           max(annual) FILTER (WHERE annual > 0) AS max_amount,
           min(annual) FILTER (WHERE annual > 0) AS min_amount
    FROM perfbudget.expenditure GROUP BY project_id
), fingerprint AS (
    SELECT project_id, budget_year, department, fingerprint AS fp FROM perfbudget.indicator_set
), found AS (
    -- money
    SELECT p.id AS project_id, NULL::integer AS line_no, 'no_expenditure_rows' AS code,
           format('项目「%s」资金总额 %s 万元，但没有资金分配行', p.name, coalesce(p.total, 0)) AS message
    FROM perfbudget.project p LEFT JOIN rows_per_project r ON r.project_id = p.id
    WHERE r.project_id IS NULL AND (coalesce(p.total, 0) <> 0 OR coalesce(p.spend_annual, 0) <> 0)
    UNION ALL
    SELECT p.id, NULL, 'expenditure_sum_mismatch',
           format('项目「%s」资金分配合计（半年 %s，全年 %s）与支出资金总额（半年 %s，全年 %s）不符',
                  p.name, r.half_sum, r.annual_sum, coalesce(p.spend_half_year, 0), coalesce(p.spend_annual, 0))
    FROM perfbudget.project p JOIN rows_per_project r ON r.project_id = p.id
    WHERE coalesce(r.half_sum, 0) <> coalesce(p.spend_half_year, 0)
       OR coalesce(r.annual_sum, 0) <> coalesce(p.spend_annual, 0)
    UNION ALL
    SELECT p.id, NULL, 'period_reversed',
           format('项目「%s」开始时间 %s 晚于完成时间 %s', p.name,
                  to_char(p.start_month, 'YYYY年FMMM月'), to_char(p.end_month, 'YYYY年FMMM月'))
    FROM perfbudget.project p WHERE p.start_month > p.end_month
    UNION ALL
    SELECT p.id, NULL, 'unit_mix',
           format('项目「%s」资金分配最大 %s 万元、最小 %s 万元，相差 %s 倍，疑似元与万元混用',
                  p.name, r.max_amount, r.min_amount, round(r.max_amount / r.min_amount))
    FROM perfbudget.project p JOIN rows_per_project r ON r.project_id = p.id
    WHERE r.max_amount / r.min_amount >=
          (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'unit_mix')
    -- indicators
    UNION ALL
    SELECT i.project_id, i.line_no, 'annual_target_missing',
           format('第%s行指标「%s」没有全年(程)指标值', i.line_no, i.level3)
    FROM ind i WHERE i.annual_target IS NULL
    UNION ALL
    SELECT d.project_id, d.line_no, 'duplicate_indicator',
           format('二级指标「%s」下三级指标「%s」重复（第%s行）', coalesce(d.level2, ''), d.level3, d.lines)
    FROM (SELECT project_id, min(line_no) AS line_no, level2, level3,
                 string_agg(line_no::text, '、' ORDER BY line_no) AS lines
          FROM ind GROUP BY project_id, level2, level3 HAVING count(*) > 1) d
    UNION ALL
    SELECT i.project_id, i.line_no, 'qualitative_with_number',
           format('第%s行指标「%s」计算符号为定性，%s指标值却是 %s', i.line_no, i.level3, t.which, perfbudget.perf_value_of(t.target))
    FROM ind i CROSS JOIN LATERAL (VALUES ('半年', i.half_year_target), ('全年', i.annual_target)) t(which, target)
    WHERE perfbudget.perf_symbol(t.target) = '定性' AND perfbudget.perf_kind(t.target) <> 'qualitative'
    UNION ALL
    SELECT i.project_id, i.line_no, 'percent_out_of_range',
           format('第%s行指标「%s」是比率，%s指标值 %s 不在 0–100%% 之间', i.line_no, i.level3, t.which, t.target)
    FROM ind i CROSS JOIN LATERAL (VALUES ('半年', i.half_year_target), ('全年', i.annual_target)) t(which, target)
    WHERE i.level3 LIKE '%率%' AND perfbudget.perf_kind(t.target) = 'percent'
      AND (perfbudget.perf_number(t.target) < 0 OR perfbudget.perf_number(t.target) > 100)
    UNION ALL
    SELECT i.project_id, i.line_no, 'rate_in_days',
           format('第%s行指标「%s」是比率，指标值却以「%s」计量', i.line_no, i.level3, perfbudget.perf_unit(i.annual_target))
    FROM ind i
    WHERE i.level3 LIKE '%率%' AND perfbudget.perf_unit(i.annual_target) ~ '^(个)?(工作日|天|日|小时)$'
    UNION ALL
    SELECT i.project_id, i.line_no, 'count_without_unit',
           format('第%s行指标「%s」的指标值 %s 没有计量单位', i.line_no, i.level3, i.annual_target)
    FROM ind i
    WHERE perfbudget.perf_kind(i.annual_target) = 'quantity' AND perfbudget.perf_unit(i.annual_target) IS NULL
      AND i.level3 !~ '[(（].+[)）]'
    UNION ALL
    SELECT i.project_id, i.line_no, 'date_outside_period',
           format('第%s行指标「%s」的日期 %s 不在项目期间 %s–%s 内', i.line_no, i.level3, t.target,
                  to_char(p.start_month, 'YYYY年FMMM月'), to_char(p.end_month, 'YYYY年FMMM月'))
    FROM ind i JOIN perfbudget.project p ON p.id = i.project_id
    CROSS JOIN LATERAL (VALUES (i.half_year_target), (i.annual_target)) t(target)
    WHERE perfbudget.perf_date(t.target) IS NOT NULL
      AND (perfbudget.perf_date(t.target) < p.start_month
           OR perfbudget.perf_date(t.target) >= (p.end_month + interval '1 month'))
    UNION ALL
    SELECT i.project_id, i.line_no, 'half_year_beyond_annual',
           format('第%s行指标「%s」半年指标值 %s 高于全年指标值 %s', i.line_no, i.level3,
                  i.half_year_target, i.annual_target)
    FROM ind i
    WHERE perfbudget.perf_kind(i.half_year_target) = 'percent' AND perfbudget.perf_kind(i.annual_target) = 'percent'
      AND perfbudget.perf_symbol(i.half_year_target) = perfbudget.perf_symbol(i.annual_target)
      AND perfbudget.perf_symbol(i.annual_target) IN ('≥', '>', '=')
      AND perfbudget.perf_number(i.half_year_target) > perfbudget.perf_number(i.annual_target)
    UNION ALL
    SELECT i.project_id, i.line_no, 'satisfaction_below_threshold',
           format('第%s行满意度指标「%s」的目标 %s 低于 %s%%', i.line_no, i.level3, i.annual_target,
                  (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'satisfaction_below_threshold'))
    FROM ind i
    WHERE (i.l1 = '满意度指标' OR i.level3 LIKE '%满意%')
      AND perfbudget.perf_kind(i.annual_target) = 'percent'
      AND perfbudget.perf_symbol(i.annual_target) IN ('≥', '>', '=')
      AND perfbudget.perf_number(i.annual_target) <
          (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'satisfaction_below_threshold')
    -- coverage
    UNION ALL
    SELECT p.id, NULL, c.code, format('项目「%s」%s', p.name, c.what)
    FROM perfbudget.project p
    CROSS JOIN LATERAL (
        SELECT bool_or(i.l1 = '产出指标') AS has_output,
               bool_or(i.l1 = '效益指标') AS has_benefit,
               bool_or(i.l1 = '满意度指标') AS has_satisfaction,
               bool_or(i.l1 = '产出指标' AND i.l2 = '数量指标') AS has_quantity,
               bool_or(i.l1 = '产出指标' AND i.l2 IN ('质量指标', '时效指标')) AS has_quality,
               bool_or(i.l1 = '成本指标' OR i.l2 LIKE '%成本指标') AS has_cost,
               count(*) FILTER (WHERE coalesce(i.l1, '') NOT IN ('决策指标', '过程指标')) AS n
        FROM ind i WHERE i.project_id = p.id) h
    CROSS JOIN LATERAL (VALUES
        ('missing_output', NOT coalesce(h.has_output, false), '缺少产出指标'),
        ('missing_benefit', NOT coalesce(h.has_benefit, false), '缺少效益指标'),
        ('missing_satisfaction', NOT coalesce(h.has_satisfaction, false), '缺少满意度指标'),
        ('output_without_quantity', coalesce(h.has_output, false) AND NOT coalesce(h.has_quantity, false),
         '产出指标缺少数量指标'),
        ('output_without_quality_or_timeliness', coalesce(h.has_output, false) AND NOT coalesce(h.has_quality, false),
         '产出指标缺少质量指标或时效指标'),
        ('missing_cost', NOT coalesce(h.has_cost, false), '缺少成本指标'),
        ('too_few_indicators',
         h.n < (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'too_few_indicators'),
         format('产出、效益、满意度等三级指标只有 %s 个，少于 %s 个', h.n,
                (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'too_few_indicators')))
    ) AS c(code, failed, what)
    WHERE c.failed
    -- review
    UNION ALL
    SELECT f.project_id, NULL, 'boilerplate_indicator_set',
           format('项目「%s」的产出、效益、满意度指标与本部门 %s 年另外 %s 个项目完全相同', p.name, f.budget_year, g.n - 1)
    FROM fingerprint f
    JOIN (SELECT budget_year, department, fp, count(*) AS n FROM fingerprint GROUP BY 1, 2, 3) g
      USING (budget_year, department, fp)
    JOIN perfbudget.project p ON p.id = f.project_id
    WHERE g.n >= (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'boilerplate_indicator_set')
    UNION ALL
    SELECT p.id, NULL, 'annual_goal_copied', format('项目「%s」的年度目标照抄中长期目标', p.name)
    FROM perfbudget.project p
    WHERE btrim(p.annual_goal) <> '' AND btrim(p.annual_goal) = btrim(p.long_term_goal)
)
SELECT f.project_id, r.severity, f.code, f.message, f.line_no,
       p.budget_year, p.department, p.name AS project_name
FROM found f
JOIN perfbudget.issue_rule r ON r.code = f.code AND r.enabled
JOIN perfbudget.project p ON p.id = f.project_id;

COMMENT ON VIEW form_issues IS '校验报告 — the validation report: one row per problem found in a form (money, indicators, coverage, quality review); rules and thresholds in perfbudget.issue_rule';
COMMENT ON COLUMN form_issues.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN form_issues.severity IS '严重程度 — error or warning';
COMMENT ON COLUMN form_issues.code IS '规则代码 — stable code of the rule (perfbudget.issue_rule.code)';
COMMENT ON COLUMN form_issues.message IS '问题说明 — what is wrong, in Chinese';
COMMENT ON COLUMN form_issues.line_no IS '行号 — the indicator row concerned, when the problem is in one row';
COMMENT ON COLUMN form_issues.budget_year IS '预算年度 — budget year of the form';
COMMENT ON COLUMN form_issues.department IS '主管部门 — supervising department of the form';
COMMENT ON COLUMN form_issues.project_name IS '项目名称 — name of the form''s project';
