-- Import and export of whole forms: the text departments send (C reader),
-- and a lossless JSON layout.

CREATE FUNCTION import_form(doc text, replace boolean DEFAULT false) RETURNS SETOF bigint
    AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION import_form(text, boolean) IS
  '导入申报表 — reads a document of one or more 预算绩效目标申报表 (text extracted from PDF: tab-separated cells, checkbox markup, shifted indicator cells; the indicator table in the seed''s layout or another common one, told by its header row) and stores each form with the region and level of its title line; returns the new project ids in document order. All or nothing; a form already stored (same year, department, name) is an error unless replace is true, which replaces it';

-- In C (src/form_json.c): the history writes a deleted form's whole JSON
-- once per deleted form (import_form with replace deletes thousands), and
-- to_jsonb of each row, jsonb_agg and the key removals of a SQL definition
-- cost twice the reading of the rows.
CREATE FUNCTION form_json(project_id bigint) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION form_json(bigint) IS
  '申报表 JSON — one form as JSON: every project column, "expenditure" (rows in order) and "indicators" (rows in order, targets as their canonical text); import_form_json reads it back';

CREATE FUNCTION import_form_json(doc jsonb) RETURNS bigint
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
COMMENT ON FUNCTION import_form_json(jsonb) IS
  '从 JSON 导入申报表 — stores a form in the layout of perfbudget.form_json (the "id" key is ignored: a new id is generated) and returns its id; unknown keys are an error';
