/*
 * perf_readback.c — does a target read back from its canonical text?
 *
 * The type stores only what its text writes back (a dump and restore goes
 * through the text).  A parsed cell always does; a target built from two
 * cells may not: a phrase that opens with a comparator word of its own
 * (perf_target('>', '不少于12种…') would print '>不少于12种…', two
 * comparators, which no reader takes).  The two-cell constructor asks this
 * before it stores, and refuses what would not come back.
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
 * text and out are scratch buffers of pb_format_bound(v) bytes each.  On
 * false, *err says why and text holds the canonical text that failed.
 */
bool
pb_target_reads_back(const PbView *v, char *text, char *out, PbError *err)
{
	size_t		len = pb_format(v, true, text);
	PbView		again;

	if (!pb_parse_cell(text, len, out, &again.cell, err))
		return false;
	again.base = out;
	if (pb_cmp_target(v, &again) != 0)
	{
		memset(err, 0, sizeof(*err));
		err->status = PB_ERR_CONTRADICTION;
		err->reason = PB_N_("written after the comparator, the value reads as another target");
		err->expected = PB_N_("a value without a comparator of its own");
		return false;
	}
	return true;
}
