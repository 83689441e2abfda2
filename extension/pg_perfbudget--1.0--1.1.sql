-- pg_perfbudget 1.0 -> 1.1 (ALTER EXTENSION pg_perfbudget UPDATE)
--
-- Each change to the extension's SQL objects since 1.0, in the order it was
-- made; CHANGELOG.md says why.  The result must equal a fresh install of 1.1
-- (extension/parts/): test/upgrade.sh compares the two catalogs.

\echo Use "ALTER EXTENSION pg_perfbudget UPDATE" to load this file. \quit
