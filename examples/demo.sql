-- demo.sql — a first look at pg_perfbudget's indicator types.
-- Run by bin/pb-demo in a throw-away cluster; works in any database where
-- the extension is installed (psql -f examples/demo.sql).

CREATE EXTENSION pg_perfbudget;
\pset null NULL

\echo
\echo '== The (计算符号, 指标值) cells of the 如皋 seed forms, and other shapes seen on real forms'

SELECT c.symbol,
       c.value,
       t::text                          AS target,
       perfbudget.perf_symbol(t)        AS perf_symbol,
       perfbudget.perf_kind(t)          AS perf_kind,
       perfbudget.perf_number(t)        AS perf_number,
       perfbudget.perf_unit(t)          AS perf_unit,
       perfbudget.perf_base_number(t)   AS perf_base_number
  FROM (VALUES
          (1,  '定性', '充分'),
          (2,  '定性', '规范'),
          (3,  '=',    '100%'),
          (4,  '定性', '序时进度'),
          (5,  '定性', '100%'),
          (6,  '定性', '及时高效'),
          (7,  '≥',    '95%'),
          (8,  '定性', '否'),
          (9,  '定性', '解决困难人员 缴纳基本养老 保险费难的问题'),
          (10, '≥',    '≥62%(2022年:61%)'),
          (11, '',     '95%以上'),
          (12, '=',    '29.2万人'),
          (13, '≤',    '7工作日'),
          (14, '',     '不少于12 种'),
          (15, '',     '12月底前'),
          (16, '',     '90%-100%'),
          (17, '±',    '3%')
       ) AS c(n, symbol, value)
 CROSS JOIN LATERAL perfbudget.perf_target(c.symbol, c.value) AS t
 ORDER BY c.n;

\echo
\echo '== perf_met: does the actual value meet the target?'

SELECT m.symbol,
       m.value,
       m.actual,
       perfbudget.perf_met(perfbudget.perf_target(m.symbol, m.value),
                           m.actual::perfbudget.perf_value) AS perf_met
  FROM (VALUES
          (1, '≥',    '95%',    '96%'),
          (2, '≥',    '95%',    '90%'),
          (3, '定性', '充分',   '充分'),
          (4, '=',    '1万元',  '10000元'),
          (5, '≥',    '95%',    '1000元')
       ) AS m(n, symbol, value, actual)
 ORDER BY m.n;

\echo
\echo '== Importing the six example forms (examples/rugao_2024_hrss.txt, text extracted from PDF)'
\set doc `cat examples/rugao_2024_hrss.txt`
-- the new ids first: rows stored by import_form are visible to the next statement
CREATE TEMP TABLE imported AS SELECT id FROM perfbudget.import_form(:'doc') AS id;
SELECT p.id, p.region AS 行政区划, p.name AS 项目名称, p.total AS 资金总额, p.spend_half_year AS 半年计划,
       (SELECT count(*) FROM perfbudget.indicator i WHERE i.project_id = p.id) AS 指标数
  FROM imported JOIN perfbudget.project p USING (id)
 ORDER BY p.id;

\echo
\echo '== Department summary (perfbudget.department_summary; amounts in 万元)'
SELECT budget_year, region, coalesce(department, '（全部）') AS department, is_total, projects,
       total, spend_half_year, half_year_ratio, indicators, quantitative_indicators,
       quantitative_share, issues_error, issues_warning
  FROM perfbudget.department_summary
 ORDER BY budget_year, is_total, region, department;

\echo
\echo '== Validation report (perfbudget.form_issues)'
SELECT project_id, severity, code, message
  FROM perfbudget.form_issues
 ORDER BY project_id, severity, code, line_no;
