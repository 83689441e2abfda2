/*
 * rollup.c — the C aggregates behind the department roll-ups:
 * quantitative_share(perf_target), attainment(perf_target, perf_value) and
 * funding_sum(numeric).
 *
 * Each keeps its state in a small fixed-size type of its own (share_state,
 * amount_state) rather than 'internal', so that Citus can ship partial
 * states between nodes, and each has a combine function for parallel
 * aggregation.  Transition functions update the state in place when called
 * as aggregates: no allocation per row.
 *
 * funding_sum adds amounts as 128-bit integers in units of 10^-16, read
 * straight from numeric's stored digits, which is exact for any amount with
 * at most 16 decimals (a 万元 amount to 10^-12 元) and needs no numeric
 * arithmetic per row.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include <ctype.h>
#include <limits.h>

#include "common/int.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "perf_pg.h"

#ifndef HAVE_INT128
#error "pg_perfbudget needs a compiler with 128-bit integers"
#endif

/*
 * Counts are int64: a transition adds 1 and cannot reach the limit, but
 * combining states read from text or binary input (Citus ships them) can.
 */
static void
count_overflow(const char *type)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s count out of range", type),
			 errdetail("Combining two partial states would exceed 2^63 - 1 rows."),
			 errhint("Partial states come from the aggregate itself; check states entered by hand.")));
}

/* ---------------------------------------------------------------- share_state */

typedef struct ShareState
{
	int64		hits;
	int64		total;
} ShareState;

/* A non-negative int64 at *s; advances *s.  False on overflow or no digits. */
static bool
read_count(const char **s, int64 *out)
{
	int64		v = 0;
	const char *p = *s;

	if (!isdigit((unsigned char) *p))
		return false;
	for (; isdigit((unsigned char) *p); p++)
	{
		if (v > (PG_INT64_MAX - (*p - '0')) / 10)
			return false;
		v = v * 10 + (*p - '0');
	}
	*s = p;
	*out = v;
	return true;
}

PG_FUNCTION_INFO_V1(share_state_in);
Datum
share_state_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	ShareState *st = palloc(sizeof(ShareState));
	const char *p = s;

	while (*p == ' ')
		p++;
	if (*p++ != '(' || !read_count(&p, &st->hits) || *p++ != ',' ||
		!read_count(&p, &st->total) || *p++ != ')' || *p != '\0' ||
		st->total < st->hits)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type share_state: \"%s\"", s),
				 errdetail("Expected (hits,total) with 0 ≤ hits ≤ total < 2^63."),
				 errhint("For example \"(24,92)\".")));
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(share_state_out);
Datum
share_state_out(PG_FUNCTION_ARGS)
{
	ShareState *st = (ShareState *) PG_GETARG_POINTER(0);

	PG_RETURN_CSTRING(psprintf("(" INT64_FORMAT "," INT64_FORMAT ")", st->hits, st->total));
}

PG_FUNCTION_INFO_V1(share_state_send);
Datum
share_state_send(PG_FUNCTION_ARGS)
{
	ShareState *st = (ShareState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, st->hits);
	pq_sendint64(&buf, st->total);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(share_state_recv);
Datum
share_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	msg = (StringInfo) PG_GETARG_POINTER(0);
	ShareState *st = palloc(sizeof(ShareState));

	st->hits = pq_getmsgint64(msg);
	st->total = pq_getmsgint64(msg);
	if (st->hits < 0 || st->total < st->hits)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external binary value of type share_state"),
				 errdetail("hits %lld and total %lld are not 0 ≤ hits ≤ total.",
						   (long long) st->hits, (long long) st->total)));
	PG_RETURN_POINTER(st);
}

/*
 * The state to update (argument 0): in place when called as an aggregate's
 * transition or combine function, else a copy, since a plain call must not
 * change its argument.
 */
static void *
state_arg(FunctionCallInfo fcinfo, Size size)
{
	void	   *st = PG_GETARG_POINTER(0);

	if (!AggCheckCallContext(fcinfo, NULL))
	{
		void	   *copy = palloc(size);

		memcpy(copy, st, size);
		st = copy;
	}
	return st;
}

