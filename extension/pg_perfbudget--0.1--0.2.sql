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
    unknown text;
BEGIN
    IF jsonb_typeof(doc) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'form JSON must be an object',
            HINT = 'Use the layout perfbudget.form_json returns.';
    END IF;
    SELECT string_agg(k, ', ' ORDER BY k) INTO unknown
    FROM jsonb_object_keys(doc) k
    WHERE k NOT IN (SELECT attname FROM pg_attribute
                    WHERE attrelid = 'perfbudget.project'::regclass AND attnum > 0 AND NOT attisdropped)
      AND k NOT IN ('expenditure', 'indicators');
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('form JSON has unknown keys: %s', unknown),
            DETAIL = 'Every key must be a column of perfbudget.project, "expenditure" or "indicators"; nothing is dropped silently.',
            HINT = 'Use the layout perfbudget.form_json returns.';
    END IF;

    INSERT INTO perfbudget.project (budget_year, name, department, implementing_unit,
        reporting_unit, attribute, level, category, start_month, end_month, manager, phone,
        necessity, feasibility, content, long_term_goal, annual_goal, total, fiscal_subtotal,
        general_budget, government_fund, special_account, state_capital, social_insurance_fund,
        carryover, other_funds, spend_half_year, spend_annual, spend_executed, region,
        region_level)
    SELECT r.budget_year, r.name, r.department, r.implementing_unit, r.reporting_unit,
        r.attribute, r.level, r.category, r.start_month, r.end_month, r.manager, r.phone,
        r.necessity, r.feasibility, r.content, r.long_term_goal, r.annual_goal, r.total,
        r.fiscal_subtotal, r.general_budget, r.government_fund, r.special_account,
        r.state_capital, r.social_insurance_fund, r.carryover, r.other_funds,
        r.spend_half_year, r.spend_annual, r.spend_executed, r.region, r.region_level
    FROM jsonb_populate_record(NULL::perfbudget.project, doc) r
    RETURNING id INTO new_id;

    INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual)
    SELECT new_id, e.line_no, e.item, e.half_year, e.annual
    FROM jsonb_populate_recordset(NULL::perfbudget.expenditure,
                                  coalesce(doc -> 'expenditure', '[]')) e;

    INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3,
        half_year_target, annual_target, actual, weight, score, deviation_note,
        level1_points, remarks)
    SELECT new_id, i.line_no, i.level1, i.level2, i.level3, i.half_year_target,
        i.annual_target, i.actual, i.weight, i.score, i.deviation_note, i.level1_points,
        i.remarks
    FROM jsonb_populate_recordset(NULL::perfbudget.indicator,
                                  coalesce(doc -> 'indicators', '[]')) i;
    RETURN new_id;
END
$$;

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

CREATE TABLE project_fingerprint (
    project_id  bigint PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
    budget_year integer NOT NULL,
    region      text,
    department  text NOT NULL,
    fingerprint text NOT NULL
);
COMMENT ON TABLE project_fingerprint IS '指标指纹 — per form, the fingerprint of its 产出/效益/满意度 indicator set (perfbudget.indicator_fingerprint), kept at commit by the trigger indicator_fingerprint; a form without such rows has no row here. Not dumped: rebuilt as a restore loads the indicator rows, or by perfbudget.rebuild_fingerprints()';
COMMENT ON COLUMN project_fingerprint.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN project_fingerprint.budget_year IS '预算年度 — the form''s budget year, copied from project (kept by the trigger project_fingerprint_key)';
COMMENT ON COLUMN project_fingerprint.region IS '行政区划 — the form''s region, copied from project; NULL when the title names none';
COMMENT ON COLUMN project_fingerprint.department IS '主管部门 — the form''s department, copied from project';
COMMENT ON COLUMN project_fingerprint.fingerprint IS '指标指纹 — md5 of the form''s indicator rows other than 决策/过程';

