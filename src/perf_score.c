/*
 * perf_score.c — which self-evaluation formula scores an actual against its
 * target, and with which numbers (财预〔2020〕10号 and local practice,
 * DOMAIN.md §5 and §8).
 *
 * Met targets score full marks.  A missed positive target ('≥', '>', '=',
 * scored like '≥') scores weight × actual / target; a missed reverse target
 * ('≤', '<') weight × target / actual, or under the reverse_linear rule
 * weight × (2 − actual / target), reaching 0 at twice the target.  A range
 * scores like '≥' below it and like '≤' above it.  Phrases score inside the
 * three bands of the 10号 form: 达成 80–100% of the weight, 部分达成 60–80%,
 * 未达成 0–60% (50 under qualitative_50), by default at 100%, 70%, 30% (the
 * band's top, then the midpoints of the lower bands, DESIGN.md §3).
 *
 * Comparison, units, prefixes and dates are perf_eval.c's (pb_comparable,
 * pb_cmp_scalar), so a score never disagrees with perf_met.  Where the
 * formula would contradict the verdict or has no meaning, the score is
 * undecided: a strict comparator reached exactly ('>95%' with 95%: the
 * ratio says full marks, the target says missed), a missed deadline (dates
 * have no ratio), a target of 0 or below missed, different units, a phrase
 * that is not a grade.
 */
#include "perf_score.h"

#include <string.h>

void
pb_score_rule_default(PbScoreRule *rule)
{
	rule->reverse_linear = false;
	rule->zero_equals = false;
	rule->lower_band = 60;
}

static bool
word_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && memcmp(s, word, len) == 0;
}

static bool
is_separator(char c)
{
	return c == ',' || c == ' ' || c == '+' || c == ';' || c == '\t';
}

bool
pb_score_rule_parse(const char *s, size_t len, PbScoreRule *rule,
					size_t *bad_off, size_t *bad_len)
{
	size_t		i = 0;

	pb_score_rule_default(rule);
	while (i < len)
	{
		size_t		start;

		while (i < len && is_separator(s[i]))
			i++;
		start = i;
		while (i < len && !is_separator(s[i]))
			i++;
		if (i == start)
			break;
		if (word_is(s + start, i - start, "national"))
			continue;
		else if (word_is(s + start, i - start, "reverse_linear"))
			rule->reverse_linear = true;
		else if (word_is(s + start, i - start, "zero_equals"))
			rule->zero_equals = true;
		else if (word_is(s + start, i - start, "qualitative_50"))
			rule->lower_band = 50;
		else
		{
			*bad_off = start;
			*bad_len = i - start;
			return false;
		}
	}
	return true;
}

/* ---- results ---- */

static void
undecided(PbScore *out, const char *why)
{
	memset(out, 0, sizeof(*out));
	out->form = PB_SCORE_UNDECIDED;
	out->why = why;
}

static void
share(PbScore *out, int pct, int lo, int hi)
{
	memset(out, 0, sizeof(*out));
	out->form = PB_SCORE_SHARE;
	out->pct = (uint8_t) pct;
	out->lo_pct = (uint8_t) lo;
	out->hi_pct = (uint8_t) hi;
}

static void
full_marks(PbScore *out)
{
	share(out, 100, 100, 100);
}

static void
no_marks(PbScore *out)
{
	share(out, 0, 0, 0);
}

static PbDec
dec_of(const PbScalar *s)
{
	PbDec		d;

	d.digits = s->digits;
	d.exp = (int) s->pow10 - (int) s->scale;
	return d;
}

static void
fraction(PbScore *out, PbScoreForm form, const PbScalar *num, const PbScalar *den)
{
	memset(out, 0, sizeof(*out));
	out->form = form;
	out->num = dec_of(num);
	out->den = dec_of(den);
}

