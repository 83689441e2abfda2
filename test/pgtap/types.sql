--
-- test/pgtap/types.sql — behaviour of perf_target and perf_value (pg_prove).
--
-- Errors by SQLSTATE, round trips over a generated set, binary COPY round
-- trip and bad binary input, hash consistent with equality, a total btree
-- order, the two-cell constructor and perf_met truth tables.
--
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS pg_perfbudget;
SET search_path = perfbudget, public;
BEGIN;
SELECT plan(135);

-- ---- catalog ----
SELECT has_type('perfbudget', 'perf_target', 'type perf_target exists');
SELECT has_type('perfbudget', 'perf_value', 'type perf_value exists');
SELECT has_function('perfbudget', 'perf_target', ARRAY['text', 'text']);
SELECT has_function('perfbudget', 'perf_symbol', ARRAY['perf_target']);
SELECT has_function('perfbudget', 'perf_value_of', ARRAY['perf_target']);
SELECT has_function('perfbudget', 'perf_kind', ARRAY['perf_target']);
SELECT has_function('perfbudget', 'perf_kind', ARRAY['perf_value']);
SELECT has_function('perfbudget', 'perf_number', ARRAY['perf_target']);
SELECT has_function('perfbudget', 'perf_number', ARRAY['perf_value']);
SELECT has_function('perfbudget', 'perf_unit', ARRAY['perf_target']);
SELECT has_function('perfbudget', 'perf_unit', ARRAY['perf_value']);
SELECT has_function('perfbudget', 'perf_base_number', ARRAY['perf_target']);
SELECT has_function('perfbudget', 'perf_base_number', ARRAY['perf_value']);
SELECT has_function('perfbudget', 'perf_met', ARRAY['perf_target', 'perf_value']);
SELECT has_function('perfbudget', 'perf_is_valid', ARRAY['text']);
SELECT has_function('perfbudget', 'perf_value_is_valid', ARRAY['text']);
SELECT is((SELECT count(*)::int FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
            WHERE c.opcintype = 'perfbudget.perf_target'::regtype AND c.opcdefault
              AND a.amname IN ('btree', 'hash')), 2,
          'perf_target has default btree and hash operator classes');
SELECT is((SELECT count(*)::int FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
            WHERE c.opcintype = 'perfbudget.perf_value'::regtype AND c.opcdefault
              AND a.amname IN ('btree', 'hash')), 2,
          'perf_value has default btree and hash operator classes');
SELECT ok((SELECT oprcanhash AND oprcanmerge FROM pg_operator
            WHERE oprname = '=' AND oprleft = 'perfbudget.perf_target'::regtype
              AND oprright = 'perfbudget.perf_target'::regtype),
          'perf_target = is HASHES and MERGES');

-- ---- invalid text input: 22P02 with the input quoted ----
SELECT throws_ok($$SELECT ''::perf_target$$, '22P02',
    'invalid input syntax for type perf_target: ""', 'empty text');
SELECT throws_ok($$SELECT '   '::perf_target$$, '22P02', NULL, 'blank text');
SELECT throws_ok($$SELECT '≥'::perf_target$$, '22P02',
    'invalid input syntax for type perf_target: "≥"', 'a comparator alone');
SELECT throws_ok($$SELECT '≥**人'::perf_target$$, '22P02',
    'invalid input syntax for type perf_target: "≥**人"', 'template placeholder ≥**人');
SELECT throws_ok($$SELECT '**%'::perf_target$$, '22P02', NULL, 'template placeholder **%');
SELECT throws_ok($$SELECT '××人'::perf_target$$, '22P02', NULL, 'template placeholder ××人');
SELECT throws_ok($$SELECT '二100百分比'::perf_target$$, '22P02',
    'invalid input syntax for type perf_target: "二100百分比"', 'OCR damage 二100百分比');
SELECT throws_ok($$SELECT '%=99百分比'::perf_target$$, '22P02', NULL, 'OCR damage %=99百分比');
SELECT throws_ok($$SELECT '满意度≥95%'::perf_target$$, '22P02', NULL,
    'a comparator inside a phrase');
