-- pg_perfbudget 0.1 → 0.2 (ALTER EXTENSION pg_perfbudget UPDATE TO '0.2')
--
-- Each change to the extension's SQL objects since 0.1, in the order it was
-- made; CHANGELOG.md says why.  The result must equal a fresh install of 0.2
-- (extension/parts/): test/upgrade.sh compares the two catalogs.
\echo Use "ALTER EXTENSION pg_perfbudget UPDATE TO '0.2'" to load this file. \quit

-- Region and level of a form, from its title line (issue 8).
ALTER TABLE project
    ADD COLUMN region       text CHECK (btrim(region) <> ''),
    ADD COLUMN region_level text CHECK (btrim(region_level) <> '');
COMMENT ON COLUMN project.region IS '行政区划 — region from the form''s title line, e.g. 如皋市, 江苏省; NULL when the title names none';
COMMENT ON COLUMN project.region_level IS '预算级次 — 省级 / 市级 / 县级 / 区级 … as the title line says';