CREATE TABLE fingerprint_group (
    budget_year integer NOT NULL,
    region_key  text NOT NULL,
    department  text NOT NULL,
    fingerprint text NOT NULL,
    forms       bigint NOT NULL CHECK (forms > 0),
    PRIMARY KEY (budget_year, region_key, department, fingerprint)
);
COMMENT ON TABLE fingerprint_group IS '雷同指标组 — how many forms of one budget year, region and department share one indicator fingerprint; kept by the triggers on project_fingerprint (a group whose count reaches 0 is deleted)';
COMMENT ON COLUMN fingerprint_group.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN fingerprint_group.region_key IS '行政区划键 — coalesce(region, ''''): the region as written, '''' for forms without one';
COMMENT ON COLUMN fingerprint_group.department IS '主管部门 — supervising department';
COMMENT ON COLUMN fingerprint_group.fingerprint IS '指标指纹 — the shared fingerprint (project_fingerprint.fingerprint)';
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
        WHERE g.budget_year = OLD.budget_year AND g.region_key = coalesce(OLD.region, '')
          AND g.department = OLD.department AND g.fingerprint = OLD.fingerprint
        FOR UPDATE;
        IF n IS NULL THEN
            RAISE EXCEPTION USING
                ERRCODE = 'data_corrupted',
                MESSAGE = pg_catalog.format('项目 %s 的指标指纹组不存在：fingerprint_group 计数与 project_fingerprint 不一致',
                                            OLD.project_id),
                DETAIL = pg_catalog.format('预算年度 %s，行政区划 %s，主管部门 %s，指纹 %s。',
                                           OLD.budget_year, coalesce(OLD.region, '（无）'),
                                           OLD.department, OLD.fingerprint),
                HINT = 'SELECT perfbudget.rebuild_fingerprints() 从指标行重新计算两张表。';
        ELSIF n OPERATOR(pg_catalog.>) 1 THEN
            UPDATE perfbudget.fingerprint_group g
            SET forms = g.forms OPERATOR(pg_catalog.-) 1
            WHERE g.budget_year = OLD.budget_year AND g.region_key = coalesce(OLD.region, '')
              AND g.department = OLD.department AND g.fingerprint = OLD.fingerprint;
        ELSE
            DELETE FROM perfbudget.fingerprint_group g
            WHERE g.budget_year = OLD.budget_year AND g.region_key = coalesce(OLD.region, '')
              AND g.department = OLD.department AND g.fingerprint = OLD.fingerprint;
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO perfbudget.fingerprint_group AS g
            (budget_year, region_key, department, fingerprint, forms)
        VALUES (NEW.budget_year, coalesce(NEW.region, ''), NEW.department, NEW.fingerprint, 1)
        ON CONFLICT (budget_year, region_key, department, fingerprint)
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
-- fingerprint to that group.
CREATE FUNCTION project_fingerprint_key() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE perfbudget.project_fingerprint f
    SET budget_year = NEW.budget_year, region = NEW.region, department = NEW.department
    WHERE f.project_id = NEW.id
      AND (f.budget_year, f.region, f.department)
          IS DISTINCT FROM (NEW.budget_year, NEW.region, NEW.department);
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION project_fingerprint_key() IS
  'trigger of project: copies a changed budget year, region or department into project_fingerprint (whose trigger moves the count between groups)';

CREATE TRIGGER project_fingerprint_key
    AFTER UPDATE OF budget_year, region, department ON project
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
    INSERT INTO perfbudget.project_fingerprint (project_id, budget_year, region, department, fingerprint)
    SELECT p.id, p.budget_year, p.region, p.department, s.fingerprint
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
    unknown text;