SELECT throws_ok($$SELECT '1,23'::perf_target$$, '22P02', NULL, 'bad thousands separator');
SELECT throws_ok($$SELECT '1234567890123456789'::perf_target$$, '22P02', NULL,
    'more than 18 digits');
SELECT throws_ok($$SELECT '2024年13月'::perf_target$$, '22P02', NULL, 'month 13');
SELECT throws_ok($$SELECT '2024年12月32日'::perf_target$$, '22P02', NULL, 'day 32');
SELECT throws_ok($$SELECT '95%%'::perf_target$$, '22P02', NULL, 'doubled percent sign');
SELECT throws_ok($$SELECT '95%-'::perf_target$$, '22P02', NULL, 'range without upper end');
SELECT throws_ok($$SELECT '≥95%以下'::perf_target$$, '22P02', NULL,
    'prefix and suffix disagree');
SELECT throws_ok($$SELECT '1,,234'::perf_target$$, '22P02', NULL,
    'an empty thousands group');
SELECT throws_ok($$SELECT '95%百分比'::perf_target$$, '22P02', NULL,
    'a doubled percent marker');
SELECT throws_ok($$SELECT '90%至'::perf_target$$, '22P02', NULL,
    'a range written with 至 but no upper end');
SELECT throws_ok($$SELECT '95%以上以下'::perf_target$$, '22P02', NULL,
    'two suffixes that disagree');
SELECT throws_ok($$SELECT '2024年12月31日前以上'::perf_target$$, '22P02', NULL,
    'a deadline with a contradicting suffix');
SELECT throws_ok($$SELECT '95%以上以上'::perf_target$$, '22P02', NULL,
    'a repeated suffix is refused');
SELECT throws_ok($$SELECT '≥95%'::perf_value$$, '22P02',
    'invalid input syntax for type perf_value: "≥95%"', 'perf_value refuses a comparator');
SELECT throws_ok($$SELECT '95%以上'::perf_value$$, '22P02', NULL,
    'perf_value refuses a comparator suffix');
SELECT throws_ok($$SELECT '××人'::perf_value$$, '22P02', NULL,
    'perf_value refuses a placeholder');

-- ---- perf_target(symbol, value) ----
SELECT throws_ok($$SELECT perf_target('≥', '≤95%')$$, '22P02', NULL,
    'perf_target(≥, ≤95%) is a contradiction');
SELECT throws_ok($$SELECT perf_target('大约', '95%')$$, '22P02', NULL,
    'perf_target with an unknown symbol cell');
SELECT is(perf_target('≥', '95%')::text, '≥95%', 'perf_target(≥, 95%)');
SELECT is(perf_target('≥', '≥95%')::text, '≥95%', 'perf_target(≥, ≥95%)');
SELECT is(perf_target('>=', '95%以上')::text, '≥95%', 'perf_target(>=, 95%以上)');
SELECT is(perf_target('定性', '充分')::text, '充分', 'perf_target(定性, 充分)');
SELECT is(ARRAY[perf_symbol(t), perf_kind(t), t::text],
          ARRAY['定性', 'percent', '定性 100%'], 'perf_target(定性, 100%) is kept')
  FROM (SELECT perf_target('定性', '100%') AS t) s;
SELECT is(ARRAY[perf_symbol(t), perf_kind(t)], ARRAY['区间', 'range'],
          'perf_target(±, 3%) is a band')
  FROM (SELECT perf_target('±', '3%') AS t) s;
SELECT is(perf_target('±', '3%'), '±3%'::perf_target, 'perf_target(±, 3%) = ±3%');
SELECT is(perf_symbol(perf_target('=', '90%-100%')), '区间', 'perf_target(=, 90%-100%)');
SELECT is(perf_symbol(perf_target('', '95%')), '=', 'blank symbol cell, number');
SELECT is(perf_symbol(perf_target(NULL, '充分')), '定性', 'NULL symbol cell, phrase');
SELECT is(perf_target('≥', NULL), NULL, 'NULL value cell gives NULL');
SELECT lives_ok($$SELECT perf_target('≥', '充分')$$,
    'perf_target(≥, 充分) is accepted (validation flags it)');