/* The 10号 band of a grade: 达成, 部分达成, 未达成. */
static void
band(PbScore *out, PbAttain a, const PbScoreRule *rule)
{
	int			lb = rule->lower_band;

	switch (a)
	{
		case PB_ATTAIN_FULL:
			share(out, 100, 80, 100);
			break;
		case PB_ATTAIN_PARTIAL:
			share(out, (lb + 80) / 2, lb, 80);
			break;
		case PB_ATTAIN_NONE:
			share(out, lb / 2, 0, lb);
			break;
		default:
			undecided(out, "the actual is not one of the grades 达成, 部分达成, 未达成");
	}
}

static int
sign(const PbScalar *s)
{
	return (s->digits > 0) - (s->digits < 0);
}

/* ---- quantitative ---- */

/* Below a positive target t: weight × a / t. */
static void
score_short(PbScore *out, const PbScalar *t, const PbScalar *a)
{
	if (sign(t) <= 0)
		undecided(out, "a target of 0 or below has no ratio to score a shortfall by");
	else if (sign(a) <= 0)
		no_marks(out);
	else
		fraction(out, PB_SCORE_RATIO, a, t);
}

/* Above a reverse target t: weight × t / a, or linear to 0 at 2t. */
static void
score_over(PbScore *out, const PbScalar *t, const PbScalar *a,
		   const PbScoreRule *rule)
{
	if (sign(t) < 0)
		undecided(out, "a reverse target below 0 has no ratio to score an excess by");
	else if (sign(t) == 0)
		no_marks(out);
	else if (!rule->reverse_linear)
		fraction(out, PB_SCORE_RATIO, t, a);
	else
	{
		PbScalar	twice = *t;

		twice.digits *= 2;		/* at most 18 digits: fits in int64 */
		if (pb_cmp_scalar(a, &twice) >= 0)
			no_marks(out);
		else
			fraction(out, PB_SCORE_DECAY, a, t);
	}
}

static void
score_date(PbScore *out, uint8_t sense, const PbScalar *t, const PbScalar *a)
{
	int			c;

	if (t->year == 0 && a->year != 0)
	{
		undecided(out, "a date without a year cannot judge an actual of a given year");
		return;
	}
	c = pb_cmp_dates_loose(t, a);
	if ((sense == PB_SYM_GE && c >= 0) || (sense == PB_SYM_GT && c > 0) ||
		(sense == PB_SYM_LT && c < 0) ||
		(sense != PB_SYM_GE && sense != PB_SYM_GT && sense != PB_SYM_LT && c <= 0))
		full_marks(out);
	else
		undecided(out, "a missed date has no ratio");
}

static void
score_number(PbScore *out, uint8_t sense, bool target_is_zero_eq,
			 const PbScalar *t, const PbScalar *a, const PbScoreRule *rule)
{
	int			c = pb_cmp_scalar(a, t);

	switch (sense)
	{
		case PB_SYM_GT:
			if (c > 0)
				full_marks(out);
			else if (c == 0)
				undecided(out, "a strict target reached exactly is missed, yet its ratio is 1");
			else
				score_short(out, t, a);
			return;
		case PB_SYM_LE:
			if (c <= 0)
				full_marks(out);
			else
				score_over(out, t, a, rule);
			return;
		case PB_SYM_LT:
			if (c < 0)
				full_marks(out);
			else if (c == 0)
				undecided(out, "a strict target reached exactly is missed, yet its ratio is 1");
			else
				score_over(out, t, a, rule);
			return;
		default:				/* ≥, = and a number under 定性 */
			if (target_is_zero_eq && rule->zero_equals)
			{
				if (sign(a) <= 0)
					full_marks(out);
				else
					no_marks(out);
			}
			else if (c >= 0)
				full_marks(out);
			else
				score_short(out, t, a);
			return;
	}
}

