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
