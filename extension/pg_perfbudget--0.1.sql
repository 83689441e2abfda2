-- pg_perfbudget 0.1 — released; frozen: never edit (test/upgrade.sh checks its digest)
\echo Use "CREATE EXTENSION pg_perfbudget" to load this file. \quit

-- extension/parts/10_types.sql
-- Indicator types perf_value and perf_target: I/O, accessors, evaluation, operators.

-------------------------------------------------------------------- types

CREATE TYPE perf_value;
CREATE TYPE perf_target;

CREATE FUNCTION perf_value_in(cstring) RETURNS perf_value
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_value_out(perf_value) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_value_recv(internal) RETURNS perf_value
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_value_send(perf_value) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION perf_target_in(cstring) RETURNS perf_target
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_target_out(perf_target) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_target_recv(internal) RETURNS perf_target
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_target_send(perf_target) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE perf_value (
    INPUT = perf_value_in, OUTPUT = perf_value_out,
    RECEIVE = perf_value_recv, SEND = perf_value_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = int4, STORAGE = extended,
    CATEGORY = 'U'
);
CREATE TYPE perf_target (
    INPUT = perf_target_in, OUTPUT = perf_target_out,
    RECEIVE = perf_target_recv, SEND = perf_target_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = int4, STORAGE = extended,
    CATEGORY = 'U'
);

COMMENT ON TYPE perf_value IS
  '指标值 — one indicator value as written on a form, without comparator: percent, quantity (with unit), qualitative phrase, date or range';
COMMENT ON TYPE perf_target IS
  '绩效指标目标 — the pair (计算符号, 指标值) of one form cell: a comparator (=, ≥, ≤, >, <, 定性, 区间) and a perf_value';
COMMENT ON FUNCTION perf_value_in(cstring) IS 'text input of perf_value';
COMMENT ON FUNCTION perf_value_out(perf_value) IS 'canonical text output of perf_value';
COMMENT ON FUNCTION perf_value_recv(internal) IS 'binary input of perf_value (format version byte, then the stored layout)';
COMMENT ON FUNCTION perf_value_send(perf_value) IS 'binary output of perf_value';
COMMENT ON FUNCTION perf_target_in(cstring) IS 'text input of perf_target';
COMMENT ON FUNCTION perf_target_out(perf_target) IS 'canonical text output of perf_target';
COMMENT ON FUNCTION perf_target_recv(internal) IS 'binary input of perf_target (format version byte, then the stored layout)';
COMMENT ON FUNCTION perf_target_send(perf_target) IS 'binary output of perf_target';

-------------------------------------------------------------------- building and casts

CREATE FUNCTION perf_target(symbol text, value text) RETURNS perf_target
    AS 'MODULE_PATHNAME', 'perf_target_from_cells'
    LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION perf_target(text, text) IS
  '由计算符号与指标值两格构造目标 — builds a target from the form''s 计算符号 and 指标值 cells; a blank or NULL symbol keeps the value''s own comparator; NULL value gives NULL; disagreeing comparators raise 22P02';

CREATE FUNCTION perf_value_of(perf_target) RETURNS perf_value
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_value_of(perf_target) IS '目标的指标值 — the value of a target, without its comparator';

CREATE FUNCTION perf_target(perf_value) RETURNS perf_target
    AS 'MODULE_PATHNAME', 'perf_target_of_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_target(perf_value) IS
  'a value read as a target: = for numbers and dates, 定性 for phrases, 区间 for ranges';

CREATE CAST (text AS perf_value) WITH INOUT AS ASSIGNMENT;
CREATE CAST (text AS perf_target) WITH INOUT AS ASSIGNMENT;
CREATE CAST (perf_target AS perf_value) WITH FUNCTION perf_value_of(perf_target);
CREATE CAST (perf_value AS perf_target) WITH FUNCTION perf_target(perf_value);

-------------------------------------------------------------------- accessors

CREATE FUNCTION perf_symbol(perf_target) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_symbol(perf_target) IS '计算符号 — the comparator: =, ≥, ≤, >, <, 定性 or 区间';

CREATE FUNCTION perf_kind(perf_value) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_kind(perf_target) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_kind(perf_value) IS '值类型 — percent, quantity, qualitative, date or range';
COMMENT ON FUNCTION perf_kind(perf_target) IS '值类型 — percent, quantity, qualitative, date or range';

CREATE FUNCTION perf_number(perf_value) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_number(perf_target) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_number(perf_value) IS '数值 — the number as written in its unit (29.2 for 29.2万人); NULL for phrases, dates and ranges';
COMMENT ON FUNCTION perf_number(perf_target) IS '数值 — the number as written in its unit (29.2 for ≥29.2万人); NULL for phrases, dates and ranges';

CREATE FUNCTION perf_base_number(perf_value) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_base_number(perf_target) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_base_number(perf_value) IS '基本单位数值 — the number in the base unit, 万/亿/千 prefixes applied (292000 for 29.2万人)';
COMMENT ON FUNCTION perf_base_number(perf_target) IS '基本单位数值 — the number in the base unit, 万/亿/千 prefixes applied (292000 for 29.2万人)';

