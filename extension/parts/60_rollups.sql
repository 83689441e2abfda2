-- Roll-ups by 主管部门: C aggregates with concrete state types (so that
-- Citus can split them) and combine functions (so that they run in
-- parallel), and the reporting views BI tools read.

-------------------------------------------------------------------- state types

CREATE TYPE share_state;
CREATE FUNCTION share_state_in(cstring) RETURNS share_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION share_state_out(share_state) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION share_state_recv(internal) RETURNS share_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION share_state_send(share_state) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE share_state (
    INPUT = share_state_in, OUTPUT = share_state_out,
    RECEIVE = share_state_recv, SEND = share_state_send,
    INTERNALLENGTH = 16, ALIGNMENT = double, STORAGE = plain
);
COMMENT ON TYPE share_state IS
  'state of quantitative_share and attainment: (hits,total); text and binary I/O so that Citus can ship partial states';
COMMENT ON FUNCTION share_state_in(cstring) IS 'text input of share_state, e.g. (24,92)';
COMMENT ON FUNCTION share_state_out(share_state) IS 'text output of share_state';
COMMENT ON FUNCTION share_state_recv(internal) IS 'binary input of share_state';
COMMENT ON FUNCTION share_state_send(share_state) IS 'binary output of share_state';

CREATE TYPE amount_state;
CREATE FUNCTION amount_state_in(cstring) RETURNS amount_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION amount_state_out(amount_state) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION amount_state_recv(internal) RETURNS amount_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION amount_state_send(amount_state) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE amount_state (
    INPUT = amount_state_in, OUTPUT = amount_state_out,
    RECEIVE = amount_state_recv, SEND = amount_state_send,
    INTERNALLENGTH = 32, ALIGNMENT = double, STORAGE = plain
);
COMMENT ON TYPE amount_state IS
  'state of funding_sum: (count,exact sum,display scale); text and binary I/O so that Citus can ship partial states';
COMMENT ON FUNCTION amount_state_in(cstring) IS 'text input of amount_state, e.g. (6,1151,0)';
COMMENT ON FUNCTION amount_state_out(amount_state) IS 'text output of amount_state';
COMMENT ON FUNCTION amount_state_recv(internal) IS 'binary input of amount_state';
COMMENT ON FUNCTION amount_state_send(amount_state) IS 'binary output of amount_state';

-------------------------------------------------------------------- aggregates

CREATE FUNCTION share_quantitative_accum(share_state, perf_target) RETURNS share_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION share_attainment_accum(share_state, perf_target, perf_value) RETURNS share_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION share_combine(share_state, share_state) RETURNS share_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION share_final(share_state) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share_quantitative_accum(share_state, perf_target) IS 'transition of quantitative_share: counts the target, and it as a hit when its comparator is not 定性';
COMMENT ON FUNCTION share_attainment_accum(share_state, perf_target, perf_value) IS 'transition of attainment: counts decidable pairs, and met ones as hits';
COMMENT ON FUNCTION share_combine(share_state, share_state) IS 'combine function of quantitative_share and attainment (parallel and distributed aggregation)';
COMMENT ON FUNCTION share_final(share_state) IS 'final function: hits / total rounded to 4 decimals, NULL when nothing was counted';

CREATE AGGREGATE quantitative_share(perf_target) (
    SFUNC = share_quantitative_accum, STYPE = share_state, INITCOND = '(0,0)',
    COMBINEFUNC = share_combine, FINALFUNC = share_final, PARALLEL = SAFE
);
COMMENT ON AGGREGATE quantitative_share(perf_target) IS
  '量化率 — share of targets whose comparator is not 定性, a fraction in [0, 1] rounded to 4 decimals (0.2609); NULL targets are skipped';

CREATE AGGREGATE attainment(perf_target, perf_value) (
    SFUNC = share_attainment_accum, STYPE = share_state, INITCOND = '(0,0)',
    COMBINEFUNC = share_combine, FINALFUNC = share_final, PARALLEL = SAFE
);
COMMENT ON AGGREGATE attainment(perf_target, perf_value) IS
  '达成率 — share of (target, actual) pairs met among those perf_met can decide, a fraction in [0, 1] rounded to 4 decimals';

