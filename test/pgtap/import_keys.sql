--
-- test/pgtap/import_keys.sql — which stored form a document's form is, and
-- what the sender is told when it cannot be stored (issue 8, parts 2 and 7).
--
--   * names are compared after NFKC and removal of invisible characters
--     and white space (name_key, canonical_name): a department typed with
--     U+2F08 ⼈ or a U+2060 inside is the same department, a form with such
--     a name is the form already stored (refused, or replaced);
--   * import_form stores region and department in canonical form and says so;
--   * two forms of one project in one document are refused, naming both;
--   * a row check fired during an import names the form by its ordinal and
--     项目名称, never by the internal project id, and the context gives the
--     document line;
--   * each CHECK constraint of the schema that a document can break is
--     reported through the import path with the form's ordinal and name;
--   * too long names and too large documents end in a clear error, not in a
--     btree or allocation error.
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
BEGIN;
SELECT plan(30);

DELETE FROM project;

-- The error of an import as 'SQLSTATE|MESSAGE|DETAIL|CONTEXT', or 'ok N'.
CREATE FUNCTION pg_temp.import_error(doc text, replace boolean DEFAULT false) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
    st text; msg text; det text; ctx text;
BEGIN
    BEGIN
        SELECT count(*) INTO n FROM perfbudget.import_form(doc, replace);
        SET CONSTRAINTS ALL IMMEDIATE;
        SET CONSTRAINTS ALL DEFERRED;
        RETURN 'ok ' || n;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
                                det = PG_EXCEPTION_DETAIL, ctx = PG_EXCEPTION_CONTEXT;
        RETURN concat_ws('|', st, msg, det, ctx);
    END;
END
$$;

-- The n-th form of the seed document alone (forms start at their title line).
CREATE FUNCTION pg_temp.form(doc text, n int) RETURNS text
LANGUAGE sql AS $$
    SELECT '如皋市市级项目预算绩效目标申报表' || (string_to_array(doc, '如皋市市级项目预算绩效目标申报表'))[n + 1]
$$;

