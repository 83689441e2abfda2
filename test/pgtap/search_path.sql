--
-- test/pgtap/search_path.sql — a hostile search_path changes nothing (issue
-- 11, point 4).  A schema "evil" first in search_path holds look-alikes of
-- what the extension's code uses: the operators = and <> on text, integer,
-- bigint and numeric, lower, btrim, length, md5, perf_target, numeric,
-- sum(numeric), and domains named date and text (which would capture the
-- casts ::date and ::text).  Each look-alike gives the right answer but
-- notes its call in evil.calls.  Imports, the budget checks and deferred
-- triggers, the history, the views and the JSON round trip then run with
-- search_path = evil, pg_catalog, public and must never call them, and
-- give the same results as with the normal search_path.
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
\set doc `cat examples/rugao_2024_hrss.txt`
BEGIN;
SELECT plan(11);

DELETE FROM perfbudget.project;

CREATE SCHEMA evil;
CREATE TABLE evil.calls (what text);
CREATE FUNCTION evil.note(what text) RETURNS boolean LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES (what) RETURNING true $$;

DO $do$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['text', 'integer', 'bigint', 'numeric'] LOOP
        EXECUTE format($f$CREATE FUNCTION evil.eq(a %1$s, b %1$s) RETURNS boolean LANGUAGE sql AS
            $$ SELECT evil.note('=(%1$s)') AND a OPERATOR(pg_catalog.=) b $$$f$, t);
        EXECUTE format($f$CREATE FUNCTION evil.ne(a %1$s, b %1$s) RETURNS boolean LANGUAGE sql AS
            $$ SELECT evil.note('<>(%1$s)') AND a OPERATOR(pg_catalog.<>) b $$$f$, t);
        EXECUTE format('CREATE OPERATOR evil.= (FUNCTION = evil.eq, LEFTARG = %1$s, RIGHTARG = %1$s)', t);
        EXECUTE format('CREATE OPERATOR evil.<> (FUNCTION = evil.ne, LEFTARG = %1$s, RIGHTARG = %1$s)', t);
    END LOOP;
END
$do$;
CREATE FUNCTION evil.lower(t text) RETURNS text LANGUAGE sql AS
  $$ SELECT CASE WHEN evil.note('lower') THEN pg_catalog.lower(t) END $$;
CREATE FUNCTION evil.btrim(t text) RETURNS text LANGUAGE sql AS
  $$ SELECT CASE WHEN evil.note('btrim') THEN pg_catalog.btrim(t) END $$;
CREATE FUNCTION evil.length(t text) RETURNS integer LANGUAGE sql AS
  $$ SELECT CASE WHEN evil.note('length') THEN pg_catalog.length(t) END $$;
CREATE FUNCTION evil.md5(t text) RETURNS text LANGUAGE sql AS
  $$ SELECT CASE WHEN evil.note('md5') THEN pg_catalog.md5(t) END $$;
CREATE FUNCTION evil.perf_target(t text) RETURNS text LANGUAGE sql AS
  $$ SELECT CASE WHEN evil.note('perf_target') THEN t END $$;
CREATE FUNCTION evil.numeric(t text) RETURNS numeric LANGUAGE sql AS
  $$ SELECT CASE WHEN evil.note('numeric') THEN t::pg_catalog.numeric END $$;
CREATE FUNCTION evil.sum_step(s numeric, v numeric) RETURNS numeric LANGUAGE sql AS
  $$ SELECT CASE WHEN evil.note('sum') THEN COALESCE(s, 0) OPERATOR(pg_catalog.+) COALESCE(v, 0) END $$;
CREATE AGGREGATE evil.sum(numeric) (SFUNC = evil.sum_step, STYPE = numeric);
CREATE DOMAIN evil.date AS pg_catalog.date CHECK (evil.note('date domain'));
CREATE DOMAIN evil.text AS pg_catalog.text CHECK (evil.note('text domain'));

-- the look-alikes do capture unqualified SQL
SET LOCAL search_path = evil, pg_catalog, public;
CREATE TEMP TABLE probe AS SELECT count(*) AS n FROM (SELECT 1 WHERE 'a' = 'a' AND lower('A') = 'a'
                                  AND '2024-01-01'::date IS NOT NULL) x;
SET LOCAL search_path = public;
SELECT is((SELECT n FROM probe), 1::bigint, 'the look-alikes answer right');
SELECT is((SELECT string_agg(DISTINCT what, ', ' ORDER BY what) FROM evil.calls), '=(text), date domain, lower',
          'and unqualified SQL calls them (=, lower, the date domain)');
DELETE FROM evil.calls;
SET LOCAL search_path = evil, pg_catalog, public;

