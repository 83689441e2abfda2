--
-- import — perfbudget.import_form(doc, replace) and the JSON round trip
-- (DESIGN.md §5):
--
--   * the seed document (examples/rugao_2024_hrss.txt, six forms) imports
--     every fact: the project rows, the 资金分配 rows and all 92 indicators;
--   * it equals the same forms entered by hand (examples/seed_forms.sql):
--     form_json of each, minus "id", is the same;
--   * every variant of the seed in test/import/variants/ (CRLF, BOM,
--     full-width labels, stray spaces, shifted and blank indicator cells,
--     text over several lines, checkbox styles, other form orders, single
--     forms, combinations; made by test/import/make-variants.pl) imports to
--     the same forms;
--   * importing a form again is an error unless replace => true;
--   * form_json / import_form_json round trip every form losslessly;
--   * broken documents are rejected with the right SQLSTATE and a message
--     naming the form, the field or row and what was found, and leave
--     nothing behind;
--   * region and level come from the title line;
--   * the other layouts of the indicator table (examples/layouts/, one form
--     each) import exactly: levels, level-1 points, targets, weights,
--     remarks; the seed in the four-column layout reads its levels right;
--     an unknown layout and the one-column-per-region layout are refused.
--
-- try_import(doc, replace, keep) imports inside a subtransaction, fires the
-- deferred triggers at once (SET CONSTRAINTS ALL IMMEDIATE) and prints
-- either the number of forms (rolled back again unless keep) or the error's
-- SQLSTATE, MESSAGE, DETAIL, HINT and CONTEXT (read with GET STACKED
-- DIAGNOSTICS: verbose psql output would add C line numbers; the PL/pgSQL
-- and internal SQL lines of the context are left out; a project id in a
-- message, which depends on the sequence, reads #N), then the rows a failed
-- import left in the three tables, which must be 0.
--
\set VERBOSITY default
\set SHOW_CONTEXT never
SET search_path = perfbudget, public;

CREATE FUNCTION pg_temp.row_count() RETURNS bigint
LANGUAGE sql AS $$
    SELECT (SELECT count(*) FROM perfbudget.project)
         + (SELECT count(*) FROM perfbudget.expenditure)
         + (SELECT count(*) FROM perfbudget.indicator)
$$;

CREATE FUNCTION pg_temp.try_import(doc text, replace boolean DEFAULT false,
                                   keep boolean DEFAULT false)
RETURNS SETOF text
LANGUAGE plpgsql AS $fn$
DECLARE
    before bigint := pg_temp.row_count();
    n   bigint;
    st  text;
    msg text;
    det text;
    hnt text;
    ctx text;
BEGIN
    BEGIN
        SELECT count(*) INTO n FROM perfbudget.import_form(doc, replace);
        SET CONSTRAINTS ALL IMMEDIATE;
        SET CONSTRAINTS ALL DEFERRED;
        IF keep THEN
            RETURN NEXT format('imported %s forms', n);
            RETURN;
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'P0004', MESSAGE = 'roll back';
    EXCEPTION WHEN assert_failure THEN
        SET CONSTRAINTS ALL DEFERRED;
        RETURN NEXT format('imported %s forms (rolled back)', n);
        RETURN;
    WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
            det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT,
            ctx = PG_EXCEPTION_CONTEXT;
    END;
    SET CONSTRAINTS ALL DEFERRED;
    RETURN NEXT 'SQLSTATE: ' || st;
    RETURN NEXT 'MESSAGE:  ' || regexp_replace(msg, '#[0-9]+', '#N', 'g');
    RETURN NEXT 'DETAIL:   ' || coalesce(nullif(det, ''), '(none)');
    RETURN NEXT 'HINT:     ' || coalesce(nullif(hnt, ''), '(none)');
    RETURN NEXT 'CONTEXT:  ' || coalesce(nullif(
        (SELECT string_agg(l, ' / ' ORDER BY o)
         FROM regexp_split_to_table(ctx, E'\n') WITH ORDINALITY AS c(l, o)
         WHERE l !~ '^(PL/pgSQL function|SQL statement|SQL function)'), ''), '(none)');
    RETURN NEXT 'rows left behind: ' || (pg_temp.row_count() - before);
END
$fn$;

-- The seed with one edit in form n (n from 1): the first occurrence of 'old'
-- in that form becomes 'new'; an error if it is not there, so that a test
-- can never silently run on the unchanged document.
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

-- Each form as JSON without its id, keyed by name.
CREATE FUNCTION pg_temp.forms() RETURNS TABLE (name text, j jsonb)
LANGUAGE sql AS $$
    SELECT p.name, perfbudget.form_json(p.id) - 'id' FROM perfbudget.project p
$$;

-- pg_regress runs psql in the build directory and feeds this file on
-- stdin; PG_ABS_SRCDIR is the directory holding sql/ (the repository root).
\getenv abs_srcdir PG_ABS_SRCDIR
\set seed_doc :abs_srcdir '/examples/rugao_2024_hrss.txt'
\set seed_forms :abs_srcdir '/examples/seed_forms.sql'
\set variants :abs_srcdir '/test/import/variants/'
\set doc `cat :'seed_doc'`

------------------------------------------------------------------ the seed document

SELECT pg_temp.row_count() AS rows_before;
-- Six ids, in document order (a query that calls import_form cannot see
-- the rows it inserts: keep the ids, then look).
CREATE TEMP TABLE seed_ids AS SELECT * FROM import_form(:'doc') WITH ORDINALITY AS i(id, ordinal);
SELECT i.ordinal, p.name, p.id = i.id AS id_matches
FROM seed_ids i JOIN project p ON p.id = i.id ORDER BY i.ordinal;
SELECT array_agg(id ORDER BY ordinal) = array_agg(id ORDER BY id) AS ids_ascending FROM seed_ids;

\x on
SELECT name, budget_year, department, implementing_unit, reporting_unit, attribute, level,
       category, start_month, end_month, manager, phone, necessity, feasibility, content,
       long_term_goal, annual_goal, total, fiscal_subtotal, general_budget, government_fund,
       special_account, state_capital, social_insurance_fund, carryover, other_funds,
       spend_half_year, spend_annual, spend_executed, region, region_level
FROM project ORDER BY id;
\x off

SELECT p.name, e.line_no, e.item, e.half_year, e.annual
FROM expenditure e JOIN project p ON p.id = e.project_id ORDER BY p.id, e.line_no;

SELECT p.name, count(*) AS indicators,
       count(*) FILTER (WHERE perf_symbol(i.annual_target) <> '定性') AS quantitative
FROM indicator i JOIN project p ON p.id = i.project_id GROUP BY p.id, p.department_id ORDER BY p.id;
SELECT count(*) AS indicators FROM indicator;

SELECT dense_rank() OVER (ORDER BY p.id) AS form, i.line_no, i.level1, i.level2, i.level3,
       i.half_year_target, i.annual_target
FROM indicator i JOIN project p ON p.id = i.project_id ORDER BY p.id, i.line_no;

-- ---- the import equals the forms entered by hand (examples/seed_forms.sql)
CREATE TEMP TABLE imported AS SELECT * FROM pg_temp.forms();
DELETE FROM project;
\set ECHO none
\i :seed_forms
\set ECHO all
-- examples/seed_forms.sql also loads under version 0.1 (test/upgrade.sh),
-- which has no region: the title line's region is set here.
UPDATE project SET region = '如皋市', region_level = '市级';
CREATE TEMP TABLE by_hand AS SELECT * FROM pg_temp.forms();
DELETE FROM project;
SELECT h.name, i.j = h.j AS import_equals_seed_forms
FROM by_hand h LEFT JOIN imported i USING (name) ORDER BY h.j ->> 'budget_year', h.name;
-- Where they differ, key by key (none expected).
SELECT h.name, k AS key, h.j -> k AS by_hand, i.j -> k AS imported
FROM by_hand h JOIN imported i USING (name), jsonb_object_keys(h.j || i.j) AS k
WHERE h.j -> k IS DISTINCT FROM i.j -> k ORDER BY 1, 2;
SELECT count(*) AS by_hand_forms, sum(jsonb_array_length(j -> 'indicators')) AS by_hand_indicators
FROM by_hand;

------------------------------------------------------------------ variants

-- Each variant imports in a subtransaction, after the six forms were
-- deleted, and must give exactly the forms of the seed import it holds.
CREATE FUNCTION pg_temp.check_variant(label text, doc text) RETURNS TABLE
    (variant text, forms bigint, equal bigint, indicators bigint, differing text)
LANGUAGE plpgsql AS $fn$
BEGIN
    BEGIN
        DELETE FROM perfbudget.project;
        PERFORM perfbudget.import_form(doc);
        SET CONSTRAINTS ALL IMMEDIATE;
        SET CONSTRAINTS ALL DEFERRED;
        RETURN QUERY
            SELECT label, count(*), count(*) FILTER (WHERE f.j = s.j),
                   sum(jsonb_array_length(f.j -> 'indicators'))::bigint,
                   coalesce(string_agg(d.keys, ',' ORDER BY f.name), '')
            FROM pg_temp.forms() f
            LEFT JOIN imported s USING (name)
            LEFT JOIN LATERAL (
                SELECT string_agg(f.name || '.' || k, ',' ORDER BY k) AS keys
                FROM jsonb_object_keys(f.j || coalesce(s.j, '{}')) k
                WHERE f.j -> k IS DISTINCT FROM s.j -> k) d ON true;
        RAISE EXCEPTION USING ERRCODE = 'P0004', MESSAGE = 'roll back';
    EXCEPTION WHEN assert_failure THEN
        NULL;
    END;
    SET CONSTRAINTS ALL DEFERRED;
END
$fn$;

\set v `cat :'variants'crlf.txt`
SELECT * FROM pg_temp.check_variant('crlf', :'v');
\set v `cat :'variants'bom.txt`
SELECT * FROM pg_temp.check_variant('bom', :'v');
\set v `cat :'variants'bom_crlf.txt`
SELECT * FROM pg_temp.check_variant('bom_crlf', :'v');
\set v `cat :'variants'fullwidth_labels.txt`
SELECT * FROM pg_temp.check_variant('fullwidth_labels', :'v');
\set v `cat :'variants'spaces.txt`
SELECT * FROM pg_temp.check_variant('spaces', :'v');
\set v `cat :'variants'levels_filled.txt`
SELECT * FROM pg_temp.check_variant('levels_filled', :'v');
\set v `cat :'variants'levels_from_level3.txt`
SELECT * FROM pg_temp.check_variant('levels_from_level3', :'v');
\set v `cat :'variants'levels_shifted.txt`
SELECT * FROM pg_temp.check_variant('levels_shifted', :'v');
\set v `cat :'variants'levels_split.txt`
SELECT * FROM pg_temp.check_variant('levels_split', :'v');
\set v `cat :'variants'text_multiline.txt`
SELECT * FROM pg_temp.check_variant('text_multiline', :'v');
\set v `cat :'variants'checkbox_before.txt`
SELECT * FROM pg_temp.check_variant('checkbox_before', :'v');
\set v `cat :'variants'checkbox_unticked.txt`
SELECT * FROM pg_temp.check_variant('checkbox_unticked', :'v');
\set v `cat :'variants'checkbox_ballot_after.txt`
SELECT * FROM pg_temp.check_variant('checkbox_ballot_after', :'v');
\set v `cat :'variants'checkbox_ballot_before.txt`
SELECT * FROM pg_temp.check_variant('checkbox_ballot_before', :'v');
\set v `cat :'variants'checkbox_attr_order.txt`
SELECT * FROM pg_temp.check_variant('checkbox_attr_order', :'v');
\set v `cat :'variants'reordered.txt`
SELECT * FROM pg_temp.check_variant('reordered', :'v');
\set v `cat :'variants'single_1.txt`
SELECT * FROM pg_temp.check_variant('single_1', :'v');
\set v `cat :'variants'single_2.txt`
SELECT * FROM pg_temp.check_variant('single_2', :'v');
\set v `cat :'variants'single_3.txt`
SELECT * FROM pg_temp.check_variant('single_3', :'v');
\set v `cat :'variants'single_4.txt`
SELECT * FROM pg_temp.check_variant('single_4', :'v');
\set v `cat :'variants'single_5.txt`
SELECT * FROM pg_temp.check_variant('single_5', :'v');
\set v `cat :'variants'single_6.txt`
SELECT * FROM pg_temp.check_variant('single_6', :'v');
\set v `cat :'variants'combo_all.txt`
SELECT * FROM pg_temp.check_variant('combo_all', :'v');
\set v `cat :'variants'combo_mixed_eol.txt`
SELECT * FROM pg_temp.check_variant('combo_mixed_eol', :'v');
-- The variants changed nothing: the tables are empty.
SELECT pg_temp.row_count() AS rows_now;

------------------------------------------------------------------ import again

SELECT * FROM pg_temp.try_import(:'doc', keep => true);
SELECT count(*) AS projects FROM project;
-- The same document again: the first form is already there.
SELECT * FROM pg_temp.try_import(:'doc');
-- replace => true: the six forms are replaced (new ids), nothing doubles.
SELECT array_agg(id ORDER BY id) AS old_ids INTO TEMP old_ids FROM project;
SELECT * FROM pg_temp.try_import(:'doc', true, keep => true);
SELECT count(*) AS projects, count(*) FILTER (WHERE id = ANY ((SELECT old_ids FROM old_ids)::bigint[])) AS old_ids_left
FROM project;
SELECT count(*) FILTER (WHERE f.j = i.j) AS same_as_first_import FROM pg_temp.forms() f JOIN imported i USING (name);
-- One form alone replaces just that form.
\set v `cat :'variants'single_4.txt`
SELECT * FROM pg_temp.try_import(:'v', true, keep => true);
SELECT count(*) AS projects, (SELECT count(*) FROM indicator) AS indicators FROM project;

------------------------------------------------------------------ JSON round trip

-- Form 4 also gets the self-evaluation columns, so that every column of the
-- three tables takes part.
UPDATE project SET spend_executed = 150.5 WHERE name = '社保业务运营经费';
UPDATE indicator SET actual = '98%', weight = 10, score = 9.5, deviation_note = '年底前完成'
WHERE project_id = (SELECT id FROM project WHERE name = '社保业务运营经费') AND line_no = 12;

-- For every form x: delete it, import form_json(x), compare.
CREATE FUNCTION pg_temp.round_trip(x bigint) RETURNS TABLE (name text, same_json boolean, new_id_differs boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
    j jsonb := perfbudget.form_json(x);
    y bigint;
BEGIN
    DELETE FROM perfbudget.project WHERE id = x;
    y := perfbudget.import_form_json(j);
    SET CONSTRAINTS ALL IMMEDIATE;
    SET CONSTRAINTS ALL DEFERRED;
    RETURN QUERY SELECT j ->> 'name', perfbudget.form_json(y) - 'id' = j - 'id', y <> x;
END
$fn$;
CREATE TEMP TABLE before_trip AS SELECT * FROM pg_temp.forms();
SELECT r.* FROM (SELECT id FROM project ORDER BY id) p, pg_temp.round_trip(p.id) r;
SELECT count(*) FILTER (WHERE f.j = b.j) AS unchanged, count(*) AS forms
FROM pg_temp.forms() f JOIN before_trip b USING (name);
SELECT jsonb_pretty(j -> 'indicators' -> 11) AS evaluated_indicator FROM pg_temp.forms()
WHERE name = '社保业务运营经费';
-- The JSON layout is checked: an unknown key is an error, not dropped.
CREATE FUNCTION pg_temp.try_json(doc jsonb) RETURNS SETOF text
LANGUAGE plpgsql AS $fn$
DECLARE st text; msg text; det text;
BEGIN
    PERFORM perfbudget.import_form_json(doc);
    RETURN NEXT 'accepted';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
    RETURN NEXT st || ': ' || msg;
    RETURN NEXT 'DETAIL: ' || coalesce(nullif(det, ''), '(none)');
END
$fn$;
SELECT pg_temp.try_json((SELECT j || '{"colour": "blue"}' FROM pg_temp.forms() WHERE name = '打印纸及个人账户打印纸'));
SELECT pg_temp.try_json('[1, 2]');

------------------------------------------------------------------ broken documents

-- Every broken document is the seed (six forms) with one edit in one form;
-- forms before it are imported first and must be rolled back with it.
DELETE FROM project;
SELECT pg_temp.row_count() AS rows_before;

-- Σ 资金分配 ≠ 支出资金总额: form 4's 办公费 annual 60.8 → 61.8.
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 4, E'办公费\t\t30\t60.8', E'办公费\t\t30\t61.8'));
-- The half-year column off by one: form 4's 劳务费 half-year 30 → 31.
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 4, E'劳务费\t\t30\t', E'劳务费\t\t31\t'));
-- One 资金分配 row's half-year above its annual (sums still right): form 4's
-- 办公费 half-year 30 → 61, 资金总额 half-year 66 → 97.
SELECT * FROM pg_temp.try_import(pg_temp.edit(pg_temp.edit(:'doc', 4, E'办公费\t\t30\t', E'办公费\t\t61\t'),
                                              4, E'资金总额\t\t66\t', E'资金总额\t\t97\t'));