#define share_arg(fcinfo) ((ShareState *) state_arg(fcinfo, sizeof(ShareState)))
#define amount_arg(fcinfo) ((AmountState *) state_arg(fcinfo, sizeof(AmountState)))

PG_FUNCTION_INFO_V1(share_quantitative_accum);

/* One target: counted; quantitative when its comparator is not 定性. */
Datum
share_quantitative_accum(PG_FUNCTION_ARGS)
{
	ShareState *st = share_arg(fcinfo);
	struct varlena *t = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
	uint8		sym;

	/* only the comparator is needed: read it without decoding the value */
	sym = pb_stored_symbol((const unsigned char *) VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	if (sym == PB_SYM_NONE)
	{
		PbView		v;

		pb_view_from_datum(PointerGetDatum(t), &v);	/* reports the unknown layout */
		sym = v.cell.symbol;
	}
	st->total++;
	if (sym != PB_SYM_QUAL)
		st->hits++;
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(share_attainment_accum);

/* One target and actual: counted when decidable, a hit when met. */
Datum
share_attainment_accum(PG_FUNCTION_ARGS)
{
	ShareState *st = share_arg(fcinfo);
	PbView		t;
	PbView		a;
	PbTruth		r;

	pb_view_from_datum(PG_GETARG_DATUM(1), &t);
	pb_view_from_datum(PG_GETARG_DATUM(2), &a);
	r = pb_met(&t, &a);
	if (r != PB_UNKNOWN)
	{
		st->total++;
		if (r == PB_TRUE)
			st->hits++;
	}
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(share_combine);
Datum
share_combine(PG_FUNCTION_ARGS)
{
	ShareState *st = share_arg(fcinfo);
	ShareState *other = (ShareState *) PG_GETARG_POINTER(1);

	if (pg_add_s64_overflow(st->hits, other->hits, &st->hits) ||
		pg_add_s64_overflow(st->total, other->total, &st->total))
		count_overflow("share_state");
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(share_final);

/* hits / total rounded half up to 4 decimals (0.2609), NULL when empty. */
Datum
share_final(PG_FUNCTION_ARGS)
{
	ShareState *st = (ShareState *) PG_GETARG_POINTER(0);
	int128		q;

	if (st->total == 0)
		PG_RETURN_NULL();
	q = ((int128) st->hits * 20000 + st->total) / ((int128) st->total * 2);
	PG_RETURN_DATUM(pb_numeric_from_text(psprintf("%d.%04d", (int) (q / 10000),
												  (int) (q % 10000))));
}

/* ---------------------------------------------------------------- amount_state */

#define AMOUNT_SCALE 16			/* decimals kept: sums are in units of 10^-16 */

typedef struct AmountState
{
	int64		count;
	int32		dscale;			/* largest display scale seen, for the result */
	int32		pad;
	uint64		sum_lo;			/* the sum, an int128 split for alignment */
	uint64		sum_hi;
} AmountState;

static int128
get_sum(const AmountState *st)
{
	return (int128) (((uint128) st->sum_hi << 64) | st->sum_lo);
}

static void
set_sum(AmountState *st, int128 v)
{
	st->sum_lo = (uint64) ((uint128) v);
	st->sum_hi = (uint64) (((uint128) v) >> 64);
}

static const int128 INT128_LIMIT = (int128) (((uint128) 1 << 126) - 1);

static void
amount_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("funding_sum is out of range"),
			 errdetail("The total must stay within ±8.5·10^21 (2^126 units of 10^-16)."),
			 errhint("Sum with sum(numeric) instead.")));
}

/*
 * An amount as an integer in units of 10^-16, read from numeric's stored
 * form: a header word (sign, display scale, weight), then base-10000 digits.
 * This layout is numeric's on-disk format, fixed across releases because
 * pg_upgrade keeps data files as they are.
 */
static int128
numeric_to_fixed(Datum d, int *dscale)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(d);
	const char *p = VARDATA_ANY(v);
	int			len = VARSIZE_ANY_EXHDR(v);
	uint16		header;
	bool		neg;
	int			weight;
	int			ndigits;
	const char *digits;
	int128		acc = 0;
	int			last_pos = 0;

	memcpy(&header, p, sizeof(uint16));
	if ((header & 0xC000) == 0xC000)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("funding_sum cannot add NaN or infinity"),
				 errhint("Amounts are finite numbers of 万元.")));
	if ((header & 0xC000) == 0x8000)
	{
		/* short form: sign 0x2000, display scale 0x1F80, 7-bit weight */
		neg = (header & 0x2000) != 0;
		*dscale = (header & 0x1F80) >> 7;
		weight = (header & 0x0040) ? (int) (int16) (header | 0xFF80) : (header & 0x003F);
		digits = p + 2;
		ndigits = (len - 2) / 2;
	}
	else
	{
		int16		w;

		neg = (header & 0xC000) == 0x4000;
		*dscale = header & 0x3FFF;
		memcpy(&w, p + 2, sizeof(int16));
		weight = w;
		digits = p + 4;
		ndigits = (len - 4) / 2;
	}

	for (int i = 0; i < ndigits; i++)
	{
		int16		dig;
		int			pos = weight - i + AMOUNT_SCALE / 4;	/* power of 10000 */

		memcpy(&dig, digits + 2 * i, sizeof(int16));
		if (pos < 0)
		{
			if (dig != 0)
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("funding_sum keeps at most 16 decimals"),
						 errdetail("An amount has more decimals than that."),
						 errhint("Round amounts of 万元 to 16 decimals, or use sum(numeric).")));
			continue;
		}
		if (acc > INT128_LIMIT / 10000)
			amount_overflow();
		acc = acc * 10000 + dig;
		last_pos = pos;
	}
	for (int i = 0; i < last_pos; i++)
	{
		if (acc > INT128_LIMIT / 10000)
			amount_overflow();
		acc *= 10000;
	}
	if (*dscale > AMOUNT_SCALE)
		*dscale = AMOUNT_SCALE;
	return neg ? -acc : acc;
}

