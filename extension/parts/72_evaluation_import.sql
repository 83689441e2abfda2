-- Loading monitoring and self-evaluation documents (issue 10).  The text
-- layouts are read in C (src/evaluation_parse.c) into the JSON layout;
-- one writer per document kind takes that JSON, finds each form's target
-- form by year, region, department and 项目名称 (name_key, like the unique
-- key project_form_key) and stores it.  A document is one statement: any
-- error leaves nothing behind.

CREATE FUNCTION parse_self_evaluation(doc text) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION parse_self_evaluation(text) IS
  '读取绩效自评表 — the forms of a self-evaluation document (text, tab-separated cells) in the JSON layout of import_self_evaluation_json, cells as written; 22P02 naming the form and line when it is not one';

CREATE FUNCTION parse_monitoring(doc text) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION parse_monitoring(text) IS
  '读取绩效运行监控表 — the forms of a monitoring document (text, tab-separated cells) in the JSON layout of import_monitoring_json, cells as written; 22P02 naming the form and line when it is not one';

-- '绩效自评表 form 2 "name"' and, for a row, ' (document line 31)', in the
-- session's language (message()): who is at fault.
CREATE FUNCTION evaluation_where(kind text, form jsonb, ordinal integer, row_ jsonb DEFAULT NULL)
    RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN perfbudget.message('evaluation.form', kind, ordinal::text, coalesce(form OPERATOR(pg_catalog.->>) 'name', '?'))
           OPERATOR(pg_catalog.||) CASE WHEN coalesce(row_ OPERATOR(pg_catalog.->>) 'line', form OPERATOR(pg_catalog.->>) 'line') IS NOT NULL
               THEN perfbudget.message('evaluation.line', coalesce(row_ OPERATOR(pg_catalog.->>) 'line', form OPERATOR(pg_catalog.->>) 'line'))
               ELSE '' END;
COMMENT ON FUNCTION evaluation_where(text, jsonb, integer, jsonb) IS
  '定位 — the words naming a form (its kind, ordinal and 项目名称) and the document line of the row or form, for import errors';

-- An amount or a number of points as written: '9', '1,200.5', '12.5分',
-- '8.5万元'; blank, '-', '/', '—' are none.
CREATE FUNCTION evaluation_number(cell text, what text, place text) RETURNS numeric
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t text := regexp_replace(btrim(coalesce(cell, '')), '(万元|元|分)$', '');
BEGIN
    IF t IN ('', '-', '/', '—', '－', '／') THEN
        RETURN NULL;
    END IF;
    IF t !~ '^[+-]?[0-9][0-9,]*(\.[0-9]+)?$' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                  MESSAGE = perfbudget.message('evaluation.number', place, what, cell),
                  DETAIL = perfbudget.message('evaluation.number.detail', what, cell),
                  HINT = perfbudget.message('evaluation.number.hint');
    END IF;
    RETURN replace(t, ',', '')::numeric;
END $$;
COMMENT ON FUNCTION evaluation_number(text, text, text) IS
  '读数 — an amount or points cell as a number (thousands separators, a trailing 万元/元/分 allowed; blank, -, / are NULL); 22P02 naming the form, row and cell otherwise';

-- A value cell as perf_value, the input error given the form and row.
CREATE FUNCTION evaluation_value(cell text, what text, place text) RETURNS perf_value
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    msg text; det text; hnt text; st text;
BEGIN
    IF btrim(coalesce(cell, '')) IN ('', '-', '/', '—') THEN
        RETURN NULL;
    END IF;
    RETURN cell::perfbudget.perf_value;
EXCEPTION WHEN invalid_text_representation THEN
    GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT,
                            st = RETURNED_SQLSTATE;
    RAISE EXCEPTION USING ERRCODE = st, MESSAGE = perfbudget.message('evaluation.value', place, what, msg),
                          DETAIL = det, HINT = hnt;
END $$;
COMMENT ON FUNCTION evaluation_value(text, text, text) IS
  '读值 — a value cell (实际完成值, 1–N月完成值 …) as perf_value; blank, -, / are NULL; an invalid value raises 22P02 with the form, row and cell in the message';

