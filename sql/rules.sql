--
-- rules — the reference schema (perfbudget.project / expenditure / indicator)
-- and its budget-consistency rules (DESIGN.md §4, DOMAIN.md §6):
--
--   * the six seed forms load and are accepted;
--   * every row rule (CHECK constraint calling a C function) accepts the
--     boundary case and rejects the case just past it, with SQLSTATE 23514,
--     the constraint's name, a Chinese message naming the form and the cell,
--     and a detail with the numbers;
--   * the cross-row rule (deferred constraint trigger: Σ 资金分配 rows =
--     支出资金总额, per column) is checked at COMMIT;
--   * the validation report perfbudget.form_issues for the seed, its
--     configurable rules (perfbudget.issue_rule_setting), and warnings never
--     blocking a write.
--
-- try(stmt) runs a statement, fires the deferred triggers at once (SET
-- CONSTRAINTS ALL IMMEDIATE) and prints either 'accepted' or the error's
-- SQLSTATE, constraint name, message, detail and hint.  Verbose psql output
-- would add LOCATION lines with C line numbers, so the error fields are
-- read with GET STACKED DIAGNOSTICS instead.
--
\set VERBOSITY default
\set SHOW_CONTEXT never
SET search_path = perfbudget, public;

CREATE FUNCTION pg_temp.try(stmt text) RETURNS SETOF text
LANGUAGE plpgsql AS $fn$
DECLARE
    st  text;
    cn  text;
    msg text;
    det text;
    hnt text;
BEGIN
    EXECUTE stmt;
    SET CONSTRAINTS ALL IMMEDIATE;
    RETURN NEXT 'accepted';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, cn = CONSTRAINT_NAME,
        msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
    RETURN NEXT 'SQLSTATE:   ' || st;
    RETURN NEXT 'CONSTRAINT: ' || coalesce(nullif(cn, ''), '(none)');
    RETURN NEXT 'MESSAGE:    ' || msg;
    RETURN NEXT 'DETAIL:     ' || coalesce(nullif(det, ''), '(none)');
    RETURN NEXT 'HINT:       ' || coalesce(nullif(hnt, ''), '(none)');
END
$fn$;

------------------------------------------------------------------ the seed forms

-- All six forms of the seed (examples/seed_forms.sql, one transaction) are
-- accepted by every rule, including the cross-row check at COMMIT.
-- (pg_regress feeds this file on stdin, so \ir would resolve against the
-- working directory; PG_ABS_SRCDIR is the directory holding sql/.)
\getenv abs_srcdir PG_ABS_SRCDIR
\set seed_forms :abs_srcdir '/examples/seed_forms.sql'
\set ECHO none
\i :seed_forms
\set ECHO all
SELECT (SELECT count(*) FROM project) AS projects,
       (SELECT count(*) FROM expenditure) AS expenditure_rows,
       (SELECT count(*) FROM indicator) AS indicators,
       (SELECT count(*) FROM indicator WHERE perf_symbol(annual_target) <> '定性') AS quantitative;

-- Income total = expenditure total (9, 1, 5, 155, 6, 975) and Σ rows = totals.
SELECT p.id, p.name, p.total, p.spend_half_year, p.spend_annual,
       sum(e.half_year) AS rows_half, sum(e.annual) AS rows_annual, count(*) AS n_rows
FROM project p JOIN expenditure e ON e.project_id = p.id
GROUP BY p.id, p.department_id ORDER BY p.id;

-- The report for the seed, checked against DOMAIN.md §6:
--   missing_cost              forms 1, 3, 4, 5 (only forms 2 and 6 have 成本指标);
--   qualitative_with_number   forms 1-5 line 11 (实际完成率: 定性, annual 100%);
--   annual_goal_copied        form 3 (年度目标 = 中长期目标: 确保社保业务的正常开展。);
--   boilerplate_indicator_set forms 1, 3, 5 (same 产出/效益/满意度 rows; 4 differs
--                             in 社保当日业务当日办结率, 2 and 6 have 成本指标);
-- and no error: every form has rows that add up.
SELECT project_id, severity, code, line_no, message
FROM form_issues ORDER BY project_id, code, line_no, message;

SELECT code, severity, count(*) FROM form_issues GROUP BY code, severity ORDER BY code;

------------------------------------------------------------------ a test form

-- Form 100: 10 万元 of 财政拨款 in all four parts, two rows with half = annual.
INSERT INTO project (id, budget_year, name, department, total, fiscal_subtotal, general_budget,
                     government_fund, special_account, state_capital, spend_half_year, spend_annual)