BEGIN
    IF jsonb_typeof(doc) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'form JSON must be an object',
            HINT = 'Use the layout perfbudget.form_json returns.';
    END IF;
    SELECT string_agg(k, ', ' ORDER BY k) INTO unknown
    FROM jsonb_object_keys(doc) k
    WHERE k NOT IN (SELECT attname FROM pg_attribute
                    WHERE attrelid = 'perfbudget.project'::regclass AND attnum > 0 AND NOT attisdropped)
      AND k NOT IN ('expenditure', 'indicators');
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('form JSON has unknown keys: %s', unknown),
            DETAIL = 'Every key must be a column of perfbudget.project, "expenditure" or "indicators"; nothing is dropped silently.',
            HINT = 'Use the layout perfbudget.form_json returns.';
    END IF;

    INSERT INTO perfbudget.project (budget_year, name, department, implementing_unit,
        reporting_unit, attribute, level, category, start_month, end_month, manager, phone,
        necessity, feasibility, content, long_term_goal, annual_goal, total, fiscal_subtotal,
        general_budget, government_fund, special_account, state_capital, social_insurance_fund,
        carryover, other_funds, spend_half_year, spend_annual, spend_executed, region,
        region_level)
    SELECT r.budget_year, r.name, r.department, r.implementing_unit, r.reporting_unit,
        r.attribute, r.level, r.category, r.start_month, r.end_month, r.manager, r.phone,
        r.necessity, r.feasibility, r.content, r.long_term_goal, r.annual_goal, r.total,
        r.fiscal_subtotal, r.general_budget, r.government_fund, r.special_account,
        r.state_capital, r.social_insurance_fund, r.carryover, r.other_funds,
        r.spend_half_year, r.spend_annual, r.spend_executed, r.region, r.region_level
    FROM jsonb_populate_record(NULL::perfbudget.project, doc) r
    RETURNING id INTO new_id;

    INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual)
    SELECT new_id, e.line_no, e.item, e.half_year, e.annual
    FROM jsonb_populate_recordset(NULL::perfbudget.expenditure,
                                  coalesce(doc -> 'expenditure', '[]')) e;

    INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3,
        half_year_target, annual_target, actual, weight, score, deviation_note,
        level1_points, remarks)
    SELECT new_id, i.line_no, i.level1, i.level2, i.level3, i.half_year_target,
        i.annual_target, i.actual, i.weight, i.score, i.deviation_note, i.level1_points,
        i.remarks
    FROM jsonb_populate_recordset(NULL::perfbudget.indicator,
                                  coalesce(doc -> 'indicators', '[]')) i;
    PERFORM perfbudget.refresh_fingerprint(new_id);
    RETURN new_id;
END
$$;

SELECT rebuild_fingerprints();

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
    message    text NOT NULL
);
CREATE INDEX issue_finding_project_idx ON issue_finding (project_id);
COMMENT ON TABLE issue_finding IS '校验结果 — the findings of form_issues per form (all rules but boilerplate_indicator_set, enabled or not, thresholds applied), kept at commit by the triggers findings_collect and findings_at_commit; equal to issue_finding_computed once writers have committed. Not dumped: rebuilt as a restore loads the forms, or by perfbudget.rebuild_findings()';
COMMENT ON COLUMN issue_finding.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN issue_finding.code IS '规则代码 — code of the rule (perfbudget.issue_rule.code)';
COMMENT ON COLUMN issue_finding.line_no IS '行号 — the indicator row concerned, when the problem is in one row';
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
               perfbudget.issue_rule_setting IN SHARE MODE;
    LOCK TABLE perfbudget.issue_finding IN EXCLUSIVE MODE;
    DELETE FROM perfbudget.issue_finding;
    INSERT INTO perfbudget.issue_finding (project_id, code, line_no, message)
    SELECT c.project_id, c.code, c.line_no, c.message FROM perfbudget.issue_finding_computed c;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION rebuild_findings() IS
  '重建校验结果 — recomputes issue_finding from the forms (after a data-only restore with --disable-triggers, or to check it); returns the number of findings stored. Locks the forms and the settings against writes while it runs';

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
FROM perfbudget.project p JOIN perfbudget.project_fingerprint f ON f.project_id = p.id;