-- The target form of a document's form; 23503 when none, 21000 when a form
-- without a region in its title fits forms of several regions.
CREATE FUNCTION evaluation_target(form jsonb, place text) RETURNS bigint
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    y integer;
    ids bigint[];
    names text;
BEGIN
    IF coalesce(btrim(form->>'name'), '') = '' OR coalesce(btrim(form->>'department'), '') = ''
       OR coalesce(form->>'budget_year', '') !~ '^[0-9]{4}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                  MESSAGE = perfbudget.message('evaluation.key_missing', place),
                  DETAIL = perfbudget.message('evaluation.key_missing.detail',
                                              form->>'name', form->>'department', form->>'budget_year'),
                  HINT = perfbudget.message('evaluation.key_missing.hint');
    END IF;
    y := (form->>'budget_year')::integer;
    SELECT array_agg(p.id ORDER BY p.id) INTO ids
    FROM perfbudget.project p
    WHERE p.budget_year = y
      AND perfbudget.name_key(p.department) = perfbudget.name_key(form->>'department')
      AND perfbudget.name_key(p.name) = perfbudget.name_key(form->>'name')
      AND (form->>'region' IS NULL
           OR perfbudget.name_key(p.region) = perfbudget.name_key(form->>'region'));
    IF ids IS NULL THEN
        SELECT string_agg(n, '、') INTO names
        FROM (SELECT p.name AS n FROM perfbudget.project p
              WHERE p.budget_year = y
                AND perfbudget.name_key(p.department) = perfbudget.name_key(form->>'department')
              ORDER BY p.name LIMIT 5) s;
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
                  MESSAGE = perfbudget.message('evaluation.no_target', place, form->>'name', y::text,
                                               coalesce(form->>'region' || ' ', '') || (form->>'department')),
                  DETAIL = perfbudget.message('evaluation.no_target.detail', y::text,
                                              coalesce('"' || (form->>'region') || '"',
                                                       perfbudget.message('evaluation.no_target.any_region')),
                                              form->>'department', form->>'name'),
                  HINT = CASE WHEN names IS NULL
                              THEN perfbudget.message('evaluation.no_target.hint')
                              ELSE perfbudget.message('evaluation.no_target.hint_names', y::text, names) END;
    END IF;
    IF cardinality(ids) > 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'cardinality_violation',
                  MESSAGE = perfbudget.message('evaluation.regions', place, form->>'name', cardinality(ids)::text),
                  DETAIL = perfbudget.message('evaluation.regions.detail', ids::text, y::text, form->>'department'),
                  HINT = perfbudget.message('evaluation.regions.hint');
    END IF;
    RETURN ids[1];
END $$;
COMMENT ON FUNCTION evaluation_target(jsonb, text) IS
  '匹配目标表 — the project whose year, region, 主管部门 and 项目名称 (by name_key) are the form''s; any region when the form names none; 23503 with the department''s form names in the hint when none matches, 21000 when several regions do';

-- The target form's indicator row for a document row: the same 三级指标
-- (name_key), preferring the same 二级指标, in order, each row once.
CREATE FUNCTION evaluation_row(project_id bigint, row_ jsonb, taken integer[], place text) RETURNS integer
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
    names text;
BEGIN
    SELECT i.line_no INTO n
    FROM perfbudget.indicator i
    WHERE i.project_id = evaluation_row.project_id
      AND perfbudget.name_key(i.level3) = perfbudget.name_key(row_->>'level3')
      AND i.line_no <> ALL (taken)
    ORDER BY perfbudget.name_key(i.level2) = perfbudget.name_key(row_->>'level2') DESC, i.line_no
    LIMIT 1;
    IF n IS NULL THEN
        SELECT string_agg(i.level3, '、' ORDER BY i.line_no) INTO names
        FROM perfbudget.indicator i
        WHERE i.project_id = evaluation_row.project_id AND i.line_no <> ALL (taken)
          AND perfbudget.score_group(i.level1) IS NOT NULL;
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
                  MESSAGE = perfbudget.message('evaluation.indicator', place, row_->>'level3'),
                  DETAIL = perfbudget.message('evaluation.indicator.detail', project_id::text, row_->>'level3'),
                  HINT = CASE WHEN names IS NULL THEN perfbudget.message('evaluation.indicator.hint_none')
                              ELSE perfbudget.message('evaluation.indicator.hint', names) END;
    END IF;
    RETURN n;
