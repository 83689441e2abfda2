/*
 * indicator_label_sql.c — SQL glue of indicator_label.c:
 * canonical_level1(text) and canonical_level2(text).
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "fmgr.h"
#include "utils/builtins.h"

#include "indicator_label.h"

PG_FUNCTION_INFO_V1(canonical_level1);
PG_FUNCTION_INFO_V1(canonical_level2);

typedef const char *(*LabelFn) (const char *, size_t, char *);

static Datum
canonical_label(FunctionCallInfo fcinfo, LabelFn fn)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	char		stack[256];
	char	   *work = len < sizeof(stack) ? stack : palloc(len + 1);
	const char *name = fn(VARDATA_ANY(t), len, work);

	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(name));
}

Datum
canonical_level1(PG_FUNCTION_ARGS)
{
	return canonical_label(fcinfo, pb_canonical_level1);
}

Datum
canonical_level2(PG_FUNCTION_ARGS)
{
	return canonical_label(fcinfo, pb_canonical_level2);
}
