--
-- perf_seed — every indicator cell of the six seed forms
-- (shared/seeds/000_b2ce942b0860453d.txt, 如皋市社会保险基金管理中心, 2024年度):
-- the 计算符号 cell with the 半年(程) and the 全年(程) 指标值 cell, through
-- perf_target(symbol, value).
--
SET search_path = perfbudget, public;

CREATE TEMP TABLE seed_cell (
    form int, line int, level1 text, level2 text, level3 text,
    symbol text, half_year text, annual text,
    PRIMARY KEY (form, line));
INSERT INTO seed_cell VALUES
  -- 1 社保扩面业务经费
  (1, 1, '决策指标', '项目立项', '立项依据充分性', '定性', '充分', '充分'),
  (1, 2, '决策指标', '项目立项', '立项程序规范性', '定性', '规范', '规范'),
  (1, 3, '决策指标', '绩效目标', '绩效目标合理性', '定性', '合理', '合理'),
  (1, 4, '决策指标', '绩效目标', '绩效指标明确性', '定性', '明确', '明确'),
  (1, 5, '决策指标', '资金投入', '预算编制科学性', '定性', '科学', '科学'),
  (1, 6, '决策指标', '资金投入', '资金分配合理性', '定性', '合理', '合理'),
  (1, 7, '过程指标', '资金管理', '预算执行率', '=', '100%', '100%'),
  (1, 8, '过程指标', '资金管理', '资金使用合规性', '定性', '合规', '合规'),
  (1, 9, '过程指标', '组织实施', '制度执行有效性', '定性', '有效', '有效'),
  (1, 10, '过程指标', '组织实施', '管理制度健全性', '定性', '健全', '健全'),
  (1, 11, '产出指标', '数量指标', '实际完成率', '定性', '序时进度', '100%'),
  (1, 12, '产出指标', '质量指标', '质量达标率', '=', '100%', '100%'),
  (1, 13, '产出指标', '时效指标', '完成及时性', '定性', '及时高效', '及时高效'),
  (1, 14, '效益指标', '社会效益指标', '社会和受益人满意度', '≥', '95%', '95%'),
  (1, 15, '满意度指标', '满意度指标', '服务对象满意度', '≥', '95%', '95%'),
  -- 2 “助保贷款”财政贴息
  (2, 1, '决策指标', '项目立项', '立项依据充分性', '定性', '充分', '充分'),
  (2, 2, '决策指标', '项目立项', '立项程序规范性', '定性', '规范', '规范'),
  (2, 3, '决策指标', '绩效目标', '绩效目标合理性', '定性', '合理', '合理'),
  (2, 4, '决策指标', '绩效目标', '绩效指标明确性', '定性', '明确', '明确'),
  (2, 5, '决策指标', '资金投入', '预算编制科学性', '定性', '科学', '科学'),
  (2, 6, '决策指标', '资金投入', '资金分配合理性', '定性', '合理', '合理'),
  (2, 7, '过程指标', '资金管理', '预算执行率', '=', '100%', '100%'),
  (2, 8, '过程指标', '资金管理', '资金使用合规性', '定性', '合规', '合规'),
  (2, 9, '过程指标', '组织实施', '制度执行有效性', '定性', '有效', '有效'),
  (2, 10, '过程指标', '组织实施', '管理制度健全性', '定性', '健全', '健全'),
  (2, 11, '产出指标', '数量指标', '实际完成率', '定性', '序时进度', '100%'),
  (2, 12, '产出指标', '质量指标', '质量达标率', '=', '100%', '100%'),
  (2, 13, '产出指标', '成本指标', '是否超出预算', '定性', '否', '否'),
  (2, 14, '产出指标', '时效指标', '完成及时性', '定性', '及时高效', '及时高效'),
  (2, 15, '效益指标', '社会效益指标', '社会和受益人满意度', '定性', '解决困难人员 缴纳基本养老 保险费难的问题', '解决困难人员 缴纳基本 养老保险费 难的问题'),
  (2, 16, '满意度指标', '满意度指标', '服务对象满意度', '≥', '95%', '95%'),
  -- 3 《社会保险手册》印刷费
  (3, 1, '决策指标', '项目立项', '立项依据充分性', '定性', '充分', '充分'),
  (3, 2, '决策指标', '项目立项', '立项程序规范性', '定性', '规范', '规范'),
  (3, 3, '决策指标', '绩效目标', '绩效目标合理性', '定性', '合理', '合理'),
  (3, 4, '决策指标', '绩效目标', '绩效指标明确性', '定性', '明确', '明确'),
  (3, 5, '决策指标', '资金投入', '预算编制科学性', '定性', '科学', '科学'),
  (3, 6, '决策指标', '资金投入', '资金分配合理性', '定性', '合理', '合理'),
  (3, 7, '过程指标', '资金管理', '预算执行率', '=', '100%', '100%'),
  (3, 8, '过程指标', '资金管理', '资金使用合规性', '定性', '合规', '合规'),
  (3, 9, '过程指标', '组织实施', '制度执行有效性', '定性', '有效', '有效'),
  (3, 10, '过程指标', '组织实施', '管理制度健全性', '定性', '健全', '健全'),
  (3, 11, '产出指标', '数量指标', '实际完成率', '定性', '序时进度', '100%'),
  (3, 12, '产出指标', '质量指标', '质量达标率', '=', '100%', '100%'),
  (3, 13, '产出指标', '时效指标', '完成及时性', '定性', '及时高效', '及时高效'),
  (3, 14, '效益指标', '社会效益指标', '社会和受益人满意度', '≥', '95%', '95%'),
  (3, 15, '满意度指标', '满意度指标', '服务对象满意度', '≥', '95%', '95%'),
  -- 4 社保业务运营经费
  (4, 1, '决策指标', '项目立项', '立项依据充分性', '定性', '充分', '充分'),
  (4, 2, '决策指标', '项目立项', '立项程序规范性', '定性', '规范', '规范'),
  (4, 3, '决策指标', '绩效目标', '绩效目标合理性', '定性', '合理', '合理'),
  (4, 4, '决策指标', '绩效目标', '绩效指标明确性', '定性', '明确', '明确'),
  (4, 5, '决策指标', '资金投入', '预算编制科学性', '定性', '科学', '科学'),
  (4, 6, '决策指标', '资金投入', '资金分配合理性', '定性', '合理', '合理'),
  (4, 7, '过程指标', '资金管理', '预算执行率', '=', '100%', '100%'),
  (4, 8, '过程指标', '资金管理', '资金使用合规性', '定性', '合规', '合规'),
  (4, 9, '过程指标', '组织实施', '制度执行有效性', '定性', '有效', '有效'),
  (4, 10, '过程指标', '组织实施', '管理制度健全性', '定性', '健全', '健全'),
  (4, 11, '产出指标', '数量指标', '实际完成率', '定性', '序时进度', '100%'),
  (4, 12, '产出指标', '质量指标', '社保当日业务当日办结率', '=', '100%', '100%'),
  (4, 13, '产出指标', '时效指标', '完成及时性', '定性', '及时高效', '及时高效'),
  (4, 14, '效益指标', '社会效益指标', '社会和受益人满意度', '≥', '95%', '95%'),
  (4, 15, '满意度指标', '满意度指标', '服务对象满意度', '≥', '95%', '95%'),
  -- 5 打印纸及个人账户打印纸
  (5, 1, '决策指标', '项目立项', '立项依据充分性', '定性', '充分', '充分'),
  (5, 2, '决策指标', '项目立项', '立项程序规范性', '定性', '规范', '规范'),
  (5, 3, '决策指标', '绩效目标', '绩效目标合理性', '定性', '合理', '合理'),
  (5, 4, '决策指标', '绩效目标', '绩效指标明确性', '定性', '明确', '明确'),
  (5, 5, '决策指标', '资金投入', '预算编制科学性', '定性', '科学', '科学'),
  (5, 6, '决策指标', '资金投入', '资金分配合理性', '定性', '合理', '合理'),
  (5, 7, '过程指标', '资金管理', '预算执行率', '=', '100%', '100%'),
  (5, 8, '过程指标', '资金管理', '资金使用合规性', '定性', '合规', '合规'),
  (5, 9, '过程指标', '组织实施', '制度执行有效性', '定性', '有效', '有效'),
  (5, 10, '过程指标', '组织实施', '管理制度健全性', '定性', '健全', '健全'),
  (5, 11, '产出指标', '数量指标', '实际完成率', '定性', '序时进度', '100%'),
  (5, 12, '产出指标', '质量指标', '质量达标率', '=', '100%', '100%'),
  (5, 13, '产出指标', '时效指标', '完成及时性', '定性', '及时高效', '及时高效'),
  (5, 14, '效益指标', '社会效益指标', '社会和受益人满意度', '≥', '95%', '95%'),
  (5, 15, '满意度指标', '满意度指标', '服务对象满意度', '≥', '95%', '95%'),
  -- 6 居保转企保参保补助
  (6, 1, '决策指标', '项目立项', '立项依据充分性', '定性', '充分', '充分'),
  (6, 2, '决策指标', '项目立项', '立项程序规范性', '定性', '规范', '规范'),
  (6, 3, '决策指标', '绩效目标', '绩效目标合理性', '定性', '合理', '合理'),
  (6, 4, '决策指标', '绩效目标', '绩效指标明确性', '定性', '明确', '明确'),
  (6, 5, '决策指标', '资金投入', '预算编制科学性', '定性', '科学', '科学'),
  (6, 6, '决策指标', '资金投入', '资金分配合理性', '定性', '合理', '合理'),
  (6, 7, '过程指标', '资金管理', '预算执行率', '=', '100%', '100%'),
  (6, 8, '过程指标', '资金管理', '资金使用合规性', '定性', '合规', '合规'),
  (6, 9, '过程指标', '组织实施', '制度执行有效性', '定性', '有效', '有效'),
  (6, 10, '过程指标', '组织实施', '管理制度健全性', '定性', '健全', '健全'),
  (6, 11, '产出指标', '数量指标', '参保补助条件符合率', '=', '100%', '100%'),
  (6, 12, '产出指标', '质量指标', '质量达标率', '=', '100%', '100%'),
  (6, 13, '产出指标', '成本指标', '是否超出预算', '定性', '否', '否'),
  (6, 14, '产出指标', '时效指标', '完成及时性', '定性', '及时高效', '及时高效'),
  (6, 15, '效益指标', '社会效益指标', '社会和受益人满意度', '≥', '95%', '95%'),
  (6, 16, '满意度指标', '满意度指标', '服务对象满意度', '≥', '95%', '95%')
