/*
 * perf_encode.c — the byte layout of a stored perf_value / perf_target, and
 * its validation for binary input.
 *
 * Layout 0 (0.1 to 1.0; no alignment needed, little-endian, so a value can
 * be read in place from a packed varlena):
 *
 *   flags holds PB_F_BAND, PB_F_NOTE_SPACE and the sense kept under 定性
 *   (PB_F_SENSE); how the comparator was written (PB_F_PARSE_ONLY) is left
 *   out, so that a value and its canonical text re-read are the same bytes.
 *
 *   [version << 4 | kind][symbol][flags][unit prefix bytes]
 *   scalar lo            unless qualitative
 *   scalar hi            ranges only
 *   [unit length u8][unit bytes]
 *   [note length u16][note bytes]
 *   [phrase bytes …]     up to the end
 *
 *   scalar := [kind][scale][pow10][date style] then
 *             [year u16][month][day] for dates, [digits i64] otherwise
 *
 * Layout versions.  The high 4 bits of the first byte are the layout
 * version, the low 4 bits the kind (1..5).  0.1 and 1.0 wrote the kind alone,
 * so every value they stored is layout 0 as it is: databases upgraded in
 * place (pg_upgrade keeps data files) read on.  pb_encode writes only
 * PB_LAYOUT_VERSION; pb_decode dispatches on the version and refuses one it
 * does not know (a value written by a later release), which the fmgr layer
 * reports (SQLSTATE 0A000) instead of reading garbage.
 *
 * Adding a layout N (MAINTAINING.md, "Changing the stored layout"): keep
 * decode_v0 … decode_vN-1 as they are — stored values are never rewritten —
 * add decode_vN, make pb_encode write N, raise PB_LAYOUT_VERSION, and keep
 * test/corpus/binary-1.0.tsv (layout 0, frozen) decoding: its unit test
 * (test/unit/test_binary_corpus.c) and test/binary_corpus.sh must pass
 * unchanged.  Version 15 is kept for "the version is in the next byte", so
 * the nibble never runs out.  Readers of a stored value go through
 * pb_decode or the accessors below, never through a byte offset.
 *
 * The binary send format is a format version byte (1) followed by a stored
 * layout, whose first byte names its own version; send writes the current
 * layout, receive validates every field here (pb_decode with check) and the
 * fmgr layer additionally requires that the value re-reads from its own
 * text.
 */
#include "perf_core.h"

#include <string.h>

#define SCALAR_DATE_BYTES 8
#define SCALAR_NUM_BYTES 12
#define MAX_NOTE 65535

static size_t
scalar_size(const PbScalar *s)
{
	return s->kind == PB_KIND_DATE ? SCALAR_DATE_BYTES : SCALAR_NUM_BYTES;
}

size_t
pb_encoded_size(const PbCell *c)
{
	size_t		n = 4 + 1 + 2 + c->unit.len + c->note.len;

	if (c->kind == PB_KIND_QUALITATIVE)
		return n + c->text.len;
	n += scalar_size(&c->lo);
	if (c->kind == PB_KIND_RANGE)
		n += scalar_size(&c->hi);
	return n;
}

static unsigned char *
put_scalar(unsigned char *d, const PbScalar *s)
{
	*d++ = s->kind;
	*d++ = s->scale;
	*d++ = (unsigned char) s->pow10;
	*d++ = s->date_style;
	if (s->kind == PB_KIND_DATE)
	{
		uint16_t	y = (uint16_t) s->year;

		*d++ = (unsigned char) (y & 0xFF);
		*d++ = (unsigned char) (y >> 8);
		*d++ = s->month;
		*d++ = s->day;
	}
	else
	{
		uint64_t	u = (uint64_t) s->digits;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		memcpy(d, &u, 8);		/* already little-endian */
		d += 8;
#else
		for (int i = 0; i < 8; i++)
			*d++ = (unsigned char) (u >> (8 * i));
#endif
	}
	return d;
}

size_t
pb_encode(const PbCell *c, const char *base, unsigned char *dst)
{
	unsigned char *d = dst;

	*d++ = (unsigned char) (PB_LAYOUT_VERSION << PB_LAYOUT_SHIFT | c->kind);
	*d++ = c->symbol;
	*d++ = (unsigned char) (c->flags & ~PB_F_PARSE_ONLY);	/* see perf_parse.h */
	*d++ = c->unit_pow10_len;
	if (c->kind != PB_KIND_QUALITATIVE)
	{
		d = put_scalar(d, &c->lo);
		if (c->kind == PB_KIND_RANGE)
			d = put_scalar(d, &c->hi);
	}
	*d++ = (unsigned char) c->unit.len;
	if (c->unit.len)			/* most cells have no unit and no note */
		memcpy(d, base + c->unit.off, c->unit.len);
	d += c->unit.len;
	*d++ = (unsigned char) (c->note.len & 0xFF);
	*d++ = (unsigned char) (c->note.len >> 8);
	if (c->note.len)
		memcpy(d, base + c->note.off, c->note.len);
	d += c->note.len;
	if (c->kind == PB_KIND_QUALITATIVE)
	{
		memcpy(d, base + c->text.off, c->text.len);
		d += c->text.len;
	}
	return (size_t) (d - dst);
}

