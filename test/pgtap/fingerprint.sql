--
-- test/pgtap/fingerprint.sql — the stored indicator fingerprints
-- (project_fingerprint, fingerprint_group) equal a from-scratch
-- recomputation with the read-time definition they replaced, after random
-- imports, edits, deletes and re-imports; and the boilerplate rule of
-- form_issues and department_review give what the old window gave.
--
-- The trigger is deferred: "commit" below is SET CONSTRAINTS ALL IMMEDIATE
-- followed by SET CONSTRAINTS ALL DEFERRED, which fires the pending events
-- as COMMIT would and goes on deferring (so later edits of a form already
-- recomputed in this transaction must be recomputed again).  Everything
-- runs in one transaction that is rolled back.
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
SELECT plan(35);

DELETE FROM project;
SELECT setseed(0.4242);

-- The read-time definition of 0.2 before the stored fingerprints (view
-- indicator_set as it was), written out here so that the test does not
-- share the code it checks.
CREATE TEMP VIEW old_set AS
SELECT p.id AS project_id, p.budget_year, p.department,
       md5(string_agg(concat_ws('|', perfbudget.canonical_level1(i.level1),
                                perfbudget.canonical_level2(i.level2), i.level3,
                                i.half_year_target::text, i.annual_target::text),
                      E'\n' ORDER BY i.line_no)) AS fingerprint,
       p.region
FROM perfbudget.project p JOIN perfbudget.indicator i ON i.project_id = p.id
WHERE coalesce(perfbudget.canonical_level1(i.level1), '') NOT IN ('决策指标', '过程指标')
GROUP BY p.id, p.budget_year, p.department, p.region;

-- The old boilerplate branch of form_issues (a window over every form).
CREATE TEMP VIEW old_boilerplate AS
SELECT w.project_id, format('项目「%s」的产出、效益、满意度指标与本部门 %s 年另外 %s 个项目完全相同',
                            p.name, w.budget_year, w.n - 1) AS message
FROM (SELECT s.project_id, s.budget_year,
             count(*) OVER (PARTITION BY s.budget_year, s.region, s.department, s.fingerprint) AS n
      FROM old_set s) w
JOIN perfbudget.project p ON p.id = w.project_id
WHERE w.n >= (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'boilerplate_indicator_set');

CREATE FUNCTION pg_temp.commit_triggers() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    SET CONSTRAINTS ALL IMMEDIATE;
    SET CONSTRAINTS ALL DEFERRED;
END
$$;

