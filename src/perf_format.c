/*
 * perf_format.c — canonical text of a cell.
 *
 * The output re-reads to an equal value: the comparator comes first ('95%以上'
 * is written '≥95%'), '=' is left out where it is the default, numbers keep
 * the digits after the point as written ('100.00%') but lose thousands
 * separators, units and notes are kept as written.
 */
#include "perf_core.h"

#include <string.h>

static size_t
put(char *d, const char *s)
{
	size_t		l = strlen(s);

	memcpy(d, s, l);
	return l;
}

static size_t
put_bytes(char *d, const char *s, size_t l)
{
	memcpy(d, s, l);
	return l;
}

static size_t
put_uint(char *d, uint64_t v)
{
	char		tmp[24];
	size_t		n = 0;

	do
	{
		tmp[n++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		d[i] = tmp[n - 1 - i];
	return n;
}

/* digits * 10^exp, exp may be negative, as plain decimal text. */
static size_t
put_decimal(char *d, int64_t digits, int exp)
{
	char		buf[24];
	size_t		n;
	size_t		o = 0;
	uint64_t	u = digits < 0 ? (uint64_t) (-(digits + 1)) + 1 : (uint64_t) digits;

	if (digits < 0)
		d[o++] = '-';
	n = put_uint(buf, u);
	if (exp >= 0)
	{
		o += put_bytes(d + o, buf, n);
		if (u != 0)
			for (int i = 0; i < exp; i++)
				d[o++] = '0';
		return o;
	}
	if ((size_t) (-exp) >= n)
	{
		d[o++] = '0';
		d[o++] = '.';
		for (size_t i = n; i < (size_t) (-exp); i++)
			d[o++] = '0';
		o += put_bytes(d + o, buf, n);
		return o;
	}
	o += put_bytes(d + o, buf, n - (size_t) (-exp));
	d[o++] = '.';
	o += put_bytes(d + o, buf + n - (size_t) (-exp), (size_t) (-exp));
	return o;
}

size_t
pb_format_number(const PbScalar *s, char *dst)
{
	return put_decimal(dst, s->digits, -(int) s->scale);
}

size_t
pb_format_base_number(const PbScalar *s, char *dst)
{
	return put_decimal(dst, s->digits, (int) s->pow10 - (int) s->scale);
}

static size_t
put_date(char *d, const PbScalar *s)
{
	size_t		o = 0;

	if (s->year)
	{
		o += put_uint(d + o, (uint64_t) s->year);
		o += put(d + o, "年");
	}
	if (s->date_style == PB_DATE_YEAR_END)
		return o + put(d + o, s->year ? "底" : "年底");
	if (s->month)
	{
		o += put_uint(d + o, s->month);
		o += put(d + o, "月");
	}
	if (s->date_style == PB_DATE_MONTH_END)
		return o + put(d + o, "底");
	if (s->day)
	{
		o += put_uint(d + o, s->day);
		o += put(d + o, "日");
	}
	return o;
}

static size_t
put_scalar(char *d, const PbView *v, const PbScalar *s)
{
	size_t		o;

	if (s->kind == PB_KIND_DATE)
		return put_date(d, s);
	o = pb_format_number(s, d);
	if (s->kind == PB_KIND_PERCENT)
		return o + put(d + o, "%");
	return o + put_bytes(d + o, v->base + v->cell.unit.off, v->cell.unit.len);
}

/* Is the character that ends d[0..end) a CJK one? */
static bool
ends_cjk(const char *d, size_t end)
{
	size_t		i = end;

	while (i > 0 && ((unsigned char) d[i - 1] & 0xC0) == 0x80)
		i--;
	return i > 0 && pb_starts_cjk(d + i - 1, end - i + 1);
}

/*
 * Would the note, written right after the value, be read back as part of a
 * unit?  ('3天内完成' is 3天 with the note 完成; '≤3天完成' would read 天完成.)
 */
static bool
note_would_glue(const PbView *v)
{
	const PbCell *c = &v->cell;
	uint8_t		kind = c->kind == PB_KIND_RANGE ? c->lo.kind : c->kind;
	const char *note = v->base + c->note.off;
	bool		spaced = (c->flags & PB_F_NOTE_SPACE) != 0;

	if (c->note.len == 0 || kind != PB_KIND_QUANTITY)
		return false;
	/* a space between the unit's last CJK character and a CJK note folds away */
	if (spaced && c->unit.len && ends_cjk(v->base + c->unit.off, c->unit.len) &&
		pb_starts_cjk(note, c->note.len))
		spaced = false;
	/* after bare digits a Chinese numeral reads as damaged text ('23三') */
	return !spaced &&
		(pb_starts_unit(note, c->note.len) ||
		 (c->unit.len == 0 && pb_starts_numeral(note, c->note.len)));
}

/* The value alone, without its note. */
static size_t
put_bare_value(char *d, const PbView *v)
{
	const PbCell *c = &v->cell;
	size_t		o = 0;

	switch (c->kind)
	{
		case PB_KIND_QUALITATIVE:
			return put_bytes(d, v->base + c->text.off, c->text.len);
		case PB_KIND_RANGE:
			if (c->flags & PB_F_BAND)
				return put(d, "±") + put_scalar(d + 2, v, &c->hi);
			o += put_scalar(d, v, &c->lo);
			/* '-' would read as a sign before a negative upper end */
			o += put(d + o, (c->hi.kind != PB_KIND_DATE && c->hi.digits < 0) ? "~" : "-");
			return o + put_scalar(d + o, v, &c->hi);
		default:
			return put_scalar(d, v, &c->lo);
	}
}

/* The note after the value that ends at d; 'd' holds 'end' bytes before. */
static size_t
put_note_at(char *d, size_t end, const PbView *v, bool spaced)
{
	size_t		o = 0;
	const char *note = v->base + v->cell.note.off;

	if (v->cell.note.len == 0)
		return 0;
	/* between two CJK characters a space folds away on reading: leave it out */
	if (spaced && !(ends_cjk(d - end, end) && pb_starts_cjk(note, v->cell.note.len)))
		d[o++] = ' ';
	return o + put_bytes(d + o, v->base + v->cell.note.off, v->cell.note.len);
}

/*
 * Can the note be written back?  A note that followed a comparator suffix
 * ('3天内完成', '10以上规模') is held apart from the unit only by that suffix;
 * without it (a value, or '=') it would read as part of the unit, and a
 * space does not help because folding drops spaces between CJK characters.
 */
bool
pb_note_writable(const PbView *v, bool with_symbol)
{
	const PbCell *c = &v->cell;

	uint8_t		sym = c->symbol == PB_SYM_QUAL ? pb_cell_sense(c) : c->symbol;

	if (!note_would_glue(v))
		return true;
	return with_symbol && (sym == PB_SYM_GE || sym == PB_SYM_LE ||
						   (c->flags & PB_F_BAND));
}

/*
 * A note the canonical text cannot hold apart from the unit ('8万-24 、天4':
 * written back after 24万 it would join the unit) is not kept: stored, it
 * would be lost on the first dump and restore, and the value read back
 * would differ from the one stored.
 */
void
pb_drop_unwritable_note(PbCell *cell, const char *base)
{
	PbView		v;
	char		bare[512];		/* two scalars and the unit twice, never a phrase */
	size_t		n;

	if (cell->note.len == 0)
		return;					/* most cells: nothing to drop */
	v.cell = *cell;
	v.base = base;
	if (!pb_note_writable(&v, true))
	{
		cell->note.len = 0;
		cell->flags &= (uint8_t) ~PB_F_NOTE_SPACE;
		return;
	}
	if (cell->note.len == 0 || !(cell->flags & PB_F_NOTE_SPACE) ||
		cell->kind == PB_KIND_QUALITATIVE)
		return;
	/*
	 * Nor a space the text cannot write: none after a comparator suffix
	 * ('3天及以下完成'), none between two CJK characters ('2022-2-4 、…' is
	 * written '2022年2月4日、…').
	 */
	n = put_bare_value(bare, &v);
	if (note_would_glue(&v) ||
		(ends_cjk(bare, n) && pb_starts_cjk(base + cell->note.off, cell->note.len)))
		cell->flags &= (uint8_t) ~PB_F_NOTE_SPACE;
}

size_t
pb_format_bound(const PbView *v)
{
	/* two scalars of at most ~40 bytes, '定性 ' and a symbol, the texts, NUL */
	return 160 + v->cell.unit.len * 2 + v->cell.note.len + v->cell.text.len;
}

/*
 * A measurable value under 定性 with the comparator it was written with:
 * '定性 ' and then the value as a target of that comparator ('定性 ≥3次');
 * a deadline keeps its usual 前 ('定性 6月底前') unless a note follows,
 * which a single 前 would not hold apart.
 */
static size_t
format_qual_sense(const PbView *v, uint8_t sense, char *dst)
{
	PbView		inner = *v;
	size_t		o = put(dst, "定性 ");

	inner.cell.symbol = sense;
	inner.cell.flags &= (uint8_t) ~PB_F_SENSE;
	if (v->cell.kind == PB_KIND_DATE && sense == PB_SYM_LE && v->cell.note.len == 0)
	{
		o += put_bare_value(dst + o, &inner);
		o += put(dst + o, "前");
		dst[o] = '\0';
		return o;
	}
	if (sense == PB_SYM_EQ)
		o += put(dst + o, "=");	/* written, since '=' is otherwise left out */
	return o + pb_format(&inner, true, dst + o);
}

size_t
pb_format(const PbView *v, bool with_symbol, char *dst)
{
	const PbCell *c = &v->cell;
	size_t		o = 0;

	if (with_symbol && c->symbol == PB_SYM_QUAL && pb_cell_sense(c) != 0)
		return format_qual_sense(v, pb_cell_sense(c), dst);
	if (with_symbol && note_would_glue(v) && pb_note_writable(v, true))
	{
		/* keep the comparator as a suffix, which ends the unit: '3天及以下完成' */
		if (c->symbol == PB_SYM_QUAL)
			o += put(dst, "定性 ");	/* a band under 定性: '定性 ±2及以下七' */
		o += put_bare_value(dst + o, v);
		/* 及以上/及以下: a unit ending in 或 or 及 cannot merge into them */
		o += put(dst + o, c->symbol == PB_SYM_GE ? "及以上" : "及以下");
		o += put_note_at(dst + o, o, v, false);
		dst[o] = '\0';
		return o;
	}
	if (with_symbol)
	{
		switch (c->symbol)
		{
			case PB_SYM_QUAL:
				if (c->kind != PB_KIND_QUALITATIVE)
					o += put(dst, "定性 ");
				break;
			case PB_SYM_EQ:
				if (c->kind == PB_KIND_QUALITATIVE)
					o += put(dst, "=");
				break;
			case PB_SYM_RANGE:
				break;
			default:
				o += put(dst, pb_symbol_name((PbSymbol) c->symbol));
				break;
		}
	}
	o += put_bare_value(dst + o, v);
	if (pb_note_writable(v, with_symbol))
		o += put_note_at(dst + o, o, v, (c->flags & PB_F_NOTE_SPACE) != 0);
	dst[o] = '\0';
	return o;
}
