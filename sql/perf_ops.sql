--
-- perf_ops — comparison, ordering, hashing and indexes of perf_target and
-- perf_value.
--
-- Equality is semantic: a unit prefix (万, 亿, 千 …) scales the number,
-- '2023年底' is '2023年12月31日', '95百分比' is '95%', and a note is not
-- compared.  perf_target orders by value first, then by symbol.
--
SET search_path = perfbudget, public;

-- Pairs that are equal although written differently.
SELECT a, b, a::perf_target = b::perf_target AS eq,
       a::perf_target <> b::perf_target AS ne,
       perf_target_hash(a::perf_target) = perf_target_hash(b::perf_target)
         AS hash_eq,
       a::perf_target::text AS a_text, b::perf_target::text AS b_text
  FROM (VALUES ('1万元', '10000元'),
               ('29.2万人', '292000人'),
               ('1亿元', '10000万元'),
               ('1千万元', '1000万元'),
               ('0.5亿元', '5000万元'),
               ('3千米', '3000米'),
               ('1万亿元', '10000亿元'),
               ('2百万元', '200万元'),
               ('7,548,150', '7548150'),
               ('100.00%', '100%'),
               ('95百分比', '95%'),
               ('９５％', '95%'),
               ('2023年底', '2023年12月31日'),
               ('2024年12月底', '2024年12月31日'),
               ('2024-12-31', '2024年12月31日'),
               ('12月底', '12月31日'),
               ('≥62%(2022年:61%)', '≥62%'),
               ('95%以上', '≥95%'),
               ('不低于95%', '≥95%'),
               ('不超过202.6万元', '≤2026000元'),
               ('5%以内', '≤5%'),
               ('=100%', '100%'),
               ('±3%以内', '±3%'),
               ('90-100%', '90%-100%'),
               ('解决困难人员 缴纳基本养老 保险费难的问题',
                '解决困难人员缴纳基本 养老保险费 难的问题'),
               ('  有效  ', '有效'),
               ('定性 充分', '充分'),
               ('0万元', '0元'),
               ('-0%', '0%'),
               ('0.0%', '0%'),
               ('1.0万元', '10000元'),
               ('0.00001万元', '0.1元'),
               ('2024年2月底', '2024年2月29日'),
               ('2023年2月底', '2023年2月28日'),
               ('2月底', '2月29日'),
               ('95% (注)', '95%(注)'),
               ('±3%', '-3%-3%'),
               ('2018-2022', '2018年-2022年')) AS p(a, b);

-- Pairs that are not equal.
SELECT a, b, a::perf_target = b::perf_target AS eq,
       a::perf_target < b::perf_target AS lt,
       a::perf_target > b::perf_target AS gt
  FROM (VALUES ('≥95%', '95%'),
               ('≥95%', '>95%'),
               ('≥95%', '≤95%'),
               ('95%', '95'),
               ('95%', '95个'),
               ('1万元', '1万人'),
               ('1万元', '1元'),
               ('2023年底', '2024年底'),
               ('12月底', '2024年12月31日'),
               ('90%-100%', '90%-99%'),
               ('充分', '合理'),
               ('是', '否'),
               ('定性 100%', '100%')) AS p(a, b);

-- perf_value: the same semantic equality, no symbol.
SELECT a, b, a::perf_value = b::perf_value AS eq
  FROM (VALUES ('1万元', '10000元'), ('29.2万人', '292000人'),
               ('2023年底', '2023年12月31日'), ('95百分比', '95%'),
               ('62%(2022年:61%)', '62%'), ('1万元', '1万人'),
               ('95%', '96%')) AS p(a, b);

-- A mixed list in order: percent, quantity, date, range, qualitative; by
-- value within a kind, then by symbol.
CREATE TEMP TABLE mixed (id int, src text, t perf_target);
INSERT INTO mixed (id, src) VALUES
  (1, '≥95%'), (2, '95%'), (3, '≤95%'), (4, '>95%'), (5, '<95%'),
  (6, '100%'), (7, '0%'), (8, '-3%'), (9, '100.00%'), (10, '95百分比'),
  (11, '定性 100%'), (12, '1万元'), (13, '9999元'), (14, '10001元'),
  (15, '≥50个'), (16, '=8个'), (17, '220'), (18, '29.2万人'),
  (19, '2023年底'), (20, '2024年12月31日'), (21, '2024年1月'),
  (22, '12月底'), (23, '90%-100%'), (24, '±3%'), (25, '2018-2022'),
  (26, '充分'), (27, '合理'), (28, '序时进度'), (29, '是'), (30, '否'),
  (31, '≥62%(2022年:61%)'), (32, '≥62%'), (33, '7,548,150'),
  (34, '≤202.6万元'), (35, '2023.07-2024.01');
UPDATE mixed SET t = src::perf_target;