CREATE VIEW issue_finding_computed WITH (security_invoker = true) AS
SELECT f.project_id, f.code, f.line_no, f.message,
       f.budget_year, f.department, f.project_name, f.region
FROM (
    -- money: one row per project with its expenditure rows summed
    SELECT c.id AS project_id, c.budget_year, c.region, c.department, c.name AS project_name,
           NULL::integer AS line_no, split_part(c.hit, E'\x1f', 1) AS code,
           substr(c.hit, strpos(c.hit, E'\x1f') + 1) AS message
    FROM (SELECT x.id, x.budget_year, x.region, x.department, x.name,
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
          FROM (SELECT p.id, p.budget_year, p.region, p.department, p.name, p.total,
                       p.spend_half_year, p.spend_annual, p.start_month, p.end_month,
                       count(e.project_id) AS n, sum(e.half_year) AS half_sum, sum(e.annual) AS annual_sum,
                       max(e.annual) FILTER (WHERE e.annual > 0) AS max_amount,
                       min(e.annual) FILTER (WHERE e.annual > 0) AS min_amount
                FROM perfbudget.project p
                LEFT JOIN perfbudget.expenditure e ON e.project_id = p.id
                GROUP BY p.id, p.budget_year, p.region, p.department, p.name) x) c
    UNION ALL
    -- indicator rows: every rule of one row in one pass over the rows
    SELECT c.id, c.budget_year, c.region, c.department, c.name, c.line_no,
           split_part(c.hit, E'\x1f', 1), substr(c.hit, strpos(c.hit, E'\x1f') + 1)
    FROM (SELECT p.id, p.budget_year, p.region, p.department, p.name, i.line_no,
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
                                       CASE perfbudget.perf_kind(i.half_year_target) WHEN 'date' THEN '日期（期限）' ELSE '区间' END) END,
                  'qualitative_with_number' || E'\x1f' || CASE WHEN perfbudget.perf_symbol(i.annual_target) = '定性'
                                AND perfbudget.perf_kind(i.annual_target) IN ('percent', 'quantity')
                           THEN format('第%s行指标「%s」计算符号为定性，%s指标值却是 %s', i.line_no, i.level3, '全年',
                                       perfbudget.perf_value_of(i.annual_target)) END,
                  'qualitative_measurable' || E'\x1f' || CASE WHEN perfbudget.perf_symbol(i.annual_target) = '定性'
                                AND perfbudget.perf_kind(i.annual_target) IN ('date', 'range')
                           THEN format('第%s行指标「%s」计算符号为定性，%s指标值 %s 却是可计量的%s——是否应为定量指标？',
                                       i.line_no, i.level3, '全年', substr(i.annual_target::text, 4),
                                       CASE perfbudget.perf_kind(i.annual_target) WHEN 'date' THEN '日期（期限）' ELSE '区间' END) END,
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
          JOIN perfbudget.indicator i ON i.project_id = p.id) c
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
    SELECT c.id, c.budget_year, c.region, c.department, c.name, NULL,
           split_part(c.hit, E'\x1f', 1), format('项目「%s」%s', c.name, substr(c.hit, strpos(c.hit, E'\x1f') + 1))
    FROM (SELECT h.id, h.budget_year, h.region, h.department, h.name,
                 unnest(array_remove(ARRAY[
                  CASE WHEN NOT h.has_output THEN 'missing_output' || E'\x1f' || '缺少产出指标' END,
                  CASE WHEN NOT h.has_benefit THEN 'missing_benefit' || E'\x1f' || '缺少效益指标' END,
                  CASE WHEN NOT h.has_satisfaction THEN 'missing_satisfaction' || E'\x1f' || '缺少满意度指标' END,
                  CASE WHEN (h.has_output AND NOT h.has_quantity) THEN 'output_without_quantity' || E'\x1f' || '产出指标缺少数量指标' END,
                  CASE WHEN (h.has_output AND NOT h.has_quality) THEN 'output_without_quality_or_timeliness' || E'\x1f' || '产出指标缺少质量指标或时效指标' END,
                  CASE WHEN NOT h.has_cost THEN 'missing_cost' || E'\x1f' || '缺少成本指标' END,
                  CASE WHEN (h.n < (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'too_few_indicators')) THEN 'too_few_indicators' || E'\x1f' || format('产出、效益、满意度等三级指标只有 %s 个，少于 %s 个', h.n,
                             (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'too_few_indicators')) END], NULL)) AS hit
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
                GROUP BY p.id, p.budget_year, p.region, p.department, p.name) h) c
    UNION ALL
    SELECT p.id, p.budget_year, p.region, p.department, p.name, NULL, 'annual_goal_copied',
           format('项目「%s」的年度目标照抄中长期目标', p.name)
    FROM perfbudget.project p
    WHERE btrim(p.annual_goal) <> '' AND btrim(p.annual_goal) = btrim(p.long_term_goal)
) AS f;

