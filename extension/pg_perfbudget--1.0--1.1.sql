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
  '重算校验结果 — issue_finding_computed for the given forms (inlined by the planner: the ids reach each rule''s index scan), e.g. to check the stored findings of some forms against their rows; form_findings filters issue_finding_computed itself in the same way (Citus plans no SQL function with parameters)';

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
        CONTINUE WHEN NOT EXISTS (SELECT FROM pg_catalog.pg_policy
                                  WHERE polrelid = pg_catalog.format('perfbudget.%I', t)::pg_catalog.regclass
                                    AND polname = 'department_access');
        EXECUTE pg_catalog.format($p$ALTER POLICY department_access ON perfbudget.%I
            USING ((SELECT perfbudget.sees_all_departments())
                   OR perfbudget.department_visible(department_id))$p$, t);
        IF t <> ALL (ARRAY['project', 'project_fingerprint', 'fingerprint_group']) THEN
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

-------------------------------------------------------------------- views
-- form_findings (new): form_issues without the rules' on/off and severity;
-- form_issues joins them to it; department_facts groups the forms' money by
-- department and year and counts the findings by rule before joining the
-- rules (department_summary at 100,000 forms: about a fifth faster).
CREATE VIEW form_findings WITH (security_invoker = true) AS
SELECT s.project_id, p.budget_year, p.region, p.department, p.name AS project_name,
       s.line_no, s.code, s.message, p.department_id
FROM perfbudget.project p
JOIN perfbudget.issue_finding s ON s.project_id = p.id AND s.department_id = p.department_id
WHERE p.id <> ALL ((SELECT perfbudget.findings_pending())::bigint[])
UNION ALL
-- (issue_finding_computed filtered here rather than through
-- findings_computed(): Citus plans no SQL function with parameters)
SELECT c.project_id, c.budget_year, c.region, c.department, c.project_name,
       c.line_no, c.code, c.message, c.department_id
FROM perfbudget.issue_finding_computed c
WHERE pg_catalog.cardinality((SELECT perfbudget.findings_pending())) > 0
  AND c.project_id = ANY ((SELECT perfbudget.findings_pending())::bigint[])
UNION ALL
-- review: indicator sets copied across a department's projects (the
-- form's stored fingerprint and its group's count, joined by keys, so
-- filters on id, year, region or department reach the indexes)
SELECT p.id, p.budget_year, p.region, p.department, p.name, NULL,
       'boilerplate_indicator_set',
       format('项目「%s」的产出、效益、满意度指标与本部门 %s 年另外 %s 个项目完全相同',
              p.name, p.budget_year, g.forms - 1), p.department_id
FROM perfbudget.project p
JOIN perfbudget.project_fingerprint fp ON fp.project_id = p.id AND fp.department_id = p.department_id
JOIN perfbudget.fingerprint_group g
  ON g.department_id = fp.department_id AND g.budget_year = fp.budget_year AND g.region_key = coalesce(fp.region, '')
 AND g.department = fp.department AND g.fingerprint = fp.fingerprint
WHERE g.forms >= (SELECT threshold FROM perfbudget.issue_rule WHERE code = 'boilerplate_indicator_set');

COMMENT ON VIEW form_findings IS '校验结果（未分级）— the findings of every form as form_issues lists them, every rule, enabled or not, without severity: the stored findings, those of the forms pending in the reading transaction computed now, and the copied-set rule; form_issues and department_facts read it';
COMMENT ON COLUMN form_findings.project_id IS '项目编号 — the form (perfbudget.project.id)';
COMMENT ON COLUMN form_findings.budget_year IS '预算年度 — budget year of the form';
COMMENT ON COLUMN form_findings.region IS '行政区划 — region of the form';
COMMENT ON COLUMN form_findings.department IS '主管部门 — supervising department of the form';
COMMENT ON COLUMN form_findings.project_name IS '项目名称 — name of the form''s project';
COMMENT ON COLUMN form_findings.line_no IS '行号 — the indicator row concerned, when the problem is in one row';
COMMENT ON COLUMN form_findings.code IS '规则代码 — code of the rule (perfbudget.issue_rule.code)';
COMMENT ON COLUMN form_findings.message IS '问题说明 — what is wrong, in Chinese';
COMMENT ON COLUMN form_findings.department_id IS '部门编号 — the form''s department (project.department_id)';

