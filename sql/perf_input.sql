--
-- perf_input — a table of valid indicator cells, as perf_target and perf_value.
--
-- For every input: its canonical text, the comparator, the kind, the number
-- as written, the unit, the number in the base unit, and whether the
-- canonical text reads back as an equal value with the same text.
--
SET search_path = perfbudget, public;

CREATE TEMP TABLE valid_input (id int PRIMARY KEY, input text NOT NULL);
INSERT INTO valid_input VALUES
  -- comparators: symbol spellings
  (1, '≥95%'),
  (2, '>=95%'),
  (3, '≧95%'),
  (4, '＞＝95%'),
  (5, '⩾95%'),
  (6, '≥ 95%'),
  (7, ' ≥ 95 % '),
  (8, '≤5%'),
  (9, '<=5%'),
  (10, '≦5%'),
  (11, '⩽5%'),
  (12, '＜＝5%'),
  (13, '>90%'),
  (14, '＞90%'),
  (15, '<10%'),
  (16, '＜10%'),
  (17, '=100%'),
  (18, '==100%'),
  (19, '＝100%'),
  (20, '═100%'),
  (21, '= 100%'),
  (22, '±3%'),
  (23, '±10%'),
  (24, '±5万元'),
  (25, '定性 100%'),
  (26, '定性:100%'),
  (27, '定性：100%'),
  (28, '定性　100%'),
  -- word prefixes
  (29, '不低于95%'),
  (30, '不少于12种'),
  (31, '不少于12 种'),
  (32, '不小于5个'),
  (33, '大于等于90%'),
  (34, '至少3次'),
  (35, '不高于5%'),
  (36, '不超过202.6万元'),
  (37, '不大于7工作日'),
  (38, '不多于3次'),
  (39, '小于等于10%'),
  (40, '至多2次'),
  (41, '控制在5%'),
  (42, '超过100人'),
  (43, '高于80%'),
  (44, '大于0'),
  (45, '多于5个'),
  (46, '低于5%'),
  (47, '少于3次'),
  (48, '小于1%'),
  (49, '不满18岁'),
  (50, '不足5%'),
  (51, '达到100%'),
  (52, '等于100%'),
  (53, '不低于 95%'),
  -- suffixes
  (54, '95%以上'),
  (55, '95%及以上'),
  (56, '5%以下'),
  (57, '5%以内'),
  (58, '7工作日内'),
  (59, '100人以上'),
  (60, '3次以下'),
  (61, '12月底前'),
  (62, '12月底之前'),
  (63, '2024年12月31日前'),
  (64, '2024年6月30日之前'),
  (65, '±3%以内'),
  (66, '≥95%以上'),
  (67, '不低于95%以上'),
  (68, '≤5%以下'),
  (69, '95%以上(含)'),
  -- percents
  (70, '95%'),
  (71, '100%'),
  (72, '100.00%'),
  (73, '97.30%'),
  (74, '0%'),
  (75, '0.5%'),
  (76, '-3%'),
  (77, '95百分比'),
  (78, '≥100百分比'),
  (79, '95％'),
  (80, '９５％'),
  (81, '９５．５％'),
  (82, '≥98%'),
  (83, '100 %'),
  -- quantities and units
  (84, '50个'),
  (85, '=8个'),
  (86, '≤202.6万元'),
  (87, '280人次'),
  (88, '≥266米'),
  (89, '1346.0088万平方米'),
  (90, '1次/月'),
  (91, '≤620万/月'),
  (92, '>=530元/人*月'),
  (93, '400元/人、天'),
  (94, '780元/生/年'),
  (95, '≤7工作日'),
  (96, '=300天'),
  (97, '7,548,150'),
  (98, '7,548,150人'),
  (99, '1,000.5元'),
  (100, '1,234,567.89元'),
  (101, '220'),
  (102, '0'),
  (103, '29.2万人'),
  (104, '292000人'),
  (105, '1万元'),
  (106, '10000元'),
  (107, '0.5亿元'),
  (108, '1亿元'),
  (109, '5千元'),
  (110, '3千米'),
  (111, '2百万元'),
  (112, '3千万元'),
  (113, '1万亿元'),
  (114, '3.5万人次'),
  (115, '29.2万'),
  (116, '5亿'),
  (117, '100元/人·月'),
  (118, '１２个'),
  (119, '12 个'),
  (120, '999999999999999999'),
  (121, '0.000000000000001'),
  (122, '999999999999999999万亿元'),
  (123, '-5'),
  (124, '+5'),
  (125, '≥50个'),
  (126, '=1'),
  -- dates
  (127, '2024年12月31日'),
  (128, '2021年12月31日'),
  (129, '2023年底'),
  (130, '12月底'),
  (131, '2024-12-31'),
  (132, '2024年1月'),
  (133, '2024年'),
  (134, '12月31日'),
  (135, '2024年12月底'),
  (136, '２０２４年１２月３１日'),
  (137, '2024 年 12 月'),
  (138, '2024年2月29日'),
  (139, '2月29日'),
  (140, '≤2024年12月31日'),
  (141, '2024年12月底前'),
  (142, '12月底到位'),
  (143, '12月底之前完成'),
  -- ranges
  (144, '90%-100%'),
  (145, '90-100%'),
  (146, '2023.07-2024.01'),
  (147, '2021年1月-12月'),
  (148, '2018-2022'),
  (149, '2020年1月--2020年11月'),
  (150, '80%~90%'),
  (151, '80%～90%'),
  (152, '80%至90%'),
  (153, '80%到90%'),
  (154, '80%—90%'),
  (155, '90％－100％'),
  (156, '10-20人'),
  (157, '10人-20人'),
  (158, '1-2万元'),
  (159, '0-5%'),
  -- phrases
  (160, '充分'),
  (161, '规范'),
  (162, '合理'),
  (163, '明确'),
  (164, '科学'),
  (165, '合规'),
  (166, '有效'),
  (167, '健全'),
  (168, '好'),
  (169, '高'),
  (170, '优良'),
  (171, '显著提升'),
  (172, '稳步提高'),
  (173, '持续改善'),
  (174, '逐步提高'),
  (175, '较上年提高'),
  (176, '是'),
  (177, '否'),
  (178, '严格执行相关制度规定'),
  (179, '符合相关规定'),
  (180, '控制在预算内'),
  (181, '序时进度'),
  (182, '及时'),
  (183, '及时高效'),
  (184, '不低于上年'),
  (185, '不超过预算'),
  (186, '达成年度指标'),
  (187, '解决困难人员 缴纳基本养老 保险费难的问题'),
  (188, '  有效  '),
  (189, 'A 级'),
  (190, 'good  quality'),
  (191, '全年开展培训2次'),
  (192, '群众满意度明显提升'),
  -- notes
  (193, '≥62%(2022年:61%)'),
  (194, '≥62%（2022年：61%）'),
  (195, '95% (2023年实际)'),
  (196, '100人(含外地)'),
  -- a year word before a date without a year (DOMAIN §7: 每年12月底前)
  (197, '每年12月底前'),
  (198, '当年6月30日前完成'),
  (199, '每年2次'),
  -- a separator that ends the cell
  (200, '≥95%；'),
  (201, '12月底前，')