-- (The output column is named canonical: ORDER BY t must mean the column t,
-- not its text.)
SELECT id, src, t::text AS canonical, perf_kind(t) AS kind, perf_symbol(t) AS sym
  FROM mixed ORDER BY t, id;
SELECT id, src, t::text AS canonical FROM mixed ORDER BY t DESC, id;

-- The operators agree with the order over all pairs, and with each other.
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE (a.t < b.t) <> (b.t > a.t)) AS lt_gt,
       count(*) FILTER (WHERE (a.t <= b.t) <> (a.t < b.t OR a.t = b.t)) AS le,
       count(*) FILTER (WHERE (a.t >= b.t) <> (a.t > b.t OR a.t = b.t)) AS ge,
       count(*) FILTER (WHERE (a.t <> b.t) = (a.t = b.t)) AS ne,
       count(*) FILTER (WHERE (a.t = b.t) <> (a.t::text::perf_target
                                              = b.t::text::perf_target)) AS text_eq,
       count(*) FILTER (WHERE (a.t < b.t)::int + (a.t = b.t)::int
                              + (a.t > b.t)::int <> 1) AS trichotomy
  FROM mixed a, mixed b;

-- Transitivity over all triples.
SELECT count(*) AS violations
  FROM mixed a, mixed b, mixed c
 WHERE a.t <= b.t AND b.t <= c.t AND NOT a.t <= c.t;

-- Hash agrees with equality: equal values have equal hashes.
SELECT count(*) FILTER (WHERE a.t = b.t) AS equal_pairs,
       count(*) FILTER (WHERE a.t = b.t
                        AND perf_target_hash(a.t) <> perf_target_hash(b.t))
         AS hash_differs,
       count(*) FILTER (WHERE a.t = b.t
                        AND perf_target_hash_extended(a.t, 42)
                            <> perf_target_hash_extended(b.t, 42))
         AS hash_ext_differs
  FROM mixed a, mixed b;

-- GROUP BY and DISTINCT: hashed and sorted give the same groups.
CREATE TEMP TABLE spelled (src text, t perf_target);
INSERT INTO spelled (src) VALUES
  ('1万元'), ('10000元'), ('1万元'), ('0.1万元'), ('1000元'),
  ('29.2万人'), ('292000人'), ('95%'), ('95百分比'), ('=95%'),
  ('95%以上'), ('≥95%'), ('不低于95%'), ('≥95%(2023年:94%)'),
  ('2023年底'), ('2023年12月31日'), ('充分'), ('充 分'), ('合理'),
  ('100%'), ('100.00%'), ('±3%'), ('±3%以内');
UPDATE spelled SET t = src::perf_target;
ANALYZE spelled;

SET enable_hashagg = on;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT t, count(*) FROM spelled GROUP BY t;
SELECT count(*), string_agg(src, ' | ' ORDER BY src COLLATE "C") AS spellings
  FROM spelled GROUP BY t ORDER BY min(src COLLATE "C");
EXPLAIN (COSTS OFF) SELECT DISTINCT t FROM spelled;
SELECT count(*) FROM (SELECT DISTINCT t FROM spelled) d;
RESET enable_sort;

SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT t, count(*) FROM spelled GROUP BY t;
SELECT count(*), string_agg(src, ' | ' ORDER BY src COLLATE "C") AS spellings
  FROM spelled GROUP BY t ORDER BY min(src COLLATE "C");
EXPLAIN (COSTS OFF) SELECT DISTINCT t FROM spelled;
SELECT count(*) FROM (SELECT DISTINCT t FROM spelled) d;
RESET enable_hashagg;

-- perf_value groups the same way, ignoring the symbol.
SELECT count(DISTINCT perf_value_of(t)) AS values, count(DISTINCT t) AS targets
  FROM spelled;

-- Indexes.  A generated table: percents with each symbol, quantities in
-- 元 and 万元, dates and phrases.
CREATE TEMP TABLE indexed (id int, t perf_target, v perf_value);
INSERT INTO indexed (id, t)
SELECT i, (ARRAY['≥', '≤', '=', '>', '<'])[i % 5 + 1] || (i % 101) || '%'
  FROM generate_series(1, 2000) i;
INSERT INTO indexed (id, t)
SELECT 2000 + i, CASE WHEN i <= 1000 THEN (i % 1000 * 100) || '元'
                      ELSE (i % 1000 / 100.0)::numeric(10, 2) || '万元' END
  FROM generate_series(1, 2000) i;
INSERT INTO indexed (id, t)
SELECT 4000 + i, '2024年' || (i % 12 + 1) || '月' || (i % 28 + 1) || '日'
  FROM generate_series(1, 500) i;
INSERT INTO indexed (id, t)
SELECT 4500 + i, (ARRAY['充分', '合理', '规范', '及时高效'])[i % 4 + 1]
  FROM generate_series(1, 500) i;
