/*
 * perf_eval.c — does an actual value meet a target?
 *
 * Rules (DOMAIN.md §5): '≥', '>' and '=' are positive targets ('=' is scored
 * like '≥': reaching or passing the value meets it); '≤' and '<' are reverse
 * targets; a range or ± band is met inside its ends; a date target is a
 * deadline unless written with '≥'/'>'; a date without a year cannot judge
 * an actual that names one.  A measurable value under 定性 is met in its
 * own sense (pb_cell_effective_sense: a deadline on or before it, a number
 * or percentage when reached).  Grade words (优 良 中 差, 合格 不合格) are
 * met by the same grade or a better one.  A bare number given as the actual
 * is read in the target's unit.  The answer is unknown (NULL in SQL) when the
 * units differ or a qualitative target meets a phrase that is neither the
 * target itself nor a recognised grade.
 */
#include "perf_core.h"

#include <string.h>

static bool
text_is(const PbView *v, const char *word)
{
	size_t		l = strlen(word);

	return v->cell.text.len == l && memcmp(v->base + v->cell.text.off, word, l) == 0;
}

static bool
text_in(const PbView *v, const char *const *words)
{
	for (int i = 0; words[i]; i++)
		if (text_is(v, words[i]))
			return true;
	return false;
}

/* Grade phrases of the 10号 self-evaluation form and their usual variants. */
PbAttain
pb_attainment(const PbView *actual)
{
	static const char *const full[] = {
		"达成", "已达成", "达成年度指标", "完成", "已完成", "全部完成", "达到",
		"已达到", "达标", "已达标", "实现", "已实现", NULL
	};
	static const char *const partial[] = {
		"部分达成", "部分达成年度指标", "部分达成年度指标并具有一定效果",
		"基本达成", "部分完成", "基本完成", NULL
	};
	static const char *const none[] = {
		"未达成", "未达成年度指标", "未达成年度指标且效果较差", "未完成", "未达到",
		"未达标", "未实现", NULL
	};

	if (actual->cell.kind != PB_KIND_QUALITATIVE)
		return PB_ATTAIN_UNKNOWN;
	if (text_in(actual, full))
		return PB_ATTAIN_FULL;
	if (text_in(actual, partial))
		return PB_ATTAIN_PARTIAL;
	if (text_in(actual, none))
		return PB_ATTAIN_NONE;
	return PB_ATTAIN_UNKNOWN;
}

static PbTruth
grade_of(const PbView *actual)
{
	switch (pb_attainment(actual))
	{
		case PB_ATTAIN_FULL:
			return PB_TRUE;
		case PB_ATTAIN_PARTIAL:
		case PB_ATTAIN_NONE:
			return PB_FALSE;
		default:
			return PB_UNKNOWN;
	}
}

static PbTruth
truth(bool b)
{
	return b ? PB_TRUE : PB_FALSE;
}

/*
 * Grade words and the ranks they promise on the 优 > 良 > 中 > 差 scale (4 to
 * 1).  The pass/fail scale sits on the same ranks: 合格 is 中 or better (the
 * 60-point pass mark of the 10号 grades), 不合格 is 差.  A grade followed by
 * 以上 or 及以上 ('良好以上') promises that rank or better.
 */
static const struct
{
	const char *word;
	const char *name;
	uint8_t		lo;
	uint8_t		hi;
}			grade_words[] = {
	{"优", "优", 4, 4}, {"优秀", "优", 4, 4}, {"优等", "优", 4, 4},
	{"良", "良", 3, 3}, {"良好", "良", 3, 3},
	{"中", "中", 2, 2}, {"中等", "中", 2, 2},
	{"差", "差", 1, 1}, {"较差", "差", 1, 1},
	{"合格", "合格", 2, 4}, {"达标", "合格", 2, 4}, {"及格", "合格", 2, 4},
	{"不合格", "不合格", 1, 1}, {"不达标", "不合格", 1, 1}, {"不及格", "不合格", 1, 1},
	{NULL, NULL, 0, 0}
};

bool
pb_grade(const PbView *v, PbGrade *g)
{
	const char *p = v->base + v->cell.text.off;
	size_t		n = v->cell.text.len;
	bool		or_better = false;

	if (v->cell.kind != PB_KIND_QUALITATIVE)
		return false;
	if (n > 9 && memcmp(p + n - 9, "及以上", 9) == 0)
	{
		n -= 9;
		or_better = true;
	}
	else if (n > 6 && memcmp(p + n - 6, "以上", 6) == 0)
	{
		n -= 6;
		or_better = true;
	}
	for (int i = 0; grade_words[i].word; i++)
	{
		size_t		l = strlen(grade_words[i].word);

		if (l != n || memcmp(p, grade_words[i].word, l) != 0)
			continue;
		g->name = grade_words[i].name;
		g->lo = grade_words[i].lo;
		g->hi = or_better ? 4 : grade_words[i].hi;
		return true;
	}
	return false;
}

