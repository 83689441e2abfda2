-- pg_perfbudget 0.1 → 1.0 (ALTER EXTENSION pg_perfbudget UPDATE TO '1.0')
--
-- Each change to the extension's SQL objects since 0.1, in the order it was
-- made; CHANGELOG.md says why.  The result must equal a fresh install of 1.0
-- (extension/parts/): test/upgrade.sh compares the two catalogs.
\echo Use "ALTER EXTENSION pg_perfbudget UPDATE TO '1.0'" to load this file. \quit

-- The texts of the errors the extension's SQL functions raise, in the
-- session's language (lc_messages): English message ids in
-- src/sql_message.c, their translations in po/ (issue 12).

CREATE FUNCTION message(key text, VARIADIC args text[] DEFAULT '{}') RETURNS text
    AS 'MODULE_PATHNAME', 'pb_message' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION message(text, text[]) IS
  '消息 — the text of one of the extension''s own error messages, by key (src/sql_message.c), in the language of lc_messages with args in place of its %s; what the PL/pgSQL functions raise. STABLE: the text follows lc_messages';

-- Region and level of a form, from its title line (issue 8).
ALTER TABLE project
    ADD COLUMN region       text CHECK (btrim(region) <> ''),
    ADD COLUMN region_level text CHECK (btrim(region_level) <> '');
COMMENT ON COLUMN project.region IS '行政区划 — region from the form''s title line, e.g. 如皋市, 江苏省; NULL when the title names none';
COMMENT ON COLUMN project.region_level IS '预算级次 — 省级 / 市级 / 县级 / 区级 … as the title line says';

