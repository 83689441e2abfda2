/*
 * perf_parse.c — the hand-written scanner for indicator cells.
 *
 * Pure C: no allocation, no globals that change, no PostgreSQL.  The input
 * is first folded into the caller's buffer (perf_text.c); every later step
 * scans that folded text, so the text fields of the result are plain slices
 * of it.  Error positions are mapped back to the caller's bytes by replaying
 * the fold.  This file holds the words (comparators, suffixes), numbers,
 * units, ranges, phrases and the cell as a whole; dates are in perf_date.c.
 */
#include "perf_scan.h"

#include <string.h>


/* What a number looked like, for telling years and periods from amounts. */
typedef struct Shape
{
	bool		year;			/* bare 19xx–21xx integer */
	bool		year_month;		/* 2023.07: a year, a dot, a two-digit month */
	bool		has_unit;
	bool		bare_int;		/* unsigned integer, no unit */
	size_t		unit_off;
	size_t		unit_len;
	uint8_t		prefix_len;
} Shape;

/* ---------------------------------------------------------------- words */

typedef struct Word
{
	const char *text;
	uint8_t		len;			/* bytes of text: the tables are walked per cell */
	uint8_t		sym;
} Word;

#define W(text, sym) {"" text, sizeof(text) - 1, sym}

/* The first of the words (longest first where one is a prefix of another) at pos, or NULL. */
static const Word *
word_at(const Scan *sc, size_t pos, const Word *words)
{
	for (const Word *w = words; w->text; w++)
		if (lit_at_len(sc, pos, w->text, w->len))
			return w;
	return NULL;
}

/* The word that is the whole text, or NULL. */
static const Word *
whole_word(const char *s, size_t n, const Word *words)
{
	for (const Word *w = words; w->text; w++)
		if (w->len == n && memcmp(s, w->text, n) == 0)
			return w;
	return NULL;
}

/* Longest first where one is a prefix of another. */
static const Word prefix_words[] = {
	W("大于或等于", PB_SYM_GE), W("大于等于", PB_SYM_GE), W("高于或等于", PB_SYM_GE),
	W("不低于", PB_SYM_GE), W("不少于", PB_SYM_GE), W("不小于", PB_SYM_GE),
	W("至少", PB_SYM_GE),
	W("小于或等于", PB_SYM_LE), W("小于等于", PB_SYM_LE), W("低于或等于", PB_SYM_LE),
	W("不高于", PB_SYM_LE), W("不超过", PB_SYM_LE), W("不大于", PB_SYM_LE),
	W("不多于", PB_SYM_LE), W("至多", PB_SYM_LE), W("最多", PB_SYM_LE),
	W("控制在", PB_SYM_LE),
	W("超过", PB_SYM_GT), W("高于", PB_SYM_GT), W("大于", PB_SYM_GT), W("多于", PB_SYM_GT),
	W("低于", PB_SYM_LT), W("少于", PB_SYM_LT), W("小于", PB_SYM_LT),
	W("不满", PB_SYM_LT), W("不足", PB_SYM_LT),
	W("达到", PB_SYM_EQ), W("等于", PB_SYM_EQ),
	{NULL, 0, 0}
};

/*
 * Suffixes.  Multi-character ones end a unit wherever they occur; the single
 * characters 内 and 前 only at the end of the value (see pb_ends_value_at).
 */
static const Word suffix_words[] = {
	W("及以上", PB_SYM_GE), W("或以上", PB_SYM_GE), W("以上", PB_SYM_GE),
	W("及以下", PB_SYM_LE), W("或以下", PB_SYM_LE), W("以下", PB_SYM_LE),
	W("以内", PB_SYM_LE), W("之内", PB_SYM_LE), W("之前", PB_SYM_LE),
	W("以前", PB_SYM_LE),
	W("内", PB_SYM_LE), W("前", PB_SYM_LE),
	{NULL, 0, 0}
};

/* Words that close a deadline ('12月底到位'); dropped after a date. */
static const Word completion_words[] = {
	W("完成", 0), W("到位", 0), W("完工", 0), W("办结", 0), W("结束", 0), W("落实", 0),
	W("实现", 0), {NULL, 0, 0}
};

/*
 * Words naming the year a date without one falls in: the form's own year
 * ('当年12月底前') or each year of it ('每年12月底前'), which is the same
 * deadline on a one-year target.  Dropped before such a date.
 */
static const Word year_words[] = {
	W("本年度", 0), W("每年度", 0), W("每年", 0), W("当年", 0), W("本年", 0),
	{NULL, 0, 0}
};

/* A completion word that ends the value ('到位', not the 完成 of '完成率'). */
static size_t
match_completion(const Scan *sc, size_t pos)
{
	for (int i = 0; completion_words[i].text; i++)
	{
		size_t		l = completion_words[i].len;

		if (!lit_at_len(sc, pos, completion_words[i].text, l))
			continue;
		if (pb_ends_value_at(sc, pos + l))
			return l;
	}
	return 0;
}

/* Does the value end at pos (end, space, a note's bracket or punctuation)? */
bool
pb_ends_value_at(const Scan *sc, size_t pos)
{
	if (at_end(sc, pos) || sc->s[pos] == ' ' || sc->s[pos] == '(' ||
		sc->s[pos] == ',' || sc->s[pos] == ';' || sc->s[pos] == '-' ||
		sc->s[pos] == '~')
		return true;
	if (word_at(sc, pos, completion_words))
		return true;
	if (LIT_AT(sc, pos, "，") ||
		LIT_AT(sc, pos, "；") || LIT_AT(sc, pos, "、"))
		return true;
	for (int i = 0; suffix_words[i].text; i++)
		if (suffix_words[i].len > 3 &&
			lit_at_len(sc, pos, suffix_words[i].text, suffix_words[i].len))
			return true;
	return false;
}


/* Would a unit go on at pos?  (A unit never ends in 内 or 前.) */
static bool
unit_continues_at(const Scan *sc, size_t pos)
{
	int			l;

	return pos < sc->n && pb_is_unit_cp(cp_at(sc, pos, &l));
}

/* A suffix word at pos: its length and symbol, or 0. */
static size_t
match_suffix(const Scan *sc, size_t pos, uint8_t *sym)
{
	int			cl;

	/* the words' first characters: 及 或 以 之 内 前 */
	switch (cp_at(sc, pos, &cl))
	{
		case 0x53CA:
		case 0x6216:
		case 0x4EE5:
		case 0x4E4B:
		case 0x5185:
		case 0x524D:
			break;
		default:
			return 0;
	}
	for (int i = 0; suffix_words[i].text; i++)
	{
		size_t		l = suffix_words[i].len;

		if (!lit_at_len(sc, pos, suffix_words[i].text, l))
			continue;
		if (l == 3 && !pb_ends_value_at(sc, pos + l) && unit_continues_at(sc, pos + l))
			continue;			/* 内/前 inside a unit ('5个国内城市') */
		*sym = suffix_words[i].sym;
		return l;
	}
	return 0;
}

/* ---------------------------------------------------------------- numbers */

static const struct
{
	const char *text;
	uint8_t		len;
	int8_t		pow10;
}			unit_prefixes[] = {
	{"万亿", 6, 12}, {"百万", 6, 6}, {"千万", 6, 7}, {"十万", 6, 5},
	{"万", 3, 4}, {"亿", 3, 8}, {"千", 3, 3},
	{NULL, 0, 0}
};

static bool
is_range_sep_at(const Scan *sc, size_t pos, size_t *len)
{
	static const Word seps[] = {
		W("——", 0), W("—", 0), W("--", 0), W("-", 0), W("~", 0), W("至", 0), W("到", 0),
		{NULL, 0, 0}
	};

	switch (ch(sc, pos))
	{
		case '-':
		case '~':
		case '\xE2':			/* — */
		case '\xE8':			/* 至 */
		case '\xE5':			/* 到 */
			break;
		default:
			return false;
	}
	for (int i = 0; seps[i].text; i++)
		if (lit_at_len(sc, pos, seps[i].text, seps[i].len))
		{
			if (i == 6 && LIT_AT(sc, pos, "到位"))
				continue;		/* 到位 completes a deadline */
			*len = seps[i].len;
			return true;
		}
	return false;
}

