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
  '由计算符号与指标值两格构造目标 — builds a target from the form''s 计算符号 and 指标值 cells; a blank or NULL symbol or 定量 keeps the value''s own comparator (= when none); 正向/反向 give ≥/≤ unless the value agrees with its own; 定性 keeps any value, a measurable one with its own sense; compatibility forms (﹦ ＜ ≧ …) fold; NULL value gives NULL; disagreeing comparators raise 22P02';

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

CREATE FUNCTION perf_grade(perf_value) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION perf_grade(perf_target) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_grade(perf_value) IS '等级 — the grade a phrase names, normalized: 优, 良, 中, 差, 合格 or 不合格 (优秀 → 优, 良好以上 → 良, 达标 → 合格); NULL for numbers, dates and other phrases';
COMMENT ON FUNCTION perf_grade(perf_target) IS '等级 — the grade a target phrase names, normalized: 优, 良, 中, 差, 合格 or 不合格 (优秀 → 优, 良好以上 → 良, 达标 → 合格); NULL for numbers, dates and other phrases';

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
  '是否达成 — does the actual meet the target? (≥, > and = met at or above; ≤, < at or below; ranges inside; dates by the deadline; a measurable value under 定性 in its own sense, a number reached, a date by the deadline; 定性 phrases by equal phrase, by grade (优 > 良 > 中 > 差, 合格 = 中 or better: the same grade or better meets) or by 达成/部分达成/未达成); NULL when undecidable';

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