-- One form per (year, region, department, name), names compared after NFKC
-- and removal of invisible characters and white space (issue 8).  An
-- update fails with 23505 if two stored forms fold to the same key: merge
-- them first.
CREATE FUNCTION canonical_name(name text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION canonical_name(text) IS
  '规范名称 — the name after Unicode NFKC, with invisible characters (zero-width, bidi marks, soft hyphen …) removed and white space runs made one space, trimmed: ⼈力资源和社会保障局 (U+2F08) gives 人力资源和社会保障局. import_form stores region and department this way';
CREATE FUNCTION name_key(name text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION name_key(text) IS
  '名称比较键 — canonical_name without any white space; NULL gives the empty string. Two forms whose year and keys of region, department and name are equal are the same form (unique index project_form_key)';
ALTER TABLE project DROP CONSTRAINT project_year_department_name_key;
ALTER TABLE project ADD CONSTRAINT project_name_lengths CHECK (length(name) <= 300
    AND length(department) <= 200 AND length(region) <= 100 AND length(region_level) <= 20);
CREATE UNIQUE INDEX project_form_key ON project
    (budget_year, name_key(region), name_key(department), name_key(name));
COMMENT ON INDEX project_form_key IS 'one form per budget year, region, department and project name, compared by name_key (NFKC, no invisible characters, no white space)';
COMMENT ON CONSTRAINT project_name_lengths ON project IS '名称长度: 项目名称 ≤ 300, 主管部门 ≤ 200, 行政区划 ≤ 100, 级次 ≤ 20 characters (the unique index project_form_key holds them)';

-- What an amount may be, one rule for the checks and the roll-ups (issue 8):
-- 0 to 10^12 万元 with at most 6 decimals (check functions in C).
COMMENT ON CONSTRAINT project_amounts_nonnegative ON project IS '金额有效: every amount is a number from 0 to 10^12 万元 with at most 6 decimals (the 分), which the roll-ups always add exactly';
COMMENT ON CONSTRAINT expenditure_row_amounts ON expenditure IS '资金分配行: valid amounts (0 to 10^12 万元, at most 6 decimals) and 半年 ≤ 全年';
COMMENT ON FUNCTION check_nonnegative(text, text[], numeric[], text) IS
  '金额有效检查 — true when every amount is a number from 0 to 10^12 万元 with at most 6 decimals (NULL counts as 0); otherwise raises 23514 naming the form and the cell labelled in labels';
COMMENT ON FUNCTION check_half_year(text, text, numeric, numeric, text) IS
  '半年计划检查 — true when both are valid amounts (0 to 10^12 万元, at most 6 decimals) and 半年(程)计划执行数 ≤ 全年(程)预算数; otherwise raises 23514 naming the form and item';
COMMENT ON FUNCTION check_expenditure_row(bigint, integer, text, numeric, numeric, text) IS
  '资金分配行检查 — true when the row''s amounts are valid (0 to 10^12 万元, at most 6 decimals) and 半年 ≤ 全年; otherwise raises 23514 naming the form (during import_form) or the project id, line and item';

-- canonical_level1/2 in C (src/indicator_label.c): the same key words,
-- without six regular expressions per indicator row (issue 9).
CREATE OR REPLACE FUNCTION canonical_level1(label text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION canonical_level2(label text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- A region's forms through an index (issue 9).
CREATE INDEX project_region_year_idx ON project (region, budget_year);
COMMENT ON INDEX project_region_year_idx IS 'roll-ups and reports of one region (a county in a province''s database) and year';

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

CREATE OR REPLACE VIEW issue_rule WITH (security_invoker = true) AS
SELECT d.code,
       coalesce(s.enabled, true) AS enabled,
       coalesce(s.severity, d.severity) AS severity,
       coalesce(s.threshold, d.threshold) AS threshold,
       d.area,
       d.description
FROM issue_rule_default d
LEFT JOIN issue_rule_setting s USING (code);
-- the monitoring and self-evaluation rules (issue 10) in issue_rule
COMMENT ON VIEW issue_rule IS '校验规则 — every rule of perfbudget.form_issues with its effective on/off state, severity and threshold (defaults merged with issue_rule_setting); the numbers of the monitoring and evaluation rules are in evaluation_setting';
COMMENT ON COLUMN issue_rule.area IS '类别 — money, indicator, coverage, review, monitoring (the latest 绩效运行监控 report) or evaluation (绩效自评)';

-- The indicator table's other layouts (issue 8): a level-1 cell's points
-- and the explanatory cells of a row are kept.
ALTER TABLE indicator
    ADD COLUMN level1_points text CHECK (btrim(level1_points) <> ''),
    ADD COLUMN remarks       text;
COMMENT ON COLUMN indicator.level1_points IS '一级指标分值 — points the form gives the level-1 group, as written in its cell: (40-50)分, (50分); NULL when none';
COMMENT ON COLUMN indicator.remarks IS '说明 — the row''s 指标解释, 评(扣)分标准 and 备注 cells, each after its header (备注：…), and a 计量单位 that does not complete the value';
COMMENT ON FUNCTION import_form(text, boolean) IS
  '导入申报表 — reads a document of one or more 预算绩效目标申报表 (text extracted from PDF: tab-separated cells, checkbox markup, shifted indicator cells; the indicator table in the seed''s layout or another common one, told by its header row) and stores each form with the region and level of its title line; returns the new project ids in document order. All or nothing; a form already stored (same year, department, name) is an error unless replace is true, which replaces it';

-- import_form_json reads region, region_level and the new indicator columns.
CREATE OR REPLACE FUNCTION import_form_json(doc jsonb) RETURNS bigint
    LANGUAGE plpgsql VOLATILE STRICT
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id bigint;
    new_department integer;
    unknown text;
BEGIN
    IF jsonb_typeof(doc) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = perfbudget.message('form_json.object'),
            HINT = perfbudget.message('form_json.hint');
    END IF;
    SELECT string_agg(k, ', ' ORDER BY k) INTO unknown
    FROM jsonb_object_keys(doc) k
    WHERE k NOT IN (SELECT attname FROM pg_attribute
                    WHERE attrelid = 'perfbudget.project'::regclass AND attnum > 0 AND NOT attisdropped)
      AND k NOT IN ('expenditure', 'indicators');
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = perfbudget.message('form_json.keys', unknown),
            DETAIL = perfbudget.message('form_json.keys.detail'),
            HINT = perfbudget.message('form_json.hint');
    END IF;

    INSERT INTO perfbudget.project (budget_year, name, department, implementing_unit,
        reporting_unit, attribute, level, category, start_month, end_month, manager, phone,
        necessity, feasibility, content, long_term_goal, annual_goal, total, fiscal_subtotal,
        general_budget, government_fund, special_account, state_capital, social_insurance_fund,
        carryover, other_funds, spend_half_year, spend_annual, spend_executed, region,
        region_level, department_id)
    SELECT r.budget_year, r.name, r.department, r.implementing_unit, r.reporting_unit,
        r.attribute, r.level, r.category, r.start_month, r.end_month, r.manager, r.phone,
        r.necessity, r.feasibility, r.content, r.long_term_goal, r.annual_goal, r.total,
        r.fiscal_subtotal, r.general_budget, r.government_fund, r.special_account,
        r.state_capital, r.social_insurance_fund, r.carryover, r.other_funds,
        r.spend_half_year, r.spend_annual, r.spend_executed, r.region, r.region_level,
        perfbudget.department_id(r.region, r.department)
    FROM jsonb_populate_record(NULL::perfbudget.project, doc) r
    RETURNING id, department_id INTO new_id, new_department;

    INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual, department_id)
    SELECT new_id, e.line_no, e.item, e.half_year, e.annual, new_department
    FROM jsonb_populate_recordset(NULL::perfbudget.expenditure,
                                  coalesce(doc -> 'expenditure', '[]')) e;

    INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3,
        half_year_target, annual_target, actual, weight, score, deviation_note,
        level1_points, remarks, department_id)
    SELECT new_id, i.line_no, i.level1, i.level2, i.level3, i.half_year_target,
        i.annual_target, i.actual, i.weight, i.score, i.deviation_note, i.level1_points,
        i.remarks, new_department
    FROM jsonb_populate_recordset(NULL::perfbudget.indicator,
                                  coalesce(doc -> 'indicators', '[]')) i;
    RETURN new_id;
END
$$;

-- The department as the tenant of every per-form table (issue 9, point 8):
-- perfbudget.department, department_id on the forms and their rows, in
-- every key; the form key becomes (department_id, year, name_key(name)).
-- The departments of the stored forms are made from them (the first form's
-- names), and every row gets its form's department.
-- The departments (主管部门 of a region): the tenant of every per-form
-- table.  Each form, its rows, its fingerprint and its findings carry the
-- compact department_id, and every key of those tables contains it, so
-- that a distributed database (perfbudget.distribute(), Citus) keeps all of
-- one department's rows on one node and the roll-ups, which group by
-- department first, run there.  A row is made the first time a form of the
-- department is stored (perfbudget.department_id); names are kept as the
-- first form wrote them and compared by name_key, like the form key.  No
-- CHECK on the names: project's own checks report a bad name, naming the
-- form.

CREATE TABLE department (
    id     integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    region text,
    name   text NOT NULL
);
CREATE UNIQUE INDEX department_key ON department (name_key(region), name_key(name));
SELECT pg_catalog.pg_extension_config_dump('department', '');
SELECT pg_catalog.pg_extension_config_dump('department_id_seq', '');
COMMENT ON TABLE department IS '主管部门 — one row per region and department (names compared by name_key): the compact key (department_id) every per-form table carries and distributes by';
COMMENT ON COLUMN department.id IS '部门编号 — generated key, project.department_id';
COMMENT ON COLUMN department.region IS '行政区划 — the region as the department''s first form wrote it; NULL for forms whose title names none';
COMMENT ON COLUMN department.name IS '主管部门 — the department''s name as its first form wrote it';
COMMENT ON INDEX department_key IS 'one department per region and name, compared by name_key';

-- Find or make the department of a form.  Concurrent importers of a new
-- department both insert; ON CONFLICT lets the second wait for the first
-- and then read its row.
CREATE FUNCTION department_id(region text, department text) RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
    d integer;
BEGIN
    IF $2 IS NULL THEN
        RETURN NULL;            -- project's NOT NULL on department reports it
    END IF;
    SELECT x.id INTO d FROM perfbudget.department x
    WHERE perfbudget.name_key(x.region) OPERATOR(pg_catalog.=) perfbudget.name_key($1)
      AND perfbudget.name_key(x.name) OPERATOR(pg_catalog.=) perfbudget.name_key($2);
    IF d IS NOT NULL THEN
        RETURN d;
    END IF;
    INSERT INTO perfbudget.department AS x (region, name) VALUES ($1, $2)
    ON CONFLICT (perfbudget.name_key(region), perfbudget.name_key(name)) DO NOTHING
    RETURNING x.id INTO d;
    IF d IS NULL THEN
        SELECT x.id INTO d FROM perfbudget.department x
        WHERE perfbudget.name_key(x.region) OPERATOR(pg_catalog.=) perfbudget.name_key($1)
          AND perfbudget.name_key(x.name) OPERATOR(pg_catalog.=) perfbudget.name_key($2);
    END IF;
    RETURN d;
END
$$;
COMMENT ON FUNCTION department_id(text, text) IS
  '部门编号 — the id of the department (region, name) in perfbudget.department, compared by name_key; the row is made when missing (safe against concurrent importers). NULL when department is NULL';

-- department_id of a row written by hand without it: from region and
-- department on project, from the form on the other per-form tables.
CREATE FUNCTION department_id_fill() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_ARGV[0] OPERATOR(pg_catalog.=) 'project' THEN
        NEW.department_id := perfbudget.department_id(NEW.region, NEW.department);
    ELSE
        SELECT p.department_id INTO NEW.department_id FROM perfbudget.project p
        WHERE p.id OPERATOR(pg_catalog.=) NEW.project_id;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION department_id_fill() IS
  'BEFORE trigger of the per-form tables: sets department_id when a row is written without it — argument ''project'': from region and department (perfbudget.department_id); ''form'': from the row''s form (project_id). Names no table by the trigger''s relation, so that it runs the same on a shard';

INSERT INTO department (region, name)
SELECT DISTINCT ON (name_key(p.region), name_key(p.department)) p.region, p.department
FROM project p
ORDER BY name_key(p.region), name_key(p.department), p.id;

ALTER TABLE project ADD COLUMN department_id integer;
UPDATE project p SET department_id = d.id
FROM department d
WHERE name_key(d.region) = name_key(p.region) AND name_key(d.name) = name_key(p.department);
ALTER TABLE project ALTER COLUMN department_id SET NOT NULL;
ALTER TABLE project ADD FOREIGN KEY (department_id) REFERENCES department (id);
ALTER TABLE project DROP CONSTRAINT project_pkey CASCADE;
ALTER TABLE project ADD PRIMARY KEY (id, department_id);
DROP INDEX project_form_key;
CREATE UNIQUE INDEX project_form_key ON project
    (department_id, budget_year, name_key(name));
COMMENT ON INDEX project_form_key IS 'one form per department (region and department, perfbudget.department), budget year and project name, compared by name_key (NFKC, no invisible characters, no white space)';
COMMENT ON COLUMN project.department_id IS '部门编号 — the form''s department (perfbudget.department.id), from region and department; the distribution key on Citus';

ALTER TABLE expenditure DISABLE TRIGGER expenditure_matches_total;
ALTER TABLE expenditure ADD COLUMN department_id integer;
UPDATE expenditure e SET department_id = p.department_id FROM project p WHERE p.id = e.project_id;
ALTER TABLE expenditure ENABLE TRIGGER expenditure_matches_total;
ALTER TABLE expenditure ALTER COLUMN department_id SET NOT NULL;
ALTER TABLE expenditure DROP CONSTRAINT expenditure_pkey;
ALTER TABLE expenditure ADD PRIMARY KEY (project_id, line_no, department_id);
ALTER TABLE expenditure ADD FOREIGN KEY (project_id, department_id) REFERENCES project (id, department_id)
    ON DELETE CASCADE ON UPDATE CASCADE;
COMMENT ON COLUMN expenditure.department_id IS '部门编号 — the form''s department (project.department_id), the distribution key on Citus';

ALTER TABLE indicator ADD COLUMN department_id integer;
UPDATE indicator i SET department_id = p.department_id FROM project p WHERE p.id = i.project_id;
ALTER TABLE indicator ALTER COLUMN department_id SET NOT NULL;
ALTER TABLE indicator DROP CONSTRAINT indicator_pkey;
ALTER TABLE indicator ADD PRIMARY KEY (project_id, line_no, department_id);
ALTER TABLE indicator ADD FOREIGN KEY (project_id, department_id) REFERENCES project (id, department_id)
    ON DELETE CASCADE ON UPDATE CASCADE;
COMMENT ON COLUMN indicator.department_id IS '部门编号 — the form''s department (project.department_id), the distribution key on Citus';

CREATE TRIGGER department_id_insert BEFORE INSERT ON project
    FOR EACH ROW WHEN (NEW.department_id IS NULL)
    EXECUTE FUNCTION department_id_fill('project');
CREATE TRIGGER department_id_update BEFORE UPDATE OF region, department ON project
    FOR EACH ROW WHEN (OLD.region IS DISTINCT FROM NEW.region OR OLD.department IS DISTINCT FROM NEW.department)
    EXECUTE FUNCTION department_id_fill('project');
CREATE TRIGGER department_id_insert BEFORE INSERT ON expenditure
    FOR EACH ROW WHEN (NEW.department_id IS NULL)
    EXECUTE FUNCTION department_id_fill('form');
CREATE TRIGGER department_id_insert BEFORE INSERT ON indicator
    FOR EACH ROW WHEN (NEW.department_id IS NULL)
    EXECUTE FUNCTION department_id_fill('form');
CREATE TRIGGER department_id_update BEFORE UPDATE OF project_id ON expenditure
    FOR EACH ROW WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id)
    EXECUTE FUNCTION department_id_fill('form');
CREATE TRIGGER department_id_update BEFORE UPDATE OF project_id ON indicator
    FOR EACH ROW WHEN (OLD.project_id IS DISTINCT FROM NEW.project_id)
    EXECUTE FUNCTION department_id_fill('form');
COMMENT ON TRIGGER department_id_insert ON project IS 'a form written without department_id gets that of its region and department (import_form gives it)';
COMMENT ON TRIGGER department_id_update ON project IS 'a form moved to another region or department moves to that department (its rows follow by ON UPDATE CASCADE; not on Citus, where department_id is the distribution key)';
COMMENT ON TRIGGER department_id_insert ON expenditure IS 'a row written without department_id gets its form''s';
COMMENT ON TRIGGER department_id_insert ON indicator IS 'a row written without department_id gets its form''s';
COMMENT ON TRIGGER department_id_update ON expenditure IS 'a row moved to another form gets that form''s department_id';
COMMENT ON TRIGGER department_id_update ON indicator IS 'a row moved to another form gets that form''s department_id';

-- form_json leaves department_id out (a key of this database, like id).
CREATE OR REPLACE FUNCTION form_json(project_id bigint) RETURNS jsonb
    LANGUAGE SQL STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT (to_jsonb(p) - 'department_id')
           || jsonb_build_object(
                'expenditure',
                coalesce((SELECT jsonb_agg(to_jsonb(e) - 'project_id' - 'department_id' ORDER BY e.line_no)
                          FROM perfbudget.expenditure e
                          WHERE e.project_id = p.id AND e.department_id = p.department_id), '[]'::jsonb),
                'indicators',
                coalesce((SELECT jsonb_agg(to_jsonb(i) - 'project_id' - 'department_id' ORDER BY i.line_no)
                          FROM perfbudget.indicator i
                          WHERE i.project_id = p.id AND i.department_id = p.department_id), '[]'::jsonb))
    FROM perfbudget.project p
    WHERE p.id = form_json.project_id;
END;

-- Indicator-set fingerprints kept as forms are written (issue 9, the known
-- gap of §11.3): project_fingerprint per form, fingerprint_group counts per
-- (year, region, department, fingerprint), a deferred C trigger on
-- indicator, triggers on project_fingerprint and project; the boilerplate
-- rule of form_issues and department_review join them by keys instead of a
-- window over every form's fingerprint; indicator_set reads the stored
-- fingerprints; import_form and import_form_json refresh a form's
-- fingerprint at once.  Both tables are filled from the stored forms.
CREATE FUNCTION indicator_fingerprint(project_id bigint) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (SELECT pg_catalog.md5(pg_catalog.string_agg(
                       pg_catalog.concat_ws('|', perfbudget.canonical_level1(i.level1),
                                            perfbudget.canonical_level2(i.level2), i.level3,
                                            i.half_year_target::text, i.annual_target::text),
                       E'\n' ORDER BY i.line_no))
            FROM perfbudget.indicator i
            WHERE i.project_id = $1
              AND coalesce(perfbudget.canonical_level1(i.level1), '')
                  OPERATOR(pg_catalog.<>) ALL (ARRAY['决策指标', '过程指标']));
END
$$;
COMMENT ON FUNCTION indicator_fingerprint(bigint) IS
  '指标指纹 — md5 of a form''s 产出/效益/满意度 indicator rows (canonical level-1 and level-2, level-3 name, half-year and annual targets, in line order; rows of 决策/过程 left out); NULL when the form has no such rows. The one definition of "the same indicator set": stored per form in project_fingerprint';

CREATE FUNCTION indicator_fingerprints(project_ids bigint[])
RETURNS TABLE (project_id bigint, fingerprint text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
    SELECT i.project_id,
           pg_catalog.md5(pg_catalog.string_agg(
               pg_catalog.concat_ws('|', perfbudget.canonical_level1(i.level1),
                                    perfbudget.canonical_level2(i.level2), i.level3,
                                    i.half_year_target::text, i.annual_target::text),
               E'\n' ORDER BY i.line_no))
    FROM perfbudget.indicator i
    WHERE i.project_id OPERATOR(pg_catalog.=) ANY ($1)
      AND coalesce(perfbudget.canonical_level1(i.level1), '')
          OPERATOR(pg_catalog.<>) ALL (ARRAY['决策指标', '过程指标'])
    GROUP BY i.project_id
$$;
COMMENT ON FUNCTION indicator_fingerprints(bigint[]) IS
  '指标指纹（批量）— indicator_fingerprint of many forms in one pass: one row (project_id, fingerprint) per form that has 产出/效益/满意度 rows, none for the others. The same expression as indicator_fingerprint (test/pgtap/fingerprint.sql checks that they agree); import_form stores the fingerprints of all the forms of a call with it, in one statement';

CREATE TABLE project_fingerprint (
    project_id  bigint NOT NULL,
    budget_year integer NOT NULL,
    region      text,
    department  text NOT NULL,
    fingerprint text NOT NULL,
    department_id integer NOT NULL,
    PRIMARY KEY (project_id, department_id),
    FOREIGN KEY (project_id, department_id) REFERENCES project (id, department_id)
        ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON TABLE project_fingerprint IS '指标指纹 — per form, the fingerprint of its 产出/效益/满意度 indicator set (perfbudget.indicator_fingerprint), kept at commit by the trigger indicator_fingerprint; a form without such rows has no row here. Not dumped: rebuilt as a restore loads the indicator rows, or by perfbudget.rebuild_fingerprints()';
COMMENT ON COLUMN project_fingerprint.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN project_fingerprint.budget_year IS '预算年度 — the form''s budget year, copied from project (kept by the trigger project_fingerprint_key)';
COMMENT ON COLUMN project_fingerprint.region IS '行政区划 — the form''s region, copied from project; NULL when the title names none';
COMMENT ON COLUMN project_fingerprint.department IS '主管部门 — the form''s department, copied from project';
COMMENT ON COLUMN project_fingerprint.department_id IS '部门编号 — the form''s department (project.department_id), the distribution key on Citus';
COMMENT ON COLUMN project_fingerprint.fingerprint IS '指标指纹 — md5 of the form''s indicator rows other than 决策/过程';

CREATE TABLE fingerprint_group (
    budget_year integer NOT NULL,
    region_key  text NOT NULL,
    department  text NOT NULL,
    fingerprint text NOT NULL,
    forms       bigint NOT NULL CHECK (forms > 0),
    department_id integer NOT NULL,
    PRIMARY KEY (department_id, budget_year, region_key, department, fingerprint)
);
CREATE INDEX fingerprint_group_department_idx ON fingerprint_group (department, budget_year, region_key);
COMMENT ON INDEX fingerprint_group_department_idx IS 'the groups of one department by name (department_review filtered by department, year or region)';
COMMENT ON TABLE fingerprint_group IS '雷同指标组 — how many forms of one budget year, region and department share one indicator fingerprint; kept by the triggers on project_fingerprint (a group whose count reaches 0 is deleted)';
COMMENT ON COLUMN fingerprint_group.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN fingerprint_group.region_key IS '行政区划键 — coalesce(region, ''''): the region as written, '''' for forms without one';
COMMENT ON COLUMN fingerprint_group.department IS '主管部门 — supervising department';
COMMENT ON COLUMN fingerprint_group.fingerprint IS '指标指纹 — the shared fingerprint (project_fingerprint.fingerprint)';
COMMENT ON COLUMN fingerprint_group.department_id IS '部门编号 — the department of the group (perfbudget.department.id), the distribution key on Citus';
COMMENT ON COLUMN fingerprint_group.forms IS '项目数 — number of forms with this fingerprint in the group (at least 1)';

-- +1 / −1 in fingerprint_group as rows of project_fingerprint come, go or
-- move between groups.  The UPDATE of the group row locks it, so
-- concurrent writers of one group count one after the other.
CREATE FUNCTION fingerprint_group_count() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.department_id = NEW.department_id
       AND OLD.budget_year = NEW.budget_year
       AND coalesce(OLD.region, '') = coalesce(NEW.region, '')
       AND OLD.department = NEW.department
       AND OLD.fingerprint = NEW.fingerprint THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- lock the group row first: between a decrement that finds 1 and
        -- a delete, another writer could otherwise add a form to the group
        SELECT g.forms INTO n FROM perfbudget.fingerprint_group g
        WHERE g.department_id = OLD.department_id
          AND g.budget_year = OLD.budget_year AND g.region_key = coalesce(OLD.region, '')
          AND g.department = OLD.department AND g.fingerprint = OLD.fingerprint
        FOR UPDATE;
        IF n IS NULL THEN
            RAISE EXCEPTION USING
                ERRCODE = 'data_corrupted',
                MESSAGE = perfbudget.message('fingerprint.group', OLD.project_id::text),
                DETAIL = perfbudget.message('fingerprint.group.detail', OLD.budget_year::text,
                                            coalesce(OLD.region, perfbudget.message('fingerprint.group.no_region')),
                                            OLD.department, OLD.fingerprint::text),
                HINT = perfbudget.message('fingerprint.group.hint');
        ELSIF n OPERATOR(pg_catalog.>) 1 THEN
            UPDATE perfbudget.fingerprint_group g
            SET forms = g.forms OPERATOR(pg_catalog.-) 1
            WHERE g.department_id = OLD.department_id
          AND g.budget_year = OLD.budget_year AND g.region_key = coalesce(OLD.region, '')
              AND g.department = OLD.department AND g.fingerprint = OLD.fingerprint;
        ELSE
            DELETE FROM perfbudget.fingerprint_group g
            WHERE g.department_id = OLD.department_id
          AND g.budget_year = OLD.budget_year AND g.region_key = coalesce(OLD.region, '')
              AND g.department = OLD.department AND g.fingerprint = OLD.fingerprint;
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO perfbudget.fingerprint_group AS g
            (budget_year, region_key, department, fingerprint, forms, department_id)
        VALUES (NEW.budget_year, coalesce(NEW.region, ''), NEW.department, NEW.fingerprint, 1,
                NEW.department_id)
        ON CONFLICT (department_id, budget_year, region_key, department, fingerprint)
        DO UPDATE SET forms = g.forms OPERATOR(pg_catalog.+) 1;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION fingerprint_group_count() IS
  'trigger of project_fingerprint: adds 1 to the group a row enters and subtracts 1 from the group it leaves (deleting a group that reaches 0)';

CREATE TRIGGER fingerprint_group_count
    AFTER INSERT OR UPDATE OR DELETE ON project_fingerprint
    FOR EACH ROW EXECUTE FUNCTION fingerprint_group_count();
COMMENT ON TRIGGER fingerprint_group_count ON project_fingerprint IS
  'keeps fingerprint_group.forms equal to the number of project_fingerprint rows of each group';

-- TRUNCATE fires no row triggers: emptying project_fingerprint (TRUNCATE
-- project CASCADE does) empties the counts derived from it.
CREATE FUNCTION fingerprint_group_truncate() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM perfbudget.fingerprint_group;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION fingerprint_group_truncate() IS
  'trigger of project_fingerprint: a TRUNCATE of it (also through TRUNCATE project CASCADE) empties fingerprint_group';

CREATE TRIGGER fingerprint_group_truncate
    AFTER TRUNCATE ON project_fingerprint
    FOR EACH STATEMENT EXECUTE FUNCTION fingerprint_group_truncate();
COMMENT ON TRIGGER fingerprint_group_truncate ON project_fingerprint IS
  'keeps fingerprint_group empty when project_fingerprint is truncated';

-- A form moved to another year, region or department moves its
-- fingerprint to that group.  Before the form's row changes: a new
-- department_id then reaches project_fingerprint by the foreign key's
-- ON UPDATE CASCADE, whose count trigger runs after this statement's own
-- triggers and moves the row to the new department's group last.
CREATE FUNCTION project_fingerprint_key() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE perfbudget.project_fingerprint f
    SET budget_year = NEW.budget_year, region = NEW.region, department = NEW.department
    WHERE f.project_id = OLD.id AND f.department_id = OLD.department_id
      AND (f.budget_year, f.region, f.department)
          IS DISTINCT FROM (NEW.budget_year, NEW.region, NEW.department);
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION project_fingerprint_key() IS
  'trigger of project: copies a changed budget year, region or department into project_fingerprint (whose trigger moves the count between groups)';

CREATE TRIGGER project_fingerprint_key
    BEFORE UPDATE OF budget_year, region, department ON project
    FOR EACH ROW
    WHEN (OLD.budget_year IS DISTINCT FROM NEW.budget_year OR OLD.region IS DISTINCT FROM NEW.region
          OR OLD.department IS DISTINCT FROM NEW.department)
    EXECUTE FUNCTION project_fingerprint_key();
COMMENT ON TRIGGER project_fingerprint_key ON project IS
  'a form''s new budget year, region or department, copied into project_fingerprint';

-- The fingerprint of a form whose indicator rows changed, recomputed at
-- commit once per form (src/indicator_fingerprint.c).
CREATE FUNCTION indicator_fingerprint_trigger() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION indicator_fingerprint_trigger() IS
  'trigger of indicator: at commit, recomputes the fingerprint of each form whose rows changed (once per form), under a lock on the project row, and stores it in project_fingerprint';

CREATE CONSTRAINT TRIGGER indicator_fingerprint
    AFTER INSERT OR UPDATE OF project_id, line_no, level1, level2, level3, half_year_target,
          annual_target OR DELETE ON indicator
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION indicator_fingerprint_trigger();
COMMENT ON TRIGGER indicator_fingerprint ON indicator IS
  '指标指纹: the form''s fingerprint in project_fingerprint, recomputed at commit (deferred) after locking the project row';

CREATE FUNCTION refresh_fingerprint(project_id bigint) RETURNS void
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT VOLATILE;
COMMENT ON FUNCTION refresh_fingerprint(bigint) IS
  '刷新指标指纹 — recomputes one form''s fingerprint in project_fingerprint now instead of at commit (import_form and import_form_json call it, so the importing transaction''s own reads see it); locks the project row';

CREATE FUNCTION rebuild_fingerprints() RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    LOCK TABLE perfbudget.indicator IN SHARE MODE;
    TRUNCATE perfbudget.project_fingerprint, perfbudget.fingerprint_group;
    INSERT INTO perfbudget.project_fingerprint (project_id, budget_year, region, department, fingerprint,
                                                department_id)
    SELECT p.id, p.budget_year, p.region, p.department, s.fingerprint, p.department_id
    FROM perfbudget.project p
    CROSS JOIN LATERAL (SELECT perfbudget.indicator_fingerprint(p.id) AS fingerprint) s
    WHERE s.fingerprint IS NOT NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION rebuild_fingerprints() IS
  '重建指标指纹 — recomputes project_fingerprint and fingerprint_group from the indicator rows (after a data-only restore with --disable-triggers, or to check them); returns the number of forms with a fingerprint. Locks indicator against writes while it runs';

COMMENT ON VIEW indicator_set IS '指标组合 — per form, a fingerprint of its 产出/效益/满意度 indicators (canonical levels, names and targets, in order): equal fingerprints mean a copied indicator set. Read from project_fingerprint, which is brought up to date at commit';
CREATE OR REPLACE FUNCTION import_form_json(doc jsonb) RETURNS bigint
    LANGUAGE plpgsql VOLATILE STRICT
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_id bigint;
    new_department integer;
    unknown text;
BEGIN
    IF jsonb_typeof(doc) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = perfbudget.message('form_json.object'),
            HINT = perfbudget.message('form_json.hint');
    END IF;
    SELECT string_agg(k, ', ' ORDER BY k) INTO unknown
    FROM jsonb_object_keys(doc) k
    WHERE k NOT IN (SELECT attname FROM pg_attribute
                    WHERE attrelid = 'perfbudget.project'::regclass AND attnum > 0 AND NOT attisdropped)
      AND k NOT IN ('expenditure', 'indicators');
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = perfbudget.message('form_json.keys', unknown),
            DETAIL = perfbudget.message('form_json.keys.detail'),
            HINT = perfbudget.message('form_json.hint');
    END IF;

    INSERT INTO perfbudget.project (budget_year, name, department, implementing_unit,
        reporting_unit, attribute, level, category, start_month, end_month, manager, phone,
        necessity, feasibility, content, long_term_goal, annual_goal, total, fiscal_subtotal,
        general_budget, government_fund, special_account, state_capital, social_insurance_fund,
        carryover, other_funds, spend_half_year, spend_annual, spend_executed, region,
        region_level, department_id)
    SELECT r.budget_year, r.name, r.department, r.implementing_unit, r.reporting_unit,
        r.attribute, r.level, r.category, r.start_month, r.end_month, r.manager, r.phone,
        r.necessity, r.feasibility, r.content, r.long_term_goal, r.annual_goal, r.total,
        r.fiscal_subtotal, r.general_budget, r.government_fund, r.special_account,
        r.state_capital, r.social_insurance_fund, r.carryover, r.other_funds,
        r.spend_half_year, r.spend_annual, r.spend_executed, r.region, r.region_level,
        perfbudget.department_id(r.region, r.department)
    FROM jsonb_populate_record(NULL::perfbudget.project, doc) r
    RETURNING id, department_id INTO new_id, new_department;

    INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual, department_id)
    SELECT new_id, e.line_no, e.item, e.half_year, e.annual, new_department
    FROM jsonb_populate_recordset(NULL::perfbudget.expenditure,
                                  coalesce(doc -> 'expenditure', '[]')) e;

    INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3,
        half_year_target, annual_target, actual, weight, score, deviation_note,
        level1_points, remarks, department_id)
    SELECT new_id, i.line_no, i.level1, i.level2, i.level3, i.half_year_target,
        i.annual_target, i.actual, i.weight, i.score, i.deviation_note, i.level1_points,
        i.remarks, new_department
    FROM jsonb_populate_recordset(NULL::perfbudget.indicator,
                                  coalesce(doc -> 'indicators', '[]')) i;
    -- on Citus no trigger keeps the stored fingerprints and findings
    -- (perfbudget.distribute): both are recomputed from here
    IF perfbudget.is_distributed() THEN
        PERFORM perfbudget.refresh_fingerprints(ARRAY[new_id]);
        PERFORM perfbudget.refresh_findings(ARRAY[new_id]);
    ELSE
        PERFORM perfbudget.refresh_fingerprint(new_id);
    END IF;
    RETURN new_id;
END
$$;

SELECT rebuild_fingerprints();

-- History of the forms (issue 11): change_log, its trigger, form_as_of.
-- History of the forms: every change of a project, expenditure or indicator
-- row after it was stored, written by the trigger change_log_trigger (C, as
-- the table owner: no user writes the log), and the form as it stood at a
-- given time.  A form stored at once (import) is one entry.

CREATE TABLE change_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    changed_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    changed_by     text NOT NULL,
    table_name     text NOT NULL CHECK (table_name IN ('project', 'expenditure', 'indicator')),
    project_id     bigint NOT NULL,
    operation      text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
    old_row        jsonb,
    new_row        jsonb,
    transaction_id xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
    CHECK ((operation = 'INSERT') = (old_row IS NULL)),
    CHECK ((operation = 'DELETE') = (new_row IS NULL))
);
CREATE INDEX change_log_project_idx ON change_log (project_id, id);
CREATE INDEX change_log_time_idx ON change_log (changed_at);
SELECT pg_catalog.pg_extension_config_dump('change_log', '');
SELECT pg_catalog.pg_extension_config_dump('change_log_id_seq', '');
REVOKE ALL ON change_log FROM PUBLIC;