;

SELECT count(*) AS rows, count(DISTINCT form) AS forms FROM seed_cell;

-- Every cell, one row per (form, line, column).
SELECT c.form, c.line, c.level3, c.symbol, p.period, p.cell,
       t::text AS target, perf_symbol(t) AS sym, perf_kind(t) AS kind,
       perf_number(t) AS number, perf_unit(t) AS unit
  FROM seed_cell c,
       LATERAL (VALUES (1, 'half', c.half_year), (2, 'annual', c.annual))
               AS p(ord, period, cell),
       LATERAL (SELECT perf_target(c.symbol, p.cell) AS t) s
 ORDER BY c.form, c.line, p.ord;

-- The distinct cell pairs and how often each occurs.
SELECT t::text AS target, perf_symbol(t) AS sym, perf_kind(t) AS kind,
       count(*) AS cells
  FROM seed_cell c,
       LATERAL (VALUES (c.half_year), (c.annual)) AS p(cell),
       LATERAL (SELECT perf_target(c.symbol, p.cell) AS t) s
 GROUP BY t
 ORDER BY t;

-- Half-year and annual targets: equal except 实际完成率 (序时进度 / 100%).
-- The two spellings of the 助保贷款 phrase (broken at different places by
-- the PDF) are one value.
SELECT c.form, c.line, c.level3,
       perf_target(c.symbol, c.half_year)::text AS half_year,
       perf_target(c.symbol, c.annual)::text AS annual
  FROM seed_cell c
 WHERE perf_target(c.symbol, c.half_year) <> perf_target(c.symbol, c.annual)
    OR c.half_year <> c.annual
 ORDER BY c.form, c.line;