CREATE OR REPLACE VIEW form_issues WITH (security_invoker = true) AS
SELECT f.project_id, r.severity, f.code, f.message, f.line_no,
       f.budget_year, f.department, f.project_name, f.region, f.department_id
FROM perfbudget.form_findings f
JOIN perfbudget.issue_rule r ON r.code = f.code AND r.enabled;

CREATE OR REPLACE VIEW department_facts WITH (security_invoker = true) AS
    SELECT p.budget_year, p.region, p.department, count(*)::integer AS projects,
           perfbudget.funding_sum(p.total) AS total,
           perfbudget.funding_sum(p.fiscal_subtotal) AS fiscal_subtotal,
           perfbudget.funding_sum(p.general_budget) AS general_budget,
           perfbudget.funding_sum(p.government_fund) AS government_fund,
           perfbudget.funding_sum(p.special_account) AS special_account,
           perfbudget.funding_sum(p.state_capital) AS state_capital,
           perfbudget.funding_sum(p.social_insurance_fund) AS social_insurance_fund,
           perfbudget.funding_sum(p.carryover) AS carryover,
           perfbudget.funding_sum(p.other_funds) AS other_funds,
           perfbudget.funding_sum(p.spend_half_year) AS spend_half_year,
           perfbudget.funding_sum(p.spend_annual) AS spend_annual,
           0 AS indicators, 0 AS quantitative_indicators, 0 AS targets,
           0::bigint AS issues_error, 0::bigint AS issues_warning, p.department_id
    FROM perfbudget.project p
    GROUP BY p.department_id, p.budget_year, p.region, p.department
    UNION ALL
    SELECT p.budget_year, p.region, p.department, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL,
           count(*), count(*) FILTER (WHERE perfbudget.perf_symbol(i.annual_target) <> '定性'),
           count(i.annual_target), 0, 0, p.department_id
    FROM perfbudget.indicator i
    JOIN perfbudget.project p ON p.id = i.project_id AND p.department_id = i.department_id
    GROUP BY p.department_id, p.budget_year, p.region, p.department
    UNION ALL
    SELECT f.budget_year, f.region, f.department, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, 0, 0, 0,
           coalesce(sum(f.findings) FILTER (WHERE r.severity = 'error'), 0)::bigint,
           coalesce(sum(f.findings) FILTER (WHERE r.severity = 'warning'), 0)::bigint,
           f.department_id
    FROM (SELECT department_id, budget_year, region, department, code, count(*) AS findings
          FROM perfbudget.form_findings
          GROUP BY department_id, budget_year, region, department, code) f
    JOIN perfbudget.issue_rule r ON r.code = f.code AND r.enabled
    GROUP BY f.department_id, f.budget_year, f.region, f.department;
COMMENT ON VIEW department_facts IS '部门事实 — the facts department_summary and department_review add up, already grouped by department (department_id first, so that on Citus each group is computed on its department''s node): one row per department and year with its forms'' count and money, one with its indicator counts, one with its error and warning counts';
COMMENT ON COLUMN department_facts.projects IS '项目数 — the forms of the department and year on the money row, else 0';
COMMENT ON COLUMN department_facts.total IS '资金总额（万元）— of the department''s forms of the year, NULL on the count rows';

-- form_issues reads form_findings as the reader (security_invoker): every
-- role that could read form_issues (create_roles() granted it) may read the
-- new view too.
DO $$
DECLARE
    g text;