COMMENT ON TABLE change_log IS '变更记录 — the history of the forms: one entry per insert, update or delete of a project, expenditure or indicator row after the form was stored (a form stored at once, by import, is one entry; deleting a form is one entry holding the whole form). Written only by the extension''s trigger; readable by auditors (perfbudget_auditor); dumped with the data';
COMMENT ON COLUMN change_log.id IS '序号 — order of the entries';
COMMENT ON COLUMN change_log.changed_at IS '时间 — start of the changing transaction (now())';
COMMENT ON COLUMN change_log.changed_by IS '操作人 — the role that made the change (current_user)';
COMMENT ON COLUMN change_log.table_name IS '表 — project, expenditure or indicator';
COMMENT ON COLUMN change_log.project_id IS '项目编号 — the form the row belongs to';
COMMENT ON COLUMN change_log.operation IS '操作 — INSERT, UPDATE or DELETE';
COMMENT ON COLUMN change_log.old_row IS '原值 — the row before (UPDATE, DELETE); for the DELETE of a project, the whole form in the layout of form_json';
COMMENT ON COLUMN change_log.new_row IS '新值 — the row after (INSERT, UPDATE)';
COMMENT ON COLUMN change_log.transaction_id IS '事务 — the changing transaction (pg_current_xact_id())';
COMMENT ON INDEX change_log_project_idx IS 'the history of one form, in order';
COMMENT ON INDEX change_log_time_idx IS 'changes in a period';

CREATE FUNCTION change_log_trigger() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION change_log_trigger() IS
  '变更记录触发器 — writes perfbudget.change_log as the table owner; its argument is the table''s name (project, expenditure, indicator). Rows inserted with their project in one transaction are the project''s one entry; set perfbudget.history = off (superuser) to restore a dump without logging the restore';

CREATE TRIGGER change_log AFTER INSERT OR UPDATE ON project
    FOR EACH ROW EXECUTE FUNCTION change_log_trigger('project');
CREATE TRIGGER change_log_delete BEFORE DELETE ON project
    FOR EACH ROW EXECUTE FUNCTION change_log_trigger('project');
CREATE TRIGGER change_log AFTER INSERT OR UPDATE OR DELETE ON expenditure
    FOR EACH ROW EXECUTE FUNCTION change_log_trigger('expenditure');
CREATE TRIGGER change_log AFTER INSERT OR UPDATE OR DELETE ON indicator
    FOR EACH ROW EXECUTE FUNCTION change_log_trigger('indicator');
COMMENT ON TRIGGER change_log ON project IS '变更记录: a new form (one entry) and every change of its header';
COMMENT ON TRIGGER change_log_delete ON project IS '变更记录: a deleted form, whole, taken before its rows are deleted';
COMMENT ON TRIGGER change_log ON expenditure IS '变更记录: changes of 资金分配 rows after the form was stored';
COMMENT ON TRIGGER change_log ON indicator IS '变更记录: changes of indicator rows after the form was stored';

-- Undo the entries after the moment, newest first, from the current rows.
-- Rows are kept as JSON objects keyed by line_no, as form_json writes them.
CREATE FUNCTION form_as_of(project_id bigint, at timestamptz) RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    form jsonb := perfbudget.form_json(form_as_of.project_id);
    head jsonb;
    rows jsonb;                 -- {"expenditure": {line: row}, "indicators": {line: row}}
    e record;
    part text;
    old_key text;
    new_key text;
BEGIN
    IF form IS NULL THEN
        head := NULL;
        rows := '{"expenditure": {}, "indicators": {}}';
    ELSE
        head := form - 'expenditure' - 'indicators';
        rows := jsonb_build_object(
            'expenditure', (SELECT coalesce(jsonb_object_agg(r ->> 'line_no', r), '{}')
                            FROM jsonb_array_elements(form -> 'expenditure') r),
            'indicators', (SELECT coalesce(jsonb_object_agg(r ->> 'line_no', r), '{}')
                           FROM jsonb_array_elements(form -> 'indicators') r));
    END IF;

    FOR e IN SELECT c.table_name, c.operation, c.old_row, c.new_row
             FROM perfbudget.change_log c
             WHERE c.project_id OPERATOR(pg_catalog.=) form_as_of.project_id
               AND c.changed_at OPERATOR(pg_catalog.>) form_as_of.at
             ORDER BY c.id DESC
    LOOP
        IF e.table_name OPERATOR(pg_catalog.=) 'project' THEN
            IF e.operation OPERATOR(pg_catalog.=) 'INSERT' THEN
                head := NULL;           -- the form did not exist yet
                rows := '{"expenditure": {}, "indicators": {}}';
            ELSIF e.operation OPERATOR(pg_catalog.=) 'UPDATE' THEN
                head := e.old_row - 'department_id';
            ELSE                        -- DELETE: the whole form
                head := e.old_row - 'expenditure' - 'indicators';
                rows := jsonb_build_object(
                    'expenditure', (SELECT coalesce(jsonb_object_agg(r ->> 'line_no', r), '{}')
                                    FROM jsonb_array_elements(e.old_row -> 'expenditure') r),
                    'indicators', (SELECT coalesce(jsonb_object_agg(r ->> 'line_no', r), '{}')
                                   FROM jsonb_array_elements(e.old_row -> 'indicators') r));
            END IF;
            CONTINUE;
        END IF;
        part := CASE e.table_name WHEN 'expenditure' THEN 'expenditure' ELSE 'indicators' END;
        old_key := e.old_row ->> 'line_no';
        new_key := e.new_row ->> 'line_no';
        IF new_key IS NOT NULL THEN
            rows := jsonb_set(rows, ARRAY[part], (rows -> part) - new_key);
        END IF;
        IF old_key IS NOT NULL THEN
            rows := jsonb_set(rows, ARRAY[part, old_key], e.old_row - 'project_id' - 'department_id');
        END IF;
    END LOOP;

    IF head IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN head || jsonb_build_object(
        'expenditure', (SELECT coalesce(jsonb_agg(r.value ORDER BY (r.key)::int), '[]')
                        FROM jsonb_each(rows -> 'expenditure') r),
        'indicators', (SELECT coalesce(jsonb_agg(r.value ORDER BY (r.key)::int), '[]')
                       FROM jsonb_each(rows -> 'indicators') r));
END
$$;
COMMENT ON FUNCTION form_as_of(bigint, timestamptz) IS
  '某时点的申报表 — the form (layout of form_json) as it stood at the given time, rebuilt from its current rows by undoing the change_log entries after that time; NULL when the form did not exist then. Times are the changing transactions'' start times. Needs read access to change_log (auditors)';

-- Roles (issue 11).
-- Roles that fit a finance bureau.  Roles belong to the cluster, not to one
-- database, so the extension does not create them by itself: the function
-- below creates the four group roles when missing and grants them their
-- privileges in this database.  Users are then made members:
--   GRANT perfbudget_filer TO zhang;

CREATE FUNCTION create_roles() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['perfbudget_bureau', 'perfbudget_filer',
                             'perfbudget_analyst', 'perfbudget_auditor'] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA perfbudget TO %I', r);
        -- the views are security_invoker: a reader needs the tables under them
        EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA perfbudget TO %I', r);
        IF r OPERATOR(pg_catalog.<>) 'perfbudget_auditor' THEN
            EXECUTE format('REVOKE ALL ON perfbudget.change_log FROM %I', r);
        END IF;
    END LOOP;
    GRANT INSERT, UPDATE, DELETE ON perfbudget.project, perfbudget.expenditure, perfbudget.indicator
        TO perfbudget_bureau, perfbudget_filer;
    GRANT USAGE ON SEQUENCE perfbudget.project_id_seq TO perfbudget_bureau, perfbudget_filer;
    -- a form of a new department makes its row (perfbudget.department_id)
    GRANT INSERT ON perfbudget.department TO perfbudget_bureau, perfbudget_filer;
    GRANT USAGE ON SEQUENCE perfbudget.department_id_seq TO perfbudget_bureau, perfbudget_filer;
    GRANT INSERT, UPDATE, DELETE ON perfbudget.monitoring, perfbudget.indicator_monitoring,
        perfbudget.self_evaluation TO perfbudget_bureau, perfbudget_filer;
    GRANT INSERT, UPDATE, DELETE ON perfbudget.issue_rule_setting, perfbudget.evaluation_setting
        TO perfbudget_bureau;
    -- who may see which department: the bureau decides, the auditor reads it
    REVOKE ALL ON perfbudget.department_grant FROM perfbudget_filer, perfbudget_analyst;
    GRANT INSERT, UPDATE, DELETE ON perfbudget.department_grant TO perfbudget_bureau;
    -- the bureau, the analysts and the auditors see every department;
    -- a filer sees only what grant_department gives it
    PERFORM perfbudget.grant_department(g.role_name, '*')
    FROM unnest(ARRAY['perfbudget_bureau', 'perfbudget_analyst', 'perfbudget_auditor']::name[]) AS g(role_name);
END
$$;
COMMENT ON FUNCTION create_roles() IS
  '创建角色 — creates, when missing, the group roles perfbudget_bureau (财政局: reads and writes every form, tunes issue_rule_setting), perfbudget_filer (填报部门: reads and writes the forms of the departments granted to it by grant_department or grant_region, nothing else), perfbudget_analyst (分析: reads every view, writes nothing) and perfbudget_auditor (审计: reads everything, the change_log included), grants their privileges in this database and grants the bureau, analyst and auditor roles every department (''*''); run it again after ALTER EXTENSION UPDATE. Needs CREATEROLE and ownership of the extension''s objects';

-------------------------------------------------------------------- scoring

CREATE FUNCTION perf_score(target perf_target, actual perf_value, weight numeric)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'perf_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_score(perf_target, perf_value, numeric) IS
  '指标得分 — self-evaluation score of one indicator under the national rules (财预〔2020〕10号): met → weight; a missed ≥ > = target weight × actual / target; a missed ≤ < target weight × target / actual; phrases 达成 / 部分达成 / 未达成 (and 是/否, 优良中差 against a target grade) 100% / 70% / 30% of the weight; NULL when it cannot be decided (other units, a missed date, a strict target reached exactly, a phrase that is no grade)';

CREATE FUNCTION perf_score(target perf_target, actual perf_value, weight numeric, rule text)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'perf_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_score(perf_target, perf_value, numeric, text) IS
  '指标得分（地方口径）— perf_score under provincial variants, a comma-separated list: reverse_linear (a missed ≤ < target scores weight × (2 − actual / target), 0 from twice the target), qualitative_50 (the 部分达成 / 未达成 breakpoint at 50% instead of 60%: 65% and 25%), zero_equals (a = 0 target is met only by an actual ≤ 0, else 0); '''' or national is the national rule';

CREATE FUNCTION perf_score_range(target perf_target, actual perf_value, weight numeric)
    RETURNS numrange
    AS 'MODULE_PATHNAME', 'perf_score_range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_score_range(perf_target, perf_value, numeric) IS
  '得分区间 — the scores that agree with the rules: one point for a formula, the grade''s band for a phrase (达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight); NULL when undecided';

CREATE FUNCTION perf_score_range(target perf_target, actual perf_value, weight numeric, rule text)
    RETURNS numrange
    AS 'MODULE_PATHNAME', 'perf_score_range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_score_range(perf_target, perf_value, numeric, text) IS
  '得分区间（地方口径）— perf_score_range under the rules of perf_score(target, actual, weight, rule)';

CREATE FUNCTION perf_ratio(target perf_target, actual perf_value) RETURNS numeric
    AS 'MODULE_PATHNAME', 'perf_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_ratio(perf_target, perf_value) IS
  '完成比例 — actual / target in one unit (1.3 for 1.3万人 against ≥10000人); NULL for dates, ranges, phrases, different units or a target of 0';

-------------------------------------------------------------------- settings

-- A bureau's choices where provinces differ (DOMAIN.md §8).  Empty: the
-- national rules (evaluation_rule shows what is in force).  One row at most.
CREATE TABLE evaluation_setting (
    id                     boolean PRIMARY KEY DEFAULT true CHECK (id),
    execution_weight       numeric CHECK (execution_weight >= 0 AND execution_weight <= 100),
    output_weight          numeric CHECK (output_weight >= 0 AND output_weight <= 100),
    benefit_weight         numeric CHECK (benefit_weight >= 0 AND benefit_weight <= 100),
    satisfaction_weight    numeric CHECK (satisfaction_weight >= 0 AND satisfaction_weight <= 100),
    score_rule             text CHECK (score_rule IS NULL OR perfbudget.perf_score('≥1'::perfbudget.perf_target,
                                           '1'::perfbudget.perf_value, 0, score_rule) IS NOT NULL),
    behind_plan_share      numeric CHECK (behind_plan_share >= 0 AND behind_plan_share < 1),
    over_target_ratio      numeric CHECK (over_target_ratio > 1),
    execution_reason_below numeric CHECK (execution_reason_below > 0 AND execution_reason_below <= 1),
    score_tolerance        numeric CHECK (score_tolerance >= 0)
);
COMMENT ON TABLE evaluation_setting IS '绩效评价设置 — a bureau''s provincial variants of the monitoring and self-evaluation rules (at most one row); a NULL column, or no row, keeps the national default shown by perfbudget.evaluation_rule';
COMMENT ON COLUMN evaluation_setting.id IS '主键 — always true: the table holds one row at most';
COMMENT ON COLUMN evaluation_setting.execution_weight IS '预算执行率分值 — points of budget execution when a self-evaluation gives none (10号: 10; Hubei 2020: 20)';
COMMENT ON COLUMN evaluation_setting.output_weight IS '产出指标分值 — points of the 产出 indicators when the form gives none (10号: 50; Ningxia: 40)';
COMMENT ON COLUMN evaluation_setting.benefit_weight IS '效益指标分值 — points of the 效益 indicators when the form gives none (10号: 30; Ningxia: 40)';
COMMENT ON COLUMN evaluation_setting.satisfaction_weight IS '满意度指标分值 — points of the 满意度 indicators when the form gives none (10号: 10; Ningxia: 20)';
COMMENT ON COLUMN evaluation_setting.score_rule IS '评分口径 — rule list passed to perf_score: reverse_linear, qualitative_50, zero_equals ('''' = national)';
COMMENT ON COLUMN evaluation_setting.behind_plan_share IS '进度偏差容忍度 — monitoring: a project is behind when its 执行数 falls short of the half-year plan or of 序时进度 by more than this share (default 0.1)';
COMMENT ON COLUMN evaluation_setting.over_target_ratio IS '超额说明阈值 — self-evaluation: an actual at or above this multiple of a positive target needs a deviation note (default 1.3, 指标值设定明显偏低; Guangxi)';
COMMENT ON COLUMN evaluation_setting.execution_reason_below IS '执行率说明阈值 — an execution rate below this needs a written reason (Sichuan: 0.9); NULL: not required (national)';
COMMENT ON COLUMN evaluation_setting.score_tolerance IS '得分容差 — points an entered score may differ from the rules'' score (rounding on the form; default 0.1)';
SELECT pg_catalog.pg_extension_config_dump('evaluation_setting', '');

