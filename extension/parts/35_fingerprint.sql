-- Indicator-set fingerprints kept as forms are written, for the rule
-- boilerplate_indicator_set (form_issues) and department_review: a form's
-- fingerprint is stored per project, and the number of forms sharing it per
-- (budget year, region, department), so that the rule is a join by keys —
-- O(1) for one form, linear for a full read — instead of a window over
-- every form's fingerprint computed at read time.
--
--   indicator rows ──(deferred C trigger, once per project per batch)──►
--   project_fingerprint ──(row triggers, +1/−1)──► fingerprint_group
--
-- Region key: coalesce(region, '') — the exact region of the form (a
-- region is never '' by project's CHECK, so NULL gets a key of its own, as
-- in the window this replaces, which partitioned by region as written).
--
-- Neither table is dumped (no pg_extension_config_dump): a restore loads
-- project, then indicator, and the trigger on indicator fills both at the
-- commit of the indicator load.  perfbudget.rebuild_fingerprints()
-- recomputes both from scratch (after a restore with --disable-triggers,
-- for instance).

CREATE FUNCTION indicator_fingerprint(project_id bigint) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (SELECT pg_catalog.md5(pg_catalog.string_agg(
                       pg_catalog.concat_ws('|', perfbudget.canonical_level1(i.level1),
                                            perfbudget.canonical_level2(i.level2), i.level3,
                                            i.half_year_target::text, i.annual_target::text),
                       E'\n' ORDER BY i.line_no))
            FROM perfbudget.indicator i
            WHERE i.project_id = $1
              AND coalesce(perfbudget.canonical_level1(i.level1), '')
                  OPERATOR(pg_catalog.<>) ALL (ARRAY['决策指标', '过程指标']));
END
$$;
COMMENT ON FUNCTION indicator_fingerprint(bigint) IS
  '指标指纹 — md5 of a form''s 产出/效益/满意度 indicator rows (canonical level-1 and level-2, level-3 name, half-year and annual targets, in line order; rows of 决策/过程 left out); NULL when the form has no such rows. The one definition of "the same indicator set": stored per form in project_fingerprint';