-- The expenditure total's half-year above its annual: form 3, 1 → 6 in the
-- 资金总额 row and in its one row.
SELECT * FROM pg_temp.try_import(pg_temp.edit(pg_temp.edit(:'doc', 3, E'资金总额\t\t1\t5', E'资金总额\t\t6\t5'),
                                              3, E'印刷费\t\t1\t5', E'印刷费\t\t6\t5'));
-- 财政拨款小计 ≠ its parts: form 1's 一般公共预算资金 9 → 8.
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 1, E'一般公共预算资金\t\t\t9', E'一般公共预算资金\t\t\t8'));
-- 资金总额 ≠ 财政拨款 + 社保基金 + 上年结转 + 其他: form 2 gets 其他资金 1.
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 2, E'\t其他资金\t\t\t\t\t', E'\t其他资金\t\t\t\t\t1'));
-- Income total ≠ expenditure total: form 5's income 6 → 7 in 资金总额, 小计
-- and 一般公共预算资金.
SELECT * FROM pg_temp.try_import(
    pg_temp.edit(pg_temp.edit(pg_temp.edit(:'doc', 5, E'资金总额\t\t\t6', E'资金总额\t\t\t7'),
        5, E'小计\t\t\t6', E'小计\t\t\t7'), 5, E'一般公共预算资金\t\t\t6', E'一般公共预算资金\t\t\t7'));
