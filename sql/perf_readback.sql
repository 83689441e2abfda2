--
-- perf_readback — nothing stored that cannot be read back (issue 8, part 7):
-- the length limits, the bytes of a value read back from its text, answers
-- instead of errors from the validation functions, short quotes, and
-- scientific notation.
--
SET search_path = perfbudget, public;

-- A 59,999-byte date cell: stored, and its canonical text (longer than the
-- input, 2024-12-31 being written 2024年12月31日) reads back.
SELECT length(c) AS input_bytes, octet_length(t::text) AS output_bytes,
       t::text::perf_target = t AS reads_back,
       perf_target_send(t::text::perf_target) = perf_target_send(t) AS same_bytes
  FROM (SELECT '2024-12-31(' || repeat('a', 59987) || ')' AS c) x,
       LATERAL (SELECT c::perf_target AS t) y;
-- At the limits: 60000 bytes of text are kept, one more is refused; the
-- output of every value kept is within the input limit.
SELECT octet_length(t::text) AS output_bytes, t::text::perf_target = t AS reads_back
  FROM (VALUES ('定性 ' || repeat('好', 20000)),
               ('≥95%(' || repeat('注', 19998) || ')'),
               ('2024-12-31至2025-01-31 ' || repeat('x', 60000 - 1))) AS v(c),
       LATERAL (SELECT perf_is_valid(v.c) AS ok) o,
       LATERAL (SELECT CASE WHEN o.ok THEN v.c::perf_target END AS t) y
 WHERE o.ok;
SELECT perf_is_valid(repeat('好', 20000)) AS at_limit,
       perf_is_valid(repeat('好', 20000) || 'a') AS over_limit,
       perf_is_valid('2024-12-31(' || repeat('a', 59999) || ')') AS note_over_limit;

-- The validation functions answer on a long cell ending in a multibyte
-- character.
SELECT perf_is_valid(repeat('a', 61439) || '好') AS is_valid,
       perf_value_is_valid(repeat('a', 61439) || '好') AS value_is_valid,
       perf_input_error(repeat('a', 61439) || '好') AS why;

-- An error quotes a long cell in part and says its length.
SELECT (repeat('好', 100) || '≥')::perf_target;
SELECT perf_target('≥', repeat('好', 100) || '≤5');

-- Scientific notation is refused with a hint, not read as a range.
SELECT '1e-5'::perf_target;
SELECT '1.2E+11元'::perf_target;
SELECT perf_is_valid('1E-05%') AS percent, '1e-5e'::perf_target::text AS range_of_0_1,
       perf_kind('1e5'::perf_target) AS unsigned_exponent_of_0_1;

-- The bytes of a value equal those of the value read back from its text:
-- how a comparator was written ('95%以上', the symbol cell '=') is not kept.
SELECT v.symbol, v.value, t::text AS canonical,
       perf_target_send(t::text::perf_target) = perf_target_send(t) AS same_bytes
  FROM (VALUES ('≥', '95%以上'), ('=', '100%'), ('定性', '充分'), ('', '12月底前'),
               ('≤', '3天内完成'), ('±', '3%'), ('', '不低于95%')) AS v(symbol, value),
       LATERAL (SELECT perf_target(v.symbol, v.value) AS t) x
 ORDER BY v.symbol COLLATE "C", v.value COLLATE "C";