-------------------------------------------------------------------- mid-year monitoring

CREATE TABLE monitoring (
    project_id        bigint NOT NULL,
    as_of             date NOT NULL,
    executed          numeric NOT NULL CHECK (executed >= 0),
    budget_initial    numeric CHECK (budget_initial >= 0),
    expected_executed numeric CHECK (expected_executed >= 0),
    note              text,
    department_id     integer NOT NULL,
    PRIMARY KEY (project_id, as_of, department_id),
    FOREIGN KEY (project_id, department_id) REFERENCES project (id, department_id)
        ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON TABLE monitoring IS '绩效运行监控 — a project''s mid-year monitoring report, one row per report date: money spent to date against the half-year plan and 序时进度';
COMMENT ON COLUMN monitoring.project_id IS '项目编号 — the target form (perfbudget.project.id)';
COMMENT ON COLUMN monitoring.as_of IS '监控截止日期 — the date the figures run to (1–N月: the last day of month N)';
COMMENT ON COLUMN monitoring.executed IS '执行数（万元）— amount spent from 1 January to as_of';
COMMENT ON COLUMN monitoring.budget_initial IS '年初预算数（万元）— the budget as the monitoring form states it';
COMMENT ON COLUMN monitoring.expected_executed IS '全年预计执行数（万元）— amount expected to be spent in the year';
COMMENT ON COLUMN monitoring.note IS '资金执行偏差说明 — the department''s explanation of the spending';
SELECT pg_catalog.pg_extension_config_dump('monitoring', '');

CREATE TABLE indicator_monitoring (
    project_id bigint NOT NULL,
    as_of      date NOT NULL,
    line_no    integer NOT NULL,
    completed  perf_value,
    expected   perf_value,
    deviates   boolean,
    cause      text CHECK (cause IN ('规划和目标设计', '经费保障', '制度保障', '人员保障',
                                     '硬件条件保障', '项目管理', '其他')),
    cause_note text,
    likelihood text CHECK (likelihood IN ('确定能', '有可能', '完全不可能')),
    measure    text,
    department_id integer NOT NULL,
    PRIMARY KEY (project_id, as_of, line_no, department_id),
    FOREIGN KEY (project_id, as_of, department_id) REFERENCES monitoring (project_id, as_of, department_id)
        ON DELETE CASCADE ON UPDATE CASCADE,
    FOREIGN KEY (project_id, line_no, department_id) REFERENCES indicator (project_id, line_no, department_id)
        ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX indicator_monitoring_indicator_idx ON indicator_monitoring (project_id, line_no);
COMMENT ON TABLE indicator_monitoring IS '指标运行监控 — one indicator''s progress in a monitoring report: completed to date, expected for the year, deviation cause, likelihood of completion and corrective measure';
COMMENT ON COLUMN indicator_monitoring.project_id IS '项目编号 — the target form';
COMMENT ON COLUMN indicator_monitoring.as_of IS '监控截止日期 — the report (perfbudget.monitoring.as_of)';
COMMENT ON COLUMN indicator_monitoring.line_no IS '行号 — the indicator row (perfbudget.indicator.line_no)';
COMMENT ON COLUMN indicator_monitoring.completed IS '1–N月完成值 — value reached by as_of (半年度指标执行情况)';
COMMENT ON COLUMN indicator_monitoring.expected IS '全年预计完成值 — value expected by the end of the year';
COMMENT ON COLUMN indicator_monitoring.deviates IS '是否偏差 — the department says the indicator deviates from its target';
COMMENT ON COLUMN indicator_monitoring.cause IS '偏差原因类别 — 规划和目标设计 / 经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 项目管理 / 其他';
COMMENT ON COLUMN indicator_monitoring.cause_note IS '偏差原因说明 — the cause in the department''s words';
COMMENT ON COLUMN indicator_monitoring.likelihood IS '完成目标可能性 — 确定能 (green) / 有可能 (yellow) / 完全不可能 (red)';
COMMENT ON COLUMN indicator_monitoring.measure IS '纠偏措施 — corrective measure';
COMMENT ON INDEX indicator_monitoring_indicator_idx IS 'an indicator''s reports; the foreign key to indicator deletes through it';
SELECT pg_catalog.pg_extension_config_dump('indicator_monitoring', '');

-------------------------------------------------------------------- year-end self-evaluation

-- What a self-evaluation form says of the whole project, beside the
-- columns it fills in project (spend_executed) and indicator (actual,
-- weight, score, deviation_note).  The scores the department wrote are kept
-- as written; project_score computes its own.
CREATE TABLE self_evaluation (
    project_id         bigint NOT NULL,
    budget_initial     numeric CHECK (budget_initial >= 0),
    budget_adjusted    numeric CHECK (budget_adjusted >= 0),
    execution_weight   numeric CHECK (execution_weight >= 0 AND execution_weight <= 100),
    execution_score    numeric,
    total_score        numeric,
    grade              text CHECK (grade IN ('优', '良', '中', '差')),
    execution_note     text,
    summary            text,
    department_id      integer NOT NULL,
    PRIMARY KEY (project_id, department_id),
    FOREIGN KEY (project_id, department_id) REFERENCES project (id, department_id)
        ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TRIGGER department_id_insert BEFORE INSERT ON monitoring
    FOR EACH ROW WHEN (NEW.department_id IS NULL)
    EXECUTE FUNCTION department_id_fill('form');
CREATE TRIGGER department_id_insert BEFORE INSERT ON indicator_monitoring
    FOR EACH ROW WHEN (NEW.department_id IS NULL)
    EXECUTE FUNCTION department_id_fill('form');
CREATE TRIGGER department_id_insert BEFORE INSERT ON self_evaluation
    FOR EACH ROW WHEN (NEW.department_id IS NULL)
    EXECUTE FUNCTION department_id_fill('form');
COMMENT ON TRIGGER department_id_insert ON monitoring IS 'a report written without department_id gets its form''s';
COMMENT ON TRIGGER department_id_insert ON indicator_monitoring IS 'a row written without department_id gets its form''s';
COMMENT ON TRIGGER department_id_insert ON self_evaluation IS 'a self-evaluation written without department_id gets its form''s';
COMMENT ON COLUMN monitoring.department_id IS '部门编号 — the form''s department (project.department_id), the distribution key on Citus';
COMMENT ON COLUMN indicator_monitoring.department_id IS '部门编号 — the form''s department (project.department_id), the distribution key on Citus';
COMMENT ON COLUMN self_evaluation.department_id IS '部门编号 — the form''s department (project.department_id), the distribution key on Citus';
COMMENT ON TABLE self_evaluation IS '绩效自评 — a project''s year-end self-evaluation form: the money block and the department''s own scores (全年执行数 is project.spend_executed; indicator actuals, weights and scores are in indicator)';
COMMENT ON COLUMN self_evaluation.project_id IS '项目编号 — the target form';
COMMENT ON COLUMN self_evaluation.budget_initial IS '年初预算数（万元）— budget at the start of the year';
COMMENT ON COLUMN self_evaluation.budget_adjusted IS '全年预算数（万元）— budget after adjustments; execution rate = 全年执行数 / this (NULL: project.spend_annual)';
COMMENT ON COLUMN self_evaluation.execution_weight IS '预算执行率分值 — points of budget execution on this form (NULL: evaluation_rule.execution_weight)';
COMMENT ON COLUMN self_evaluation.execution_score IS '预算执行率得分（自评）— the execution score the department wrote';
COMMENT ON COLUMN self_evaluation.total_score IS '总分（自评）— the total the department wrote';
COMMENT ON COLUMN self_evaluation.grade IS '自评等级 — the grade the department wrote: 优 / 良 / 中 / 差';
COMMENT ON COLUMN self_evaluation.execution_note IS '执行偏差说明 — why the budget was not fully executed';
COMMENT ON COLUMN self_evaluation.summary IS '总体目标完成情况 — the department''s summary of the year';
SELECT pg_catalog.pg_extension_config_dump('self_evaluation', '');

CREATE FUNCTION score_grade(total numeric) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN total OPERATOR(pg_catalog.>=) 90 THEN '优'
                WHEN total OPERATOR(pg_catalog.>=) 80 THEN '良'
                WHEN total OPERATOR(pg_catalog.>=) 60 THEN '中'
                ELSE '差' END;
COMMENT ON FUNCTION score_grade(numeric) IS '评价等级 — 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (财预〔2020〕10号)';

CREATE FUNCTION score_group(level1 text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE perfbudget.canonical_level1(level1)
                WHEN '产出指标' THEN '产出' WHEN '成本指标' THEN '产出'
                WHEN '效益指标' THEN '效益' WHEN '满意度指标' THEN '满意度' END;
COMMENT ON FUNCTION score_group(text) IS '计分组 — the default-weight group of a level-1 label: 产出 (with 成本指标, which 财预〔2021〕101号 raised to level 1 out of 产出), 效益, 满意度; NULL for 决策/过程 and unknown labels, which carry no weight';

-- Loading monitoring and self-evaluation documents (issue 10).  The text
-- layouts are read in C (src/evaluation_parse.c) into the JSON layout;
-- one writer per document kind takes that JSON, finds each form's target
-- form by year, region, department and 项目名称 (name_key, like the unique
-- key project_form_key) and stores it.  A document is one statement: any
-- error leaves nothing behind.

CREATE FUNCTION parse_self_evaluation(doc text) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION parse_self_evaluation(text) IS
  '读取绩效自评表 — the forms of a self-evaluation document (text, tab-separated cells) in the JSON layout of import_self_evaluation_json, cells as written; 22P02 naming the form and line when it is not one';

CREATE FUNCTION parse_monitoring(doc text) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION parse_monitoring(text) IS
  '读取绩效运行监控表 — the forms of a monitoring document (text, tab-separated cells) in the JSON layout of import_monitoring_json, cells as written; 22P02 naming the form and line when it is not one';

-- '绩效自评表 form 2 "name"' and, for a row, ' (document line 31)', in the
-- session's language (message()): who is at fault.
CREATE FUNCTION evaluation_where(kind text, form jsonb, ordinal integer, row_ jsonb DEFAULT NULL)
    RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN perfbudget.message('evaluation.form', kind, ordinal::text, coalesce(form OPERATOR(pg_catalog.->>) 'name', '?'))
           OPERATOR(pg_catalog.||) CASE WHEN coalesce(row_ OPERATOR(pg_catalog.->>) 'line', form OPERATOR(pg_catalog.->>) 'line') IS NOT NULL
               THEN perfbudget.message('evaluation.line', coalesce(row_ OPERATOR(pg_catalog.->>) 'line', form OPERATOR(pg_catalog.->>) 'line'))
               ELSE '' END;
COMMENT ON FUNCTION evaluation_where(text, jsonb, integer, jsonb) IS
  '定位 — the words naming a form (its kind, ordinal and 项目名称) and the document line of the row or form, for import errors';

-- An amount or a number of points as written: '9', '1,200.5', '12.5分',
-- '8.5万元'; blank, '-', '/', '—' are none.
CREATE FUNCTION evaluation_number(cell text, what text, place text) RETURNS numeric
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t text := regexp_replace(btrim(coalesce(cell, '')), '(万元|元|分)$', '');
BEGIN
    IF t IN ('', '-', '/', '—', '－', '／') THEN
        RETURN NULL;
    END IF;
    IF t !~ '^[+-]?[0-9][0-9,]*(\.[0-9]+)?$' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                  MESSAGE = perfbudget.message('evaluation.number', place, what, cell),
                  DETAIL = perfbudget.message('evaluation.number.detail', what, cell),
                  HINT = perfbudget.message('evaluation.number.hint');
    END IF;
    RETURN replace(t, ',', '')::numeric;
END $$;
COMMENT ON FUNCTION evaluation_number(text, text, text) IS
  '读数 — an amount or points cell as a number (thousands separators, a trailing 万元/元/分 allowed; blank, -, / are NULL); 22P02 naming the form, row and cell otherwise';

-- A value cell as perf_value, the input error given the form and row.
CREATE FUNCTION evaluation_value(cell text, what text, place text) RETURNS perf_value
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    msg text; det text; hnt text; st text;
BEGIN
    IF btrim(coalesce(cell, '')) IN ('', '-', '/', '—') THEN
        RETURN NULL;
    END IF;
    RETURN cell::perfbudget.perf_value;
EXCEPTION WHEN invalid_text_representation THEN
    GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT,
                            st = RETURNED_SQLSTATE;
    RAISE EXCEPTION USING ERRCODE = st, MESSAGE = perfbudget.message('evaluation.value', place, what, msg),
                          DETAIL = det, HINT = hnt;
END $$;
COMMENT ON FUNCTION evaluation_value(text, text, text) IS
  '读值 — a value cell (实际完成值, 1–N月完成值 …) as perf_value; blank, -, / are NULL; an invalid value raises 22P02 with the form, row and cell in the message';

-- The target form of a document's form; 23503 when none, 21000 when a form
-- without a region in its title fits forms of several regions.
CREATE FUNCTION evaluation_target(form jsonb, place text) RETURNS bigint
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    y integer;
    ids bigint[];
    names text;
BEGIN
    IF coalesce(btrim(form->>'name'), '') = '' OR coalesce(btrim(form->>'department'), '') = ''
       OR coalesce(form->>'budget_year', '') !~ '^[0-9]{4}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                  MESSAGE = perfbudget.message('evaluation.key_missing', place),
                  DETAIL = perfbudget.message('evaluation.key_missing.detail',
                                              form->>'name', form->>'department', form->>'budget_year'),
                  HINT = perfbudget.message('evaluation.key_missing.hint');
    END IF;
    y := (form->>'budget_year')::integer;
    SELECT array_agg(p.id ORDER BY p.id) INTO ids
    FROM perfbudget.project p
    WHERE p.budget_year = y
      AND perfbudget.name_key(p.department) = perfbudget.name_key(form->>'department')
      AND perfbudget.name_key(p.name) = perfbudget.name_key(form->>'name')
      AND (form->>'region' IS NULL
           OR perfbudget.name_key(p.region) = perfbudget.name_key(form->>'region'));
    IF ids IS NULL THEN
        SELECT string_agg(n, '、') INTO names
        FROM (SELECT p.name AS n FROM perfbudget.project p
              WHERE p.budget_year = y
                AND perfbudget.name_key(p.department) = perfbudget.name_key(form->>'department')
              ORDER BY p.name LIMIT 5) s;
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
                  MESSAGE = perfbudget.message('evaluation.no_target', place, form->>'name', y::text,
                                               coalesce(form->>'region' || ' ', '') || (form->>'department')),
                  DETAIL = perfbudget.message('evaluation.no_target.detail', y::text,
                                              coalesce('"' || (form->>'region') || '"',
                                                       perfbudget.message('evaluation.no_target.any_region')),
                                              form->>'department', form->>'name'),
                  HINT = CASE WHEN names IS NULL
                              THEN perfbudget.message('evaluation.no_target.hint')
                              ELSE perfbudget.message('evaluation.no_target.hint_names', y::text, names) END;
    END IF;
    IF cardinality(ids) > 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'cardinality_violation',
                  MESSAGE = perfbudget.message('evaluation.regions', place, form->>'name', cardinality(ids)::text),
                  DETAIL = perfbudget.message('evaluation.regions.detail', ids::text, y::text, form->>'department'),
                  HINT = perfbudget.message('evaluation.regions.hint');
    END IF;
    RETURN ids[1];
END $$;
COMMENT ON FUNCTION evaluation_target(jsonb, text) IS
  '匹配目标表 — the project whose year, region, 主管部门 and 项目名称 (by name_key) are the form''s; any region when the form names none; 23503 with the department''s form names in the hint when none matches, 21000 when several regions do';

-- The target form's indicator row for a document row: the same 三级指标
-- (name_key), preferring the same 二级指标, in order, each row once.
CREATE FUNCTION evaluation_row(project_id bigint, row_ jsonb, taken integer[], place text) RETURNS integer
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
    names text;
BEGIN
    SELECT i.line_no INTO n
    FROM perfbudget.indicator i
    WHERE i.project_id = evaluation_row.project_id
      AND perfbudget.name_key(i.level3) = perfbudget.name_key(row_->>'level3')
      AND i.line_no <> ALL (taken)
    ORDER BY perfbudget.name_key(i.level2) = perfbudget.name_key(row_->>'level2') DESC, i.line_no
    LIMIT 1;
    IF n IS NULL THEN
        SELECT string_agg(i.level3, '、' ORDER BY i.line_no) INTO names
        FROM perfbudget.indicator i
        WHERE i.project_id = evaluation_row.project_id AND i.line_no <> ALL (taken)
          AND perfbudget.score_group(i.level1) IS NOT NULL;
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
                  MESSAGE = perfbudget.message('evaluation.indicator', place, row_->>'level3'),
                  DETAIL = perfbudget.message('evaluation.indicator.detail', project_id::text, row_->>'level3'),
                  HINT = CASE WHEN names IS NULL THEN perfbudget.message('evaluation.indicator.hint_none')
                              ELSE perfbudget.message('evaluation.indicator.hint', names) END;
    END IF;
    RETURN n;
END $$;
COMMENT ON FUNCTION evaluation_row(bigint, jsonb, integer[], text) IS
  '匹配指标行 — the target form''s indicator row for a reported row: same 三级指标 by name_key, the same 二级指标 first, then in order, each row once; 23503 listing the rows left when none';

-- The forms of a JSON document: {"forms": […]}, […] or one form {…}.
CREATE FUNCTION evaluation_forms(doc jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    forms jsonb := CASE WHEN jsonb_typeof(doc) = 'array' THEN doc
                        WHEN jsonb_typeof(doc) = 'object' AND doc ? 'forms' THEN doc->'forms'
                        WHEN jsonb_typeof(doc) = 'object' THEN jsonb_build_array(doc) END;
BEGIN
    IF jsonb_typeof(forms) IS DISTINCT FROM 'array'
       OR EXISTS (SELECT FROM jsonb_array_elements(forms) e WHERE jsonb_typeof(e) <> 'object') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                  MESSAGE = perfbudget.message('evaluation.document', left(doc::text, 60)),
                  DETAIL = perfbudget.message('evaluation.document.detail'),
                  HINT = perfbudget.message('evaluation.document.hint');
    END IF;
    RETURN forms;
END $$;
COMMENT ON FUNCTION evaluation_forms(jsonb) IS
  '表单列表 — the forms of a JSON evaluation document as an array: {"forms": […]}, […] or one form {…}; 22023 for anything else';

-- A cell as text: JSON strings and numbers both ("9" and 9).
CREATE FUNCTION evaluation_cell(obj jsonb, key text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE pg_catalog.jsonb_typeof(obj OPERATOR(pg_catalog.->) key)
                WHEN 'null' THEN NULL
                ELSE obj OPERATOR(pg_catalog.->>) key END;
COMMENT ON FUNCTION evaluation_cell(jsonb, text) IS '单元格 — a key of a JSON form or row as text (strings and numbers alike); NULL when absent or null';

CREATE FUNCTION import_self_evaluation_json(doc jsonb) RETURNS SETOF bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    kind constant text := '绩效自评表';
    f jsonb; r jsonb; n integer; place text; pid bigint; seen bigint[] := '{}'; taken integer[];
    dept integer;
    line integer; grade text;
    new_actual perfbudget.perf_value; new_weight numeric; new_score numeric;
BEGIN
    FOR f, n IN SELECT e, o FROM jsonb_array_elements(perfbudget.evaluation_forms(doc)) WITH ORDINALITY x(e, o) LOOP
        place := perfbudget.evaluation_where(kind, f, n);
        pid := perfbudget.evaluation_target(f, place);
        -- the form's department: the rows carry it (the distribution key on Citus)
        SELECT p.department_id INTO dept FROM perfbudget.project p WHERE p.id = pid;
        IF pid = ANY (seen) THEN
            RAISE EXCEPTION USING ERRCODE = 'unique_violation',
                      MESSAGE = perfbudget.message('evaluation.twice', place),
                      DETAIL = perfbudget.message('evaluation.twice.detail', pid::text),
                      HINT = perfbudget.message('evaluation.twice.hint');
        END IF;
        seen := seen || pid;
        grade := CASE btrim(coalesce(f->>'grade', ''))
                     WHEN '' THEN NULL WHEN '优秀' THEN '优' WHEN '良好' THEN '良' WHEN '中等' THEN '中'
                     WHEN '较差' THEN '差' ELSE btrim(f->>'grade') END;
        IF grade NOT IN ('优', '良', '中', '差') THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                      MESSAGE = perfbudget.message('evaluation.grade', place, f->>'grade'),
                      DETAIL = perfbudget.message('evaluation.grade.detail'),
                      HINT = perfbudget.message('evaluation.grade.hint');
        END IF;
        UPDATE perfbudget.project
           SET spend_executed = perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'executed'), '全年执行数', place)
         WHERE id = pid AND department_id = dept;
        INSERT INTO perfbudget.self_evaluation AS s (project_id, budget_initial, budget_adjusted, execution_weight,
                                                     execution_score, total_score, grade, execution_note, summary,
                                                     department_id)
        VALUES (pid,
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'budget_initial'), '年初预算数', place),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'budget_adjusted'), '全年预算数', place),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'execution_weight'), '预算执行率分值', place),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'execution_score'), '预算执行率得分', place),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'total_score'), '总分', place),
                grade, nullif(btrim(f->>'execution_note'), ''), nullif(btrim(f->>'summary'), ''), dept)
        ON CONFLICT (project_id, department_id) DO UPDATE
           SET budget_initial = excluded.budget_initial, budget_adjusted = excluded.budget_adjusted,
               execution_weight = excluded.execution_weight, execution_score = excluded.execution_score,
               total_score = excluded.total_score, grade = excluded.grade,
               execution_note = excluded.execution_note, summary = excluded.summary;
        -- a new self-evaluation of the project replaces the last one
        UPDATE perfbudget.indicator SET actual = NULL, score = NULL, deviation_note = NULL
         WHERE project_id = pid AND department_id = dept
           AND (actual IS NOT NULL OR score IS NOT NULL OR deviation_note IS NOT NULL);
        taken := '{}';
        FOR r IN SELECT e FROM jsonb_array_elements(coalesce(f->'indicators', '[]')) e LOOP
            place := perfbudget.evaluation_where(kind, f, n, r);
            line := perfbudget.evaluation_row(pid, r, taken, place);
            taken := taken || line;
            -- read into variables first: Citus allows no function that is
            -- not immutable inside the UPDATE's coalesce()
            new_actual := perfbudget.evaluation_value(perfbudget.evaluation_cell(r, 'actual'), '实际完成值', place);
            new_weight := perfbudget.evaluation_number(perfbudget.evaluation_cell(r, 'weight'), '分值', place);
            new_score := perfbudget.evaluation_number(perfbudget.evaluation_cell(r, 'score'), '得分', place);
            UPDATE perfbudget.indicator i
               SET actual = new_actual,
                   weight = coalesce(new_weight, i.weight),
                   score = new_score,
                   deviation_note = nullif(btrim(r->>'deviation_note'), '')
             WHERE i.project_id = pid AND i.line_no = line AND i.department_id = dept;
        END LOOP;
        RETURN NEXT pid;
    END LOOP;
    -- on Citus no trigger keeps the stored findings (95_distribute.sql)
    IF perfbudget.is_distributed() THEN
        PERFORM perfbudget.refresh_findings(seen);
    END IF;