-- A funding source that is not on the template, with an amount (form 6).
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 6, E'\t\t上年结转资金\t\t\t\t', E'\t\t外资贷款\t\t\t\t3'));
-- A 资金分配 row with three amounts (form 4).
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 4, E'委托业务费\t\t3\t19', E'委托业务费\t\t3\t19\t7'));
-- No 项目名称 (form 2's label and value removed, 主管部门 kept).
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 2, E'项目名称\t“助保贷款”财政贴息\t\t\t', ''));
-- No 主管部门 (form 3).
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 3, E'\t主管部门\t如皋市人力资源和社会保障局', ''));
-- No budget year (form 5's '(2024年度)' line emptied).
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 5, '(2024年度)', ''));
-- An implausible year.
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 1, '(2024年度)', '(1024年度)'));
-- A bad 开始时间: month 13 (form 1), and words instead of a date (form 6).
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 1, E'开始时间\t2024年1月', E'开始时间\t2024年13月'));
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 6, E'开始时间\t2024 年 1 月', E'开始时间\t明年春天'));
-- A placeholder target '≥**人' (form 1's last indicator, annual value).
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 1, E'服务对象满意度\t≥\t\t95%\t95%', E'服务对象满意度\t≥\t\t95%\t**人'));
-- A contradiction: 计算符号 '≥' with the value '≤95%' (form 3, half-year).
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 3, E'社会和受益人满意度\t≥\t\t95%', E'社会和受益人满意度\t≥\t\t≤95%'));
-- A cumulative half-year target beyond the annual one (form 6: ≥ 800人 by
-- mid-year, ≥ 600人 for the year).  Percentages are not cumulative and are
-- not compared (≥ 95% by mid-year, ≥ 90% for the year is accepted).
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 6, E'参保补助条件符合率\t=\t100%\t100%', E'参保补助条件符合率\t≥\t800人\t600人'));
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 6, E'服务对象满意度\t≥\t95%\t95%', E'服务对象满意度\t≥\t95%\t90%'));
-- Truncated before the indicator table (inside form 4's texts) and before
-- the expenditure block (inside form 2's income block).
SELECT * FROM pg_temp.try_import(left(:'doc', strpos(:'doc', '办公费:做好宣传服务工作') + 5));
SELECT * FROM pg_temp.try_import(left(:'doc', strpos(:'doc', E'“助保贷款”财政贴息\t\t\t主管部门') + 200));
-- Truncated inside the indicator table of the last form, in the middle of a
-- row ('满意度指 标 | 满意度指标 | 服务对象'): the row has lost its 计算符号
-- and values, in a table whose heading has a 计算符号 column, and must be
-- rejected (22P02; the wording of the message is not pinned here).
SELECT x AS outcome FROM pg_temp.try_import(left(:'doc', length(:'doc') - 14)) AS x
WHERE x LIKE 'SQLSTATE%' OR x LIKE 'imported%' OR x LIKE 'rows left%';
-- Truncated between two indicator rows (after form 6's 15th row): nothing in
-- the text tells the rows are missing, so this imports (15 indicators).
\set last_row '满意度指 标\t满意度指标\t服务对象满意度\t≥\t95%\t95%\t'
SELECT right(:'doc', length(:'last_row')) = :'last_row' AS doc_ends_with_that_row;
SELECT * FROM pg_temp.try_import(left(:'doc', length(:'doc') - length(:'last_row')));
-- Random printable text; text with a title line and nothing else; garbage
-- amid a form's income block.
SELECT * FROM pg_temp.try_import(E'lorem ipsum\tdolor 42\nsit amet 3.14\t≥95%\n');
SELECT * FROM pg_temp.try_import(E'\n如皋市市级项目预算绩效目标申报表\n(2024年度)\nxyz\t1\n');
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 1, E'\t\t社保基金预算', E'\t\tq8#@!z\t7\n\t\t社保基金预算'));
SELECT * FROM pg_temp.try_import('');
SELECT pg_temp.row_count() AS rows_after_all_failures;

------------------------------------------------------------------ hostile cells and lines

-- An amount cell that is not a number: '九' (form 4's 办公费 half-year),
-- 'NaN' (its annual), '九' in the income block (form 1's 一般公共预算资金).
-- Each names the cell, its column and its row, not "the item name spans
-- multiple cells".
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 4, E'办公费\t\t30\t60.8', E'办公费\t\t九\t60.8'));
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 4, E'办公费\t\t30\t60.8', E'办公费\t\t30\tNaN'));
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 1, E'一般公共预算资金\t\t\t9', E'一般公共预算资金\t\t\t九'));
-- A dash alone is how forms write "none": it stays blank (form 1's
-- 政府性基金预算).
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 1, E'政府性基金预算\t\t\t', E'政府性基金预算\t\t\t-'));
-- A second 项目名称 line, a second 主管部门 line (form 2): refused, both
-- lines named, rather than the two values joined.
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 2, E'项目属性\t', E'项目名称\t第二名称\n项目属性\t'));
SELECT * FROM pg_temp.try_import(pg_temp.edit(:'doc', 2, E'项目属性\t', E'\t主管部门\t如皋市财政局\n项目属性\t'));
SELECT pg_temp.row_count() AS rows_after_hostile;

