-- Onto Citus (DESIGN.md §6, issue 9 point 8): perfbudget.distribute() turns
-- a single-node database into a distributed one.  Every per-form table
-- carries department_id and every key of it contains department_id, so the
-- tables are distributed by department_id and co-located with project: a
-- department's forms, rows, fingerprints and findings live on one node,
-- and the roll-ups, which group by department first, run there.  The
-- department table and the settings are reference tables (a copy on every
-- node).
--
-- What changes on the way (doc/citus.md):
--   * the foreign keys between the per-form tables lose ON UPDATE CASCADE
--     (Citus refuses it on a distribution column): a form cannot move to
--     another department by UPDATE; re-import it with replace => true.
--   * triggers that run on the shards (citus.enable_unsafe_triggers is set
--     for the statements of this function only): the 资金分配 sum check,
--     department_id of rows written without it, the fingerprint group
--     counts — each reads only co-located rows of its own department.
--     Dropped, because they would read or write other nodes' rows from a
--     shard: the commit-time maintenance of stored findings and
--     fingerprints, the change_log triggers (no history is kept), the write
--     checks of row-level security, the department moves, and the
--     threshold triggers of issue_rule_setting.  import_form and
--     import_form_json refresh the fingerprints and findings of the forms
--     they store from the coordinator (perfbudget.refresh_findings); after
--     other writes — UPDATE, DELETE, INSERT by hand, a threshold change —
--     call perfbudget.refresh_findings(ids) or perfbudget.rebuild_findings()
--     and perfbudget.rebuild_fingerprints().
--   * row-level security: Citus carries no policy; distribute() drops
--     them and leaves row-level security enabled, so a role other than the
--     owner (and superusers) sees no form.  Only the owner uses a
--     distributed database; its answers equal one node's.
--   * monitoring, indicator_monitoring and self_evaluation are distributed
--     too; change_log stays on the coordinator, unused.

CREATE FUNCTION is_distributed() RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r boolean;
BEGIN
    IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
        RETURN false;
    END IF;
    EXECUTE 'SELECT EXISTS (SELECT FROM pg_catalog.pg_dist_partition
                            WHERE logicalrelid OPERATOR(pg_catalog.=) ''perfbudget.project''::pg_catalog.regclass)'
        INTO r;
    RETURN r;
END
$$;
COMMENT ON FUNCTION is_distributed() IS
  '是否分布式 — true when perfbudget.distribute() has distributed the forms over a Citus cluster (project is a distributed table)';

-- The findings of some forms recomputed now.  The old ones go department
-- by department (each DELETE is routed to the department's node); the new
-- ones come from one statement over all the forms: on Citus
-- issue_finding_computed is planned branch by branch, each over every
-- shard (a filter on department_id does not reach the tables inside its
-- per-form LATERAL reads), so a statement per department would read every
-- form once per department.
CREATE FUNCTION refresh_findings(project_ids bigint[]) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d integer;
    ids bigint[];
    total bigint;
BEGIN
    FOR d, ids IN
        SELECT p.department_id, pg_catalog.array_agg(p.id)
        FROM perfbudget.project p WHERE p.id OPERATOR(pg_catalog.=) ANY (project_ids)
        GROUP BY p.department_id
    LOOP
        DELETE FROM perfbudget.issue_finding f
        WHERE f.department_id OPERATOR(pg_catalog.=) d AND f.project_id OPERATOR(pg_catalog.=) ANY (ids);
        -- the findings of the department's forms that are gone (replaced
        -- by import_form, deleted): no trigger deletes them on Citus
        DELETE FROM perfbudget.issue_finding f
        WHERE f.department_id OPERATOR(pg_catalog.=) d
          AND NOT EXISTS (SELECT FROM perfbudget.project p
                          WHERE p.department_id OPERATOR(pg_catalog.=) d
                            AND p.id OPERATOR(pg_catalog.=) f.project_id);
    END LOOP;
    INSERT INTO perfbudget.issue_finding (project_id, code, line_no, message, department_id)
    SELECT c.project_id, c.code, c.line_no, c.message, c.department_id
    FROM perfbudget.issue_finding_computed c
    WHERE c.project_id OPERATOR(pg_catalog.=) ANY (project_ids);
    GET DIAGNOSTICS total = ROW_COUNT;
    -- forms given that are gone leave no finding
    DELETE FROM perfbudget.issue_finding f
    WHERE f.project_id OPERATOR(pg_catalog.=) ANY (project_ids)
      AND NOT EXISTS (SELECT FROM perfbudget.project p
                      WHERE p.id OPERATOR(pg_catalog.=) f.project_id
                        AND p.department_id OPERATOR(pg_catalog.=) f.department_id);
    RETURN total;