VALUES (100, 2025, '边界测试项目', '测试局', 10, 10, 4, 3, 2, 1, 10, 10);
INSERT INTO expenditure VALUES (100, 1, '办公费', 6, 6), (100, 2, '劳务费', 4, 4);

-- Form 101: every amount 0 (accepted: 0 is allowed) and no rows yet.
SELECT pg_temp.try($$INSERT INTO project (id, budget_year, name, department, total, fiscal_subtotal,
    general_budget, government_fund, special_account, state_capital, social_insurance_fund, carryover,
    other_funds, spend_half_year, spend_annual, spend_executed)
  VALUES (101, 2025, '收入测试项目', '测试局', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)$$);

-- Form 102: only the cells a simple form fills; blank (NULL) cells count as 0.
SELECT pg_temp.try($$INSERT INTO project (id, budget_year, name, department, total, fiscal_subtotal,
    general_budget, spend_annual)
  VALUES (102, 2025, '空格测试项目', '测试局', 5, 5, 5, 5)$$);

------------------------------------------------------------------ amounts ≥ 0

SELECT pg_temp.try($$UPDATE project SET spend_executed = 0 WHERE id = 100$$);
SELECT pg_temp.try($$UPDATE project SET spend_executed = -0.01 WHERE id = 100$$);
SELECT pg_temp.try($$UPDATE project SET other_funds = -0.01, total = 9.99, spend_annual = 9.99,
    spend_half_year = 9.99 WHERE id = 101$$);
SELECT pg_temp.try($$UPDATE project SET spend_executed = 'NaN' WHERE id = 100$$);
SELECT pg_temp.try($$UPDATE project SET spend_executed = 'Infinity' WHERE id = 100$$);

------------------------------------------------------------------ 财政拨款小计 = its four parts

-- 10 = 4 + 3 + 2 + 1 (on form 101, which has no rows, so only the row rules apply)
SELECT pg_temp.try($$UPDATE project SET total = 10, fiscal_subtotal = 10, general_budget = 4,
    government_fund = 3, special_account = 2, state_capital = 1, spend_half_year = 10,
    spend_annual = 10 WHERE id = 101$$);
SELECT pg_temp.try($$UPDATE project SET fiscal_subtotal = 10.01, total = 10.01,
    spend_annual = 10.01 WHERE id = 101$$);
SELECT pg_temp.try($$UPDATE project SET fiscal_subtotal = 9.99, total = 9.99,
    spend_half_year = 9.99, spend_annual = 9.99 WHERE id = 101$$);
-- blank parts count as 0: 5 = 5 + NULL + NULL + NULL (form 102) …
SELECT fiscal_subtotal, general_budget, government_fund, special_account, state_capital
FROM project WHERE id = 102;
-- … and a blank subtotal is 0, so it cannot stand for parts worth 0.01
SELECT pg_temp.try($$UPDATE project SET fiscal_subtotal = NULL, general_budget = 0.01,
    total = 0.01, spend_annual = 0.01 WHERE id = 102$$);

------------------------------------------------------------------ 资金总额 = 财政拨款 + 社保基金 + 上年结转 + 其他

SELECT pg_temp.try($$UPDATE project SET social_insurance_fund = 0.01, carryover = 0.01,
    other_funds = 0.01, total = 10.03, spend_half_year = 10.03, spend_annual = 10.03 WHERE id = 101$$);
SELECT pg_temp.try($$UPDATE project SET total = 10.04, spend_annual = 10.04 WHERE id = 101$$);
SELECT pg_temp.try($$UPDATE project SET total = 10.02, spend_half_year = 10.02,
    spend_annual = 10.02 WHERE id = 101$$);
-- blank 资金总额 with 0.01 of sources
SELECT pg_temp.try($$UPDATE project SET total = NULL, fiscal_subtotal = NULL, general_budget = NULL,
    other_funds = 0.01, spend_annual = NULL WHERE id = 102$$);

------------------------------------------------------------------ 资金总额 = 支出全年(程)预算数

-- equal (10.03 = 10.03) was accepted above; blank = blank is accepted too
SELECT pg_temp.try($$UPDATE project SET total = NULL, fiscal_subtotal = NULL, general_budget = NULL,
    spend_annual = NULL WHERE id = 102$$);
SELECT pg_temp.try($$UPDATE project SET spend_annual = 10.04 WHERE id = 101$$);
SELECT pg_temp.try($$UPDATE project SET spend_annual = 0.01 WHERE id = 102$$);
SELECT pg_temp.try($$UPDATE project SET total = 5, fiscal_subtotal = 5, general_budget = 5,
    spend_annual = 5 WHERE id = 102$$);

------------------------------------------------------------------ 半年 ≤ 全年, totals

