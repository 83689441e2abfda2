/*
 * test_score.c — standalone unit test of the pure C scoring core
 * (perf_score.h), linked without PostgreSQL by 'make unittest'.
 *
 * Every comparator is tried on both sides of its boundary, and every
 * formula of DOMAIN.md §5/§8 once inside and once outside its range.  The
 * expected scores are the rules' own arithmetic, worked out by hand.
 * TAP output like test_parse.c; exit status 1 when any case fails.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perf_score.h"

static int	n_tests;
static int	n_failed;
static int	case_failed;

#define CHECK(cond) \
	do { if (!(cond)) { case_failed = 1; \
		printf("#   line %d: failed: %s\n", __LINE__, #cond); } } while (0)

/* the cells' buffers of the current case, freed at its end */
#define MAX_ALLOCS 64
static char *allocs[MAX_ALLOCS];
static int	n_allocs;

static char *
case_alloc(size_t size)
{
	char	   *p = malloc(size);

	if (p == NULL || n_allocs == MAX_ALLOCS)
	{
		fprintf(stderr, "test_score: out of memory\n");
		exit(2);
	}
	allocs[n_allocs++] = p;
	return p;
}

static void
end_case(const char *desc)
{
	while (n_allocs > 0)
		free(allocs[--n_allocs]);
	n_tests++;
	if (case_failed)
		n_failed++;
	printf("%s %d - %s\n", case_failed ? "not ok" : "ok", n_tests, desc);
	case_failed = 0;
}

/* A parsed cell with its own buffer (freed at the end of the case). */
static PbView
cell(const char *sym, const char *value, int line)
{
	size_t		len = strlen(value);
	char	   *out = case_alloc(len + 1);
	PbView		v;
	PbError		err;
	PbSymbol	s = PB_SYM_NONE;
	bool		band = false;

	memset(&v, 0, sizeof(v));
	if (!pb_parse_cell(value, len, out, &v.cell, &err) ||
		(sym && (!pb_parse_symbol(sym, strlen(sym), &s, &band, &err) ||
				 !pb_apply_symbol(&v.cell, s, band, &err))))
	{
		case_failed = 1;
		printf("#   line %d: '%s' '%s' rejected: %s\n", line, sym ? sym : "", value, err.reason);
	}
	v.base = out;
	return v;
}

static double
dec(PbDec d)
{
	return (double) d.digits * pow(10.0, d.exp);
}

/* The score of weight 10 in points, NAN when undecided; the band in lo and hi. */
static double
score10(const char *sym, const char *target, const char *actual, const char *rules,
		double *lo, double *hi, int line)
{
	PbView		t = cell(sym, target, line);
	PbView		a = cell(NULL, actual, line);
	PbScoreRule rule;
	PbScore		s;
	size_t		bo,
				bl;

	if (!pb_score_rule_parse(rules, strlen(rules), &rule, &bo, &bl))
	{
		case_failed = 1;
		printf("#   line %d: rule '%s' rejected\n", line, rules);
	}
	pb_score(&t, &a, &rule, &s);
	*lo = *hi = NAN;
	switch (s.form)
	{
		case PB_SCORE_SHARE:
			*lo = s.lo_pct / 10.0;
			*hi = s.hi_pct / 10.0;
			return s.pct / 10.0;
		case PB_SCORE_RATIO:
			*lo = *hi = 10 * dec(s.num) / dec(s.den);
			return *lo;
		case PB_SCORE_DECAY:
			*lo = *hi = 10 * (2 - dec(s.num) / dec(s.den));
			return *lo;
		default:
			CHECK(s.why != NULL);
			return NAN;
	}
}

static void
expect(const char *sym, const char *target, const char *actual, const char *rules,
	   double want, double want_lo, double want_hi, int line)
{
	double		lo,
				hi;
	double		got = score10(sym, target, actual, rules, &lo, &hi, line);
	bool		ok;

	if (isnan(want))
		ok = isnan(got);
	else
		ok = !isnan(got) && fabs(got - want) < 1e-9 &&
			fabs(lo - want_lo) < 1e-9 && fabs(hi - want_hi) < 1e-9;
	if (!ok)
	{
		case_failed = 1;
		printf("#   line %d: %s%s vs %s [%s]: got %.10g [%g, %g], expected %.10g [%g, %g]\n",
			   line, sym, target, actual, rules, got, lo, hi, want, want_lo, want_hi);
	}
}

