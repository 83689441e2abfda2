/*
 * perf_scan.h — internal to the cell scanner (perf_parse.c, perf_date.c,
 * perf_text.c): the scan state, its small inline helpers (character tests,
 * literal matching) and the functions the three files share.  Not for the
 * server glue, which uses perf_core.h.
 */
#ifndef PERF_SCAN_H
#define PERF_SCAN_H

#include <string.h>

#include "perf_core.h"

/* The folded text being scanned and where the scanner is. */
typedef struct Scan
{
	const char *s;				/* folded text */
	size_t		n;
	size_t		pos;
	PbError    *err;
	bool		soft_eq;		/* '=' came from 达到/等于: a suffix may refine it */
} Scan;

/* ---- perf_text.c: characters and folding */
extern size_t pb_utf8_encode(uint32_t cp, char *dst);
extern bool pb_is_space_cp(uint32_t cp);
extern bool pb_is_cjk_cp(uint32_t cp);
extern uint32_t pb_fold_cp(uint32_t cp);
extern bool pb_fold_text(const char *in, size_t len, char *out, size_t *outlen,
						 size_t stop_at, size_t *in_at, size_t *bad, bool keep_chars);

/* ---- perf_date.c: dates */
extern int	pb_small_int_at(const Scan *sc, size_t p, int *val);
extern bool pb_set_day(Scan *sc, PbScalar *d, int day, size_t at);
extern bool pb_set_month(Scan *sc, PbScalar *d, int month, size_t at);
extern bool pb_scan_day_part(Scan *sc, PbScalar *d);
extern bool pb_scan_after_year(Scan *sc, PbScalar *d);
extern int	pb_scan_numeric_date(Scan *sc, PbScalar *d, size_t p);

/* ---- perf_parse.c: does the value end at pos? */
extern bool pb_ends_value_at(const Scan *sc, size_t pos);

/* ---------------------------------------------------------------- characters */

/*
 * The character tests the scanner makes at every position are inline here:
 * called across the module they cost more than they do (the call goes
 * through the PLT of the shared library).
 */

/* Decode one UTF-8 sequence; returns its length, or 0 when invalid. */
static inline int
pb_utf8_decode(const unsigned char *p, size_t avail, uint32_t *cp)
{
	unsigned char c = p[0];

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xE0 && c <= 0xEF && avail >= 3 &&
		(p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
	{
		*cp = ((uint32_t) (c & 0x0F) << 12) | ((uint32_t) (p[1] & 0x3F) << 6) |
			(p[2] & 0x3F);
		if (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF))
			return 0;
		return 3;
	}
	if (c >= 0xC2 && c <= 0xDF && avail >= 2 && (p[1] & 0xC0) == 0x80)
	{
		*cp = ((uint32_t) (c & 0x1F) << 6) | (p[1] & 0x3F);
		return 2;
	}
	if (c >= 0xF0 && c <= 0xF4 && avail >= 4 && (p[1] & 0xC0) == 0x80 &&
		(p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80)
	{
		*cp = ((uint32_t) (c & 0x07) << 18) | ((uint32_t) (p[1] & 0x3F) << 12) |
			((uint32_t) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
		if (*cp < 0x10000 || *cp > 0x10FFFF)
			return 0;
		return 4;
	}
	return 0;
}

/* Chinese numerals that OCR glues to Arabic digits ('二100'). */
static inline bool
pb_is_cjk_numeral(uint32_t cp)
{
	switch (cp)
	{
		case 0x3007:			/* 〇 */
		case 0x4E00:			/* 一 */
		case 0x4E8C:			/* 二 */
		case 0x4E09:			/* 三 */
		case 0x56DB:			/* 四 */
		case 0x4E94:			/* 五 */
		case 0x516D:			/* 六 */
		case 0x4E03:			/* 七 */
		case 0x516B:			/* 八 */
		case 0x4E5D:			/* 九 */
		case 0x4E24:			/* 两 */
			return true;
		default:
			return false;
	}
}

/* A letter of any script: ASCII, Latin, Greek, Cyrillic, CJK …, not a sign. */
static inline bool
pb_is_letter_cp(uint32_t cp)
{
	if (cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return false;
	return !((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
			 (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFFEF));
}

static inline bool
pb_is_comparator_cp(uint32_t cp)
{
	return cp == '<' || cp == '>' || cp == '=' || cp == 0x2265 || cp == 0x2264;
}

/* May this code point be part of a unit ('元/人·月', 'km', '人次')? */
static inline bool
pb_is_unit_cp(uint32_t cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return true;
	if (cp == '/' || cp == 0x00B7 || cp == 0x30FB || cp == 0x2022 || cp == 0x2030 ||
		cp == 0x00B2 || cp == 0x00B3 || cp == 0x2103)
		return true;			/* / · ・ • ‰ ² ³ ℃ */
	if (cp < 0x80)
		return false;
	/* CJK punctuation and brackets end a unit */
	if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
		(cp >= 0x2010 && cp <= 0x206F) || cp == 0x2264 || cp == 0x2265 ||
		cp == 0x00B1 || cp == 0x00D7)
		return false;
	return !pb_is_cjk_numeral(cp);
}

/* ---------------------------------------------------------------- errors */

static inline bool
fail(Scan *sc, PbStatus st, size_t pos, const char *reason, const char *expected)
{
	sc->err->status = st;
	sc->err->pos = pos;
	/*
	 * English, marked PB_N_ where written: translated where an error is
	 * raised, not here, since perf_input_error() (IMMUTABLE) returns it.
	 */
	sc->err->reason = reason;
	sc->err->expected = expected;
	return false;
}

/* ---------------------------------------------------------------- helpers */

static inline bool
at_end(const Scan *sc, size_t pos)
{
	return pos >= sc->n;
}

/*
 * Does the literal of l bytes stand at pos?  The first byte is compared
 * before anything else, as most calls fail there; the words are short, so
 * the rest is compared here rather than by a call to memcmp.
 */
static inline bool
lit_at_len(const Scan *sc, size_t pos, const char *lit, size_t l)
{
	if (pos >= sc->n || sc->s[pos] != lit[0] || l > sc->n - pos)
		return false;
	for (size_t i = 1; i < l; i++)
		if (sc->s[pos + i] != lit[i])
			return false;
	return true;
}

/* The same for a string constant, whose length the compiler knows. */
#define LIT_AT(sc, pos, lit) lit_at_len((sc), (pos), "" lit, sizeof(lit) - 1)

static inline uint32_t
cp_at(const Scan *sc, size_t pos, int *len)
{
	uint32_t	cp = 0;
	int			l;

	if (pos >= sc->n)
	{
		*len = 0;
		return 0;
	}
	l = pb_utf8_decode((const unsigned char *) sc->s + pos, sc->n - pos, &cp);
	*len = l > 0 ? l : 1;
	return cp;
}

/* The byte at pos, or NUL past the end (the text itself holds no NUL). */
static inline char
ch(const Scan *sc, size_t pos)
{
	return pos < sc->n ? sc->s[pos] : '\0';
}

static inline bool
is_digit_at(const Scan *sc, size_t pos)
{
	return pos < sc->n && sc->s[pos] >= '0' && sc->s[pos] <= '9';
}

static inline size_t
skip_spaces(const Scan *sc, size_t pos)
{
	while (pos < sc->n && sc->s[pos] == ' ')
		pos++;
	return pos;
}

#endif							/* PERF_SCAN_H */