CREATE FUNCTION perf_unit(perf_value) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_unit(perf_target) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_unit(perf_value) IS '计量单位 — % for percentages, the unit as written for quantities (万人, 元/人·月); NULL when none';
COMMENT ON FUNCTION perf_unit(perf_target) IS '计量单位 — % for percentages, the unit as written for quantities (万人, 元/人·月); NULL when none';

CREATE FUNCTION perf_note(perf_value) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_note(perf_target) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_note(perf_value) IS '备注 — the annotation written after the value, as in ≥62%(2022年:61%); NULL when none';
COMMENT ON FUNCTION perf_note(perf_target) IS '备注 — the annotation written after the value, as in ≥62%(2022年:61%); NULL when none';

CREATE FUNCTION perf_lower(perf_value) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_lower(perf_target) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_upper(perf_value) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_upper(perf_target) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_lower(perf_value) IS '下限 — lower end of a numeric range or ± band (-3 for ±3%); the number itself for a single number';
COMMENT ON FUNCTION perf_lower(perf_target) IS '下限 — lower end of a numeric range or ± band (-3 for ±3%); the number itself for a single number';
COMMENT ON FUNCTION perf_upper(perf_value) IS '上限 — upper end of a numeric range or ± band (3 for ±3%); the number itself for a single number';
COMMENT ON FUNCTION perf_upper(perf_target) IS '上限 — upper end of a numeric range or ± band (3 for ±3%); the number itself for a single number';

CREATE FUNCTION perf_date(perf_value) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_date(perf_target) RETURNS date
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_date(perf_value) IS '日期 — the day a date value names (2023年底 → 2023-12-31); NULL when year, month or day is missing';
COMMENT ON FUNCTION perf_date(perf_target) IS '日期 — the day a date target names (≤2024年6月30日 → 2024-06-30); NULL when year, month or day is missing';

CREATE FUNCTION perf_met(target perf_target, actual perf_value) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_met(perf_target, perf_value) IS
  '是否达成 — does the actual meet the target? (≥, > and = met at or above; ≤, < at or below; ranges inside; dates by the deadline; 定性 by equal phrase or grade 达成/部分达成/未达成); NULL when undecidable';

CREATE FUNCTION perf_is_valid(value text) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_is_valid(text) IS
  '能否读作目标 — true when the text is a valid perf_target, without raising an error (pg_input_is_valid on PostgreSQL 16+ does the same)';
CREATE FUNCTION perf_value_is_valid(value text) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_value_is_valid(text) IS
  '能否读作指标值 — true when the text is a valid perf_value (no comparator), without raising an error';