END $$;
COMMENT ON FUNCTION import_self_evaluation_json(jsonb) IS
  '导入绩效自评（JSON）— stores self-evaluation forms ({"forms": [{budget_year, region, department, name, budget_initial, budget_adjusted, executed, execution_weight, execution_score, total_score, grade, execution_note, summary, indicators: [{level1, level2, level3, target, actual, weight, score, deviation_note, line}]}]}) on their target forms: project.spend_executed, self_evaluation, and the actual, weight, score and deviation note of each matched indicator row (a re-import replaces them); returns the project ids in document order; all or nothing';

CREATE FUNCTION import_monitoring_json(doc jsonb) RETURNS SETOF bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    kind constant text := '绩效运行监控表';
    f jsonb; r jsonb; n integer; place text; pid bigint; taken integer[]; line integer;
    dept integer;
    y integer; rdate date; months integer; m text[]; lk text; dev text; cause text; cause_note text;
    seen text[] := '{}';
    stored bigint[] := '{}';
    causes constant text[] := ARRAY['规划和目标设计', '经费保障', '制度保障', '人员保障', '硬件条件保障', '项目管理', '其他'];
BEGIN
    FOR f, n IN SELECT e, o FROM jsonb_array_elements(perfbudget.evaluation_forms(doc)) WITH ORDINALITY x(e, o) LOOP
        place := perfbudget.evaluation_where(kind, f, n);
        pid := perfbudget.evaluation_target(f, place);
        -- the form's department: the rows carry it (the distribution key on Citus)
        SELECT p.department_id INTO dept FROM perfbudget.project p WHERE p.id = pid;
        y := (f->>'budget_year')::integer;
        -- the report date: 监控截止日期 as written, else the end of month N of 1–N月
        m := regexp_match(coalesce(f->>'as_of', ''), '^\s*(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?\s*$');
        months := nullif(regexp_replace(coalesce(f->>'months', ''), '\D', '', 'g'), '')::integer;
        IF m IS NOT NULL THEN
            BEGIN
                rdate := make_date(m[1]::integer, m[2]::integer, m[3]::integer);
            EXCEPTION WHEN datetime_field_overflow THEN
                rdate := NULL;
            END;
        ELSIF coalesce(f->>'as_of', '') = '' AND months BETWEEN 1 AND 12 THEN
            rdate := (make_date(y, months, 1) + interval '1 month' - interval '1 day')::date;
        END IF;
        IF rdate IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                      MESSAGE = perfbudget.message('monitoring.date', place, coalesce(f->>'as_of', f->>'months', '')),
                      DETAIL = perfbudget.message('monitoring.date.detail'),
                      HINT = perfbudget.message('monitoring.date.hint');
        END IF;
        IF pid::text || '/' || rdate::text = ANY (seen) THEN
            RAISE EXCEPTION USING ERRCODE = 'unique_violation',
                      MESSAGE = perfbudget.message('monitoring.twice', place, rdate::text),
                      DETAIL = perfbudget.message('monitoring.twice.detail', pid::text, rdate::text),
                      HINT = perfbudget.message('monitoring.twice.hint');
        END IF;
        seen := seen || (pid::text || '/' || rdate::text);
        -- a new report of a project and date replaces the last one
        DELETE FROM perfbudget.monitoring mo
         WHERE mo.project_id = pid AND mo.department_id = dept AND mo.as_of = rdate;
        INSERT INTO perfbudget.monitoring (project_id, as_of, executed, budget_initial, expected_executed, note,
                                           department_id)
        VALUES (pid, rdate,
                coalesce(perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'executed'), '执行数', place), 0),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'budget_initial'), '年初预算数', place),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'expected_executed'), '全年预计执行数', place),
                nullif(btrim(f->>'execution_note'), ''), dept);
        taken := '{}';
        FOR r IN SELECT e FROM jsonb_array_elements(coalesce(f->'indicators', '[]')) e LOOP
            place := perfbudget.evaluation_where(kind, f, n, r);
            line := perfbudget.evaluation_row(pid, r, taken, place);
            taken := taken || line;
            lk := CASE btrim(coalesce(r->>'likelihood', ''))
                      WHEN '' THEN NULL WHEN '确定能' THEN '确定能' WHEN '能' THEN '确定能' WHEN '确定能完成' THEN '确定能'
                      WHEN '有可能' THEN '有可能' WHEN '可能' THEN '有可能'
                      WHEN '完全不可能' THEN '完全不可能' WHEN '不可能' THEN '完全不可能' ELSE '?' END;
            IF lk = '?' THEN
                RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                          MESSAGE = perfbudget.message('monitoring.likelihood', place, r->>'likelihood'),
                          DETAIL = perfbudget.message('monitoring.likelihood.detail'),
                          HINT = perfbudget.message('monitoring.likelihood.hint');
            END IF;
            dev := btrim(coalesce(r->>'deviates', ''));
            IF dev NOT IN ('', '是', '否', '有', '无', 'true', 'false') THEN
                RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                          MESSAGE = perfbudget.message('monitoring.deviates', place, r->>'deviates'),
                          DETAIL = perfbudget.message('monitoring.deviates.detail'),
                          HINT = perfbudget.message('monitoring.deviates.hint');
            END IF;
            -- a category, a category with its explanation (经费保障：…), or words of one's own (其他)
            cause := btrim(coalesce(r->>'cause', ''));
            cause_note := nullif(btrim(coalesce(r->>'cause_note', '')), '');
            IF cause = '' THEN
                cause := NULL;
            ELSIF NOT cause = ANY (causes) THEN
                IF split_part(translate(cause, '：:，,、 ', '::::::'), ':', 1) = ANY (causes) THEN
                    cause_note := concat_ws('；', nullif(btrim(substr(cause, length(split_part(translate(cause, '：:，,、 ', '::::::'), ':', 1)) + 2)), ''), cause_note);
                    cause := split_part(translate(cause, '：:，,、 ', '::::::'), ':', 1);
                ELSE
                    cause_note := concat_ws('；', cause, cause_note);
                    cause := '其他';
                END IF;
            END IF;
            INSERT INTO perfbudget.indicator_monitoring (project_id, as_of, line_no, completed, expected, deviates,
                                                         cause, cause_note, likelihood, measure, department_id)
            VALUES (pid, rdate, line,
                    perfbudget.evaluation_value(perfbudget.evaluation_cell(r, 'completed'), '1-N月完成值', place),
                    perfbudget.evaluation_value(perfbudget.evaluation_cell(r, 'expected'), '全年预计完成值', place),
                    CASE WHEN dev IN ('是', '有', 'true') THEN true WHEN dev IN ('否', '无', 'false') THEN false END,
                    cause, cause_note, lk, nullif(btrim(coalesce(r->>'measure', '')), ''), dept);
        END LOOP;
        stored := stored || pid;
        RETURN NEXT pid;
    END LOOP;
    -- on Citus no trigger keeps the stored findings (95_distribute.sql)
    IF perfbudget.is_distributed() THEN
        PERFORM perfbudget.refresh_findings(stored);
    END IF;
END $$;
COMMENT ON FUNCTION import_monitoring_json(jsonb) IS
  '导入绩效运行监控（JSON）— stores monitoring forms ({"forms": [{budget_year, region, department, name, as_of or months, budget_initial, executed, expected_executed, execution_note, indicators: [{level1, level2, level3, target, completed, expected, deviates, cause, cause_note, likelihood, measure, line}]}]}) on their target forms: one monitoring row per project and date and one indicator_monitoring row per matched indicator (a report of the same date replaces the last); likelihood 能/可能/不可能 read as 确定能/有可能/完全不可能, a cause outside the categories kept as 其他 with its words; returns the project ids in document order; all or nothing';

CREATE FUNCTION import_self_evaluation(doc text) RETURNS SETOF bigint
    LANGUAGE sql
BEGIN ATOMIC
    SELECT perfbudget.import_self_evaluation_json(perfbudget.parse_self_evaluation(doc));
END;
COMMENT ON FUNCTION import_self_evaluation(text) IS
  '导入绩效自评表 — loads a self-evaluation document as departments send it (text of the form, tab-separated cells: title …绩效自评表, (2024年度), 项目名称, 主管部门, the money block 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, the indicator table 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施, 总分 and 自评等级): parse_self_evaluation then import_self_evaluation_json; returns the project ids; all or nothing';

CREATE FUNCTION import_monitoring(doc text) RETURNS SETOF bigint
    LANGUAGE sql
BEGIN ATOMIC
    SELECT perfbudget.import_monitoring_json(perfbudget.parse_monitoring(doc));
END;
COMMENT ON FUNCTION import_monitoring(text) IS
  '导入绩效运行监控表 — loads a monitoring document as departments send it (text, tab-separated cells: title …绩效运行监控表, (2024年度), 项目名称, 主管部门, 监控截止日期, the money block 年初预算数 | 1-N月执行数 | 全年预计执行数 | 偏差原因, the indicator table 一级 | 二级 | 三级 | 年度指标值 | 1-N月完成值 | 全年预计完成值 | 是否偏差 | 偏差原因 | 原因说明 | 完成目标可能性 | 纠偏措施): parse_monitoring then import_monitoring_json; returns the project ids; all or nothing';