-- Replace the first occurrence of old by new in the n-th form of doc.
CREATE FUNCTION pg_temp.edit(doc text, n int, old text, new text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    parts text[] := string_to_array(doc, '如皋市市级项目预算绩效目标申报表');
    p int;
BEGIN
    p := strpos(parts[n + 1], old);
    IF p = 0 THEN
        RAISE EXCEPTION 'test bug: % not in form %', old, n;
    END IF;
    parts[n + 1] := overlay(parts[n + 1] PLACING new FROM p FOR length(old));
    RETURN array_to_string(parts, '如皋市市级项目预算绩效目标申报表');
END
$$;

-- ---- name folding
SELECT is(name_key('⼈力资源和社会保障局'), name_key('人力资源和社会保障局'),
          'name_key: the Kangxi radical U+2F08 is the ideograph 人');
SELECT is(name_key(E'人力资源\u2060和社会保障局'), '人力资源和社会保障局',
          'name_key: a word joiner (U+2060) is dropped');
SELECT is(name_key(E'人力资源\u202E和社会\u200B保障局\uFEFF'), '人力资源和社会保障局',
          'name_key: bidi override, zero-width space and BOM are dropped');
SELECT is(name_key(' 社保 扩面　业务经费 '), '社保扩面业务经费',
          'name_key: white space, ideographic space included, is dropped');
SELECT is(name_key('（２０２４）经费'), name_key('(2024)经费'),
          'name_key: full-width brackets and digits fold to ASCII');
SELECT is(name_key(NULL), '', 'name_key(NULL) is the empty key, so a form without a region has one');
SELECT is(canonical_name(E' 人力资源\u2060和社会 \t 保障局 '), '人力资源和社会 保障局',
          'canonical_name: NFKC, invisible characters out, one space, trimmed');
SELECT is(canonical_name('⼈社局'), '人社局', 'canonical_name: compatibility ideographs fold');

-- ---- the seed, then look-alike copies of it
SELECT is(pg_temp.import_error(:'doc'), 'ok 6', 'the seed document imports');

SELECT matches(pg_temp.import_error(pg_temp.form(replace(:'doc', '如皋市人力资源和社会保障局', '如皋市⼈力资源和社会保障局'), 1)),
               '^23505\|form 1 "社保扩面业务经费" has been imported already\|.*主管部门 "如皋市人力资源和社会保障局"',
               'a department written with U+2F08 is the stored department: the form is already imported');
SELECT matches(pg_temp.import_error(pg_temp.form(replace(:'doc', '社保扩面业务经费', E'社保扩面\u2060业务经费'), 1)),
               '^23505\|form 1 "社保扩面.业务经费" has been imported already\|.*only in compatibility characters, invisible characters or white space',
               'a name with an invisible character is the stored form, and the detail says why');
SELECT is(pg_temp.import_error(pg_temp.form(replace(:'doc', '如皋市人力资源和社会保障局', E'如皋市\u202E人力资源和社会保障局'), 1), true),
          'ok 1', 'with replace => true the look-alike form replaces the stored one');
SELECT is((SELECT count(*) FROM project), 6::bigint, 'still six forms, not seven');
SELECT is((SELECT count(DISTINCT department) FROM project), 1::bigint,
          'the department is stored in canonical form: one department, not two');

-- ---- one project twice in one document
SELECT matches(pg_temp.import_error(pg_temp.form(:'doc', 2) || pg_temp.form(:'doc', 3) || pg_temp.form(:'doc', 2), true),
               '^23505\|form 3 "“助保贷款”财政贴息" is the same project as form 1 of the document',
               'the same project twice in a document is refused, naming both forms');

-- ---- row checks name the form, not the project id
SELECT matches(pg_temp.import_error(pg_temp.edit(pg_temp.edit(:'doc', 4, E'办公费\t\t30\t', E'办公费\t\t61\t'),
                                                 4, E'资金总额\t\t66\t', E'资金总额\t\t97\t'), true),
               '^23514\|form 4 "社保业务运营经费" expenditure row 1 "办公费": the half-year plan \(半年计划执行数\) exceeds the annual budget',
               'expenditure_row_amounts during an import names form 4 and its row');
SELECT doesnt_match(pg_temp.import_error(pg_temp.edit(pg_temp.edit(:'doc', 4, E'办公费\t\t30\t', E'办公费\t\t61\t'),
                                                4, E'资金总额\t\t66\t', E'资金总额\t\t97\t'), true),
              '项目#', 'no internal project id in the message');
SELECT matches(pg_temp.import_error(pg_temp.edit(pg_temp.edit(:'doc', 4, E'办公费\t\t30\t', E'办公费\t\t61\t'),
                                                 4, E'资金总额\t\t66\t', E'资金总额\t\t97\t'), true),
               'importing form 4 "社保业务运营经费", expenditure row 1 \(line [0-9]+ of the document\)',
               'the context gives the expenditure row and its line in the document');

-- ---- constraints not covered by sql/import.sql, through the import path
-- (that file covers project_fiscal_subtotal, project_income_total,
-- project_income_matches_spend, project_half_year_within_annual,
-- expenditure_row_amounts, indicator_targets, the budget year and the sums)
SELECT matches(pg_temp.import_error(pg_temp.edit(pg_temp.edit(pg_temp.edit(pg_temp.edit(pg_temp.edit(:'doc',
                   1, E'资金总额\t\t\t9', E'资金总额\t\t\t-9'), 1, E'小计\t\t\t9', E'小计\t\t\t-9'),
                   1, E'一般公共预算资金\t\t\t9', E'一般公共预算资金\t\t\t-9'),
                   1, E'资金总额\t\t9\t9', E'资金总额\t\t-9\t-9'), 1, E'社保扩面业务经费\t\t9\t9', E'社保扩面业务经费\t\t-9\t-9'), true),
               '^23514\|project "社保扩面业务经费": the 资金总额 is not a valid amount.*importing form 1 "社保扩面业务经费"',
               'project_amounts_nonnegative names the form');
SELECT matches(pg_temp.import_error(pg_temp.edit(:'doc', 4, E'资金总额\t\t66\t155', E'资金总额\t\t66\t156'), true),
               '^23514\|form 4 "社保业务运营经费": the expenditure rows \(资金分配\) do not add up to the expenditure total',
               'the expenditure sum (the deferred trigger''s rule) names the form');
SELECT matches(pg_temp.import_error(:'doc'),
               '^23505\|form 1 "社保扩面业务经费" has been imported already\|.*\|importing form 1 "社保扩面业务经费", header \(title at line [0-9]+ of the document\)',
               'the unique form key names the form and its title line');
SELECT matches(pg_temp.import_error(replace(pg_temp.form(:'doc', 1), '2024年度', '1024年度'), true),
               '^22P02\|form 1 "社保扩面业务经费": the budget year 1024 is not plausible',
               'the budget year range names the form');

-- ---- limits: clear errors, nothing stored
SELECT matches(pg_temp.import_error(replace(pg_temp.form(:'doc', 1), '社保扩面业务经费', repeat('长', 100000)), true),
               '^22001\|form 1: the 项目名称 is too long \(100000 characters\)\|A 项目名称 has at most 300 characters',
               'a 100,000-character 项目名称 is refused with its length, not a btree error');
SELECT matches(pg_temp.import_error(replace(pg_temp.form(:'doc', 1), '如皋市人力资源和社会保障局', repeat('局', 201)), true),
               '^22001\|form 1: the 主管部门 is too long \(201 characters\)',
               'a 201-character 主管部门 is refused');
SELECT throws_ok($$INSERT INTO project (budget_year, name, department) VALUES (2024, repeat('长', 301), '局')$$,
                 '23514', NULL, 'project_name_lengths guards direct inserts too');
SELECT matches(pg_temp.import_error(repeat('a', 256 * 1024 * 1024 + 1)),
               '^54000\|form document too large \(268435457 bytes\)',
               'a document over 256 MB is refused with 54000, not an allocation error');
SELECT is((SELECT count(*) FROM project), 6::bigint, 'no failed import left a form behind');

-- ---- direct inserts keep the unique key
SELECT throws_ok($$INSERT INTO project (budget_year, region, name, department)
                   VALUES (2024, '如皋市', E'社保扩面业务经费\u200B', '如皋市人力资源和社会保障局')$$,
                 '23505', NULL, 'project_form_key: an invisible character does not make a second form');
SELECT lives_ok($$INSERT INTO project (budget_year, region, name, department)
                  VALUES (2024, '海安市', '社保扩面业务经费', '如皋市人力资源和社会保障局')$$,
                'the same department and name in another region is another form');
SELECT is((SELECT count(*) FROM project WHERE name = '社保扩面业务经费'), 2::bigint,
          'two regions, two forms');

SELECT * FROM finish();
ROLLBACK;