-- The symbol cell agrees with the value read alone wherever the value is
-- not a bare number (for a bare number the symbol cell decides).
SELECT c.symbol, p.cell, p.cell::perf_target::text AS alone,
       perf_target(c.symbol, p.cell)::text AS with_symbol
  FROM (SELECT DISTINCT symbol, half_year, annual FROM seed_cell) c,
       LATERAL (VALUES (c.half_year), (c.annual)) AS p(cell)
 GROUP BY 1, 2
 ORDER BY c.symbol COLLATE "C", p.cell COLLATE "C";

-- The same cells with the symbol cell left blank or NULL: the symbol comes
-- from the value.
SELECT p.cell, perf_target('', p.cell)::text AS blank_symbol,
       perf_target(NULL, p.cell)::text AS null_symbol,
       perf_target('', p.cell) = p.cell::perf_target AS same
  FROM (SELECT half_year FROM seed_cell UNION SELECT annual FROM seed_cell)
       AS p(cell)
 ORDER BY p.cell COLLATE "C";

-- A blank value cell is no target.
SELECT perf_target('≥', NULL) IS NULL AS null_value;

-- Every seed target reads back from its text as the same value and the same
-- bytes (a dump restored through text, or COPY, changes nothing); 154 of
-- them differed in a flag before 0.2.
SELECT count(*) AS targets,
       count(*) FILTER (WHERE t::text::perf_target = t) AS equal,
       count(*) FILTER (WHERE perf_target_send(t::text::perf_target) = perf_target_send(t)) AS same_bytes,
       count(*) FILTER (WHERE perf_value_send(perf_value_of(t)::text::perf_value)
                              = perf_value_send(perf_value_of(t))) AS same_value_bytes
  FROM seed_cell c,
       LATERAL (VALUES (perf_target(c.symbol, c.half_year)), (perf_target(c.symbol, c.annual))) AS x(t)
 WHERE t IS NOT NULL;
