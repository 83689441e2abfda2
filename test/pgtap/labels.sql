--
-- test/pgtap/labels.sql — canonical_level1 / canonical_level2 (C) give the
-- names the key-word rules of DOMAIN.md §3 give: compared with the rules
-- written as regular expressions (the 0.1 definition, kept here as the
-- oracle) over every label of the seed forms and the variants real forms use.
--
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS pg_perfbudget;
SET search_path = perfbudget, public;
BEGIN;
SELECT plan(8);

CREATE FUNCTION pg_temp.oracle1(label text) RETURNS text LANGUAGE sql IMMUTABLE STRICT RETURN CASE
    WHEN regexp_replace(label, '\s', '', 'g') ~ '产出|项目完成' THEN '产出指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '满意' THEN '满意度指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '效益|效果' THEN '效益指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '成本' THEN '成本指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '决策' THEN '决策指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '过程' THEN '过程指标'
END;
CREATE FUNCTION pg_temp.oracle2(label text) RETURNS text LANGUAGE sql IMMUTABLE STRICT RETURN CASE
    WHEN regexp_replace(label, '\s', '', 'g') ~ '数量' THEN '数量指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '质量' THEN '质量指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '时效|进度|及时' THEN '时效指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '经济成本' THEN '经济成本指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '社会成本' THEN '社会成本指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '生态环境成本' THEN '生态环境成本指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '成本' THEN '成本指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '经济效益' THEN '经济效益指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '社会效益' THEN '社会效益指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '生态' THEN '生态效益指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '可持续' THEN '可持续影响指标'
    WHEN regexp_replace(label, '\s', '', 'g') ~ '满意' THEN '服务对象满意度指标'
END;

CREATE TEMP TABLE labels (label text);
INSERT INTO labels VALUES
    ('产出指标'), ('项目完成指标'), ('效益指标'), ('效果指标'), ('满意度指标'), ('满意度指 标'),
    ('成本指标'), ('决策指标'), ('过程指标'), ('产 出 指 标'), (E'效\t益指标'), ('其他'), (''),
    ('数量指标'), ('数量指标(必填硬性指标)'), ('质量指标'), ('时效指标'), ('进度指标'), ('及时性'),
    ('经济成本指标'), ('社会成本指标'), ('生态环境成本指标'), ('成本'), ('经济效益指标'),
    ('社会效益指标'), ('生态效益指标'), ('可持续影响指标'), ('服务对象满意度指标'),
    ('社会公众或服务对象满意度指标'), ('项目立项'), ('资金管理'), ('组织实施'), ('指标1:数量'),
    ('Output'), ('产出指标 (40-50)分'), ('成本指标(0-20)分'), ('满意度指标(10分)'),
    ('效益 指标'), ('产出效益'), ('生态环境成本'), ('社会效益和满意度');
-- every level-1 and level-2 label a form may bring, as the seed writes them too
INSERT INTO labels SELECT DISTINCT v FROM (VALUES ('决策指标'), ('过程指标'), ('产出指标'),
    ('效益指标'), ('满意度指标'), ('项目立项'), ('绩效目标'), ('资金投入'), ('资金管理'),
    ('组织实施'), ('社会效益指标')) t(v);

SELECT is((SELECT count(*) FROM labels WHERE canonical_level1(label) IS DISTINCT FROM pg_temp.oracle1(label)),
          0::bigint, 'canonical_level1 agrees with the key-word rules on every label');
SELECT is((SELECT count(*) FROM labels WHERE canonical_level2(label) IS DISTINCT FROM pg_temp.oracle2(label)),
          0::bigint, 'canonical_level2 agrees with the key-word rules on every label');
SELECT is(canonical_level1('满意度指 标'), '满意度指标', 'a label broken by a space reads whole');
SELECT is(canonical_level1('项目完成指标'), '产出指标', '项目完成 is 产出');
SELECT is(canonical_level2('生态环境成本指标'), '生态环境成本指标', '生态环境成本 before 成本 and 生态');
SELECT is(canonical_level2('社会公众或服务对象满意度指标'), '服务对象满意度指标', 'satisfaction at level 2');
SELECT is(canonical_level1('其他'), NULL, 'an unknown label has no canonical name');
SELECT is(canonical_level1(E'产\u3000出指标'), '产出指标', 'an ideographic space is white space too');

SELECT * FROM finish();
ROLLBACK;