-- stored = recomputed: every form's row, and every group's count
CREATE FUNCTION pg_temp.check_stored(what text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEXT set_eq(
        'SELECT project_id, budget_year, region, department, fingerprint FROM perfbudget.project_fingerprint',
        'SELECT project_id, budget_year, region, department, fingerprint FROM old_set',
        what || ': project_fingerprint = the read-time fingerprints');
    RETURN NEXT set_eq(
        'SELECT budget_year, region_key, department, fingerprint, forms FROM perfbudget.fingerprint_group',
        'SELECT budget_year, coalesce(region, ''''), department, fingerprint, count(*) FROM old_set
         GROUP BY 1, 2, 3, 4',
        what || ': fingerprint_group = the counts of the read-time fingerprints');
END
$$;

-- 1. the seed, through import_form: visible before commit (import_form
-- refreshes at once), the three copied sets of the seed
SELECT is((SELECT count(*) FROM import_form(:'doc')), 6::bigint, 'the seed imports six forms');
SELECT pg_temp.check_stored('seed before commit');
SELECT is((SELECT string_agg(forms::text, ',' ORDER BY forms) FROM fingerprint_group), '1,1,1,3',
          'seed: forms 1, 3, 5 share one set, the other three are alone');

-- 2. random imports: the seed's forms copied 300 times over 3 years, 4
-- regions (one NULL) and 5 departments, indicator rows in random order
CREATE TEMP TABLE k AS
SELECT g, 2023 + (random() * 2)::int AS y,
       (ARRAY['如皋市', '海安市', '通州区', NULL])[1 + (random() * 3)::int] AS region,
       'D' || (random() * 4)::int AS department
FROM generate_series(1, 300) g;
INSERT INTO project (budget_year, region, name, department, total, fiscal_subtotal, general_budget,
                     spend_half_year, spend_annual, start_month, end_month)
SELECT k.y, k.region, p.name || '#' || k.g, k.department, p.total, p.fiscal_subtotal,
       p.general_budget, p.spend_half_year, p.spend_annual, p.start_month, p.end_month
FROM k JOIN (SELECT *, row_number() OVER (ORDER BY id) - 1 AS r FROM project) p ON p.r = k.g % 6;
INSERT INTO expenditure
SELECT c.id, e.line_no, e.item, e.half_year, e.annual
FROM project c JOIN project o ON o.name = split_part(c.name, '#', 1) AND o.name NOT LIKE '%#%'
JOIN expenditure e ON e.project_id = o.id
WHERE c.name LIKE '%#%';
INSERT INTO indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
SELECT c.id, i.line_no, i.level1, i.level2, i.level3, i.half_year_target, i.annual_target
FROM project c JOIN project o ON o.name = split_part(c.name, '#', 1) AND o.name NOT LIKE '%#%'
JOIN indicator i ON i.project_id = o.id
WHERE c.name LIKE '%#%'
ORDER BY random();
SELECT is((SELECT count(*) FROM project_fingerprint), 6::bigint,
          'before the deferred trigger fires, only the imported seed has fingerprints');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after copying the seed 300 times');
SELECT cmp_ok((SELECT max(forms) FROM fingerprint_group), '>=', 3::bigint,
              'some groups reach the threshold');

-- 3. edits: targets of random rows, then more edits of forms already
-- recomputed in this transaction, departments, regions and years
UPDATE indicator SET annual_target = t.v,
                     half_year_target = CASE WHEN half_year_target IS NOT NULL THEN t.v END
FROM (SELECT perf_target('≥', (80 + (random() * 19)::int) || '%') AS v) t
WHERE random() < 0.03 AND perf_kind(annual_target) = 'percent';
UPDATE indicator SET level3 = level3 || '（改）'
WHERE random() < 0.01;
UPDATE project SET department = 'D' || (random() * 4)::int WHERE random() < 0.1;
UPDATE project SET region = NULL WHERE random() < 0.05;
UPDATE project SET region = '如东县' WHERE random() < 0.05;
UPDATE project SET budget_year = budget_year + 1 WHERE random() < 0.05;
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after edits of targets, names, departments, regions and years');

UPDATE indicator SET annual_target = half_year_target
WHERE random() < 0.02 AND half_year_target IS NOT NULL;
-- a row moved to another form changes two fingerprints
UPDATE indicator SET project_id = (SELECT min(id) FROM project), line_no = line_no + 1000
WHERE project_id = (SELECT max(id) FROM project) AND line_no = 3;
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('a second round of edits of forms already recomputed');

-- 4. deletes: whole forms, single rows, and every 产出/效益/满意度 row of
-- some forms (no fingerprint left)
DELETE FROM project WHERE random() < 0.05;
DELETE FROM indicator WHERE random() < 0.02;
-- (three forms, not a random share: a share of a small table can be none)
DELETE FROM indicator i USING (SELECT id FROM project ORDER BY id DESC LIMIT 3) x
WHERE i.project_id = x.id AND coalesce(canonical_level1(i.level1), '') NOT IN ('决策指标', '过程指标');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after deletes');
SELECT ok((SELECT count(*) FROM project p WHERE NOT EXISTS (SELECT FROM project_fingerprint f WHERE f.project_id = p.id)) > 0,
          'forms without 产出/效益/满意度 rows have no fingerprint');

-- 5. re-import with replace => true, after editing the imported forms
UPDATE indicator SET level3 = level3 || '（导入前改）'
WHERE project_id IN (SELECT id FROM project WHERE name NOT LIKE '%#%') AND line_no = 1;
SELECT is((SELECT count(*) FROM import_form(:'doc', replace => true)), 6::bigint,
          'the seed re-imports with replace => true');
SELECT pg_temp.check_stored('after a re-import, before commit');
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after a re-import');

-- 6. a recomputation rolled back with its savepoint is done again
UPDATE indicator SET level3 = level3 || '（再改）'
WHERE project_id IN (SELECT project_id FROM project_fingerprint ORDER BY project_id LIMIT 20);
SAVEPOINT s;
SELECT pg_temp.commit_triggers();
ROLLBACK TO SAVEPOINT s;
SELECT pg_temp.commit_triggers();
SELECT pg_temp.check_stored('after a savepoint rolled back the first recomputation');

-- 6b. the writer's search_path does not matter (the schema left out of it)
SET search_path = public;
UPDATE perfbudget.indicator SET level3 = level3 || '（路径）'
WHERE project_id IN (SELECT project_id FROM perfbudget.project_fingerprint ORDER BY project_id DESC LIMIT 20)
  AND line_no = 5;
UPDATE perfbudget.project SET department = 'D9'
WHERE id IN (SELECT project_id FROM perfbudget.project_fingerprint ORDER BY project_id LIMIT 5);
SELECT pg_temp.commit_triggers();
SET search_path = perfbudget, public;
SELECT pg_temp.check_stored('written with search_path = public');

-- 7. the report: the boilerplate rows of form_issues and the counts of
-- department_review are what the window over every form gave
SELECT set_eq($$SELECT project_id, message FROM form_issues WHERE code = 'boilerplate_indicator_set'$$,
              $$SELECT project_id, message FROM old_boilerplate$$,
              'form_issues: the boilerplate rows of the read-time window');
SELECT set_eq($$SELECT budget_year, region, department, largest_identical_set, projects_sharing_set
                FROM department_review$$,
              $$SELECT s.budget_year, s.region, s.department, coalesce(max(n), 0) AS largest,
                       coalesce(sum(n) FILTER (WHERE n > 1), 0) AS sharing
                FROM department_summary s
                LEFT JOIN (SELECT budget_year, region, department, count(*) AS n FROM old_set
                           GROUP BY budget_year, region, department, fingerprint) g
                  ON g.budget_year = s.budget_year AND g.department = s.department
                 AND g.region IS NOT DISTINCT FROM s.region
                WHERE NOT s.is_total
                GROUP BY s.budget_year, s.region, s.department$$,
              'department_review: identical-set counts of the read-time fingerprints');
SELECT ok((SELECT count(*) FROM form_issues WHERE code = 'boilerplate_indicator_set') > 0,
          'the random forms have boilerplate findings to compare');

-- 8. rebuild_fingerprints gives the same tables
CREATE TEMP TABLE before_f AS SELECT * FROM project_fingerprint;
CREATE TEMP TABLE before_g AS SELECT * FROM fingerprint_group;
SELECT is(rebuild_fingerprints(), (SELECT count(*) FROM before_f), 'rebuild_fingerprints counts the forms');
SELECT set_eq('SELECT * FROM fingerprint_group', 'SELECT * FROM before_g',
              'rebuild_fingerprints: the same groups and counts as kept by the triggers');

-- 9. TRUNCATE fires no row trigger: the counts go with project_fingerprint
TRUNCATE project CASCADE;
SELECT is((SELECT count(*) FROM fingerprint_group), 0::bigint,
          'TRUNCATE project CASCADE empties fingerprint_group too');
SELECT is((SELECT count(*) FROM import_form(:'doc')), 6::bigint, 'the seed imports again');
SELECT is((SELECT string_agg(forms::text, ',' ORDER BY forms) FROM fingerprint_group), '1,1,1,3',
          'after TRUNCATE: the seed''s counts start again from 0');

-- 10. import_form stores its forms' fingerprints itself and their rows queue
-- no event (indicator_fingerprint_insert's WHEN); once the call is over, a
-- row inserted into one of its forms queues its event again
SELECT ok(form_event_needed((SELECT min(id) FROM project)),
          'outside an import call a row queues its fingerprint event');
CREATE TEMP TABLE fp_before AS
SELECT fingerprint FROM project_fingerprint WHERE project_id = (SELECT min(id) FROM project);
INSERT INTO indicator (project_id, line_no, level1, level2, level3, annual_target)
SELECT min(id), 99, '产出指标', '数量指标', '导入后新增指标', '≥3次' FROM project;
SET CONSTRAINTS ALL IMMEDIATE;
SELECT is((SELECT fingerprint FROM project_fingerprint WHERE project_id = (SELECT min(id) FROM project)),
          indicator_fingerprint((SELECT min(id) FROM project)),
          'a row inserted into an imported form after the call: its stored fingerprint counts it');
SELECT isnt((SELECT fingerprint FROM project_fingerprint WHERE project_id = (SELECT min(id) FROM project)),
            (SELECT fingerprint FROM fp_before),
            'the row changed the form''s fingerprint (the test above could fail)');
SET CONSTRAINTS ALL DEFERRED;

SELECT * FROM finish();
ROLLBACK;