-- Stored findings (issue 9, points 2–4): issue_finding holds what
-- issue_finding_computed (the rules of form_issues but the copied-set one)
-- computes per form, kept at commit — statement triggers with transition
-- tables collect the changed forms' ids, the first deferred event at
-- commit recomputes them all in one statement; a threshold change of
-- issue_rule_setting recomputes every form.  form_issues reads it (and
-- department_summary, project_summary, department_review, region_summary
-- through it).  Filled from the stored forms after the views, at the end.

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
-- it from scratch.  No foreign key to project: the findings of a deleted
-- form are deleted by the same maintenance (one statement per commit
-- instead of a key check per finding).
CREATE TABLE issue_finding (
    project_id bigint NOT NULL,
    code       text NOT NULL,
    line_no    integer,
    message    text NOT NULL,
    department_id integer NOT NULL
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
    AFTER INSERT OR UPDATE OR DELETE ON project
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION findings_at_commit('id');
CREATE CONSTRAINT TRIGGER expenditure_findings
    AFTER INSERT OR UPDATE OR DELETE ON expenditure
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION findings_at_commit('project_id');
COMMENT ON TRIGGER project_findings ON project IS
  '校验结果: the pending forms'' findings recomputed into issue_finding at commit (deferred; the first event of the commit does all of them)';
COMMENT ON TRIGGER expenditure_findings ON expenditure IS
  '校验结果: the same at commit for a transaction that changed only expenditure rows';

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

-- The views, each replaced once in its 0.2 form, after every table and
-- function they read (a column is only ever appended, so that CREATE OR
-- REPLACE keeps every dependent view): roll-ups by budget year,
-- region and department and region_summary (issue 8); written for a
-- province's volume (issue 9) — form_issues reads each table once per
-- branch, department_summary is one GROUP BY over a department's facts,
-- project_summary groups a form with its findings, so that filters on year,
-- region, department and project reach the indexes; form_issues has the
-- rule qualitative_measurable and the copied-set rule joins the stored
-- fingerprints; form_issues reads the stored findings (issue_finding), and
-- department_summary groups indicator rows and findings per department
-- before its final GROUP BY.

CREATE OR REPLACE VIEW indicator_set WITH (security_invoker = true) AS
SELECT p.id AS project_id, p.budget_year, p.department, f.fingerprint, p.region
FROM perfbudget.project p
JOIN perfbudget.project_fingerprint f ON f.project_id = p.id AND f.department_id = p.department_id;

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
  '重算校验结果 — issue_finding_computed for the given forms (inlined by the planner: the ids reach each rule''s index scan); form_issues reads it for the forms pending in the reading transaction';

CREATE OR REPLACE VIEW form_issues WITH (security_invoker = true) AS
SELECT f.project_id, r.severity, f.code, f.message, f.line_no,
       f.budget_year, f.department, f.project_name, f.region, f.department_id
FROM (
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
    WHERE g.forms >= (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'boilerplate_indicator_set')
) AS f
JOIN perfbudget.issue_rule r ON r.code = f.code AND r.enabled;

CREATE OR REPLACE VIEW project_summary WITH (security_invoker = true) AS
SELECT g.project_id, g.budget_year, g.department, g.project_name,
       g.implementing_unit, g.category,
       g.total, g.fiscal_subtotal, g.general_budget,
       g.government_fund, g.special_account, g.state_capital, g.social_insurance_fund,
       g.carryover, g.other_funds, g.spend_half_year, g.spend_annual, g.spend_executed,
       round(g.spend_half_year / nullif(g.spend_annual, 0), 4) AS half_year_ratio,
       g.expenditure_items,
       g.indicators,
       g.quantitative_indicators,
       g.quantitative_share,
       g.issues_error,
       g.issues_warning,
       g.region, g.region_level
FROM (SELECT department_id, project_id, budget_year, region, department, project_name,
             max(implementing_unit) AS implementing_unit, max(category) AS category,
             max(total) AS total,
             max(fiscal_subtotal) AS fiscal_subtotal,
             max(general_budget) AS general_budget,
             max(government_fund) AS government_fund,
             max(special_account) AS special_account,
             max(state_capital) AS state_capital,
             max(social_insurance_fund) AS social_insurance_fund,
             max(carryover) AS carryover,
             max(other_funds) AS other_funds,
             max(spend_half_year) AS spend_half_year,
             max(spend_annual) AS spend_annual,
             max(spend_executed) AS spend_executed,
             max(region_level) AS region_level,
             sum(items)::bigint AS expenditure_items,
             sum(indicators)::bigint AS indicators,
             sum(quantitative_indicators)::bigint AS quantitative_indicators,
             max(quantitative_share) AS quantitative_share,
             sum(issue_error)::bigint AS issues_error, sum(issue_warning)::bigint AS issues_warning
      FROM (SELECT p.department_id, p.id AS project_id, p.budget_year, p.region, p.department,
                   p.name AS project_name,
                   p.implementing_unit, p.category, p.total, p.fiscal_subtotal, p.general_budget,
                   p.government_fund, p.special_account, p.state_capital, p.social_insurance_fund,
                   p.carryover, p.other_funds, p.spend_half_year, p.spend_annual, p.spend_executed,
                   p.region_level, 0 AS items, 0 AS indicators, 0 AS quantitative_indicators,
                   NULL::numeric AS quantitative_share, 0 AS issue_error, 0 AS issue_warning
            FROM perfbudget.project p
            UNION ALL
            SELECT p.department_id, p.id, p.budget_year, p.region, p.department, p.name,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, count(*), 0, 0, NULL, 0, 0
            FROM perfbudget.project p
            JOIN perfbudget.expenditure x ON x.project_id = p.id AND x.department_id = p.department_id
            GROUP BY p.department_id, p.id, p.budget_year, p.region, p.department, p.name
            UNION ALL
            SELECT p.department_id, p.id, p.budget_year, p.region, p.department, p.name,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, 0, count(*),
                   count(*) FILTER (WHERE perfbudget.perf_symbol(x.annual_target) <> '定性'),
                   perfbudget.quantitative_share(x.annual_target), 0, 0
            FROM perfbudget.project p
            JOIN perfbudget.indicator x ON x.project_id = p.id AND x.department_id = p.department_id
            GROUP BY p.department_id, p.id, p.budget_year, p.region, p.department, p.name
            UNION ALL
            SELECT f.department_id, f.project_id, f.budget_year, f.region, f.department, f.project_name,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, 0, 0, 0, NULL,
                   (f.severity = 'error')::integer, (f.severity = 'warning')::integer
            FROM perfbudget.form_issues f) u
      GROUP BY department_id, project_id, budget_year, region, department, project_name) g;

CREATE VIEW department_facts WITH (security_invoker = true) AS
    SELECT p.budget_year, p.region, p.department, 1 AS projects,
           p.total, p.fiscal_subtotal, p.general_budget, p.government_fund, p.special_account,
           p.state_capital, p.social_insurance_fund, p.carryover, p.other_funds,
           p.spend_half_year, p.spend_annual,
           0 AS indicators, 0 AS quantitative_indicators, 0 AS targets,
           0 AS issues_error, 0 AS issues_warning, p.department_id
    FROM perfbudget.project p
    UNION ALL
    SELECT p.budget_year, p.region, p.department, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL,
           count(*), count(*) FILTER (WHERE perfbudget.perf_symbol(i.annual_target) <> '定性'),
           count(i.annual_target), 0, 0, p.department_id
    FROM perfbudget.indicator i
    JOIN perfbudget.project p ON p.id = i.project_id AND p.department_id = i.department_id
    GROUP BY p.department_id, p.budget_year, p.region, p.department
    UNION ALL
    SELECT f.budget_year, f.region, f.department, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, 0, 0, 0,
           count(*) FILTER (WHERE f.severity = 'error'), count(*) FILTER (WHERE f.severity = 'warning'),
           f.department_id
    FROM perfbudget.form_issues f
    GROUP BY f.department_id, f.budget_year, f.region, f.department;

COMMENT ON VIEW department_facts IS '部门事实 — the facts department_summary and department_review add up, already grouped by department (department_id first, so that on Citus each group is computed on its department''s node): one row per form (projects = 1 and its money), one per department and year with its indicator counts, one with its error and warning counts';
COMMENT ON COLUMN department_facts.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN department_facts.region IS '行政区划 — region';
COMMENT ON COLUMN department_facts.department IS '主管部门 — supervising department';
COMMENT ON COLUMN department_facts.projects IS '项目数 — 1 on a form''s row, else 0';
COMMENT ON COLUMN department_facts.total IS '资金总额（万元）— a form''s, NULL on the count rows';
COMMENT ON COLUMN department_facts.fiscal_subtotal IS '财政拨款小计（万元）';
COMMENT ON COLUMN department_facts.general_budget IS '一般公共预算资金（万元）';
COMMENT ON COLUMN department_facts.government_fund IS '政府性基金预算（万元）';
COMMENT ON COLUMN department_facts.special_account IS '财政专户管理资金（万元）';
COMMENT ON COLUMN department_facts.state_capital IS '国有资本经营预算（万元）';
COMMENT ON COLUMN department_facts.social_insurance_fund IS '社保基金预算（万元）';
COMMENT ON COLUMN department_facts.carryover IS '上年结转资金（万元）';
COMMENT ON COLUMN department_facts.other_funds IS '其他资金（万元）';
COMMENT ON COLUMN department_facts.spend_half_year IS '半年(程)计划执行数（万元）';
COMMENT ON COLUMN department_facts.spend_annual IS '全年(程)预算数（万元）';
COMMENT ON COLUMN department_facts.indicators IS '三级指标数 — on the indicator rows';
COMMENT ON COLUMN department_facts.quantitative_indicators IS '定量指标数 — on the indicator rows';
COMMENT ON COLUMN department_facts.targets IS '有全年指标值的指标数 — on the indicator rows';
COMMENT ON COLUMN department_facts.issues_error IS '错误数 — on the findings rows';
COMMENT ON COLUMN department_facts.issues_warning IS '警告数 — on the findings rows';
COMMENT ON COLUMN department_facts.department_id IS '部门编号 — the department (perfbudget.department.id)';

CREATE OR REPLACE VIEW department_summary WITH (security_invoker = true) AS
SELECT budget_year, department, false AS is_total,
       sum(projects)::bigint AS projects,
       perfbudget.funding_sum(total) AS total,
       perfbudget.funding_sum(fiscal_subtotal) AS fiscal_subtotal,
       perfbudget.funding_sum(general_budget) AS general_budget,
       perfbudget.funding_sum(government_fund) AS government_fund,
       perfbudget.funding_sum(special_account) AS special_account,
       perfbudget.funding_sum(state_capital) AS state_capital,
       perfbudget.funding_sum(social_insurance_fund) AS social_insurance_fund,
       perfbudget.funding_sum(carryover) AS carryover,
       perfbudget.funding_sum(other_funds) AS other_funds,
       perfbudget.funding_sum(spend_half_year) AS spend_half_year,
       perfbudget.funding_sum(spend_annual) AS spend_annual,
       round(perfbudget.funding_sum(spend_half_year) / nullif(perfbudget.funding_sum(spend_annual), 0), 4)
           AS half_year_ratio,
       sum(indicators)::bigint AS indicators,
       sum(quantitative_indicators)::bigint AS quantitative_indicators,
       round(sum(quantitative_indicators)::numeric / nullif(sum(targets), 0), 4) AS quantitative_share,
       sum(issues_error)::bigint AS issues_error,
       sum(issues_warning)::bigint AS issues_warning,
       region
FROM perfbudget.department_facts
GROUP BY department_id, budget_year, region, department
UNION ALL
SELECT budget_year, NULL, true,
       sum(projects)::bigint,
       perfbudget.funding_sum(total), perfbudget.funding_sum(fiscal_subtotal),
       perfbudget.funding_sum(general_budget), perfbudget.funding_sum(government_fund),
       perfbudget.funding_sum(special_account), perfbudget.funding_sum(state_capital),
       perfbudget.funding_sum(social_insurance_fund), perfbudget.funding_sum(carryover),
       perfbudget.funding_sum(other_funds), perfbudget.funding_sum(spend_half_year),
       perfbudget.funding_sum(spend_annual),
       round(perfbudget.funding_sum(spend_half_year) / nullif(perfbudget.funding_sum(spend_annual), 0), 4),
       sum(indicators)::bigint, sum(quantitative_indicators)::bigint,
       round(sum(quantitative_indicators)::numeric / nullif(sum(targets), 0), 4),
       sum(issues_error)::bigint, sum(issues_warning)::bigint,
       NULL
FROM perfbudget.department_facts
GROUP BY budget_year;

CREATE VIEW region_summary WITH (security_invoker = true) AS
SELECT budget_year, region, is_total,
       sum(projects)::bigint AS projects,
       count(*) FILTER (WHERE NOT is_total) AS departments,
       sum(total) AS total, sum(fiscal_subtotal) AS fiscal_subtotal,
       sum(general_budget) AS general_budget, sum(government_fund) AS government_fund,
       sum(special_account) AS special_account, sum(state_capital) AS state_capital,
       sum(social_insurance_fund) AS social_insurance_fund, sum(carryover) AS carryover,
       sum(other_funds) AS other_funds, sum(spend_half_year) AS spend_half_year,
       sum(spend_annual) AS spend_annual,
       round(sum(spend_half_year) / nullif(sum(spend_annual), 0), 4) AS half_year_ratio,
       sum(indicators)::bigint AS indicators,
       sum(quantitative_indicators)::bigint AS quantitative_indicators,
       round(sum(quantitative_indicators)::numeric / nullif(sum(indicators), 0), 4) AS quantitative_share,
       sum(issues_error)::bigint AS issues_error,
       sum(issues_warning)::bigint AS issues_warning
FROM perfbudget.department_summary
GROUP BY budget_year, region, is_total;

CREATE OR REPLACE VIEW indicator_detail WITH (security_invoker = true) AS
SELECT i.project_id, p.budget_year, p.department, p.name AS project_name, i.line_no,
       i.level1, i.level2, i.level3,
       perfbudget.canonical_level1(i.level1) AS canonical_level1,
       perfbudget.canonical_level2(i.level2) AS canonical_level2,
       i.annual_target::text AS annual_text,
       perfbudget.perf_symbol(i.annual_target) AS annual_symbol,
       perfbudget.perf_kind(i.annual_target) AS annual_kind,
       perfbudget.perf_number(i.annual_target) AS annual_number,
       perfbudget.perf_unit(i.annual_target) AS annual_unit,
       perfbudget.perf_base_number(i.annual_target) AS annual_base_number,
       i.half_year_target::text AS half_year_text,
       perfbudget.perf_symbol(i.half_year_target) AS half_year_symbol,
       perfbudget.perf_kind(i.half_year_target) AS half_year_kind,
       perfbudget.perf_number(i.half_year_target) AS half_year_number,
       perfbudget.perf_unit(i.half_year_target) AS half_year_unit,
       perfbudget.perf_base_number(i.half_year_target) AS half_year_base_number,
       i.actual::text AS actual_text,
       perfbudget.perf_met(i.annual_target, i.actual) AS met,
       i.weight, i.score, i.deviation_note, p.region
FROM perfbudget.indicator i
JOIN perfbudget.project p ON p.id = i.project_id AND p.department_id = i.department_id;

CREATE OR REPLACE VIEW department_review WITH (security_invoker = true) AS
SELECT s.budget_year, s.department, s.projects,
       coalesce(s.largest_identical_set, 0) AS largest_identical_set,
       coalesce(s.projects_sharing_set, 0) AS projects_sharing_set,
       s.indicators,
       round(1 - round(s.quantitative_indicators::numeric / nullif(s.targets, 0), 4), 4)
           AS qualitative_share,
       s.region
FROM (SELECT department_id, budget_year, region, department,
             sum(projects)::bigint AS projects, sum(indicators)::bigint AS indicators,
             sum(quantitative_indicators) AS quantitative_indicators, sum(targets) AS targets,
             max(largest_identical_set) AS largest_identical_set,
             sum(projects_sharing_set) AS projects_sharing_set
      FROM (SELECT f.department_id, f.budget_year, f.region, f.department, f.projects, f.indicators,
                   f.quantitative_indicators, f.targets,
                   NULL::bigint AS largest_identical_set, NULL::numeric AS projects_sharing_set
            FROM perfbudget.department_facts f
            UNION ALL
            -- the identical sets of the department's forms (fingerprint_group
            -- is kept by key (region as written, '' for none) as forms are
            -- written); joined as one more group of facts, not a lateral
            -- subquery, so that Citus pushes it down
            SELECT x.department_id, x.budget_year, nullif(x.region_key, ''), x.department, 0, 0, 0, 0,
                   max(x.forms), sum(x.forms) FILTER (WHERE x.forms > 1)
            FROM perfbudget.fingerprint_group x
            GROUP BY x.department_id, x.budget_year, x.region_key, x.department) u
      GROUP BY department_id, budget_year, region, department
      HAVING sum(projects) > 0) s;

CREATE OR REPLACE VIEW "部门汇总" WITH (security_invoker = true) AS
SELECT budget_year AS "预算年度", department AS "主管部门", is_total AS "是否合计",
       projects AS "项目数", total AS "资金总额", fiscal_subtotal AS "财政拨款小计",
       general_budget AS "一般公共预算资金", government_fund AS "政府性基金预算",
       special_account AS "财政专户管理资金", state_capital AS "国有资本经营预算",
       social_insurance_fund AS "社保基金预算", carryover AS "上年结转资金",
       other_funds AS "其他资金", spend_half_year AS "半年计划执行数",
       spend_annual AS "全年预算数", half_year_ratio AS "半年执行比例",
       indicators AS "三级指标数", quantitative_indicators AS "定量指标数",
       quantitative_share AS "量化率", issues_error AS "错误数", issues_warning AS "警告数",
       region AS "行政区划"
FROM perfbudget.department_summary;

CREATE OR REPLACE VIEW "项目汇总" WITH (security_invoker = true) AS
SELECT project_id AS "项目编号", budget_year AS "预算年度", department AS "主管部门",
       project_name AS "项目名称", implementing_unit AS "实施单位", category AS "项目类别",
       total AS "资金总额", spend_half_year AS "半年计划执行数", spend_annual AS "全年预算数",
       spend_executed AS "全年执行数", half_year_ratio AS "半年执行比例",
       indicators AS "三级指标数", quantitative_indicators AS "定量指标数",
       quantitative_share AS "量化率", issues_error AS "错误数", issues_warning AS "警告数",
       region AS "行政区划", region_level AS "预算级次"