CREATE FUNCTION indicator_fingerprints(project_ids bigint[])
RETURNS TABLE (project_id bigint, fingerprint text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
    SELECT i.project_id,
           pg_catalog.md5(pg_catalog.string_agg(
               pg_catalog.concat_ws('|', perfbudget.canonical_level1(i.level1),
                                    perfbudget.canonical_level2(i.level2), i.level3,
                                    i.half_year_target::text, i.annual_target::text),
               E'\n' ORDER BY i.line_no))
    FROM perfbudget.indicator i
    WHERE i.project_id OPERATOR(pg_catalog.=) ANY ($1)
      AND coalesce(perfbudget.canonical_level1(i.level1), '')
          OPERATOR(pg_catalog.<>) ALL (ARRAY['决策指标', '过程指标'])
    GROUP BY i.project_id
$$;
COMMENT ON FUNCTION indicator_fingerprints(bigint[]) IS
  '指标指纹（批量）— indicator_fingerprint of many forms in one pass: one row (project_id, fingerprint) per form that has 产出/效益/满意度 rows, none for the others. The same expression as indicator_fingerprint (test/pgtap/fingerprint.sql checks that they agree); import_form stores the fingerprints of all the forms of a call with it, in one statement';

CREATE TABLE project_fingerprint (
    project_id  bigint NOT NULL,
    budget_year integer NOT NULL,
    region      text,
    department  text NOT NULL,
    fingerprint text NOT NULL,
    department_id integer NOT NULL,
    PRIMARY KEY (project_id, department_id),
    FOREIGN KEY (project_id, department_id) REFERENCES project (id, department_id)
        ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON TABLE project_fingerprint IS '指标指纹 — per form, the fingerprint of its 产出/效益/满意度 indicator set (perfbudget.indicator_fingerprint), kept at commit by the trigger indicator_fingerprint; a form without such rows has no row here. Not dumped: rebuilt as a restore loads the indicator rows, or by perfbudget.rebuild_fingerprints()';
COMMENT ON COLUMN project_fingerprint.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN project_fingerprint.budget_year IS '预算年度 — the form''s budget year, copied from project (kept by the trigger project_fingerprint_key)';
COMMENT ON COLUMN project_fingerprint.region IS '行政区划 — the form''s region, copied from project; NULL when the title names none';
COMMENT ON COLUMN project_fingerprint.department IS '主管部门 — the form''s department, copied from project';
COMMENT ON COLUMN project_fingerprint.department_id IS '部门编号 — the form''s department (project.department_id), the distribution key on Citus';
COMMENT ON COLUMN project_fingerprint.fingerprint IS '指标指纹 — md5 of the form''s indicator rows other than 决策/过程';

CREATE TABLE fingerprint_group (
    budget_year integer NOT NULL,
    region_key  text NOT NULL,
    department  text NOT NULL,
    fingerprint text NOT NULL,
    forms       bigint NOT NULL CHECK (forms > 0),
    department_id integer NOT NULL,
    PRIMARY KEY (department_id, budget_year, region_key, department, fingerprint)
);
CREATE INDEX fingerprint_group_department_idx ON fingerprint_group (department, budget_year, region_key);
COMMENT ON INDEX fingerprint_group_department_idx IS 'the groups of one department by name (department_review filtered by department, year or region)';
COMMENT ON TABLE fingerprint_group IS '雷同指标组 — how many forms of one budget year, region and department share one indicator fingerprint; kept by the triggers on project_fingerprint (a group whose count reaches 0 is deleted)';
COMMENT ON COLUMN fingerprint_group.budget_year IS '预算年度 — budget year';
COMMENT ON COLUMN fingerprint_group.region_key IS '行政区划键 — coalesce(region, ''''): the region as written, '''' for forms without one';
COMMENT ON COLUMN fingerprint_group.department IS '主管部门 — supervising department';
COMMENT ON COLUMN fingerprint_group.fingerprint IS '指标指纹 — the shared fingerprint (project_fingerprint.fingerprint)';
COMMENT ON COLUMN fingerprint_group.department_id IS '部门编号 — the department of the group (perfbudget.department.id), the distribution key on Citus';
COMMENT ON COLUMN fingerprint_group.forms IS '项目数 — number of forms with this fingerprint in the group (at least 1)';

-- +1 / −1 in fingerprint_group as rows of project_fingerprint come, go or
-- move between groups.  The UPDATE of the group row locks it, so
-- concurrent writers of one group count one after the other.
CREATE FUNCTION fingerprint_group_count() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.department_id = NEW.department_id
       AND OLD.budget_year = NEW.budget_year
       AND coalesce(OLD.region, '') = coalesce(NEW.region, '')
       AND OLD.department = NEW.department
       AND OLD.fingerprint = NEW.fingerprint THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- lock the group row first: between a decrement that finds 1 and
        -- a delete, another writer could otherwise add a form to the group
        SELECT g.forms INTO n FROM perfbudget.fingerprint_group g
        WHERE g.department_id = OLD.department_id
          AND g.budget_year = OLD.budget_year AND g.region_key = coalesce(OLD.region, '')
          AND g.department = OLD.department AND g.fingerprint = OLD.fingerprint
        FOR UPDATE;
        IF n IS NULL THEN
            RAISE EXCEPTION USING
                ERRCODE = 'data_corrupted',
                MESSAGE = perfbudget.message('fingerprint.group', OLD.project_id::text),
                DETAIL = perfbudget.message('fingerprint.group.detail', OLD.budget_year::text,
                                            coalesce(OLD.region, perfbudget.message('fingerprint.group.no_region')),
                                            OLD.department, OLD.fingerprint::text),
                HINT = perfbudget.message('fingerprint.group.hint');
        ELSIF n OPERATOR(pg_catalog.>) 1 THEN
            UPDATE perfbudget.fingerprint_group g
            SET forms = g.forms OPERATOR(pg_catalog.-) 1
            WHERE g.department_id = OLD.department_id
          AND g.budget_year = OLD.budget_year AND g.region_key = coalesce(OLD.region, '')
              AND g.department = OLD.department AND g.fingerprint = OLD.fingerprint;
        ELSE
            DELETE FROM perfbudget.fingerprint_group g
            WHERE g.department_id = OLD.department_id
          AND g.budget_year = OLD.budget_year AND g.region_key = coalesce(OLD.region, '')
              AND g.department = OLD.department AND g.fingerprint = OLD.fingerprint;
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO perfbudget.fingerprint_group AS g
            (budget_year, region_key, department, fingerprint, forms, department_id)
        VALUES (NEW.budget_year, coalesce(NEW.region, ''), NEW.department, NEW.fingerprint, 1,
                NEW.department_id)
        ON CONFLICT (department_id, budget_year, region_key, department, fingerprint)
        DO UPDATE SET forms = g.forms OPERATOR(pg_catalog.+) 1;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION fingerprint_group_count() IS
  'trigger of project_fingerprint: adds 1 to the group a row enters and subtracts 1 from the group it leaves (deleting a group that reaches 0)';

CREATE TRIGGER fingerprint_group_count
    AFTER INSERT OR UPDATE OR DELETE ON project_fingerprint
    FOR EACH ROW EXECUTE FUNCTION fingerprint_group_count();
COMMENT ON TRIGGER fingerprint_group_count ON project_fingerprint IS
  'keeps fingerprint_group.forms equal to the number of project_fingerprint rows of each group';

-- TRUNCATE fires no row triggers: emptying project_fingerprint (TRUNCATE
-- project CASCADE does) empties the counts derived from it.
CREATE FUNCTION fingerprint_group_truncate() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM perfbudget.fingerprint_group;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION fingerprint_group_truncate() IS
  'trigger of project_fingerprint: a TRUNCATE of it (also through TRUNCATE project CASCADE) empties fingerprint_group';

CREATE TRIGGER fingerprint_group_truncate
    AFTER TRUNCATE ON project_fingerprint
    FOR EACH STATEMENT EXECUTE FUNCTION fingerprint_group_truncate();
COMMENT ON TRIGGER fingerprint_group_truncate ON project_fingerprint IS
  'keeps fingerprint_group empty when project_fingerprint is truncated';

-- A form moved to another year, region or department moves its
-- fingerprint to that group.  Before the form's row changes: a new
-- department_id then reaches project_fingerprint by the foreign key's
-- ON UPDATE CASCADE, whose count trigger runs after this statement's own
-- triggers and moves the row to the new department's group last.
CREATE FUNCTION project_fingerprint_key() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE perfbudget.project_fingerprint f
    SET budget_year = NEW.budget_year, region = NEW.region, department = NEW.department
    WHERE f.project_id = OLD.id AND f.department_id = OLD.department_id
      AND (f.budget_year, f.region, f.department)
          IS DISTINCT FROM (NEW.budget_year, NEW.region, NEW.department);
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION project_fingerprint_key() IS
  'trigger of project: copies a changed budget year, region or department into project_fingerprint (whose trigger moves the count between groups)';

CREATE TRIGGER project_fingerprint_key
    BEFORE UPDATE OF budget_year, region, department ON project
    FOR EACH ROW
    WHEN (OLD.budget_year IS DISTINCT FROM NEW.budget_year OR OLD.region IS DISTINCT FROM NEW.region
          OR OLD.department IS DISTINCT FROM NEW.department)
    EXECUTE FUNCTION project_fingerprint_key();
COMMENT ON TRIGGER project_fingerprint_key ON project IS
  'a form''s new budget year, region or department, copied into project_fingerprint';

-- The fingerprint of a form whose indicator rows changed, recomputed at
-- commit once per form (src/indicator_fingerprint.c).
CREATE FUNCTION indicator_fingerprint_trigger() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION indicator_fingerprint_trigger() IS
  'trigger of indicator: at commit, recomputes the fingerprint of each form whose rows changed (once per form), under a lock on the project row, and stores it in project_fingerprint';

-- An INSERT queues no event for the rows of a form the running import_form
-- call writes whole and stores the fingerprint and findings of itself (a
-- constraint trigger's WHEN is evaluated as the row is written): the events
-- were 20 a form, most of what a call of thousands of forms held until
-- commit.
CREATE FUNCTION form_event_needed(project_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION form_event_needed(bigint) IS
  'WHEN of the triggers indicator_fingerprint_insert, project_findings_inserted and expenditure_findings_inserted: false while the running import_form call writes the form whole and stores its fingerprint and findings itself, true otherwise (reads no table)';

CREATE CONSTRAINT TRIGGER indicator_fingerprint
    AFTER UPDATE OF project_id, line_no, level1, level2, level3, half_year_target,
          annual_target OR DELETE ON indicator
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (perfbudget.row_event_needed(OLD.project_id))
    EXECUTE FUNCTION indicator_fingerprint_trigger();
COMMENT ON TRIGGER indicator_fingerprint ON indicator IS
  '指标指纹: the form''s fingerprint in project_fingerprint, recomputed at commit (deferred) after locking the project row, when its rows are changed or deleted (not the rows a deleted form takes with it)';
CREATE CONSTRAINT TRIGGER indicator_fingerprint_insert
    AFTER INSERT ON indicator
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (perfbudget.form_event_needed(NEW.project_id))
    EXECUTE FUNCTION indicator_fingerprint_trigger();
COMMENT ON TRIGGER indicator_fingerprint_insert ON indicator IS
  '指标指纹: the same for inserted rows, except those of a form the running import_form call writes whole (it stores their fingerprint itself)';

CREATE FUNCTION refresh_fingerprint(project_id bigint) RETURNS void
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT VOLATILE;
COMMENT ON FUNCTION refresh_fingerprint(bigint) IS
  '刷新指标指纹 — recomputes one form''s fingerprint in project_fingerprint now instead of at commit (import_form and import_form_json call it, so the importing transaction''s own reads see it); locks the project row';

CREATE FUNCTION rebuild_fingerprints() RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    LOCK TABLE perfbudget.indicator IN SHARE MODE;
    TRUNCATE perfbudget.project_fingerprint, perfbudget.fingerprint_group;
    INSERT INTO perfbudget.project_fingerprint (project_id, budget_year, region, department, fingerprint,
                                                department_id)
    SELECT p.id, p.budget_year, p.region, p.department, s.fingerprint, p.department_id
    FROM perfbudget.project p
    CROSS JOIN LATERAL (SELECT perfbudget.indicator_fingerprint(p.id) AS fingerprint) s
    WHERE s.fingerprint IS NOT NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION rebuild_fingerprints() IS
  '重建指标指纹 — recomputes project_fingerprint and fingerprint_group from the indicator rows (after a data-only restore with --disable-triggers, or to check them); returns the number of forms with a fingerprint. Locks indicator against writes while it runs';
