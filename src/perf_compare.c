/*
 * perf_compare.c — the total order of perf_value and perf_target, and the
 * key that hashing is built from.
 *
 * Equality is semantic: numbers compare in their base unit ('1万元' equals
 * '10000元'), dates by the day they name ('2023年底' equals '2023年12月31日'),
 * and the note and the spelling of a unit prefix are not compared.  The
 * hash key is made of exactly the normalised fields compared here, so the
 * hash opclass agrees with '='.
 */
#include "perf_core.h"

#include <string.h>

/* digits * 10^exp with no trailing zeros in digits; zero is (0, 0). */
typedef struct NormNum
{
	int64_t		digits;
	int			exp;
} NormNum;

static NormNum
norm_number(const PbScalar *s)
{
	NormNum		n;

	n.digits = s->digits;
	n.exp = (int) s->pow10 - (int) s->scale;
	if (n.digits == 0)
	{
		n.exp = 0;
		return n;
	}
	while (n.digits % 10 == 0)
	{
		n.digits /= 10;
		n.exp++;
	}
	return n;
}

static int
count_digits(uint64_t v)
{
	int			k = 1;

	while (v >= 10)
	{
		v /= 10;
		k++;
	}
	return k;
}

/* Compare magnitudes: both below 10^18, so scaling to 18 digits fits. */
static int
cmp_magnitude(uint64_t a, int ea, uint64_t b, int eb)
{
	int			da = count_digits(a);
	int			db = count_digits(b);

	if (da + ea != db + eb)
		return (da + ea) < (db + eb) ? -1 : 1;
	while (da < 18)
	{
		a *= 10;
		da++;
	}
	while (db < 18)
	{
		b *= 10;
		db++;
	}
	return a < b ? -1 : (a > b ? 1 : 0);
}

static int
cmp_number(const PbScalar *a, const PbScalar *b)
{
	NormNum		x = norm_number(a);
	NormNum		y = norm_number(b);
	int			sx = (x.digits > 0) - (x.digits < 0);
	int			sy = (y.digits > 0) - (y.digits < 0);
	int			c;

	if (sx != sy)
		return sx < sy ? -1 : 1;
	if (sx == 0)
		return 0;
	c = cmp_magnitude(sx > 0 ? (uint64_t) x.digits : (uint64_t) (-x.digits), x.exp,
					  sy > 0 ? (uint64_t) y.digits : (uint64_t) (-y.digits), y.exp);
	return sx > 0 ? c : -c;
}

static int
cmp_int(int a, int b)
{
	return a < b ? -1 : (a > b ? 1 : 0);
}

static int
cmp_date(const PbScalar *a, const PbScalar *b)
{
	int			c = cmp_int(a->year, b->year);

	if (c == 0)
		c = cmp_int(a->month, b->month);
	if (c == 0)
		c = cmp_int(a->day, b->day);
	return c;
}

int
pb_cmp_scalar(const PbScalar *a, const PbScalar *b)
{
	if (a->kind != b->kind)
		return cmp_int(a->kind, b->kind);
	if (a->kind == PB_KIND_DATE)
		return cmp_date(a, b);
	return cmp_number(a, b);
}

static int
cmp_bytes(const char *a, size_t la, const char *b, size_t lb)
{
	int			c = memcmp(a, b, la < lb ? la : lb);

	if (c != 0)
		return c < 0 ? -1 : 1;
	return cmp_int((int) (la > lb) - (int) (la < lb), 0);
}

void
pb_base_unit(const PbView *v, const char **p, size_t *len)
{
	*p = v->base + v->cell.unit.off + v->cell.unit_pow10_len;
	*len = v->cell.unit.len - v->cell.unit_pow10_len;
}

static int
cmp_base_units(const PbView *a, const PbView *b)
{
	const char *ua;
	const char *ub;
	size_t		la;
	size_t		lb;

	pb_base_unit(a, &ua, &la);
	pb_base_unit(b, &ub, &lb);
	return cmp_bytes(ua, la, ub, lb);
}

int
pb_cmp_value(const PbView *a, const PbView *b)
{
	const PbCell *x = &a->cell;
	const PbCell *y = &b->cell;
	int			c;

	if (x->kind != y->kind)
		return cmp_int(x->kind, y->kind);
	switch (x->kind)
	{
		case PB_KIND_QUALITATIVE:
			return cmp_bytes(a->base + x->text.off, x->text.len,
							 b->base + y->text.off, y->text.len);
		case PB_KIND_RANGE:
			c = cmp_int(x->lo.kind, y->lo.kind);
			if (c == 0)
				c = cmp_base_units(a, b);
			if (c == 0)
				c = pb_cmp_scalar(&x->lo, &y->lo);
			if (c == 0)
				c = pb_cmp_scalar(&x->hi, &y->hi);
			return c;
		case PB_KIND_QUANTITY:
			c = cmp_base_units(a, b);
			return c != 0 ? c : pb_cmp_scalar(&x->lo, &y->lo);
		default:
			return pb_cmp_scalar(&x->lo, &y->lo);
	}
}

int
pb_cmp_target(const PbView *a, const PbView *b)
{
	int			c = pb_cmp_value(a, b);

	if (c != 0)
		return c;
	c = cmp_int(a->cell.symbol, b->cell.symbol);
	return c != 0 ? c : cmp_int(pb_target_sense_key(&a->cell),
								pb_target_sense_key(&b->cell));
}

/*
 * The comparator kept under 定性, as far as it changes the meaning: 0 when
 * it is the value's own default ('定性 ≥3次' is '定性 3次', '定性 6月底前' is
 * '定性 6月底'), so that values stored before it existed keep their order
 * and hash.
 */
uint8_t
pb_target_sense_key(const PbCell *c)
{
	uint8_t		s = pb_cell_sense(c);
	PbCell		plain;

	if (c->symbol != PB_SYM_QUAL || s == 0)
		return 0;
	plain = *c;
	plain.flags &= (uint8_t) ~PB_F_SENSE;
	return s == pb_cell_effective_sense(&plain) ? 0 : s;
}

static unsigned char *
put_scalar_key(unsigned char *k, const PbScalar *s)
{
	*k++ = s->kind;
	if (s->kind == PB_KIND_DATE)
	{
		*k++ = (unsigned char) (s->year & 0xFF);
		*k++ = (unsigned char) ((s->year >> 8) & 0xFF);
		*k++ = s->month;
		*k++ = s->day;
		k += 8;
	}
	else
	{
		NormNum		n = norm_number(s);
		uint64_t	u = (uint64_t) n.digits;

		*k++ = (unsigned char) (n.exp & 0xFF);
		for (int i = 0; i < 8; i++)
			*k++ = (unsigned char) (u >> (8 * i));
		k += 3;
	}
	return k;
}

void
pb_hash_key(const PbView *v, unsigned char key[PB_HASH_KEY_SIZE])
{
	unsigned char *k = key;

	memset(key, 0, PB_HASH_KEY_SIZE);
	*k++ = v->cell.kind;
	if (v->cell.kind == PB_KIND_QUALITATIVE)
		return;
	k = put_scalar_key(k, &v->cell.lo);
	if (v->cell.kind == PB_KIND_RANGE)
		put_scalar_key(k, &v->cell.hi);
}
