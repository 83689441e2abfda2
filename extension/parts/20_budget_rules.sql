-- Budget rules: CHECK functions (C) usable on any table, and the cross-row
-- trigger function.  Each raises SQLSTATE 23514 with a Chinese message that
-- names the form and the cell; blank (NULL) amounts count as 0.

CREATE FUNCTION check_nonnegative(form text, labels text[], amounts numeric[],
                                  constraint_name text DEFAULT NULL)
    RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION check_nonnegative(text, text[], numeric[], text) IS
  '金额有效检查 — true when every amount is a number from 0 to 10^12 万元 with at most 6 decimals (NULL counts as 0); otherwise raises 23514 naming the form and the cell labelled in labels';

CREATE FUNCTION check_fiscal_subtotal(form text, fiscal_subtotal numeric,
                                      general_budget numeric, government_fund numeric,
                                      special_account numeric, state_capital numeric,
                                      constraint_name text DEFAULT NULL)
    RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION check_fiscal_subtotal(text, numeric, numeric, numeric, numeric, numeric, text) IS
  '财政拨款小计检查 — true when 财政拨款小计 = 一般公共预算资金 + 政府性基金预算 + 财政专户管理资金 + 国有资本经营预算; otherwise raises 23514 with the numbers';

CREATE FUNCTION check_income_total(form text, total numeric, fiscal_subtotal numeric,
                                   social_insurance_fund numeric, carryover numeric,
                                   other_funds numeric, constraint_name text DEFAULT NULL)
    RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION check_income_total(text, numeric, numeric, numeric, numeric, numeric, text) IS
  '资金总额检查 — true when 资金总额 = 财政拨款小计 + 社保基金预算 + 上年结转资金 + 其他资金; otherwise raises 23514 with the numbers';

CREATE FUNCTION check_income_matches_spend(form text, total numeric, spend_annual numeric,
                                           constraint_name text DEFAULT NULL)
    RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION check_income_matches_spend(text, numeric, numeric, text) IS
  '收支一致检查 — true when the income 资金总额 equals the expenditure 全年(程)预算数 total; otherwise raises 23514';

CREATE FUNCTION check_half_year(form text, item text, half_year numeric, annual numeric,
                                constraint_name text DEFAULT NULL)
    RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION check_half_year(text, text, numeric, numeric, text) IS
  '半年计划检查 — true when both are valid amounts (0 to 10^12 万元, at most 6 decimals) and 半年(程)计划执行数 ≤ 全年(程)预算数; otherwise raises 23514 naming the form and item';

CREATE FUNCTION check_expenditure_row(project_id bigint, line_no integer, item text,
                                      half_year numeric, annual numeric,
                                      constraint_name text DEFAULT NULL)
    RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION check_expenditure_row(bigint, integer, text, numeric, numeric, text) IS
  '资金分配行检查 — true when the row''s amounts are valid (0 to 10^12 万元, at most 6 decimals) and 半年 ≤ 全年; otherwise raises 23514 naming the form (during import_form) or the project id, line and item';

CREATE FUNCTION check_indicator_row(project_id bigint, line_no integer, indicator text,
                                    half_year_target perf_target, annual_target perf_target,
                                    constraint_name text DEFAULT NULL)
    RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION check_indicator_row(bigint, integer, text, perf_target, perf_target, text) IS
  '指标行检查 — true when each target''s comparator agrees with its value (=, ≥, ≤, >, < need a number, percentage or date) and, for cumulative quantities in one unit, the half-year target does not exceed the annual one; otherwise raises 23514';

CREATE FUNCTION expenditure_sum_trigger() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION expenditure_sum_trigger() IS
  '资金分配合计检查 — deferred constraint trigger: locks the project row, then requires Σ expenditure rows = the project''s spend_half_year and spend_annual (a project without rows is left to form_issues); an argument names the constraint its errors report (else the trigger''s name)';

CREATE FUNCTION sum_event_needed(project_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION sum_event_needed(bigint) IS
  'WHEN of the trigger expenditure_matches_total_insert: false when the form''s sums are already checked as of a later command (import_form adds up each form''s rows as it stores them), true otherwise (reads no table)';