SELECT is(perf_target('≦', '5%'), '≤5%'::perf_target, 'full-width symbol cell ≦');
SELECT is(perf_target('不低于', '95%'), '≥95%'::perf_target, 'word symbol cell 不低于');

-- ---- parts ----
SELECT is(ARRAY[perf_number(t)::text, perf_unit(t), perf_base_number(t)::text],
          ARRAY['29.2', '万人', '292000'], 'parts of 29.2万人')
  FROM (SELECT '29.2万人'::perf_target AS t) s;
SELECT is(perf_number('95百分比'::perf_value), 95::numeric, 'perf_number(95百分比)');
SELECT is(perf_unit('充分'::perf_value), NULL, 'a phrase has no unit');
SELECT is(perf_number('充分'::perf_value), NULL, 'a phrase has no number');
SELECT is('7,548,150'::perf_target::text, '7548150', 'thousands separators dropped');
SELECT is('≥62%(2022年:61%)'::perf_target::text, '≥62%(2022年:61%)', 'note kept');
SELECT is('95%以上'::perf_target::text, '≥95%', 'suffix comparator moves to the front');
SELECT is('100.00%'::perf_target::text, '100.00%', 'digits as written');

-- ---- round trips over a generated set ----
CREATE TEMP TABLE gen (id serial, src text);
INSERT INTO gen (src)
SELECT s || n || u
  FROM unnest(ARRAY['', '≥', '≤', '>', '<', '=', '＞＝', '不低于', '不超过', '超过']) s,
       unnest(ARRAY['0', '1', '95', '99.5', '100.00', '1,234', '7,548,150',
                    '0.001', '123456789012345678']) n,
       unnest(ARRAY['%', '百分比', '个', '万元', '元/人·月', '万人次', '', '亿元']) u;
INSERT INTO gen (src)
SELECT n || u || w
  FROM unnest(ARRAY['1', '95', '12.5']) n,
       unnest(ARRAY['%', '人', '千万元']) u,
       unnest(ARRAY['以上', '及以上', '以下', '以内']) w;
INSERT INTO gen (src)
SELECT y || '年' || m || '月' || d
  FROM generate_series(2020, 2025) y, generate_series(1, 12) m,
       unnest(ARRAY['', '底', '1日', '15日', '28日', '底前']) d;
INSERT INTO gen (src)
SELECT y || '年底' FROM generate_series(2018, 2030) y;
INSERT INTO gen (src)
SELECT lo || '%-' || hi || '%'
  FROM unnest(ARRAY[0, 50, 80, 90]) lo, unnest(ARRAY[95, 100]) hi;
INSERT INTO gen (src)
SELECT '±' || n || u FROM unnest(ARRAY['1', '3', '10', '0.5']) n,
                          unnest(ARRAY['%', '%以内', '万元']) u;
-- 定性 over every kind of value, and grades (issue 8)
INSERT INTO gen (src)
SELECT '定性 ' || unnest(ARRAY['6月底前', '12月底前', '2025年10月底前', '年底前完成', '2023.07-2024.01',
                              '3次', '100%', '≥95%', '≤7工作日', '=10个', '3天内完成', '±3%',
                              '2024年12月31日', '6月底前(说明)', '优', '良好以上']);
INSERT INTO gen (src)
SELECT unnest(ARRAY['充分', '规范', '合理', '明确', '科学', '合规', '有效', '健全',
                    '序时进度', '及时高效', '是', '否', '显著提升', '稳步提高',
                    '严格执行相关制度规定', '控制在预算内', '不低于上年',
                    '解决困难人员 缴纳基本养老 保险费难的问题']);

SELECT is((SELECT count(*)::int FROM gen WHERE NOT perf_is_valid(src)), 0,
          'every generated input is valid');
CREATE TEMP TABLE gen_t AS
SELECT id, src, src::perf_target AS t, perf_value_of(src::perf_target) AS v FROM gen;
SELECT ok((SELECT count(*) FROM gen_t) > 1000, 'more than 1000 generated targets');
SELECT is((SELECT count(*)::int FROM gen_t WHERE t::text::perf_target <> t), 0,
          'x::text::perf_target = x');
SELECT is((SELECT count(*)::int FROM gen_t WHERE t::text::perf_target::text <> t::text), 0,
          'canonical text is a fixed point');
