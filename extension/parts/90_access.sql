-- Access per department (row-level security).  A role sees and writes the
-- forms of the departments granted to it in department_grant — by name in
-- every region or one, a whole region, or '*' for all — through the tables,
-- the security_invoker views, the imports and the reports; a role with no
-- grant sees nothing.  The owner and superusers are not subject to it (the
-- extension's own triggers run as the owner: run_as_owner.c).  Every table
-- of the forms is filtered by its department_id (department_visible, C: the
-- role's grants read once per transaction, the answer for a department
-- once per transaction, then a hash lookup a row); the history by its form.

CREATE TABLE department_grant (
    role_name  name NOT NULL,
    region     text CHECK (btrim(region) <> ''),
    department text CHECK (btrim(department) <> ''),
    granted_by name NOT NULL DEFAULT CURRENT_USER,
    granted_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
CREATE UNIQUE INDEX department_grant_key ON department_grant
    (role_name, coalesce(name_key(region), ''), coalesce(name_key(department), ''));
SELECT pg_catalog.pg_extension_config_dump('department_grant', '');
COMMENT ON TABLE department_grant IS '部门授权 — which departments a role may see and write: (role, region, department); NULL region = every region, NULL department = every department of the region, both NULL = all (''*''). Kept by grant_department, grant_region and the revoke functions; dumped';
COMMENT ON COLUMN department_grant.role_name IS '角色 — the role granted (its members inherit the grant)';
COMMENT ON COLUMN department_grant.region IS '行政区划 — the region, compared by name_key; NULL: every region';
COMMENT ON COLUMN department_grant.department IS '主管部门 — the department, compared by name_key; NULL: every department of the region';
COMMENT ON COLUMN department_grant.granted_by IS '授权人 — the role that made the grant';
COMMENT ON COLUMN department_grant.granted_at IS '授权时间';
COMMENT ON INDEX department_grant_key IS 'one grant per role, region and department, names compared by name_key';

CREATE FUNCTION department_access_reset() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION department_access_reset() IS
  'trigger of department_grant: the writing transaction reads its grants again (write_access_trigger caches them per transaction)';
CREATE TRIGGER department_grant_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON department_grant
    FOR EACH STATEMENT EXECUTE FUNCTION department_access_reset();
COMMENT ON TRIGGER department_grant_changed ON department_grant IS 'a grant changed: read the grants again';

-- The grants of the current role, through its memberships (C: read once
-- per transaction as the owner, so that no role needs a right on
-- department_grant to be filtered by it).
CREATE FUNCTION sees_all_departments() RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION sees_all_departments() IS
  '可见全部部门 — true when the current role (or a role it is a member of) was granted ''*''';

CREATE FUNCTION department_visible(region text, department text) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION department_visible(text, text) IS
  '部门可见 — true when the current role may see and write the forms of this region''s department: a grant of the department by name (in every region or this one), of the region, or ''*''; names compared by name_key';

CREATE FUNCTION department_visible(department_id integer) RETURNS boolean
    AS 'MODULE_PATHNAME', 'department_id_visible' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION department_visible(integer) IS
  '部门可见 — department_visible(region, name) of the department (perfbudget.department) with this id, answered once per transaction: the row-level security policy of every table of the forms. A department not visible to the statement (made by it) is not granted unless the write check of its form has just decided it';

CREATE FUNCTION grant_department(role name, department text, region text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) grant_department.role) THEN
        RAISE EXCEPTION USING ERRCODE = '42704',
            MESSAGE = perfbudget.message('access.role', grant_department.role::text),
            DETAIL = perfbudget.message('access.role.detail'),
            HINT = perfbudget.message('access.role.hint');
    END IF;
    INSERT INTO perfbudget.department_grant (role_name, region, department)
    VALUES (grant_department.role, grant_department.region,
            CASE WHEN btrim(grant_department.department) OPERATOR(pg_catalog.=) '*' THEN NULL
                 ELSE grant_department.department END)
    ON CONFLICT DO NOTHING;
END
$$;
COMMENT ON FUNCTION grant_department(name, text, text) IS
  '授权部门 — lets role (and its members) see and write the forms of a department: by name in every region, or in the given region; ''*'' for every department. Needs INSERT on department_grant (perfbudget_bureau)';

CREATE FUNCTION grant_region(role name, region text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- A missing region must not widen into '*' (every department of every region).
    IF grant_region.region IS NULL OR btrim(grant_region.region) OPERATOR(pg_catalog.=) '' THEN
        RAISE EXCEPTION USING ERRCODE = '22004',
            MESSAGE = perfbudget.message('access.grant_region'),
            DETAIL = perfbudget.message('access.grant_region.detail'),
            HINT = perfbudget.message('access.grant_region.hint');
    END IF;
    PERFORM perfbudget.grant_department(grant_region.role, '*', grant_region.region);
END
$$;
COMMENT ON FUNCTION grant_region(name, text) IS
  '授权地区 — lets role (and its members) see and write the forms of every department of a region (a county''s bureau in a province''s database)';

CREATE FUNCTION revoke_department(role name, department text, region text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    -- Names compared as department_grant_key compares them (name_key), so
    -- that what grant_department refused as a duplicate is what is revoked.
    DELETE FROM perfbudget.department_grant g
    WHERE g.role_name OPERATOR(pg_catalog.=) revoke_department.role
      AND coalesce(perfbudget.name_key(g.region), '') OPERATOR(pg_catalog.=) coalesce(perfbudget.name_key(revoke_department.region), '')
      AND CASE WHEN btrim(revoke_department.department) OPERATOR(pg_catalog.=) '*' THEN g.department IS NULL
               ELSE perfbudget.name_key(g.department) OPERATOR(pg_catalog.=) perfbudget.name_key(revoke_department.department) END;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
COMMENT ON FUNCTION revoke_department(name, text, text) IS
  '撤销部门授权 — removes the grant made by grant_department with the same arguments; returns the number of grants removed (0 when there was none)';

CREATE FUNCTION revoke_region(role name, region text) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF revoke_region.region IS NULL OR btrim(revoke_region.region) OPERATOR(pg_catalog.=) '' THEN
        RAISE EXCEPTION USING ERRCODE = '22004',
            MESSAGE = perfbudget.message('access.revoke_region'),
            DETAIL = perfbudget.message('access.revoke_region.detail'),
            HINT = perfbudget.message('access.revoke_region.hint');
    END IF;
    RETURN perfbudget.revoke_department(revoke_region.role, '*', revoke_region.region);
END
$$;
COMMENT ON FUNCTION revoke_region(name, text) IS
  '撤销地区授权 — removes the grant made by grant_region; returns the number of grants removed';

CREATE FUNCTION write_access_trigger() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION write_access_trigger() IS
  '写入授权检查 — BEFORE INSERT OR UPDATE (argument ''project'' on the forms, ''row'' on their rows): a role subject to row-level security may write only the forms of the departments granted to it; otherwise 42501 naming the department. The policies stay the guarantee';

-- The policies: every table of the forms by its department_id, without a
-- join (the history keeps the rows of deleted forms and has no department:
-- by its form, one index probe a row — a correlated EXISTS, as an
-- uncorrelated IN would hash every visible form of the database for a
-- query of one department).  '*' is tested first, once a query, so that
-- the bureau and the analysts read at full speed.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['project', 'project_fingerprint', 'fingerprint_group', 'expenditure',
                             'indicator', 'issue_finding', 'monitoring', 'indicator_monitoring',
                             'self_evaluation'] LOOP
        EXECUTE format('ALTER TABLE perfbudget.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY department_access ON perfbudget.%I
            USING ((SELECT perfbudget.sees_all_departments())
                   OR perfbudget.department_visible(department_id))$p$, t);
        EXECUTE format($c$COMMENT ON POLICY department_access ON perfbudget.%I IS
            '部门授权: the rows of the departments granted to the role'$c$, t);
    END LOOP;
END
$$;
COMMENT ON POLICY department_access ON project IS '部门授权: the forms of the departments granted to the role (department_grant)';
COMMENT ON POLICY department_access ON project_fingerprint IS '部门授权: the fingerprints of the forms the role sees';
COMMENT ON POLICY department_access ON fingerprint_group IS '部门授权: the fingerprint counts of the departments the role sees';
ALTER TABLE change_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY department_access ON change_log
    USING ((SELECT perfbudget.sees_all_departments())
           OR EXISTS (SELECT FROM perfbudget.project p WHERE p.id OPERATOR(pg_catalog.=) change_log.project_id));
COMMENT ON POLICY department_access ON change_log IS '部门授权: the history of the forms the role sees (of a deleted form: only with ''*'')';

CREATE TRIGGER write_access BEFORE INSERT OR UPDATE ON project
    FOR EACH ROW EXECUTE FUNCTION write_access_trigger('project');
CREATE TRIGGER write_access BEFORE INSERT OR UPDATE ON expenditure
    FOR EACH ROW EXECUTE FUNCTION write_access_trigger('row');
CREATE TRIGGER write_access BEFORE INSERT OR UPDATE ON indicator
    FOR EACH ROW EXECUTE FUNCTION write_access_trigger('row');
COMMENT ON TRIGGER write_access ON project IS '部门授权: storing a form of a department not granted fails with 42501 naming it';
COMMENT ON TRIGGER write_access ON expenditure IS '部门授权: a row of a form of a department not granted fails with 42501 naming it';
COMMENT ON TRIGGER write_access ON indicator IS '部门授权: a row of a form of a department not granted fails with 42501 naming it';

-- Two PL/pgSQL triggers keep the derived fingerprint tables when a form is
-- deleted (the cascade to project_fingerprint fires fingerprint_group_count
-- back in the writer's context) or moves to another year or department
-- (project_fingerprint_key).  A filer holds no right on those tables, so
-- these two run as their owner: trigger functions, callable only as the
-- triggers of the extension's own tables, with fixed queries and a pinned
-- search_path (doc/security.md §5).
ALTER FUNCTION fingerprint_group_count() SECURITY DEFINER;
ALTER FUNCTION project_fingerprint_key() SECURITY DEFINER;
