-- The rest of the budget year (issue 10): mid-year monitoring (绩效运行监控)
-- and year-end self-evaluation (绩效自评).  Scoring of one indicator is C
-- (src/perf_score.c); the tables hold what departments report; the views in
-- 75_evaluation_views.sql score projects and find what is at risk.

-------------------------------------------------------------------- scoring

CREATE FUNCTION perf_score(target perf_target, actual perf_value, weight numeric)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'perf_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_score(perf_target, perf_value, numeric) IS
  '指标得分 — self-evaluation score of one indicator under the national rules (财预〔2020〕10号): met → weight; a missed ≥ > = target weight × actual / target; a missed ≤ < target weight × target / actual; phrases 达成 / 部分达成 / 未达成 (and 是/否, 优良中差 against a target grade) 100% / 70% / 30% of the weight; NULL when it cannot be decided (other units, a missed date, a strict target reached exactly, a phrase that is no grade)';

CREATE FUNCTION perf_score(target perf_target, actual perf_value, weight numeric, rule text)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'perf_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_score(perf_target, perf_value, numeric, text) IS
  '指标得分（地方口径）— perf_score under provincial variants, a comma-separated list: reverse_linear (a missed ≤ < target scores weight × (2 − actual / target), 0 from twice the target), qualitative_50 (the 部分达成 / 未达成 breakpoint at 50% instead of 60%: 65% and 25%), zero_equals (a = 0 target is met only by an actual ≤ 0, else 0); '''' or national is the national rule';

CREATE FUNCTION perf_score_range(target perf_target, actual perf_value, weight numeric)
    RETURNS numrange
    AS 'MODULE_PATHNAME', 'perf_score_range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_score_range(perf_target, perf_value, numeric) IS
  '得分区间 — the scores that agree with the rules: one point for a formula, the grade''s band for a phrase (达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight); NULL when undecided';

CREATE FUNCTION perf_score_range(target perf_target, actual perf_value, weight numeric, rule text)
    RETURNS numrange
    AS 'MODULE_PATHNAME', 'perf_score_range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_score_range(perf_target, perf_value, numeric, text) IS
  '得分区间（地方口径）— perf_score_range under the rules of perf_score(target, actual, weight, rule)';

CREATE FUNCTION perf_ratio(target perf_target, actual perf_value) RETURNS numeric
    AS 'MODULE_PATHNAME', 'perf_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION perf_ratio(perf_target, perf_value) IS
  '完成比例 — actual / target in one unit (1.3 for 1.3万人 against ≥10000人); NULL for dates, ranges, phrases, different units or a target of 0';

-------------------------------------------------------------------- settings

-- A bureau's choices where provinces differ (DOMAIN.md §8).  Empty: the
-- national rules (evaluation_rule shows what is in force).  One row at most.
CREATE TABLE evaluation_setting (
    id                     boolean PRIMARY KEY DEFAULT true CHECK (id),
    execution_weight       numeric CHECK (execution_weight >= 0 AND execution_weight <= 100),
    output_weight          numeric CHECK (output_weight >= 0 AND output_weight <= 100),
    benefit_weight         numeric CHECK (benefit_weight >= 0 AND benefit_weight <= 100),
    satisfaction_weight    numeric CHECK (satisfaction_weight >= 0 AND satisfaction_weight <= 100),
    score_rule             text CHECK (score_rule IS NULL OR perfbudget.perf_score('≥1'::perfbudget.perf_target,
                                           '1'::perfbudget.perf_value, 0, score_rule) IS NOT NULL),
    behind_plan_share      numeric CHECK (behind_plan_share >= 0 AND behind_plan_share < 1),
    over_target_ratio      numeric CHECK (over_target_ratio > 1),
    execution_reason_below numeric CHECK (execution_reason_below > 0 AND execution_reason_below <= 1),
    score_tolerance        numeric CHECK (score_tolerance >= 0)
);
COMMENT ON TABLE evaluation_setting IS '绩效评价设置 — a bureau''s provincial variants of the monitoring and self-evaluation rules (at most one row); a NULL column, or no row, keeps the national default shown by perfbudget.evaluation_rule';
COMMENT ON COLUMN evaluation_setting.id IS '主键 — always true: the table holds one row at most';
COMMENT ON COLUMN evaluation_setting.execution_weight IS '预算执行率分值 — points of budget execution when a self-evaluation gives none (10号: 10; Hubei 2020: 20)';
COMMENT ON COLUMN evaluation_setting.output_weight IS '产出指标分值 — points of the 产出 indicators when the form gives none (10号: 50; Ningxia: 40)';
COMMENT ON COLUMN evaluation_setting.benefit_weight IS '效益指标分值 — points of the 效益 indicators when the form gives none (10号: 30; Ningxia: 40)';
COMMENT ON COLUMN evaluation_setting.satisfaction_weight IS '满意度指标分值 — points of the 满意度 indicators when the form gives none (10号: 10; Ningxia: 20)';
COMMENT ON COLUMN evaluation_setting.score_rule IS '评分口径 — rule list passed to perf_score: reverse_linear, qualitative_50, zero_equals ('''' = national)';
COMMENT ON COLUMN evaluation_setting.behind_plan_share IS '进度偏差容忍度 — monitoring: a project is behind when its 执行数 falls short of the half-year plan or of 序时进度 by more than this share (default 0.1)';
COMMENT ON COLUMN evaluation_setting.over_target_ratio IS '超额说明阈值 — self-evaluation: an actual at or above this multiple of a positive target needs a deviation note (default 1.3, 指标值设定明显偏低; Guangxi)';
COMMENT ON COLUMN evaluation_setting.execution_reason_below IS '执行率说明阈值 — an execution rate below this needs a written reason (Sichuan: 0.9); NULL: not required (national)';
COMMENT ON COLUMN evaluation_setting.score_tolerance IS '得分容差 — points an entered score may differ from the rules'' score (rounding on the form; default 0.1)';
SELECT pg_catalog.pg_extension_config_dump('evaluation_setting', '');

