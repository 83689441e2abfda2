-- perf_score: the self-evaluation score of one indicator (DOMAIN.md §5, §8).
-- Every comparator on both sides of its boundary, every formula inside and
-- outside its range, the provincial rules and the errors.
SET search_path = perfbudget, public;

-- positive targets: full at and above, weight × actual / target below
SELECT t, a, perf_score(t::perf_target, a::perf_value, 10) AS score
FROM (VALUES ('≥95%', '96%'), ('≥95%', '95%'), ('≥95%', '94%'), ('≥95%', '0%'), ('≥95%', '-5%'),
             ('>95%', '95.01%'), ('>95%', '95%'), ('>95%', '94.99%'),
             ('=100个', '101个'), ('=100个', '100个'), ('=100个', '99个'),
             ('≥0个', '0个'), ('≥0个', '-1个')) v(t, a);

-- reverse targets: full at and below, weight × target / actual above
SELECT t, a, perf_score(t::perf_target, a::perf_value, 10) AS score,
       perf_score(t::perf_target, a::perf_value, 10, 'reverse_linear') AS linear
FROM (VALUES ('≤5工作日', '4工作日'), ('≤5工作日', '5工作日'), ('≤5工作日', '6工作日'),
             ('≤5工作日', '9.99工作日'), ('≤5工作日', '10工作日'), ('≤5工作日', '11工作日'),
             ('<5工作日', '4.9工作日'), ('<5工作日', '5工作日'), ('<5工作日', '5.1工作日'),
             ('≤0起', '0起'), ('≤0起', '1起')) v(t, a);

-- units and prefixes, bare numbers, dates
SELECT t, a, perf_score(t::perf_target, a::perf_value, 10) AS score
FROM (VALUES ('≥10000人', '1.2万人'), ('≥10000人', '1万人'), ('≥10000人', '0.9万人'),
             ('≥1.2万人', '9000人'), ('≥10000人', '1万元'), ('≥95%', '95个'), ('≥50个', '40'),
             ('≤2024年12月31日', '2024年12月31日'), ('≤2024年12月31日', '2025年1月1日'),
             ('≤2024年12月31日', '2024年11月'), ('≥2024年7月1日', '2024年6月30日'),
             ('90%-100%', '89%'), ('90%-100%', '90%'), ('90%-100%', '100%'), ('90%-100%', '101%'),
             ('±3%', '3%'), ('±3%', '4%')) v(t, a);
SELECT perf_score(perf_target('定性', '2024年6月底前'), '2024年6月30日', 10) AS deadline_met,
       perf_score(perf_target('定性', '2024年6月底前'), '2024年7月1日', 10) AS deadline_missed,
       perf_score(perf_target('定性', '100%'), '80%', 10) AS qual_percent;

-- phrases: the three grades, 是/否, grade words; default and band
SELECT t, a, perf_score(perf_target('定性', t), a::perf_value, 10) AS score,
       perf_score_range(perf_target('定性', t), a::perf_value, 10) AS band,
       perf_score(perf_target('定性', t), a::perf_value, 10, 'qualitative_50') AS score_50,
       perf_score_range(perf_target('定性', t), a::perf_value, 10, 'qualitative_50') AS band_50
FROM (VALUES ('显著提升', '达成年度指标'), ('显著提升', '部分达成年度指标并具有一定效果'),
             ('显著提升', '未达成年度指标且效果较差'), ('显著提升', '部分达成'), ('显著提升', '较好'),
             ('充分', '充分'), ('是', '是'), ('是', '否'),
             ('良', '优'), ('良', '良'), ('良', '中'), ('良', '差'), ('良', '合格')) v(t, a);
SELECT perf_score('≥95%', '完成', 10) AS word_met, perf_score_range('≥95%', '未完成', 10) AS word_missed,
       perf_score_range('≥95%', '94%', 10) AS exact_band;

-- zero_equals: '= 0' met only by 0
SELECT a, perf_score('=0起', a::perf_value, 5) AS national,
       perf_score('=0起', a::perf_value, 5, 'zero_equals') AS zero_equals
FROM (VALUES ('0起'), ('1起')) v(a);

-- the weight scales every formula; NULL in, NULL out
SELECT perf_score('≥95%', '94%', 16.6666666666666667) AS odd_weight,
       perf_score('≥95%', '94%', 0) AS zero_weight,
       perf_score('≥95%', '94%', NULL) AS null_weight,
       perf_score('≥95%', NULL, 10) AS null_actual,
       perf_score('≥95%', '94%', 10, NULL) AS null_rule,
       perf_score('≥95%', '94%', 10, 'national') AS national;

-- errors
SELECT perf_score('≥95%', '94%', -1);
SELECT perf_score('≥95%', '94%', 'NaN');
SELECT perf_score('≥95%', '94%', 10, 'reverse_linear, bogus');