END $$;
COMMENT ON FUNCTION evaluation_row(bigint, jsonb, integer[], text) IS
  '匹配指标行 — the target form''s indicator row for a reported row: same 三级指标 by name_key, the same 二级指标 first, then in order, each row once; 23503 listing the rows left when none';

-- The forms of a JSON document: {"forms": […]}, […] or one form {…}.
CREATE FUNCTION evaluation_forms(doc jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    forms jsonb := CASE WHEN jsonb_typeof(doc) = 'array' THEN doc
                        WHEN jsonb_typeof(doc) = 'object' AND doc ? 'forms' THEN doc->'forms'
                        WHEN jsonb_typeof(doc) = 'object' THEN jsonb_build_array(doc) END;
BEGIN
    IF jsonb_typeof(forms) IS DISTINCT FROM 'array'
       OR EXISTS (SELECT FROM jsonb_array_elements(forms) e WHERE jsonb_typeof(e) <> 'object') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                  MESSAGE = perfbudget.message('evaluation.document', left(doc::text, 60)),
                  DETAIL = perfbudget.message('evaluation.document.detail'),
                  HINT = perfbudget.message('evaluation.document.hint');
    END IF;
    RETURN forms;
END $$;
COMMENT ON FUNCTION evaluation_forms(jsonb) IS
  '表单列表 — the forms of a JSON evaluation document as an array: {"forms": […]}, […] or one form {…}; 22023 for anything else';

-- A cell as text: JSON strings and numbers both ("9" and 9).
CREATE FUNCTION evaluation_cell(obj jsonb, key text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE pg_catalog.jsonb_typeof(obj OPERATOR(pg_catalog.->) key)
                WHEN 'null' THEN NULL
                ELSE obj OPERATOR(pg_catalog.->>) key END;
COMMENT ON FUNCTION evaluation_cell(jsonb, text) IS '单元格 — a key of a JSON form or row as text (strings and numbers alike); NULL when absent or null';

CREATE FUNCTION import_self_evaluation_json(doc jsonb) RETURNS SETOF bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    kind constant text := '绩效自评表';
    f jsonb; r jsonb; n integer; place text; pid bigint; seen bigint[] := '{}'; taken integer[];
    dept integer;
    line integer; grade text;
    new_actual perfbudget.perf_value; new_weight numeric; new_score numeric;
BEGIN
    FOR f, n IN SELECT e, o FROM jsonb_array_elements(perfbudget.evaluation_forms(doc)) WITH ORDINALITY x(e, o) LOOP
        place := perfbudget.evaluation_where(kind, f, n);
        pid := perfbudget.evaluation_target(f, place);
        -- the form's department: the rows carry it (the distribution key on Citus)
        SELECT p.department_id INTO dept FROM perfbudget.project p WHERE p.id = pid;
        IF pid = ANY (seen) THEN
            RAISE EXCEPTION USING ERRCODE = 'unique_violation',
                      MESSAGE = perfbudget.message('evaluation.twice', place),
                      DETAIL = perfbudget.message('evaluation.twice.detail', pid::text),
                      HINT = perfbudget.message('evaluation.twice.hint');
        END IF;
        seen := seen || pid;
        grade := CASE btrim(coalesce(f->>'grade', ''))
                     WHEN '' THEN NULL WHEN '优秀' THEN '优' WHEN '良好' THEN '良' WHEN '中等' THEN '中'
                     WHEN '较差' THEN '差' ELSE btrim(f->>'grade') END;
        IF grade NOT IN ('优', '良', '中', '差') THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                      MESSAGE = perfbudget.message('evaluation.grade', place, f->>'grade'),
                      DETAIL = perfbudget.message('evaluation.grade.detail'),
                      HINT = perfbudget.message('evaluation.grade.hint');
        END IF;
        UPDATE perfbudget.project
           SET spend_executed = perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'executed'), '全年执行数', place)
         WHERE id = pid AND department_id = dept;
        INSERT INTO perfbudget.self_evaluation AS s (project_id, budget_initial, budget_adjusted, execution_weight,
                                                     execution_score, total_score, grade, execution_note, summary,
                                                     department_id)
        VALUES (pid,
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'budget_initial'), '年初预算数', place),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'budget_adjusted'), '全年预算数', place),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'execution_weight'), '预算执行率分值', place),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'execution_score'), '预算执行率得分', place),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'total_score'), '总分', place),
                grade, nullif(btrim(f->>'execution_note'), ''), nullif(btrim(f->>'summary'), ''), dept)
        ON CONFLICT (project_id, department_id) DO UPDATE
           SET budget_initial = excluded.budget_initial, budget_adjusted = excluded.budget_adjusted,
               execution_weight = excluded.execution_weight, execution_score = excluded.execution_score,
               total_score = excluded.total_score, grade = excluded.grade,
               execution_note = excluded.execution_note, summary = excluded.summary;
        -- a new self-evaluation of the project replaces the last one
        UPDATE perfbudget.indicator SET actual = NULL, score = NULL, deviation_note = NULL
         WHERE project_id = pid AND department_id = dept
           AND (actual IS NOT NULL OR score IS NOT NULL OR deviation_note IS NOT NULL);
        taken := '{}';
        FOR r IN SELECT e FROM jsonb_array_elements(coalesce(f->'indicators', '[]')) e LOOP
            place := perfbudget.evaluation_where(kind, f, n, r);
            line := perfbudget.evaluation_row(pid, r, taken, place);
            taken := taken || line;
            -- read into variables first: Citus allows no function that is
            -- not immutable inside the UPDATE's coalesce()
            new_actual := perfbudget.evaluation_value(perfbudget.evaluation_cell(r, 'actual'), '实际完成值', place);
            new_weight := perfbudget.evaluation_number(perfbudget.evaluation_cell(r, 'weight'), '分值', place);
            new_score := perfbudget.evaluation_number(perfbudget.evaluation_cell(r, 'score'), '得分', place);
            UPDATE perfbudget.indicator i
               SET actual = new_actual,
                   weight = coalesce(new_weight, i.weight),
                   score = new_score,
                   deviation_note = nullif(btrim(r->>'deviation_note'), '')
             WHERE i.project_id = pid AND i.line_no = line AND i.department_id = dept;
        END LOOP;
        RETURN NEXT pid;
    END LOOP;
    -- on Citus no trigger keeps the stored findings (95_distribute.sql)
    IF perfbudget.is_distributed() THEN
        PERFORM perfbudget.refresh_findings(seen);
    END IF;
