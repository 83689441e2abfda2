--
-- test/pgtap/access.sql — the roles of create_roles() (issue 11, point 1):
-- for each role × table, which of SELECT, INSERT, UPDATE and DELETE the role
-- may run.  Every statement touches no row (WHERE false, INSERT … SELECT …
-- WHERE false), so the verdict is the privilege check alone.  A login role
-- in no group may do nothing.  Then, as a department filer with no other
-- rights: an import, an edit checked at commit by the deferred sum trigger,
-- the history written for it, and a forged history entry refused.
-- Everything runs in one transaction that is rolled back (roles included).
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
SELECT plan(101);

DELETE FROM project;
SELECT create_roles();
CREATE ROLE pb_test_bureau IN ROLE perfbudget_bureau;
CREATE ROLE pb_test_filer IN ROLE perfbudget_filer;
CREATE ROLE pb_test_analyst IN ROLE perfbudget_analyst;
CREATE ROLE pb_test_auditor IN ROLE perfbudget_auditor;
CREATE ROLE pb_test_nobody;
CREATE ROLE pb_test_other IN ROLE perfbudget_filer;     -- a filer of another department
CREATE ROLE pb_test_county IN ROLE perfbudget_filer;    -- a county's bureau in a province's database
CREATE ROLE pb_test_ungranted IN ROLE perfbudget_filer; -- a filer granted nothing yet
SELECT grant_department('pb_test_filer', '如皋市人力资源和社会保障局');
SELECT grant_department('pb_test_other', '如皋市财政局', '如皋市');
SELECT grant_region('pb_test_county', '如皋市');
GRANT USAGE ON SCHEMA public TO PUBLIC;