FROM perfbudget.project_summary;

CREATE OR REPLACE VIEW "指标明细" WITH (security_invoker = true) AS
SELECT project_id AS "项目编号", budget_year AS "预算年度", department AS "主管部门",
       project_name AS "项目名称", line_no AS "行号", level1 AS "一级指标",
       level2 AS "二级指标", level3 AS "三级指标", annual_text AS "全年指标值",
       annual_symbol AS "计算符号", annual_kind AS "值类型", annual_number AS "数值",
       annual_unit AS "计量单位", half_year_text AS "半年指标值", actual_text AS "实际完成值",
       met AS "是否达成", weight AS "分值", score AS "得分", region AS "行政区划"
FROM perfbudget.indicator_detail;

CREATE OR REPLACE VIEW "问题清单" WITH (security_invoker = true) AS
SELECT project_id AS "项目编号", budget_year AS "预算年度", department AS "主管部门",
       project_name AS "项目名称", severity AS "严重程度", code AS "规则代码",
       message AS "问题说明", line_no AS "行号", region AS "行政区划"
FROM perfbudget.form_issues;

CREATE VIEW "地区汇总" WITH (security_invoker = true) AS
SELECT budget_year AS "预算年度", region AS "行政区划", is_total AS "是否合计",
       projects AS "项目数", departments AS "部门数", total AS "资金总额",
       fiscal_subtotal AS "财政拨款小计", general_budget AS "一般公共预算资金",
       government_fund AS "政府性基金预算", special_account AS "财政专户管理资金",
       state_capital AS "国有资本经营预算", social_insurance_fund AS "社保基金预算",
       carryover AS "上年结转资金", other_funds AS "其他资金",
       spend_half_year AS "半年计划执行数", spend_annual AS "全年预算数",
       half_year_ratio AS "半年执行比例", indicators AS "三级指标数",
       quantitative_indicators AS "定量指标数", quantitative_share AS "量化率",
       issues_error AS "错误数", issues_warning AS "警告数"
FROM perfbudget.region_summary;

COMMENT ON VIEW department_summary IS '部门汇总 — one row per budget year, region and 主管部门 (the same department name in two regions is two departments), plus a total row per year (is_total, region and department NULL): projects, money by source (万元), half-year plan, indicators and issues';

COMMENT ON VIEW region_summary IS '地区汇总 — the figures of department_summary per budget year and region (行政区划 from the forms'' title lines; NULL region for forms whose title names none), plus the year''s total row (is_total)';
COMMENT ON COLUMN region_summary.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN region_summary.region IS '行政区划 — region; NULL on the year''s total row and for forms whose title names no region';
COMMENT ON COLUMN region_summary.is_total IS '是否合计行 — true on the total row of the year';
COMMENT ON COLUMN region_summary.projects IS '项目数 — number of forms';
COMMENT ON COLUMN region_summary.departments IS '部门数 — number of 主管部门 with forms in the region';
COMMENT ON COLUMN region_summary.total IS '资金总额（万元）— income total';
COMMENT ON COLUMN region_summary.fiscal_subtotal IS '财政拨款小计（万元）— fiscal appropriation subtotal';
COMMENT ON COLUMN region_summary.general_budget IS '一般公共预算资金（万元）— general public budget funds';
COMMENT ON COLUMN region_summary.government_fund IS '政府性基金预算（万元）— government fund budget';
COMMENT ON COLUMN region_summary.special_account IS '财政专户管理资金（万元）— fiscal special account funds';
COMMENT ON COLUMN region_summary.state_capital IS '国有资本经营预算（万元）— state capital operation budget';
COMMENT ON COLUMN region_summary.social_insurance_fund IS '社保基金预算（万元）— social insurance fund budget';
COMMENT ON COLUMN region_summary.carryover IS '上年结转资金（万元）— carried over from last year';
COMMENT ON COLUMN region_summary.other_funds IS '其他资金（万元）— other funds';
COMMENT ON COLUMN region_summary.spend_half_year IS '半年(程)计划执行数（万元）— planned spending by mid-year';
COMMENT ON COLUMN region_summary.spend_annual IS '全年(程)预算数（万元）— annual expenditure budget';
COMMENT ON COLUMN region_summary.half_year_ratio IS '半年计划执行比例 — spend_half_year / spend_annual, a fraction (4 decimals)';
COMMENT ON COLUMN region_summary.indicators IS '三级指标数 — number of indicator rows';
COMMENT ON COLUMN region_summary.quantitative_indicators IS '定量指标数 — indicators whose annual comparator is not 定性';
COMMENT ON COLUMN region_summary.quantitative_share IS '量化率 — quantitative_indicators / indicators, a fraction (4 decimals)';
COMMENT ON COLUMN region_summary.issues_error IS '错误数 — error rows in form_issues';
COMMENT ON COLUMN region_summary.issues_warning IS '警告数 — warning rows in form_issues';
COMMENT ON VIEW "地区汇总" IS 'region_summary with Chinese column names';
COMMENT ON COLUMN "地区汇总"."预算年度" IS '预算年度 — budget year';
COMMENT ON COLUMN "地区汇总"."行政区划" IS '行政区划 — region; NULL on the year''s total row and for forms whose title names none';
COMMENT ON COLUMN "地区汇总"."是否合计" IS '是否合计行 — true on the total row of the year';
COMMENT ON COLUMN "地区汇总"."项目数" IS '项目数 — number of forms';
COMMENT ON COLUMN "地区汇总"."部门数" IS '部门数 — number of 主管部门 with forms in the region';
COMMENT ON COLUMN "地区汇总"."资金总额" IS '资金总额（万元）— income total';
COMMENT ON COLUMN "地区汇总"."财政拨款小计" IS '财政拨款小计（万元）— fiscal appropriation subtotal';
COMMENT ON COLUMN "地区汇总"."一般公共预算资金" IS '一般公共预算资金（万元）— general public budget funds';
COMMENT ON COLUMN "地区汇总"."政府性基金预算" IS '政府性基金预算（万元）— government fund budget';
COMMENT ON COLUMN "地区汇总"."财政专户管理资金" IS '财政专户管理资金（万元）— fiscal special account funds';
COMMENT ON COLUMN "地区汇总"."国有资本经营预算" IS '国有资本经营预算（万元）— state capital operation budget';
COMMENT ON COLUMN "地区汇总"."社保基金预算" IS '社保基金预算（万元）— social insurance fund budget';
COMMENT ON COLUMN "地区汇总"."上年结转资金" IS '上年结转资金（万元）— carried over from last year';
COMMENT ON COLUMN "地区汇总"."其他资金" IS '其他资金（万元）— other funds';
COMMENT ON COLUMN "地区汇总"."半年计划执行数" IS '半年(程)计划执行数（万元）— planned spending by mid-year';
COMMENT ON COLUMN "地区汇总"."全年预算数" IS '全年(程)预算数（万元）— annual expenditure budget';
COMMENT ON COLUMN "地区汇总"."半年执行比例" IS '半年计划执行比例 — spend_half_year / spend_annual, a fraction (4 decimals)';
COMMENT ON COLUMN "地区汇总"."三级指标数" IS '三级指标数 — number of indicator rows';
COMMENT ON COLUMN "地区汇总"."定量指标数" IS '定量指标数 — indicators whose annual comparator is not 定性';
COMMENT ON COLUMN "地区汇总"."量化率" IS '量化率 — quantitative_indicators / indicators, a fraction (4 decimals)';
COMMENT ON COLUMN "地区汇总"."错误数" IS '错误数 — error rows in form_issues';
COMMENT ON COLUMN "地区汇总"."警告数" IS '警告数 — warning rows in form_issues';

COMMENT ON COLUMN project.region IS '行政区划 — region from the form''s title line, e.g. 如皋市, 江苏省; NULL when the title names none';
COMMENT ON COLUMN project.region_level IS '预算级次 — 省级 / 市级 / 县级 / 区级 … as the title line says';
COMMENT ON COLUMN indicator_set.region IS '行政区划 — region of the form';
COMMENT ON COLUMN form_issues.region IS '行政区划 — region of the form';
COMMENT ON COLUMN form_issues.department_id IS '部门编号 — the form''s department (project.department_id)';
COMMENT ON COLUMN project_summary.region IS '行政区划 — region of the form, from its title line';
COMMENT ON COLUMN project_summary.region_level IS '预算级次 — 省级 / 市级 / 县级 … from the title line';
COMMENT ON COLUMN department_summary.region IS '行政区划 — region of the department''s forms (NULL when their title names none, and on the year''s total row)';
COMMENT ON COLUMN region_summary.region IS '行政区划 — region; NULL on the year''s total row and for forms whose title names no region';
COMMENT ON COLUMN indicator_detail.region IS '行政区划 — region of the form';
COMMENT ON COLUMN department_review.region IS '行政区划 — region of the department''s forms';
COMMENT ON COLUMN "问题清单"."行政区划" IS '行政区划 — region of the form';
COMMENT ON COLUMN "部门汇总"."行政区划" IS '行政区划 — region of the department''s forms; NULL on the year''s total row';
COMMENT ON COLUMN "项目汇总"."行政区划" IS '行政区划 — region of the form, from its title line';
COMMENT ON COLUMN "项目汇总"."预算级次" IS '预算级次 — 省级 / 市级 / 县级 … from the title line';
COMMENT ON COLUMN "指标明细"."行政区划" IS '行政区划 — region of the form';
COMMENT ON COLUMN "地区汇总"."行政区划" IS '行政区划 — region; NULL on the year''s total row and for forms whose title names none';

-- ---- issue 10: monitoring and self-evaluation, views
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

-- The stored findings of the forms already there (the views they are
-- computed by exist now).
SELECT rebuild_findings();