COMMENT ON VIEW issue_finding_computed IS '校验结果（重算）— every finding of every form computed from its rows now, all rules but boilerplate_indicator_set, enabled or not, without severity: the reference that perfbudget.issue_finding equals once the writing transactions have committed';
COMMENT ON COLUMN issue_finding_computed.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN issue_finding_computed.code IS '规则代码 — code of the rule (perfbudget.issue_rule.code)';
COMMENT ON COLUMN issue_finding_computed.line_no IS '行号 — the indicator row concerned, when the problem is in one row';
COMMENT ON COLUMN issue_finding_computed.message IS '问题说明 — what is wrong, in Chinese';
COMMENT ON COLUMN issue_finding_computed.budget_year IS '预算年度 — budget year of the form';
COMMENT ON COLUMN issue_finding_computed.department IS '主管部门 — supervising department of the form';
COMMENT ON COLUMN issue_finding_computed.project_name IS '项目名称 — name of the form''s project';
COMMENT ON COLUMN issue_finding_computed.region IS '行政区划 — region of the form';

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
    WHERE c.project_id OPERATOR(pg_catalog.=) ANY (project_ids)
$$;
COMMENT ON FUNCTION findings_computed(bigint[]) IS
  '重算校验结果 — issue_finding_computed for the given forms (inlined by the planner: the ids reach each rule''s index scan); form_issues reads it for the forms pending in the reading transaction';

CREATE OR REPLACE VIEW form_issues WITH (security_invoker = true) AS
SELECT f.project_id, r.severity, f.code, f.message, f.line_no,
       f.budget_year, f.department, f.project_name, f.region
FROM (
    SELECT s.project_id, p.budget_year, p.region, p.department, p.name AS project_name,
           s.line_no, s.code, s.message
    FROM perfbudget.project p
    JOIN perfbudget.issue_finding s ON s.project_id = p.id
    WHERE p.id <> ALL ((SELECT perfbudget.findings_pending())::bigint[])
    UNION ALL
    SELECT c.project_id, c.budget_year, c.region, c.department, c.project_name,
           c.line_no, c.code, c.message
    FROM perfbudget.findings_computed((SELECT perfbudget.findings_pending())) c
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
) AS f
JOIN perfbudget.issue_rule r ON r.code = f.code AND r.enabled;

CREATE OR REPLACE VIEW project_summary WITH (security_invoker = true) AS
SELECT g.project_id, g.budget_year, g.department, g.project_name,
       g.implementing_unit, g.category,
       g.total, g.fiscal_subtotal, g.general_budget,
       g.government_fund, g.special_account, g.state_capital, g.social_insurance_fund,
       g.carryover, g.other_funds, g.spend_half_year, g.spend_annual, g.spend_executed,
       round(g.spend_half_year / nullif(g.spend_annual, 0), 4) AS half_year_ratio,
       e.items AS expenditure_items,
       i.indicators,
       i.quantitative_indicators,
       i.quantitative_share,
       g.issues_error,
       g.issues_warning,
       g.region, g.region_level