-------------------------------------------------------------------- mid-year monitoring

CREATE TABLE monitoring (
    project_id        bigint NOT NULL,
    as_of             date NOT NULL,
    executed          numeric NOT NULL CHECK (executed >= 0),
    budget_initial    numeric CHECK (budget_initial >= 0),
    expected_executed numeric CHECK (expected_executed >= 0),
    note              text,
    department_id     integer NOT NULL,
    PRIMARY KEY (project_id, as_of, department_id),
    FOREIGN KEY (project_id, department_id) REFERENCES project (id, department_id)
        ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON TABLE monitoring IS '绩效运行监控 — a project''s mid-year monitoring report, one row per report date: money spent to date against the half-year plan and 序时进度';
COMMENT ON COLUMN monitoring.project_id IS '项目编号 — the target form (perfbudget.project.id)';
COMMENT ON COLUMN monitoring.as_of IS '监控截止日期 — the date the figures run to (1–N月: the last day of month N)';
COMMENT ON COLUMN monitoring.executed IS '执行数（万元）— amount spent from 1 January to as_of';
COMMENT ON COLUMN monitoring.budget_initial IS '年初预算数（万元）— the budget as the monitoring form states it';
COMMENT ON COLUMN monitoring.expected_executed IS '全年预计执行数（万元）— amount expected to be spent in the year';
COMMENT ON COLUMN monitoring.note IS '资金执行偏差说明 — the department''s explanation of the spending';
SELECT pg_catalog.pg_extension_config_dump('monitoring', '');

CREATE TABLE indicator_monitoring (
    project_id bigint NOT NULL,
    as_of      date NOT NULL,
    line_no    integer NOT NULL,
    completed  perf_value,
    expected   perf_value,
    deviates   boolean,
    cause      text CHECK (cause IN ('规划和目标设计', '经费保障', '制度保障', '人员保障',
                                     '硬件条件保障', '项目管理', '其他')),
    cause_note text,
    likelihood text CHECK (likelihood IN ('确定能', '有可能', '完全不可能')),
    measure    text,
    department_id integer NOT NULL,
    PRIMARY KEY (project_id, as_of, line_no, department_id),
    FOREIGN KEY (project_id, as_of, department_id) REFERENCES monitoring (project_id, as_of, department_id)
        ON DELETE CASCADE ON UPDATE CASCADE,
    FOREIGN KEY (project_id, line_no, department_id) REFERENCES indicator (project_id, line_no, department_id)
        ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX indicator_monitoring_indicator_idx ON indicator_monitoring (project_id, line_no);
COMMENT ON TABLE indicator_monitoring IS '指标运行监控 — one indicator''s progress in a monitoring report: completed to date, expected for the year, deviation cause, likelihood of completion and corrective measure';
COMMENT ON COLUMN indicator_monitoring.project_id IS '项目编号 — the target form';
COMMENT ON COLUMN indicator_monitoring.as_of IS '监控截止日期 — the report (perfbudget.monitoring.as_of)';
COMMENT ON COLUMN indicator_monitoring.line_no IS '行号 — the indicator row (perfbudget.indicator.line_no)';
COMMENT ON COLUMN indicator_monitoring.completed IS '1–N月完成值 — value reached by as_of (半年度指标执行情况)';
COMMENT ON COLUMN indicator_monitoring.expected IS '全年预计完成值 — value expected by the end of the year';
COMMENT ON COLUMN indicator_monitoring.deviates IS '是否偏差 — the department says the indicator deviates from its target';
COMMENT ON COLUMN indicator_monitoring.cause IS '偏差原因类别 — 规划和目标设计 / 经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 项目管理 / 其他';
COMMENT ON COLUMN indicator_monitoring.cause_note IS '偏差原因说明 — the cause in the department''s words';
COMMENT ON COLUMN indicator_monitoring.likelihood IS '完成目标可能性 — 确定能 (green) / 有可能 (yellow) / 完全不可能 (red)';
COMMENT ON COLUMN indicator_monitoring.measure IS '纠偏措施 — corrective measure';
COMMENT ON INDEX indicator_monitoring_indicator_idx IS 'an indicator''s reports; the foreign key to indicator deletes through it';
SELECT pg_catalog.pg_extension_config_dump('indicator_monitoring', '');

-------------------------------------------------------------------- year-end self-evaluation

-- What a self-evaluation form says of the whole project, beside the
-- columns it fills in project (spend_executed) and indicator (actual,
-- weight, score, deviation_note).  The scores the department wrote are kept
-- as written; project_score computes its own.
CREATE TABLE self_evaluation (
    project_id         bigint NOT NULL,
    budget_initial     numeric CHECK (budget_initial >= 0),
    budget_adjusted    numeric CHECK (budget_adjusted >= 0),
    execution_weight   numeric CHECK (execution_weight >= 0 AND execution_weight <= 100),
    execution_score    numeric,
    total_score        numeric,
    grade              text CHECK (grade IN ('优', '良', '中', '差')),
    execution_note     text,
    summary            text,
    department_id      integer NOT NULL,
    PRIMARY KEY (project_id, department_id),
    FOREIGN KEY (project_id, department_id) REFERENCES project (id, department_id)
        ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TRIGGER department_id_insert BEFORE INSERT ON monitoring
    FOR EACH ROW WHEN (NEW.department_id IS NULL)
    EXECUTE FUNCTION department_id_fill('form');
CREATE TRIGGER department_id_insert BEFORE INSERT ON indicator_monitoring
    FOR EACH ROW WHEN (NEW.department_id IS NULL)
    EXECUTE FUNCTION department_id_fill('form');
CREATE TRIGGER department_id_insert BEFORE INSERT ON self_evaluation
    FOR EACH ROW WHEN (NEW.department_id IS NULL)
    EXECUTE FUNCTION department_id_fill('form');
COMMENT ON TRIGGER department_id_insert ON monitoring IS 'a report written without department_id gets its form''s';
COMMENT ON TRIGGER department_id_insert ON indicator_monitoring IS 'a row written without department_id gets its form''s';
COMMENT ON TRIGGER department_id_insert ON self_evaluation IS 'a self-evaluation written without department_id gets its form''s';
COMMENT ON COLUMN monitoring.department_id IS '部门编号 — the form''s department (project.department_id), the distribution key on Citus';
COMMENT ON COLUMN indicator_monitoring.department_id IS '部门编号 — the form''s department (project.department_id), the distribution key on Citus';
COMMENT ON COLUMN self_evaluation.department_id IS '部门编号 — the form''s department (project.department_id), the distribution key on Citus';
COMMENT ON TABLE self_evaluation IS '绩效自评 — a project''s year-end self-evaluation form: the money block and the department''s own scores (全年执行数 is project.spend_executed; indicator actuals, weights and scores are in indicator)';
COMMENT ON COLUMN self_evaluation.project_id IS '项目编号 — the target form';
COMMENT ON COLUMN self_evaluation.budget_initial IS '年初预算数（万元）— budget at the start of the year';
COMMENT ON COLUMN self_evaluation.budget_adjusted IS '全年预算数（万元）— budget after adjustments; execution rate = 全年执行数 / this (NULL: project.spend_annual)';
COMMENT ON COLUMN self_evaluation.execution_weight IS '预算执行率分值 — points of budget execution on this form (NULL: evaluation_rule.execution_weight)';
COMMENT ON COLUMN self_evaluation.execution_score IS '预算执行率得分（自评）— the execution score the department wrote';
COMMENT ON COLUMN self_evaluation.total_score IS '总分（自评）— the total the department wrote';
COMMENT ON COLUMN self_evaluation.grade IS '自评等级 — the grade the department wrote: 优 / 良 / 中 / 差';
COMMENT ON COLUMN self_evaluation.execution_note IS '执行偏差说明 — why the budget was not fully executed';
COMMENT ON COLUMN self_evaluation.summary IS '总体目标完成情况 — the department''s summary of the year';
SELECT pg_catalog.pg_extension_config_dump('self_evaluation', '');

CREATE FUNCTION score_grade(total numeric) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN total OPERATOR(pg_catalog.>=) 90 THEN '优'
                WHEN total OPERATOR(pg_catalog.>=) 80 THEN '良'
                WHEN total OPERATOR(pg_catalog.>=) 60 THEN '中'
                ELSE '差' END;
COMMENT ON FUNCTION score_grade(numeric) IS '评价等级 — 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (财预〔2020〕10号)';

CREATE FUNCTION score_group(level1 text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE perfbudget.canonical_level1(level1)
                WHEN '产出指标' THEN '产出' WHEN '成本指标' THEN '产出'
                WHEN '效益指标' THEN '效益' WHEN '满意度指标' THEN '满意度' END;
COMMENT ON FUNCTION score_group(text) IS '计分组 — the default-weight group of a level-1 label: 产出 (with 成本指标, which 财预〔2021〕101号 raised to level 1 out of 产出), 效益, 满意度; NULL for 决策/过程 and unknown labels, which carry no weight';