;

-- At least 150 inputs, and every one accepted without an error by the
-- validity function too.
SELECT count(*) >= 150 AS enough,
       count(*) FILTER (WHERE NOT perf_is_valid(input)) AS rejected
  FROM valid_input;

SELECT v.id, v.input, t::text AS canonical,
       perf_symbol(t) AS symbol, perf_kind(t) AS kind,
       perf_number(t) AS number, perf_unit(t) AS unit,
       perf_base_number(t) AS base_number,
       t::text::perf_target = t AND t::text::perf_target::text = t::text
         AS round_trip
  FROM valid_input v, LATERAL (SELECT v.input::perf_target AS t) s
 ORDER BY v.id;

-- The canonical text is a fixed point, and equal to the value it came from.
SELECT count(*) AS not_round_trip
  FROM valid_input
 WHERE NOT (input::perf_target::text::perf_target = input::perf_target
            AND input::perf_target::text::perf_target::text
                = input::perf_target::text);

-- perf_value: the same cells without a written comparator.
CREATE TEMP TABLE value_input (id int PRIMARY KEY, input text NOT NULL);
INSERT INTO value_input VALUES
  -- percent
  (1, '95%'),
  (2, '100.00%'),
  (3, '97.30%'),
  (4, '95百分比'),
  (5, '９５．５％'),
  (6, '-3%'),
  -- quantity
  (7, '220'),
  (8, '29.2万人'),
  (9, '292000人'),
  (10, '7,548,150'),
  (11, '1346.0088万平方米'),
  (12, '1次/月'),
  (13, '530元/人*月'),
  (14, '400元/人、天'),
  (15, '780元/生/年'),
  (16, '7工作日'),
  (17, '1000元'),
  (18, '1亿元'),
  (19, '12 种'),
  -- date
  (20, '2024年12月31日'),
  (21, '2023年底'),
  (22, '12月底'),
  (23, '2024-12-31'),
  (24, '2024年1月'),
  (25, '2024年12月底'),
  -- range
  (26, '90%-100%'),
  (27, '90-100%'),
  (28, '±3%'),
  (29, '2023.07-2024.01'),
  (30, '2021年1月-12月'),
  (31, '2018-2022'),
  -- qualitative
  (32, '充分'),
  (33, '序时进度'),
  (34, '达成'),
  (35, '部分达成'),
  (36, '未达成'),
  (37, '是'),
  (38, '否'),
  (39, '解决困难人员 缴纳基本 养老保险费 难的问题'),
  (40, '不低于上年'),
  -- note
  (41, '62%(2022年:61%)');

