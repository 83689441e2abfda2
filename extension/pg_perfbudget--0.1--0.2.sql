-- pg_perfbudget 0.1 → 0.2 (ALTER EXTENSION pg_perfbudget UPDATE TO '0.2')
--
-- Each change to the extension's SQL objects since 0.1, in the order it was
-- made; CHANGELOG.md says why.  The result must equal a fresh install of 0.2
-- (extension/parts/): test/upgrade.sh compares the two catalogs.
\echo Use "ALTER EXTENSION pg_perfbudget UPDATE TO '0.2'" to load this file. \quit

-- Region and level of a form, from its title line (issue 8).
ALTER TABLE project
    ADD COLUMN region       text CHECK (btrim(region) <> ''),
    ADD COLUMN region_level text CHECK (btrim(region_level) <> '');
COMMENT ON COLUMN project.region IS '行政区划 — region from the form''s title line, e.g. 如皋市, 江苏省; NULL when the title names none';
COMMENT ON COLUMN project.region_level IS '预算级次 — 省级 / 市级 / 县级 / 区级 … as the title line says';

-- 定性 with a measurable value (issue 8): grades read from phrases, and the
-- rule qualitative_measurable for dates and ranges under 定性 beside
-- qualitative_with_number, which keeps numbers and percentages (and its
-- overrides in issue_rule_setting).
CREATE FUNCTION perf_grade(perf_value) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_grade(perf_target) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_grade(perf_value) IS '等级 — the grade a phrase names, normalized: 优, 良, 中, 差, 合格 or 不合格 (优秀 → 优, 良好以上 → 良, 达标 → 合格); NULL for numbers, dates and other phrases';
COMMENT ON FUNCTION perf_grade(perf_target) IS '等级 — the grade a target phrase names, normalized: 优, 良, 中, 差, 合格 or 不合格 (优秀 → 优, 良好以上 → 良, 达标 → 合格); NULL for numbers, dates and other phrases';

COMMENT ON FUNCTION perf_target(text, text) IS
  '由计算符号与指标值两格构造目标 — builds a target from the form''s 计算符号 and 指标值 cells; a blank or NULL symbol or 定量 keeps the value''s own comparator (= when none); 正向/反向 give ≥/≤ unless the value agrees with its own; 定性 keeps any value, a measurable one with its own sense; compatibility forms (﹦ ＜ ≧ …) fold; NULL value gives NULL; disagreeing comparators raise 22P02';
COMMENT ON FUNCTION perf_met(perf_target, perf_value) IS
  '是否达成 — does the actual meet the target? (≥, > and = met at or above; ≤, < at or below; ranges inside; dates by the deadline; a measurable value under 定性 in its own sense, a number reached, a date by the deadline; 定性 phrases by equal phrase, by grade (优 > 良 > 中 > 差, 合格 = 中 or better: the same grade or better meets) or by 达成/部分达成/未达成); NULL when undecidable';

CREATE OR REPLACE VIEW issue_rule WITH (security_invoker = true) AS
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

CREATE OR REPLACE VIEW form_issues WITH (security_invoker = true) AS
WITH ind AS (
    SELECT i.*, perfbudget.canonical_level1(i.level1) AS l1,
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
    WHERE perfbudget.perf_symbol(t.target) = '定性' AND perfbudget.perf_kind(t.target) IN ('percent', 'quantity')
    UNION ALL
    SELECT i.project_id, i.line_no, 'qualitative_measurable',
           format('第%s行指标「%s」计算符号为定性，%s指标值 %s 却是可计量的%s——是否应为定量指标？', i.line_no, i.level3, t.which,
                  substr(t.target::text, 4),
                  CASE perfbudget.perf_kind(t.target) WHEN 'date' THEN '日期（期限）' ELSE '区间' END)
    FROM ind i CROSS JOIN LATERAL (VALUES ('半年', i.half_year_target), ('全年', i.annual_target)) t(which, target)
    WHERE perfbudget.perf_symbol(t.target) = '定性' AND perfbudget.perf_kind(t.target) IN ('date', 'range')
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