-- Access per department (issue 11): department_grant, the policies and the write check.
-- Access per department (row-level security).  A role sees and writes the
-- forms of the departments granted to it in department_grant — by name in
-- every region or one, a whole region, or '*' for all — through the tables,
-- the security_invoker views, the imports and the reports; a role with no
-- grant sees nothing.  The owner and superusers are not subject to it (the
-- extension's own triggers run as the owner: run_as_owner.c).  A form is
-- visible by its region and department (department_visible, C, with the
-- role's grants read once per transaction); every other table by its form.

CREATE TABLE department_grant (
    role_name  name NOT NULL,
    region     text CHECK (btrim(region) <> ''),
    department text CHECK (btrim(department) <> ''),
    granted_by name NOT NULL DEFAULT CURRENT_USER,
    granted_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
CREATE UNIQUE INDEX department_grant_key ON department_grant
    (role_name, coalesce(name_key(region), ''), coalesce(name_key(department), ''));
SELECT pg_catalog.pg_extension_config_dump('department_grant', '');
COMMENT ON TABLE department_grant IS '部门授权 — which departments a role may see and write: (role, region, department); NULL region = every region, NULL department = every department of the region, both NULL = all (''*''). Kept by grant_department, grant_region and the revoke functions; dumped';
COMMENT ON COLUMN department_grant.role_name IS '角色 — the role granted (its members inherit the grant)';
COMMENT ON COLUMN department_grant.region IS '行政区划 — the region, compared by name_key; NULL: every region';
COMMENT ON COLUMN department_grant.department IS '主管部门 — the department, compared by name_key; NULL: every department of the region';
COMMENT ON COLUMN department_grant.granted_by IS '授权人 — the role that made the grant';
COMMENT ON COLUMN department_grant.granted_at IS '授权时间';
COMMENT ON INDEX department_grant_key IS 'one grant per role, region and department, names compared by name_key';

CREATE FUNCTION department_access_reset() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION department_access_reset() IS
  'trigger of department_grant: the writing transaction reads its grants again (write_access_trigger caches them per transaction)';
CREATE TRIGGER department_grant_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON department_grant
    FOR EACH STATEMENT EXECUTE FUNCTION department_access_reset();
COMMENT ON TRIGGER department_grant_changed ON department_grant IS 'a grant changed: read the grants again';

-- The grants of the current role, through its memberships (C: read once
-- per transaction as the owner, so that no role needs a right on
-- department_grant to be filtered by it).
CREATE FUNCTION sees_all_departments() RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION sees_all_departments() IS
  '可见全部部门 — true when the current role (or a role it is a member of) was granted ''*''';

CREATE FUNCTION department_visible(region text, department text) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION department_visible(text, text) IS
  '部门可见 — true when the current role may see and write the forms of this region''s department: a grant of the department by name (in every region or this one), of the region, or ''*''; names compared by name_key';

CREATE FUNCTION grant_department(role name, department text, region text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) grant_department.role) THEN
        RAISE EXCEPTION USING ERRCODE = '42704',
            MESSAGE = perfbudget.message('access.role', grant_department.role::text),
            DETAIL = perfbudget.message('access.role.detail'),
            HINT = perfbudget.message('access.role.hint');
    END IF;
    INSERT INTO perfbudget.department_grant (role_name, region, department)
    VALUES (grant_department.role, grant_department.region,
            CASE WHEN btrim(grant_department.department) OPERATOR(pg_catalog.=) '*' THEN NULL
                 ELSE grant_department.department END)
    ON CONFLICT DO NOTHING;
END
$$;
COMMENT ON FUNCTION grant_department(name, text, text) IS
  '授权部门 — lets role (and its members) see and write the forms of a department: by name in every region, or in the given region; ''*'' for every department. Needs INSERT on department_grant (perfbudget_bureau)';

CREATE FUNCTION grant_region(role name, region text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- A missing region must not widen into '*' (every department of every region).
    IF grant_region.region IS NULL OR btrim(grant_region.region) OPERATOR(pg_catalog.=) '' THEN
        RAISE EXCEPTION USING ERRCODE = '22004',
            MESSAGE = perfbudget.message('access.grant_region'),
            DETAIL = perfbudget.message('access.grant_region.detail'),
            HINT = perfbudget.message('access.grant_region.hint');
    END IF;
    PERFORM perfbudget.grant_department(grant_region.role, '*', grant_region.region);
END
$$;
COMMENT ON FUNCTION grant_region(name, text) IS
  '授权地区 — lets role (and its members) see and write the forms of every department of a region (a county''s bureau in a province''s database)';

CREATE FUNCTION revoke_department(role name, department text, region text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    -- Names compared as department_grant_key compares them (name_key), so
    -- that what grant_department refused as a duplicate is what is revoked.
    DELETE FROM perfbudget.department_grant g
    WHERE g.role_name OPERATOR(pg_catalog.=) revoke_department.role
      AND coalesce(perfbudget.name_key(g.region), '') OPERATOR(pg_catalog.=) coalesce(perfbudget.name_key(revoke_department.region), '')
      AND CASE WHEN btrim(revoke_department.department) OPERATOR(pg_catalog.=) '*' THEN g.department IS NULL
               ELSE perfbudget.name_key(g.department) OPERATOR(pg_catalog.=) perfbudget.name_key(revoke_department.department) END;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION revoke_department(name, text, text) IS
  '撤销部门授权 — removes the grant made by grant_department with the same arguments; returns the number of grants removed (0 when there was none)';

CREATE FUNCTION revoke_region(role name, region text) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF revoke_region.region IS NULL OR btrim(revoke_region.region) OPERATOR(pg_catalog.=) '' THEN
        RAISE EXCEPTION USING ERRCODE = '22004',
            MESSAGE = perfbudget.message('access.revoke_region'),
            DETAIL = perfbudget.message('access.revoke_region.detail'),
            HINT = perfbudget.message('access.revoke_region.hint');
    END IF;
    RETURN perfbudget.revoke_department(revoke_region.role, '*', revoke_region.region);
END
$$;
COMMENT ON FUNCTION revoke_region(name, text) IS
  '撤销地区授权 — removes the grant made by grant_region; returns the number of grants removed';

CREATE FUNCTION write_access_trigger() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION write_access_trigger() IS
  '写入授权检查 — BEFORE INSERT OR UPDATE (argument ''project'' on the forms, ''row'' on their rows): a role subject to row-level security may write only the forms of the departments granted to it; otherwise 42501 naming the department. The policies stay the guarantee';

-- The policies: a form by its region and department; every other table by
-- its form, one index probe a row (a correlated EXISTS: an uncorrelated IN
-- would hash every visible form of the database for a query of one
-- department).  '*' is tested first, once a query, so that the bureau and
-- the analysts read at full speed.
ALTER TABLE project ENABLE ROW LEVEL SECURITY;
CREATE POLICY department_access ON project
    USING ((SELECT perfbudget.sees_all_departments()) OR perfbudget.department_visible(region, department));
ALTER TABLE project_fingerprint ENABLE ROW LEVEL SECURITY;
CREATE POLICY department_access ON project_fingerprint
    USING ((SELECT perfbudget.sees_all_departments()) OR perfbudget.department_visible(region, department));
ALTER TABLE fingerprint_group ENABLE ROW LEVEL SECURITY;
CREATE POLICY department_access ON fingerprint_group
    USING ((SELECT perfbudget.sees_all_departments())
           OR perfbudget.department_visible(NULLIF(region_key, ''), department));
COMMENT ON POLICY department_access ON project IS '部门授权: the forms of the departments granted to the role (department_grant)';
COMMENT ON POLICY department_access ON project_fingerprint IS '部门授权: the fingerprints of the forms the role sees';
COMMENT ON POLICY department_access ON fingerprint_group IS '部门授权: the fingerprint counts of the departments the role sees';
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['expenditure', 'indicator', 'issue_finding', 'change_log',
                             'monitoring', 'indicator_monitoring', 'self_evaluation'] LOOP
        EXECUTE format('ALTER TABLE perfbudget.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY department_access ON perfbudget.%I
            USING ((SELECT perfbudget.sees_all_departments())
                   OR EXISTS (SELECT FROM perfbudget.project p
                              WHERE p.id OPERATOR(pg_catalog.=) %I.project_id))$p$, t, t);
        EXECUTE format($c$COMMENT ON POLICY department_access ON perfbudget.%I IS
            '部门授权: the rows of the forms the role sees'$c$, t);
    END LOOP;
END
$$;

CREATE TRIGGER write_access BEFORE INSERT OR UPDATE ON project
    FOR EACH ROW EXECUTE FUNCTION write_access_trigger('project');
CREATE TRIGGER write_access BEFORE INSERT OR UPDATE ON expenditure
    FOR EACH ROW EXECUTE FUNCTION write_access_trigger('row');
CREATE TRIGGER write_access BEFORE INSERT OR UPDATE ON indicator
    FOR EACH ROW EXECUTE FUNCTION write_access_trigger('row');
COMMENT ON TRIGGER write_access ON project IS '部门授权: storing a form of a department not granted fails with 42501 naming it';
COMMENT ON TRIGGER write_access ON expenditure IS '部门授权: a row of a form of a department not granted fails with 42501 naming it';
COMMENT ON TRIGGER write_access ON indicator IS '部门授权: a row of a form of a department not granted fails with 42501 naming it';

-- Two PL/pgSQL triggers keep the derived fingerprint tables when a form is
-- deleted (the cascade to project_fingerprint fires fingerprint_group_count
-- back in the writer's context) or moves to another year or department
-- (project_fingerprint_key).  A filer holds no right on those tables, so
-- these two run as their owner: trigger functions, callable only as the
-- triggers of the extension's own tables, with fixed queries and a pinned
-- search_path (doc/security.md §5).
ALTER FUNCTION fingerprint_group_count() SECURITY DEFINER;
ALTER FUNCTION project_fingerprint_key() SECURITY DEFINER;

-- Onto Citus (issue 9, point 8): perfbudget.distribute() and its helpers.
-- Onto Citus (DESIGN.md §6, issue 9 point 8): perfbudget.distribute() turns
-- a single-node database into a distributed one.  Every per-form table
-- carries department_id and every key of it contains department_id, so the
-- tables are distributed by department_id and co-located with project: a
-- department's forms, rows, fingerprints and findings live on one node,
-- and the roll-ups, which group by department first, run there.  The
-- department table and the settings are reference tables (a copy on every
-- node).
--
-- What changes on the way (doc/citus.md):
--   * the foreign keys between the per-form tables lose ON UPDATE CASCADE
--     (Citus refuses it on a distribution column): a form cannot move to
--     another department by UPDATE; re-import it with replace => true.
--   * triggers that run on the shards (citus.enable_unsafe_triggers is set
--     for the statements of this function only): the 资金分配 sum check,
--     department_id of rows written without it, the fingerprint group
--     counts — each reads only co-located rows of its own department.
--     Dropped, because they would read or write other nodes' rows from a
--     shard: the commit-time maintenance of stored findings and
--     fingerprints, the change_log triggers (no history is kept), the write
--     checks of row-level security, the department moves, and the
--     threshold triggers of issue_rule_setting.  import_form and
--     import_form_json refresh the fingerprints and findings of the forms
--     they store from the coordinator (perfbudget.refresh_findings); after
--     other writes — UPDATE, DELETE, INSERT by hand, a threshold change —
--     call perfbudget.refresh_findings(ids) or perfbudget.rebuild_findings()
--     and perfbudget.rebuild_fingerprints().
--   * row-level security: Citus carries no policy; distribute() drops
--     them and leaves row-level security enabled, so a role other than the
--     owner (and superusers) sees no form.  Only the owner uses a
--     distributed database; its answers equal one node's.
--   * monitoring, indicator_monitoring and self_evaluation are distributed
--     too; change_log stays on the coordinator, unused.

CREATE FUNCTION is_distributed() RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r boolean;
BEGIN
    IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
        RETURN false;
    END IF;
    EXECUTE 'SELECT EXISTS (SELECT FROM pg_catalog.pg_dist_partition
                            WHERE logicalrelid OPERATOR(pg_catalog.=) ''perfbudget.project''::pg_catalog.regclass)'
        INTO r;
    RETURN r;
END
$$;
COMMENT ON FUNCTION is_distributed() IS
  '是否分布式 — true when perfbudget.distribute() has distributed the forms over a Citus cluster (project is a distributed table)';

-- The findings of some forms recomputed now.  The old ones go department
-- by department (each DELETE is routed to the department's node); the new
-- ones come from one statement over all the forms: on Citus
-- issue_finding_computed is planned branch by branch, each over every
-- shard (a filter on department_id does not reach the tables inside its
-- per-form LATERAL reads), so a statement per department would read every
-- form once per department.
CREATE FUNCTION refresh_findings(project_ids bigint[]) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d integer;
    ids bigint[];
    total bigint;
BEGIN
    FOR d, ids IN
        SELECT p.department_id, pg_catalog.array_agg(p.id)
        FROM perfbudget.project p WHERE p.id OPERATOR(pg_catalog.=) ANY (project_ids)
        GROUP BY p.department_id
    LOOP
        DELETE FROM perfbudget.issue_finding f
        WHERE f.department_id OPERATOR(pg_catalog.=) d AND f.project_id OPERATOR(pg_catalog.=) ANY (ids);
        -- the findings of the department's forms that are gone (replaced
        -- by import_form, deleted): no trigger deletes them on Citus
        DELETE FROM perfbudget.issue_finding f
        WHERE f.department_id OPERATOR(pg_catalog.=) d
          AND NOT EXISTS (SELECT FROM perfbudget.project p
                          WHERE p.department_id OPERATOR(pg_catalog.=) d
                            AND p.id OPERATOR(pg_catalog.=) f.project_id);
    END LOOP;
    INSERT INTO perfbudget.issue_finding (project_id, code, line_no, message, department_id)
    SELECT c.project_id, c.code, c.line_no, c.message, c.department_id
    FROM perfbudget.issue_finding_computed c
    WHERE c.project_id OPERATOR(pg_catalog.=) ANY (project_ids);
    GET DIAGNOSTICS total = ROW_COUNT;
    -- forms given that are gone leave no finding
    DELETE FROM perfbudget.issue_finding f
    WHERE f.project_id OPERATOR(pg_catalog.=) ANY (project_ids)
      AND NOT EXISTS (SELECT FROM perfbudget.project p
                      WHERE p.id OPERATOR(pg_catalog.=) f.project_id
                        AND p.department_id OPERATOR(pg_catalog.=) f.department_id);
    RETURN total;
END
$$;
COMMENT ON FUNCTION refresh_findings(bigint[]) IS
  '刷新校验结果 — replaces the stored findings (issue_finding) of the given forms by issue_finding_computed now (the old ones deleted department by department, the new ones computed in one statement); returns the number of findings stored. On one node the triggers do this at commit; on Citus (perfbudget.distribute) import_form calls it, and after other writes the caller does';

-- The fingerprints of some forms recomputed now, one statement per
-- department (the same expression as indicator_fingerprint).  import_form
-- uses it on Citus, where the commit-time trigger is gone.
CREATE FUNCTION refresh_fingerprints(project_ids bigint[]) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d integer;
    ids bigint[];
    n bigint;
    total bigint := 0;
BEGIN
    FOR d, ids IN
        SELECT p.department_id, pg_catalog.array_agg(p.id)
        FROM perfbudget.project p WHERE p.id OPERATOR(pg_catalog.=) ANY (project_ids)
        GROUP BY p.department_id
    LOOP
        DELETE FROM perfbudget.project_fingerprint f
        WHERE f.department_id OPERATOR(pg_catalog.=) d AND f.project_id OPERATOR(pg_catalog.=) ANY (ids);
        INSERT INTO perfbudget.project_fingerprint (project_id, budget_year, region, department,
                                                    fingerprint, department_id)
        SELECT p.id, p.budget_year, p.region, p.department, x.fingerprint, p.department_id
        FROM perfbudget.project p
        JOIN (SELECT i.department_id, i.project_id,
                     pg_catalog.md5(pg_catalog.string_agg(
                         pg_catalog.concat_ws('|', perfbudget.canonical_level1(i.level1),
                                              perfbudget.canonical_level2(i.level2), i.level3,
                                              i.half_year_target::text, i.annual_target::text),
                         E'\n' ORDER BY i.line_no)) AS fingerprint
              FROM perfbudget.indicator i
              WHERE i.department_id OPERATOR(pg_catalog.=) d
                AND i.project_id OPERATOR(pg_catalog.=) ANY (ids)
                AND coalesce(perfbudget.canonical_level1(i.level1), '')
                    OPERATOR(pg_catalog.<>) ALL (ARRAY['决策指标', '过程指标'])
              GROUP BY i.department_id, i.project_id) x
          ON x.project_id OPERATOR(pg_catalog.=) p.id AND x.department_id OPERATOR(pg_catalog.=) p.department_id
        WHERE p.department_id OPERATOR(pg_catalog.=) d AND p.id OPERATOR(pg_catalog.=) ANY (ids);
        GET DIAGNOSTICS n = ROW_COUNT;
        total := total OPERATOR(pg_catalog.+) n;
    END LOOP;
    RETURN total;
END
$$;
COMMENT ON FUNCTION refresh_fingerprints(bigint[]) IS
  '刷新指标指纹（批量）— recomputes the stored fingerprints (project_fingerprint, and through its trigger fingerprint_group) of the given forms now, one statement per department; returns the number of fingerprints stored. On one node the trigger indicator_fingerprint does this at commit; on Citus (perfbudget.distribute) import_form calls it, and after other writes the caller does';

-- What distribute() changes in the tables before distributing them (see
-- the top of this file); run on the coordinator and on every worker.
-- Idempotent.
CREATE FUNCTION distribute_prepare() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record;
BEGIN
    -- triggers that would reach other nodes from a shard (header comment)
    FOR c IN
        SELECT tg.tgrelid::pg_catalog.regclass AS rel, tg.tgname
        FROM pg_catalog.pg_trigger tg
        WHERE NOT tg.tgisinternal
          AND tg.tgrelid OPERATOR(pg_catalog.=) ANY (ARRAY[
                'perfbudget.project', 'perfbudget.expenditure', 'perfbudget.indicator',
                'perfbudget.project_fingerprint', 'perfbudget.issue_rule_setting',
                'perfbudget.monitoring', 'perfbudget.indicator_monitoring',
                'perfbudget.self_evaluation', 'perfbudget.department_grant',
                'perfbudget.evaluation_setting']::pg_catalog.regclass[])
          AND tg.tgname NOT IN ('department_id_insert', 'expenditure_matches_total',
                                'project_total_matches_expenditure', 'fingerprint_group_count',
                                'project_fingerprint_key')
    LOOP
        EXECUTE pg_catalog.format('DROP TRIGGER %I ON %s', c.tgname, c.rel);
    END LOOP;

    -- row-level security: Citus cannot carry the policies; with row-level
    -- security still enabled and no policy, a role other than the owner
    -- sees no row
    FOR c IN
        SELECT pol.polrelid::pg_catalog.regclass AS rel, pol.polname
        FROM pg_catalog.pg_policy pol
        JOIN pg_catalog.pg_class r ON r.oid OPERATOR(pg_catalog.=) pol.polrelid
        WHERE r.relnamespace OPERATOR(pg_catalog.=) 'perfbudget'::pg_catalog.regnamespace
    LOOP
        EXECUTE pg_catalog.format('DROP POLICY %I ON %s', c.polname, c.rel);
    END LOOP;

    -- ON UPDATE CASCADE of a distribution column: Citus refuses it
    FOR c IN
        SELECT k.conrelid::pg_catalog.regclass AS rel, k.conname,
               pg_catalog.pg_get_constraintdef(k.oid) AS def
        FROM pg_catalog.pg_constraint k
        WHERE k.contype OPERATOR(pg_catalog.=) 'f' AND k.confupdtype OPERATOR(pg_catalog.=) 'c'
          AND k.connamespace OPERATOR(pg_catalog.=) 'perfbudget'::pg_catalog.regnamespace
    LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', c.rel, c.conname);
        EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.rel, c.conname,
                                  pg_catalog.replace(c.def, ' ON UPDATE CASCADE', ''));
    END LOOP;

    -- the forms first, without their key to the departments: Citus would
    -- otherwise turn every table joined to department by a foreign key
    -- into a "local table" on making department a reference table
    ALTER TABLE perfbudget.project DROP CONSTRAINT IF EXISTS project_department_id_fkey;
END
$$;
COMMENT ON FUNCTION distribute_prepare() IS
  '分布式部署准备 — what perfbudget.distribute() changes before distributing, on the node it runs on: drops the triggers that would reach other nodes from a shard, the row-level security policies, ON UPDATE CASCADE of the per-form foreign keys and project''s foreign key to department (distribute() adds it back once department is a reference table). Idempotent; distribute() runs it on the coordinator and every worker';

CREATE FUNCTION distribute(shard_count integer DEFAULT NULL) RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t text;
    c record;
    n integer := 0;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname OPERATOR(pg_catalog.=) 'citus') THEN
        RAISE EXCEPTION USING
            ERRCODE = 'feature_not_supported',
            MESSAGE = perfbudget.message('distribute.no_citus'),
            DETAIL = perfbudget.message('distribute.no_citus.detail'),
            HINT = perfbudget.message('distribute.no_citus.hint');
    END IF;
    IF perfbudget.is_distributed() THEN
        RETURN 'already distributed';
    END IF;
    IF shard_count IS NOT NULL THEN
        PERFORM pg_catalog.set_config('citus.shard_count', shard_count::text, true);
    END IF;
    PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers', 'on', true);
    -- each table is copied to the workers in this transaction, then read
    -- by the next create_distributed_table: sequential keeps that legal
    PERFORM pg_catalog.set_config('citus.multi_shard_modify_mode', 'sequential', true);

    -- the same preparation on every node: the workers hold the extension's
    -- own copies of the tables, whose definitions Citus keeps beside the
    -- shards
    PERFORM perfbudget.distribute_prepare();
    PERFORM pg_catalog.run_command_on_workers('SELECT perfbudget.distribute_prepare()');
    PERFORM pg_catalog.create_distributed_table('perfbudget.project', 'department_id');
    FOREACH t IN ARRAY ARRAY['perfbudget.expenditure', 'perfbudget.indicator',
                             'perfbudget.project_fingerprint', 'perfbudget.fingerprint_group',
                             'perfbudget.issue_finding', 'perfbudget.monitoring',
                             'perfbudget.indicator_monitoring', 'perfbudget.self_evaluation'] LOOP
        PERFORM pg_catalog.create_distributed_table(t::pg_catalog.regclass, 'department_id',
                                                    colocate_with => 'perfbudget.project');
        n := n OPERATOR(pg_catalog.+) 1;
    END LOOP;
    FOREACH t IN ARRAY ARRAY['perfbudget.department', 'perfbudget.issue_rule_default',
                             'perfbudget.issue_rule_setting', 'perfbudget.evaluation_setting'] LOOP
        PERFORM pg_catalog.create_reference_table(t::pg_catalog.regclass);
    END LOOP;
    ALTER TABLE perfbudget.project ADD CONSTRAINT project_department_id_fkey
        FOREIGN KEY (department_id) REFERENCES perfbudget.department (id);
    RETURN pg_catalog.format('distributed: %s tables by department_id, co-located with perfbudget.project; 4 reference tables',
                             n OPERATOR(pg_catalog.+) 1);
END
$$;
COMMENT ON FUNCTION distribute(integer) IS
  '分布式部署 — on a Citus coordinator with its workers added, distributes the forms: project, expenditure, indicator, project_fingerprint, fingerprint_group, issue_finding, monitoring, indicator_monitoring and self_evaluation by department_id, co-located; department, issue_rule_default, issue_rule_setting and evaluation_setting as reference tables. Drops ON UPDATE CASCADE of the per-form foreign keys; keeps the triggers that read only their own department''s co-located rows (资金分配 sum check, department_id fill, fingerprint counts; citus.enable_unsafe_triggers for its own statements) and drops the others (stored findings and fingerprints at commit — import_form refreshes them itself, refresh_findings/rebuild_* after other writes —, change_log, row-level security write checks, department moves, threshold triggers) and the row-level security policies (row-level security stays enabled: only the owner and superusers see the forms). Idempotent: returns ''already distributed'' the second time. Errors 0A000 when citus is not installed. shard_count sets citus.shard_count for the call';