END $$;
COMMENT ON FUNCTION import_self_evaluation_json(jsonb) IS
  '导入绩效自评（JSON）— stores self-evaluation forms ({"forms": [{budget_year, region, department, name, budget_initial, budget_adjusted, executed, execution_weight, execution_score, total_score, grade, execution_note, summary, indicators: [{level1, level2, level3, target, actual, weight, score, deviation_note, line}]}]}) on their target forms: project.spend_executed, self_evaluation, and the actual, weight, score and deviation note of each matched indicator row (a re-import replaces them); returns the project ids in document order; all or nothing';

CREATE FUNCTION import_monitoring_json(doc jsonb) RETURNS SETOF bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    kind constant text := '绩效运行监控表';
    f jsonb; r jsonb; n integer; place text; pid bigint; taken integer[]; line integer;
    dept integer;
    y integer; rdate date; months integer; m text[]; lk text; dev text; cause text; cause_note text;
    seen text[] := '{}';
    stored bigint[] := '{}';
    causes constant text[] := ARRAY['规划和目标设计', '经费保障', '制度保障', '人员保障', '硬件条件保障', '项目管理', '其他'];
BEGIN
    FOR f, n IN SELECT e, o FROM jsonb_array_elements(perfbudget.evaluation_forms(doc)) WITH ORDINALITY x(e, o) LOOP
        place := perfbudget.evaluation_where(kind, f, n);
        pid := perfbudget.evaluation_target(f, place);
        -- the form's department: the rows carry it (the distribution key on Citus)
        SELECT p.department_id INTO dept FROM perfbudget.project p WHERE p.id = pid;
        y := (f->>'budget_year')::integer;
        -- the report date: 监控截止日期 as written, else the end of month N of 1–N月
        m := regexp_match(coalesce(f->>'as_of', ''), '^\s*(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?\s*$');
        months := nullif(regexp_replace(coalesce(f->>'months', ''), '\D', '', 'g'), '')::integer;
        IF m IS NOT NULL THEN
            BEGIN
                rdate := make_date(m[1]::integer, m[2]::integer, m[3]::integer);
            EXCEPTION WHEN datetime_field_overflow THEN
                rdate := NULL;
            END;
        ELSIF coalesce(f->>'as_of', '') = '' AND months BETWEEN 1 AND 12 THEN
            rdate := (make_date(y, months, 1) + interval '1 month' - interval '1 day')::date;
        END IF;
        IF rdate IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                      MESSAGE = perfbudget.message('monitoring.date', place, coalesce(f->>'as_of', f->>'months', '')),
                      DETAIL = perfbudget.message('monitoring.date.detail'),
                      HINT = perfbudget.message('monitoring.date.hint');
        END IF;
        IF pid::text || '/' || rdate::text = ANY (seen) THEN
            RAISE EXCEPTION USING ERRCODE = 'unique_violation',
                      MESSAGE = perfbudget.message('monitoring.twice', place, rdate::text),
                      DETAIL = perfbudget.message('monitoring.twice.detail', pid::text, rdate::text),
                      HINT = perfbudget.message('monitoring.twice.hint');
        END IF;
        seen := seen || (pid::text || '/' || rdate::text);
        -- a new report of a project and date replaces the last one
        DELETE FROM perfbudget.monitoring mo
         WHERE mo.project_id = pid AND mo.department_id = dept AND mo.as_of = rdate;
        INSERT INTO perfbudget.monitoring (project_id, as_of, executed, budget_initial, expected_executed, note,
                                           department_id)
        VALUES (pid, rdate,
                coalesce(perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'executed'), '执行数', place), 0),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'budget_initial'), '年初预算数', place),
                perfbudget.evaluation_number(perfbudget.evaluation_cell(f, 'expected_executed'), '全年预计执行数', place),
                nullif(btrim(f->>'execution_note'), ''), dept);
        taken := '{}';
        FOR r IN SELECT e FROM jsonb_array_elements(coalesce(f->'indicators', '[]')) e LOOP
            place := perfbudget.evaluation_where(kind, f, n, r);
            line := perfbudget.evaluation_row(pid, r, taken, place);
            taken := taken || line;
            lk := CASE btrim(coalesce(r->>'likelihood', ''))
                      WHEN '' THEN NULL WHEN '确定能' THEN '确定能' WHEN '能' THEN '确定能' WHEN '确定能完成' THEN '确定能'
                      WHEN '有可能' THEN '有可能' WHEN '可能' THEN '有可能'
                      WHEN '完全不可能' THEN '完全不可能' WHEN '不可能' THEN '完全不可能' ELSE '?' END;
            IF lk = '?' THEN
                RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                          MESSAGE = perfbudget.message('monitoring.likelihood', place, r->>'likelihood'),
                          DETAIL = perfbudget.message('monitoring.likelihood.detail'),
                          HINT = perfbudget.message('monitoring.likelihood.hint');
            END IF;
            dev := btrim(coalesce(r->>'deviates', ''));
            IF dev NOT IN ('', '是', '否', '有', '无', 'true', 'false') THEN
                RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
                          MESSAGE = perfbudget.message('monitoring.deviates', place, r->>'deviates'),
                          DETAIL = perfbudget.message('monitoring.deviates.detail'),
                          HINT = perfbudget.message('monitoring.deviates.hint');
            END IF;
            -- a category, a category with its explanation (经费保障：…), or words of one's own (其他)
            cause := btrim(coalesce(r->>'cause', ''));
            cause_note := nullif(btrim(coalesce(r->>'cause_note', '')), '');
            IF cause = '' THEN
                cause := NULL;
            ELSIF NOT cause = ANY (causes) THEN
                IF split_part(translate(cause, '：:，,、 ', '::::::'), ':', 1) = ANY (causes) THEN
                    cause_note := concat_ws('；', nullif(btrim(substr(cause, length(split_part(translate(cause, '：:，,、 ', '::::::'), ':', 1)) + 2)), ''), cause_note);
                    cause := split_part(translate(cause, '：:，,、 ', '::::::'), ':', 1);
                ELSE
                    cause_note := concat_ws('；', cause, cause_note);
                    cause := '其他';
                END IF;
            END IF;
            INSERT INTO perfbudget.indicator_monitoring (project_id, as_of, line_no, completed, expected, deviates,
                                                         cause, cause_note, likelihood, measure, department_id)
            VALUES (pid, rdate, line,
                    perfbudget.evaluation_value(perfbudget.evaluation_cell(r, 'completed'), '1-N月完成值', place),
                    perfbudget.evaluation_value(perfbudget.evaluation_cell(r, 'expected'), '全年预计完成值', place),
                    CASE WHEN dev IN ('是', '有', 'true') THEN true WHEN dev IN ('否', '无', 'false') THEN false END,
                    cause, cause_note, lk, nullif(btrim(coalesce(r->>'measure', '')), ''), dept);
        END LOOP;
        stored := stored || pid;
        RETURN NEXT pid;
    END LOOP;
    -- on Citus no trigger keeps the stored findings (95_distribute.sql)
    IF perfbudget.is_distributed() THEN
        PERFORM perfbudget.refresh_findings(stored);
    END IF;
