--
-- perf_invalid — inputs that are not indicator cells.
--
-- Each raises SQLSTATE 22P02 with the message
--   invalid input syntax for type perf_target: "<input>"
-- a DETAIL naming the position and what was expected there, and a HINT with
-- an accepted example.  A handful are shown in full, then the whole table.
--
SET search_path = perfbudget, public;

-- blank and a comparator with nothing after it
SELECT ''::perf_target;
SELECT '   '::perf_target;
SELECT '≥'::perf_target;
-- template placeholders
SELECT '≥**人'::perf_target;
SELECT '**%'::perf_target;
SELECT '××人'::perf_target;
-- OCR damage
SELECT '二100百分比'::perf_target;
SELECT '%=99百分比'::perf_target;
-- a comparator inside a phrase
SELECT '满意度≥95%'::perf_target;
-- numbers
SELECT '1,23'::perf_target;
SELECT '95%%'::perf_target;
-- dates
SELECT '2024年13月'::perf_target;
SELECT '2024年12月32日'::perf_target;
-- ranges
SELECT '95%-'::perf_target;
-- prefix and suffix disagree
SELECT '≥95%以下'::perf_target;
-- perf_value refuses a written comparator
SELECT '≥95%'::perf_value;
SELECT '95%以上'::perf_value;
-- two cells that disagree, or an unknown symbol cell
SELECT perf_target('≥', '≤95%');
SELECT perf_target('<', '95%以上');
SELECT perf_target('大约', '95%');
SELECT perf_target('≥', '');
-- in a table column
CREATE TEMP TABLE target_column (t perf_target);
INSERT INTO target_column VALUES ('≥**人');
COPY target_column FROM STDIN;
≥95%
≥**%
\.
SELECT count(*) FROM target_column;

CREATE TEMP TABLE invalid_input (id int PRIMARY KEY, input text NOT NULL);
INSERT INTO invalid_input VALUES
  -- blank
  (1, ''),
  (2, '   '),
  (3, '　'),
  -- comparator alone
  (4, '≥'),
  (5, '>='),
  (6, '≤'),
  (7, '='),
  (8, '±'),
  (9, '≥ '),
  (10, '＞＝'),
  -- placeholders
  (11, '≥**人'),
  (12, '**%'),
  (13, '××人'),
  (14, '≥**%'),
  (15, '**'),
  (16, '≥***'),
  (17, '≤**万元'),
  (18, '×%'),
  -- OCR damage
  (19, '二100百分比'),
  (20, '%=99百分比'),
  (21, '一95%'),
  (22, '%95'),
  (23, '95%%'),
  (24, '95％%'),
  (25, '95百分比%'),
  (26, '95%百分比'),
  (27, '100百分比百分比'),
  -- comparator inside a phrase or doubled
  (28, '满意度≥95%'),
  (29, '达成率>=90%'),
  (30, '满意度 ≥ 95%'),
  (31, '≥≥95%'),
  (32, '≥=95%'),
  (33, '≥<95%'),
  (34, '95≥%'),
  (35, '95%≥'),
  -- thousands separators
  (36, '1,23'),
  (37, '1,2345'),
  (38, ',123'),
  (39, '1,,234'),
  (40, '12,34,567'),
  (41, '1234,567'),
  (42, '1,234.5,6'),
  (43, '1,234,56人'),
  -- too many digits
  (44, '1234567890123456789'),
  (45, '1234567890123456789%'),
  (46, '0.1234567890123456789'),
  (47, '12345678901234567.89'),
  (48, '1,234,567,890,123,456,789元'),
  -- dates out of range
  (49, '2024年13月'),
  (50, '2024年12月32日'),
  (51, '13月底'),
  (52, '2024年0月'),
  (53, '2024年12月0日'),
  (54, '2023年2月29日'),
  (55, '2024年4月31日'),
  (56, '2024-13-01'),
  (57, '2024-12-32'),
  -- incomplete ranges
  (58, '95%-'),
  (59, '90%-'),
  (60, '90%--'),
  (61, '90%至'),
  (62, '-'),
  (63, '%'),
  (64, '-%'),
  (65, '90%-100元'),
  (66, '2024年12月31日-95%'),
  -- contradictions
  (67, '≥95%以下'),
  (68, '不低于95%以下'),
  (69, '≤95%以上'),
  (70, '>95%以下'),
  (71, '95%以上以下'),
  (72, '＞＝95%以下'),
  (73, '不超过95%以上'),
  (74, '2024年12月31日前以上'),
  (75, '95%以上以上')
;

-- The error of one input as one row (SQLSTATE, message, detail, hint).
CREATE FUNCTION pg_temp.input_error(input text, typ text,
                                    OUT state text, OUT message text,
                                    OUT detail text, OUT hint text)
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SELECT %L::perfbudget.%I', input, typ);
    state := 'none';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE,
                            message = MESSAGE_TEXT,
                            detail = PG_EXCEPTION_DETAIL,
                            hint = PG_EXCEPTION_HINT;
END
$$;

SELECT count(*) >= 50 AS enough FROM invalid_input;

-- Neither type accepts any of them, and the validity functions say so
-- without raising.
SELECT id, input, perf_is_valid(input) AS target_ok,
       perf_value_is_valid(input) AS value_ok
  FROM invalid_input
 ORDER BY id;

-- Every error: 22P02, the message quoting the input, a detail that names
-- the position and what was expected there, and a hint.
SELECT i.id, i.input, e.state,
       e.message = format('invalid input syntax for type perf_target: "%s"',
                          i.input) AS message_ok,
       e.detail ~ '^At character [0-9]+: .+; expected .+' AS detail_ok,
       e.hint <> '' AS has_hint
  FROM invalid_input i, LATERAL pg_temp.input_error(i.input, 'perf_target') e
 ORDER BY i.id;

SELECT e.state, count(*),
       count(*) FILTER (WHERE e.message = format(
           'invalid input syntax for type perf_value: "%s"', i.input)
           AND e.detail <> '' AND e.hint <> '') AS complete
  FROM invalid_input i, LATERAL pg_temp.input_error(i.input, 'perf_value') e
 GROUP BY e.state;