static PbTruth
met_qualitative(const PbView *t, const PbView *a)
{
	PbGrade		tg;
	PbGrade		ag;

	if (t->cell.kind == PB_KIND_QUALITATIVE &&
		pb_cmp_value(t, a) == 0)
		return PB_TRUE;
	if (t->cell.kind == PB_KIND_QUALITATIVE &&
		(text_is(t, "是") || text_is(t, "否")) &&
		(text_is(a, "是") || text_is(a, "否")))
		return PB_FALSE;		/* equal ones returned above */
	if (pb_grade(t, &tg) && pb_grade(a, &ag))
	{
		/* the actual is the target's grade or better; unknown when it may be either */
		if (ag.lo >= tg.lo)
			return PB_TRUE;
		if (ag.hi < tg.lo)
			return PB_FALSE;
		return PB_UNKNOWN;		/* 合格 against 良: 中 or 良 or 优 */
	}
	return grade_of(a);
}

/*
 * The target's and the actual's scalars made comparable: a bare number on
 * either side is read in the other side's unit.  False when the units differ.
 */
bool
pb_comparable(const PbView *t, const PbScalar *ts, const PbView *a,
			  PbScalar *tout, PbScalar *aout)
{
	const PbScalar *as = &a->cell.lo;
	const char *tu;
	const char *au;
	size_t		tl;
	size_t		al;

	*tout = *ts;
	*aout = *as;
	if (ts->kind == PB_KIND_DATE || as->kind == PB_KIND_DATE)
		return ts->kind == as->kind;
	if (as->kind == PB_KIND_QUANTITY && a->cell.unit.len == 0)
	{
		aout->kind = ts->kind;
		aout->pow10 = ts->pow10;
		return true;
	}
	if (ts->kind == PB_KIND_QUANTITY && t->cell.unit.len == 0)
	{
		tout->kind = as->kind;
		tout->pow10 = as->pow10;
		return true;
	}
	if (ts->kind != as->kind)
		return false;
	if (ts->kind == PB_KIND_PERCENT)
		return true;
	pb_base_unit(t, &tu, &tl);
	pb_base_unit(a, &au, &al);
	return tl == al && memcmp(tu, au, tl) == 0;
}

/* Dates compare at the precision both sides have. */
int
pb_cmp_dates_loose(const PbScalar *t, const PbScalar *a)
{
	PbScalar	x = *t;
	PbScalar	y = *a;

	if (x.year == 0 || y.year == 0)
		x.year = y.year = 0;
	if (x.month == 0 || y.month == 0)
		x.month = y.month = 0;
	if (x.day == 0 || y.day == 0)
		x.day = y.day = 0;
	if (x.year == 0 && x.month == 0)
		return 0;
	return pb_cmp_scalar(&y, &x);
}

static PbTruth
met_range(const PbView *t, const PbView *a)
{
	PbScalar	lo;
	PbScalar	hi;
	PbScalar	a1;
	PbScalar	a2;

	if (a->cell.kind == PB_KIND_RANGE || a->cell.kind == PB_KIND_QUALITATIVE)
		return PB_UNKNOWN;
	if (!pb_comparable(t, &t->cell.lo, a, &lo, &a1) ||
		!pb_comparable(t, &t->cell.hi, a, &hi, &a2))
		return PB_UNKNOWN;
	if (lo.kind == PB_KIND_DATE && (lo.year == 0 || hi.year == 0) && a1.year != 0)
		return PB_UNKNOWN;
	if (lo.kind == PB_KIND_DATE)
		return truth(pb_cmp_dates_loose(&lo, &a1) >= 0 &&
					 pb_cmp_dates_loose(&hi, &a2) <= 0);
	return truth(pb_cmp_scalar(&a1, &lo) >= 0 && pb_cmp_scalar(&a2, &hi) <= 0);
}

PbTruth
pb_met(const PbView *t, const PbView *a)
{
	PbScalar	ts;
	PbScalar	as;
	int			c;
	uint8_t		sym = pb_cell_effective_sense(&t->cell);	/* under 定性: the value's own */

	if (a->cell.kind == PB_KIND_QUALITATIVE)
		return met_qualitative(t, a);
	if (t->cell.kind == PB_KIND_QUALITATIVE)
		return PB_UNKNOWN;
	if (t->cell.kind == PB_KIND_RANGE)
		return met_range(t, a);
	if (a->cell.kind == PB_KIND_RANGE)
		return PB_UNKNOWN;
	if (!pb_comparable(t, &t->cell.lo, a, &ts, &as))
		return PB_UNKNOWN;

	if (ts.kind == PB_KIND_DATE)
	{
		if (ts.year == 0 && as.year != 0)
			return PB_UNKNOWN;	/* '12月底' of which year? */
		c = pb_cmp_dates_loose(&ts, &as);
		if (sym == PB_SYM_GE)
			return truth(c >= 0);
		if (sym == PB_SYM_GT)
			return truth(c > 0);
		if (sym == PB_SYM_LT)
			return truth(c < 0);
		return truth(c <= 0);	/* a deadline */
	}

	c = pb_cmp_scalar(&as, &ts);
	switch (sym)
	{
		case PB_SYM_GT:
			return truth(c > 0);
		case PB_SYM_LE:
			return truth(c <= 0);
		case PB_SYM_LT:
			return truth(c < 0);
		default:				/* ≥, = and a 定性 cell holding a number */
			return truth(c >= 0);
	}
}
