--
-- test/pgtap/import.sql — perfbudget.import_form and the JSON round trip
-- (pg_prove, run from the repository root: the documents are read with
-- psql backquotes relative to it).
--
-- The seed document imports the six forms of examples/seed_forms.sql
-- exactly (92 indicators); every committed variant (test/import/variants/)
-- imports to the same forms; a second import is 23505 unless replace; JSON
-- round trip; broken documents fail with their SQLSTATE and leave nothing;
-- region and level from the title line; the other layouts of the indicator
-- table (examples/layouts/) and the seed in four columns; hostile cells.
-- Everything runs in one transaction that is rolled back.
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
\set doc `cat examples/rugao_2024_hrss.txt`
-- examples/seed_forms.sql without its BEGIN/COMMIT (this file is one transaction)
\set seed_forms `sed -e "/^BEGIN;$/d" -e "/^COMMIT;$/d" examples/seed_forms.sql`
BEGIN;
SELECT plan(108);

-- The tables may hold forms of other tests: work on empty ones.
DELETE FROM project;

CREATE FUNCTION pg_temp.forms() RETURNS TABLE (name text, j jsonb)
LANGUAGE sql AS $$
    SELECT p.name, perfbudget.form_json(p.id) - 'id' FROM perfbudget.project p
$$;
CREATE FUNCTION pg_temp.row_count() RETURNS bigint
LANGUAGE sql AS $$
    SELECT (SELECT count(*) FROM perfbudget.project)
         + (SELECT count(*) FROM perfbudget.expenditure)
         + (SELECT count(*) FROM perfbudget.indicator)
$$;
-- The seed with the first occurrence of 'old' in form n replaced.
CREATE FUNCTION pg_temp.edit(doc text, n int, old text, new text) RETURNS text
LANGUAGE plpgsql AS $fn$
DECLARE
    title constant text := '如皋市市级项目预算绩效目标申报表';
    parts text[] := string_to_array(doc, title);
    at int := strpos(parts[n + 1], old);
BEGIN
    IF at = 0 THEN
        RAISE EXCEPTION 'edit: "%" is not in form %', old, n;
    END IF;
    parts[n + 1] := overlay(parts[n + 1] PLACING new FROM at FOR length(old));
    RETURN array_to_string(parts, title);
END
$fn$;
-- Import doc in a subtransaction, fire the deferred checks, compare with
-- the seed import (table imported) by name, roll back: 'n/m equal'.
CREATE FUNCTION pg_temp.variant(doc text) RETURNS text
LANGUAGE plpgsql AS $fn$
DECLARE r text;
BEGIN
    BEGIN
        DELETE FROM perfbudget.project;
        PERFORM perfbudget.import_form(doc);
        SET CONSTRAINTS ALL IMMEDIATE;
        SELECT count(*) FILTER (WHERE f.j = i.j) || '/' || count(*) || ' equal' INTO r
        FROM pg_temp.forms() f LEFT JOIN imported i USING (name);
        RAISE EXCEPTION USING ERRCODE = 'P0004', MESSAGE = 'roll back';
    EXCEPTION WHEN assert_failure THEN
        NULL;
    END;
    SET CONSTRAINTS ALL DEFERRED;
    RETURN r;
END
$fn$;

-- ---- the seed document (11)
CREATE TEMP TABLE seed_ids AS SELECT * FROM import_form(:'doc') WITH ORDINALITY AS i(id, ordinal);
SELECT is((SELECT count(*) FROM seed_ids), 6::bigint, 'the seed document holds six forms');
SELECT results_eq(
    $$SELECT p.name FROM seed_ids i JOIN project p USING (id) ORDER BY i.ordinal$$,
    $$VALUES ('社保扩面业务经费'), ('“助保贷款”财政贴息'), ('《社会保险手册》印刷费'),
             ('社保业务运营经费'), ('打印纸及个人账户打印纸'), ('居保转企保参保补助')$$,
    'import_form returns the ids in document order');