CREATE FUNCTION amount_sum_accum(amount_state, numeric) RETURNS amount_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION amount_sum_combine(amount_state, amount_state) RETURNS amount_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION amount_sum_final(amount_state) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION amount_sum_accum(amount_state, numeric) IS 'transition of funding_sum: adds one amount exactly (at most 16 decimals)';
COMMENT ON FUNCTION amount_sum_combine(amount_state, amount_state) IS 'combine function of funding_sum (parallel and distributed aggregation)';
COMMENT ON FUNCTION amount_sum_final(amount_state) IS 'final function of funding_sum: the exact total, NULL when no amount was added';

CREATE AGGREGATE funding_sum(numeric) (
    SFUNC = amount_sum_accum, STYPE = amount_state, INITCOND = '(0,0,0)',
    COMBINEFUNC = amount_sum_combine, FINALFUNC = amount_sum_final, PARALLEL = SAFE
);
COMMENT ON AGGREGATE funding_sum(numeric) IS
  '资金合计 — exact total of amounts (万元) for the funding roll-ups, equal to sum(numeric) for amounts of up to 16 decimals; NULL amounts are skipped, NULL when none';

-------------------------------------------------------------------- views

-- A form, its expenditure and indicator counts and its findings grouped
-- by the form's key columns (department_id first): a filter on id, year,
-- region or department passes the GROUP BY into the project table, the
-- rows' joins and form_issues (joining form_issues instead would carry only
-- the columns of an equality join, and region may be NULL); no correlated
-- subquery, so that Citus pushes it down to each department's node.
CREATE VIEW project_summary WITH (security_invoker = true) AS
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

COMMENT ON VIEW project_summary IS '项目汇总 — one row per form with its money, indicator counts and validation issues (amounts in 万元)';
COMMENT ON COLUMN project_summary.project_id IS '项目编号 — project id';
COMMENT ON COLUMN project_summary.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN project_summary.department IS '主管部门 — supervising department';
COMMENT ON COLUMN project_summary.project_name IS '项目名称 — project name';
COMMENT ON COLUMN project_summary.implementing_unit IS '实施单位 — implementing unit';
COMMENT ON COLUMN project_summary.category IS '项目类别 — project category';
COMMENT ON COLUMN project_summary.total IS '资金总额（万元）— income total';
COMMENT ON COLUMN project_summary.fiscal_subtotal IS '财政拨款小计（万元）— fiscal appropriation subtotal';
COMMENT ON COLUMN project_summary.general_budget IS '一般公共预算资金（万元）— general public budget funds';
COMMENT ON COLUMN project_summary.government_fund IS '政府性基金预算（万元）— government fund budget';
COMMENT ON COLUMN project_summary.special_account IS '财政专户管理资金（万元）— fiscal special account funds';
COMMENT ON COLUMN project_summary.state_capital IS '国有资本经营预算（万元）— state capital operation budget';
COMMENT ON COLUMN project_summary.social_insurance_fund IS '社保基金预算（万元）— social insurance fund budget';
COMMENT ON COLUMN project_summary.carryover IS '上年结转资金（万元）— carried over from last year';
COMMENT ON COLUMN project_summary.other_funds IS '其他资金（万元）— other funds';
COMMENT ON COLUMN project_summary.spend_half_year IS '半年(程)计划执行数（万元）— planned spending by mid-year';
COMMENT ON COLUMN project_summary.spend_annual IS '全年(程)预算数（万元）— annual expenditure budget';
COMMENT ON COLUMN project_summary.spend_executed IS '全年执行数（万元）— amount spent in the year';
COMMENT ON COLUMN project_summary.half_year_ratio IS '半年计划执行比例 — spend_half_year / spend_annual, a fraction (4 decimals)';
COMMENT ON COLUMN project_summary.expenditure_items IS '资金分配行数 — number of expenditure rows';
COMMENT ON COLUMN project_summary.indicators IS '三级指标数 — number of indicator rows';
COMMENT ON COLUMN project_summary.quantitative_indicators IS '定量指标数 — indicators whose annual comparator is not 定性';
COMMENT ON COLUMN project_summary.quantitative_share IS '量化率 — quantitative_indicators / indicators with an annual target, a fraction (4 decimals)';
COMMENT ON COLUMN project_summary.issues_error IS '错误数 — error rows in form_issues';
COMMENT ON COLUMN project_summary.issues_warning IS '警告数 — warning rows in form_issues';
COMMENT ON COLUMN project_summary.region IS '行政区划 — region of the form, from its title line';
COMMENT ON COLUMN project_summary.region_level IS '预算级次 — 省级 / 市级 / 县级 … from the title line';