CREATE FUNCTION perf_input_error(value text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_input_error(text) IS
  '输入错误说明 — why the text is not a valid perf_target (position and reason), or NULL when it is valid';

-------------------------------------------------------------------- comparison

CREATE FUNCTION perf_value_cmp(perf_value, perf_value) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_value_eq(perf_value, perf_value) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_value_ne(perf_value, perf_value) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_value_lt(perf_value, perf_value) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_value_le(perf_value, perf_value) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_value_gt(perf_value, perf_value) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_value_ge(perf_value, perf_value) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_value_hash(perf_value) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_value_hash_extended(perf_value, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION perf_target_cmp(perf_target, perf_target) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_target_eq(perf_target, perf_target) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_target_ne(perf_target, perf_target) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_target_lt(perf_target, perf_target) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_target_le(perf_target, perf_target) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_target_gt(perf_target, perf_target) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_target_ge(perf_target, perf_target) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_target_hash(perf_target) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_target_hash_extended(perf_target, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION perf_value_cmp(perf_value, perf_value) IS 'btree support: -1, 0 or 1; kinds in the order percent, quantity, date, range, qualitative; numbers in base units';
COMMENT ON FUNCTION perf_value_eq(perf_value, perf_value) IS 'implementation of = (semantic: 1万元 = 10000元)';
COMMENT ON FUNCTION perf_value_ne(perf_value, perf_value) IS 'implementation of <>';
COMMENT ON FUNCTION perf_value_lt(perf_value, perf_value) IS 'implementation of <';
COMMENT ON FUNCTION perf_value_le(perf_value, perf_value) IS 'implementation of <=';
COMMENT ON FUNCTION perf_value_gt(perf_value, perf_value) IS 'implementation of >';
COMMENT ON FUNCTION perf_value_ge(perf_value, perf_value) IS 'implementation of >=';
COMMENT ON FUNCTION perf_value_hash(perf_value) IS 'hash support, consistent with =';
COMMENT ON FUNCTION perf_value_hash_extended(perf_value, bigint) IS 'seeded 64-bit hash support, consistent with =';
COMMENT ON FUNCTION perf_target_cmp(perf_target, perf_target) IS 'btree support: the value first, then the comparator';
COMMENT ON FUNCTION perf_target_eq(perf_target, perf_target) IS 'implementation of = (same comparator, semantically equal value)';
COMMENT ON FUNCTION perf_target_ne(perf_target, perf_target) IS 'implementation of <>';
COMMENT ON FUNCTION perf_target_lt(perf_target, perf_target) IS 'implementation of <';
COMMENT ON FUNCTION perf_target_le(perf_target, perf_target) IS 'implementation of <=';
COMMENT ON FUNCTION perf_target_gt(perf_target, perf_target) IS 'implementation of >';
COMMENT ON FUNCTION perf_target_ge(perf_target, perf_target) IS 'implementation of >=';
COMMENT ON FUNCTION perf_target_hash(perf_target) IS 'hash support, consistent with =';
COMMENT ON FUNCTION perf_target_hash_extended(perf_target, bigint) IS 'seeded 64-bit hash support, consistent with =';

CREATE OPERATOR = (LEFTARG = perf_value, RIGHTARG = perf_value, PROCEDURE = perf_value_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = perf_value, RIGHTARG = perf_value, PROCEDURE = perf_value_ne,
    COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR < (LEFTARG = perf_value, RIGHTARG = perf_value, PROCEDURE = perf_value_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = perf_value, RIGHTARG = perf_value, PROCEDURE = perf_value_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = perf_value, RIGHTARG = perf_value, PROCEDURE = perf_value_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = perf_value, RIGHTARG = perf_value, PROCEDURE = perf_value_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel);

CREATE OPERATOR = (LEFTARG = perf_target, RIGHTARG = perf_target, PROCEDURE = perf_target_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = perf_target, RIGHTARG = perf_target, PROCEDURE = perf_target_ne,
    COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR < (LEFTARG = perf_target, RIGHTARG = perf_target, PROCEDURE = perf_target_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = perf_target, RIGHTARG = perf_target, PROCEDURE = perf_target_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = perf_target, RIGHTARG = perf_target, PROCEDURE = perf_target_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = perf_target, RIGHTARG = perf_target, PROCEDURE = perf_target_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel);

COMMENT ON OPERATOR = (perf_value, perf_value) IS 'equal values (1万元 = 10000元, 2023年底 = 2023年12月31日)';
COMMENT ON OPERATOR <> (perf_value, perf_value) IS 'different values';
COMMENT ON OPERATOR < (perf_value, perf_value) IS 'less than, in the btree order';
COMMENT ON OPERATOR <= (perf_value, perf_value) IS 'less than or equal, in the btree order';
COMMENT ON OPERATOR > (perf_value, perf_value) IS 'greater than, in the btree order';
COMMENT ON OPERATOR >= (perf_value, perf_value) IS 'greater than or equal, in the btree order';
COMMENT ON OPERATOR = (perf_target, perf_target) IS 'equal targets: same comparator and equal value';
COMMENT ON OPERATOR <> (perf_target, perf_target) IS 'different targets';
COMMENT ON OPERATOR < (perf_target, perf_target) IS 'less than, in the btree order';
COMMENT ON OPERATOR <= (perf_target, perf_target) IS 'less than or equal, in the btree order';
COMMENT ON OPERATOR > (perf_target, perf_target) IS 'greater than, in the btree order';
COMMENT ON OPERATOR >= (perf_target, perf_target) IS 'greater than or equal, in the btree order';

CREATE OPERATOR CLASS perf_value_ops DEFAULT FOR TYPE perf_value USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 perf_value_cmp(perf_value, perf_value);
CREATE OPERATOR CLASS perf_value_hash_ops DEFAULT FOR TYPE perf_value USING hash AS
    OPERATOR 1 =,
    FUNCTION 1 perf_value_hash(perf_value),
    FUNCTION 2 perf_value_hash_extended(perf_value, bigint);
CREATE OPERATOR CLASS perf_target_ops DEFAULT FOR TYPE perf_target USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 perf_target_cmp(perf_target, perf_target);
CREATE OPERATOR CLASS perf_target_hash_ops DEFAULT FOR TYPE perf_target USING hash AS
    OPERATOR 1 =,
    FUNCTION 1 perf_target_hash(perf_target),
    FUNCTION 2 perf_target_hash_extended(perf_target, bigint);

COMMENT ON OPERATOR CLASS perf_value_ops USING btree IS 'default btree ordering of perf_value';
COMMENT ON OPERATOR CLASS perf_value_hash_ops USING hash IS 'default hash opclass of perf_value, consistent with =';
COMMENT ON OPERATOR CLASS perf_target_ops USING btree IS 'default btree ordering of perf_target';
COMMENT ON OPERATOR CLASS perf_target_hash_ops USING hash IS 'default hash opclass of perf_target, consistent with =';

COMMENT ON CAST (text AS perf_value) IS 'reads text as a perf_value (assignment cast, so text columns and parameters store directly)';
COMMENT ON CAST (text AS perf_target) IS 'reads text as a perf_target (assignment cast, so text columns and parameters store directly)';
COMMENT ON CAST (perf_target AS perf_value) IS 'the value of a target, without its comparator (perf_value_of)';
COMMENT ON CAST (perf_value AS perf_target) IS 'a value read as a target: = for numbers and dates, 定性 for phrases, 区间 for ranges';

-- extension/parts/20_budget_rules.sql
-- Budget rules: CHECK functions (C) usable on any table, and the cross-row
-- trigger function.  Each raises SQLSTATE 23514 with a Chinese message that
-- names the form and the cell; blank (NULL) amounts count as 0.

CREATE FUNCTION check_nonnegative(form text, labels text[], amounts numeric[],
                                  constraint_name text DEFAULT NULL)
    RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION check_nonnegative(text, text[], numeric[], text) IS
  '金额非负检查 — true when every amount is a finite number ≥ 0 (NULL counts as 0); otherwise raises 23514 naming the form and the cell labelled in labels';

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
  '半年计划检查 — true when 0 ≤ 半年(程)计划执行数 ≤ 全年(程)预算数; otherwise raises 23514 naming the form and item';

CREATE FUNCTION check_expenditure_row(project_id bigint, line_no integer, item text,
                                      half_year numeric, annual numeric,
                                      constraint_name text DEFAULT NULL)
    RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION check_expenditure_row(bigint, integer, text, numeric, numeric, text) IS
  '资金分配行检查 — true when the row''s amounts are ≥ 0 and 半年 ≤ 全年; otherwise raises 23514 naming project id, line and item';

CREATE FUNCTION check_indicator_row(project_id bigint, line_no integer, indicator text,
                                    half_year_target perf_target, annual_target perf_target,
                                    constraint_name text DEFAULT NULL)
    RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION check_indicator_row(bigint, integer, text, perf_target, perf_target, text) IS
  '指标行检查 — true when each target''s comparator agrees with its value (=, ≥, ≤, >, < need a number, percentage or date) and, for cumulative quantities in one unit, the half-year target does not exceed the annual one; otherwise raises 23514';

CREATE FUNCTION expenditure_sum_trigger() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION expenditure_sum_trigger() IS
  '资金分配合计检查 — deferred constraint trigger: locks the project row, then requires Σ expenditure rows = the project''s spend_half_year and spend_annual (a project without rows is left to form_issues)';

-- extension/parts/30_tables.sql
-- The forms: one project row per 预算绩效目标申报表, its 资金分配 rows and its
-- indicator rows.  Amounts are numeric in 万元, as on the form.

CREATE TABLE project (
    id                    bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    budget_year           integer NOT NULL CHECK (budget_year BETWEEN 1990 AND 2199),
    name                  text NOT NULL CHECK (btrim(name) <> ''),
    department            text NOT NULL CHECK (btrim(department) <> ''),
    implementing_unit     text,
    reporting_unit        text,
    attribute             text,
    level                 text,
    category              text,
    start_month           date,
    end_month             date,
    manager               text,
    phone                 text,
    necessity             text,
    feasibility           text,
    content               text,
    long_term_goal        text,
    annual_goal           text,
    total                 numeric,
    fiscal_subtotal       numeric,
    general_budget        numeric,
    government_fund       numeric,
    special_account       numeric,
    state_capital         numeric,
    social_insurance_fund numeric,
    carryover             numeric,
    other_funds           numeric,
    spend_half_year       numeric,
    spend_annual          numeric,
    spend_executed        numeric,
    CONSTRAINT project_year_department_name_key UNIQUE (budget_year, department, name),
    CONSTRAINT project_amounts_nonnegative CHECK (perfbudget.check_nonnegative(name,
        '{资金总额,财政拨款小计,一般公共预算资金,政府性基金预算,财政专户管理资金,国有资本经营预算,社保基金预算,上年结转资金,其他资金,支出半年(程)计划执行数,支出全年(程)预算数,全年执行数}'::text[],
        ARRAY[total, fiscal_subtotal, general_budget, government_fund, special_account,
              state_capital, social_insurance_fund, carryover, other_funds,
              spend_half_year, spend_annual, spend_executed],
        'project_amounts_nonnegative')),
    CONSTRAINT project_fiscal_subtotal CHECK (perfbudget.check_fiscal_subtotal(name,
        fiscal_subtotal, general_budget, government_fund, special_account, state_capital,
        'project_fiscal_subtotal')),
    CONSTRAINT project_income_total CHECK (perfbudget.check_income_total(name,
        total, fiscal_subtotal, social_insurance_fund, carryover, other_funds,
        'project_income_total')),
    CONSTRAINT project_income_matches_spend CHECK (perfbudget.check_income_matches_spend(name,
        total, spend_annual, 'project_income_matches_spend')),
    CONSTRAINT project_half_year_within_annual CHECK (perfbudget.check_half_year(name,
        '支出资金总额', spend_half_year, spend_annual, 'project_half_year_within_annual'))
);

CREATE INDEX project_department_year_idx ON project (department, budget_year);

COMMENT ON TABLE project IS '预算绩效目标申报表 — one budget performance target declaration form (one project of one department in one budget year); amounts in 万元';
COMMENT ON COLUMN project.id IS '项目编号 — generated key';
COMMENT ON COLUMN project.budget_year IS '预算年度 — budget year, e.g. 2024';
COMMENT ON COLUMN project.name IS '项目名称 — project name';
COMMENT ON COLUMN project.department IS '主管部门 — supervising department';
COMMENT ON COLUMN project.implementing_unit IS '实施单位 — implementing unit';
COMMENT ON COLUMN project.reporting_unit IS '填报单位 — reporting unit (who filled in the form)';
COMMENT ON COLUMN project.attribute IS '项目属性 — 常年安排 / 分年安排 / 一次性安排';
COMMENT ON COLUMN project.level IS '项目级次 — e.g. 市本级';
COMMENT ON COLUMN project.category IS '项目类别 — 其他运转类 / 特定目标类 / 转移支付';
COMMENT ON COLUMN project.start_month IS '开始时间 — start month (first day of the month)';
COMMENT ON COLUMN project.end_month IS '完成时间 — completion month (first day of the month)';
COMMENT ON COLUMN project.manager IS '项目负责人 — project manager';
COMMENT ON COLUMN project.phone IS '联系电话 — contact telephone';
COMMENT ON COLUMN project.necessity IS '立项必要性 — why the project is needed';
COMMENT ON COLUMN project.feasibility IS '实施可行性 — why it can be carried out';
COMMENT ON COLUMN project.content IS '项目实施内容 — what will be done';
COMMENT ON COLUMN project.long_term_goal IS '中长期目标 — medium and long-term goal';
COMMENT ON COLUMN project.annual_goal IS '年度目标 — goal for the budget year';
COMMENT ON COLUMN project.total IS '资金总额（万元）— income total, all funding sources';
COMMENT ON COLUMN project.fiscal_subtotal IS '财政拨款小计（万元）— fiscal appropriation subtotal';
COMMENT ON COLUMN project.general_budget IS '一般公共预算资金（万元）— general public budget funds';
COMMENT ON COLUMN project.government_fund IS '政府性基金预算（万元）— government fund budget';
COMMENT ON COLUMN project.special_account IS '财政专户管理资金（万元）— funds in fiscal special accounts';
COMMENT ON COLUMN project.state_capital IS '国有资本经营预算（万元）— state capital operation budget';
COMMENT ON COLUMN project.social_insurance_fund IS '社保基金预算（万元）— social insurance fund budget';
COMMENT ON COLUMN project.carryover IS '上年结转资金（万元）— carried over from the previous year';
COMMENT ON COLUMN project.other_funds IS '其他资金（万元）— other funds';
COMMENT ON COLUMN project.spend_half_year IS '支出资金总额·半年(程)计划执行数（万元）— planned spending by mid-year';
COMMENT ON COLUMN project.spend_annual IS '支出资金总额·全年(程)预算数（万元）— annual expenditure budget';
COMMENT ON COLUMN project.spend_executed IS '全年执行数（万元）— amount actually spent in the year, for self-evaluation';

CREATE TABLE expenditure (
    project_id bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    line_no    integer NOT NULL CHECK (line_no > 0),
    item       text NOT NULL CHECK (btrim(item) <> ''),
    half_year  numeric,
    annual     numeric,
    PRIMARY KEY (project_id, line_no),
    CONSTRAINT expenditure_row_amounts CHECK (perfbudget.check_expenditure_row(project_id,
        line_no, item, half_year, annual, 'expenditure_row_amounts'))
);

COMMENT ON TABLE expenditure IS '资金分配 — expenditure rows of a form, in 万元; their sums must equal the project''s expenditure totals (checked at commit)';
COMMENT ON COLUMN expenditure.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN expenditure.line_no IS '行号 — position of the row on the form, from 1';
COMMENT ON COLUMN expenditure.item IS '资金分配项目 — expenditure item, e.g. 办公费';
COMMENT ON COLUMN expenditure.half_year IS '半年(程)计划执行数（万元）— planned spending by mid-year';
COMMENT ON COLUMN expenditure.annual IS '全年(程)预算数（万元）— annual budget of the item';

CREATE CONSTRAINT TRIGGER expenditure_matches_total
    AFTER INSERT OR UPDATE OR DELETE ON expenditure
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION expenditure_sum_trigger();
CREATE CONSTRAINT TRIGGER project_total_matches_expenditure
    AFTER UPDATE OF spend_half_year, spend_annual ON project
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION expenditure_sum_trigger();

CREATE TABLE indicator (
    project_id       bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    line_no          integer NOT NULL CHECK (line_no > 0),
    level1           text,
    level2           text,
    level3           text NOT NULL CHECK (btrim(level3) <> ''),
    half_year_target perf_target,
    annual_target    perf_target,
    actual           perf_value,
    weight           numeric CHECK (weight >= 0),
    score            numeric,
    deviation_note   text,
    PRIMARY KEY (project_id, line_no),
    CONSTRAINT indicator_targets CHECK (perfbudget.check_indicator_row(project_id,
        line_no, level3, half_year_target, annual_target, 'indicator_targets'))
);

CREATE INDEX indicator_level_idx ON indicator (level1, level2);

COMMENT ON TABLE indicator IS '绩效指标 — one row of a form''s three-level indicator table, with its targets and, at year end, the actual value and score';
COMMENT ON COLUMN indicator.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN indicator.line_no IS '行号 — position of the row in the indicator table, from 1';
COMMENT ON COLUMN indicator.level1 IS '一级指标 — level-1 indicator, e.g. 产出指标';
COMMENT ON COLUMN indicator.level2 IS '二级指标 — level-2 indicator, e.g. 数量指标';
COMMENT ON COLUMN indicator.level3 IS '三级指标 — level-3 indicator (the measured item)';
COMMENT ON COLUMN indicator.half_year_target IS '半年(程)指标值 — half-year target with its 计算符号; NULL when blank';
COMMENT ON COLUMN indicator.annual_target IS '全年(程)指标值 — annual target with its 计算符号';
COMMENT ON COLUMN indicator.actual IS '实际完成值 — actual value reached, for self-evaluation';
COMMENT ON COLUMN indicator.weight IS '分值 — weight of the indicator in self-evaluation (points)';
COMMENT ON COLUMN indicator.score IS '得分 — self-evaluation score (points)';
COMMENT ON COLUMN indicator.deviation_note IS '偏差原因 — explanation of a deviation from the target';

SELECT pg_catalog.pg_extension_config_dump('project', '');
SELECT pg_catalog.pg_extension_config_dump('project_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('expenditure', '');
SELECT pg_catalog.pg_extension_config_dump('indicator', '');

COMMENT ON INDEX project_department_year_idx IS 'roll-ups by 主管部门 and year';
COMMENT ON INDEX indicator_level_idx IS 'coverage and review queries by 一级/二级指标';
COMMENT ON TRIGGER expenditure_matches_total ON expenditure IS
  '资金分配合计 = 支出资金总额, checked at commit (deferred) after locking the project row';
COMMENT ON TRIGGER project_total_matches_expenditure ON project IS
  'the same check when a project''s expenditure totals change';
COMMENT ON CONSTRAINT project_year_department_name_key ON project IS 'one form per project name, department and budget year';
COMMENT ON CONSTRAINT project_amounts_nonnegative ON project IS '金额非负: every amount is a finite number ≥ 0';
COMMENT ON CONSTRAINT project_fiscal_subtotal ON project IS '财政拨款小计 = 一般公共预算资金 + 政府性基金预算 + 财政专户管理资金 + 国有资本经营预算';
COMMENT ON CONSTRAINT project_income_total ON project IS '资金总额 = 财政拨款小计 + 社保基金预算 + 上年结转资金 + 其他资金';
COMMENT ON CONSTRAINT project_income_matches_spend ON project IS '收入资金总额 = 支出全年(程)预算数';
COMMENT ON CONSTRAINT project_half_year_within_annual ON project IS '0 ≤ 支出半年(程)计划执行数 ≤ 全年(程)预算数';
COMMENT ON CONSTRAINT expenditure_row_amounts ON expenditure IS '资金分配行: amounts ≥ 0 and 半年 ≤ 全年';
COMMENT ON CONSTRAINT indicator_targets ON indicator IS '指标行: comparator agrees with the value; half-year ≤ annual for cumulative quantities';

-- extension/parts/40_form_issues.sql
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

-- extension/parts/50_import.sql
-- Import and export of whole forms: the text departments send (C reader),
-- and a lossless JSON layout.

CREATE FUNCTION import_form(doc text, replace boolean DEFAULT false) RETURNS SETOF bigint
    AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION import_form(text, boolean) IS
  '导入申报表 — reads a document of one or more 预算绩效目标申报表 (text extracted from PDF: tab-separated cells, checkbox markup, shifted indicator cells) and stores each form; returns the new project ids in document order. All or nothing; a form already stored (same year, department, name) is an error unless replace is true, which replaces it';

CREATE FUNCTION form_json(project_id bigint) RETURNS jsonb
    LANGUAGE SQL STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT to_jsonb(p)
           || jsonb_build_object(
                'expenditure',
                coalesce((SELECT jsonb_agg(to_jsonb(e) - 'project_id' ORDER BY e.line_no)
                          FROM perfbudget.expenditure e WHERE e.project_id = p.id), '[]'::jsonb),
                'indicators',
                coalesce((SELECT jsonb_agg(to_jsonb(i) - 'project_id' ORDER BY i.line_no)
                          FROM perfbudget.indicator i WHERE i.project_id = p.id), '[]'::jsonb))
    FROM perfbudget.project p
    WHERE p.id = form_json.project_id;
END;
COMMENT ON FUNCTION form_json(bigint) IS
  '申报表 JSON — one form as JSON: every project column, "expenditure" (rows in order) and "indicators" (rows in order, targets as their canonical text); import_form_json reads it back';

CREATE FUNCTION import_form_json(doc jsonb) RETURNS bigint
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
        carryover, other_funds, spend_half_year, spend_annual, spend_executed)
    SELECT r.budget_year, r.name, r.department, r.implementing_unit, r.reporting_unit,
        r.attribute, r.level, r.category, r.start_month, r.end_month, r.manager, r.phone,
        r.necessity, r.feasibility, r.content, r.long_term_goal, r.annual_goal, r.total,
        r.fiscal_subtotal, r.general_budget, r.government_fund, r.special_account,
        r.state_capital, r.social_insurance_fund, r.carryover, r.other_funds,
        r.spend_half_year, r.spend_annual, r.spend_executed
    FROM jsonb_populate_record(NULL::perfbudget.project, doc) r
    RETURNING id INTO new_id;

    INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual)
    SELECT new_id, e.line_no, e.item, e.half_year, e.annual
    FROM jsonb_populate_recordset(NULL::perfbudget.expenditure,
                                  coalesce(doc -> 'expenditure', '[]')) e;

    INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3,
        half_year_target, annual_target, actual, weight, score, deviation_note)
    SELECT new_id, i.line_no, i.level1, i.level2, i.level3, i.half_year_target,
        i.annual_target, i.actual, i.weight, i.score, i.deviation_note
    FROM jsonb_populate_recordset(NULL::perfbudget.indicator,
                                  coalesce(doc -> 'indicators', '[]')) i;
    RETURN new_id;
END
$$;
COMMENT ON FUNCTION import_form_json(jsonb) IS
  '从 JSON 导入申报表 — stores a form in the layout of perfbudget.form_json (the "id" key is ignored: a new id is generated) and returns its id; unknown keys are an error';

-- extension/parts/60_rollups.sql
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

CREATE VIEW project_summary WITH (security_invoker = true) AS
SELECT p.id AS project_id, p.budget_year, p.department, p.name AS project_name,
       p.implementing_unit, p.category,
       p.total, p.fiscal_subtotal, p.general_budget, p.government_fund, p.special_account,
       p.state_capital, p.social_insurance_fund, p.carryover, p.other_funds,
       p.spend_half_year, p.spend_annual, p.spend_executed,
       round(p.spend_half_year / nullif(p.spend_annual, 0), 4) AS half_year_ratio,
       coalesce(e.items, 0) AS expenditure_items,
       coalesce(i.indicators, 0) AS indicators,
       coalesce(i.quantitative_indicators, 0) AS quantitative_indicators,
       i.quantitative_share,
       coalesce(s.issues_error, 0) AS issues_error,
       coalesce(s.issues_warning, 0) AS issues_warning
FROM perfbudget.project p
LEFT JOIN (SELECT project_id, count(*) AS items FROM perfbudget.expenditure GROUP BY project_id) e
       ON e.project_id = p.id
LEFT JOIN (SELECT project_id, count(*) AS indicators,
                  count(*) FILTER (WHERE perfbudget.perf_symbol(annual_target) <> '定性')
                      AS quantitative_indicators,
                  perfbudget.quantitative_share(annual_target) AS quantitative_share
           FROM perfbudget.indicator GROUP BY project_id) i
       ON i.project_id = p.id
LEFT JOIN (SELECT project_id, count(*) FILTER (WHERE severity = 'error') AS issues_error,
                  count(*) FILTER (WHERE severity = 'warning') AS issues_warning
           FROM perfbudget.form_issues GROUP BY project_id) s
       ON s.project_id = p.id;

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

CREATE VIEW department_summary WITH (security_invoker = true) AS
WITH money AS (
    SELECT p.budget_year, p.department, grouping(p.department) = 1 AS is_total,
           count(*) AS projects,
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
           perfbudget.funding_sum(p.spend_annual) AS spend_annual
    FROM perfbudget.project p
    GROUP BY GROUPING SETS ((p.budget_year, p.department), (p.budget_year))
), ind AS (
    SELECT p.budget_year, p.department, grouping(p.department) = 1 AS is_total,
           count(*) AS indicators,
           count(*) FILTER (WHERE perfbudget.perf_symbol(i.annual_target) <> '定性')
               AS quantitative_indicators,
           perfbudget.quantitative_share(i.annual_target) AS quantitative_share
    FROM perfbudget.indicator i JOIN perfbudget.project p ON p.id = i.project_id
    GROUP BY GROUPING SETS ((p.budget_year, p.department), (p.budget_year))
), iss AS (
    SELECT budget_year, department, grouping(department) = 1 AS is_total,
           count(*) FILTER (WHERE severity = 'error') AS issues_error,
           count(*) FILTER (WHERE severity = 'warning') AS issues_warning
    FROM perfbudget.form_issues
    GROUP BY GROUPING SETS ((budget_year, department), (budget_year))
)
SELECT m.budget_year,
       CASE WHEN m.is_total THEN NULL ELSE m.department END AS department,
       m.is_total, m.projects, m.total, m.fiscal_subtotal, m.general_budget,
       m.government_fund, m.special_account, m.state_capital, m.social_insurance_fund,
       m.carryover, m.other_funds, m.spend_half_year, m.spend_annual,
       round(m.spend_half_year / nullif(m.spend_annual, 0), 4) AS half_year_ratio,
       coalesce(i.indicators, 0) AS indicators,
       coalesce(i.quantitative_indicators, 0) AS quantitative_indicators,
       i.quantitative_share,
       coalesce(s.issues_error, 0) AS issues_error,
       coalesce(s.issues_warning, 0) AS issues_warning
FROM money m
LEFT JOIN ind i ON i.budget_year = m.budget_year AND i.is_total = m.is_total
               AND i.department IS NOT DISTINCT FROM m.department
LEFT JOIN iss s ON s.budget_year = m.budget_year AND s.is_total = m.is_total
               AND s.department IS NOT DISTINCT FROM m.department;

COMMENT ON VIEW department_summary IS '部门汇总 — one row per budget year and 主管部门, plus a total row per year (is_total, department NULL): projects, money by source (万元), half-year plan, indicators and issues';
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
       i.weight, i.score, i.deviation_note
FROM perfbudget.indicator i JOIN perfbudget.project p ON p.id = i.project_id;

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

CREATE VIEW department_review WITH (security_invoker = true) AS
WITH groups AS (
    SELECT budget_year, department, fingerprint, count(*) AS n
    FROM perfbudget.indicator_set GROUP BY budget_year, department, fingerprint
)
SELECT s.budget_year, s.department, s.projects,
       coalesce(g.largest_identical_set, 0) AS largest_identical_set,
       coalesce(g.projects_sharing_set, 0) AS projects_sharing_set,
       s.indicators,
       round(1 - s.quantitative_share, 4) AS qualitative_share
FROM perfbudget.department_summary s
LEFT JOIN (SELECT budget_year, department, max(n) AS largest_identical_set,
                  sum(n) FILTER (WHERE n > 1) AS projects_sharing_set
           FROM groups GROUP BY budget_year, department) g
       ON g.budget_year = s.budget_year AND g.department = s.department
WHERE NOT s.is_total;

COMMENT ON VIEW department_review IS '指标质量审查 — per department and year: how many projects share an identical set of 产出/效益/满意度 indicators (boilerplate) and the share of qualitative indicators';
COMMENT ON COLUMN department_review.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN department_review.department IS '主管部门 — supervising department';
COMMENT ON COLUMN department_review.projects IS '项目数 — number of forms';
COMMENT ON COLUMN department_review.largest_identical_set IS '最大雷同组 — the largest number of projects sharing one identical indicator set';
COMMENT ON COLUMN department_review.projects_sharing_set IS '雷同项目数 — projects whose indicator set is identical to at least one other project''s';
COMMENT ON COLUMN department_review.indicators IS '三级指标数 — number of indicator rows';
COMMENT ON COLUMN department_review.qualitative_share IS '定性指标占比 — 1 − quantitative share, a fraction (4 decimals)';

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
       quantitative_share AS "量化率", issues_error AS "错误数", issues_warning AS "警告数"
FROM perfbudget.department_summary;
COMMENT ON VIEW "部门汇总" IS 'department_summary with Chinese column names, for BI users who want Chinese headers';

CREATE VIEW "项目汇总" WITH (security_invoker = true) AS
SELECT project_id AS "项目编号", budget_year AS "预算年度", department AS "主管部门",
       project_name AS "项目名称", implementing_unit AS "实施单位", category AS "项目类别",
       total AS "资金总额", spend_half_year AS "半年计划执行数", spend_annual AS "全年预算数",
       spend_executed AS "全年执行数", half_year_ratio AS "半年执行比例",
       indicators AS "三级指标数", quantitative_indicators AS "定量指标数",
       quantitative_share AS "量化率", issues_error AS "错误数", issues_warning AS "警告数"
FROM perfbudget.project_summary;
COMMENT ON VIEW "项目汇总" IS 'project_summary with Chinese column names';

CREATE VIEW "指标明细" WITH (security_invoker = true) AS
SELECT project_id AS "项目编号", budget_year AS "预算年度", department AS "主管部门",
       project_name AS "项目名称", line_no AS "行号", level1 AS "一级指标",
       level2 AS "二级指标", level3 AS "三级指标", annual_text AS "全年指标值",
       annual_symbol AS "计算符号", annual_kind AS "值类型", annual_number AS "数值",
       annual_unit AS "计量单位", half_year_text AS "半年指标值", actual_text AS "实际完成值",
       met AS "是否达成", weight AS "分值", score AS "得分"
FROM perfbudget.indicator_detail;
COMMENT ON VIEW "指标明细" IS 'indicator_detail with Chinese column names';

CREATE VIEW "问题清单" WITH (security_invoker = true) AS
SELECT project_id AS "项目编号", budget_year AS "预算年度", department AS "主管部门",
       project_name AS "项目名称", severity AS "严重程度", code AS "规则代码",
       message AS "问题说明", line_no AS "行号"
FROM perfbudget.form_issues;
COMMENT ON VIEW "问题清单" IS 'form_issues with Chinese column names';

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