/* An exact score (no band). */
#define SCORE(sym, t, a, want) expect(sym, t, a, "", (want), (want), (want), __LINE__)
#define SCORE_R(sym, t, a, rules, want) expect(sym, t, a, rules, (want), (want), (want), __LINE__)
#define BAND(sym, t, a, rules, want, lo, hi) expect(sym, t, a, rules, (want), (lo), (hi), __LINE__)
#define NONE(sym, t, a) expect(sym, t, a, "", NAN, NAN, NAN, __LINE__)
#define NONE_R(sym, t, a, rules) expect(sym, t, a, rules, NAN, NAN, NAN, __LINE__)

static void
test_positive(void)
{
	SCORE("≥", "95%", "96%", 10);
	SCORE("≥", "95%", "95%", 10);
	SCORE("≥", "95%", "94%", 10 * 94.0 / 95);
	SCORE("≥", "95%", "0%", 0);
	SCORE("≥", "95%", "-5%", 0);
	end_case("≥: met at and above the target, weight × actual / target below");

	SCORE(">", "95%", "95.01%", 10);
	NONE(">", "95%", "95%");
	SCORE(">", "95%", "94.99%", 10 * 94.99 / 95);
	end_case(">: strict, met only above; exactly at the target undecided");

	SCORE("=", "100个", "100个", 10);
	SCORE("=", "100个", "101个", 10);
	SCORE("=", "100个", "99个", 9.9);
	end_case("=: scored like ≥");

	SCORE("≥", "0个", "0个", 10);
	NONE("≥", "0个", "-1个");
	NONE("≥", "-5%", "-6%");
	SCORE("≥", "-5%", "-4%", 10);
	end_case("a missed target of 0 or below has no ratio");
}

static void
test_reverse(void)
{
	SCORE("≤", "5工作日", "4工作日", 10);
	SCORE("≤", "5工作日", "5工作日", 10);
	SCORE("≤", "5工作日", "6工作日", 10 * 5.0 / 6);
	end_case("≤: met at and below the target, weight × target / actual above");

	SCORE("<", "5工作日", "4.9工作日", 10);
	NONE("<", "5工作日", "5工作日");
	SCORE("<", "5工作日", "5.1工作日", 10 * 5.0 / 5.1);
	end_case("<: strict, met only below; exactly at the target undecided");

	SCORE_R("≤", "5工作日", "5工作日", "reverse_linear", 10);
	SCORE_R("≤", "5工作日", "6工作日", "reverse_linear", 8);
	SCORE_R("≤", "5工作日", "9.99工作日", "reverse_linear", 10 * (2 - 9.99 / 5));
	SCORE_R("≤", "5工作日", "10工作日", "reverse_linear", 0);
	SCORE_R("≤", "5工作日", "11工作日", "reverse_linear", 0);
	SCORE_R("<", "5工作日", "7.5工作日", "reverse_linear", 5);
	end_case("reverse_linear: 2 − actual / target, 0 from twice the target");

	SCORE("≤", "0起", "0起", 10);
	SCORE("≤", "0起", "1起", 0);
	NONE("≤", "-1%", "0%");
	end_case("a reverse target of 0 missed scores 0; below 0 undecided");
}

static void
test_units_dates(void)
{
	SCORE("≥", "10000人", "1.2万人", 10);
	SCORE("≥", "10000人", "1万人", 10);
	SCORE("≥", "10000人", "0.9万人", 9);
	SCORE("≥", "1.2万人", "9000人", 7.5);
	NONE("≥", "10000人", "1万元");
	NONE("≥", "95%", "95个");
	SCORE("≥", "95%", "96", 10);
	SCORE("≥", "50个", "40", 8);
	end_case("units: prefixes scale, different units undecided, bare numbers in the target's unit");

	SCORE("≤", "2024年12月31日", "2024年12月31日", 10);
	SCORE("≤", "2024年12月31日", "2024年11月", 10);
	NONE("≤", "2024年12月31日", "2025年1月1日");
	SCORE("定性", "2024年6月底前", "2024年6月30日", 10);
	NONE("定性", "2024年6月底前", "2024年7月1日");
	NONE("≤", "12月底", "2024年12月1日");
	SCORE("≥", "2024年7月1日", "2024年7月1日", 10);
	NONE("≥", "2024年7月1日", "2024年6月30日");
	end_case("dates: deadlines met on or before them; a missed date undecided");

	SCORE("定性", "100%", "100%", 10);
	SCORE("定性", "100%", "80%", 8);
	end_case("a measurable value under 定性 scores in its own sense");
}

static void
test_ranges(void)
{
	SCORE("", "90%-100%", "90%", 10);
	SCORE("", "90%-100%", "100%", 10);
	SCORE("", "90%-100%", "89%", 10 * 89.0 / 90);
	SCORE("", "90%-100%", "101%", 10 * 100.0 / 101);
	NONE("", "90%-100%", "90%-95%");
	SCORE("", "±3%", "3%", 10);
	SCORE("", "±3%", "-3%", 10);
	SCORE("", "±3%", "4%", 7.5);
	NONE("", "±3%", "-4%");
	SCORE("", "2024年1月-2024年6月", "2024年6月", 10);
	NONE("", "2024年1月-2024年6月", "2024年7月");
	end_case("ranges: full inside both ends, ratio to the nearer end outside");
}