SELECT spend_half_year, spend_annual FROM project WHERE id = 101;   -- half = annual, accepted
SELECT pg_temp.try($$UPDATE project SET spend_half_year = 10.04 WHERE id = 101$$);
SELECT pg_temp.try($$UPDATE project SET spend_half_year = 5.01 WHERE id = 102$$);
SELECT pg_temp.try($$UPDATE project SET spend_half_year = 0 WHERE id = 101$$);

------------------------------------------------------------------ 半年 ≤ 全年 and ≥ 0, each 资金分配 row

SELECT pg_temp.try($$UPDATE expenditure SET half_year = 6.01 WHERE (project_id, line_no) = (100, 1)$$);
SELECT pg_temp.try($$UPDATE expenditure SET half_year = -0.01, annual = -0.01
    WHERE (project_id, line_no) = (100, 1)$$);
-- a blank 全年 counts as 0: half 0.01 is beyond it
SELECT pg_temp.try($$INSERT INTO expenditure VALUES (100, 3, '其他支出', 0.01, NULL)$$);
-- a row of blanks (0 and 0) is accepted, and leaves the sums unchanged
SELECT pg_temp.try($$INSERT INTO expenditure VALUES (100, 3, '其他支出', NULL, NULL)$$);
SELECT pg_temp.try($$INSERT INTO expenditure VALUES (100, 4, '零星支出', 0, 0)$$);

------------------------------------------------------------------ Σ rows = totals, per column (at COMMIT)

-- Moving 1 万元 between rows (both columns) in one transaction: accepted.
BEGIN;
UPDATE expenditure SET half_year = 5, annual = 5 WHERE (project_id, line_no) = (100, 1);
UPDATE expenditure SET half_year = 5, annual = 5 WHERE (project_id, line_no) = (100, 2);
COMMIT;
-- Raising the totals together with a row: accepted.
BEGIN;
UPDATE project SET total = 10.5, fiscal_subtotal = 10.5, general_budget = 4.5,
                   spend_half_year = 10, spend_annual = 10.5 WHERE id = 100;
UPDATE expenditure SET annual = 5.5 WHERE (project_id, line_no) = (100, 2);
COMMIT;
SELECT e.line_no, e.item, e.half_year, e.annual FROM expenditure e WHERE project_id = 100 ORDER BY line_no;

-- The rows' half-year column 0.01 short of the total: rejected at COMMIT.
BEGIN;
UPDATE expenditure SET half_year = 4.99 WHERE (project_id, line_no) = (100, 2);
COMMIT;
-- The same through try(), which shows the constraint's name.
SELECT pg_temp.try($$UPDATE expenditure SET half_year = 4.99 WHERE (project_id, line_no) = (100, 2)$$);
-- The annual column 0.01 over.
SELECT pg_temp.try($$UPDATE expenditure SET annual = 5.51 WHERE (project_id, line_no) = (100, 2)$$);
-- A total changed without its rows (trigger on project).
SELECT pg_temp.try($$UPDATE project SET spend_half_year = 9.99 WHERE id = 100$$);
SELECT pg_temp.try($$UPDATE project SET total = 10.51, fiscal_subtotal = 10.51, general_budget = 4.51,
    spend_annual = 10.51 WHERE id = 100$$);
-- A row added without raising the totals.
SELECT pg_temp.try($$INSERT INTO expenditure VALUES (100, 5, '差旅费', 0, 0.01)$$);
-- A row deleted while others remain.
SELECT pg_temp.try($$DELETE FROM expenditure WHERE (project_id, line_no) = (100, 1)$$);
-- A row moved to another form: the receiving form is checked too.
SELECT pg_temp.try($$UPDATE expenditure SET project_id = 101, line_no = 9 WHERE (project_id, line_no) = (100, 1)$$);
-- Without SET CONSTRAINTS, the error waits for COMMIT: the transaction goes on.
BEGIN;
UPDATE project SET spend_half_year = 9 WHERE id = 100;
SELECT spend_half_year FROM project WHERE id = 100;
COMMIT;
SELECT spend_half_year FROM project WHERE id = 100;

-- Blank row cells count as 0 in the sums: NULL, NULL rows (3 and 4) leave 10 / 10.5.
SELECT sum(half_year), sum(annual), count(*) FROM expenditure WHERE project_id = 100;

------------------------------------------------------------------ indicators: 计算符号 agrees with the value

SELECT pg_temp.try($$INSERT INTO indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
    VALUES (100, 1, '产出指标', '数量指标', '培训人数', perf_target('≥', '10人'), perf_target('≥', '10人'))$$);
