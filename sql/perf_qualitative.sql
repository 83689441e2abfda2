--
-- perf_qualitative — 定性 with a measurable value, the other symbol columns
-- (定量, 正向/反向, compatibility forms of comparators) and grades (issue 8).
--
SET search_path = perfbudget, public;

-- 定性 with a deadline, date, period, number, percentage or range is kept:
-- the symbol says 定性 as the form does, the value keeps its kind, and the
-- text reads back to the same value, through the two-cell constructor and
-- through text input alike.
SELECT v.value, perf_symbol(t) AS symbol, perf_kind(t) AS kind, t::text AS canonical,
       t::text::perf_target = t AS reads_back,
       perf_target_send(t::text::perf_target) = perf_target_send(t) AS same_bytes,
       ('定性 ' || v.value)::perf_target = t AS text_input_agrees
  FROM (VALUES ('6月底前'), ('12月底前'), ('2025年10月底前'), ('年底前完成'),
               ('2023.07-2024.01'), ('3次'), ('100%'), ('≥95%'), ('≤7工作日'),
               ('=10个'), ('3天内完成'), ('±3%'), ('90%-100%'), ('12月31日'),
               ('充分'), ('序时进度')) AS v(value),
       LATERAL (SELECT perf_target('定性', v.value) AS t) x
 ORDER BY v.value COLLATE "C";

-- perf_met in the value's own sense: a deadline is met on or before it, a
-- number or percentage when reached (as 达到 reads), ≤ written in the value
-- at or below.
SELECT t.target, a.actual, perf_met(perf_target('定性', t.target), a.actual::perf_value) AS met
  FROM (VALUES ('6月底前', '2024年5月20日'), ('6月底前', '6月30日'), ('6月底前', '7月1日'),
               ('2025年10月底前', '2025年10月31日'), ('2025年10月底前', '2025年11月1日'),
               ('年底前完成', '12月31日'), ('3次', '3次'), ('3次', '2次'),
               ('100%', '100%'), ('100%', '99%'), ('≤7工作日', '5工作日'),
               ('≤7工作日', '8工作日'), ('2023.07-2024.01', '2023年10月'),
               ('2023.07-2024.01', '2024年3月')) AS t(target, actual),
       LATERAL (VALUES (t.actual)) AS a(actual)
 ORDER BY t.target COLLATE "C", a.actual COLLATE "C";

-- 量化率 counts them as qualitative.
SELECT quantitative_share(perf_target(s, v)) AS share
  FROM (VALUES ('定性', '6月底前'), ('定性', '3次'), ('≥', '95%'), ('=', '100%')) AS c(s, v);

-- Equal meaning, equal values: '≥' is the default sense of a number under
-- 定性 and '前' that of a date; '≤' is not.
SELECT perf_target('定性', '≥3次') = perf_target('定性', '3次') AS ge_default,
       perf_target('定性', '6月底前') = perf_target('定性', '6月底') AS deadline_default,
       perf_target('定性', '≤3次') = perf_target('定性', '3次') AS le_differs,
       perf_target_hash(perf_target('定性', '≥3次')) = perf_target_hash(perf_target('定性', '3次')) AS same_hash;

-- A genuine contradiction is still refused.
SELECT perf_target('≥', '≤95%');
SELECT perf_target('≥', '定性 95%');
SELECT '定性 定性 5'::perf_target;

-- 定量: the value's own comparator, '=' when none; a phrase is refused.
SELECT v.value, perf_target('定量', v.value)::text AS target
  FROM (VALUES ('95%'), ('≥100公里'), ('12月底前'), ('90%-100%')) AS v(value)
 ORDER BY v.value COLLATE "C";
SELECT perf_target('定量', '充分');

-- 正向/反向: ≥/≤ when the value has none; with one it must agree.
SELECT s.symbol, v.value, perf_target(s.symbol, v.value)::text AS target
  FROM (VALUES ('正向'), ('反向')) AS s(symbol),
       (VALUES ('95%'), ('7工作日'), ('90%-100%'), ('充分')) AS v(value)
 ORDER BY s.symbol COLLATE "C", v.value COLLATE "C";
