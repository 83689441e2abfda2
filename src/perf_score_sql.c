/*
 * perf_score_sql.c — perf_score() and perf_score_range(): the fmgr glue of
 * the scoring core (perf_score.c).  The core picks the formula; the weight
 * is multiplied here in numeric, so scores are exact decimals.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"
#include "catalog/pg_type.h"

#include "perf_pg.h"
#include "perf_score.h"

static Datum
numeric_of_dec(PbDec d)
{
	char		buf[64];

	snprintf(buf, sizeof(buf), INT64_FORMAT "e%d", d.digits, d.exp);
	return pb_numeric_from_text(buf);
}

static Datum
numeric_of_int(int v)
{
	return DirectFunctionCall1(int4_numeric, Int32GetDatum(v));
}

static Datum
mul(Datum a, Datum b)
{
	return DirectFunctionCall2(numeric_mul, a, b);
}

static Datum
quotient(Datum a, Datum b)
{
	return DirectFunctionCall1(numeric_trim_scale, DirectFunctionCall2(numeric_div, a, b));
}

/* weight × pct / 100 */
static Datum
share_of(Datum weight, int pct)
{
	return quotient(mul(weight, numeric_of_int(pct)), numeric_of_int(100));
}

static void
read_rule(FunctionCallInfo fcinfo, PbScoreRule *rule)
{
	text	   *t;
	char	   *s;
	size_t		bad_off,
				bad_len;

	if (PG_NARGS() < 4)
	{
		pb_score_rule_default(rule);
		return;
	}
	t = PG_GETARG_TEXT_PP(3);
	s = text_to_cstring(t);
	if (!pb_score_rule_parse(s, strlen(s), rule, &bad_off, &bad_len))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid scoring rule: \"%s\"", pb_quote(s)),
				 errdetail("\"%.*s\" at character %d is not a rule.", (int) bad_len,
						   s + bad_off, pb_char_position(s, bad_off)),
				 errhint("Write rules separated by commas from national, reverse_linear, qualitative_50 and zero_equals, such as \"reverse_linear, qualitative_50\"; '' is the national rule.")));
}

static Datum
read_weight(FunctionCallInfo fcinfo)
{
	Datum		w = PG_GETARG_DATUM(2);

	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, w, numeric_of_int(0))) < 0 ||
		numeric_is_nan(DatumGetNumeric(w)) || numeric_is_inf(DatumGetNumeric(w)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid weight: \"%s\"",
						DatumGetCString(DirectFunctionCall1(numeric_out, w))),
				 errdetail("A weight (分值) is a finite number of points, 0 or more."),
				 errhint("Write a weight such as 10 or 16.67.")));
	return w;
}

/* The score and its band, or false when undecided. */
static bool
score_args(FunctionCallInfo fcinfo, Datum *value, Datum *lo, Datum *hi)
{
	PbView		t;
	PbView		a;
	PbScoreRule rule;
	PbScore		s;
	Datum		w;

	read_rule(fcinfo, &rule);
	w = read_weight(fcinfo);
	pb_view_from_datum(PG_GETARG_DATUM(0), &t);
	pb_view_from_datum(PG_GETARG_DATUM(1), &a);
	pb_score(&t, &a, &rule, &s);
	switch (s.form)
	{
		case PB_SCORE_SHARE:
			*value = share_of(w, s.pct);
			*lo = share_of(w, s.lo_pct);
			*hi = share_of(w, s.hi_pct);
			return true;
		case PB_SCORE_RATIO:
			*value = quotient(mul(w, numeric_of_dec(s.num)), numeric_of_dec(s.den));
			break;
		case PB_SCORE_DECAY:
			{
				/* weight × (2t − a) / t */
				Datum		den = numeric_of_dec(s.den);
				Datum		twice = mul(den, numeric_of_int(2));
				Datum		left = DirectFunctionCall2(numeric_sub, twice,
													   numeric_of_dec(s.num));

				*value = quotient(mul(w, left), den);
				break;
			}
		default:
			return false;
	}
	*lo = *hi = *value;
	return true;
}

PG_FUNCTION_INFO_V1(perf_score);

/* The self-evaluation score of one indicator; NULL when undecided. */
Datum
perf_score(PG_FUNCTION_ARGS)
{
	Datum		v,
				lo,
				hi;

	if (!score_args(fcinfo, &v, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(v);
}

PG_FUNCTION_INFO_V1(perf_score_range);

/* The scores a department may enter: [lo, hi]; one point for a formula. */
Datum
perf_score_range(PG_FUNCTION_ARGS)
{
	Datum		v;
	RangeBound	lower;
	RangeBound	upper;
	TypeCacheEntry *typcache;

	if (!score_args(fcinfo, &v, &lower.val, &upper.val))
		PG_RETURN_NULL();
	typcache = lookup_type_cache(NUMRANGEOID, TYPECACHE_RANGE_INFO);
	lower.infinite = upper.infinite = false;
	lower.inclusive = upper.inclusive = true;
	lower.lower = true;
	upper.lower = false;
#if PG_VERSION_NUM >= 160000
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, false, NULL));
#else
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, false));
#endif
}

PG_FUNCTION_INFO_V1(perf_ratio);

/* actual / target in one unit; NULL when they are not comparable numbers. */
Datum
perf_ratio(PG_FUNCTION_ARGS)
{
	PbView		t;
	PbView		a;
	PbDec		num;
	PbDec		den;

	pb_view_from_datum(PG_GETARG_DATUM(0), &t);
	pb_view_from_datum(PG_GETARG_DATUM(1), &a);
	if (!pb_ratio(&t, &a, &num, &den))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(quotient(numeric_of_dec(num), numeric_of_dec(den)));
}