------------------------------------------------------------------ region and level

-- The first form's title line rewritten; the form is imported, read and
-- rolled back.
CREATE FUNCTION pg_temp.region_of(doc text, title text) RETURNS TABLE (title_line text, region text, region_level text)
LANGUAGE plpgsql AS $fn$
DECLARE d text := replace(doc, '如皋市市级项目预算绩效目标申报表', title);
BEGIN
    BEGIN
        DELETE FROM perfbudget.project;
        PERFORM perfbudget.import_form(d);
        RETURN QUERY SELECT title, p.region, p.region_level FROM perfbudget.project p
                     ORDER BY p.id LIMIT 1;
        RAISE EXCEPTION USING ERRCODE = 'P0004', MESSAGE = 'roll back';
    EXCEPTION WHEN assert_failure THEN
        NULL;
    END;
END
$fn$;
SELECT r.* FROM unnest(ARRAY[
    '如皋市市级项目预算绩效目标申报表', '江苏省省级项目预算绩效目标申报表',
    '海安县县级项目预算绩效目标申报表', '南通市崇川区区级项目预算绩效目标申报表',
    '如东县本级项目预算绩效目标申报表', '如皋市市本级项目预算绩效目标申报表',
    '2024年度如皋市市级项目预算绩效目标申报表', '内蒙古自治区本级项目支出绩效目标申报表',
    '市级项目支出绩效目标表', '项目预算绩效目标申报表',
    '如皋市人力资源和社会保障局项目预算绩效目标申报表']) AS t(title),
    pg_temp.region_of(:'doc', t.title) r;