SELECT results_eq(
    $$SELECT p.name, count(i.*) FROM project p LEFT JOIN indicator i ON i.project_id = p.id
      GROUP BY p.id, p.department_id ORDER BY p.id$$,
    $$VALUES ('社保扩面业务经费', 15::bigint), ('“助保贷款”财政贴息', 16), ('《社会保险手册》印刷费', 15),
             ('社保业务运营经费', 15), ('打印纸及个人账户打印纸', 15), ('居保转企保参保补助', 16)$$,
    'indicators per form');
SELECT is((SELECT count(*) FROM indicator), 92::bigint, '92 indicators in all');
-- import_form marks the forms whose rows it added up as checked (the
-- deferred sum check skips them at commit): a change made after the import,
-- in the same transaction, is checked all the same
SELECT throws_ok($$UPDATE expenditure SET half_year = half_year + 1
    WHERE project_id = (SELECT id FROM seed_ids WHERE ordinal = 4) AND line_no = 1;
    SET CONSTRAINTS ALL IMMEDIATE$$, '23514',
    'project "社保业务运营经费": the expenditure rows (资金分配) do not add up to the expenditure total (资金总额) (constraint expenditure_matches_total)',
    'a 资金分配 row of an imported form changed afterwards in the same transaction is checked');
SELECT throws_ok($$UPDATE project SET spend_half_year = spend_half_year + 1
    WHERE id = (SELECT id FROM seed_ids WHERE ordinal = 4);
    SET CONSTRAINTS ALL IMMEDIATE$$, '23514', NULL,
    'the totals of an imported form changed afterwards in the same transaction are checked');
SELECT throws_ok($$INSERT INTO expenditure (project_id, line_no, item, half_year, annual)
    VALUES ((SELECT id FROM seed_ids WHERE ordinal = 4), 6, '差旅费', 0, 1);
    SET CONSTRAINTS ALL IMMEDIATE$$, '23514',
    'project "社保业务运营经费": the expenditure rows (资金分配) do not add up to the expenditure total (资金总额) (constraint expenditure_matches_total)',
    'a row added to an imported form in the same transaction is checked');
SELECT lives_ok($$SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED$$,
    'the imported forms themselves pass the pending checks');
SELECT results_eq($$SELECT DISTINCT region, region_level FROM project$$,
    $$VALUES ('如皋市', '市级')$$, 'region and level from the title 如皋市市级项目预算绩效目标申报表');
SELECT results_eq(
    $$SELECT total, fiscal_subtotal, general_budget, spend_half_year, spend_annual FROM project ORDER BY id$$,
    $$VALUES (9::numeric, 9::numeric, 9::numeric, 9::numeric, 9::numeric), (1, 1, 1, 0, 1), (5, 5, 5, 1, 5),
             (155, 155, 155, 66, 155), (6, 6, 6, 1, 6), (975, 975, 975, 975, 975)$$,
    'income and expenditure totals');
SELECT results_eq(
    $$SELECT e.item, e.half_year, e.annual FROM expenditure e JOIN project p ON p.id = e.project_id
      WHERE p.name = '社保业务运营经费' ORDER BY e.line_no$$,
    $$VALUES ('办公费', 30::numeric, 60.8::numeric), ('劳务费', 30, 60.2), ('委托业务费', 3, 19),
             ('其他商品和服务支出', 2, 10), ('办公设备购置', 1, 5)$$,
    'the five 资金分配 rows of 社保业务运营经费, including the unindented ones');
SELECT results_eq(
    $$SELECT DISTINCT attribute, level, category, start_month, end_month, manager, phone FROM project ORDER BY category$$,
    $$VALUES ('常年安排', '市本级', '其他运转类', '2024-01-01'::date, '2024-12-01'::date, '吴建华', '0513-87287616'),
             ('常年安排', '市本级', '特定目标类', '2024-01-01'::date, '2024-12-01'::date, '吴建华', '0513-87287616')$$,
    'checkboxes, months and 项目负责人/联系电话');
SELECT results_eq(
    $$SELECT i.level1, i.level2, i.level3 FROM indicator i JOIN project p ON p.id = i.project_id
      WHERE p.name = '居保转企保参保补助' AND i.line_no IN (10, 14, 16) ORDER BY i.line_no$$,
    $$VALUES ('过程指标', '组织实施', '管理制度健全性'), ('产出指标', '时效指标', '完成及时性'),
             ('满意度指标', '满意度指标', '服务对象满意度')$$,
    'blank, missing and space-broken level-1/2 cells are carried or joined');