/* A fixed-point sum as exact decimal text with 'dscale' decimals. */
static char *
fixed_to_text(int128 v, int dscale)
{
	char		digits[64];
	int			n = 0;
	uint128		u = v < 0 ? (uint128) (-(v + 1)) + 1 : (uint128) v;
	StringInfoData s;
	int			intlen;

	do
	{
		digits[n++] = (char) ('0' + (int) (u % 10));
		u /= 10;
	} while (u);
	while (n <= AMOUNT_SCALE)
		digits[n++] = '0';
	initStringInfo(&s);
	if (v < 0)
		appendStringInfoChar(&s, '-');
	intlen = n - AMOUNT_SCALE;
	for (int i = n - 1; i >= n - intlen; i--)
		appendStringInfoChar(&s, digits[i]);
	if (dscale > 0)
	{
		appendStringInfoChar(&s, '.');
		for (int i = AMOUNT_SCALE - 1; i >= AMOUNT_SCALE - dscale; i--)
			appendStringInfoChar(&s, digits[i]);
	}
	return s.data;
}

/* Digits after the point of a decimal text. */
static int
decimals_of(const char *s)
{
	const char *dot = strchr(s, '.');

	return dot ? (int) strlen(dot + 1) : 0;
}

/* Exact decimal text into units of 10^-16; false when it is not one. */
static bool
text_to_fixed(const char *s, int128 *out)
{
	bool		neg = false;
	int128		acc = 0;
	int			frac = -1;

	if (*s == '-' || *s == '+')
		neg = (*s++ == '-');
	if (!isdigit((unsigned char) *s))
		return false;
	for (; *s; s++)
	{
		if (*s == '.' && frac < 0)
		{
			frac = 0;
			continue;
		}
		if (!isdigit((unsigned char) *s) || frac == AMOUNT_SCALE || acc > INT128_LIMIT / 10)
			return false;
		acc = acc * 10 + (*s - '0');
		if (frac >= 0)
			frac++;
	}
	for (int i = frac < 0 ? 0 : frac; i < AMOUNT_SCALE; i++)
	{
		if (acc > INT128_LIMIT / 10)
			return false;
		acc *= 10;
	}
	*out = neg ? -acc : acc;
	return true;
}