SELECT v.id, v.input, x::text AS canonical, perf_kind(x) AS kind,
       perf_number(x) AS number, perf_unit(x) AS unit,
       perf_base_number(x) AS base_number,
       x::text::perf_value = x AND x::text::perf_value::text = x::text
         AS round_trip
  FROM value_input v, LATERAL (SELECT v.input::perf_value AS x) s
 ORDER BY v.id;

SELECT count(*) FILTER (WHERE NOT perf_value_is_valid(input)) AS rejected
  FROM value_input;

-- A perf_value is the value of its perf_target: same text, same parts.
SELECT count(*) AS differ
  FROM value_input
 WHERE perf_value_of(input::perf_target)::text <> input::perf_value::text
    OR perf_value_of(input::perf_target) <> input::perf_value
    OR perf_kind(input::perf_target) <> perf_kind(input::perf_value);

-- perf_value refuses a written comparator (perf_invalid shows the errors).
SELECT input, perf_is_valid(input) AS target_ok,
       perf_value_is_valid(input) AS value_ok
  FROM (VALUES ('≥95%'), ('>=95%'), ('=100%'), ('95%以上'), ('不低于95%'),
               ('≤7工作日'), ('不超过202.6万元'), ('5%以内'), ('定性 100%'),
               ('超过100人'), ('低于5%'), ('达到100%')) AS c(input);

-- Casts from text and NULL handling.
SELECT '≥95%'::text::perf_target AS from_text,
       CAST('29.2万人' AS perf_value) AS cast_value,
       NULL::text::perf_target IS NULL AS null_target,
       perf_is_valid(NULL) IS NULL AS null_valid;

-- DESIGN §3 lists '12月底前' among the date values of perf_value: a deadline
-- written with 前 is a value, not a comparator a value must refuse.
SELECT perf_value_is_valid('12月底前') AS deadline_is_value,
       perf_value_is_valid('2024年12月31日前') AS dated_deadline_is_value;

-- A dash or slash in the comparator cell stands for "none" (a blank cell);
-- ≥= is ≥ (1.1).
SELECT perf_target('/', '充分') AS slash, perf_target('—', '95%') AS dash,
       perf_target('无', '≥90%') AS none, perf_target('≥=', '95%') AS ge_eq,
       perf_target('≤=', '5%') AS le_eq;
