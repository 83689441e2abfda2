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
