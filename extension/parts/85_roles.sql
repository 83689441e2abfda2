-- Roles that fit a finance bureau.  Roles belong to the cluster, not to one
-- database, so the extension does not create them by itself: the function
-- below creates the four group roles when missing and grants them their
-- privileges in this database.  Users are then made members:
--   GRANT perfbudget_filer TO zhang;

CREATE FUNCTION create_roles() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['perfbudget_bureau', 'perfbudget_filer',
                             'perfbudget_analyst', 'perfbudget_auditor'] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA perfbudget TO %I', r);
        -- the views are security_invoker: a reader needs the tables under them
        EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA perfbudget TO %I', r);
        IF r OPERATOR(pg_catalog.<>) 'perfbudget_auditor' THEN
            EXECUTE format('REVOKE ALL ON perfbudget.change_log FROM %I', r);
        END IF;
    END LOOP;
    GRANT INSERT, UPDATE, DELETE ON perfbudget.project, perfbudget.expenditure, perfbudget.indicator
        TO perfbudget_bureau, perfbudget_filer;
    GRANT USAGE ON SEQUENCE perfbudget.project_id_seq TO perfbudget_bureau, perfbudget_filer;
    -- a form of a new department makes its row (perfbudget.department_id)
    GRANT INSERT ON perfbudget.department TO perfbudget_bureau, perfbudget_filer;
    GRANT USAGE ON SEQUENCE perfbudget.department_id_seq TO perfbudget_bureau, perfbudget_filer;
    GRANT INSERT, UPDATE, DELETE ON perfbudget.monitoring, perfbudget.indicator_monitoring,
        perfbudget.self_evaluation TO perfbudget_bureau, perfbudget_filer;
    GRANT INSERT, UPDATE, DELETE ON perfbudget.issue_rule_setting, perfbudget.evaluation_setting
        TO perfbudget_bureau;
    -- who may see which department: the bureau decides, the auditor reads it
    REVOKE ALL ON perfbudget.department_grant FROM perfbudget_filer, perfbudget_analyst;
    GRANT INSERT, UPDATE, DELETE ON perfbudget.department_grant TO perfbudget_bureau;
    -- the bureau, the analysts and the auditors see every department;
    -- a filer sees only what grant_department gives it
    PERFORM perfbudget.grant_department(g.role_name, '*')
    FROM unnest(ARRAY['perfbudget_bureau', 'perfbudget_analyst', 'perfbudget_auditor']::name[]) AS g(role_name);
END
$$;
COMMENT ON FUNCTION create_roles() IS
  '创建角色 — creates, when missing, the group roles perfbudget_bureau (财政局: reads and writes every form, tunes issue_rule_setting), perfbudget_filer (填报部门: reads and writes the forms of the departments granted to it by grant_department or grant_region, nothing else), perfbudget_analyst (分析: reads every view, writes nothing) and perfbudget_auditor (审计: reads everything, the change_log included), grants their privileges in this database and grants the bureau, analyst and auditor roles every department (''*''); run it again after ALTER EXTENSION UPDATE. Needs CREATEROLE and ownership of the extension''s objects';