/* ---------------------------------------------------------------- decoding */

typedef struct Reader
{
	const unsigned char *p;
	size_t		len;
	size_t		pos;
	bool		ok;
} Reader;

static unsigned
get_u8(Reader *r)
{
	if (r->pos >= r->len)
	{
		r->ok = false;
		return 0;
	}
	return r->p[r->pos++];
}

static void
get_scalar(Reader *r, PbScalar *s)
{
	memset(s, 0, sizeof(*s));
	s->kind = (uint8_t) get_u8(r);
	s->scale = (uint8_t) get_u8(r);
	s->pow10 = (int8_t) get_u8(r);
	s->date_style = (uint8_t) get_u8(r);
	if (s->kind == PB_KIND_DATE)
	{
		unsigned	lo = get_u8(r);
		unsigned	hi = get_u8(r);

		s->year = (int16_t) (uint16_t) (lo | (hi << 8));
		s->month = (uint8_t) get_u8(r);
		s->day = (uint8_t) get_u8(r);
	}
	else
	{
		uint64_t	u = 0;

		for (int i = 0; i < 8; i++)
			u |= (uint64_t) get_u8(r) << (8 * i);
		s->digits = (int64_t) u;
	}
}

static bool
bad(const char **why, const char *reason)
{
	if (why)
		*why = reason;			/* English: translated where raised (nls.mk: bad:2) */
	return false;
}

