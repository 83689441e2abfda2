-- History of the forms: every change of a project, expenditure or indicator
-- row after it was stored, written by the trigger change_log_trigger (C, as
-- the table owner: no user writes the log), and the form as it stood at a
-- given time.  A form stored at once (import) is one entry.

CREATE TABLE change_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    changed_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    changed_by     text NOT NULL,
    table_name     text NOT NULL CHECK (table_name IN ('project', 'expenditure', 'indicator')),
    project_id     bigint NOT NULL,
    operation      text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
    old_row        jsonb,
    new_row        jsonb,
    transaction_id xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
    CHECK ((operation = 'INSERT') = (old_row IS NULL)),
    CHECK ((operation = 'DELETE') = (new_row IS NULL))
);
CREATE INDEX change_log_project_idx ON change_log (project_id, id);
CREATE INDEX change_log_time_idx ON change_log (changed_at);
SELECT pg_catalog.pg_extension_config_dump('change_log', '');
SELECT pg_catalog.pg_extension_config_dump('change_log_id_seq', '');
REVOKE ALL ON change_log FROM PUBLIC;

COMMENT ON TABLE change_log IS '变更记录 — the history of the forms: one entry per insert, update or delete of a project, expenditure or indicator row after the form was stored (a form stored at once, by import, is one entry; deleting a form is one entry holding the whole form). Written only by the extension''s trigger; readable by auditors (perfbudget_auditor); dumped with the data';
COMMENT ON COLUMN change_log.id IS '序号 — order of the entries';
COMMENT ON COLUMN change_log.changed_at IS '时间 — start of the changing transaction (now())';
COMMENT ON COLUMN change_log.changed_by IS '操作人 — the role that made the change (current_user)';
COMMENT ON COLUMN change_log.table_name IS '表 — project, expenditure or indicator';
COMMENT ON COLUMN change_log.project_id IS '项目编号 — the form the row belongs to';
COMMENT ON COLUMN change_log.operation IS '操作 — INSERT, UPDATE or DELETE';
COMMENT ON COLUMN change_log.old_row IS '原值 — the row before (UPDATE, DELETE); for the DELETE of a project, the whole form in the layout of form_json';
COMMENT ON COLUMN change_log.new_row IS '新值 — the row after (INSERT, UPDATE)';
COMMENT ON COLUMN change_log.transaction_id IS '事务 — the changing transaction (pg_current_xact_id())';
COMMENT ON INDEX change_log_project_idx IS 'the history of one form, in order';
COMMENT ON INDEX change_log_time_idx IS 'changes in a period';

CREATE FUNCTION change_log_trigger() RETURNS trigger
    AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION change_log_trigger() IS
  '变更记录触发器 — writes perfbudget.change_log as the table owner; its argument is the table''s name (project, expenditure, indicator). Rows inserted with their project in one transaction are the project''s one entry; set perfbudget.history = off (superuser) to restore a dump without logging the restore';

CREATE TRIGGER change_log AFTER INSERT OR UPDATE ON project
    FOR EACH ROW EXECUTE FUNCTION change_log_trigger('project');
CREATE TRIGGER change_log_delete BEFORE DELETE ON project
    FOR EACH ROW EXECUTE FUNCTION change_log_trigger('project');
CREATE TRIGGER change_log AFTER INSERT OR UPDATE OR DELETE ON expenditure
    FOR EACH ROW EXECUTE FUNCTION change_log_trigger('expenditure');
CREATE TRIGGER change_log AFTER INSERT OR UPDATE OR DELETE ON indicator
    FOR EACH ROW EXECUTE FUNCTION change_log_trigger('indicator');
COMMENT ON TRIGGER change_log ON project IS '变更记录: a new form (one entry) and every change of its header';
COMMENT ON TRIGGER change_log_delete ON project IS '变更记录: a deleted form, whole, taken before its rows are deleted';
COMMENT ON TRIGGER change_log ON expenditure IS '变更记录: changes of 资金分配 rows after the form was stored';
COMMENT ON TRIGGER change_log ON indicator IS '变更记录: changes of indicator rows after the form was stored';