BEGIN
    FOR g IN
        SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(r.rolname) END
        FROM pg_catalog.pg_class c
        CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
        LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
        WHERE c.oid = 'perfbudget.form_issues'::pg_catalog.regclass
          AND a.privilege_type = 'SELECT' AND a.grantee <> c.relowner
    LOOP
        EXECUTE pg_catalog.format('GRANT SELECT ON perfbudget.form_findings TO %s', g);
    END LOOP;
END
$$;

-- form_json in C (src/form_json.c), the same value: the history writes a
-- deleted form's JSON once per form a replace deletes, and to_jsonb of each
-- row, jsonb_agg and the key removals of the SQL definition cost twice the
-- reading of the rows (PL/pgSQL had first saved its planning at every call).
CREATE OR REPLACE FUNCTION form_json(project_id bigint) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;

-- The forms a transaction deleted: the rows their deletion takes with it
-- (the foreign keys' cascade) queue no deferred event of the sum check,
-- fingerprint or findings, which found the form gone at commit (a replace
-- of thousands of forms held and ran tens of thousands).  "Form_deleted" is
-- named to run before the cascade (a row's triggers run in name order; the
-- keys' are RI_ConstraintTrigger_…).  Not on Citus (distribute() drops the
-- project's other triggers; the WHEN then says yes to every row).
CREATE FUNCTION form_written_trigger() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION form_written_trigger() IS
  'trigger of project: AFTER DELETE notes the form as deleted by the transaction, BEFORE INSERT forgets its id (row_event_needed reads the set)';
CREATE FUNCTION row_event_needed(project_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION row_event_needed(bigint) IS
  'WHEN of the deferred triggers of changed and deleted rows (expenditure_matches_total, expenditure_findings, indicator_fingerprint): false for a row of a form this transaction has deleted, whose rows go with it, true otherwise (reads no table)';
DO $$
BEGIN
    IF NOT perfbudget.is_distributed() THEN
        CREATE TRIGGER "Form_deleted" AFTER DELETE ON perfbudget.project
            FOR EACH ROW EXECUTE FUNCTION perfbudget.form_written_trigger();
        CREATE TRIGGER "Form_inserted" BEFORE INSERT ON perfbudget.project
            FOR EACH ROW EXECUTE FUNCTION perfbudget.form_written_trigger();
        COMMENT ON TRIGGER "Form_deleted" ON perfbudget.project IS
          'notes a deleted form before the cascade deletes its rows, which then queue no deferred event (row_event_needed)';
        COMMENT ON TRIGGER "Form_inserted" ON perfbudget.project IS
          'a form inserted under an id this transaction deleted: its rows queue their events again';
    END IF;
END
$$;

-- indicator_fingerprint: an INSERT queues no event for the rows of a form
-- whose fingerprint the running import_form call stores itself (the events
-- were 18 a form, most of what a call of thousands of forms held until
-- commit).  On Citus (distribute() has run) the trigger was dropped and
-- stays so.
CREATE FUNCTION form_event_needed(project_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION form_event_needed(bigint) IS
  'WHEN of the triggers indicator_fingerprint_insert, project_findings_inserted and expenditure_findings_inserted: false while the running import_form call writes the form whole and stores its fingerprint and findings itself, true otherwise (reads no table)';
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_trigger
               WHERE tgrelid = 'perfbudget.indicator'::pg_catalog.regclass
                 AND tgname = 'indicator_fingerprint') THEN
        DROP TRIGGER indicator_fingerprint ON perfbudget.indicator;
        CREATE CONSTRAINT TRIGGER indicator_fingerprint
            AFTER UPDATE OF project_id, line_no, level1, level2, level3, half_year_target,
                  annual_target OR DELETE ON perfbudget.indicator
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (perfbudget.row_event_needed(OLD.project_id))
            EXECUTE FUNCTION perfbudget.indicator_fingerprint_trigger();
        COMMENT ON TRIGGER indicator_fingerprint ON perfbudget.indicator IS
          '指标指纹: the form''s fingerprint in project_fingerprint, recomputed at commit (deferred) after locking the project row, when its rows are changed or deleted (not the rows a deleted form takes with it)';
        CREATE CONSTRAINT TRIGGER indicator_fingerprint_insert
            AFTER INSERT ON perfbudget.indicator
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (perfbudget.form_event_needed(NEW.project_id))
            EXECUTE FUNCTION perfbudget.indicator_fingerprint_trigger();
        COMMENT ON TRIGGER indicator_fingerprint_insert ON perfbudget.indicator IS
          '指标指纹: the same for inserted rows, except those of a form the running import_form call writes whole (it stores their fingerprint itself)';
    END IF;
END
$$;

-- The sums' and findings' deferred events of inserted rows: none for the
-- forms an import_form call writes whole (it adds up their rows and stores
-- their findings itself); with the fingerprints' they were 7 a form more,
-- held until commit.  expenditure_matches_total keeps updates and deletes;
-- expenditure_matches_total_insert checks the same rule for inserted rows
-- and names it in its errors (the trigger's argument).  On Citus
-- (distribute() has run) the findings triggers were dropped and stay so,
-- and the sum trigger is left whole (correct, only not spared the events).
COMMENT ON FUNCTION expenditure_sum_trigger() IS
  '资金分配合计检查 — deferred constraint trigger: locks the project row, then requires Σ expenditure rows = the project''s spend_half_year and spend_annual (a project without rows is left to form_issues); an argument names the constraint its errors report (else the trigger''s name)';
CREATE FUNCTION sum_event_needed(project_id bigint) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION sum_event_needed(bigint) IS
  'WHEN of the trigger expenditure_matches_total_insert: false when the form''s sums are already checked as of a later command (import_form adds up each form''s rows as it stores them), true otherwise (reads no table)';
DO $$
BEGIN
    IF NOT perfbudget.is_distributed() THEN
        DROP TRIGGER expenditure_matches_total ON perfbudget.expenditure;
        CREATE CONSTRAINT TRIGGER expenditure_matches_total
            AFTER UPDATE OR DELETE ON perfbudget.expenditure
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (perfbudget.row_event_needed(OLD.project_id))
            EXECUTE FUNCTION perfbudget.expenditure_sum_trigger();
        CREATE CONSTRAINT TRIGGER expenditure_matches_total_insert
            AFTER INSERT ON perfbudget.expenditure
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (perfbudget.sum_event_needed(NEW.project_id))
            EXECUTE FUNCTION perfbudget.expenditure_sum_trigger('expenditure_matches_total');
        COMMENT ON TRIGGER expenditure_matches_total ON perfbudget.expenditure IS
          '资金分配合计 = 支出资金总额, checked at commit (deferred) after locking the project row';
        COMMENT ON TRIGGER expenditure_matches_total_insert ON perfbudget.expenditure IS
          'the same check for inserted rows (its errors name expenditure_matches_total), except those of a form import_form has already added up';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_trigger
               WHERE tgrelid = 'perfbudget.project'::pg_catalog.regclass
                 AND tgname = 'project_findings') THEN
        DROP TRIGGER project_findings ON perfbudget.project;
        DROP TRIGGER expenditure_findings ON perfbudget.expenditure;
        CREATE CONSTRAINT TRIGGER project_findings
            AFTER UPDATE OR DELETE ON perfbudget.project
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION perfbudget.findings_at_commit('id');
        CREATE CONSTRAINT TRIGGER expenditure_findings
            AFTER UPDATE OR DELETE ON perfbudget.expenditure
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (perfbudget.row_event_needed(OLD.project_id))
            EXECUTE FUNCTION perfbudget.findings_at_commit('project_id');
        CREATE CONSTRAINT TRIGGER project_findings_inserted
            AFTER INSERT ON perfbudget.project
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (perfbudget.form_event_needed(NEW.id))
            EXECUTE FUNCTION perfbudget.findings_at_commit('id');
        CREATE CONSTRAINT TRIGGER expenditure_findings_inserted
            AFTER INSERT ON perfbudget.expenditure
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (perfbudget.form_event_needed(NEW.project_id))
            EXECUTE FUNCTION perfbudget.findings_at_commit('project_id');
        COMMENT ON TRIGGER project_findings ON perfbudget.project IS
          '校验结果: the pending forms'' findings recomputed into issue_finding at commit (deferred; the first event of the commit does all of them), after updates and deletes of forms';
        COMMENT ON TRIGGER expenditure_findings ON perfbudget.expenditure IS
          '校验结果: the same at commit for a transaction that changed only expenditure rows';
        COMMENT ON TRIGGER project_findings_inserted ON perfbudget.project IS
          '校验结果: the same for inserted forms, except those the running import_form call writes whole (it stores their findings itself)';
        COMMENT ON TRIGGER expenditure_findings_inserted ON perfbudget.expenditure IS
          '校验结果: the same for inserted expenditure rows, except those of a form the running import_form call writes whole';
    END IF;
END
$$;
-- distribute() keeps expenditure_matches_total_insert on the shards
CREATE OR REPLACE FUNCTION distribute_prepare() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record;
BEGIN
    -- triggers that would reach other nodes from a shard (header comment)
    FOR c IN
        SELECT tg.tgrelid::pg_catalog.regclass AS rel, tg.tgname
        FROM pg_catalog.pg_trigger tg
        WHERE NOT tg.tgisinternal
          AND tg.tgrelid OPERATOR(pg_catalog.=) ANY (ARRAY[
                'perfbudget.project', 'perfbudget.expenditure', 'perfbudget.indicator',
                'perfbudget.project_fingerprint', 'perfbudget.issue_rule_setting',
                'perfbudget.monitoring', 'perfbudget.indicator_monitoring',
                'perfbudget.self_evaluation', 'perfbudget.department_grant',
                'perfbudget.evaluation_setting']::pg_catalog.regclass[])
          AND tg.tgname NOT IN ('department_id_insert', 'expenditure_matches_total',
                                'expenditure_matches_total_insert',
                                'project_total_matches_expenditure', 'fingerprint_group_count',
                                'project_fingerprint_key')
    LOOP
        EXECUTE pg_catalog.format('DROP TRIGGER %I ON %s', c.tgname, c.rel);
    END LOOP;

    -- row-level security: Citus cannot carry the policies; with row-level
    -- security still enabled and no policy, a role other than the owner
    -- sees no row
    FOR c IN
        SELECT pol.polrelid::pg_catalog.regclass AS rel, pol.polname
        FROM pg_catalog.pg_policy pol
        JOIN pg_catalog.pg_class r ON r.oid OPERATOR(pg_catalog.=) pol.polrelid
        WHERE r.relnamespace OPERATOR(pg_catalog.=) 'perfbudget'::pg_catalog.regnamespace
    LOOP
        EXECUTE pg_catalog.format('DROP POLICY %I ON %s', c.polname, c.rel);
    END LOOP;

    -- ON UPDATE CASCADE of a distribution column: Citus refuses it
    FOR c IN
        SELECT k.conrelid::pg_catalog.regclass AS rel, k.conname,
               pg_catalog.pg_get_constraintdef(k.oid) AS def
        FROM pg_catalog.pg_constraint k
        WHERE k.contype OPERATOR(pg_catalog.=) 'f' AND k.confupdtype OPERATOR(pg_catalog.=) 'c'
          AND k.connamespace OPERATOR(pg_catalog.=) 'perfbudget'::pg_catalog.regnamespace
    LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', c.rel, c.conname);
        EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.rel, c.conname,
                                  pg_catalog.replace(c.def, ' ON UPDATE CASCADE', ''));
    END LOOP;

    -- the forms first, without their key to the departments: Citus would
    -- otherwise turn every table joined to department by a foreign key
    -- into a "local table" on making department a reference table
    ALTER TABLE perfbudget.project DROP CONSTRAINT IF EXISTS project_department_id_fkey;
END
$$;
