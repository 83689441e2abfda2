/*
 * form_json.c — perfbudget.form_json(project_id): one form as jsonb, every
 * project column (but department_id) with "expenditure" and "indicators",
 * each an array of its rows in line order (but project_id and
 * department_id): the value the SQL definition of 1.0 gave, built here in
 * one pass.
 *
 * The history writes it for every form deleted (a replace deletes thousands
 * of forms of ~20 rows), and to_jsonb of each row, jsonb_agg of the rows and
 * the key removals cost twice the reading of the rows.  Here the rows are
 * read by three kept plans and written straight into one jsonb, each column
 * as to_jsonb writes it: numbers as numbers, booleans, dates in ISO form,
 * NULL as null, any other type as its text.
 *
 * Runs with the caller's rights and row-level security, as the SQL function
 * did; the search_path is pinned (run_as_owner.c).
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "run_as_owner.h"

PG_FUNCTION_INFO_V1(form_json);

/* How a column goes into the JSON (to_jsonb's categories that occur). */
typedef enum ColumnKind
{
	COL_SKIP,					/* not written: the keys of the form */
	COL_INT,					/* int2, int4, int8: a number */
	COL_NUMERIC,				/* a number, or its text when not finite */
	COL_BOOL,
	COL_DATETIME,				/* date, timestamp(tz): ISO text */
	COL_JSONB,					/* embedded */
	COL_TEXT					/* any other type: its output text */
} ColumnKind;

/* What is known of a table's columns, kept while its row type is the same. */
typedef struct RowWriter
{
	int			natts;
	Oid		   *types;
	ColumnKind *kinds;
	FmgrInfo   *out;
	char	  **names;
} RowWriter;

typedef struct FormTable
{
	const char *sql;
	const char *const *skip;	/* columns not written, NULL-terminated */
	int			nargs;
	SPIPlanPtr	plan;
	RowWriter	writer;
} FormTable;

static const char *const project_skip[] = {"department_id", NULL};
static const char *const row_skip[] = {"project_id", "department_id", NULL};

/* the first row, as the SQL function before it took (id alone is unique by the identity) */
static FormTable project_table = {
	"SELECT * FROM perfbudget.project WHERE id OPERATOR(pg_catalog.=) $1 LIMIT 1",
	project_skip, 1
};
static FormTable expenditure_table = {
	"SELECT * FROM perfbudget.expenditure "
	"WHERE project_id OPERATOR(pg_catalog.=) $1 AND department_id OPERATOR(pg_catalog.=) $2 "
	"ORDER BY line_no",
	row_skip, 2
};
static FormTable indicator_table = {
	"SELECT * FROM perfbudget.indicator "
	"WHERE project_id OPERATOR(pg_catalog.=) $1 AND department_id OPERATOR(pg_catalog.=) $2 "
	"ORDER BY line_no",
	row_skip, 2
};

static bool
is_skipped(const char *name, const char *const *skip)
{
	for (; *skip != NULL; skip++)
		if (strcmp(name, *skip) == 0)
			return true;
	return false;
}

static ColumnKind
kind_of(Oid type)
{
	switch (type)
	{
		case INT2OID:
		case INT4OID:
		case INT8OID:
			return COL_INT;
		case NUMERICOID:
			return COL_NUMERIC;
		case BOOLOID:
			return COL_BOOL;
		case DATEOID:
		case TIMESTAMPOID:
		case TIMESTAMPTZOID:
			return COL_DATETIME;
		case JSONBOID:
			return COL_JSONB;
		case FLOAT4OID:
		case FLOAT8OID:
		case JSONOID:
		case RECORDOID:
			/* written otherwise by to_jsonb: refused rather than written apart */
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("form_json cannot write a column of type %s", format_type_be(type)),
					 errhint("Add the type to src/form_json.c, as to_jsonb writes it.")));
			break;
		default:
			if (type_is_array(type) || type_is_rowtype(type) || get_typtype(type) == TYPTYPE_DOMAIN)
				ereport(ERROR,
						(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						 errmsg("form_json cannot write a column of type %s", format_type_be(type)),
						 errhint("Add the type to src/form_json.c, as to_jsonb writes it.")));
	}
	return COL_TEXT;
}

/* The writer of desc's rows: kept in TopMemoryContext, rebuilt when the row type changed. */
static RowWriter *
writer_for(FormTable *t, TupleDesc desc)
{
	RowWriter  *w = &t->writer;
	MemoryContext old;
	bool		same = w->natts == desc->natts;

	for (int i = 0; same && i < desc->natts; i++)
		same = w->types[i] == (TupleDescAttr(desc, i)->attisdropped ? InvalidOid
							   : TupleDescAttr(desc, i)->atttypid) &&
			strcmp(w->names[i], NameStr(TupleDescAttr(desc, i)->attname)) == 0;
	if (same)
		return w;

	old = MemoryContextSwitchTo(TopMemoryContext);
	w->natts = 0;				/* unusable until complete: an error below leaves it so */
	w->types = palloc(sizeof(Oid) * Max(desc->natts, 1));
	w->kinds = palloc(sizeof(ColumnKind) * Max(desc->natts, 1));
	w->out = palloc0(sizeof(FmgrInfo) * Max(desc->natts, 1));
	w->names = palloc(sizeof(char *) * Max(desc->natts, 1));
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		w->names[i] = pstrdup(NameStr(att->attname));
		w->types[i] = att->attisdropped ? InvalidOid : att->atttypid;
		if (att->attisdropped || is_skipped(w->names[i], t->skip))
			w->kinds[i] = COL_SKIP;
		else
			w->kinds[i] = kind_of(att->atttypid);
		if (w->kinds[i] == COL_TEXT || w->kinds[i] == COL_NUMERIC)
		{
			Oid			outfn;
			bool		varlena;

			getTypeOutputInfo(att->atttypid, &outfn, &varlena);
			fmgr_info_cxt(outfn, &w->out[i], TopMemoryContext);
		}
	}
	MemoryContextSwitchTo(old);
	w->natts = desc->natts;
	return w;
}