SELECT is((SELECT count(*)::int FROM gen_t
            WHERE perf_target_send(t::text::perf_target) <> perf_target_send(t)
               OR perf_value_send(v::text::perf_value) <> perf_value_send(v)), 0,
          'a value read back from its text is stored in the same bytes');
SELECT is((SELECT count(*)::int FROM gen_t
            WHERE src LIKE '定性 %' AND perf_target('定性', substr(src, 4)) <> t), 0,
          'perf_target(''定性'', v) is the target ''定性 v''');
SELECT is((SELECT count(*)::int FROM gen_t WHERE v::text::perf_value <> v
                                             OR v::text::perf_value::text <> v::text), 0,
          'x::text::perf_value = x');
SELECT is((SELECT count(*)::int FROM gen_t WHERE NOT perf_value_is_valid(v::text)), 0,
          'the value of every target is a valid perf_value');

-- ---- binary I/O ----
SELECT is(get_byte(perf_target_send('≥95%'::perf_target), 0), 1,
          'perf_target binary starts with format version 1');
SELECT is(get_byte(perf_value_send('95%'::perf_value), 0), 1,
          'perf_value binary starts with format version 1');

CREATE TEMP TABLE gen_copy (LIKE gen_t);
DO $$
DECLARE f text := '/tmp/pg_perfbudget_tap_' || pg_backend_pid() || '.bin';
BEGIN
    EXECUTE format('COPY gen_t TO %L (FORMAT binary)', f);
    EXECUTE format('COPY gen_copy FROM %L (FORMAT binary)', f);
    EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'rm -f ' || f);
END
$$;
SELECT is((SELECT count(*)::int FROM gen_copy), (SELECT count(*)::int FROM gen_t),
          'binary COPY copies every row');
SELECT is((SELECT count(*)::int FROM gen_t a JOIN gen_copy b USING (id)
            WHERE a.t = b.t AND a.t::text = b.t::text
              AND a.v = b.v AND a.v::text = b.v::text),
          (SELECT count(*)::int FROM gen_t),
          'binary COPY round trip: equal values, identical text');