PG_FUNCTION_INFO_V1(amount_state_in);
Datum
amount_state_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	AmountState *st = palloc0(sizeof(AmountState));
	long long	count;
	char		sum[128];
	int			dscale;
	int			n = 0;
	int128		v;

	if (sscanf(s, " (%lld,%127[-+0-9.],%d)%n", &count, sum, &dscale, &n) != 3 ||
		s[n] != '\0' || count < 0 || count == LLONG_MAX || dscale < 0 ||
		dscale > AMOUNT_SCALE || !text_to_fixed(sum, &v) ||
		decimals_of(sum) > dscale || (count == 0 && v != 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type amount_state: \"%s\"", s),
				 errdetail("Expected (count,sum,display scale): at most 16 decimals, no more than the display scale, and a zero sum when the count is 0."),
				 errhint("For example \"(6,1151,0)\".")));
	st->count = count;
	st->dscale = dscale;
	set_sum(st, v);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(amount_state_out);
Datum
amount_state_out(PG_FUNCTION_ARGS)
{
	AmountState *st = (AmountState *) PG_GETARG_POINTER(0);

	PG_RETURN_CSTRING(psprintf("(" INT64_FORMAT ",%s,%d)", st->count,
							   fixed_to_text(get_sum(st), st->dscale), st->dscale));
}

PG_FUNCTION_INFO_V1(amount_state_send);
Datum
amount_state_send(PG_FUNCTION_ARGS)
{
	AmountState *st = (AmountState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, st->count);
	pq_sendint32(&buf, st->dscale);
	pq_sendint64(&buf, (int64) st->sum_hi);
	pq_sendint64(&buf, (int64) st->sum_lo);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(amount_state_recv);
Datum
amount_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	msg = (StringInfo) PG_GETARG_POINTER(0);
	AmountState *st = palloc0(sizeof(AmountState));

	st->count = pq_getmsgint64(msg);
	st->dscale = pq_getmsgint(msg, 4);
	st->sum_hi = (uint64) pq_getmsgint64(msg);
	st->sum_lo = (uint64) pq_getmsgint64(msg);
	if (st->count < 0 || st->dscale < 0 || st->dscale > AMOUNT_SCALE ||
		get_sum(st) > INT128_LIMIT || get_sum(st) < -INT128_LIMIT ||
		(st->count == 0 && get_sum(st) != 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external binary value of type amount_state"),
				 errdetail("A field is out of range.")));
	PG_RETURN_POINTER(st);
}

static void
add_to(AmountState *st, int128 v, int dscale, int64 count)
{
	int128		sum = get_sum(st);

	if ((v > 0 && sum > INT128_LIMIT - v) || (v < 0 && sum < -INT128_LIMIT - v))
		amount_overflow();
	set_sum(st, sum + v);
	if (pg_add_s64_overflow(st->count, count, &st->count))
		count_overflow("amount_state");
	if (dscale > st->dscale)
		st->dscale = dscale;
}

PG_FUNCTION_INFO_V1(amount_sum_accum);
Datum
amount_sum_accum(PG_FUNCTION_ARGS)
{
	AmountState *st = amount_arg(fcinfo);
	int			dscale;
	int128		v = numeric_to_fixed(PG_GETARG_DATUM(1), &dscale);

	add_to(st, v, dscale, 1);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(amount_sum_combine);
Datum
amount_sum_combine(PG_FUNCTION_ARGS)
{
	AmountState *st = amount_arg(fcinfo);
	AmountState *other = (AmountState *) PG_GETARG_POINTER(1);

	add_to(st, get_sum(other), other->dscale, other->count);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(amount_sum_final);

/* The exact total with the largest display scale of its inputs. */
Datum
amount_sum_final(PG_FUNCTION_ARGS)
{
	AmountState *st = (AmountState *) PG_GETARG_POINTER(0);

	if (st->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(pb_numeric_from_text(fixed_to_text(get_sum(st), st->dscale)));
}