-- imports, checks and triggers under the hostile path
CREATE TEMP TABLE imported AS SELECT id FROM perfbudget.import_form(:'doc') AS id;
SET CONSTRAINTS ALL IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
UPDATE perfbudget.expenditure SET annual = annual OPERATOR(pg_catalog.+) 0
 WHERE project_id OPERATOR(pg_catalog.=) (SELECT pg_catalog.min(id) FROM perfbudget.project);
UPDATE perfbudget.indicator SET remarks = '改'
 WHERE line_no OPERATOR(pg_catalog.=) 1;
SET CONSTRAINTS ALL IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
CREATE TEMP TABLE updates AS SELECT pg_catalog.count(*) AS n FROM perfbudget.change_log
 WHERE operation OPERATOR(pg_catalog.=) 'UPDATE';
SELECT perfbudget.import_form_json(perfbudget.form_json(p.id) OPERATOR(pg_catalog.||)
                                   '{"name": "往返副本"}'::jsonb)
  FROM perfbudget.project p ORDER BY p.id LIMIT 1;
SET CONSTRAINTS ALL IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
SELECT perfbudget.rebuild_fingerprints();

CREATE TEMP TABLE hostile AS
SELECT 'issues' AS what, pg_catalog.md5(pg_catalog.string_agg(x::pg_catalog.text, '|' ORDER BY x::pg_catalog.text)) AS digest
  FROM perfbudget.form_issues x
UNION ALL SELECT 'department_summary', pg_catalog.md5(pg_catalog.string_agg(x::pg_catalog.text, '|' ORDER BY x::pg_catalog.text)) FROM perfbudget.department_summary x
UNION ALL SELECT 'project_summary', pg_catalog.md5(pg_catalog.string_agg(x::pg_catalog.text, '|' ORDER BY x::pg_catalog.text)) FROM perfbudget.project_summary x
UNION ALL SELECT 'indicator_detail', pg_catalog.md5(pg_catalog.string_agg(x::pg_catalog.text, '|' ORDER BY x::pg_catalog.text)) FROM perfbudget.indicator_detail x
UNION ALL SELECT 'department_review', pg_catalog.md5(pg_catalog.string_agg(x::pg_catalog.text, '|' ORDER BY x::pg_catalog.text)) FROM perfbudget.department_review x
UNION ALL SELECT 'region_summary', pg_catalog.md5(pg_catalog.string_agg(x::pg_catalog.text, '|' ORDER BY x::pg_catalog.text)) FROM perfbudget.region_summary x
UNION ALL SELECT 'form_json', pg_catalog.md5(pg_catalog.string_agg(perfbudget.form_json(p.id)::pg_catalog.text, '|' ORDER BY p.id)) FROM perfbudget.project p
UNION ALL SELECT 'form_as_of', pg_catalog.md5(pg_catalog.string_agg(perfbudget.form_as_of(p.id, pg_catalog.now())::pg_catalog.text, '|' ORDER BY p.id)) FROM perfbudget.project p;

-- pgTAP's own functions are not hardened: assert under the normal path
SET LOCAL search_path = perfbudget, public;
SELECT is((SELECT string_agg(DISTINCT what, ', ') FROM evil.calls), NULL,
          'no look-alike was called by imports, checks, triggers, history, views or JSON');
SELECT is((SELECT count(*) FROM imported), 6::bigint, 'import_form stored the six forms');
SELECT is((SELECT n FROM updates), 7::bigint, 'the edits are in the history');

-- the same results with the normal search_path
CREATE TEMP TABLE normal AS
SELECT 'issues' AS what, md5(string_agg(x::text, '|' ORDER BY x::text)) AS digest FROM form_issues x
UNION ALL SELECT 'department_summary', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM department_summary x
UNION ALL SELECT 'project_summary', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM project_summary x
UNION ALL SELECT 'indicator_detail', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM indicator_detail x
UNION ALL SELECT 'department_review', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM department_review x
UNION ALL SELECT 'region_summary', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM region_summary x
UNION ALL SELECT 'form_json', md5(string_agg(form_json(p.id)::text, '|' ORDER BY p.id)) FROM project p
UNION ALL SELECT 'form_as_of', md5(string_agg(form_as_of(p.id, now())::text, '|' ORDER BY p.id)) FROM project p;

SELECT is(h.digest, n.digest, h.what || ': the same result under the hostile search_path')
  FROM hostile h JOIN normal n USING (what)
 WHERE h.what IN ('issues', 'department_summary', 'project_summary', 'form_json', 'form_as_of', 'indicator_detail')
 ORDER BY h.what;

SELECT * FROM finish();
ROLLBACK;