END
$$;
COMMENT ON FUNCTION refresh_findings(bigint[]) IS
  '刷新校验结果 — replaces the stored findings (issue_finding) of the given forms by issue_finding_computed now (the old ones deleted department by department, the new ones computed in one statement); returns the number of findings stored. On one node the triggers do this at commit; on Citus (perfbudget.distribute) import_form calls it, and after other writes the caller does';

-- The fingerprints of some forms recomputed now, one statement per
-- department (the same expression as indicator_fingerprint).  import_form
-- uses it on Citus, where the commit-time trigger is gone.
CREATE FUNCTION refresh_fingerprints(project_ids bigint[]) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d integer;
    ids bigint[];
    n bigint;
    total bigint := 0;
BEGIN
    FOR d, ids IN
        SELECT p.department_id, pg_catalog.array_agg(p.id)
        FROM perfbudget.project p WHERE p.id OPERATOR(pg_catalog.=) ANY (project_ids)
        GROUP BY p.department_id
    LOOP
        DELETE FROM perfbudget.project_fingerprint f
        WHERE f.department_id OPERATOR(pg_catalog.=) d AND f.project_id OPERATOR(pg_catalog.=) ANY (ids);
        INSERT INTO perfbudget.project_fingerprint (project_id, budget_year, region, department,
                                                    fingerprint, department_id)
        SELECT p.id, p.budget_year, p.region, p.department, x.fingerprint, p.department_id
        FROM perfbudget.project p
        JOIN (SELECT i.department_id, i.project_id,
                     pg_catalog.md5(pg_catalog.string_agg(
                         pg_catalog.concat_ws('|', perfbudget.canonical_level1(i.level1),
                                              perfbudget.canonical_level2(i.level2), i.level3,
                                              i.half_year_target::text, i.annual_target::text),
                         E'\n' ORDER BY i.line_no)) AS fingerprint
              FROM perfbudget.indicator i
              WHERE i.department_id OPERATOR(pg_catalog.=) d
                AND i.project_id OPERATOR(pg_catalog.=) ANY (ids)
                AND coalesce(perfbudget.canonical_level1(i.level1), '')
                    OPERATOR(pg_catalog.<>) ALL (ARRAY['决策指标', '过程指标'])
              GROUP BY i.department_id, i.project_id) x
          ON x.project_id OPERATOR(pg_catalog.=) p.id AND x.department_id OPERATOR(pg_catalog.=) p.department_id
        WHERE p.department_id OPERATOR(pg_catalog.=) d AND p.id OPERATOR(pg_catalog.=) ANY (ids);
        GET DIAGNOSTICS n = ROW_COUNT;
        total := total OPERATOR(pg_catalog.+) n;
    END LOOP;
    RETURN total;
END
$$;
COMMENT ON FUNCTION refresh_fingerprints(bigint[]) IS
  '刷新指标指纹（批量）— recomputes the stored fingerprints (project_fingerprint, and through its trigger fingerprint_group) of the given forms now, one statement per department; returns the number of fingerprints stored. On one node the trigger indicator_fingerprint does this at commit; on Citus (perfbudget.distribute) import_form calls it, and after other writes the caller does';