SELECT pg_temp.try($$INSERT INTO indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
    VALUES (100, 2, '产出指标', '质量指标', '培训质量', NULL, perf_target('定性', '优秀'))$$);
-- a quantitative comparator needs a number, percentage or date
SELECT pg_temp.try($$INSERT INTO indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
    VALUES (100, 3, '产出指标', '质量指标', '培训效果', NULL, perf_target('≥', '优秀'))$$);
SELECT pg_temp.try($$INSERT INTO indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
    VALUES (100, 3, '产出指标', '时效指标', '完成及时性', perf_target('=', '及时'), perf_target('定性', '及时'))$$);
-- 定性 with a number is only a warning (the seed's 实际完成率): accepted
SELECT pg_temp.try($$INSERT INTO indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
    VALUES (100, 3, '产出指标', '数量指标', '实际完成率', perf_target('定性', '序时进度'), perf_target('定性', '100%'))$$);

------------------------------------------------------------------ indicators: half-year target not beyond the annual one

-- cumulative quantities in one unit (≥ 10人 / ≥ 10人 accepted above)
SELECT pg_temp.try($$UPDATE indicator SET half_year_target = perf_target('≥', '10.01人')
    WHERE (project_id, line_no) = (100, 1)$$);
SELECT pg_temp.try($$UPDATE indicator SET half_year_target = perf_target('≥', '1万人'),
    annual_target = perf_target('≥', '9999人') WHERE (project_id, line_no) = (100, 1)$$);
SELECT pg_temp.try($$UPDATE indicator SET half_year_target = perf_target('≥', '1万人'),
    annual_target = perf_target('≥', '10000人') WHERE (project_id, line_no) = (100, 1)$$);
SELECT pg_temp.try($$UPDATE indicator SET half_year_target = perf_target('=', '11人'),
    annual_target = perf_target('=', '10人') WHERE (project_id, line_no) = (100, 1)$$);
-- not comparable, so accepted: different units, ≤ limits, and percentages
-- (a rate; left to the report as half_year_beyond_annual)
SELECT pg_temp.try($$UPDATE indicator SET half_year_target = perf_target('≥', '11次'),
    annual_target = perf_target('≥', '10人') WHERE (project_id, line_no) = (100, 1)$$);
SELECT pg_temp.try($$UPDATE indicator SET half_year_target = perf_target('≤', '11工作日'),
    annual_target = perf_target('≤', '10工作日') WHERE (project_id, line_no) = (100, 1)$$);
SELECT pg_temp.try($$INSERT INTO indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
    VALUES (100, 4, '产出指标', '质量指标', '合格率', perf_target('≥', '96%'), perf_target('≥', '95%'))$$);

------------------------------------------------------------------ the functions on a user's own table

CREATE TEMP TABLE my_budget (
    item text, half numeric, annual numeric,
    CONSTRAINT my_budget_half CHECK (perfbudget.check_half_year('我的表', item, half, annual, 'my_budget_half')));
SELECT pg_temp.try($$INSERT INTO my_budget VALUES ('设备', 3, 3)$$);
SELECT pg_temp.try($$INSERT INTO my_budget VALUES ('设备', 3.01, 3)$$);

------------------------------------------------------------------ the report for the test forms

-- Form 100 now has its rows deleted: no longer checked by the cross-row
-- trigger (a form is entered before its rows; pg_restore loads projects
-- first), but reported as an error.
DELETE FROM expenditure WHERE project_id = 100;
SELECT project_id, severity, code, line_no, message
FROM form_issues WHERE project_id >= 100 ORDER BY project_id, code, line_no, message;

------------------------------------------------------------------ configurable rules

-- Switch missing_cost off, make boilerplate an error, raise the
-- satisfaction threshold to 96%: the seed's ≥95% 满意度 rows now warn.
INSERT INTO issue_rule_setting (code, enabled) VALUES ('missing_cost', false);
INSERT INTO issue_rule_setting (code, severity) VALUES ('boilerplate_indicator_set', 'error');
INSERT INTO issue_rule_setting (code, threshold) VALUES ('satisfaction_below_threshold', 96);
SELECT code, enabled, severity, threshold FROM issue_rule
WHERE code IN ('missing_cost', 'boilerplate_indicator_set', 'satisfaction_below_threshold') ORDER BY code;
SELECT project_id, severity, code, line_no, message
FROM form_issues WHERE project_id <= 6 ORDER BY project_id, code, line_no, message;
-- 95% is not below 95: the boundary
UPDATE issue_rule_setting SET threshold = 95 WHERE code = 'satisfaction_below_threshold';
SELECT count(*) FROM form_issues WHERE code = 'satisfaction_below_threshold';
UPDATE issue_rule_setting SET threshold = 95.01 WHERE code = 'satisfaction_below_threshold';
SELECT count(*) FROM form_issues WHERE code = 'satisfaction_below_threshold';
-- an unknown severity is refused
INSERT INTO issue_rule_setting (code, severity) VALUES ('unit_mix', 'fatal');
DELETE FROM issue_rule_setting;
SELECT code, severity, count(*) FROM form_issues GROUP BY code, severity ORDER BY code;

------------------------------------------------------------------ warnings never block a write

-- A form that trips many warnings (no 效益/满意度/成本 indicators, one
-- indicator only, 定性 with a number, 年度目标 copied) is accepted.
BEGIN;
INSERT INTO project (id, budget_year, name, department, long_term_goal, annual_goal,
                     total, fiscal_subtotal, general_budget, spend_half_year, spend_annual)
VALUES (103, 2025, '警告测试项目', '测试局', '同一句话。', '同一句话。', 1, 1, 1, 0, 1);
INSERT INTO expenditure VALUES (103, 1, '印刷费', 0, 1);
INSERT INTO indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
VALUES (103, 1, '产出指标', '数量指标', '完成率', perf_target('定性', '50%'), perf_target('定性', '100%'));
COMMIT;
SELECT project_id, severity, code, line_no, message FROM form_issues WHERE project_id = 103
ORDER BY project_id, code, line_no, message;

------------------------------------------------------------------ what an amount may be

-- The rules and the roll-ups agree (issue 8, part 7): an amount the rules
-- accept can always be summed by funding_sum in department_summary.  17
-- decimals and 1e22 万元 were accepted before and then broke every roll-up.
SELECT * FROM pg_temp.try($$INSERT INTO project (budget_year, name, department, total,
    fiscal_subtotal, general_budget, spend_annual)
    VALUES (2025, '极小金额', '测试局', 0.00000000000000001, 0.00000000000000001,
            0.00000000000000001, 0.00000000000000001)$$);
SELECT * FROM pg_temp.try($$INSERT INTO project (budget_year, name, department, total,
    fiscal_subtotal, general_budget, spend_annual)
    VALUES (2025, '极大金额', '测试局', 1e22, 1e22, 1e22, 1e22)$$);
SELECT * FROM pg_temp.try($$INSERT INTO project (id, budget_year, name, department, total,
    fiscal_subtotal, general_budget, spend_half_year, spend_annual)
    VALUES (120, 2025, '分位金额', '测试局', 1.000001, 1.000001, 1.000001, 0, 1.000001);
    INSERT INTO expenditure VALUES (120, 1, '印刷费', 0, 1.0000001)$$);
SELECT * FROM pg_temp.try($$INSERT INTO project (id, budget_year, name, department, total,
    fiscal_subtotal, general_budget, spend_half_year, spend_annual)
    VALUES (121, 2025, '上限金额', '测试局', 1000000000000, 1000000000000, 1000000000000, 0, 1000000000000);
    INSERT INTO expenditure VALUES (121, 1, '工程', 0, 1000000000000.000000);
    DELETE FROM project WHERE id = 121$$);
SELECT * FROM pg_temp.try($$INSERT INTO project (id, budget_year, name, department, total,
    fiscal_subtotal, general_budget, spend_half_year, spend_annual)
    VALUES (122, 2025, 'NaN金额', '测试局', 'NaN', 'NaN', 'NaN', 0, 'NaN')$$);
-- A display scale beyond 6 with no more digits is the same amount: accepted.
SELECT check_nonnegative('项目', '{金额}', '{60.8000000000}'::numeric[]) AS trailing_zeros_ok;
-- The largest amounts the rules accept, a million times over, still add up.
SELECT funding_sum(1000000000000.000001) AS funds, sum(1000000000000.000001) AS sum
FROM generate_series(1, 1000000);

-- Combining partial states that would pass 2^63 rows is an error, not a wrap.
SELECT * FROM pg_temp.try($$SELECT share_combine('(9223372036854775807,9223372036854775807)', '(1,1)')$$);
SELECT * FROM pg_temp.try($$SELECT amount_sum_combine('(9223372036854775807,1,0)', '(1,1,0)')$$);

------------------------------------------------------------------ clean up

DELETE FROM project;
SELECT setval(pg_get_serial_sequence('perfbudget.project', 'id'), 1, false);
SELECT (SELECT count(*) FROM project) + (SELECT count(*) FROM expenditure)
     + (SELECT count(*) FROM indicator) + (SELECT count(*) FROM issue_rule_setting) AS left_over;