SELECT is((SELECT annual_target::text FROM indicator i JOIN project p ON p.id = i.project_id
           WHERE p.name = '“助保贷款”财政贴息' AND i.line_no = 15),
          '解决困难人员缴纳基本养老保险费难的问题', 'a value broken by spaces is joined');
SELECT is((SELECT content FROM project WHERE name = '社保业务运营经费'),
          (SELECT content FROM project WHERE name = '社保业务运营经费' AND content LIKE '办公费:%办公设备购置费:%'),
          'a long text field is read whole');

-- ---- equal to the forms entered by hand (6 + 1)
CREATE TEMP TABLE imported AS SELECT * FROM pg_temp.forms();
DELETE FROM project;
:seed_forms
-- (seed_forms.sql also loads under 0.1, which has no region column)
UPDATE project SET region = '如皋市', region_level = '市级';
CREATE TEMP TABLE by_hand AS SELECT * FROM pg_temp.forms();
DELETE FROM project;
-- (the keys whose values differ, so that a failure says where)
CREATE FUNCTION pg_temp.diff(a jsonb, b jsonb) RETURNS text
LANGUAGE sql AS $$
    SELECT coalesce(string_agg(k, ', ' ORDER BY k), 'none')
    FROM jsonb_object_keys(coalesce(a, '{}') || coalesce(b, '{}')) k WHERE a -> k IS DISTINCT FROM b -> k
$$;
SELECT is(pg_temp.diff(i.j, h.j), 'none', 'import equals examples/seed_forms.sql: ' || h.name)
FROM by_hand h LEFT JOIN imported i USING (name) ORDER BY h.j ->> 'budget_year', h.name;
SELECT is((SELECT sum(jsonb_array_length(j -> 'indicators'))::bigint FROM by_hand), 92::bigint,
          'examples/seed_forms.sql holds 92 indicators');