-- Undo the entries after the moment, newest first, from the current rows.
-- Rows are kept as JSON objects keyed by line_no, as form_json writes them.
CREATE FUNCTION form_as_of(project_id bigint, at timestamptz) RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    form jsonb := perfbudget.form_json(form_as_of.project_id);
    head jsonb;
    rows jsonb;                 -- {"expenditure": {line: row}, "indicators": {line: row}}
    e record;
    part text;
    old_key text;
    new_key text;
BEGIN
    IF form IS NULL THEN
        head := NULL;
        rows := '{"expenditure": {}, "indicators": {}}';
    ELSE
        head := form - 'expenditure' - 'indicators';
        rows := jsonb_build_object(
            'expenditure', (SELECT coalesce(jsonb_object_agg(r ->> 'line_no', r), '{}')
                            FROM jsonb_array_elements(form -> 'expenditure') r),
            'indicators', (SELECT coalesce(jsonb_object_agg(r ->> 'line_no', r), '{}')
                           FROM jsonb_array_elements(form -> 'indicators') r));
    END IF;

    FOR e IN SELECT c.table_name, c.operation, c.old_row, c.new_row
             FROM perfbudget.change_log c
             WHERE c.project_id OPERATOR(pg_catalog.=) form_as_of.project_id
               AND c.changed_at OPERATOR(pg_catalog.>) form_as_of.at
             ORDER BY c.id DESC
    LOOP
        IF e.table_name OPERATOR(pg_catalog.=) 'project' THEN
            IF e.operation OPERATOR(pg_catalog.=) 'INSERT' THEN
                head := NULL;           -- the form did not exist yet
                rows := '{"expenditure": {}, "indicators": {}}';
            ELSIF e.operation OPERATOR(pg_catalog.=) 'UPDATE' THEN
                head := e.old_row - 'department_id';
            ELSE                        -- DELETE: the whole form
                head := e.old_row - 'expenditure' - 'indicators';
                rows := jsonb_build_object(
                    'expenditure', (SELECT coalesce(jsonb_object_agg(r ->> 'line_no', r), '{}')
                                    FROM jsonb_array_elements(e.old_row -> 'expenditure') r),
                    'indicators', (SELECT coalesce(jsonb_object_agg(r ->> 'line_no', r), '{}')
                                   FROM jsonb_array_elements(e.old_row -> 'indicators') r));
            END IF;
            CONTINUE;
        END IF;
        part := CASE e.table_name WHEN 'expenditure' THEN 'expenditure' ELSE 'indicators' END;
        old_key := e.old_row ->> 'line_no';
        new_key := e.new_row ->> 'line_no';
        IF new_key IS NOT NULL THEN
            rows := jsonb_set(rows, ARRAY[part], (rows -> part) - new_key);
        END IF;
        IF old_key IS NOT NULL THEN
            rows := jsonb_set(rows, ARRAY[part, old_key], e.old_row - 'project_id' - 'department_id');
        END IF;
    END LOOP;

    IF head IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN head || jsonb_build_object(
        'expenditure', (SELECT coalesce(jsonb_agg(r.value ORDER BY (r.key)::int), '[]')
                        FROM jsonb_each(rows -> 'expenditure') r),
        'indicators', (SELECT coalesce(jsonb_agg(r.value ORDER BY (r.key)::int), '[]')
                       FROM jsonb_each(rows -> 'indicators') r));
END
$$;
COMMENT ON FUNCTION form_as_of(bigint, timestamptz) IS
  '某时点的申报表 — the form (layout of form_json) as it stood at the given time, rebuilt from its current rows by undoing the change_log entries after that time; NULL when the form did not exist then. Times are the changing transactions'' start times. Needs read access to change_log (auditors)';
