/*
 * pg_perfbudget.c — the module's magic block and nothing else.
 *
 * Each concern lives in its own file.  Pure C, no PostgreSQL headers:
 * perf_text.c, perf_date.c and perf_parse.c (reading a cell), perf_format.c,
 * perf_compare.c, perf_encode.c, perf_eval.c (a cell's text, order, storage,
 * evaluation), form_parse.c (reading a form document).  Server glue:
 * perf_type.c (type I/O), perf_ops.c (operators, hashing), perf_funcs.c
 * (accessors), checks.c and expenditure_sum.c (budget rules), form_import.c
 * (import_form), rollup.c (aggregates), change_log.c (history) with
 * run_as_owner.c (the rights its triggers run with).  Here: the module's
 * message catalog (po/, nls.mk) and its settings.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

extern void pb_define_history_setting(void);
void		_PG_init(void);

/*
 * The module's message catalog (TEXTDOMAIN, set for every server file by
 * pb_nls.h): errmsg() and friends translate through it by themselves,
 * the pure C core through pb_translate (pb_nls.h).
 */
static const char *
pb_catalog_text(const char *msgid)
{
	return dgettext(TEXTDOMAIN, msgid);
}

/*
 * The message catalog, and the settings of the module (perfbudget.history:
 * change_log.c).
 */
void
_PG_init(void)
{
	pg_bindtextdomain(TEXTDOMAIN);
	pb_translate = pb_catalog_text;
	pb_define_history_setting();
	MarkGUCPrefixReserved("perfbudget");
}