END $$;
COMMENT ON FUNCTION import_monitoring_json(jsonb) IS
  '导入绩效运行监控（JSON）— stores monitoring forms ({"forms": [{budget_year, region, department, name, as_of or months, budget_initial, executed, expected_executed, execution_note, indicators: [{level1, level2, level3, target, completed, expected, deviates, cause, cause_note, likelihood, measure, line}]}]}) on their target forms: one monitoring row per project and date and one indicator_monitoring row per matched indicator (a report of the same date replaces the last); likelihood 能/可能/不可能 read as 确定能/有可能/完全不可能, a cause outside the categories kept as 其他 with its words; returns the project ids in document order; all or nothing';

CREATE FUNCTION import_self_evaluation(doc text) RETURNS SETOF bigint
    LANGUAGE sql
BEGIN ATOMIC
    SELECT perfbudget.import_self_evaluation_json(perfbudget.parse_self_evaluation(doc));
END;
COMMENT ON FUNCTION import_self_evaluation(text) IS
  '导入绩效自评表 — loads a self-evaluation document as departments send it (text of the form, tab-separated cells: title …绩效自评表, (2024年度), 项目名称, 主管部门, the money block 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, the indicator table 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施, 总分 and 自评等级): parse_self_evaluation then import_self_evaluation_json; returns the project ids; all or nothing';

CREATE FUNCTION import_monitoring(doc text) RETURNS SETOF bigint
    LANGUAGE sql
BEGIN ATOMIC
    SELECT perfbudget.import_monitoring_json(perfbudget.parse_monitoring(doc));
END;
COMMENT ON FUNCTION import_monitoring(text) IS
  '导入绩效运行监控表 — loads a monitoring document as departments send it (text, tab-separated cells: title …绩效运行监控表, (2024年度), 项目名称, 主管部门, 监控截止日期, the money block 年初预算数 | 1-N月执行数 | 全年预计执行数 | 偏差原因, the indicator table 一级 | 二级 | 三级 | 年度指标值 | 1-N月完成值 | 全年预计完成值 | 是否偏差 | 偏差原因 | 原因说明 | 完成目标可能性 | 纠偏措施): parse_monitoring then import_monitoring_json; returns the project ids; all or nothing';