-- ---- variants (24)
\set v `cat test/import/variants/crlf.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant crlf');
\set v `cat test/import/variants/bom.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant bom');
\set v `cat test/import/variants/bom_crlf.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant bom_crlf');
\set v `cat test/import/variants/fullwidth_labels.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant fullwidth_labels');
\set v `cat test/import/variants/spaces.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant spaces');
\set v `cat test/import/variants/levels_filled.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant levels_filled');
\set v `cat test/import/variants/levels_from_level3.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant levels_from_level3');
\set v `cat test/import/variants/levels_shifted.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant levels_shifted');
\set v `cat test/import/variants/levels_split.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant levels_split');
\set v `cat test/import/variants/text_multiline.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant text_multiline');
\set v `cat test/import/variants/checkbox_before.txt`
SELECT is(pg_temp.variant(:'v'), '3/3 equal', 'variant checkbox_before');
\set v `cat test/import/variants/checkbox_unticked.txt`
SELECT is(pg_temp.variant(:'v'), '3/3 equal', 'variant checkbox_unticked');
\set v `cat test/import/variants/checkbox_ballot_after.txt`
SELECT is(pg_temp.variant(:'v'), '3/3 equal', 'variant checkbox_ballot_after');
\set v `cat test/import/variants/checkbox_ballot_before.txt`
SELECT is(pg_temp.variant(:'v'), '3/3 equal', 'variant checkbox_ballot_before');
\set v `cat test/import/variants/checkbox_attr_order.txt`
SELECT is(pg_temp.variant(:'v'), '3/3 equal', 'variant checkbox_attr_order');
\set v `cat test/import/variants/reordered.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant reordered');
\set v `cat test/import/variants/single_1.txt`
SELECT is(pg_temp.variant(:'v'), '1/1 equal', 'variant single_1');
\set v `cat test/import/variants/single_2.txt`
SELECT is(pg_temp.variant(:'v'), '1/1 equal', 'variant single_2');
\set v `cat test/import/variants/single_3.txt`
SELECT is(pg_temp.variant(:'v'), '1/1 equal', 'variant single_3');
\set v `cat test/import/variants/single_4.txt`
SELECT is(pg_temp.variant(:'v'), '1/1 equal', 'variant single_4');
\set v `cat test/import/variants/single_5.txt`
SELECT is(pg_temp.variant(:'v'), '1/1 equal', 'variant single_5');
\set v `cat test/import/variants/single_6.txt`
SELECT is(pg_temp.variant(:'v'), '1/1 equal', 'variant single_6');
\set v `cat test/import/variants/combo_all.txt`
SELECT is(pg_temp.variant(:'v'), '6/6 equal', 'variant combo_all');
\set v `cat test/import/variants/combo_mixed_eol.txt`
SELECT is(pg_temp.variant(:'v'), '2/2 equal', 'variant combo_mixed_eol');

-- ---- import again (5)
SELECT lives_ok(format('SELECT perfbudget.import_form(%L)', :'doc'), 'the seed imports');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)', :'doc'), '23505',
    'form 1 "社保扩面业务经费" has been imported already', 'importing it again is 23505 naming the first form');
CREATE TEMP TABLE old_ids AS SELECT id FROM project;
SELECT lives_ok(format('SELECT perfbudget.import_form(%L, replace => true)', :'doc'),
    'replace => true replaces the six forms');
SELECT is((SELECT count(*) FROM project), 6::bigint, 'still six forms after replace');
SELECT is((SELECT count(*) FROM project WHERE id IN (SELECT id FROM old_ids)), 0::bigint,
    'the replaced forms have new ids');

-- ---- a row that leaves its 计算符号 blank, in the middle of the table (2)
SELECT lives_ok(format('SELECT perfbudget.import_form(%L, replace => true)',
    pg_temp.edit(:'doc', 1, E'立项程序规范性\t定性\t\t规范', E'立项程序规范性\t\t\t规范')),
    'a blank 计算符号 cell mid-table imports (values are the last two cells)');
SELECT is((SELECT annual_target::text FROM indicator i JOIN project p ON p.id = i.project_id
           WHERE p.name = '社保扩面业务经费' AND i.level3 = '立项程序规范性'),
          '规范', 'the row with a blank 计算符号 keeps its target (定性 by default)');
SELECT lives_ok(format('SELECT perfbudget.import_form(%L, replace => true)', :'doc'),
    'the seed again, for what follows');

-- ---- JSON round trip (7)
UPDATE project SET spend_executed = 150.5 WHERE name = '社保业务运营经费';
UPDATE indicator SET actual = '98%', weight = 10, score = 9.5, deviation_note = '年底前完成'
WHERE project_id = (SELECT id FROM project WHERE name = '社保业务运营经费') AND line_no = 12;
CREATE FUNCTION pg_temp.round_trip(x bigint) RETURNS TABLE (name text, before jsonb, after jsonb)
LANGUAGE plpgsql AS $fn$
DECLARE
    j jsonb := perfbudget.form_json(x);
    y bigint;
BEGIN
    DELETE FROM perfbudget.project WHERE id = x;
    y := perfbudget.import_form_json(j);
    RETURN QUERY SELECT j ->> 'name', j - 'id', perfbudget.form_json(y) - 'id';
END
$fn$;
SELECT is(pg_temp.diff(r.after, r.before), 'none', 'JSON round trip: ' || r.name)
FROM (SELECT id FROM project ORDER BY id) p, pg_temp.round_trip(p.id) r;
SELECT throws_ok($$SELECT perfbudget.import_form_json('{"name": "x", "colour": 1}')$$, '22023',
    'form JSON has unknown keys: colour', 'unknown JSON keys are an error');

-- ---- form_json (C) is what its SQL definition of 1.0 gave, key for key (2)
CREATE FUNCTION pg_temp.form_json_sql(project_id bigint) RETURNS jsonb LANGUAGE sql STABLE AS $fn$
    SELECT (to_jsonb(p) - 'department_id')
           || jsonb_build_object(
                'expenditure',
                coalesce((SELECT jsonb_agg(to_jsonb(e) - 'project_id' - 'department_id' ORDER BY e.line_no)
                          FROM perfbudget.expenditure e
                          WHERE e.project_id = p.id AND e.department_id = p.department_id), '[]'::jsonb),
                'indicators',
                coalesce((SELECT jsonb_agg(to_jsonb(i) - 'project_id' - 'department_id' ORDER BY i.line_no)
                          FROM perfbudget.indicator i
                          WHERE i.project_id = p.id AND i.department_id = p.department_id), '[]'::jsonb))
    FROM perfbudget.project p WHERE p.id = form_json_sql.project_id LIMIT 1
$fn$;
-- a form without expenditure rows, with an executed amount and a scored row
INSERT INTO project (budget_year, region, name, department, total, fiscal_subtotal, general_budget,
                     start_month, end_month, spend_executed)
VALUES (2024, '如皋市', 'JSON 无资金分配行', '测试局', 0, 0, 0, '2024-01-01', '2024-12-01', 0.25);
SELECT is((SELECT string_agg(p.name, ', ') FROM project p
           WHERE perfbudget.form_json(p.id)::text IS DISTINCT FROM pg_temp.form_json_sql(p.id)::text),
          NULL, 'form_json of every form equals to_jsonb of its rows (SQL), as text');
SELECT is(perfbudget.form_json(-1), NULL, 'form_json of no form is NULL');
DELETE FROM project WHERE name = 'JSON 无资金分配行';

-- ---- broken documents (13): SQLSTATE, and nothing left behind
DELETE FROM project;
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 4, E'办公费\t\t30\t60.8', E'办公费\t\t30\t61.8')), '23514',
    'form 4 "社保业务运营经费": the expenditure rows (资金分配) do not add up to the expenditure total (资金总额)', 'a 资金分配 row off by 1');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(pg_temp.edit(:'doc', 3, E'资金总额\t\t1\t5', E'资金总额\t\t6\t5'), 3, E'印刷费\t\t1\t5', E'印刷费\t\t6\t5')),
    '23514', NULL, 'half-year above annual');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 1, E'一般公共预算资金\t\t\t9', E'一般公共预算资金\t\t\t8')), '23514', NULL,
    '财政拨款小计 ≠ its parts');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 6, E'\t\t上年结转资金\t\t\t\t', E'\t\t外资贷款\t\t\t\t3')), '22P02',
    'could not read form 6 "居保转企保参保补助": an income line has an amount but no funding source that can be recognized', 'an unknown funding source');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 2, E'项目名称\t“助保贷款”财政贴息\t\t\t', '')), '22P02',
    'could not read form 2 "": the 项目名称 (project name) is missing', 'no 项目名称');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 3, E'\t主管部门\t如皋市人力资源和社会保障局', '')), '22P02',
    'could not read form 3 "《社会保险手册》印刷费": the 主管部门 (department) is missing', 'no 主管部门');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)', pg_temp.edit(:'doc', 5, '(2024年度)', '')),
    '22P02', 'could not read form 5 "打印纸及个人账户打印纸": the budget year is missing (such as "(2024年度)")', 'no year');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 1, E'开始时间\t2024年1月', E'开始时间\t2024年13月')), '22P02',
    'form 1 "社保扩面业务经费": the 开始时间 "2024年13月" is not a year and month', 'a bad 开始时间');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 1, E'服务对象满意度\t≥\t\t95%\t95%', E'服务对象满意度\t≥\t\t95%\t**人')), '22P02',
    NULL, 'a placeholder target ≥**人');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 3, E'社会和受益人满意度\t≥\t\t95%', E'社会和受益人满意度\t≥\t\t≤95%')), '22P02',
    NULL, '计算符号 ≥ with the value ≤95%');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    left(:'doc', strpos(:'doc', '办公费:做好宣传服务工作') + 5)), '22P02',
    'could not read form 4 "社保业务运营经费": the indicator table is missing; the document may be incomplete', 'truncated before the indicator table');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)', E'lorem ipsum\tdolor 42\nsit amet 3.14\n'),
    '22P02', NULL, 'random text');
SELECT is(pg_temp.row_count(), 0::bigint, 'the failed imports left nothing behind');

-- ---- hostile cells and lines (5)
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 4, E'办公费\t\t30\t60.8', E'办公费\t\t九\t60.8')), '22P02',
    'could not read form 4 "社保业务运营经费": 资金分配 "办公费": the 半年(程)计划执行数 "九" is not a number (amounts are in 万元, written as digits only)',
    '九 in an amount cell is not a number (not a name over several cells)');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 4, E'办公费\t\t30\t60.8', E'办公费\t\t30\tNaN')), '22P02',
    'could not read form 4 "社保业务运营经费": 资金分配 "办公费": the 全年(程)预算数 "NaN" is not a number (amounts are in 万元, written as digits only)',
    'NaN in an amount cell is not a number');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 2, E'项目属性\t', E'项目名称\t第二名称\n项目属性\t')), '22P02',
    'could not read form 2 "“助保贷款”财政贴息": 项目名称 appears twice: line 56 "“助保贷款”财政贴息", line 57 "第二名称"; a form has one 项目名称',
    'a second 项目名称 line is refused, naming both lines');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 2, E'项目属性\t', E'\t主管部门\t如皋市财政局\n项目属性\t')), '22P02',
    NULL, 'a second 主管部门 line is refused');
SELECT is(pg_temp.row_count(), 0::bigint, 'the hostile documents left nothing behind');

-- ---- cells as spreadsheet exports and other systems write them (6):
-- amounts with their unit 万元, the period as 2024.1 / 2024-12, a
-- separator closing a target, a dash for "no comparator": the same forms
SELECT is(pg_temp.variant(
    pg_temp.edit(pg_temp.edit(pg_temp.edit(pg_temp.edit(pg_temp.edit(pg_temp.edit(:'doc',
        4, E'办公费\t\t30\t60.8', E'办公费\t\t30万\t60.8 万元'),
        4, E'资金总额\t\t\t155', E'资金总额\t\t\t155万元'),
        1, E'开始时间\t2024年1月', E'开始时间\t2024.1'),
        1, '2024年12月', '2024-12'),
        1, E'服务对象满意度\t≥\t\t95%\t95%', E'服务对象满意度\t≥\t\t95%；\t95%；'),
        1, E'立项依据充分性\t定性', E'立项依据充分性\t/')),
    '6/6 equal', '万元 after an amount, 2024.1 and 2024-12 as the period, ≥95%； and / as 计算符号 read as the seed');
SELECT is(pg_temp.variant(
    pg_temp.edit(pg_temp.edit(pg_temp.edit(pg_temp.edit(pg_temp.edit(pg_temp.edit(:'doc',
        1, '(2024年度)', '（2024年）'),
        1, E'项目名称\t', E'项目名称（全称）\t'),
        1, E'主管部门\t', E'主管部门(单位)\t'),
        1, '实施单位:', '实施单位（盖章）'),
        2, '(2024年度)', '预算年度：2024年'),
        2, '实施单位:', '项目单位')),
    '6/6 equal', '（2024年） and 预算年度：2024年 as the year, a bracketed note after a label, 项目单位 for 实施单位 read as the seed');
SELECT is(pg_temp.variant(
    pg_temp.edit(pg_temp.edit(:'doc', 4, E'财政拨款\t小计', E'其中：财政拨款\t小计'),
        4, E'\t政府性基金预算\t\t\t', E'\t一般公共预算资金\t\t\t155.00')),
    '6/6 equal', '其中：before a funding source, and a source written twice with the same amount, read as the seed');
SELECT is(pg_temp.variant(
    pg_temp.edit(pg_temp.edit(pg_temp.edit(:'doc',
        4, E'资金总额\t\t\t155', E'资金总额（万元）\t\t\t155'),
        4, E'一般公共预算资金\t', E'一般公共预算资金（当年）\t'),
        4, E'资金总额\t\t66\t155', E'资金总额(万元)\t\t66\t155')),
    '6/6 equal', 'a bracketed note after a money label (资金总额（万元）, 一般公共预算资金（当年）) read as the seed');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 4, E'\t政府性基金预算\t\t\t', E'\t一般公共预算资金\t\t\t150')), '22P02',
    'could not read form 4 "社保业务运营经费": the amount of 一般公共预算资金 appears twice: line 159 "155", line 160 "150"; a form has one',
    'a funding source written twice with two amounts is refused, not the last one kept');
SELECT throws_ok(format('SELECT perfbudget.import_form(%L)',
    pg_temp.edit(:'doc', 4, E'办公费\t\t30\t60.8', E'办公费\t\t30\t608000元')), '22P02',
    'could not read form 4 "社保业务运营经费": 资金分配 "办公费": the 全年(程)预算数 "608000元" is not a number (amounts are in 万元, written as digits only)',
    'an amount in 元 is refused, not read as 万元');

-- ---- region and level from the title line (1)
CREATE FUNCTION pg_temp.region_of(title text) RETURNS text
LANGUAGE plpgsql AS $fn$
DECLARE r text;
BEGIN
    BEGIN
        PERFORM perfbudget.import_form(replace((SELECT d FROM seed_doc), '如皋市市级项目预算绩效目标申报表', title));
        SELECT coalesce(region, '-') || '/' || coalesce(region_level, '-') INTO r
        FROM perfbudget.project ORDER BY id LIMIT 1;
        RAISE EXCEPTION USING ERRCODE = 'P0004', MESSAGE = 'roll back';
    EXCEPTION WHEN assert_failure THEN
        NULL;
    END;
    RETURN r;
END
$fn$;
CREATE TEMP TABLE seed_doc AS SELECT :'doc'::text AS d;
SELECT results_eq(
    $$SELECT pg_temp.region_of(t) FROM unnest(ARRAY['江苏省省级项目预算绩效目标申报表',
        '海安县县级项目预算绩效目标申报表', '崇川区区级项目预算绩效目标申报表',
        '如东县本级项目预算绩效目标申报表', '项目预算绩效目标申报表']) WITH ORDINALITY AS x(t, o) ORDER BY o$$,
    $$VALUES ('江苏省/省级'), ('海安县/县级'), ('崇川区/区级'), ('如东县/县级'), ('-/-')$$,
    'province, county, district, 县本级 and no region');

-- ---- the seed in the four-column layout 一级|二级|三级|指标值 (2)
\set v `cat test/import/variants/layout_four_columns.txt`
SELECT lives_ok(format('SELECT perfbudget.import_form(%L)', :'v'), 'the seed in four columns imports');
SELECT is((SELECT count(*) FROM indicator i JOIN project p ON p.id = i.project_id
           JOIN (SELECT x.j ->> 'name' AS name, (r ->> 'line_no')::int AS line_no, r ->> 'level1' AS l1,
                        r ->> 'level2' AS l2, r ->> 'level3' AS l3
                 FROM imported x, jsonb_array_elements(x.j -> 'indicators') r) s
             ON s.name = p.name AND s.line_no = i.line_no
           WHERE (i.level1, i.level2, i.level3) = (s.l1, s.l2, s.l3) AND i.half_year_target IS NULL),
          92::bigint, 'all 92 rows keep their three levels (no name shifted into a target)');
DELETE FROM project;

-- ---- the examples of the other layouts (5 × 3)
\set v `cat examples/layouts/hunan_county_value.txt`
SELECT lives_ok(format('SELECT perfbudget.import_form(%L)', :'v'), 'hunan_county_value imports');
SELECT results_eq($$SELECT region, region_level, count(i.*), count(i.remarks) FROM project p JOIN indicator i ON i.project_id = p.id GROUP BY p.id, p.department_id$$,
    $$VALUES ('湘潭县', '县级', 8::bigint, 2::bigint)$$, 'hunan_county_value: region, 8 rows, 2 with 备注');
SELECT results_eq($$SELECT level1, level2, level3, annual_target::text FROM indicator WHERE line_no IN (2, 5) ORDER BY line_no$$,
    $$VALUES ('产出指标', '数量指标', '*新建港湾式候车亭', '10个'), ('产出指标', '成本指标', '每公里养护成本', '≤475元/公里')$$,
    'hunan_county_value: carried levels, comparator inside the value');
DELETE FROM project;
\set v `cat examples/layouts/hunan_province_content_unit.txt`
SELECT lives_ok(format('SELECT perfbudget.import_form(%L)', :'v'), 'hunan_province_content_unit imports');
SELECT results_eq($$SELECT region, region_level, count(i.*) FROM project p JOIN indicator i ON i.project_id = p.id GROUP BY p.id, p.department_id$$,
    $$VALUES ('湖南省', '省级', 8::bigint)$$, 'hunan_province_content_unit: region and 8 rows');
SELECT results_eq($$SELECT level3, perf_symbol(annual_target), perf_unit(annual_target) FROM indicator WHERE line_no IN (1, 2) ORDER BY line_no$$,
    $$VALUES ('培训基层农技人员', '≥', '人次'), ('发放技术资料', '≥', '万份')$$,
    'hunan_province_content_unit: 指标值及单位 read whole');
DELETE FROM project;
\set v `cat examples/layouts/chongqing_district_points.txt`
SELECT lives_ok(format('SELECT perfbudget.import_form(%L)', :'v'), 'chongqing_district_points imports');
SELECT results_eq($$SELECT region, region_level, count(i.*), sum(i.weight) FROM project p JOIN indicator i ON i.project_id = p.id GROUP BY p.id, p.department_id$$,
    $$VALUES ('重庆市渝北区', '区级', 6::bigint, 80::numeric)$$, 'chongqing_district_points: region, 6 rows, weights 80');
SELECT results_eq($$SELECT DISTINCT level1, level1_points FROM indicator ORDER BY 1$$,
    $$VALUES ('产出指标', '(40-50)分'), ('成本指标', '(0-20)分'), ('效益指标', '（20-30）分'), ('满意度指标', '(10分)')$$,
    'chongqing_district_points: level-1 names without their points, the points kept');
DELETE FROM project;
\set v `cat examples/layouts/inner_mongolia_nature_direction.txt`
SELECT lives_ok(format('SELECT perfbudget.import_form(%L)', :'v'), 'inner_mongolia_nature_direction imports');
SELECT results_eq($$SELECT region, region_level, count(i.*), sum(i.weight) FROM project p JOIN indicator i ON i.project_id = p.id GROUP BY p.id, p.department_id$$,
    $$VALUES ('内蒙古自治区', '区级', 7::bigint, 90::numeric)$$, 'inner_mongolia_nature_direction: region, 7 rows, weights 90');
SELECT results_eq($$SELECT annual_target::text FROM indicator WHERE line_no IN (2, 3, 4, 6) ORDER BY line_no$$,
    $$VALUES ('≥95%'), ('≤2021年12月31日'), ('≤300万元'), ('长期稳定运行')$$,
    'inner_mongolia_nature_direction: direction, value and unit joined; 44,561 is 2021-12-31; 定性');
DELETE FROM project;
\set v `cat examples/layouts/hunan_department_value_type.txt`
SELECT lives_ok(format('SELECT perfbudget.import_form(%L)', :'v'), 'hunan_department_value_type imports');
SELECT results_eq($$SELECT region, region_level, count(i.*), count(i.remarks) FROM project p JOIN indicator i ON i.project_id = p.id GROUP BY p.id, p.department_id$$,
    $$VALUES ('长沙县', '县级', 6::bigint, 5::bigint)$$, 'hunan_department_value_type: region, 6 rows, 5 with remarks');
SELECT results_eq($$SELECT annual_target::text, perf_symbol(annual_target) FROM indicator WHERE line_no IN (1, 2, 5) ORDER BY line_no$$,
    $$VALUES ('100%', '='), ('≥12项', '≥'), ('明显提升', '定性')$$,
    'hunan_department_value_type: 定量 takes the comparator from the value');
DELETE FROM project;

-- ---- refused layouts (3)
\set v `cat test/import/variants/layout_four_columns.txt`
SELECT throws_like(format('SELECT perfbudget.import_form(%L)', replace(:'v', E'三级指标\t指标值', E'三级指标\t区域目标值')),
    '%has one target column per region (区域目标值), which cannot be imported%', 'one target column per region is refused');
SELECT throws_like(format('SELECT perfbudget.import_form(%L)', replace(:'v', E'三级指标\t指标值', E'三级指标(长期)\t指标值(长期)')),
    '%the indicator table heading "绩效指标|一级指标|二级指标|三级指标(长期)|指标值(长期)" has a column that is not recognized; the layouts that can be imported are: %',
    'an unknown layout is refused, naming the header row and the layouts accepted');
SELECT is(pg_temp.row_count(), 0::bigint, 'the refused layouts left nothing behind');

SELECT * FROM finish();
ROLLBACK;