FROM (SELECT project_id, budget_year, region, department, project_name,
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
             sum(issue_error)::bigint AS issues_error, sum(issue_warning)::bigint AS issues_warning
      FROM (SELECT p.id AS project_id, p.budget_year, p.region, p.department, p.name AS project_name,
                   p.implementing_unit, p.category, p.total, p.fiscal_subtotal, p.general_budget,
                   p.government_fund, p.special_account, p.state_capital, p.social_insurance_fund,
                   p.carryover, p.other_funds, p.spend_half_year, p.spend_annual, p.spend_executed,
                   p.region_level, 0 AS issue_error, 0 AS issue_warning
            FROM perfbudget.project p
            UNION ALL
            SELECT f.project_id, f.budget_year, f.region, f.department, f.project_name,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, (f.severity = 'error')::integer, (f.severity = 'warning')::integer
            FROM perfbudget.form_issues f) u
      GROUP BY project_id, budget_year, region, department, project_name) g
CROSS JOIN LATERAL (SELECT count(*) AS items FROM perfbudget.expenditure x
                    WHERE x.project_id = g.project_id) e
CROSS JOIN LATERAL (SELECT count(*) AS indicators,
                           count(*) FILTER (WHERE perfbudget.perf_symbol(x.annual_target) <> '定性')
                               AS quantitative_indicators,
                           perfbudget.quantitative_share(x.annual_target) AS quantitative_share
                    FROM perfbudget.indicator x WHERE x.project_id = g.project_id) i;

CREATE OR REPLACE VIEW department_summary WITH (security_invoker = true) AS
WITH facts AS NOT MATERIALIZED (
    SELECT p.budget_year, p.region, p.department, 1 AS projects,
           p.total, p.fiscal_subtotal, p.general_budget, p.government_fund, p.special_account,
           p.state_capital, p.social_insurance_fund, p.carryover, p.other_funds,
           p.spend_half_year, p.spend_annual,
           0 AS indicators, 0 AS quantitative_indicators, 0 AS targets,
           0 AS issues_error, 0 AS issues_warning
    FROM perfbudget.project p
    UNION ALL
    SELECT p.budget_year, p.region, p.department, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL,
           count(*), count(*) FILTER (WHERE perfbudget.perf_symbol(i.annual_target) <> '定性'),
           count(i.annual_target), 0, 0
    FROM perfbudget.indicator i JOIN perfbudget.project p ON p.id = i.project_id
    GROUP BY p.budget_year, p.region, p.department
    UNION ALL
    SELECT f.budget_year, f.region, f.department, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, 0, 0, 0,
           count(*) FILTER (WHERE f.severity = 'error'), count(*) FILTER (WHERE f.severity = 'warning')
    FROM perfbudget.form_issues f
    GROUP BY f.budget_year, f.region, f.department
)
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
FROM facts
GROUP BY budget_year, region, department
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
FROM facts
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
FROM perfbudget.indicator i JOIN perfbudget.project p ON p.id = i.project_id;

CREATE OR REPLACE VIEW department_review WITH (security_invoker = true) AS
SELECT s.budget_year, s.department, s.projects,
       coalesce(g.largest_identical_set, 0) AS largest_identical_set,
       coalesce(g.projects_sharing_set, 0) AS projects_sharing_set,
       s.indicators,
       round(1 - s.quantitative_share, 4) AS qualitative_share,
       s.region
FROM perfbudget.department_summary s
LEFT JOIN LATERAL (
    SELECT max(x.forms) AS largest_identical_set,
           sum(x.forms) FILTER (WHERE x.forms > 1) AS projects_sharing_set
    FROM perfbudget.fingerprint_group x
    WHERE x.budget_year = s.budget_year AND x.department = s.department
      AND x.region_key = coalesce(s.region, '')
) g ON true
WHERE NOT s.is_total;

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

-- The stored findings of the forms already there (the views they are
-- computed by exist now).
SELECT rebuild_findings();