static void
push_string(JsonbParseState **st, JsonbIteratorToken token, char *s)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = s;
	v.val.string.len = strlen(s);
	(void) pushJsonbValue(st, token, &v);
}

/* One column's value, as to_jsonb writes it. */
static void
push_value(JsonbParseState **st, const RowWriter *w, int i, Datum d, bool isnull)
{
	JsonbValue	v;

	if (isnull)
	{
		v.type = jbvNull;
		(void) pushJsonbValue(st, WJB_VALUE, &v);
		return;
	}
	switch (w->kinds[i])
	{
		case COL_INT:
			v.type = jbvNumeric;
			v.val.numeric = w->types[i] == INT8OID ? int64_to_numeric(DatumGetInt64(d)) :
				int64_to_numeric(w->types[i] == INT4OID ? DatumGetInt32(d) : DatumGetInt16(d));
			break;
		case COL_NUMERIC:
			if (numeric_is_nan(DatumGetNumeric(d)) || numeric_is_inf(DatumGetNumeric(d)))
			{
				push_string(st, WJB_VALUE, OutputFunctionCall((FmgrInfo *) &w->out[i], d));
				return;
			}
			v.type = jbvNumeric;
			v.val.numeric = DatumGetNumeric(d);
			break;
		case COL_BOOL:
			v.type = jbvBool;
			v.val.boolean = DatumGetBool(d);
			break;
		case COL_DATETIME:
			push_string(st, WJB_VALUE, JsonEncodeDateTime(NULL, d, w->types[i], NULL));
			return;
		case COL_JSONB:
			{
				Jsonb	   *j = DatumGetJsonbP(d);

				v.type = jbvBinary;
				v.val.binary.data = &j->root;
				v.val.binary.len = VARSIZE(j) - VARHDRSZ;
				break;
			}
		default:
			push_string(st, WJB_VALUE, OutputFunctionCall((FmgrInfo *) &w->out[i], d));
			return;
	}
	(void) pushJsonbValue(st, WJB_VALUE, &v);
}

/* The columns of one row as keys and values of the object being built. */
static void
push_columns(JsonbParseState **st, const RowWriter *w, HeapTuple row, TupleDesc desc)
{
	for (int i = 0; i < w->natts; i++)
	{
		bool		isnull;
		Datum		d;

		if (w->kinds[i] == COL_SKIP)
			continue;
		d = SPI_getbinval(row, desc, i + 1, &isnull);
		push_string(st, WJB_KEY, w->names[i]);
		push_value(st, w, i, d, isnull);
	}
}

static void
run(FormTable *t, Datum *args)
{
	if (t->plan == NULL)
	{
		Oid			types[2] = {INT8OID, INT4OID};

		t->plan = pb_prepare_kept(t->sql, t->nargs, types, 0);
	}
	if (SPI_execute_plan(t->plan, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "form_json: could not read the form");
}

/* key: [ {row}, … ] for the rows of one table, in line order */
static void
push_rows(JsonbParseState **st, const char *key, FormTable *t, Datum *args)
{
	SPITupleTable *rows;
	RowWriter  *w;

	run(t, args);
	rows = SPI_tuptable;
	w = writer_for(t, rows->tupdesc);
	push_string(st, WJB_KEY, (char *) key);
	(void) pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		(void) pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
		push_columns(st, w, rows->vals[r], rows->tupdesc);
		(void) pushJsonbValue(st, WJB_END_OBJECT, NULL);
	}
	(void) pushJsonbValue(st, WJB_END_ARRAY, NULL);
}

Datum
form_json(PG_FUNCTION_ARGS)
{
	MemoryContext caller = CurrentMemoryContext;
	PbExtensionContext cx;
	Datum		args[2];
	SPITupleTable *project;
	RowWriter  *w;
	JsonbParseState *st = NULL;
	JsonbValue *result;
	Jsonb	   *out;
	bool		isnull;
	int			dept;

	args[0] = PG_GETARG_DATUM(0);
	pb_enter_extension_context(&cx, InvalidOid);
	run(&project_table, args);
	if (SPI_processed == 0)
	{
		pb_leave_extension_context(&cx);
		PG_RETURN_NULL();
	}
	project = SPI_tuptable;
	w = writer_for(&project_table, project->tupdesc);
	dept = SPI_fnumber(project->tupdesc, "department_id");
	if (dept <= 0)
		elog(ERROR, "form_json: perfbudget.project has no column department_id");
	args[1] = SPI_getbinval(project->vals[0], project->tupdesc, dept, &isnull);

	(void) pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	push_columns(&st, w, project->vals[0], project->tupdesc);
	push_rows(&st, "expenditure", &expenditure_table, args);
	push_rows(&st, "indicators", &indicator_table, args);
	result = pushJsonbValue(&st, WJB_END_OBJECT, NULL);

	/* before SPI_finish: the values point into the rows read */
	MemoryContextSwitchTo(caller);
	out = JsonbValueToJsonb(result);
	pb_leave_extension_context(&cx);
	PG_RETURN_JSONB_P(out);
}