static void
score_range(PbScore *out, const PbView *t, const PbView *a, const PbScoreRule *rule)
{
	PbScalar	lo,
				hi,
				a1,
				a2;

	if (a->cell.kind == PB_KIND_RANGE)
	{
		undecided(out, "a range is not an actual value");
		return;
	}
	if (!pb_comparable(t, &t->cell.lo, a, &lo, &a1) ||
		!pb_comparable(t, &t->cell.hi, a, &hi, &a2))
	{
		undecided(out, "the actual is not in the target's unit");
		return;
	}
	if (lo.kind == PB_KIND_DATE)
	{
		if ((lo.year == 0 || hi.year == 0) && a1.year != 0)
			undecided(out, "a period without a year cannot judge an actual of a given year");
		else if (pb_cmp_dates_loose(&lo, &a1) >= 0 && pb_cmp_dates_loose(&hi, &a2) <= 0)
			full_marks(out);
		else
			undecided(out, "a date outside its period has no ratio");
		return;
	}
	if (pb_cmp_scalar(&a1, &lo) < 0)
		score_short(out, &lo, &a1);
	else if (pb_cmp_scalar(&a2, &hi) > 0)
		score_over(out, &hi, &a2, rule);
	else
		full_marks(out);
}

/* ---- phrases ---- */

/* 优 良 中 差 against a target grade: met, one rank short, two or more. */
static bool
score_grades(PbScore *out, const PbView *t, const PbView *a, const PbScoreRule *rule)
{
	PbGrade		tg,
				ag;

	if (!pb_grade(t, &tg) || !pb_grade(a, &ag))
		return false;
	if (ag.lo >= tg.lo)
		band(out, PB_ATTAIN_FULL, rule);
	else if (ag.hi >= tg.lo)
		undecided(out, "the actual grade may or may not reach the target's");
	else if (tg.lo - ag.hi == 1)
		band(out, PB_ATTAIN_PARTIAL, rule);
	else
		band(out, PB_ATTAIN_NONE, rule);
	return true;
}

static bool
text_is(const PbView *v, const char *word)
{
	return word_is(v->base + v->cell.text.off, v->cell.text.len, word);
}

static bool
is_yes_no(const PbView *v)
{
	return v->cell.kind == PB_KIND_QUALITATIVE && (text_is(v, "是") || text_is(v, "否"));
}

static void
score_phrase(PbScore *out, const PbView *t, const PbView *a, const PbScoreRule *rule)
{
	if (t->cell.kind == PB_KIND_QUALITATIVE && pb_cmp_value(t, a) == 0)
		band(out, PB_ATTAIN_FULL, rule);	/* the target's own words */
	else if (is_yes_no(t) && is_yes_no(a))
		band(out, PB_ATTAIN_NONE, rule);	/* 是 for 否 or 否 for 是 */
	else if (!score_grades(out, t, a, rule))
		band(out, pb_attainment(a), rule);
}

void
pb_score(const PbView *t, const PbView *a, const PbScoreRule *rule, PbScore *out)
{
	PbScalar	ts,
				as;
	uint8_t		sense = pb_cell_effective_sense(&t->cell);

	if (a->cell.kind == PB_KIND_QUALITATIVE)
		score_phrase(out, t, a, rule);
	else if (t->cell.kind == PB_KIND_QUALITATIVE)
		undecided(out, "a phrase target cannot judge a measured actual");
	else if (t->cell.kind == PB_KIND_RANGE)
		score_range(out, t, a, rule);
	else if (a->cell.kind == PB_KIND_RANGE)
		undecided(out, "a range is not an actual value");
	else if (!pb_comparable(t, &t->cell.lo, a, &ts, &as))
		undecided(out, "the actual is not in the target's unit");
	else if (ts.kind == PB_KIND_DATE)
		score_date(out, sense, &ts, &as);
	else
		score_number(out, sense, t->cell.symbol == PB_SYM_EQ && ts.digits == 0,
					 &ts, &as, rule);
}

bool
pb_ratio(const PbView *t, const PbView *a, PbDec *num, PbDec *den)
{
	PbScalar	ts,
				as;

	if (t->cell.kind != PB_KIND_PERCENT && t->cell.kind != PB_KIND_QUANTITY)
		return false;
	if (a->cell.kind != PB_KIND_PERCENT && a->cell.kind != PB_KIND_QUANTITY)
		return false;
	if (!pb_comparable(t, &t->cell.lo, a, &ts, &as) || ts.digits == 0)
		return false;
	*num = dec_of(&as);
	*den = dec_of(&ts);
	return true;
}