------------------------------------------------------------------ other layouts

\set layouts :abs_srcdir '/examples/layouts/'
-- Every indicator row of the forms imported, with what the layouts add.
CREATE FUNCTION pg_temp.indicator_rows() RETURNS TABLE (line_no int, level1 text, points text,
    level2 text, level3 text, half text, annual text, weight numeric, remarks text)
LANGUAGE sql AS $$
    SELECT i.line_no, i.level1, i.level1_points, i.level2, i.level3, i.half_year_target::text,
           i.annual_target::text, i.weight, i.remarks
    FROM perfbudget.indicator i ORDER BY i.project_id, i.line_no
$$;
DELETE FROM project;

-- 一级指标 | 二级指标 | 三级指标 | 指标值 | 备注 (county forms of Hunan,
-- Shaanxi, Chongqing): comparator and unit inside the value.
\set v `cat :'layouts'hunan_county_value.txt`
SELECT * FROM pg_temp.try_import(:'v', keep => true);
SELECT region, region_level, name, department, total, spend_half_year, spend_annual FROM project;
SELECT * FROM pg_temp.indicator_rows();
DELETE FROM project;

-- 一级指标 | 二级指标 | 三级指标内容 | 指标值及单位 (Hunan).
\set v `cat :'layouts'hunan_province_content_unit.txt`
SELECT * FROM pg_temp.try_import(:'v', keep => true);
SELECT region, region_level, name, department, total FROM project;
SELECT * FROM pg_temp.indicator_rows();
DELETE FROM project;

