/*
 * perf_scan.h — internal to the cell scanner (perf_parse.c, perf_date.c,
 * perf_text.c): the scan state, its small inline helpers and the functions
 * the three files share.  Not for the server glue, which uses perf_core.h.
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
extern int	pb_utf8_decode(const unsigned char *p, size_t avail, uint32_t *cp);
extern size_t pb_utf8_encode(uint32_t cp, char *dst);
extern bool pb_is_space_cp(uint32_t cp);
extern bool pb_is_cjk_cp(uint32_t cp);
extern uint32_t pb_fold_cp(uint32_t cp);
extern bool pb_is_cjk_numeral(uint32_t cp);
extern bool pb_is_letter_cp(uint32_t cp);
extern bool pb_is_comparator_cp(uint32_t cp);
extern bool pb_is_unit_cp(uint32_t cp);
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

/* ---------------------------------------------------------------- errors */

static inline bool
fail(Scan *sc, PbStatus st, size_t pos, const char *reason, const char *expected)
{
	sc->err->status = st;
	sc->err->pos = pos;
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
 * Does the literal stand at pos?  The first three bytes are compared before
 * anything else: most calls fail there, and the word tables are tried at
 * every candidate position.
 */
static inline bool
lit_at(const Scan *sc, size_t pos, const char *lit)
{
	size_t		l;

	if (pos >= sc->n || sc->s[pos] != lit[0])
		return false;
	if (lit[1] == '\0')
		return true;
	if (pos + 1 >= sc->n || sc->s[pos + 1] != lit[1])
		return false;
	if (lit[2] == '\0')
		return true;
	if (pos + 2 >= sc->n || sc->s[pos + 2] != lit[2])
		return false;
	l = strlen(lit);
	return pos + l <= sc->n && memcmp(sc->s + pos + 3, lit + 3, l - 3) == 0;
}

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
