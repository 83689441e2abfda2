/*
 * perf_readback.c — does a target read back from its canonical text?
 *
 * The type stores only what its text writes back (a dump and restore goes
 * through the text).  A parsed cell always does; a target built from two
 * cells may not: a phrase that opens with a comparator word of its own
 * (perf_target('>', '不少于12种…') would print '>不少于12种…', two
 * comparators, which no reader takes).  The two-cell constructor asks this
 * before it stores, and refuses what would not come back; binary input
 * requires the same of every value.  Also what a value is: a cell without
 * a written comparator, and how a parsed cell becomes one.
 */
#include "perf_core.h"

#include <string.h>

/*
 * Only a phrase under a comparator can go wrong: numbers, dates and ranges
 * are written from their parsed fields, 定性 puts a space after itself.
 */
bool
pb_needs_readback_check(const PbCell *cell)
{
	return cell->kind == PB_KIND_QUALITATIVE && cell->symbol != PB_SYM_QUAL &&
		cell->symbol != PB_SYM_NONE;
}

/*
 * The one round trip through the text: the two-cell constructor and binary
 * input both ask it.  A value is read as a value (its default symbol back).
 */
PbReadBack
pb_read_back(const PbView *v, bool is_target, char *text, char *out,
			 PbView *again, PbError *err)
{
	size_t		len = pb_format(v, is_target, text);

	if (!pb_parse_cell(text, len, out, &again->cell, err))
		return PB_READ_BACK_FAILS;
	if (!is_target)
		pb_cell_to_value(&again->cell, out);
	again->base = out;
	if ((is_target ? pb_cmp_target(v, again) : pb_cmp_value(v, again)) != 0)
		return PB_READS_BACK_OTHER;
	return PB_READS_BACK;
}

/*
 * text and out are scratch buffers of pb_format_bound(v) bytes each.  On
 * false, *err says why and text holds the canonical text that failed.
 */
bool
pb_target_reads_back(const PbView *v, char *text, char *out, PbError *err)
{
	PbView		again;

	switch (pb_read_back(v, true, text, out, &again, err))
	{
		case PB_READS_BACK:
			return true;
		case PB_READ_BACK_FAILS:
			return false;
		case PB_READS_BACK_OTHER:
			break;
	}
	memset(err, 0, sizeof(*err));
	err->status = PB_ERR_CONTRADICTION;
	err->reason = PB_N_("written after the comparator, the value reads as another target");
	err->expected = PB_N_("a value without a comparator of its own");
	return false;
}

/*
 * Can this cell be a perf_value?  Only without a written comparator, but a
 * deadline suffix on a date ('12月底前') is part of how dates are written.
 */
bool
pb_is_plain_value(const PbCell *cell)
{
	if (!(cell->flags & PB_F_EXPLICIT) || (cell->flags & PB_F_BAND))
		return true;
	return cell->kind == PB_KIND_DATE && cell->symbol == PB_SYM_LE &&
		(cell->flags & PB_F_SUFFIX);
}

void
pb_cell_to_value(PbCell *cell, const char *base)
{
	PbView		v;

	/* a note held apart from the unit only by the comparator goes with it */
	v.cell = *cell;
	v.base = base;
	if (!pb_note_writable(&v, false))
	{
		cell->note.len = 0;
		cell->flags &= ~PB_F_NOTE_SPACE;	/* else text and binary input store other bytes */
	}
	cell->flags &= ~(PB_F_EXPLICIT | PB_F_SUFFIX | PB_F_SENSE);
	if (cell->kind == PB_KIND_RANGE)
		cell->symbol = PB_SYM_RANGE;
	else if (cell->kind == PB_KIND_QUALITATIVE)
		cell->symbol = PB_SYM_QUAL;
	else
		cell->symbol = PB_SYM_EQ;
}
