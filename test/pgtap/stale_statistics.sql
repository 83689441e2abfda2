--
-- test/pgtap/stale_statistics.sql — a bulk load commits in time although
-- the statistics say the tables are empty.
--
-- An ANALYZE while the form tables held only dead rows (a load rolled back,
-- every form deleted) records pages but no tuples; every plan made from that
-- believes each scan returns one row.  The commit-time recomputation of the
-- stored findings then scanned a whole table once per form: 6,006 forms took
-- more than four minutes at SET CONSTRAINTS ALL IMMEDIATE (a pgTAP run that
-- followed such an autovacuum stalled in plans.sql).  (PostgreSQL's own
-- foreign-key checks are slow under such statistics too, at the INSERT: the
-- test keeps the load small and times only the commit-time work.)  It now sees the state
-- (run_as_owner.c, pb_form_statistics_say_empty): the extension's queries
-- by id then plan by index, and the recomputation of many forms by hash joins.
-- Measured: 6,006 forms, commit > 240 s before, 1.6 s after; this file's
-- 2,100 forms, 77 s before (the fingerprints kept per indicator row), 22 s.
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
\set seed_forms `sed -e "/^BEGIN;$/d" -e "/^COMMIT;$/d" examples/seed_forms.sql`
BEGIN;
SELECT plan(4);

DELETE FROM project;
:seed_forms
CREATE TEMP TABLE k AS SELECT g FROM generate_series(1, 350) g;
CREATE TEMP TABLE sp AS SELECT * FROM project;
CREATE TEMP TABLE se AS SELECT * FROM expenditure;
CREATE TEMP TABLE si AS SELECT * FROM indicator;
CREATE FUNCTION pg_temp.copy_forms(first_id bigint) RETURNS void LANGUAGE sql AS $$
INSERT INTO perfbudget.project (id, budget_year, region, name, department, implementing_unit, total,
                     fiscal_subtotal, general_budget, spend_half_year, spend_annual,
                     start_month, end_month, annual_goal, long_term_goal)
SELECT first_id + k.g * 6 + p.id, 2020 + k.g % 5, 'R' || (k.g % 89), p.name || k.g, 'D' || (k.g % 31),
       p.implementing_unit, p.total, p.fiscal_subtotal, p.general_budget, p.spend_half_year,
       p.spend_annual, p.start_month, p.end_month, p.annual_goal, p.long_term_goal
FROM k, sp p;
INSERT INTO perfbudget.expenditure
SELECT first_id + k.g * 6 + e.project_id, e.line_no, e.item, e.half_year, e.annual
FROM k, se e;
INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
SELECT first_id + k.g * 6 + i.project_id, i.line_no, i.level1, i.level2, i.level3,
       i.half_year_target, i.annual_target
FROM k, si i;
$$;
SELECT pg_temp.copy_forms(1000);
SET CONSTRAINTS ALL IMMEDIATE;
-- every row dead, then analyzed: pages, and no tuples
DELETE FROM project;
SET CONSTRAINTS ALL IMMEDIATE;
ANALYZE project;
ANALYZE expenditure;
ANALYZE indicator;
SELECT ok((SELECT bool_and(reltuples = 0 AND relpages > 10) FROM pg_class
           WHERE oid IN ('perfbudget.project'::regclass, 'perfbudget.indicator'::regclass)),
          'the statistics say project and indicator are empty while they have pages');

SELECT pg_temp.copy_forms(100000);
SET LOCAL statement_timeout = '30s';
SELECT lives_ok('SET CONSTRAINTS ALL IMMEDIATE',
                'the stored findings of 2,100 forms loaded under those statistics are computed within 30 s');
RESET statement_timeout;
ANALYZE project;
ANALYZE expenditure;
ANALYZE indicator;
SELECT is((SELECT count(*) FROM issue_finding WHERE project_id > 100000),
          (SELECT count(*) FROM issue_finding_computed WHERE project_id > 100000),
          'and they are the findings a recomputation gives');
SELECT ok((SELECT count(*) FROM issue_finding WHERE project_id > 100000) > 2100,
          '  ... a few for every form');

SELECT * FROM finish();
ROLLBACK;
-- leave no statistics of the dead rows to the files that follow
VACUUM perfbudget.project, perfbudget.expenditure, perfbudget.indicator, perfbudget.issue_finding;