-- 'ok' or the SQLSTATE of running sql as role
CREATE FUNCTION pg_temp.try_as(role name, sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    st text;
BEGIN
    EXECUTE format('SET LOCAL ROLE %I', role);
    BEGIN
        EXECUTE sql;
        st := 'ok';
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
    END;
    RESET ROLE;
    RETURN st;
END
$$;

-- 'SIUD' with '-' for each operation refused with 42501; '?' for another error
CREATE FUNCTION pg_temp.rights(role name, tab text, cols text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    stmts text[] := ARRAY[
        format('SELECT FROM perfbudget.%I WHERE false', tab),
        format('INSERT INTO perfbudget.%I (%s) SELECT %s WHERE false', tab, cols,
               (SELECT string_agg('NULL', ',') FROM regexp_split_to_table(cols, ',') c)),
        format('UPDATE perfbudget.%I SET %s = %s WHERE false', tab, split_part(cols, ',', 1), split_part(cols, ',', 1)),
        format('DELETE FROM perfbudget.%I WHERE false', tab)];
    letters text[] := ARRAY['S', 'I', 'U', 'D'];
    out text := '';
    st text;
BEGIN
    FOR i IN 1..4 LOOP
        st := pg_temp.try_as(role, stmts[i]);
        out := out || CASE st WHEN 'ok' THEN letters[i] WHEN '42501' THEN '-' ELSE '?' || st END;
    END LOOP;
    RETURN out;
END
$$;

CREATE TEMP TABLE expected (role name, tab text, cols text, rights text);
INSERT INTO expected VALUES
    ('pb_test_bureau', 'issue_finding', 'code', 'S---'),
    ('pb_test_bureau', 'department_grant', 'role_name', 'SIUD'),
    ('pb_test_filer', 'issue_finding', 'code', 'S---'),
    ('pb_test_filer', 'department_grant', 'role_name', '----'),
    ('pb_test_analyst', 'issue_finding', 'code', 'S---'),
    ('pb_test_analyst', 'department_grant', 'role_name', '----'),
    ('pb_test_auditor', 'issue_finding', 'code', 'S---'),
    ('pb_test_auditor', 'department_grant', 'role_name', 'S---'),
    ('pb_test_nobody', 'issue_finding', 'code', '----'),
    ('pb_test_nobody', 'department_grant', 'role_name', '----'),
    ('pb_test_bureau',  'project', 'name', 'SIUD'),
    ('pb_test_bureau',  'expenditure', 'item', 'SIUD'),
    ('pb_test_bureau',  'indicator', 'level3', 'SIUD'),
    ('pb_test_bureau',  'issue_rule_setting', 'code', 'SIUD'),
    ('pb_test_bureau',  'change_log', 'changed_by', '----'),
    ('pb_test_bureau',  'project_fingerprint', 'fingerprint', 'S---'),
    ('pb_test_bureau',  'fingerprint_group', 'fingerprint', 'S---'),
    ('pb_test_filer',   'project', 'name', 'SIUD'),
    ('pb_test_filer',   'expenditure', 'item', 'SIUD'),
    ('pb_test_filer',   'indicator', 'level3', 'SIUD'),
    ('pb_test_filer',   'issue_rule_setting', 'code', 'S---'),
    ('pb_test_filer',   'change_log', 'changed_by', '----'),
    ('pb_test_filer',   'project_fingerprint', 'fingerprint', 'S---'),
    ('pb_test_filer',   'fingerprint_group', 'fingerprint', 'S---'),
    ('pb_test_analyst', 'project', 'name', 'S---'),
    ('pb_test_analyst', 'expenditure', 'item', 'S---'),
    ('pb_test_analyst', 'indicator', 'level3', 'S---'),
    ('pb_test_analyst', 'issue_rule_setting', 'code', 'S---'),
    ('pb_test_analyst', 'change_log', 'changed_by', '----'),
    ('pb_test_analyst', 'project_fingerprint', 'fingerprint', 'S---'),
    ('pb_test_analyst', 'fingerprint_group', 'fingerprint', 'S---'),
    ('pb_test_auditor', 'project', 'name', 'S---'),
    ('pb_test_auditor', 'expenditure', 'item', 'S---'),
    ('pb_test_auditor', 'indicator', 'level3', 'S---'),
    ('pb_test_auditor', 'issue_rule_setting', 'code', 'S---'),
    ('pb_test_auditor', 'change_log', 'changed_by', 'S---'),
    ('pb_test_auditor', 'project_fingerprint', 'fingerprint', 'S---'),
    ('pb_test_auditor', 'fingerprint_group', 'fingerprint', 'S---'),
    ('pb_test_nobody',  'project', 'name', '----'),
    ('pb_test_nobody',  'expenditure', 'item', '----'),
    ('pb_test_nobody',  'indicator', 'level3', '----'),
    ('pb_test_nobody',  'issue_rule_setting', 'code', '----'),
    ('pb_test_nobody',  'change_log', 'changed_by', '----'),
    ('pb_test_nobody',  'project_fingerprint', 'fingerprint', '----'),
    ('pb_test_nobody',  'fingerprint_group', 'fingerprint', '----'),
    ('pb_test_bureau', 'monitoring', 'project_id', 'SIUD'),
    ('pb_test_bureau', 'indicator_monitoring', 'project_id', 'SIUD'),
    ('pb_test_bureau', 'self_evaluation', 'project_id', 'SIUD'),
    ('pb_test_bureau', 'evaluation_setting', 'behind_plan_share', 'SIUD'),
    ('pb_test_filer', 'monitoring', 'project_id', 'SIUD'),
    ('pb_test_filer', 'indicator_monitoring', 'project_id', 'SIUD'),
    ('pb_test_filer', 'self_evaluation', 'project_id', 'SIUD'),
    ('pb_test_filer', 'evaluation_setting', 'behind_plan_share', 'S---'),
    ('pb_test_analyst', 'monitoring', 'project_id', 'S---'),
    ('pb_test_analyst', 'indicator_monitoring', 'project_id', 'S---'),
    ('pb_test_analyst', 'self_evaluation', 'project_id', 'S---'),
    ('pb_test_analyst', 'evaluation_setting', 'behind_plan_share', 'S---'),
    ('pb_test_auditor', 'monitoring', 'project_id', 'S---'),
    ('pb_test_auditor', 'indicator_monitoring', 'project_id', 'S---'),
    ('pb_test_auditor', 'self_evaluation', 'project_id', 'S---'),
    ('pb_test_auditor', 'evaluation_setting', 'behind_plan_share', 'S---'),
    ('pb_test_nobody', 'monitoring', 'project_id', '----'),
    ('pb_test_nobody', 'indicator_monitoring', 'project_id', '----'),
    ('pb_test_nobody', 'self_evaluation', 'project_id', '----'),
    ('pb_test_nobody', 'evaluation_setting', 'behind_plan_share', '----');

SELECT is(pg_temp.rights(role, tab, cols), rights, format('%s on %s: %s', role, tab, rights))
  FROM expected ORDER BY role, tab;

-- the views: readable by the readers, by nobody else
SELECT is(pg_temp.try_as(r, 'SELECT FROM perfbudget.department_summary'), v,
          format('%s reads department_summary: %s', r, v))
  FROM (VALUES ('pb_test_analyst'::name, 'ok'), ('pb_test_auditor', 'ok'), ('pb_test_nobody', '42501')) x(r, v);

-- a filer with nothing but its role: import, edit, history
SET LOCAL ROLE pb_test_filer;
SELECT is((SELECT count(*) FROM import_form(:'doc')), 6::bigint,
          'a filer imports (the fingerprint and history triggers write as the owner)');
SET CONSTRAINTS ALL IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
UPDATE expenditure SET annual = annual + 1
 WHERE project_id = (SELECT min(id) FROM project) AND line_no = 1;
SELECT throws_ok('SET CONSTRAINTS ALL IMMEDIATE', '23514', NULL,
                 'the deferred sum check runs for a filer and rejects an unbalanced edit (not 42501)');
RESET ROLE;
UPDATE expenditure SET annual = annual - 1
 WHERE project_id = (SELECT min(id) FROM project) AND line_no = 1;  -- balanced again
SELECT is((SELECT count(*) FROM change_log WHERE changed_by = 'pb_test_filer'), 7::bigint,
          'the history holds the six imported forms and the edit, by the filer');
SET CONSTRAINTS ALL DEFERRED;
SET LOCAL ROLE pb_test_filer;
SELECT throws_ok($$INSERT INTO change_log (changed_by, table_name, project_id, operation, new_row)
                   VALUES ('x', 'project', 1, 'INSERT', '{}')$$, '42501', NULL,
                 'a filer cannot forge a history entry');
RESET ROLE;

-- ---- row-level security (issue 11, point 2) ----
-- what each role sees of the six forms the filer stored
CREATE FUNCTION pg_temp.seen(role name) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    out text;
BEGIN
    EXECUTE format('SET LOCAL ROLE %I', role);
    SELECT format('%s forms, %s expenditure, %s indicators, %s findings, %s summary rows, %s fingerprints',
                  (SELECT count(*) FROM perfbudget.project), (SELECT count(*) FROM perfbudget.expenditure),
                  (SELECT count(*) FROM perfbudget.indicator), (SELECT count(*) FROM perfbudget.form_issues),
                  (SELECT count(*) FROM perfbudget.department_summary),
                  (SELECT count(*) FROM perfbudget.project_fingerprint)) INTO out;
    RESET ROLE;
    RETURN out;
END
$$;
SELECT is(pg_temp.seen(r), v, format('%s sees %s', r, v)) FROM (VALUES
    ('pb_test_filer'::name, '6 forms, 10 expenditure, 92 indicators, 13 findings, 2 summary rows, 6 fingerprints'),
    ('pb_test_county', '6 forms, 10 expenditure, 92 indicators, 13 findings, 2 summary rows, 6 fingerprints'),
    ('pb_test_analyst', '6 forms, 10 expenditure, 92 indicators, 13 findings, 2 summary rows, 6 fingerprints'),
    ('pb_test_other', '0 forms, 0 expenditure, 0 indicators, 0 findings, 0 summary rows, 0 fingerprints'),
    ('pb_test_ungranted', '0 forms, 0 expenditure, 0 indicators, 0 findings, 0 summary rows, 0 fingerprints')) x(r, v);
SELECT is((SELECT count(*) FROM perfbudget.form_issues), 13::bigint, 'the owner sees the same 13 findings');

SELECT min(id) AS first_id FROM project \gset
SET LOCAL ROLE pb_test_other;
SELECT throws_ok(format($$INSERT INTO perfbudget.expenditure VALUES (%s, 99, '注入', 0, 1000000)$$, :first_id),
                 '42501', 'permission denied to write the forms of 主管部门 "如皋市人力资源和社会保障局" in region 如皋市',
                 'another department''s filer cannot add a row to a form it cannot see (the form stays summed)');
SELECT throws_ok(format('SELECT count(*) FROM perfbudget.import_form(%L)', :'doc'), '42501',
                 'permission denied to write the forms of 主管部门 "如皋市人力资源和社会保障局" in region 如皋市',
                 'importing another department''s forms fails with 42501 naming the department');
WITH u AS (UPDATE perfbudget.indicator SET level3 = 'x' RETURNING 1)
SELECT is(count(*), 0::bigint, 'an UPDATE of another department''s rows touches none') FROM u;
WITH d AS (DELETE FROM perfbudget.project RETURNING 1)
SELECT is(count(*), 0::bigint, 'a DELETE of another department''s forms deletes none') FROM d;
RESET ROLE;
SELECT is((SELECT count(*) FROM project) || ' ' || (SELECT count(*) FROM expenditure) || ' ' ||
          (SELECT count(*) FROM indicator WHERE level3 = 'x'), '6 10 0',
          'the other filer wrote nothing');

SET LOCAL ROLE pb_test_filer;
SELECT throws_ok($$UPDATE perfbudget.project SET department = '如皋市财政局' WHERE id = (SELECT min(id) FROM perfbudget.project)$$,
                 '42501', 'permission denied to write the forms of 主管部门 "如皋市财政局" in region 如皋市',
                 'a filer cannot move a form to a department not granted to it');
RESET ROLE;
SELECT is(revoke_department('pb_test_filer', '如皋市人力资源和社会保障局'), 1::bigint, 'revoke_department removes the grant');
SELECT is(pg_temp.seen('pb_test_filer'), '0 forms, 0 expenditure, 0 indicators, 0 findings, 0 summary rows, 0 fingerprints',
          'after the revoke the filer sees nothing');
SELECT is(revoke_region('pb_test_county', '如皋市'), 1::bigint, 'revoke_region removes the region''s grant');
SELECT is(pg_temp.seen('pb_test_county'), '0 forms, 0 expenditure, 0 indicators, 0 findings, 0 summary rows, 0 fingerprints',
          'and the county sees nothing');
SELECT throws_ok($$SELECT perfbudget.grant_department('no_such_role_x', '某局')$$, '42704', NULL,
                 'granting a role that does not exist is an error');
SELECT throws_ok($$SELECT perfbudget.grant_region('pb_test_county', NULL)$$, '22004', NULL,
                 'grant_region without a region is refused (it must not widen into ''*'')');
SELECT is((SELECT count(*) FROM department_grant WHERE role_name = 'pb_test_county'), 0::bigint,
          '  ... and grants nothing');
SELECT grant_department('pb_test_filer', '如皋市人力资源和社会保障局', '如皋市');
SELECT is(revoke_department('pb_test_filer', ' 如皋市人力资源和社会保障局', '如 皋市'), 1::bigint,
          'revoke_department finds a region grant by name_key, as the grant''s unique key compares it');
SELECT grant_department('pb_test_county', '*', '如皋市');
SELECT is(revoke_region('pb_test_county', '如皋市 '), 1::bigint,
          'revoke_region removes a region grant however it was made');
SELECT throws_ok($$SELECT perfbudget.revoke_region('pb_test_county', '')$$, '22004', NULL,
                 'revoke_region without a region is refused');

-- a document's text is data, whatever it holds
SELECT grant_department('pb_test_filer', '如皋市人力资源和社会保障局');
SET LOCAL ROLE pb_test_filer;
SELECT is((SELECT count(*) FROM perfbudget.import_form(
               replace(:'doc', '社保扩面业务经费', '社保''); DROP TABLE perfbudget.project; --'), true)),
          6::bigint, 'a form whose 项目名称 holds SQL imports');
RESET ROLE;
SELECT is((SELECT count(*) FROM project WHERE name = '社保''); DROP TABLE perfbudget.project; --'), 1::bigint,
          'and the name is stored as written, the table still there');

-- ---- the policies by department_id (1.1) ----
-- a form of a department made by the INSERT itself (the BEFORE trigger makes
-- its department row, which the statement's snapshot does not see yet)
SELECT grant_department('pb_test_filer', '如皋市新设局', '如皋市');
SET LOCAL ROLE pb_test_filer;
SELECT lives_ok($$INSERT INTO perfbudget.project (budget_year, name, department, region)
                  VALUES (2024, '新设局项目', '如皋市新设局', '如皋市')$$,
                'a filer stores a form of a department that did not exist, by a plain INSERT');
SELECT is((SELECT count(*) FROM perfbudget.project WHERE department = '如皋市新设局'), 1::bigint,
          '  ... and sees it');
SELECT throws_ok($$INSERT INTO perfbudget.project (budget_year, name, department, region)
                   VALUES (2024, '另一新局项目', '如皋市另一新局', '如皋市')$$,
                 '42501', NULL, 'a form of a new department not granted is refused');
-- no policy of a table of the forms reads project any more
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
    l text;
    out text := '';
BEGIN
    FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        out := out || l || E'\n';
    END LOOP;
    RETURN out;
END
$f$;
SELECT is(pg_temp.plan_of('SELECT * FROM perfbudget.indicator') !~ 'project', true,
          'a filer''s read of indicator is filtered by department_id, without a look at project');
RESET ROLE;
-- the answer by id is the answer by the department's names, for every department
CREATE FUNCTION pg_temp.by_id_equals_by_name(role name) RETURNS boolean LANGUAGE plpgsql AS $f$
DECLARE
    r boolean;
BEGIN
    EXECUTE format('SET LOCAL ROLE %I', role);
    SELECT bool_and(perfbudget.department_visible(d.id) = perfbudget.department_visible(d.region, d.name))
    INTO r FROM perfbudget.department d;
    RESET ROLE;
    RETURN r;
END
$f$;
GRANT SELECT ON perfbudget.department TO PUBLIC;
SELECT is(bool_and(pg_temp.by_id_equals_by_name(r)), true,
          'department_visible(id) = department_visible(region, name) of every department, for every test role')
FROM unnest(ARRAY['pb_test_filer', 'pb_test_other', 'pb_test_county', 'pb_test_ungranted']::name[]) r;

SELECT * FROM finish();
ROLLBACK;