-- 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | 指标解释, level-1 cells with
-- their points (Chongqing 审批表): points kept apart, 分值 as weight.
\set v `cat :'layouts'chongqing_district_points.txt`
SELECT * FROM pg_temp.try_import(:'v', keep => true);
SELECT region, region_level, name, department, total FROM project;
SELECT * FROM pg_temp.indicator_rows();
DELETE FROM project;

-- 一级 | 二级 | 三级 | 指标性质 | 指标方向 | 目标值 | 计量单位 | 分值 | 备注 (Inner
-- Mongolia): direction as comparator, value and unit joined, the date
-- serial 44,561 read as 2021-12-31.
\set v `cat :'layouts'inner_mongolia_nature_direction.txt`
SELECT * FROM pg_temp.try_import(:'v', keep => true);
SELECT region, region_level, name, department, total FROM project;
SELECT * FROM pg_temp.indicator_rows();
DELETE FROM project;

-- 一级 | 二级 | 三级 | 指标值类型 | 指标值 | 计量单位 | 指标解释 | 评(扣)分标准 | 备注
-- (Hunan 部门整体): 定量 takes the comparator from the value.
\set v `cat :'layouts'hunan_department_value_type.txt`
SELECT * FROM pg_temp.try_import(:'v', keep => true);
SELECT region, region_level, name, department, total FROM project;
SELECT * FROM pg_temp.indicator_rows();