UPDATE indexed SET v = perf_value_of(t);
CREATE INDEX indexed_bt ON indexed USING btree (t);
CREATE INDEX indexed_hash ON indexed USING hash (t);
CREATE INDEX indexed_v_bt ON indexed USING btree (v);
CREATE INDEX indexed_v_hash ON indexed USING hash (v);
ANALYZE indexed;

-- Expected answers, from a sequential scan.
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE answer AS
SELECT 'eq' AS q, count(*) AS n FROM indexed WHERE t = '≥95%'
UNION ALL SELECT 'eq_unit', count(*) FROM indexed WHERE t = '1万元'
UNION ALL SELECT 'range', count(*) FROM indexed WHERE t >= '50%' AND t < '60%'
UNION ALL SELECT 'date', count(*) FROM indexed WHERE t = '2024年12月12日'
UNION ALL SELECT 'phrase', count(*) FROM indexed WHERE t = '充分'
UNION ALL SELECT 'v_eq', count(*) FROM indexed WHERE v = '95%'
UNION ALL SELECT 'v_range', count(*) FROM indexed WHERE v BETWEEN '1元' AND '1万元';
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT * FROM answer ORDER BY q;

SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM indexed WHERE t >= '50%' AND t < '60%';
EXPLAIN (COSTS OFF) SELECT * FROM indexed WHERE v BETWEEN '1元' AND '1万元';
EXPLAIN (COSTS OFF) SELECT t FROM indexed ORDER BY t LIMIT 3;
SELECT count(*) = (SELECT n FROM answer WHERE q = 'range') AS range_ok
  FROM indexed WHERE t >= '50%' AND t < '60%';
SELECT count(*) = (SELECT n FROM answer WHERE q = 'v_range') AS v_range_ok
  FROM indexed WHERE v BETWEEN '1元' AND '1万元';
SELECT t::text AS canonical FROM indexed ORDER BY t LIMIT 3;
SELECT t::text AS canonical FROM indexed ORDER BY t DESC LIMIT 3;

-- Equality through the btree, then through the hash index.
EXPLAIN (COSTS OFF) SELECT * FROM indexed WHERE t = '1万元';
SELECT q, n = (SELECT count(*) FROM indexed WHERE t = x::perf_target) AS ok
  FROM answer, (VALUES ('eq', '≥95%'), ('eq_unit', '1万元'),
                       ('date', '2024年12月12日'), ('phrase', '充分')) AS w(q2, x)
 WHERE q = q2 ORDER BY q;
DROP INDEX indexed_bt;
DROP INDEX indexed_v_bt;
EXPLAIN (COSTS OFF) SELECT * FROM indexed WHERE t = '1万元';
EXPLAIN (COSTS OFF) SELECT * FROM indexed WHERE v = '95%';
SELECT q, n = (SELECT count(*) FROM indexed WHERE t = x::perf_target) AS ok
  FROM answer, (VALUES ('eq', '≥95%'), ('eq_unit', '1万元'),
                       ('date', '2024年12月12日'), ('phrase', '充分')) AS w(q2, x)
 WHERE q = q2 ORDER BY q;
SELECT count(*) = (SELECT n FROM answer WHERE q = 'v_eq') AS v_eq_ok
  FROM indexed WHERE v = '95%';
-- '1万元' finds the rows written '10000元' and '1.00万元' too.
SELECT t::text AS canonical, count(*) FROM indexed WHERE t = '1万元'
 GROUP BY 1 ORDER BY t::text COLLATE "C";
RESET enable_seqscan;
RESET enable_bitmapscan;

-- Joins: hash join and merge join need HASHES and MERGES on '='.
SET enable_nestloop = off;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM spelled a JOIN spelled b ON a.t = b.t;
SELECT count(*) FROM spelled a JOIN spelled b ON a.t = b.t;
SET enable_mergejoin = on;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM spelled a JOIN spelled b ON a.t = b.t;
SELECT count(*) FROM spelled a JOIN spelled b ON a.t = b.t;
RESET enable_nestloop;
RESET enable_mergejoin;
RESET enable_hashjoin;

-- Binary COPY round trip: equal values and identical text.
CREATE TEMP TABLE copy_src (id int, t perf_target, v perf_value);
INSERT INTO copy_src SELECT id, src::perf_target, perf_value_of(src::perf_target)
  FROM mixed;
\copy copy_src TO '/tmp/pg_perfbudget_perf_ops.bin' (FORMAT binary)
CREATE TEMP TABLE copy_dst (LIKE copy_src);
\copy copy_dst FROM '/tmp/pg_perfbudget_perf_ops.bin' (FORMAT binary)
\! rm -f /tmp/pg_perfbudget_perf_ops.bin
SELECT count(*) AS rows,
       count(*) FILTER (WHERE s.t = d.t AND s.t::text = d.t::text
                        AND s.v = d.v AND s.v::text = d.v::text) AS identical
  FROM copy_src s JOIN copy_dst d USING (id);