SELECT perf_target('正向', '>95%')::text AS gt, perf_target('反向', '<5天')::text AS lt;
SELECT perf_target('正向', '≤95%');
SELECT perf_target('反向', '95%以上');

-- Compatibility forms of comparators fold as NFKC does (small and
-- full-width forms, superscript '='), and the look-alikes forms use.
SELECT s.symbol, perf_target(s.symbol, '95%')::text AS target
  FROM (VALUES ('﹦'), ('﹤'), ('﹥'), ('＜'), ('＞'), ('＝'), ('≦'), ('≧'), ('‹='), ('›='),
               ('＞＝'), ('﹤﹦'), ('⁼'), ('⩾')) AS s(symbol)
 ORDER BY s.symbol COLLATE "C";
SELECT '﹦95﹪'::perf_target::text AS small_forms, '‹=5天'::perf_target::text AS guillemet;

-- Grades: kept as phrases, normalized by perf_grade, met by the same grade
-- or a better one; NULL when it cannot be told (合格 against 良).
SELECT v.phrase, perf_grade(perf_target('定性', v.phrase)) AS grade,
       perf_grade(v.phrase::perf_value) AS value_grade
  FROM (VALUES ('优'), ('优秀'), ('良好'), ('良'), ('中'), ('差'), ('合格'), ('达标'),
               ('不合格'), ('不达标'), ('良好以上'), ('优良中差'), ('显著提升'),
               ('逐步改善'), ('持续稳定'), ('95%')) AS v(phrase)
 ORDER BY v.phrase COLLATE "C";
SELECT t.target, a.actual, perf_met(perf_target('定性', t.target), a.actual::perf_value) AS met
  FROM (VALUES ('良'), ('合格'), ('优'), ('良好以上')) AS t(target),
       (VALUES ('优'), ('良好'), ('中'), ('差'), ('合格'), ('不合格'), ('达成')) AS a(actual)
 ORDER BY t.target COLLATE "C", a.actual COLLATE "C";
SELECT perf_met(perf_target('定性', '显著提升'), '显著提升') AS same_words,
       perf_met(perf_target('定性', '显著提升'), '良好') AS words_vs_grade;

-- The import paths keep them too: the seed document with the issue's row
-- (时效指标 | 补助发放时间 | 定性 | 6月底前 | 12月底前) in every form, then a form
-- through form_json and import_form_json.  Rolled back: later tests count
-- the forms.
\getenv abs_srcdir PG_ABS_SRCDIR
\set seed_doc :abs_srcdir '/examples/rugao_2024_hrss.txt'
\set doc `cat :'seed_doc'`
BEGIN;
CREATE TEMP TABLE q_ids AS
SELECT * FROM import_form(replace(:'doc', E'完成及时性\t定性\t\t及时高效\t及时高效',
                                  E'补助发放时间\t定性\t\t6月底前\t12月底前')) AS i(id);
SELECT count(*) AS forms, min(i.half_year_target::text) AS half_year, min(i.annual_target::text) AS annual,
       min(perf_symbol(i.annual_target)) AS symbol, min(perf_kind(i.annual_target)) AS kind
  FROM indicator i JOIN q_ids q ON q.id = i.project_id
 WHERE i.level3 = '补助发放时间';
SELECT f.severity, f.code, f.message
  FROM form_issues f
 WHERE f.project_id = (SELECT min(id) FROM q_ids) AND f.code LIKE 'qualitative%'
 ORDER BY f.line_no, f.message COLLATE "C";
CREATE TEMP TABLE q_json AS SELECT form_json(min(id)) AS j FROM q_ids;
DELETE FROM project WHERE id = (SELECT min(id) FROM q_ids);
CREATE TEMP TABLE q_new AS SELECT import_form_json(j) AS id FROM q_json;
SELECT i.annual_target::text AS annual, perf_symbol(i.annual_target) AS symbol,
       perf_target_send(i.annual_target) = perf_target_send(perf_target('定性', '12月底前')) AS same_bytes
  FROM indicator i JOIN q_new n ON n.id = i.project_id
 WHERE i.level3 = '补助发放时间';
ROLLBACK;
