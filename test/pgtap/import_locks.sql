--
-- test/pgtap/import_locks.sql — what import_form holds in the shared lock
-- table until commit: one advisory lock per department and year of the
-- document, not one per form (a lock per form filled the lock table, "out
-- of shared memory", at about 12,000 forms in one call under the default
-- max_locks_per_transaction).  Concurrent replaces of one form still queue
-- on it (test/replace_race.sh).  One transaction, rolled back.
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
SELECT plan(4);

DELETE FROM project;
CREATE FUNCTION pg_temp.advisory_locks() RETURNS bigint LANGUAGE sql AS $$
    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() $$;

SELECT is((SELECT count(*) FROM import_form(:'doc')), 6::bigint,
    'the six forms of one department and year import');
SELECT is(pg_temp.advisory_locks(), 1::bigint,
    'one advisory lock held for them, not six');
SELECT is((SELECT count(*) FROM import_form(regexp_replace(:'doc', '\(2024 ?年度\)', '(2025年度)', 'g'))), 6::bigint,
    'the same forms for 2025 import');
SELECT is(pg_temp.advisory_locks(), 2::bigint,
    'a second lock for the second year; the first is not taken twice');

SELECT * FROM finish();
ROLLBACK;
