-- pg_perfbudget 1.0 -> 1.1 (ALTER EXTENSION pg_perfbudget UPDATE)
--
-- Each change to the extension's SQL objects since 1.0, in the order it was
-- made; CHANGELOG.md says why.  The result must equal a fresh install of 1.1
-- (extension/parts/): test/upgrade.sh compares the two catalogs.

\echo Use "ALTER EXTENSION pg_perfbudget UPDATE" to load this file. \quit

-- issue_finding: a foreign key to project (a deleted form takes its findings
-- with it; the planner estimates the findings' join to their forms right).
-- Findings of forms that no longer exist cannot be there once writers have
-- committed; any left by a data-only restore are dropped, not refused.
-- On Citus (distribute() has run) the key is added without ON UPDATE
-- CASCADE, which Citus refuses on a distribution column, as distribute()
-- does for the other per-form keys.
DELETE FROM issue_finding f
WHERE NOT EXISTS (SELECT FROM project p WHERE p.id = f.project_id AND p.department_id = f.department_id);
DO $$
BEGIN
    EXECUTE pg_catalog.format(
        'ALTER TABLE perfbudget.issue_finding ADD CONSTRAINT issue_finding_project_id_department_id_fkey
             FOREIGN KEY (project_id, department_id) REFERENCES perfbudget.project (id, department_id)
             %s ON DELETE CASCADE',
        CASE WHEN perfbudget.is_distributed() THEN '' ELSE 'ON UPDATE CASCADE' END);
END
$$;

-- findings_computed: its comment said form_issues reads it (it has not since
-- form_issues filters issue_finding_computed itself, for Citus)
COMMENT ON FUNCTION findings_computed(bigint[]) IS
  '重算校验结果 — issue_finding_computed for the given forms (inlined by the planner: the ids reach each rule''s index scan), e.g. to check the stored findings of some forms against their rows; form_issues filters issue_finding_computed itself in the same way (Citus plans no SQL function with parameters)';

-- Row-level security by department_id: every table of the forms carries it,
-- so no policy joins project any more (the history, which keeps the rows of
-- deleted forms and has no department, still goes by its form).  On Citus
-- (distribute() has run) the policies were dropped and stay so.
CREATE FUNCTION department_visible(department_id integer) RETURNS boolean
    AS 'MODULE_PATHNAME', 'department_id_visible' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION department_visible(integer) IS
  '部门可见 — department_visible(region, name) of the department (perfbudget.department) with this id, answered once per transaction: the row-level security policy of every table of the forms. A department not visible to the statement (made by it) is not granted unless the write check of its form has just decided it';
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['project', 'project_fingerprint', 'fingerprint_group', 'expenditure',
                             'indicator', 'issue_finding', 'monitoring', 'indicator_monitoring',
                             'self_evaluation'] LOOP
        IF EXISTS (SELECT FROM pg_catalog.pg_policy
                   WHERE polrelid = pg_catalog.format('perfbudget.%I', t)::pg_catalog.regclass
                     AND polname = 'department_access') THEN
            EXECUTE pg_catalog.format($p$ALTER POLICY department_access ON perfbudget.%I
                USING ((SELECT perfbudget.sees_all_departments())
                       OR perfbudget.department_visible(department_id))$p$, t);
        END IF;
    END LOOP;
END
$$;
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['expenditure', 'indicator', 'issue_finding', 'monitoring',
                             'indicator_monitoring', 'self_evaluation'] LOOP
        IF EXISTS (SELECT FROM pg_catalog.pg_policy
                   WHERE polrelid = pg_catalog.format('perfbudget.%I', t)::pg_catalog.regclass
                     AND polname = 'department_access') THEN
            EXECUTE pg_catalog.format($c$COMMENT ON POLICY department_access ON perfbudget.%I IS
                '部门授权: the rows of the departments granted to the role'$c$, t);
        END IF;
    END LOOP;
    IF EXISTS (SELECT FROM pg_catalog.pg_policy
               WHERE polrelid = 'perfbudget.change_log'::pg_catalog.regclass AND polname = 'department_access') THEN
        COMMENT ON POLICY department_access ON change_log IS '部门授权: the history of the forms the role sees (of a deleted form: only with ''*'')';
    END IF;
END
$$;
