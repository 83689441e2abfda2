--
-- test/pgtap/corpus.sql — the shared cell corpus (test/corpus/cells.tsv)
-- through the SQL types (pg_prove, run from the repository root).
--
-- Every accepted cell gives its canonical text and kind through perf_target
-- input, and that text reads back as an equal target; every refused cell is
-- refused by the cast with 22P02, and perf_input_error gives its reason.
-- test/corpus.sh checks the same file through the C parser alone.
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
BEGIN;

CREATE TEMP TABLE corpus (n serial, cell text, target text, kind text, error text);
\copy corpus (cell, target, kind, error) FROM PROGRAM 'grep -v "^#" test/corpus/cells.tsv'

SELECT plan((SELECT (count(*) FILTER (WHERE error IS NULL) * 3
                    + count(*) FILTER (WHERE error IS NOT NULL) * 2 + 1)::int
             FROM corpus));

SELECT cmp_ok((SELECT count(*)::int FROM corpus), '>=', 100,
              'the corpus holds at least 100 cells');

CREATE FUNCTION pg_temp.check_corpus() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
    r record;
    shown text;
BEGIN
    FOR r IN SELECT * FROM corpus ORDER BY n LOOP
        shown := format('%s (cell %s)', quote_literal(r.cell), r.n);
        IF r.error IS NULL THEN
            RETURN NEXT is(r.cell::perf_target::text, r.target, shown || ' reads as ' || r.target);
            RETURN NEXT is(perf_kind(r.cell::perf_target), r.kind, shown || ' is a ' || r.kind);
            RETURN NEXT ok(r.target::perf_target = r.cell::perf_target,
                           shown || ': its text reads back as an equal target');
        ELSE
            RETURN NEXT throws_ok(format('SELECT %L::perfbudget.perf_target', r.cell), '22P02',
                                  NULL, shown || ' is refused with 22P02');
            RETURN NEXT is(regexp_replace(perf_input_error(r.cell), '^at character [0-9]+: ', ''),
                           r.error, shown || ': ' || r.error);
        END IF;
    END LOOP;
END
$$;
SELECT * FROM pg_temp.check_corpus();

SELECT * FROM finish();
ROLLBACK;