-- Bad binary input: a binary COPY file holding one field per row.
CREATE FUNCTION pg_temp.copy_binary(payload bytea, typ text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    f text := '/tmp/pg_perfbudget_tap_bad_' || pg_backend_pid() || '.bin';
    doc bytea := '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
                 || '\x0001'::bytea || int4send(length(payload)) || payload
                 || '\xffff'::bytea;
BEGIN
    EXECUTE format('COPY (SELECT translate(encode(%L::bytea, ''base64''), E''\n'', ''''))'
                   ' TO PROGRAM %L', doc, 'base64 -d > ' || f);
    EXECUTE format('CREATE TEMP TABLE IF NOT EXISTS bin_in_%s (x perfbudget.%I)', typ, typ);
    EXECUTE format('COPY bin_in_%s FROM %L (FORMAT binary)', typ, f);
END
$$;
SELECT lives_ok($$SELECT pg_temp.copy_binary(perf_target_send('≥95%'), 'perf_target')$$,
    'a well-formed binary perf_target is read');
SELECT is((SELECT x::text FROM bin_in_perf_target), '≥95%', 'and reads back as sent');
SELECT throws_ok($$SELECT pg_temp.copy_binary(
        set_byte(perf_target_send('≥95%'), 0, 99), 'perf_target')$$,
    '22P03', NULL, 'unknown binary format version');
SELECT throws_ok($$SELECT pg_temp.copy_binary(
        substr(perf_target_send('≥95%'), 1, 3), 'perf_target')$$,
    '22P03', NULL, 'truncated binary perf_target');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x'::bytea, 'perf_target')$$,
    '22P03', NULL, 'empty binary perf_target');
SELECT throws_ok($$SELECT pg_temp.copy_binary(
        substr(perf_value_send('29.2万人'), 1, length(perf_value_send('29.2万人')) - 1),
        'perf_value')$$,
    '22P03', NULL, 'truncated binary perf_value');

-- ---- hash consistent with equality ----
SELECT is(perf_target_hash('1万元'), perf_target_hash('10000元'), 'hash 1万元 = hash 10000元');
SELECT is(perf_target_hash('2023年底'), perf_target_hash('2023年12月31日'),
          'hash 2023年底 = hash 2023年12月31日');
SELECT is(perf_target_hash('≥62%(2022年:61%)'), perf_target_hash('≥62%'),
          'a note does not change the hash');
SELECT is(perf_target_hash_extended('29.2万人', 7), perf_target_hash_extended('292000人', 7),
          'extended hash 29.2万人 = 292000人');
SELECT is(perf_value_hash('95百分比'), perf_value_hash('95%'), 'value hash 95百分比 = 95%');
SELECT is((SELECT count(*)::int FROM gen_t a JOIN gen_t b ON a.t = b.t
            WHERE perf_target_hash(a.t) <> perf_target_hash(b.t)
               OR perf_target_hash_extended(a.t, 1) <> perf_target_hash_extended(b.t, 1)),
          0, 'equal generated targets have equal hashes');
SELECT is((SELECT count(*)::int FROM gen_t a JOIN gen_t b ON a.v = b.v
            WHERE perf_value_hash(a.v) <> perf_value_hash(b.v)), 0,
          'equal generated values have equal hashes');
SELECT ok((SELECT count(*) FROM gen_t a JOIN gen_t b ON a.t = b.t AND a.id <> b.id) > 0,
          'the generated set has equal targets written differently');
SET LOCAL enable_hashjoin = off;
SET LOCAL enable_mergejoin = off;
CREATE TEMP TABLE nl_pairs AS
SELECT count(*)::int AS n FROM gen_t a JOIN gen_t b ON a.t = b.t;
SET LOCAL enable_hashjoin = on;
SET LOCAL enable_nestloop = off;
SELECT is((SELECT count(*)::int FROM gen_t a JOIN gen_t b ON a.t = b.t),
          (SELECT n FROM nl_pairs), 'a hash join finds the equal pairs a nested loop finds');
SET LOCAL enable_hashjoin = off;
SET LOCAL enable_mergejoin = on;
SELECT is((SELECT count(*)::int FROM gen_t a JOIN gen_t b ON a.t = b.t),
          (SELECT n FROM nl_pairs), 'a merge join finds the equal pairs a nested loop finds');
RESET enable_hashjoin;
RESET enable_mergejoin;
RESET enable_nestloop;

-- ---- btree order ----
CREATE TEMP TABLE sample AS
SELECT id, t, v FROM gen_t WHERE id % 13 = 0
UNION ALL SELECT 100000 + i, x::perf_target, perf_value_of(x::perf_target)
  FROM unnest(ARRAY['≥95%', '95%', '1万元', '10000元', '2023年底', '2023年12月31日',
                    '±3%', '90%-100%', '充分', '定性 100%', '12月底']) WITH ORDINALITY AS u(x, i);
SELECT ok((SELECT count(*) FROM sample) BETWEEN 60 AND 200, 'btree sample size');
SELECT is((SELECT count(*)::int FROM sample a, sample b
            WHERE (a.t < b.t)::int + (a.t = b.t)::int + (a.t > b.t)::int <> 1
               OR (a.t < b.t) <> (b.t > a.t)
               OR (a.t <= b.t) <> NOT (a.t > b.t)
               OR (a.t >= b.t) <> NOT (a.t < b.t)
               OR (a.t <> b.t) <> NOT (a.t = b.t)
               OR sign(perf_target_cmp(a.t, b.t))
                  <> CASE WHEN a.t < b.t THEN -1 WHEN a.t = b.t THEN 0 ELSE 1 END),
          0, 'perf_target operators and cmp agree, trichotomy');
SELECT is((SELECT count(*)::int FROM sample a, sample b, sample c
            WHERE a.t <= b.t AND b.t <= c.t AND NOT a.t <= c.t), 0,
          'perf_target order is transitive');
SELECT is((SELECT count(*)::int FROM sample a, sample b, sample c
            WHERE a.v <= b.v AND b.v <= c.v AND NOT a.v <= c.v), 0,
          'perf_value order is transitive');
SELECT is((SELECT count(*)::int FROM sample a, sample b
            WHERE (a.v < b.v)::int + (a.v = b.v)::int + (a.v > b.v)::int <> 1
               OR sign(perf_value_cmp(a.v, b.v))
                  <> CASE WHEN a.v < b.v THEN -1 WHEN a.v = b.v THEN 0 ELSE 1 END),
          0, 'perf_value operators and cmp agree, trichotomy');
CREATE TEMP TABLE pct AS SELECT * FROM gen_t WHERE perf_kind(t) = 'percent';
SELECT is((SELECT count(*)::int FROM pct a, pct b
            WHERE perf_symbol(a.t) = perf_symbol(b.t)
              AND (a.t < b.t) <> (perf_number(a.t) < perf_number(b.t))), 0,
          'percents with one symbol order by number');
CREATE TEMP TABLE qty AS SELECT * FROM gen_t WHERE perf_unit(t) IN ('万元', '亿元');
SELECT is((SELECT count(*)::int FROM qty a, qty b
            WHERE perf_symbol(a.t) = perf_symbol(b.t)
              AND ((a.t < b.t) <> (perf_base_number(a.t) < perf_base_number(b.t))
                   OR (a.t = b.t) <> (perf_base_number(a.t) = perf_base_number(b.t)))), 0,
          '万元 and 亿元 order and compare by the amount in 元');
CREATE INDEX sample_t ON sample (t);
SET LOCAL enable_seqscan = off;
SELECT results_eq($$SELECT id FROM sample WHERE t >= '50%' ORDER BY t, id$$,
                  $$SELECT id FROM (SELECT id, t FROM sample OFFSET 0) s
                     WHERE t >= '50%' ORDER BY t, id$$,
                  'btree index scan agrees with a sort');
RESET enable_seqscan;

-- ---- perf_met truth tables ----
CREATE TEMP TABLE met_case (id int, grp text, target text, actual text, expected boolean);
INSERT INTO met_case VALUES
  -- percent
  (1, 'percent', '≥95%', '95%', true),
  (2, 'percent', '≥95%', '96%', true),
  (3, 'percent', '≥95%', '94.9%', false),
  (4, 'percent', '≥95%', '100%', true),
  (5, 'percent', '≥95%', '95', true),
  (6, 'percent', '≥95%', '95百分比', true),
  (7, 'percent', '≥95%', '0%', false),
  (8, 'percent', '≥95%', '充分', NULL),
  (9, 'percent', '≥95%', '95个', NULL),
  (10, 'percent', '≥95%', '2024年12月31日', NULL),
  (11, 'percent', '>95%', '95%', false),
  (12, 'percent', '>95%', '95.01%', true),
  (13, 'percent', '=100%', '100%', true),
  (14, 'percent', '=100%', '99%', false),
  (15, 'percent', '=100%', '100.00%', true),
  (16, 'percent', '=100%', '101%', true),
  (17, 'percent', '100%', '99.99%', false),
  (18, 'percent', '≤5%', '5%', true),
  (19, 'percent', '≤5%', '5.1%', false),
  (20, 'percent', '≤5%', '0%', true),
  (21, 'percent', '≤5%', '-1%', true),
  (22, 'percent', '<5%', '5%', false),
  (23, 'percent', '<5%', '4.99%', true),
  (24, 'percent', '95%以上', '95%', true),
  (25, 'percent', '95%以下', '95%', true),
  (26, 'percent', '超过95%', '95%', false),
  (27, 'percent', '低于5%', '5%', false),
  (28, 'percent', '低于5%', '4%', true),
  (29, 'percent', '≥62%(2022年:61%)', '62%', true),
  -- quantity
  (30, 'quantity', '≥50个', '50个', true),
  (31, 'quantity', '≥50个', '49个', false),
  (32, 'quantity', '≥50个', '50', true),
  (33, 'quantity', '≥50个', '50人', NULL),
  (34, 'quantity', '≥50个', '0.005万个', true),
  (35, 'quantity', '≤202.6万元', '2026000元', true),
  (36, 'quantity', '≤202.6万元', '2026001元', false),
  (37, 'quantity', '≤202.6万元', '200', true),
  (38, 'quantity', '≤202.6万元', '203', false),
  (39, 'quantity', '≤202.6万元', '202.6万元', true),
  (40, 'quantity', '≥1万人', '9999人', false),
  (41, 'quantity', '≥1万人', '10000人', true),
  (42, 'quantity', '≥1万人', '1.2万人', true),
  (43, 'quantity', '=8个', '8个', true),
  (44, 'quantity', '=8个', '7个', false),
  (45, 'quantity', '=8个', '9个', true),
  (46, 'quantity', '≤7工作日', '7工作日', true),
  (47, 'quantity', '≤7工作日', '8工作日', false),
  (48, 'quantity', '≤7工作日', '7天', NULL),
  (49, 'quantity', '≥530元/人*月', '530元/人*月', true),
  (50, 'quantity', '≥530元/人*月', '500元/人*月', false),
  (51, 'quantity', '220', '220', true),
  (52, 'quantity', '220', '219', false),
  (53, 'quantity', '不满18岁', '18岁', false),
  (54, 'quantity', '不满18岁', '17岁', true),
  (55, 'quantity', '≥7,548,150', '7548150', true),
  (56, 'quantity', '≥7,548,150', '7,548,149', false),
  -- range and band
  (57, 'range', '90%-100%', '90%', true),
  (58, 'range', '90%-100%', '100%', true),
  (59, 'range', '90%-100%', '95%', true),
  (60, 'range', '90%-100%', '89.9%', false),
  (61, 'range', '90%-100%', '100.1%', false),
  (62, 'range', '90%-100%', '95', true),
  (63, 'range', '90%-100%', '95个', NULL),
  (64, 'range', '90-100%', '95%', true),
  (65, 'range', '10-20人', '15人', true),
  (66, 'range', '10-20人', '25人', false),
  (67, 'range', '10-20人', '15个', NULL),
  (68, 'range', '±3%', '2%', true),
  (69, 'range', '±3%', '-3%', true),
  (70, 'range', '±3%', '3%', true),
  (71, 'range', '±3%', '-3.1%', false),
  (72, 'range', '±3%', '4%', false),
  (73, 'range', '±3%以内', '0%', true),
  (74, 'range', '±5万元', '-50000元', true),
  (75, 'range', '±5万元', '6万元', false),
  -- date
  (76, 'date', '≤2024年12月31日', '2024年12月31日', true),
  (77, 'date', '≤2024年12月31日', '2024年11月30日', true),
  (78, 'date', '≤2024年12月31日', '2025年1月1日', false),
  (79, 'date', '2024年12月31日', '2024年12月31日', true),
  (80, 'date', '2024年12月31日', '2024年6月30日', true),
  (81, 'date', '2024年12月31日', '2025年1月5日', false),
  (82, 'date', '2023年底', '2023年12月31日', true),
  (83, 'date', '2023年底', '2023年底', true),
  (84, 'date', '2023年底', '2024年1月1日', false),
  (85, 'date', '2024年12月底前', '2024年12月31日', true),
  (86, 'date', '2024年12月底前', '2025年1月1日', false),
  (87, 'date', '2024年12月31日', '95%', NULL),
  -- qualitative
  (88, 'qualitative', '充分', '充分', true),
  (89, 'qualitative', '充分', '达成', true),
  (90, 'qualitative', '充分', '达成年度指标', true),
  (91, 'qualitative', '充分', '完成', true),
  (92, 'qualitative', '充分', '部分达成', false),
  (93, 'qualitative', '充分', '未达成', false),
  (94, 'qualitative', '充分', '未完成', false),
  (95, 'qualitative', '充分', '不充分', NULL),
  (96, 'qualitative', '充分', '较好', NULL),
  (97, 'qualitative', '充分', '95%', NULL),
  (98, 'qualitative', '及时高效', '及时高效', true),
  (99, 'qualitative', '序时进度', '序时进度', true),
  (100, 'qualitative', '是', '是', true),
  (101, 'qualitative', '是', '否', false),
  (102, 'qualitative', '否', '否', true),
  (103, 'qualitative', '否', '是', false),
  (104, 'qualitative', '解决困难人员 缴纳基本养老 保险费难的问题', '解决困难人员缴纳基本养老保险费难的问题', true)
;
SELECT results_eq(
    format($$SELECT id, target, actual, perf_met(target::perf_target, actual::perf_value)
               FROM met_case WHERE grp = %L ORDER BY id$$, g),
    format($$SELECT id, target, actual, expected FROM met_case WHERE grp = %L ORDER BY id$$, g),
    'perf_met truth table: ' || g)
  FROM unnest(ARRAY['percent', 'quantity', 'range', 'date', 'qualitative']) g;
SELECT is(perf_met(NULL, '95%'), NULL, 'perf_met with no target');
SELECT is(perf_met('≥95%', NULL), NULL, 'perf_met with no actual');
SELECT is(perf_met('≥95%'::perf_target, '96%'::perf_value)
          = NOT perf_met('<95%'::perf_target, '96%'::perf_value), true,
          '≥ and < are complements');

-- ratios (配套比例 1:1) are phrases; two numbers glued by a colon are not a quantity
SELECT is(perf_kind('1:1'::perf_target), 'qualitative', 'a ratio 1:1 is a qualitative value');
SELECT is('1：1'::perf_target::text, '1:1', 'a full-width colon folds in a ratio');
SELECT is(perf_symbol('3:7'::perf_target), '定性', 'a ratio takes the default 定性');
SELECT throws_ok($$SELECT '1:'::perf_target$$, '22P02', NULL, 'a dangling colon is refused');
-- completion words count only at the end of a date value
SELECT is('12月31日完成率'::perf_target::text, '12月31日完成率', '完成率 is a note, not a deadline');
SELECT is(perf_symbol('12月底完成'::perf_target), '≤', '完成 at the end makes a deadline');

-- issue 8: 定性 with a measurable value, symbol columns, grades, limits
SELECT is(perf_symbol(perf_target('定性', '6月底前')), '定性', '定性 + a deadline stays 定性');
SELECT is(perf_kind(perf_target('定性', '6月底前')), 'date', '定性 + a deadline keeps the kind date');
SELECT is(perf_met(perf_target('定性', '6月底前'), '7月1日'), false, 'a deadline under 定性 is missed after it');
SELECT throws_ok($$SELECT perf_target('≥', '≤95%')$$, '22P02', NULL, 'a genuine contradiction is refused');
SELECT throws_ok($$SELECT perf_target('定量', '充分')$$, '22P02', NULL, '定量 with a phrase is refused');
SELECT is(perf_target('反向', '7工作日')::text, '≤7工作日', '反向 gives ≤');
SELECT is(perf_target('﹦', '95%')::text, '95%', 'the small equals sign folds');
SELECT has_function('perfbudget', 'perf_grade', ARRAY['perf_target']);
SELECT is(perf_grade(perf_target('定性', '优秀')), '优', 'perf_grade of 优秀');
SELECT is(perf_met(perf_target('定性', '合格'), '良'), true, '良 meets 合格');
SELECT throws_ok($$SELECT '1e-5'::perf_target$$, '22P02', NULL, 'scientific notation is refused');
SELECT is(perf_is_valid(repeat('a', 61439) || '好'), false, 'perf_is_valid answers on a long cell ending in a multibyte character');
SELECT is((SELECT t::text::perf_target = t FROM (SELECT ('2024-12-31(' || repeat('a', 59987) || ')')::perf_target AS t) x),
          true, 'a 59,999-byte date cell reads back from its 60,006-byte text');

-- two cells whose text would not read back are refused, not stored
SELECT throws_ok($$SELECT '>不少于12 縍少于12 种'::perf_target$$, '22P02', NULL,
                 'a comparator before a phrase that opens with its own comparator word does not read');
SELECT throws_ok($$SELECT perf_target('>', '不少于12 縍少于12 种')$$, '22P02', NULL,
                 '  ... so perf_target(symbol, value) refuses the pair instead of storing what cannot come back');
SELECT is((SELECT t::text::perf_target = t FROM (SELECT perf_target('≥', '以上全部') AS t) x), true,
          'a comparator before an ordinary phrase reads back');
SELECT is(perf_target('', '不少于12 縍少于12 种')::text, '不少于12 縍少于12 种',
          'the same phrase without a comparator cell is kept as written');

SELECT * FROM finish();
ROLLBACK;