-- One GROUP BY over the facts of a department, not joins of three
-- roll-ups: its forms, their indicator rows and their findings, each
-- already grouped by (year, region, department) — a few narrow rows a
-- department, so the final grouping stays in memory (funding_sum of the
-- forms' partial sums is their exact sum).  A filter on year, region or
-- department reaches the project table's indexes through the plain GROUP
-- BYs and the UNION ALL; the findings come from the stored issue_finding
-- through form_findings, counted by rule before the rules' on/off and
-- severity are joined.  The year's total row is a second GROUP BY of the
-- same facts (a filter on department prunes it: its department is NULL).
-- 量化率 is hits / targets rounded half up to 4 decimals, which is what
-- quantitative_share computes, from counts that add across groups.
CREATE VIEW department_facts WITH (security_invoker = true) AS
    SELECT p.budget_year, p.region, p.department, count(*)::integer AS projects,
           perfbudget.funding_sum(p.total) AS total,
           perfbudget.funding_sum(p.fiscal_subtotal) AS fiscal_subtotal,
           perfbudget.funding_sum(p.general_budget) AS general_budget,
           perfbudget.funding_sum(p.government_fund) AS government_fund,
           perfbudget.funding_sum(p.special_account) AS special_account,
           perfbudget.funding_sum(p.state_capital) AS state_capital,
           perfbudget.funding_sum(p.social_insurance_fund) AS social_insurance_fund,
           perfbudget.funding_sum(p.carryover) AS carryover,
           perfbudget.funding_sum(p.other_funds) AS other_funds,
           perfbudget.funding_sum(p.spend_half_year) AS spend_half_year,
           perfbudget.funding_sum(p.spend_annual) AS spend_annual,
           0 AS indicators, 0 AS quantitative_indicators, 0 AS targets,
           0::bigint AS issues_error, 0::bigint AS issues_warning, p.department_id
    FROM perfbudget.project p
    GROUP BY p.department_id, p.budget_year, p.region, p.department
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
           coalesce(sum(f.findings) FILTER (WHERE r.severity = 'error'), 0)::bigint,
           coalesce(sum(f.findings) FILTER (WHERE r.severity = 'warning'), 0)::bigint,
           f.department_id
    FROM (SELECT department_id, budget_year, region, department, code, count(*) AS findings
          FROM perfbudget.form_findings
          GROUP BY department_id, budget_year, region, department, code) f
    JOIN perfbudget.issue_rule r ON r.code = f.code AND r.enabled
    GROUP BY f.department_id, f.budget_year, f.region, f.department;

COMMENT ON VIEW department_facts IS '部门事实 — the facts department_summary and department_review add up, already grouped by department (department_id first, so that on Citus each group is computed on its department''s node): one row per department and year with its forms'' count and money, one with its indicator counts, one with its error and warning counts';
COMMENT ON COLUMN department_facts.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN department_facts.region IS '行政区划 — region';
COMMENT ON COLUMN department_facts.department IS '主管部门 — supervising department';
COMMENT ON COLUMN department_facts.projects IS '项目数 — the forms of the department and year on the money row, else 0';
COMMENT ON COLUMN department_facts.total IS '资金总额（万元）— of the department''s forms of the year, NULL on the count rows';
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

CREATE VIEW department_summary WITH (security_invoker = true) AS
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

COMMENT ON VIEW department_summary IS '部门汇总 — one row per budget year, region and 主管部门 (the same department name in two regions is two departments), plus a total row per year (is_total, region and department NULL): projects, money by source (万元), half-year plan, indicators and issues';
COMMENT ON COLUMN department_summary.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN department_summary.department IS '主管部门 — supervising department; NULL on the year''s total row';
COMMENT ON COLUMN department_summary.is_total IS '是否合计行 — true on the total row of the year';
COMMENT ON COLUMN department_summary.projects IS '项目数 — number of forms';
COMMENT ON COLUMN department_summary.total IS '资金总额（万元）— income total';
COMMENT ON COLUMN department_summary.fiscal_subtotal IS '财政拨款小计（万元）— fiscal appropriation subtotal';
COMMENT ON COLUMN department_summary.general_budget IS '一般公共预算资金（万元）— general public budget funds';
COMMENT ON COLUMN department_summary.government_fund IS '政府性基金预算（万元）— government fund budget';
COMMENT ON COLUMN department_summary.special_account IS '财政专户管理资金（万元）— fiscal special account funds';
COMMENT ON COLUMN department_summary.state_capital IS '国有资本经营预算（万元）— state capital operation budget';
COMMENT ON COLUMN department_summary.social_insurance_fund IS '社保基金预算（万元）— social insurance fund budget';
COMMENT ON COLUMN department_summary.carryover IS '上年结转资金（万元）— carried over from last year';
COMMENT ON COLUMN department_summary.other_funds IS '其他资金（万元）— other funds';
COMMENT ON COLUMN department_summary.spend_half_year IS '半年(程)计划执行数（万元）— planned spending by mid-year';
COMMENT ON COLUMN department_summary.spend_annual IS '全年(程)预算数（万元）— annual expenditure budget';
COMMENT ON COLUMN department_summary.half_year_ratio IS '半年计划执行比例 — spend_half_year / spend_annual, a fraction (4 decimals)';
COMMENT ON COLUMN department_summary.indicators IS '三级指标数 — number of indicator rows';
COMMENT ON COLUMN department_summary.quantitative_indicators IS '定量指标数 — indicators whose annual comparator is not 定性';
COMMENT ON COLUMN department_summary.quantitative_share IS '量化率 — quantitative_indicators / indicators with an annual target, a fraction (4 decimals)';
COMMENT ON COLUMN department_summary.issues_error IS '错误数 — error rows in form_issues';
COMMENT ON COLUMN department_summary.issues_warning IS '警告数 — warning rows in form_issues';
COMMENT ON COLUMN department_summary.region IS '行政区划 — region of the department''s forms (NULL when their title names none, and on the year''s total row)';

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

CREATE VIEW indicator_detail WITH (security_invoker = true) AS
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

COMMENT ON VIEW indicator_detail IS '指标明细 — one row per indicator with its targets split into plain columns (symbol, kind, number, unit) for BI tools';
COMMENT ON COLUMN indicator_detail.project_id IS '项目编号 — project id';
COMMENT ON COLUMN indicator_detail.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN indicator_detail.department IS '主管部门 — supervising department';
COMMENT ON COLUMN indicator_detail.project_name IS '项目名称 — project name';
COMMENT ON COLUMN indicator_detail.line_no IS '行号 — row of the indicator table';
COMMENT ON COLUMN indicator_detail.level1 IS '一级指标 — level-1 indicator as written';
COMMENT ON COLUMN indicator_detail.level2 IS '二级指标 — level-2 indicator as written';
COMMENT ON COLUMN indicator_detail.level3 IS '三级指标 — level-3 indicator';
COMMENT ON COLUMN indicator_detail.canonical_level1 IS '一级指标规范名 — 产出指标, 效益指标, 满意度指标, 成本指标, 决策指标 or 过程指标';
COMMENT ON COLUMN indicator_detail.canonical_level2 IS '二级指标规范名 — 数量指标, 质量指标, 时效指标, 成本指标 …';
COMMENT ON COLUMN indicator_detail.annual_text IS '全年(程)指标值 — the annual target as text, comparator first';
COMMENT ON COLUMN indicator_detail.annual_symbol IS '全年计算符号 — =, ≥, ≤, >, <, 定性 or 区间';
COMMENT ON COLUMN indicator_detail.annual_kind IS '全年值类型 — percent, quantity, qualitative, date or range';
COMMENT ON COLUMN indicator_detail.annual_number IS '全年数值 — number as written in its unit; NULL for phrases, dates, ranges';
COMMENT ON COLUMN indicator_detail.annual_unit IS '全年计量单位 — % or the unit as written';
COMMENT ON COLUMN indicator_detail.annual_base_number IS '全年基本单位数值 — number in the base unit (万/亿 applied)';
COMMENT ON COLUMN indicator_detail.half_year_text IS '半年(程)指标值 — the half-year target as text';
COMMENT ON COLUMN indicator_detail.half_year_symbol IS '半年计算符号 — comparator of the half-year target';
COMMENT ON COLUMN indicator_detail.half_year_kind IS '半年值类型 — kind of the half-year value';
COMMENT ON COLUMN indicator_detail.half_year_number IS '半年数值 — number as written in its unit';
COMMENT ON COLUMN indicator_detail.half_year_unit IS '半年计量单位 — % or the unit as written';
COMMENT ON COLUMN indicator_detail.half_year_base_number IS '半年基本单位数值 — number in the base unit';
COMMENT ON COLUMN indicator_detail.actual_text IS '实际完成值 — actual value reached, as text';
COMMENT ON COLUMN indicator_detail.met IS '是否达成 — perf_met(annual target, actual); NULL when undecidable or not yet reported';
COMMENT ON COLUMN indicator_detail.weight IS '分值 — weight in self-evaluation';
COMMENT ON COLUMN indicator_detail.score IS '得分 — self-evaluation score';
COMMENT ON COLUMN indicator_detail.deviation_note IS '偏差原因 — explanation of a deviation';
COMMENT ON COLUMN indicator_detail.region IS '行政区划 — region of the form';

-- The identical-set counts are read from fingerprint_group (kept as forms
-- are written) by the department's key, so the whole view stays linear and
-- a filtered read stays small.
CREATE VIEW department_review WITH (security_invoker = true) AS
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

COMMENT ON VIEW department_review IS '指标质量审查 — per department and year: how many projects share an identical set of 产出/效益/满意度 indicators (boilerplate) and the share of qualitative indicators';
COMMENT ON COLUMN department_review.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN department_review.department IS '主管部门 — supervising department';
COMMENT ON COLUMN department_review.projects IS '项目数 — number of forms';
COMMENT ON COLUMN department_review.largest_identical_set IS '最大雷同组 — the largest number of projects sharing one identical indicator set';
COMMENT ON COLUMN department_review.projects_sharing_set IS '雷同项目数 — projects whose indicator set is identical to at least one other project''s';
COMMENT ON COLUMN department_review.indicators IS '三级指标数 — number of indicator rows';
COMMENT ON COLUMN department_review.qualitative_share IS '定性指标占比 — 1 − quantitative share, a fraction (4 decimals)';
COMMENT ON COLUMN department_review.region IS '行政区划 — region of the department''s forms';

-------------------------------------------------------------------- Chinese-labelled twins

CREATE VIEW "部门汇总" WITH (security_invoker = true) AS
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
COMMENT ON VIEW "部门汇总" IS 'department_summary with Chinese column names, for BI users who want Chinese headers';

CREATE VIEW "项目汇总" WITH (security_invoker = true) AS
SELECT project_id AS "项目编号", budget_year AS "预算年度", department AS "主管部门",
       project_name AS "项目名称", implementing_unit AS "实施单位", category AS "项目类别",
       total AS "资金总额", spend_half_year AS "半年计划执行数", spend_annual AS "全年预算数",
       spend_executed AS "全年执行数", half_year_ratio AS "半年执行比例",
       indicators AS "三级指标数", quantitative_indicators AS "定量指标数",
       quantitative_share AS "量化率", issues_error AS "错误数", issues_warning AS "警告数",
       region AS "行政区划", region_level AS "预算级次"
FROM perfbudget.project_summary;
COMMENT ON VIEW "项目汇总" IS 'project_summary with Chinese column names';

CREATE VIEW "指标明细" WITH (security_invoker = true) AS
SELECT project_id AS "项目编号", budget_year AS "预算年度", department AS "主管部门",
       project_name AS "项目名称", line_no AS "行号", level1 AS "一级指标",
       level2 AS "二级指标", level3 AS "三级指标", annual_text AS "全年指标值",
       annual_symbol AS "计算符号", annual_kind AS "值类型", annual_number AS "数值",
       annual_unit AS "计量单位", half_year_text AS "半年指标值", actual_text AS "实际完成值",
       met AS "是否达成", weight AS "分值", score AS "得分", region AS "行政区划"
FROM perfbudget.indicator_detail;
COMMENT ON VIEW "指标明细" IS 'indicator_detail with Chinese column names';

CREATE VIEW "问题清单" WITH (security_invoker = true) AS
SELECT project_id AS "项目编号", budget_year AS "预算年度", department AS "主管部门",
       project_name AS "项目名称", severity AS "严重程度", code AS "规则代码",
       message AS "问题说明", line_no AS "行号", region AS "行政区划"
FROM perfbudget.form_issues;
COMMENT ON VIEW "问题清单" IS 'form_issues with Chinese column names';

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
COMMENT ON VIEW "地区汇总" IS 'region_summary with Chinese column names';

-- the twins' columns carry the comments of the columns they rename
COMMENT ON COLUMN "部门汇总"."预算年度" IS '预算年度 — budget year';
COMMENT ON COLUMN "部门汇总"."主管部门" IS '主管部门 — supervising department; NULL on the year''s total row';
COMMENT ON COLUMN "部门汇总"."是否合计" IS '是否合计行 — true on the total row of the year';
COMMENT ON COLUMN "部门汇总"."项目数" IS '项目数 — number of forms';
COMMENT ON COLUMN "部门汇总"."资金总额" IS '资金总额（万元）— income total';
COMMENT ON COLUMN "部门汇总"."财政拨款小计" IS '财政拨款小计（万元）— fiscal appropriation subtotal';
COMMENT ON COLUMN "部门汇总"."一般公共预算资金" IS '一般公共预算资金（万元）— general public budget funds';
COMMENT ON COLUMN "部门汇总"."政府性基金预算" IS '政府性基金预算（万元）— government fund budget';
COMMENT ON COLUMN "部门汇总"."财政专户管理资金" IS '财政专户管理资金（万元）— fiscal special account funds';
COMMENT ON COLUMN "部门汇总"."国有资本经营预算" IS '国有资本经营预算（万元）— state capital operation budget';
COMMENT ON COLUMN "部门汇总"."社保基金预算" IS '社保基金预算（万元）— social insurance fund budget';
COMMENT ON COLUMN "部门汇总"."上年结转资金" IS '上年结转资金（万元）— carried over from last year';
COMMENT ON COLUMN "部门汇总"."其他资金" IS '其他资金（万元）— other funds';
COMMENT ON COLUMN "部门汇总"."半年计划执行数" IS '半年(程)计划执行数（万元）— planned spending by mid-year';
COMMENT ON COLUMN "部门汇总"."全年预算数" IS '全年(程)预算数（万元）— annual expenditure budget';
COMMENT ON COLUMN "部门汇总"."半年执行比例" IS '半年计划执行比例 — spend_half_year / spend_annual, a fraction (4 decimals)';
COMMENT ON COLUMN "部门汇总"."三级指标数" IS '三级指标数 — number of indicator rows';
COMMENT ON COLUMN "部门汇总"."定量指标数" IS '定量指标数 — indicators whose annual comparator is not 定性';
COMMENT ON COLUMN "部门汇总"."量化率" IS '量化率 — quantitative_indicators / indicators with an annual target, a fraction (4 decimals)';
COMMENT ON COLUMN "部门汇总"."错误数" IS '错误数 — error rows in form_issues';
COMMENT ON COLUMN "部门汇总"."警告数" IS '警告数 — warning rows in form_issues';
COMMENT ON COLUMN "项目汇总"."项目编号" IS '项目编号 — project id';
COMMENT ON COLUMN "项目汇总"."预算年度" IS '预算年度 — budget year';
COMMENT ON COLUMN "项目汇总"."主管部门" IS '主管部门 — supervising department';
COMMENT ON COLUMN "项目汇总"."项目名称" IS '项目名称 — project name';
COMMENT ON COLUMN "项目汇总"."实施单位" IS '实施单位 — implementing unit';
COMMENT ON COLUMN "项目汇总"."项目类别" IS '项目类别 — project category';
COMMENT ON COLUMN "项目汇总"."资金总额" IS '资金总额（万元）— income total';
COMMENT ON COLUMN "项目汇总"."半年计划执行数" IS '半年(程)计划执行数（万元）— planned spending by mid-year';
COMMENT ON COLUMN "项目汇总"."全年预算数" IS '全年(程)预算数（万元）— annual expenditure budget';
COMMENT ON COLUMN "项目汇总"."全年执行数" IS '全年执行数（万元）— amount spent in the year';
COMMENT ON COLUMN "项目汇总"."半年执行比例" IS '半年计划执行比例 — spend_half_year / spend_annual, a fraction (4 decimals)';
COMMENT ON COLUMN "项目汇总"."三级指标数" IS '三级指标数 — number of indicator rows';
COMMENT ON COLUMN "项目汇总"."定量指标数" IS '定量指标数 — indicators whose annual comparator is not 定性';
COMMENT ON COLUMN "项目汇总"."量化率" IS '量化率 — quantitative_indicators / indicators with an annual target, a fraction (4 decimals)';
COMMENT ON COLUMN "项目汇总"."错误数" IS '错误数 — error rows in form_issues';
COMMENT ON COLUMN "项目汇总"."警告数" IS '警告数 — warning rows in form_issues';
COMMENT ON COLUMN "指标明细"."项目编号" IS '项目编号 — project id';
COMMENT ON COLUMN "指标明细"."预算年度" IS '预算年度 — budget year';
COMMENT ON COLUMN "指标明细"."主管部门" IS '主管部门 — supervising department';
COMMENT ON COLUMN "指标明细"."项目名称" IS '项目名称 — project name';
COMMENT ON COLUMN "指标明细"."行号" IS '行号 — row of the indicator table';
COMMENT ON COLUMN "指标明细"."一级指标" IS '一级指标 — level-1 indicator as written';
COMMENT ON COLUMN "指标明细"."二级指标" IS '二级指标 — level-2 indicator as written';
COMMENT ON COLUMN "指标明细"."三级指标" IS '三级指标 — level-3 indicator';
COMMENT ON COLUMN "指标明细"."全年指标值" IS '全年(程)指标值 — the annual target as text, comparator first';
COMMENT ON COLUMN "指标明细"."计算符号" IS '全年计算符号 — =, ≥, ≤, >, <, 定性 or 区间';
COMMENT ON COLUMN "指标明细"."值类型" IS '全年值类型 — percent, quantity, qualitative, date or range';
COMMENT ON COLUMN "指标明细"."数值" IS '全年数值 — number as written in its unit; NULL for phrases, dates, ranges';
COMMENT ON COLUMN "指标明细"."计量单位" IS '全年计量单位 — % or the unit as written';
COMMENT ON COLUMN "指标明细"."半年指标值" IS '半年(程)指标值 — the half-year target as text';
COMMENT ON COLUMN "指标明细"."实际完成值" IS '实际完成值 — actual value reached, as text';
COMMENT ON COLUMN "指标明细"."是否达成" IS '是否达成 — perf_met(annual target, actual); NULL when undecidable or not yet reported';
COMMENT ON COLUMN "指标明细"."分值" IS '分值 — weight in self-evaluation';
COMMENT ON COLUMN "指标明细"."得分" IS '得分 — self-evaluation score';
COMMENT ON COLUMN "问题清单"."项目编号" IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN "问题清单"."预算年度" IS '预算年度 — budget year of the form';
COMMENT ON COLUMN "问题清单"."主管部门" IS '主管部门 — supervising department of the form';
COMMENT ON COLUMN "问题清单"."项目名称" IS '项目名称 — name of the form''s project';
COMMENT ON COLUMN "问题清单"."严重程度" IS '严重程度 — error or warning';
COMMENT ON COLUMN "问题清单"."规则代码" IS '规则代码 — stable code of the rule (perfbudget.issue_rule.code)';
COMMENT ON COLUMN "问题清单"."问题说明" IS '问题说明 — what is wrong, in Chinese';
COMMENT ON COLUMN "问题清单"."行号" IS '行号 — the indicator row concerned, when the problem is in one row';
COMMENT ON COLUMN "问题清单"."行政区划" IS '行政区划 — region of the form';
COMMENT ON COLUMN "部门汇总"."行政区划" IS '行政区划 — region of the department''s forms; NULL on the year''s total row';
COMMENT ON COLUMN "项目汇总"."行政区划" IS '行政区划 — region of the form, from its title line';
COMMENT ON COLUMN "项目汇总"."预算级次" IS '预算级次 — 省级 / 市级 / 县级 … from the title line';
COMMENT ON COLUMN "指标明细"."行政区划" IS '行政区划 — region of the form';
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
