/*
 * perf_text.c — characters and folding for the cell scanner: UTF-8
 * encoding, spaces and CJK, compatibility forms, and the fold that every
 * cell goes through (full-width ASCII to ASCII, look-alike comparators to
 * ≥ ≤ =, white space collapsed, spaces between two CJK characters dropped
 * because PDF extraction inserts them at line breaks).  The tests the
 * scanner makes at every position (UTF-8 decoding, numerals, letters, unit
 * characters) are inline in perf_scan.h.
 *
 * Pure C, no allocation, no PostgreSQL.
 */
#include "perf_scan.h"

/* pb_nls.h: set by the server module to its catalog, NULL elsewhere. */
const char *(*pb_translate) (const char *msgid) = NULL;

/* ---------------------------------------------------------------- UTF-8 */

size_t
pb_utf8_encode(uint32_t cp, char *dst)
{
	if (cp < 0x80)
	{
		dst[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		dst[0] = (char) (0xC0 | (cp >> 6));
		dst[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		dst[0] = (char) (0xE0 | (cp >> 12));
		dst[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		dst[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	dst[0] = (char) (0xF0 | (cp >> 18));
	dst[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	dst[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	dst[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

bool
pb_is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		cp == '\v' || cp == '\f' || cp == 0xA0 || cp == 0x3000 ||
		cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200B);
}

/* CJK ideographs, kana, CJK and full-width punctuation: no spaces between. */
bool
pb_is_cjk_cp(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		(cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
		(cp >= 0x20000 && cp <= 0x2FFFF) || cp == 0x00B7 || cp == 0x2014 ||
		cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D ||
		cp == 0x2264 || cp == 0x2265;
}

/*
 * NFKC of the Small Form Variants block (U+FE50–FE6B, <small> in
 * UnicodeData.txt): '﹦' is '=', '﹤' '<', '﹪' '%'.  0 marks the unassigned
 * U+FE53 and U+FE67.  Each maps to one character no longer in UTF-8.
 */
static const uint16_t small_forms[] = {
	',', 0x3001, '.', 0, ';', ':', '?', '!',			/* FE50–FE57 */
	0x2014, '(', ')', '{', '}', 0x3014, 0x3015, '#',	/* FE58–FE5F */
	'&', '*', '+', '-', '<', '>', '=', 0,				/* FE60–FE67 */
	'\\', '$', '%', '@'								/* FE68–FE6B */
};

/*
 * Compatibility forms to their plain characters, in the manner of NFKC:
 * full-width ASCII (U+FF01–FF5E, <wide>) and small forms (<small>) by
 * their Unicode decomposition, superscript and subscript '=' (<super>,
 * <sub>); then the look-alike comparators that NFKC leaves apart but forms
 * use for the same thing (≧ ≦ ⩾ ⩽ ═).  The quotation marks ‹ › are not
 * folded (a phrase may quote with them); '‹=' and '›=' are spellings of
 * ≤ and ≥ in the scanner's comparator table.
 */
uint32_t
pb_fold_cp(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp >= 0xFE50 && cp <= 0xFE6B && small_forms[cp - 0xFE50] != 0)
		return small_forms[cp - 0xFE50];
	switch (cp)
	{
		case 0x207C:			/* ⁼ superscript equals sign */
		case 0x208C:			/* ₌ subscript equals sign */
			return '=';

		case 0x2267:			/* ≧ */
		case 0x2A7E:			/* ⩾ */
			return 0x2265;		/* ≥ */
		case 0x2266:			/* ≦ */
		case 0x2A7D:			/* ⩽ */
			return 0x2264;		/* ≤ */
		case 0x2550:			/* ═ */
			return '=';
		case 0x2212:			/* − minus sign */
		case 0x2013:			/* – en dash */
			return '-';
		case 0x3002:			/* 。 keeps its meaning, but ．is a point */
		default:
			return cp;
	}
}

/*
 * Fold 'in' into 'out'.  Stops when 'stop_at' output bytes are written and
 * reports the input offset reached, which maps error positions back.
 * Returns false on invalid UTF-8 (*bad = its input offset).
 */
bool
pb_fold_text(const char *in, size_t len, char *out, size_t *outlen,
		  size_t stop_at, size_t *in_at, size_t *bad, bool keep_chars)
{
	const unsigned char *p = (const unsigned char *) in;
	size_t		i = 0;
	size_t		o = 0;
	bool		pending_space = false;
	bool		prev_wide = false;

	while (i < len)
	{
		uint32_t	cp;
		uint32_t	written;
		int			l;

		/*
		 * A CJK ideograph (U+4000–U+9FFF, lead byte E4–E9) folds to itself:
		 * copy its three bytes without decoding them.
		 */
		if (p[i] >= 0xE4 && p[i] <= 0xE9 && i + 2 < len &&
			(p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 && o + 3 < stop_at)
		{
			if (pending_space)
			{
				if (!prev_wide || (o == 6 && memcmp(out, "定性", 6) == 0))
					out[o++] = ' ';
				pending_space = false;
			}
			out[o++] = (char) p[i++];
			out[o++] = (char) p[i++];
			out[o++] = (char) p[i++];
			prev_wide = true;
			continue;
		}
		/* ≤ and ≥ (E2 89 A4/A5) fold to themselves and count as wide */
		if (p[i] == 0xE2 && i + 2 < len && p[i + 1] == 0x89 &&
			(p[i + 2] == 0xA4 || p[i + 2] == 0xA5) && !pending_space && o + 3 < stop_at)
		{
			out[o++] = (char) p[i++];
			out[o++] = (char) p[i++];
			out[o++] = (char) p[i++];
			prev_wide = true;
			continue;
		}
		/* plain ASCII that folding leaves alone: copy it as it is */
		if (p[i] > 0x20 && p[i] < 0x7F && !pending_space && o < stop_at)
		{
			out[o++] = (char) p[i++];
			prev_wide = false;
			continue;
		}
		l = pb_utf8_decode(p + i, len - i, &cp);

		if (l == 0 || (cp < 0x20 && !pb_is_space_cp(cp)) || cp == 0x7F)
		{
			*bad = i;			/* invalid UTF-8, NUL or a control character */
			return false;
		}
		if (pb_is_space_cp(cp))
		{
			pending_space = (o > 0);
			i += l;
			continue;
		}
		written = cp;
		cp = pb_fold_cp(cp);
		if (!keep_chars)
			written = cp;
		if (pending_space)
		{
			bool		wide = pb_is_cjk_cp(cp);

			/*
			 * A space between two CJK characters is a PDF line break; keep it
			 * only after a leading 定性, where it separates the symbol.
			 */
			if (!(wide && prev_wide) ||
				(o == 6 && memcmp(out, "定性", 6) == 0))
			{
				if (o >= stop_at)
					break;
				out[o++] = ' ';
			}
			pending_space = false;
		}
		if (o >= stop_at)
			break;
		o += pb_utf8_encode(written, out + o);
		prev_wide = pb_is_cjk_cp(cp);
		i += l;
	}
	*outlen = o;
	if (in_at)
		*in_at = i;
	return true;
}

bool
pb_fold_spaces(const char *in, size_t len, char *out, size_t *outlen, size_t *bad)
{
	return pb_fold_text(in, len, out, outlen, (size_t) -1, NULL, bad, true);
}

bool
pb_fold(const char *in, size_t len, char *out, size_t *outlen, size_t *bad)
{
	return pb_fold_text(in, len, out, outlen, (size_t) -1, NULL, bad, false);
}

bool
pb_starts_unit(const char *s, size_t len)
{
	uint32_t	cp;
	int			l;

	if (len == 0)
		return false;
	l = pb_utf8_decode((const unsigned char *) s, len, &cp);
	if (l > 0 && (cp == '*' || cp == 0x3001))	/* '元/人*月', '元/人、天' */
		return pb_starts_unit(s + l, len - (size_t) l);
	return l > 0 && pb_is_unit_cp(cp);
}

bool
pb_starts_numeral(const char *s, size_t len)
{
	uint32_t	cp;
	int			l;

	if (len == 0)
		return false;
	l = pb_utf8_decode((const unsigned char *) s, len, &cp);
	return l > 0 && pb_is_cjk_numeral(cp);
}

bool
pb_starts_cjk(const char *s, size_t len)
{
	uint32_t	cp;
	int			l;

	if (len == 0)
		return false;
	l = pb_utf8_decode((const unsigned char *) s, len, &cp);
	return l > 0 && pb_is_cjk_cp(cp);
}