-- The four forms and the 部门整体 one still stored round-trip through
-- form_json / import_form_json (weights, points and remarks included).
\set v `cat :'layouts'hunan_county_value.txt :'layouts'hunan_province_content_unit.txt :'layouts'chongqing_district_points.txt :'layouts'inner_mongolia_nature_direction.txt`
SELECT count(*) AS imported FROM import_form(:'v');
CREATE TEMP TABLE layouts_before AS SELECT * FROM pg_temp.forms();
SELECT r.name, r.same_json FROM (SELECT id FROM project ORDER BY id) p, pg_temp.round_trip(p.id) r;
SELECT count(*) FILTER (WHERE f.j = b.j) AS unchanged, count(*) AS forms
FROM pg_temp.forms() f JOIN layouts_before b USING (name);
DELETE FROM project;

-- The seed with its indicator tables in four columns (一级 | 二级 | 三级 |
-- 指标值; test/import/variants/layout_four_columns.txt).  Every row keeps
-- its three levels and its annual target; the half-year column is gone.
-- Only the seed's 定性 rows with a measurable value differ: the layout has
-- no 计算符号, so '100%' alone is '=100%'.
\set v `cat :'variants'layout_four_columns.txt`
SELECT * FROM pg_temp.try_import(:'v', keep => true);
SELECT count(*) AS rows,
       count(*) FILTER (WHERE f.level1 = s.level1 AND f.level2 = s.level2 AND f.level3 = s.level3) AS same_levels,
       count(*) FILTER (WHERE f.annual_target = s.annual_target) AS same_annual,
       count(*) FILTER (WHERE f.half_year_target IS NULL) AS no_half_year