-- What distribute() changes in the tables before distributing them (see
-- the top of this file); run on the coordinator and on every worker.
-- Idempotent.
CREATE FUNCTION distribute_prepare() RETURNS void
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
COMMENT ON FUNCTION distribute_prepare() IS
  '分布式部署准备 — what perfbudget.distribute() changes before distributing, on the node it runs on: drops the triggers that would reach other nodes from a shard, the row-level security policies, ON UPDATE CASCADE of the per-form foreign keys and project''s foreign key to department (distribute() adds it back once department is a reference table). Idempotent; distribute() runs it on the coordinator and every worker';

CREATE FUNCTION distribute(shard_count integer DEFAULT NULL) RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t text;
    c record;
    n integer := 0;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname OPERATOR(pg_catalog.=) 'citus') THEN
        RAISE EXCEPTION USING
            ERRCODE = 'feature_not_supported',
            MESSAGE = perfbudget.message('distribute.no_citus'),
            DETAIL = perfbudget.message('distribute.no_citus.detail'),
            HINT = perfbudget.message('distribute.no_citus.hint');
    END IF;
    IF perfbudget.is_distributed() THEN
        RETURN 'already distributed';
    END IF;
    IF shard_count IS NOT NULL THEN
        PERFORM pg_catalog.set_config('citus.shard_count', shard_count::text, true);
    END IF;
    PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers', 'on', true);
    -- each table is copied to the workers in this transaction, then read
    -- by the next create_distributed_table: sequential keeps that legal
    PERFORM pg_catalog.set_config('citus.multi_shard_modify_mode', 'sequential', true);

    -- the same preparation on every node: the workers hold the extension's
    -- own copies of the tables, whose definitions Citus keeps beside the
    -- shards
    PERFORM perfbudget.distribute_prepare();
    PERFORM pg_catalog.run_command_on_workers('SELECT perfbudget.distribute_prepare()');
    PERFORM pg_catalog.create_distributed_table('perfbudget.project', 'department_id');
    FOREACH t IN ARRAY ARRAY['perfbudget.expenditure', 'perfbudget.indicator',
                             'perfbudget.project_fingerprint', 'perfbudget.fingerprint_group',
                             'perfbudget.issue_finding', 'perfbudget.monitoring',
                             'perfbudget.indicator_monitoring', 'perfbudget.self_evaluation'] LOOP
        PERFORM pg_catalog.create_distributed_table(t::pg_catalog.regclass, 'department_id',
                                                    colocate_with => 'perfbudget.project');
        n := n OPERATOR(pg_catalog.+) 1;
    END LOOP;
    FOREACH t IN ARRAY ARRAY['perfbudget.department', 'perfbudget.issue_rule_default',
                             'perfbudget.issue_rule_setting', 'perfbudget.evaluation_setting'] LOOP
        PERFORM pg_catalog.create_reference_table(t::pg_catalog.regclass);
    END LOOP;
    ALTER TABLE perfbudget.project ADD CONSTRAINT project_department_id_fkey
        FOREIGN KEY (department_id) REFERENCES perfbudget.department (id);
    RETURN pg_catalog.format('distributed: %s tables by department_id, co-located with perfbudget.project; 4 reference tables',
                             n OPERATOR(pg_catalog.+) 1);
END
$$;
COMMENT ON FUNCTION distribute(integer) IS
  '分布式部署 — on a Citus coordinator with its workers added, distributes the forms: project, expenditure, indicator, project_fingerprint, fingerprint_group, issue_finding, monitoring, indicator_monitoring and self_evaluation by department_id, co-located; department, issue_rule_default, issue_rule_setting and evaluation_setting as reference tables. Drops ON UPDATE CASCADE of the per-form foreign keys; keeps the triggers that read only their own department''s co-located rows (资金分配 sum check, department_id fill, fingerprint counts; citus.enable_unsafe_triggers for its own statements) and drops the others (stored findings and fingerprints at commit — import_form refreshes them itself, refresh_findings/rebuild_* after other writes —, change_log, row-level security write checks, department moves, threshold triggers) and the row-level security policies (row-level security stays enabled: only the owner and superusers see the forms). Idempotent: returns ''already distributed'' the second time. Errors 0A000 when citus is not installed. shard_count sets citus.shard_count for the call';