static void
test_phrases(void)
{
	BAND("定性", "充分", "充分", "", 10, 8, 10);
	NONE("定性", "充分", "较充分");
	NONE("定性", "充分", "95%");
	end_case("a phrase target: its own words meet it; other phrases undecided");

	BAND("定性", "显著提升", "达成年度指标", "", 10, 8, 10);
	BAND("定性", "显著提升", "达成", "", 10, 8, 10);
	BAND("定性", "显著提升", "部分达成年度指标并具有一定效果", "", 7, 6, 8);
	BAND("定性", "显著提升", "部分达成", "", 7, 6, 8);
	BAND("定性", "显著提升", "未达成年度指标且效果较差", "", 3, 0, 6);
	BAND("定性", "显著提升", "未达成", "", 3, 0, 6);
	BAND("定性", "显著提升", "部分达成", "qualitative_50", 6.5, 5, 8);
	BAND("定性", "显著提升", "未达成", "qualitative_50", 2.5, 0, 5);
	BAND("≥", "95%", "完成", "", 10, 8, 10);
	BAND("≥", "95%", "未完成", "", 3, 0, 6);
	end_case("the three grades of the 10号 form and the 50 breakpoint");

	BAND("定性", "是", "是", "", 10, 8, 10);
	BAND("定性", "是", "否", "", 3, 0, 6);
	BAND("定性", "否", "否", "", 10, 8, 10);
	BAND("定性", "否", "是", "", 3, 0, 6);
	end_case("是/否");

	BAND("定性", "良", "优", "", 10, 8, 10);
	BAND("定性", "良", "良好", "", 10, 8, 10);
	BAND("定性", "良", "中", "", 7, 6, 8);
	BAND("定性", "良", "差", "", 3, 0, 6);
	BAND("定性", "优", "中", "", 3, 0, 6);
	NONE("定性", "良", "合格");
	BAND("定性", "合格", "良", "", 10, 8, 10);
	BAND("定性", "合格", "不合格", "", 7, 6, 8);
	end_case("grade words against a target grade: met, one rank short, more");
}

static void
test_rules(void)
{
	SCORE_R("=", "0起", "0起", "zero_equals", 10);
	SCORE_R("=", "0起", "1起", "zero_equals", 0);
	SCORE("=", "0起", "1起", 10);
	SCORE_R("≥", "0起", "1起", "zero_equals", 10);
	end_case("zero_equals: '= 0' met only by 0 or less");

	{
		PbScoreRule r;
		size_t		bo = 99,
					bl = 99;
		const char *bad = "reverse_linear, bogus";

		CHECK(pb_score_rule_parse("", 0, &r, &bo, &bl) && !r.reverse_linear && r.lower_band == 60);
		CHECK(pb_score_rule_parse("national", 8, &r, &bo, &bl));
		CHECK(pb_score_rule_parse("qualitative_50 + reverse_linear,zero_equals", 43, &r, &bo, &bl) &&
			  r.reverse_linear && r.zero_equals && r.lower_band == 50);
		CHECK(!pb_score_rule_parse(bad, strlen(bad), &r, &bo, &bl) && bo == 16 && bl == 5);
	}
	end_case("rule lists: national, variants, an unknown word located");
}

static void
test_ratio(void)
{
	PbDec		num,
				den;
	PbView		t = cell("≥", "1万人", __LINE__);
	PbView		a = cell(NULL, "13000人", __LINE__);
	PbView		p = cell("≥", "95%", __LINE__);
	PbView		d = cell("≤", "2024年12月31日", __LINE__);
	PbView		z = cell("=", "0起", __LINE__);

	CHECK(pb_ratio(&t, &a, &num, &den) && fabs(dec(num) / dec(den) - 1.3) < 1e-12);
	CHECK(!pb_ratio(&p, &a, &num, &den));
	CHECK(!pb_ratio(&d, &d, &num, &den));
	CHECK(!pb_ratio(&z, &z, &num, &den));
	end_case("ratio of actual to target in one unit; none for dates, other units, a zero target");
}

int
main(void)
{
	test_positive();
	test_reverse();
	test_units_dates();
	test_ranges();
	test_phrases();
	test_rules();
	test_ratio();
	printf("1..%d\n", n_tests);
	printf("# %d of %d scoring unit tests failed\n", n_failed, n_tests);
	return n_failed ? 1 : 0;
}
