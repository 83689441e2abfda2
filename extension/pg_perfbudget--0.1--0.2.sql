-- pg_perfbudget 0.1 → 0.2 (ALTER EXTENSION pg_perfbudget UPDATE TO '0.2')
--
-- Each change to the extension's SQL objects since 0.1, in the order it was
-- made; CHANGELOG.md says why.  The result must equal a fresh install of 0.2
-- (extension/parts/): test/upgrade.sh compares the two catalogs.
\echo Use "ALTER EXTENSION pg_perfbudget UPDATE TO '0.2'" to load this file. \quit