static bool
valid_utf8(const unsigned char *p, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = p[i];
		size_t		n;
		uint32_t	cp;

		if (c < 0x80)
		{
			if (c < 0x20 || c == 0x7F)
				return false;	/* NUL and control characters never reach text */
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 3;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 4;
		else
			return false;
		if (i + n > len)
			return false;
		cp = c & (0xFF >> (n + 1));
		for (size_t k = 1; k < n; k++)
		{
			if ((p[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
			(n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
			return false;
		i += n;
	}
	return true;
}

static bool
valid_pow10(int p)
{
	return p == 0 || p == 3 || p == 4 || p == 5 || p == 6 || p == 7 ||
		p == 8 || p == 12;
}

static bool
check_scalar(const PbScalar *s, const char **why)
{
	static const int64_t limit = 1000000000000000000LL;	/* 10^18 */

	if (s->kind == PB_KIND_DATE)
	{
		if (s->scale || s->pow10 || s->date_style > PB_DATE_YEAR_END)
			return bad(why, "date with number fields set");
		if (s->year != 0 && (s->year < 1900 || s->year > 2199))
			return bad(why, "year out of range");
		if (s->month > 12 || (s->day && !s->month) ||
			s->day > pb_month_days(s->year, s->month))
			return bad(why, "impossible date");
		if (s->year == 0 && s->month == 0)
			return bad(why, "empty date");
		if (s->date_style == PB_DATE_MONTH_END &&
			s->day != pb_month_days(s->year, s->month))
			return bad(why, "month end on the wrong day");
		if (s->date_style == PB_DATE_YEAR_END && (s->month != 12 || s->day != 31))
			return bad(why, "year end on the wrong day");
		return true;
	}
	if (s->kind != PB_KIND_PERCENT && s->kind != PB_KIND_QUANTITY)
		return bad(why, "unknown scalar kind");
	if (s->date_style || s->scale > PB_MAX_SCALE || !valid_pow10(s->pow10) ||
		(s->kind == PB_KIND_PERCENT && s->pow10))
		return bad(why, "number fields out of range");
	if (s->digits >= limit || s->digits <= -limit)
		return bad(why, "number has more than 18 digits");
	return true;
}

static bool
check_cell(const PbCell *c, const unsigned char *src, const char **why)
{
	if (c->kind < PB_KIND_PERCENT || c->kind > PB_KIND_MAX)
		return bad(why, "unknown kind");
	if (c->symbol < PB_SYM_EQ || c->symbol > PB_SYM_MAX)
		return bad(why, "unknown comparator");
	if (c->flags & ~PB_F_ALL)
		return bad(why, "unknown flags");
	if (pb_cell_sense(c) != 0 &&
		(c->symbol != PB_SYM_QUAL || pb_cell_sense(c) > PB_SYM_LT ||
		 c->kind == PB_KIND_QUALITATIVE || c->kind == PB_KIND_RANGE))
		return bad(why, "a comparator kept under 定性 where none can be");
	if (c->kind == PB_KIND_QUALITATIVE)
	{
		if (c->text.len == 0 || c->unit.len || c->note.len || c->unit_pow10_len)
			return bad(why, "qualitative value with number fields");
		if (c->symbol == PB_SYM_RANGE || (c->flags & PB_F_BAND))
			return bad(why, "qualitative value marked as a range");
	}
	else
	{
		if (!check_scalar(&c->lo, why))
			return false;
		if (c->kind == PB_KIND_RANGE)
		{
			if (!check_scalar(&c->hi, why))
				return false;
			if (c->lo.kind != c->hi.kind || pb_cmp_scalar(&c->lo, &c->hi) > 0)
				return bad(why, "range ends out of order or of different kinds");
			if (c->symbol != PB_SYM_RANGE && c->symbol != PB_SYM_QUAL)
				return bad(why, "range with a comparator");
			if ((c->flags & PB_F_BAND) &&
				(c->lo.digits != -c->hi.digits || c->lo.kind == PB_KIND_DATE ||
				 c->lo.scale != c->hi.scale || c->lo.pow10 != c->hi.pow10))
				return bad(why, "band that is not symmetric");
		}
		else
		{
			if (c->lo.kind != c->kind)
				return bad(why, "scalar of the wrong kind");
			if (c->symbol == PB_SYM_RANGE || (c->flags & PB_F_BAND))
				return bad(why, "single value marked as a range");
		}
		if (c->unit.len && c->lo.kind != PB_KIND_QUANTITY)
			return bad(why, "unit on a value that is not a quantity");
		if (c->unit.len > PB_MAX_UNIT || c->unit_pow10_len > c->unit.len)
			return bad(why, "unit too long");
		if ((c->unit_pow10_len != 0) != (c->lo.pow10 != 0))
			return bad(why, "unit prefix disagrees with its scale");
	}
	if (!valid_utf8(src + c->unit.off, c->unit.len) ||
		!valid_utf8(src + c->note.off, c->note.len) ||
		!valid_utf8(src + c->text.off, c->text.len))
		return bad(why, "text is not valid UTF-8");
	return true;
}

/* Layout 0: the first byte's high bits are 0, so it is the kind. */
static bool
decode_v0(Reader *r, PbView *v, bool check, const char **why)
{
	PbCell	   *c = &v->cell;
	const unsigned char *src = r->p;
	size_t		len = r->len;
	unsigned	n;

	c->kind = (uint8_t) (get_u8(r) & PB_LAYOUT_KIND_MASK);
	c->symbol = (uint8_t) get_u8(r);
	c->flags = (uint8_t) get_u8(r);
	c->unit_pow10_len = (uint8_t) get_u8(r);
	if (c->kind != PB_KIND_QUALITATIVE)
	{
		get_scalar(r, &c->lo);
		if (c->kind == PB_KIND_RANGE)
			get_scalar(r, &c->hi);
	}
	n = get_u8(r);
	c->unit.off = (uint32_t) r->pos;
	c->unit.len = n;
	r->pos += n;
	if (r->pos > len)
		r->ok = false;
	n = get_u8(r);
	n |= get_u8(r) << 8;
	c->note.off = (uint32_t) r->pos;
	c->note.len = n;
	r->pos += n;
	if (!r->ok || r->pos > len)
		return bad(why, "value is truncated");
	c->text.off = (uint32_t) r->pos;
	c->text.len = (uint32_t) (len - r->pos);
	if (c->kind != PB_KIND_QUALITATIVE && c->text.len && check)
		return bad(why, "trailing bytes after the value");
	if (c->kind != PB_KIND_QUALITATIVE)
		c->text.len = 0;
	return !check || check_cell(c, src, why);
}

int
pb_layout_version(const unsigned char *src, size_t len)
{
	return len == 0 ? -1 : src[0] >> PB_LAYOUT_SHIFT;
}

uint8_t
pb_stored_symbol(const unsigned char *src, size_t len)
{
	switch (pb_layout_version(src, len))
	{
		case 0:
			return len > 1 ? src[1] : PB_SYM_NONE;
		default:
			return PB_SYM_NONE;
	}
}

bool
pb_decode(const unsigned char *src, size_t len, PbView *v, bool check,
		  const char **why)
{
	Reader		r = {src, len, 0, true};

	memset(v, 0, sizeof(*v));
	v->base = (const char *) src;
	switch (pb_layout_version(src, len))
	{
		case -1:
			return bad(why, "value is truncated");
		case 0:
			return decode_v0(&r, v, check, why);
		default:
			return bad(why, "the stored layout version is later than this build reads");
	}
}