/* A range separator at p whose length is already in *len, or a fresh match. */
static bool
sep_or_zero(const Scan *sc, size_t p, size_t *len)
{
	size_t		l;

	if (!is_range_sep_at(sc, p, &l))
		return false;
	if (*len == 0 || *len > l)
		*len = l;
	return true;
}


/*
 * Is 'e' at p the exponent of a number in scientific notation, as a
 * spreadsheet writes it ('1e-5', '1.2E+11元', '1E-05%')?  Only with a sign:
 * 0.1 read '1e5' as a phrase and may have stored it, and a stored value must
 * read back; and not where the number after the sign is followed by an
 * ASCII letter: 0.1 read '1e-5' as the range from 1e to 5e, stored as
 * '1e-5e', and '2023.27E-2024.0E' is such a range too.
 */
static bool
ends_exponent_at(const Scan *sc, size_t p)
{
	size_t		q = p + 1;
	char		c;

	if (ch(sc, q) != '+' && ch(sc, q) != '-')
		return false;
	q++;
	if (!is_digit_at(sc, q))
		return false;
	while (is_digit_at(sc, q))
		q++;
	if (ch(sc, q) == '.' && is_digit_at(sc, q + 1))
		for (q++; is_digit_at(sc, q); q++)
			;					/* '2023.27E-2024.0E': a range of 0.1 in the unit E */
	c = ch(sc, q);
	return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/*
 * Read [sign] digits [,ddd]* [. digits] at sc->pos into digits/scale.
 * Sets shape->year / shape->year_month.
 */
static bool
scan_number(Scan *sc, PbScalar *out, Shape *shape)
{
	size_t		start = sc->pos;
	size_t		p = sc->pos;
	bool		neg = false;
	int			ndigits = 0;
	int			int_digits = 0;
	int			scale = 0;
	bool		commas = false;
	uint64_t	v = 0;

	if (ch(sc, p) == '+' || ch(sc, p) == '-')
	{
		neg = ch(sc, p) == '-';
		p++;
	}
	if (!is_digit_at(sc, p))
		return fail(sc, PB_ERR_SYNTAX, p, PB_N_("a digit is missing"), PB_N_("a number such as 95"));
	for (;;)
	{
		while (is_digit_at(sc, p))
		{
			if (ndigits > 0 || sc->s[p] != '0')
				ndigits++;
			if (ndigits > PB_MAX_DIGITS)
				return fail(sc, PB_ERR_OVERFLOW, start,
							PB_N_("the number has more than 18 significant digits"),
							PB_N_("at most 18 significant digits, 15 after the point"));
			v = v * 10 + (uint64_t) (sc->s[p] - '0');
			int_digits++;
			p++;
		}
		if (ch(sc, p) == ',' && is_digit_at(sc, p + 1))
		{
			/* thousands separator: exactly three digits follow */
			int			k = 0;

			while (is_digit_at(sc, p + 1 + k))
				k++;
			if (k != 3 || (!commas && int_digits > 3))
				return fail(sc, PB_ERR_SYNTAX, p,
							PB_N_("a thousands separator must stand between groups of three digits"),
							PB_N_("digits grouped as in 7,548,150"));
			commas = true;
			p++;
			continue;
		}
		break;
	}
	if (ch(sc, p) == '.' && is_digit_at(sc, p + 1))
	{
		p++;
		while (is_digit_at(sc, p))
		{
			if (ndigits > 0 || sc->s[p] != '0')
				ndigits++;
			if (ndigits > PB_MAX_DIGITS || scale >= PB_MAX_SCALE)
				return fail(sc, PB_ERR_OVERFLOW, start,
							PB_N_("the number has too many digits"),
							PB_N_("at most 18 significant digits, 15 after the point"));
			v = v * 10 + (uint64_t) (sc->s[p] - '0');
			scale++;
			p++;
		}
	}
	if (p < sc->n && sc->s[p] == '.' && is_digit_at(sc, p - 1) && scale > 0 &&
		is_digit_at(sc, p + 1))
		return fail(sc, PB_ERR_SYNTAX, p, PB_N_("a number has a second decimal point"),
					PB_N_("one decimal point, as in 97.30%"));

	if ((ch(sc, p) == 'e' || ch(sc, p) == 'E') && ends_exponent_at(sc, p))
		return fail(sc, PB_ERR_SYNTAX, p,
					PB_N_("scientific notation is not accepted (a spreadsheet shows long numbers this way and may have rounded them)"),
					PB_N_("the number written out in full, as 0.00001 or 120000000000"));

	memset(out, 0, sizeof(*out));
	out->kind = PB_KIND_QUANTITY;
	out->digits = neg ? -(int64_t) v : (int64_t) v;
	out->scale = (uint8_t) scale;
	/* by value, not spelling: the canonical text drops '+', zeros and commas */
	shape->year = !neg && scale == 0 && v >= 1900 && v <= 2199;
	shape->year_month = !neg && scale == 2 && v / 100 >= 1900 && v / 100 <= 2199 &&
		v % 100 >= 1 && v % 100 <= 12;
	shape->bare_int = !neg && scale == 0;
	sc->pos = p;
	return true;
}

/* ---------------------------------------------------------------- scalars */

static int8_t
unit_prefix(const Scan *sc, size_t pos, size_t len, uint8_t *plen)
{
	for (int i = 0; unit_prefixes[i].text; i++)
	{
		size_t		l = unit_prefixes[i].len;

		if (l <= len && lit_at_len(sc, pos, unit_prefixes[i].text, l))
		{
			*plen = (uint8_t) l;
			return unit_prefixes[i].pow10;
		}
	}
	*plen = 0;
	return 0;
}

/* The unit after a number: a run of unit characters up to a suffix. */
static bool
scan_unit(Scan *sc, PbScalar *out, Shape *shape)
{
	size_t		p = skip_spaces(sc, sc->pos);
	size_t		start = p;
	uint8_t		dummy;

	if (LIT_AT(sc, p, "%"))
	{
		out->kind = PB_KIND_PERCENT;
		sc->pos = p + 1;
		return true;
	}
	if (LIT_AT(sc, p, "百分比"))
	{
		out->kind = PB_KIND_PERCENT;
		sc->pos = p + 9;
		return true;
	}
	while (p < sc->n)
	{
		int			l;
		uint32_t	cp = cp_at(sc, p, &l);

		if (match_suffix(sc, p, &dummy) > 0)
			break;
		if (cp == '*' || cp == 0x3001)	/* '元/人*月', '元/人、天' */
		{
			int			l2;

			if (p > start && pb_is_unit_cp(cp_at(sc, p + l, &l2)) &&
				match_suffix(sc, p + l, &dummy) == 0)
			{
				p += l;
				continue;
			}
			if (cp == '*')
				return fail(sc, PB_ERR_SYNTAX, p,
							PB_N_("'*' is a template placeholder, not a value"),
							PB_N_("the number itself, as in ≥50人"));
			break;
		}
		if (!pb_is_unit_cp(cp))
			break;
		p += l;
	}
	if (p - start >= 3 && (LIT_AT(sc, p - 3, "内") || LIT_AT(sc, p - 3, "前")) &&
		match_suffix(sc, p, &dummy) > 0)
		return fail(sc, PB_ERR_SYNTAX, p - 3, PB_N_("a comparator word is written twice"),
					PB_N_("one comparator, as in 7个工作日内"));
	if (p - start > PB_MAX_UNIT)
		return fail(sc, PB_ERR_SYNTAX, start, PB_N_("the unit is longer than 64 bytes"),
					PB_N_("a short unit such as 元/人·月"));
	if (p > start)
	{
		shape->has_unit = true;
		shape->unit_off = start;
		shape->unit_len = p - start;
		out->pow10 = unit_prefix(sc, start, p - start, &shape->prefix_len);
		sc->pos = p;
	}
	return true;
}

/*
 * One scalar at sc->pos: a number with its unit, a percentage or a date.
 * 'in_range' lets a 2023.07-shaped number stand for a month (decided by
 * the caller once both ends are known).
 */
static bool
scan_scalar(Scan *sc, PbScalar *out, Shape *shape)
{
	size_t		start = sc->pos;
	int			l;
	uint32_t	cp;

	memset(shape, 0, sizeof(*shape));
	if (LIT_AT(sc, start, "年底") || LIT_AT(sc, start, "年末"))
	{
		memset(out, 0, sizeof(*out));
		out->kind = PB_KIND_DATE;
		out->month = 12;
		out->day = 31;
		out->date_style = PB_DATE_YEAR_END;
		sc->pos = start + 6;
		return true;
	}
	switch (pb_scan_numeric_date(sc, out, start))
	{
		case 1:
			return true;
		case -1:
			return false;
		default:
			break;
	}
	if (!scan_number(sc, out, shape))
		return false;

	/*
	 * Years and months become dates.  The test is on the value, not on how
	 * it was written ('+6月', '002月'), so that the canonical text, which
	 * drops signs and leading zeros, reads back the same.
	 */
	if (out->scale == 0 && out->digits >= 0)
	{
		size_t		p = skip_spaces(sc, sc->pos);
		int64_t		v = out->digits;

		if (v >= 1900 && v <= 2199 && LIT_AT(sc, p, "年"))
		{
			memset(out, 0, sizeof(*out));
			out->kind = PB_KIND_DATE;
			out->year = (int16_t) v;
			sc->pos = p + 3;
			shape->year = false;
			shape->bare_int = false;
			return pb_scan_after_year(sc, out);
		}
		if (LIT_AT(sc, p, "月"))
		{
			memset(out, 0, sizeof(*out));
			out->kind = PB_KIND_DATE;
			if (!pb_set_month(sc, out, v > 99 ? 99 : (int) v, start))
				return false;
			sc->pos = p + 3;
			shape->year = false;
			shape->bare_int = false;
			return pb_scan_day_part(sc, out);
		}
	}

	cp = cp_at(sc, sc->pos, &l);
	if (pb_is_cjk_numeral(cp))
		return fail(sc, PB_ERR_SYNTAX, sc->pos,
					PB_N_("a Chinese numeral is glued to the digits (damaged text)"),
					PB_N_("digits only, as in 100%"));
	return scan_unit(sc, out, shape);
}

/* ---------------------------------------------------------------- ranges */

static bool
starts_scalar(const Scan *sc, size_t p)
{
	if (is_digit_at(sc, p))
		return true;
	if (p < sc->n && (sc->s[p] == '+' || sc->s[p] == '-') && is_digit_at(sc, p + 1))
		return true;
	return LIT_AT(sc, p, "年底") || LIT_AT(sc, p, "年末");
}

static bool
same_unit(const Scan *sc, const Shape *a, const Shape *b)
{
	return a->unit_len == b->unit_len &&
		memcmp(sc->s + a->unit_off, sc->s + b->unit_off, a->unit_len) == 0;
}

static void
year_to_date(PbScalar *s)
{
	int16_t		y = (int16_t) s->digits;

	memset(s, 0, sizeof(*s));
	s->kind = PB_KIND_DATE;
	s->year = y;
}

static void
year_month_to_date(PbScalar *s)
{
	int64_t		v = s->digits;

	memset(s, 0, sizeof(*s));
	s->kind = PB_KIND_DATE;
	s->year = (int16_t) (v / 100);
	s->month = (uint8_t) (v % 100);
}

/*
 * Would this quantity, written out, read back as a date?  ('2300' taking the
 * unit 月 from the other end of a range prints as '2300月'.)
 */
static bool
reads_as_date(const Scan *sc, const PbScalar *s, const Shape *sh)
{
	if (s->kind != PB_KIND_QUANTITY || s->scale != 0 || s->digits < 0 || !sh->has_unit)
		return false;
	if (LIT_AT(sc, sh->unit_off, "月"))
		return true;
	return LIT_AT(sc, sh->unit_off, "年") && s->digits >= 1900 && s->digits <= 2199;
}

/* Make the two ends of a range agree in kind and unit. */
static bool
unify_range(Scan *sc, PbCell *cell, Shape *ls, Shape *hs, size_t hi_pos)
{
	PbScalar   *lo = &cell->lo;
	PbScalar   *hi = &cell->hi;

	if (lo->kind == PB_KIND_QUANTITY && hi->kind == PB_KIND_QUANTITY &&
		!ls->has_unit && !hs->has_unit)
	{
		if (ls->year && hs->year)
		{
			year_to_date(lo);
			year_to_date(hi);
		}
		else if (ls->year_month && hs->year_month)
		{
			year_month_to_date(lo);
			year_month_to_date(hi);
		}
	}
	if (lo->kind == PB_KIND_QUANTITY && !ls->has_unit && ls->bare_int &&
		hi->kind == PB_KIND_DATE && hi->month && !hi->day &&
		lo->digits >= 1 && lo->digits <= 12)
	{
		int			m = (int) lo->digits;

		memset(lo, 0, sizeof(*lo));
		lo->kind = PB_KIND_DATE;
		lo->year = hi->year;
		lo->month = (uint8_t) m;
	}
	if (lo->kind == PB_KIND_DATE && hi->kind == PB_KIND_DATE)
	{
		if (hi->year == 0 && lo->year != 0)
			hi->year = lo->year;
		if (hi->year == 0 && lo->year == 0 && hi->month == 0)
			return fail(sc, PB_ERR_SYNTAX, hi_pos, PB_N_("a period needs months or years"),
						PB_N_("a period such as 2021年1月-12月"));
		if (hi->day && hi->day > pb_month_days(hi->year, hi->month))
			return fail(sc, PB_ERR_SYNTAX, hi_pos, PB_N_("the day does not exist in that month"),
						PB_N_("a real date such as 2024年2月29日"));
	}
	else if (lo->kind == PB_KIND_QUANTITY && !ls->has_unit &&
			 (hi->kind == PB_KIND_PERCENT || hi->kind == PB_KIND_QUANTITY))
	{
		lo->kind = hi->kind;	/* '90-100%': the unit is written once */
		lo->pow10 = hi->pow10;
		*ls = *hs;
		ls->has_unit = hs->has_unit;
	}
	else if (hi->kind == PB_KIND_QUANTITY && !hs->has_unit &&
			 lo->kind == PB_KIND_PERCENT)
		hi->kind = PB_KIND_PERCENT;
	else if (hi->kind == PB_KIND_QUANTITY && !hs->has_unit && ls->has_unit &&
			 lo->kind == PB_KIND_QUANTITY)
	{
		hi->pow10 = lo->pow10;
		*hs = *ls;
	}

	if (lo->kind == PB_KIND_QUANTITY && hi->kind == PB_KIND_QUANTITY &&
		ls->has_unit && ls->unit_len == ls->prefix_len && hs->has_unit &&
		hs->prefix_len == ls->prefix_len &&
		memcmp(sc->s + ls->unit_off, sc->s + hs->unit_off, ls->prefix_len) == 0)
		*ls = *hs;				/* '10万-20万元': 10万元 to 20万元 */
	if (lo->kind != hi->kind ||
		(lo->kind == PB_KIND_QUANTITY && !same_unit(sc, ls, hs)))
		return fail(sc, PB_ERR_SYNTAX, hi_pos,
					PB_N_("the two ends of the range are in different units"),
					PB_N_("one unit, as in 90%-100%"));
	if (reads_as_date(sc, lo, ls) || reads_as_date(sc, hi, hs))
		return fail(sc, PB_ERR_SYNTAX, hi_pos,
					PB_N_("an end of the range would read as a date"),
					PB_N_("a period such as 2024年1月-6月, or a count such as 3-6个月"));
	if (pb_cmp_scalar(lo, hi) > 0)
		return fail(sc, PB_ERR_SYNTAX, hi_pos,
					PB_N_("the upper end of the range is below the lower end"),
					PB_N_("low to high, as in 90%-100%"));
	if (ls->has_unit)
	{
		cell->unit.off = (uint32_t) ls->unit_off;
		cell->unit.len = (uint32_t) ls->unit_len;
		cell->unit_pow10_len = ls->prefix_len;
	}
	return true;
}

/* ---------------------------------------------------------------- phrases */

/* '1:1', '3:7', '1:0.5': a ratio such as a 配套比例, kept as a phrase. */
static bool
is_ratio(const Scan *sc, size_t from)
{
	size_t		p = from;
	int			parts = 0;

	for (;;)
	{
		size_t		start = p;

		while (is_digit_at(sc, p) || (ch(sc, p) == '.' && p > start && is_digit_at(sc, p + 1)))
			p++;
		if (p == start)
			return false;
		parts++;
		if (at_end(sc, p))
			return parts >= 2;
		if (ch(sc, p) != ':')
			return false;
		p++;
	}
}

/* A qualitative phrase from 'from' to the end; rejects placeholders/damage. */
static bool
scan_phrase(Scan *sc, PbCell *cell, size_t from)
{
	size_t		p = from;
	uint32_t	prev = 0;
	size_t		prev_pos = from;
	bool		has_letter = false;
	bool		has_digit = false;

	while (p < sc->n)
	{
		int			l;
		uint32_t	cp = cp_at(sc, p, &l);

		if (cp == '*' || LIT_AT(sc, p, "××") || LIT_AT(sc, p, "XX") ||
			LIT_AT(sc, p, "xx") || cp == 0x25A1)
			return fail(sc, PB_ERR_SYNTAX, p,
						PB_N_("a template placeholder stands where the value should be"),
						PB_N_("a value such as ≥95% or 充分"));
		if (pb_is_comparator_cp(cp))
			return fail(sc, PB_ERR_SYNTAX, p,
						PB_N_("a comparator stands inside the text"),
						PB_N_("the comparator first, as in ≥95%"));
		if ((pb_is_cjk_numeral(prev) && cp >= '0' && cp <= '9') ||
			(prev >= '0' && prev <= '9' && pb_is_cjk_numeral(cp)))
			return fail(sc, PB_ERR_SYNTAX, pb_is_cjk_numeral(prev) ? prev_pos : p,
						PB_N_("a Chinese numeral is glued to the digits (damaged text)"),
						PB_N_("digits only, as in 100%"));
		if (pb_is_letter_cp(cp))
			has_letter = true;
		if (cp >= '0' && cp <= '9')
			has_digit = true;
		prev = cp;
		prev_pos = p;
		p += l;
	}
	if (from < sc->n && sc->s[from] == '%')
		return fail(sc, PB_ERR_SYNTAX, from, PB_N_("a percent sign stands before any number"),
					PB_N_("a percentage such as 99%"));
	if (!has_letter && has_digit && is_ratio(sc, from))
		has_letter = true;		/* a ratio stands for itself */
	if (!has_letter && has_digit)
		return fail(sc, PB_ERR_SYNTAX, from,
					PB_N_("the cell is not a number, percentage, date, range or phrase"),
					PB_N_("a value such as 95%, 1000元 or 90%-100%"));
	if (!has_letter)
		return fail(sc, PB_ERR_SYNTAX, from,
					PB_N_("the cell holds no value, only punctuation"),
					PB_N_("a value such as 95% or 充分; store a blank cell as NULL"));
	cell->kind = PB_KIND_QUALITATIVE;
	cell->text.off = (uint32_t) from;
	cell->text.len = (uint32_t) (sc->n - from);
	return true;
}

/* ---------------------------------------------------------------- symbols */

/*
 * Comparator written with symbols at pos; returns its bytes, 0 if none.
 * Spellings, the longest first where one is a prefix of another: >= => <=
 * =< ≥ ≤ ‹= ›= (quotation marks for < >) == = > < and the bands ± +/- +-.
 */
static size_t
match_symbol_chars(const Scan *sc, size_t pos, uint8_t *sym, bool *band)
{
	char		next = ch(sc, pos + 1);

	*band = false;
	switch (ch(sc, pos))
	{
		case '>':
			*sym = next == '=' ? PB_SYM_GE : PB_SYM_GT;
			return next == '=' ? 2 : 1;
		case '<':
			*sym = next == '=' ? PB_SYM_LE : PB_SYM_LT;
			return next == '=' ? 2 : 1;
		case '=':
			*sym = next == '>' ? PB_SYM_GE : next == '<' ? PB_SYM_LE : PB_SYM_EQ;
			return (next == '>' || next == '<' || next == '=') ? 2 : 1;
		case '+':
			if (next != '-' && !LIT_AT(sc, pos, "+/-"))
				return 0;
			*band = true;
			*sym = PB_SYM_RANGE;
			return next == '-' ? 2 : 3;
		case '\xC2':			/* ± */
			if (LIT_AT(sc, pos, "±"))
			{
				*band = true;
				*sym = PB_SYM_RANGE;
				return 2;
			}
			return 0;
		case '\xE2':			/* ≥ ≤ ‹= ›= */
			if (LIT_AT(sc, pos, "≥") || LIT_AT(sc, pos, "›="))
			{
				*sym = PB_SYM_GE;
				return LIT_AT(sc, pos, "≥") ? 3 : 4;
			}
			if (LIT_AT(sc, pos, "≤") || LIT_AT(sc, pos, "‹="))
			{
				*sym = PB_SYM_LE;
				return LIT_AT(sc, pos, "≤") ? 3 : 4;
			}
			return 0;
		default:
			return 0;
	}
}

static size_t
match_prefix_word(const Scan *sc, size_t pos, uint8_t *sym)
{
	int			l;
	const Word *w;

	/* the words' first characters: most cells start with none of them */
	switch (cp_at(sc, pos, &l))
	{
		case 0x4E0D:			/* 不 */
		case 0x5927:			/* 大 */
		case 0x9AD8:			/* 高 */
		case 0x81F3:			/* 至 */
		case 0x5C0F:			/* 小 */
		case 0x4F4E:			/* 低 */
		case 0x6700:			/* 最 */
		case 0x63A7:			/* 控 */
		case 0x8D85:			/* 超 */
		case 0x591A:			/* 多 */
		case 0x5C11:			/* 少 */
		case 0x8FBE:			/* 达 */
		case 0x7B49:			/* 等 */
			break;
		default:
			return 0;
	}
	w = word_at(sc, pos, prefix_words);
	if (w == NULL)
		return 0;
	*sym = w->sym;
	return w->len;
}

static bool
merge_symbol(Scan *sc, PbCell *cell, uint8_t sym, size_t at)
{
	if (cell->symbol == PB_SYM_NONE || cell->symbol == sym ||
		(cell->symbol == PB_SYM_EQ && sc->soft_eq))
	{
		cell->symbol = sym;		/* '达到95%以上' is ≥95% */
		return true;
	}
	return fail(sc, PB_ERR_CONTRADICTION, at, PB_N_("two comparators disagree"),
				PB_N_("one comparator, as in ≥95% or 95%以上"));
}

/* ---------------------------------------------------------------- cells */

/* Text after the value: a note, or the sign that this is really a phrase. */
typedef enum Tail
{
	TAIL_OK,
	TAIL_PHRASE,				/* digits follow: read the cell as a phrase */
	TAIL_ERROR
} Tail;

/* List punctuation or a conjunction followed by another number. */
static bool
starts_list_at(const Scan *sc, size_t p)
{
	static const Word joins[] = {
		W("、", 0), W(",", 0), W(";", 0), W("和", 0), W("及", 0), W("与", 0), W("或", 0),
		{NULL, 0, 0}
	};

	const Word *w = word_at(sc, p, joins);

	return w && is_digit_at(sc, skip_spaces(sc, p + w->len));
}

/* A comparator suffix (以上, 以内, 前 …) after the value. */
static Tail
scan_suffix(Scan *sc, PbCell *cell, size_t *pos)
{
	uint8_t		sym;
	size_t		l;

	/* '100%(含)以上': 含 restates that 以上 includes the boundary */
	if (LIT_AT(sc, *pos, "(含)") && match_suffix(sc, *pos + 5, &sym) > 0)
		*pos += 5;
	l = match_suffix(sc, *pos, &sym);

	if (l == 0)
		return TAIL_OK;
	if (cell->kind == PB_KIND_RANGE && sym == PB_SYM_LE &&
		(cell->flags & PB_F_BAND))
		;						/* ±3%以内 */
	else if (cell->kind == PB_KIND_RANGE)
	{
		fail(sc, PB_ERR_CONTRADICTION, *pos, PB_N_("a range takes no comparator"),
			 PB_N_("a range alone, as in 90%-100%"));
		return TAIL_ERROR;
	}
	else
	{
		if (!(cell->flags & PB_F_EXPLICIT))
			cell->flags |= PB_F_SUFFIX;
		if (!merge_symbol(sc, cell, sym, *pos))
			return TAIL_ERROR;
	}
	cell->flags |= PB_F_EXPLICIT;
	*pos = skip_spaces(sc, *pos + l);
	return TAIL_OK;
}

/*
 * Text after the value: a comparator suffix, then a note kept as written.
 * A note may not begin with what would change the value's meaning (a unit,
 * a second comparator, a range separator); digits after the value mean the
 * cell is a sentence, read as a phrase.
 */
static Tail
scan_tail(Scan *sc, PbCell *cell, bool is_date)
{
	size_t		p = skip_spaces(sc, sc->pos);
	bool		spaced = p > sc->pos;
	size_t		start = p;
	uint8_t		sym;
	size_t		l;
	int			cl;
	uint32_t	cp;

	if (scan_suffix(sc, cell, &p) == TAIL_ERROR)
		return TAIL_ERROR;
	if (p != start)
		spaced = false;
	while (is_date && (l = match_completion(sc, p)) > 0)
	{
		/* '12月底到位', '12月底完成': done by then, a deadline */
		if (cell->symbol == PB_SYM_NONE || (cell->symbol == PB_SYM_EQ && sc->soft_eq))
		{
			if (!(cell->flags & PB_F_EXPLICIT))
				cell->flags |= PB_F_SUFFIX;
			cell->symbol = PB_SYM_LE;
			cell->flags |= PB_F_EXPLICIT;
		}
		p = skip_spaces(sc, p + l);
	}
	if (at_end(sc, p))
		return TAIL_OK;

	cp = cp_at(sc, p, &cl);
	if (match_suffix(sc, p, &sym) > 0 ||
		(LIT_AT(sc, p, "(含)") && match_suffix(sc, p + 5, &sym) > 0))
	{
		fail(sc, PB_ERR_CONTRADICTION, p, PB_N_("a second comparator follows the value"),
			 PB_N_("one comparator, as in 95%以上"));
		return TAIL_ERROR;
	}
	if (cp >= '0' && cp <= '9')
		return TAIL_PHRASE;
	if (is_range_sep_at(sc, p, &l))
	{
		if (!at_end(sc, skip_spaces(sc, p + l)))
			return TAIL_PHRASE;	/* '2020年至今' */
		fail(sc, PB_ERR_SYNTAX, p + l, PB_N_("the upper end of the range is missing"),
			 PB_N_("both ends, as in 90%-100%"));
		return TAIL_ERROR;
	}
	if (starts_list_at(sc, p) || (cp == ':' && is_digit_at(sc, p + 1)))
		return TAIL_PHRASE;		/* '1个中心、3个站点': a sentence; '1:1': a ratio */
	if (is_date && (LIT_AT(sc, p, "底") || LIT_AT(sc, p, "末") || LIT_AT(sc, p, "年") ||
					LIT_AT(sc, p, "月") || LIT_AT(sc, p, "日") || LIT_AT(sc, p, "号")))
	{
		/* written right after the date it would become part of it */
		fail(sc, PB_ERR_SYNTAX, p, PB_N_("unexpected date word after the value"),
			 PB_N_("a date such as 2024年12月底"));
		return TAIL_ERROR;
	}
	if (cp == ',' || cp == ';' || cp == 0x3001 || cp == 0xFF0C || cp == 0xFF1B)
	{
		int			l2;
		size_t		q = skip_spaces(sc, p + cl);
		uint32_t	next = cp_at(sc, q, &l2);

		/* '≥95%；': a separator that closes the cell says nothing; dropped */
		if (at_end(sc, q))
			return TAIL_OK;
		if (!pb_is_letter_cp(next) && next != '(')
		{
			fail(sc, PB_ERR_SYNTAX, p, PB_N_("unexpected punctuation after the value"),
				 PB_N_("a value followed at most by a note, as in ≥62%(2022年:61%)"));
			return TAIL_ERROR;
		}
	}
	else if (LIT_AT(sc, p, "百分比") || (cp < 0x80 && cp != '(' && !pb_is_letter_cp(cp)) ||
			 cp == 0x00B1 || pb_is_comparator_cp(cp))
	{
		fail(sc, PB_ERR_SYNTAX, p, PB_N_("unexpected character after the value"),
			 PB_N_("a value followed at most by a note, as in ≥62%(2022年:61%)"));
		return TAIL_ERROR;
	}
	cell->note.off = (uint32_t) p;
	cell->note.len = (uint32_t) (sc->n - p);
	if (spaced)
		cell->flags |= PB_F_NOTE_SPACE;
	return TAIL_OK;
}

/*
 * '2024年1-6月': months of one year, once the year has been read.  Returns 1
 * when read, 0 when the text has another shape, -1 on an error.
 */
static int
scan_month_period(Scan *sc, PbCell *cell)
{
	size_t		p = skip_spaces(sc, sc->pos);
	int			m1;
	int			m2;
	int			k1 = pb_small_int_at(sc, p, &m1);
	size_t		sep;
	size_t		q;
	int			k2;

	if (k1 == 0 || !is_range_sep_at(sc, skip_spaces(sc, p + k1), &sep))
		return 0;
	q = skip_spaces(sc, skip_spaces(sc, p + k1) + sep);
	k2 = pb_small_int_at(sc, q, &m2);
	if (k2 == 0 || !LIT_AT(sc, skip_spaces(sc, q + k2), "月"))
		return 0;
	cell->hi = cell->lo;
	if (!pb_set_month(sc, &cell->lo, m1, p) || !pb_set_month(sc, &cell->hi, m2, q))
		return -1;
	if (m1 > m2)
		return fail(sc, PB_ERR_SYNTAX, q, PB_N_("the upper end of the range is below the lower end"),
					PB_N_("low to high, as in 2024年1-6月")) ? 1 : -1;
	cell->kind = PB_KIND_RANGE;
	if (cell->symbol != PB_SYM_NONE && cell->symbol != PB_SYM_EQ &&
		cell->symbol != PB_SYM_QUAL)
		return fail(sc, PB_ERR_CONTRADICTION, 0, PB_N_("a range takes no comparator"),
					PB_N_("a range alone, as in 90%-100%")) ? 1 : -1;
	if (cell->symbol == PB_SYM_EQ)
		cell->symbol = PB_SYM_NONE;
	sc->pos = skip_spaces(sc, q + k2) + 3;
	return pb_scan_day_part(sc, &cell->hi) ? 1 : -1;	/* '2024年1-6月底' */
}

/* The value part: range, band or scalar, then its tail. */
static Tail
scan_value(Scan *sc, PbCell *cell, bool band)
{
	Shape		ls;
	Shape		hs;
	size_t		sep = 0;
	size_t		p;

	if (!scan_scalar(sc, &cell->lo, &ls))
		return TAIL_ERROR;
	cell->kind = cell->lo.kind;
	if (ls.has_unit)
	{
		cell->unit.off = (uint32_t) ls.unit_off;
		cell->unit.len = (uint32_t) ls.unit_len;
		cell->unit_pow10_len = ls.prefix_len;
	}

	if (band)
	{
		if (cell->lo.kind == PB_KIND_DATE || cell->lo.digits < 0)
		{
			fail(sc, PB_ERR_SYNTAX, sc->pos, PB_N_("± needs a positive number"),
				 PB_N_("a band such as ±3%"));
			return TAIL_ERROR;
		}
		cell->hi = cell->lo;
		cell->lo.digits = -cell->lo.digits;
		cell->kind = PB_KIND_RANGE;
		cell->flags |= PB_F_BAND;
		return scan_tail(sc, cell, false);
	}

	p = skip_spaces(sc, sc->pos);
	if (cell->lo.kind == PB_KIND_DATE && cell->lo.month == 0 && cell->lo.year &&
		is_digit_at(sc, p))
	{
		int			r = scan_month_period(sc, cell);

		if (r != 0)
			return r > 0 ? scan_tail(sc, cell, true) : TAIL_ERROR;
	}
	if (is_range_sep_at(sc, p, &sep) && sep == 2 && ch(sc, p) == '-' &&
		cell->lo.kind != PB_KIND_DATE && cell->lo.digits < 0)
		sep = 1;				/* '-10%--5%': -10% to -5% */
	if (sep_or_zero(sc, p, &sep) && starts_scalar(sc, skip_spaces(sc, p + sep)))
	{
		size_t		hi_pos = skip_spaces(sc, p + sep);

		sc->pos = hi_pos;
		if (!scan_scalar(sc, &cell->hi, &hs))
			return TAIL_ERROR;
		if (!unify_range(sc, cell, &ls, &hs, hi_pos))
			return TAIL_ERROR;
		cell->kind = PB_KIND_RANGE;
		if (cell->symbol != PB_SYM_NONE && cell->symbol != PB_SYM_EQ &&
			cell->symbol != PB_SYM_QUAL)
		{
			/*
			 * Unless digits follow and the cell is a sentence ('≤5-5--2021年…',
			 * which a comparator cell and a phrase print as), a range takes no
			 * comparator.
			 */
			Tail		t = scan_tail(sc, cell, cell->lo.kind == PB_KIND_DATE);

			if (t != TAIL_OK)
				return t;
			fail(sc, PB_ERR_CONTRADICTION, 0, PB_N_("a range takes no comparator"),
				 PB_N_("a range alone, as in 90%-100%"));
			return TAIL_ERROR;
		}
		if (cell->symbol == PB_SYM_EQ)
			cell->symbol = PB_SYM_NONE;
	}
	return scan_tail(sc, cell, cell->lo.kind == PB_KIND_DATE);
}

static void
default_symbol(PbCell *cell)
{
	if (cell->kind == PB_KIND_RANGE)
	{
		if (cell->symbol != PB_SYM_QUAL)
			cell->symbol = PB_SYM_RANGE;
	}
	else if (cell->symbol == PB_SYM_NONE)
		cell->symbol = cell->kind == PB_KIND_QUALITATIVE ? PB_SYM_QUAL : PB_SYM_EQ;
}

/* Reset the parts a failed value attempt may have filled. */
static void
reset_value(PbCell *cell, uint8_t sym, uint8_t flags)
{
	memset(cell, 0, sizeof(*cell));
	cell->symbol = sym;
	cell->flags = flags;
}

/*
 * A measurable value under 定性 keeps its own comparator as its sense
 * (PB_F_SENSE) and takes 定性 as its symbol: the form says 定性 and 量化率
 * counts it so, while perf_met still knows that '6月底前' is a deadline.
 */
static void
absorb_qual(PbCell *cell)
{
	uint8_t		sense = 0;

	if (cell->symbol == PB_SYM_QUAL)
		return;					/* already under 定性, its sense kept */
	if ((cell->kind == PB_KIND_PERCENT || cell->kind == PB_KIND_QUANTITY ||
		 cell->kind == PB_KIND_DATE) && (cell->flags & PB_F_EXPLICIT) &&
		cell->symbol >= PB_SYM_EQ && cell->symbol <= PB_SYM_LT)
		sense = cell->symbol;
	cell->symbol = PB_SYM_QUAL;
	cell->flags = (uint8_t) ((cell->flags & ~PB_F_SENSE) | PB_F_EXPLICIT |
							 (sense << PB_F_SENSE_SHIFT));
}

uint8_t
pb_cell_effective_sense(const PbCell *c)
{
	uint8_t		s = pb_cell_sense(c);

	if (c->symbol != PB_SYM_QUAL)
		return c->symbol;
	if (s != 0)
		return s;
	switch (c->kind)
	{
		case PB_KIND_DATE:
			return PB_SYM_LE;	/* a deadline: met on or before it */
		case PB_KIND_PERCENT:
		case PB_KIND_QUANTITY:
			return PB_SYM_GE;	/* reached, as 达到 reads */
		case PB_KIND_RANGE:
			return PB_SYM_RANGE;
		default:
			return PB_SYM_QUAL;
	}
}

static bool parse_folded(Scan *sc, PbCell *cell, bool allow_qual);

static size_t
match_year_word(const Scan *sc, size_t pos)
{
	int			l;
	uint32_t	cp = cp_at(sc, pos, &l);
	const Word *w;

	/* 每 当 本: most cells start with none of them */
	if (cp != 0x6BCF && cp != 0x5F53 && cp != 0x672C)
		return 0;
	w = word_at(sc, pos, year_words);
	return w ? w->len : 0;
}

static bool
is_date_without_year(const PbCell *cell)
{
	if (cell->kind == PB_KIND_DATE)
		return cell->lo.year == 0;
	return cell->kind == PB_KIND_RANGE && cell->lo.kind == PB_KIND_DATE &&
		cell->lo.year == 0 && cell->hi.year == 0;
}

/*
 * '每年12月底前', '当年6月30日前': a year word, then a date that names no
 * year, is that date: 1.  0, the cell and the error untouched, when the rest
 * reads as anything else ('每年2次' stays a phrase).  -1 when the rest is a
 * date the comparator contradicts ('<本年6月前'): an error, as '<6月前' is —
 * read as a phrase, its value alone would read back as a date.
 */
static int
scan_after_year_word(Scan *sc, PbCell *cell, size_t core, uint8_t sym, uint8_t flags)
{
	size_t		l = match_year_word(sc, core);
	PbCell		saved_cell = *cell;
	PbError		saved_err = *sc->err;
	Tail		t;

	if (l == 0 || !starts_scalar(sc, skip_spaces(sc, core + l)))
		return 0;
	sc->pos = skip_spaces(sc, core + l);
	t = scan_value(sc, cell, false);
	if (t == TAIL_OK && is_date_without_year(cell))
		return 1;
	if (t == TAIL_ERROR && sc->err->status == PB_ERR_CONTRADICTION)
		return -1;
	*cell = saved_cell;
	*sc->err = saved_err;
	reset_value(cell, sym, flags);
	return 0;
}

/* Does '定性' stand at p as a written comparator ('定性 100%', '定性:100%')? */
static bool
qual_prefix_at(const Scan *sc, size_t p)
{
	return LIT_AT(sc, p, "定性") && (LIT_AT(sc, p + 6, " ") || LIT_AT(sc, p + 6, ":"));
}

/*
 * '定性 6月底前': the rest of the cell is read as a cell of its own (any
 * value, with any comparator of its own), then put under 定性.
 */
static bool
parse_under_qual(Scan *sc, PbCell *cell, size_t q)
{
	Scan		sub = *sc;

	if (qual_prefix_at(sc, q))
		return fail(sc, PB_ERR_SYNTAX, q, PB_N_("a second comparator follows the first"),
					PB_N_("one comparator, as in 定性 12月底前"));
	sub.s = sc->s + q;
	sub.n = sc->n - q;
	sub.pos = 0;
	sub.soft_eq = false;
	if (!parse_folded(&sub, cell, false))
	{
		sc->err->pos += q;
		return false;
	}
	cell->unit.off += (uint32_t) q;
	cell->text.off += (uint32_t) q;
	cell->note.off += (uint32_t) q;
	absorb_qual(cell);
	return true;
}

static bool
parse_folded(Scan *sc, PbCell *cell, bool allow_qual)
{
	size_t		p = 0;
	uint8_t		sym = PB_SYM_NONE;
	bool		band = false;
	size_t		l;
	size_t		core;
	uint8_t		flags = 0;
	uint8_t		wsym;
	bool		word = false;
	Tail		t;

	reset_value(cell, PB_SYM_NONE, 0);
	if (sc->n == 0)
		return fail(sc, PB_ERR_SYNTAX, 0, PB_N_("the cell is empty"),
					PB_N_("a value such as ≥95% or 充分; store a blank cell as NULL"));

	if (allow_qual && qual_prefix_at(sc, 0))
	{
		/* '定性 100%': the symbol written before a value */
		size_t		q = skip_spaces(sc, 6);

		if (LIT_AT(sc, q, ":"))
			q = skip_spaces(sc, q + 1);
		if (!at_end(sc, q))
			return parse_under_qual(sc, cell, q);
	}
	l = match_symbol_chars(sc, p, &sym, &band);
	if (l > 0)
	{
		flags = PB_F_EXPLICIT;
		p = skip_spaces(sc, l);
		if (at_end(sc, p))
			return fail(sc, PB_ERR_SYNTAX, p, PB_N_("a value is missing after the comparator"),
						PB_N_("a comparator and a value, as in ≥95%"));
		if (band && !starts_scalar(sc, p))
			return fail(sc, PB_ERR_SYNTAX, p, PB_N_("± needs a number"),
						PB_N_("a band such as ±3%"));
		if ((!band && match_symbol_chars(sc, p, &wsym, &band)) || qual_prefix_at(sc, p))
			return fail(sc, PB_ERR_SYNTAX, p, PB_N_("a second comparator follows the first"),
						PB_N_("one comparator, as in ≥95%"));
		if (!band && (l = match_prefix_word(sc, p, &wsym)) > 0 &&
			starts_scalar(sc, skip_spaces(sc, p + l)))
		{
			/* '=达到30', '≥不低于95%': the word restates the symbol */
			if (wsym != sym && wsym != PB_SYM_EQ)
				return fail(sc, PB_ERR_CONTRADICTION, p, PB_N_("two comparators disagree"),
							PB_N_("one comparator, as in ≥95%"));
			p = skip_spaces(sc, p + l);
		}
	}
	else if ((l = match_prefix_word(sc, 0, &sym)) > 0 &&
			 starts_scalar(sc, skip_spaces(sc, l)))
	{
		word = true;
		sc->soft_eq = (sym == PB_SYM_EQ);
		/* 达到/等于 restate the default '=': a comparator cell may still set one */
		flags = sc->soft_eq ? 0 : PB_F_EXPLICIT;
		p = skip_spaces(sc, l);
	}
	else
		sym = PB_SYM_NONE;

	core = p;
	reset_value(cell, band ? PB_SYM_NONE : sym, flags);
	if (!band)
	{
		int			y = scan_after_year_word(sc, cell, core, sym, flags);

		if (y < 0)
			return false;
		if (y > 0)
		{
			default_symbol(cell);
			return true;
		}
	}
	if (starts_scalar(sc, core))
	{
		sc->pos = core;
		t = scan_value(sc, cell, band);
		if (t == TAIL_ERROR && sym != PB_SYM_NONE && !band)
		{
			/*
			 * A comparator cell with a sentence prints as '=0内28-2': when the
			 * text after the comparator, read alone, is a sentence, it is that
			 * sentence with the comparator, as the two cells said.
			 */
			PbError		saved = *sc->err;
			bool		soft = sc->soft_eq;

			reset_value(cell, PB_SYM_NONE, 0);
			sc->pos = core;
			sc->soft_eq = false;
			t = scan_value(sc, cell, false);
			sc->soft_eq = soft;
			if (t != TAIL_PHRASE)
			{
				*sc->err = saved;
				return false;
			}
		}
		if (t == TAIL_ERROR)
			return false;
		if (t == TAIL_OK)
		{
			default_symbol(cell);
			return true;
		}
		if (band)
			return fail(sc, PB_ERR_SYNTAX, sc->pos, PB_N_("unexpected text after the band"),
						PB_N_("a band such as ±3%以内"));
		/*
		 * Digits after the value: a sentence such as '1个中心、3个站点建成'.
		 * A word comparator then belongs to the sentence too.
		 */
		if (flags == 0 || word)
		{
			core = 0;
			sym = PB_SYM_NONE;
			flags = 0;
		}
		reset_value(cell, sym, flags);
	}
	if (!scan_phrase(sc, cell, core))
		return false;
	default_symbol(cell);
	return true;
}

/*
 * Is the cell a phrase of CJK ideographs alone (U+4000–U+9FFF, three bytes
 * led by E4–E9), as most qualitative targets are ('合理', '及时高效')?  Such a
 * cell folds to itself, holds no comparator, digit, space or placeholder,
 * and every character is a letter: the scanner would read it as a phrase,
 * whole.  Only 年底/年末 make a value of ideographs ('年底', '不低于年底'):
 * a cell holding them takes the long way.
 */
static bool
is_ideograph_phrase(const char *in, size_t len)
{
	const unsigned char *p = (const unsigned char *) in;

	if (len == 0 || len % 3 != 0)
		return false;
	for (size_t i = 0; i < len; i += 3)
	{
		if (p[i] < 0xE4 || p[i] > 0xE9 ||
			(p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80)
			return false;
		/* 年 (E5 B9 B4) then 底 (E5 BA 95) or 末 (E6 9C AB) */
		if (p[i] == 0xE5 && p[i + 1] == 0xB9 && p[i + 2] == 0xB4 && i + 6 <= len &&
			((p[i + 3] == 0xE5 && p[i + 4] == 0xBA && p[i + 5] == 0x95) ||
			 (p[i + 3] == 0xE6 && p[i + 4] == 0x9C && p[i + 5] == 0xAB)))
			return false;
	}
	return true;
}

/*
 * A plain number or percentage with at most a comparator written in symbols
 * before it ('=100%', '≥95%', '97.30%', '≤7'): no space, sign, comma, unit,
 * suffix or note, at most 15 digits.  Such a cell folds to itself and the
 * scanner reads it as one scalar with the written comparator (or none); it
 * is read here directly.  Returns false, having written nothing, for any
 * other cell.
 */
static bool
parse_plain_number(const char *in, size_t len, char *out, PbCell *cell)
{
	Scan		sc = {in, len, 0, NULL, false};
	uint8_t		sym = PB_SYM_NONE;
	bool		band = false;
	size_t		p = match_symbol_chars(&sc, 0, &sym, &band);
	size_t		digits_at = p;
	uint64_t	v = 0;
	int			scale = 0;
	bool		percent = false;

	if (band || len - p > 17)
		return false;
	while (p < len && in[p] >= '0' && in[p] <= '9')
		v = v * 10 + (uint64_t) (in[p++] - '0');
	if (p == digits_at)
		return false;
	if (p < len && in[p] == '.')
	{
		size_t		point = ++p;

		while (p < len && in[p] >= '0' && in[p] <= '9')
			v = v * 10 + (uint64_t) (in[p++] - '0');
		scale = (int) (p - point);
		if (scale == 0)
			return false;
	}
	if (p < len && in[p] == '%')
	{
		percent = true;
		p++;
	}
	if (p != len)
		return false;
	memcpy(out, in, len);
	reset_value(cell, sym == PB_SYM_NONE ? PB_SYM_EQ : sym,
				sym == PB_SYM_NONE ? 0 : PB_F_EXPLICIT);
	cell->kind = percent ? PB_KIND_PERCENT : PB_KIND_QUANTITY;
	cell->lo.kind = cell->kind;
	cell->lo.scale = (uint8_t) scale;
	cell->lo.digits = (int64_t) v;
	return true;
}

bool
pb_parse_cell(const char *in, size_t len, char *out, PbCell *cell, PbError *err)
{
	Scan		sc;
	size_t		n = 0;
	size_t		bad = 0;

	memset(err, 0, sizeof(*err));
	if (len > PB_MAX_INPUT)
	{
		/* position 0: the byte at the limit may be inside a character */
		err->status = PB_ERR_SYNTAX;
		err->pos = 0;
		err->reason = PB_N_("the cell is longer than 61440 bytes");
		err->expected = PB_N_("a cell of at most 60000 bytes of text");
		return false;
	}
	/* the common shapes first, told apart by their first byte */
	if (len > 0 && len <= 20 && ((unsigned char) in[0] < 0x80 || in[0] == '\xE2') &&
		parse_plain_number(in, len, out, cell))
		return true;
	if (len <= PB_MAX_TEXT && is_ideograph_phrase(in, len))
	{
		memcpy(out, in, len);
		reset_value(cell, PB_SYM_QUAL, 0);
		cell->kind = PB_KIND_QUALITATIVE;
		cell->text.len = (uint32_t) len;
		return true;
	}
	if (!pb_fold_text(in, len, out, &n, (size_t) -1, NULL, &bad, false))
	{
		err->status = PB_ERR_SYNTAX;
		err->pos = bad;
		err->reason = PB_N_("the text is not valid UTF-8 or holds a control character");
		err->expected = PB_N_("UTF-8 text without control characters");
		return false;
	}
	sc.s = out;
	sc.n = n;
	sc.pos = 0;
	sc.err = err;
	sc.soft_eq = false;
	if (parse_folded(&sc, cell, true))
	{
		/* what is kept must fit, with its canonical text, under the input limit */
		if ((size_t) cell->text.len + cell->note.len <= PB_MAX_TEXT)
			return true;
		err->status = PB_ERR_SYNTAX;
		err->pos = 0;
		err->reason = PB_N_("the text of the cell is longer than 60000 bytes");
		err->expected = PB_N_("a cell of at most 60000 bytes of text");
		return false;
	}

	/* map the folded position back to the caller's bytes */
	{
		size_t		m = 0;
		size_t		in_at = 0;

		if (!pb_fold_text(in, len, out, &m, err->pos, &in_at, &bad, false))
			in_at = 0;
		err->pos = in_at;
	}
	return false;
}

/* ---------------------------------------------------------------- symbol cell */

bool
pb_parse_symbol(const char *in, size_t len, PbSymbol *symbol, bool *band,
				PbError *err)
{
	char		buf[64];
	Scan		sc;
	size_t		n = 0;
	size_t		bad = 0;
	uint8_t		sym = PB_SYM_NONE;
	size_t		l;
	const Word *w;
	static const Word named[] = {
		W("定性指标", PB_SYM_QUAL), W("定性", PB_SYM_QUAL),
		W("定量指标", PB_SYM_QUANT), W("定量", PB_SYM_QUANT),
		W("区间", PB_SYM_RANGE), W("范围", PB_SYM_RANGE),
		W("正向指标", PB_SYM_POSITIVE), W("正向", PB_SYM_POSITIVE),
		W("反向指标", PB_SYM_REVERSE), W("反向", PB_SYM_REVERSE),
		W("以上", PB_SYM_GE), W("以下", PB_SYM_LE), W("以内", PB_SYM_LE),
		{NULL, 0, 0}
	};
	/* after folding: － is -, ／ is / */
	static const Word no_comparator[] = {
		W("/", 0), W("\\", 0), W("-", 0), W("--", 0), W("—", 0), W("——", 0), W("–", 0),
		W("无", 0), {NULL, 0, 0}
	};

	memset(err, 0, sizeof(*err));
	*band = false;
	*symbol = PB_SYM_NONE;
	err->status = PB_ERR_SYNTAX;
	err->expected = PB_N_("one of = ≥ ≤ > < ± 定性 定量 正向 反向, or a blank cell");
	if (len >= sizeof(buf))
	{
		err->reason = PB_N_("the comparator cell is too long");
		return false;
	}
	if (!pb_fold_text(in, len, buf, &n, (size_t) -1, NULL, &bad, false))
	{
		err->pos = bad;
		err->reason = PB_N_("the text is not valid UTF-8 or holds a control character");
		return false;
	}
	if (n == 0)
	{
		err->status = PB_OK;
		return true;
	}
	sc.s = buf;
	sc.n = n;
	sc.pos = 0;
	sc.err = err;

	if (whole_word(buf, n, no_comparator))
	{
		/* a dash or slash where nothing applies: as a blank cell */
		err->status = PB_OK;
		return true;
	}
	l = match_symbol_chars(&sc, 0, &sym, band);
	/* '≥=': the symbol, then the '=' of the >= it stands for */
	if (l > 0 && l + 1 == n && buf[l] == '=' && (sym == PB_SYM_GE || sym == PB_SYM_LE) &&
		buf[0] == '\xE2')
		l = n;
	if (l == 0 && (w = whole_word(buf, n, named)) != NULL)
	{
		sym = w->sym;
		l = n;
	}
	if (l == 0)
		l = match_prefix_word(&sc, 0, &sym);
	if (l == 0 || l != n)
	{
		err->pos = l;
		err->reason = PB_N_("not a comparator");
		return false;
	}
	*symbol = (PbSymbol) sym;
	err->status = PB_OK;
	return true;
}

/* Does a comparator written in the value agree with 正向 (positive) or 反向? */
static bool
agrees_with_direction(uint8_t written, PbSymbol dir)
{
	if (dir == PB_SYM_POSITIVE)
		return written == PB_SYM_GE || written == PB_SYM_GT || written == PB_SYM_EQ;
	return written == PB_SYM_LE || written == PB_SYM_LT;
}

bool
pb_apply_symbol(PbCell *cell, PbSymbol sym, bool band, PbError *err)
{
	bool		explicit_sym = (cell->flags & PB_F_EXPLICIT) != 0;

	memset(err, 0, sizeof(*err));
	err->status = PB_ERR_CONTRADICTION;
	err->expected = PB_N_("a value that agrees with the comparator cell");
	if (band)
	{
		if (cell->kind == PB_KIND_RANGE && (cell->flags & PB_F_BAND) &&
			cell->symbol != PB_SYM_QUAL)
			return true;
		if ((cell->kind != PB_KIND_PERCENT && cell->kind != PB_KIND_QUANTITY) ||
			cell->lo.digits < 0 ||
			(explicit_sym && !(cell->symbol == PB_SYM_LE && (cell->flags & PB_F_SUFFIX))))
		{
			err->reason = PB_N_("A ± band needs a plain positive number or percentage");
			return false;
		}
		cell->hi = cell->lo;
		cell->lo.digits = -cell->lo.digits;
		cell->kind = PB_KIND_RANGE;
		cell->symbol = PB_SYM_RANGE;
		cell->flags |= PB_F_BAND | PB_F_EXPLICIT;
		return true;
	}
	switch (sym)
	{
		case PB_SYM_NONE:
			break;
		case PB_SYM_QUAL:
			/* never refused: a measurable value keeps its own sense */
			absorb_qual(cell);
			break;
		case PB_SYM_QUANT:
			if (cell->kind == PB_KIND_QUALITATIVE)
			{
				err->reason = PB_N_("The 计算符号 cell says 定量 but the value is a phrase, not a number, percentage, date or range");
				return false;
			}
			if (cell->symbol == PB_SYM_QUAL)
			{
				err->reason = PB_N_("The 计算符号 cell says 定量 but the value says 定性");
				return false;
			}
			break;				/* the value's own comparator, '=' by default */
		case PB_SYM_POSITIVE:
		case PB_SYM_REVERSE:
			if (cell->kind == PB_KIND_RANGE || cell->kind == PB_KIND_QUALITATIVE)
				break;			/* a range or a phrase has no direction */
			if (explicit_sym)
			{
				if (!agrees_with_direction(cell->symbol, sym))
				{
					err->reason = sym == PB_SYM_POSITIVE
						? PB_N_("The 计算符号 cell says 正向 (≥) but the value has another comparator")
						: PB_N_("The 计算符号 cell says 反向 (≤) but the value has another comparator");
					return false;
				}
				break;
			}
			cell->symbol = sym == PB_SYM_POSITIVE ? PB_SYM_GE : PB_SYM_LE;
			cell->flags |= PB_F_EXPLICIT;
			break;
		case PB_SYM_RANGE:
			if (cell->kind != PB_KIND_RANGE)
			{
				err->reason = PB_N_("The 计算符号 cell says 区间 but the value is not a range");
				return false;
			}
			if (cell->symbol == PB_SYM_QUAL)
			{
				err->reason = PB_N_("The 计算符号 cell says 区间 but the value says 定性");
				return false;
			}
			break;
		case PB_SYM_EQ:
			if (cell->kind == PB_KIND_RANGE && cell->symbol != PB_SYM_QUAL)
				break;			/* '=' with a range: in the range */
			/* FALLTHROUGH */
		default:
			if (cell->kind == PB_KIND_RANGE)
			{
				err->reason = PB_N_("A range takes no comparator");
				return false;
			}
			if (explicit_sym && cell->symbol != sym)
			{
				err->reason = PB_N_("The 计算符号 cell and the comparator written in the value disagree");
				return false;
			}
			cell->symbol = (uint8_t) sym;
			cell->flags |= PB_F_EXPLICIT;
			break;
	}
	err->status = PB_OK;
	err->expected = NULL;
	return true;
}

const char *
pb_symbol_name(PbSymbol sym)
{
	switch (sym)
	{
		case PB_SYM_EQ:
			return "=";
		case PB_SYM_GE:
			return "≥";
		case PB_SYM_LE:
			return "≤";
		case PB_SYM_GT:
			return ">";
		case PB_SYM_LT:
			return "<";
		case PB_SYM_QUAL:
			return "定性";
		case PB_SYM_RANGE:
			return "区间";
		case PB_SYM_POSITIVE:
			return "正向";
		case PB_SYM_REVERSE:
			return "反向";
		case PB_SYM_QUANT:
			return "定量";
		default:
			return "";
	}
}

const char *
pb_kind_name(PbKind kind)
{
	switch (kind)
	{
		case PB_KIND_PERCENT:
			return "percent";
		case PB_KIND_QUANTITY:
			return "quantity";
		case PB_KIND_DATE:
			return "date";
		case PB_KIND_RANGE:
			return "range";
		case PB_KIND_QUALITATIVE:
			return "qualitative";
		default:
			return "";
	}
}
