/*
 * evaluation_import.c — parse_self_evaluation() and parse_monitoring(): the
 * fmgr glue of evaluation_parse.c.  Each document becomes the JSON layout
 * that import_self_evaluation_json / import_monitoring_json write (doc/
 * reference.md), so the text and the JSON paths share one writer, and the
 * parse can be looked at on its own.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"

#include "evaluation_parse.h"
#include "perf_pg.h"

typedef struct Builder
{
	StringInfoData buf;
	EpKind		kind;
	int			form;
	int			indicators;		/* rows of the current form so far */
	bool		in_form;
	/* header values of the current form, to refuse a second different one */
	const char *keys[16];
	char	   *values[16];
	int			nkeys;
} Builder;

static const char *
kind_name(EpKind kind)
{
	return kind == EP_MONITORING ? "绩效运行监控表" : "绩效自评表";
}

static void
put_key_value(StringInfo s, const char *key, EpText v)
{
	char	   *t = pnstrdup(v.p, v.len);

	appendStringInfoChar(s, ',');
	escape_json(s, key);
	appendStringInfoChar(s, ':');
	escape_json(s, t);
	pfree(t);
}

static void
close_form(Builder *b)
{
	if (!b->in_form)
		return;
	appendStringInfoString(&b->buf, b->indicators > 0 ? "]}" : "[]}");
	b->in_form = false;
}

static void
on_form(void *arg, int ordinal, int line)
{
	Builder    *b = arg;

	close_form(b);
	if (ordinal > 1)
		appendStringInfoChar(&b->buf, ',');
	appendStringInfo(&b->buf, "{\"form\":%d,\"line\":%d", ordinal, line);
	b->form = ordinal;
	b->indicators = 0;
	b->nkeys = 0;
	b->in_form = true;
}

static void
on_field(void *arg, const char *key, EpText value)
{
	Builder    *b = arg;
	char	   *v = pnstrdup(value.p, value.len);

	for (int i = 0; i < b->nkeys; i++)
	{
		if (strcmp(b->keys[i], key) != 0)
			continue;
		if (strcmp(b->values[i], v) == 0)
			return;				/* repeated as written: nothing new */
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid %s document: form %d gives %s twice: \"%s\" and \"%s\"",
						kind_name(b->kind), b->form, key, pb_quote(b->values[i]), pb_quote(v)),
				 errdetail("A form names its %s once, before its money block.", key),
				 errhint("Start each form with its title line (……%s) so that the next form's header is not read as this one's.",
						 kind_name(b->kind))));
	}
	if (b->nkeys < (int) lengthof(b->keys))
	{
		b->keys[b->nkeys] = key;
		b->values[b->nkeys++] = v;
	}
	if (b->indicators > 0)
	{
		/* after the indicator rows (总分, 自评等级): close the array first */
		appendStringInfoString(&b->buf, "]");
		b->indicators = -1;
	}
	put_key_value(&b->buf, key, value);
}

static void
on_money(void *arg, EpMoney m, EpText value)
{
	on_field(arg, ep_money_keys[m], value);
}

static void
on_indicator(void *arg, int line, const EpText cells[ER_NROLES])
{
	Builder    *b = arg;

	if (b->indicators < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid %s document: form %d has an indicator row at line %d after its total",
						kind_name(b->kind), b->form, line),
				 errdetail("The indicator rows come before the 总分 / 自评等级 line."),
				 errhint("Move the 总分 line to the end of the form.")));
	appendStringInfoString(&b->buf, b->indicators == 0 ? ",\"indicators\":[" : ",");
	appendStringInfo(&b->buf, "{\"line\":%d", line);
	for (int r = 0; r < ER_NROLES; r++)
		if (cells[r].len > 0)
			put_key_value(&b->buf, ep_role_keys[r], cells[r]);
	appendStringInfoChar(&b->buf, '}');
	b->indicators++;
}

static void
on_end(void *arg)
{
	Builder    *b = arg;

	if (b->indicators < 0)
	{
		appendStringInfoChar(&b->buf, '}');
		b->in_form = false;
		return;
	}
	close_form(b);
}

static Datum
parse_document(EpKind kind, text *doc)
{
	char	   *s = VARDATA_ANY(doc);
	size_t		len = VARSIZE_ANY_EXHDR(doc);
	char	   *work = palloc(2 * len + 2);
	Builder		b;
	EpSink		sink = {&b, on_form, on_field, on_money, on_indicator, on_end};
	EpError		err;

	pb_check_encoding();
	memset(&b, 0, sizeof(b));
	b.kind = kind;
	initStringInfo(&b.buf);
	appendStringInfoString(&b.buf, "{\"forms\":[");
	if (!ep_parse(kind, s, len, work, &sink, &err))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid %s document: %s", kind_name(kind), err.reason),
				 err.form > 0
				 ? errdetail("Form %d, document line %d.", err.form, err.line)
				 : errdetail("Document line %d.", err.line),
				 errhint("Each form starts with its title line (如皋市项目支出%s), then 项目名称, 主管部门, the money block and the indicator table with a header line; see doc/reference.md.",
						 kind_name(kind))));
	appendStringInfoString(&b.buf, "]}");
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(b.buf.data));
}

PG_FUNCTION_INFO_V1(parse_self_evaluation);

Datum
parse_self_evaluation(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(parse_document(EP_SELF_EVALUATION, PG_GETARG_TEXT_PP(0)));
}

PG_FUNCTION_INFO_V1(parse_monitoring);

Datum
parse_monitoring(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(parse_document(EP_MONITORING, PG_GETARG_TEXT_PP(0)));
}
