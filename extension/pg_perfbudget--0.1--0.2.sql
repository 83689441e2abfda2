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

-- One form per (year, region, department, name), names compared after NFKC
-- and removal of invisible characters and white space (issue 8).  An
-- update fails with 23505 if two stored forms fold to the same key: merge
-- them first.
CREATE FUNCTION canonical_name(name text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION canonical_name(text) IS
  '规范名称 — the name after Unicode NFKC, with invisible characters (zero-width, bidi marks, soft hyphen …) removed and white space runs made one space, trimmed: ⼈力资源和社会保障局 (U+2F08) gives 人力资源和社会保障局. import_form stores region and department this way';
CREATE FUNCTION name_key(name text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION name_key(text) IS
  '名称比较键 — canonical_name without any white space; NULL gives the empty string. Two forms whose year and keys of region, department and name are equal are the same form (unique index project_form_key)';
ALTER TABLE project DROP CONSTRAINT project_year_department_name_key;
ALTER TABLE project ADD CONSTRAINT project_name_lengths CHECK (length(name) <= 300
    AND length(department) <= 200 AND length(region) <= 100 AND length(region_level) <= 20);
CREATE UNIQUE INDEX project_form_key ON project
    (budget_year, name_key(region), name_key(department), name_key(name));
COMMENT ON INDEX project_form_key IS 'one form per budget year, region, department and project name, compared by name_key (NFKC, no invisible characters, no white space)';
COMMENT ON CONSTRAINT project_name_lengths ON project IS '名称长度: 项目名称 ≤ 300, 主管部门 ≤ 200, 行政区划 ≤ 100, 级次 ≤ 20 characters (the unique index project_form_key holds them)';