FROM (SELECT p.name, i.* FROM indicator i JOIN project p ON p.id = i.project_id) f
JOIN (SELECT x.j ->> 'name' AS name, (r ->> 'line_no')::int AS line_no, r ->> 'level1' AS level1,
             r ->> 'level2' AS level2, r ->> 'level3' AS level3, (r ->> 'annual_target')::perf_target AS annual_target
      FROM imported x, jsonb_array_elements(x.j -> 'indicators') r) s USING (name, line_no);
SELECT f.name, f.line_no, f.level3, f.annual_target, s.annual_target AS seed_annual
FROM (SELECT p.name, i.* FROM indicator i JOIN project p ON p.id = i.project_id) f
JOIN (SELECT x.j ->> 'name' AS name, (r ->> 'line_no')::int AS line_no,
             (r ->> 'annual_target')::perf_target AS annual_target
      FROM imported x, jsonb_array_elements(x.j -> 'indicators') r) s USING (name, line_no)
WHERE f.annual_target <> s.annual_target ORDER BY f.project_id, f.line_no;
DELETE FROM project;

-- Refused layouts and cells.  One target column per region (Fujian
-- transfer payments): refused, saying so.
SELECT * FROM pg_temp.try_import(replace(:'v', E'三级指标\t指标值', E'三级指标\t区域目标值'));
-- An unknown header (long-term and annual side by side, Wuhan).
SELECT * FROM pg_temp.try_import(replace(:'v', E'三级指标\t指标值', E'三级指标(长期)\t指标值(长期)\t二级指标(年度)'));
-- 正向 with ≤, and 分值 written in words.
\set v `cat :'layouts'inner_mongolia_nature_direction.txt`
SELECT * FROM pg_temp.try_import(replace(:'v', E'正向\t≥\t95\t%', E'正向\t≤\t95\t%'));
\set v `cat :'layouts'chongqing_district_points.txt`
SELECT * FROM pg_temp.try_import(replace(:'v', E'≥95%\t10', E'≥95%\t十分'));
-- A cell under no header cell (a shifted row).
SELECT * FROM pg_temp.try_import(replace(:'v', E'\t≥95%\t10\t', E'\t≥95%\t10\t\t\t多出的一格'));
-- Nothing is imported from a document with one bad form: the seed, then a
-- form in an unknown layout.
SELECT * FROM pg_temp.try_import(:'doc' || E'\n' || replace(:'v', '分值', '得分'));

------------------------------------------------------------------ clean up

DELETE FROM project;
SELECT setval(pg_get_serial_sequence('perfbudget.project', 'id'), 1, false);
SELECT pg_temp.row_count() AS left_over;
