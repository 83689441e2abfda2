/*
 * form_import.c — perfbudget.import_form(doc, replace): reads a document of
 * 预算绩效目标申报表 with the pure reader (form_parse.c) and stores each form
 * in perfbudget.project, expenditure and indicator through SPI.
 *
 * All or nothing: the function runs in the caller's transaction, so an
 * error in any form leaves nothing behind.  Forms are stored in batches,
 * one INSERT per table a batch; when a form fails, the document is read
 * again with the batches redone form by form (see "batches" below), so that
 * errors read as if each form were stored alone.  Errors name the form
 * (ordinal and 项目名称) and the row, through an error context; sums are checked here
 * before any row is written so that the message says which form is off,
 * rather than surfacing at commit from the deferred trigger.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "access/genam.h"
#include "access/relscan.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "utils/array.h"
#include "utils/lsyscache.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "nodes/pg_list.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#include "form_import.h"
#include "run_as_owner.h"
#include "form_key.h"
#include "form_parse.h"
#include "form_events.h"
#include "pb_findings.h"
#include "pb_fingerprint.h"
#include "perf_parse.h"
#include "perf_pg.h"

PG_FUNCTION_INFO_V1(import_form);

/* The functions the CHECK constraints and perf_target(symbol, value) call. */
extern Datum perf_target_from_cells(PG_FUNCTION_ARGS);
extern Datum check_expenditure_row(PG_FUNCTION_ARGS);
extern Datum check_indicator_row(PG_FUNCTION_ARGS);

/* Cells of an indicator row, in the order of the INSERT's parameters. */
enum
{
	IC_L1, IC_L2, IC_L3, IC_SYMBOL, IC_HALF, IC_ANNUAL, IC_WEIGHT, IC_POINTS, IC_REMARKS,
	IC_N
};

typedef struct ImpRow
{
	char	   *cells[IC_N];	/* expenditure: item, half, annual; indicator: IC_* */
	size_t		pos;
} ImpRow;

typedef struct ImpForm
{
	int			ordinal;
	size_t		pos;			/* of the title line */
	int			year;
	StringInfoData field[FP_NFIELDS];
	char	   *amount[FA_NAMOUNTS];
	List	   *expenditure;
	List	   *indicators;
	bool		quiet;			/* its warnings were given by the first reading */
} ImpForm;

typedef struct Importer
{
	const char *doc;
	bool		replace;
	bool		distributed;	/* perfbudget.is_distributed(), asked once a call */
	ImpForm    *form;
	List	   *ids;
	const char *where;			/* the part being stored, for the context */
	int			row;
	size_t		row_pos;		/* byte offset of that row in the document */
	HTAB	   *keys;			/* name keys of the forms stored: KeySeen by hash */
	int			nkeys;
	List	   *key_list;		/* the same keys in order, to rebuild the hash */

	/*
	 * Forms are stored in batches (see "batches" below): the forms read
	 * since the batch began, the subtransaction it runs in, and whether
	 * forms are being stored one by one again after a batch failed.
	 */
	List	   *pending;		/* PendingForm, in document order */
	bool		in_batch;
	bool		careful;		/* each batch in its own subtransaction */
	bool		one_by_one;
	int			warned_through; /* forms whose warnings have been given */
	int			batch_nkeys;	/* imp->nkeys when the batch began */
	MemoryContext batch_oldcxt;
	ResourceOwner batch_owner;
	SPIPlanPtr	ids_plan;
	SPIPlanPtr	batch_project_plan;
	SPIPlanPtr	batch_expenditure_plan;
	SPIPlanPtr	batch_indicator_plan;
	MemoryContext callcxt;		/* lives for the call: ids, keys */
	MemoryContext formcxt;		/* one form's cells and statements, reset per form */
	SPIPlanPtr	lock_plan;
	char	   *locked_key;		/* department and year last locked, or NULL */
	SPIPlanPtr	department_plan;
	SPIPlanPtr	find_plan;
	SPIPlanPtr	delete_plan;
	SPIPlanPtr	project_plan;
	SPIPlanPtr	expenditure_plan;
	SPIPlanPtr	indicator_plan;
	Oid			target_type;	/* perfbudget.perf_target */
	Oid			project_relid;	/* perfbudget.project, when probed directly */
	Oid			form_key_relid; /* its index project_form_key; InvalidOid: no probe */
} Importer;

/*
 * A form key seen in this document, found by its 64-bit hash; forms whose
 * different keys share a hash (never seen, but possible) are chained.
 */
typedef struct KeySeen
{
	uint64		hash;			/* hash key */
	int			ordinal;		/* of the form, counted among the forms stored */
	char	   *key;
	struct KeySeen *next;
} KeySeen;

/* ---------------------------------------------------------------- helpers */

static char *
text_dup(FpText t)
{
	return t.len ? pnstrdup(t.p, t.len) : NULL;
}

/* Pieces of a text field joined as the PDF broke them: no space between CJK. */
void
pb_append_piece(StringInfo s, FpText t)
{
	if (t.len == 0)
		return;
	if (s->len > 0 &&
		!((unsigned char) s->data[s->len - 1] >= 0x80 && (unsigned char) t.p[0] >= 0x80))
		appendStringInfoChar(s, ' ');
	appendBinaryStringInfo(s, t.p, (int) t.len);
}

static const char *
field_or_null(ImpForm *f, FpField k)
{
	return f->field[k].len ? f->field[k].data : NULL;
}

static const char *
form_name(ImpForm *f)
{
	const char *n = f ? field_or_null(f, FP_NAME) : NULL;

	return n ? n : "";
}

/* '如皋市、' before a 主管部门 in a message, or nothing without a region. */
static const char *
region_part(const char *region)
{
	return region ? psprintf(pb_tr("region %s, "), region) : "";
}

/* '1,234.5' → '1234.5' for numeric input. */
static char *
amount_text(const char *s)
{
	char	   *r;
	char	   *o;

	if (s == NULL)
		return NULL;
	r = o = palloc(strlen(s) + 1);
	for (; *s; s++)
		if (*s != ',')
			*o++ = *s;
	*o = '\0';
	return r;
}

/* '2024年1月', '2024 年 1 月', '2024.1', '2024-01' → '2024-01-01'; NULL when blank. */
static char *
month_text(ImpForm *f, FpField k, const char *label)
{
	const char *s = field_or_null(f, k);
	char	   *out;
	PbCell		cell;
	PbError		err;
	int			year;
	int			month;

	if (s == NULL)
		return NULL;
	if (fp_year_month(s, strlen(s), &year, &month))
		return psprintf("%04d-%02d-01", year, month);
	out = palloc(strlen(s) + 1);
	if (!pb_parse_cell(s, strlen(s), out, &cell, &err) ||
		cell.kind != PB_KIND_DATE || cell.lo.year == 0 || cell.lo.month == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("form %d \"%s\": the %s \"%s\" is not a year and month", f->ordinal, form_name(f),
						label, s),
				 errdetail("The %s is written as a year and a month.", label),
				 errhint("Write it such as \"2024年1月\".")));
	return psprintf("%04d-%02d-01", cell.lo.year, cell.lo.month);
}

/* ---------------------------------------------------------------- sink */

static void
on_form(void *arg, int ordinal, size_t pos)
{
	Importer   *imp = (Importer *) arg;
	ImpForm    *f;

	/*
	 * The previous form is stored: its memory goes, so a call stays flat.
	 * A batch keeps its forms until it is stored (at most
	 * IMPORT_BATCH_FORMS of them).
	 */
	if (!imp->in_batch)
		MemoryContextReset(imp->formcxt);
	f = palloc0(sizeof(ImpForm));
	f->ordinal = ordinal;
	f->pos = pos;
	f->quiet = ordinal <= imp->warned_through;
	for (int i = 0; i < FP_NFIELDS; i++)
		initStringInfo(&f->field[i]);
	imp->form = f;
}

static void
on_year(void *arg, int year)
{
	((Importer *) arg)->form->year = year;
}

static void
on_field(void *arg, FpField k, FpText t)
{
	pb_append_piece(&((Importer *) arg)->form->field[k], t);
}

static void
on_amount(void *arg, FpAmount a, FpText t, size_t pos)
{
	(void) pos;
	((Importer *) arg)->form->amount[a] = text_dup(t);
}

static void
on_expenditure(void *arg, FpText item, FpText half, FpText annual, size_t pos)
{
	Importer   *imp = (Importer *) arg;
	ImpRow	   *r = palloc0(sizeof(ImpRow));

	r->cells[0] = text_dup(item);
	r->cells[1] = text_dup(half);
	r->cells[2] = text_dup(annual);
	r->pos = pos;
	imp->form->expenditure = lappend(imp->form->expenditure, r);
}

/*
 * The target value of a row read with a separate unit column: '95' and '%'
 * make '95%'.  The unit completes a number only; a value that already ends
 * in it is kept, and a unit that does not fit the value (a phrase, another
 * unit) is kept in the remarks, so that nothing written is lost.
 */
static char *
value_with_unit(const FpIndicator *row, StringInfo remarks)
{
	char	   *v = text_dup(row->annual);
	size_t		vl = row->annual.len;
	char		last = vl ? v[vl - 1] : 0;

	if (row->date_year)
		return psprintf("%d年%d月%d日", row->date_year, row->date_month, row->date_day);
	if (row->unit.len == 0)
		return v;
	if (last >= '0' && last <= '9')
		return psprintf("%s%.*s", v, (int) row->unit.len, row->unit.p);
	if (vl >= row->unit.len && memcmp(v + vl - row->unit.len, row->unit.p, row->unit.len) == 0)
		return v;
	appendStringInfo(remarks, "%s计量单位：%.*s", remarks->len ? "；" : "",
					 (int) row->unit.len, row->unit.p);
	return v;
}

static void
on_indicator(void *arg, const FpIndicator *row, size_t pos)
{
	Importer   *imp = (Importer *) arg;
	ImpRow	   *r = palloc0(sizeof(ImpRow));
	StringInfoData remarks;

	initStringInfo(&remarks);
	for (int i = 0; i < 3; i++)
		r->cells[IC_L1 + i] = text_dup(row->names[i]);
	r->cells[IC_SYMBOL] = text_dup(row->symbol);
	r->cells[IC_HALF] = text_dup(row->half);
	r->cells[IC_WEIGHT] = amount_text(text_dup(row->weight));
	r->cells[IC_POINTS] = text_dup(row->level1_points);
	for (int i = 0; i < 3; i++)
		if (row->remarks[i].len)
			appendStringInfo(&remarks, "%s%s：%.*s", remarks.len ? "；" : "",
							 fp_remark_labels[i], (int) row->remarks[i].len, row->remarks[i].p);
	r->cells[IC_ANNUAL] = value_with_unit(row, &remarks);
	r->cells[IC_REMARKS] = remarks.len ? remarks.data : NULL;
	r->pos = pos;
	imp->form->indicators = lappend(imp->form->indicators, r);
}

static void store_or_batch(Importer *imp, ImpForm *f);

static void
on_end(void *arg)
{
	Importer   *imp = (Importer *) arg;

	store_or_batch(imp, imp->form);
}

/* ---------------------------------------------------------------- storing */

/* 1-based line of the document at byte offset pos. */
static int
doc_line(const Importer *imp, size_t pos)
{
	int			line = 1;

	for (size_t i = 0; i < pos; i++)
		if (imp->doc[i] == '\n')
			line++;
	return line;
}

static void
import_context(void *arg)
{
	Importer   *imp = (Importer *) arg;

	if (imp->form == NULL)
		return;
	if (imp->row > 0)
		errcontext("importing form %d \"%s\", %s row %d (line %d of the document)",
				   imp->form->ordinal, form_name(imp->form), pb_tr(imp->where), imp->row,
				   doc_line(imp, imp->row_pos));
	else
		errcontext("importing form %d \"%s\", %s (title at line %d of the document)",
				   imp->form->ordinal, form_name(imp->form), pb_tr(imp->where),
				   doc_line(imp, imp->form->pos));
}

static SPIPlanPtr
prepare_typed(const char *sql, int nargs, Oid *types)
{
	SPIPlanPtr	p = SPI_prepare(sql, nargs, types);

	if (p == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	return p;
}

/* A statement whose parameters are all text. */
static SPIPlanPtr
prepare(const char *sql, int nargs)
{
	Oid			types[32];

	for (int i = 0; i < nargs; i++)
		types[i] = TEXTOID;
	return prepare_typed(sql, nargs, types);
}

static void
prepare_plans(Importer *imp)
{
	/*
	 * one importer at a time per department and year: concurrent replaces
	 * of a form queue.  Not a lock per form: a transaction-level lock stays
	 * in the shared lock table until commit, and a document of 12,000 forms
	 * filled it (out of shared memory) under the default
	 * max_locks_per_transaction.
	 */
	imp->lock_plan = prepare(PB_IMPORT_LOCK_SQL, 1);
	/* the department (found or made), then the form by project_form_key */
	imp->department_plan = prepare(PB_DEPARTMENT_ID_SQL, 2);
	imp->find_plan = prepare(
		"SELECT id, region, department, name FROM perfbudget.project"
		" WHERE department_id = $1::integer AND budget_year = $2::integer"
		" AND perfbudget.name_key(name) = $3", 3);
	imp->delete_plan = prepare(
		"DELETE FROM perfbudget.project WHERE id = $1::bigint AND department_id = $2::integer", 2);
	imp->project_plan = prepare(
		"INSERT INTO perfbudget.project (budget_year, name, department,"
		" implementing_unit, reporting_unit, attribute, level, category,"
		" start_month, end_month, manager, phone, necessity, feasibility, content,"
		" long_term_goal, annual_goal, total, fiscal_subtotal, general_budget,"
		" government_fund, special_account, state_capital, social_insurance_fund,"
		" carryover, other_funds, spend_half_year, spend_annual, region, region_level,"
		" department_id)"
		" VALUES ($1::integer, $2, $3, $4, $5, $6, $7, $8, $9::date, $10::date,"
		" $11, $12, $13, $14, $15, $16, $17, $18::numeric, $19::numeric,"
		" $20::numeric, $21::numeric, $22::numeric, $23::numeric, $24::numeric,"
		" $25::numeric, $26::numeric, $27::numeric, $28::numeric, $29, $30,"
		" $31::integer) RETURNING id", 31);
	/*
	 * A form's rows go in one statement per table: the rows arrive as
	 * arrays, each already read and checked in C with the row in the error
	 * context (store_rows), so a failure names its row.
	 */
	{
		Oid			types[11];

		imp->target_type = DatumGetObjectId(DirectFunctionCall1(to_regtype,
									CStringGetTextDatum("perfbudget.perf_target")));
		types[0] = INT8OID;
		types[1] = TEXTARRAYOID;
		types[2] = NUMERICARRAYOID;
		types[3] = NUMERICARRAYOID;
		types[4] = INT4OID;
		imp->expenditure_plan = prepare_typed(
			"INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual,"
			" department_id)"
			" SELECT $1, r.n, r.item, r.half, r.annual, $5"
			" FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4))"
			" WITH ORDINALITY AS r(item, half, annual, n)",
			5, types);
		types[1] = types[2] = types[3] = TEXTARRAYOID;
		types[4] = types[5] = get_array_type(imp->target_type);
		types[6] = NUMERICARRAYOID;
		types[7] = types[8] = TEXTARRAYOID;
		types[9] = INT4OID;
		imp->indicator_plan = prepare_typed(
			"INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3,"
			" half_year_target, annual_target, weight, level1_points, remarks, department_id)"
			" SELECT $1, r.n, r.l1, r.l2, r.l3, r.half, r.annual, r.weight, r.points, r.remarks, $10"
			" FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4),"
			" pg_catalog.unnest($5), pg_catalog.unnest($6), pg_catalog.unnest($7),"
			" pg_catalog.unnest($8), pg_catalog.unnest($9)) WITH ORDINALITY"
			" AS r(l1, l2, l3, half, annual, weight, points, remarks, n)", 10, types);
	}
}

/* Execute a prepared statement; SPI returns in its own context: come back. */
static void
execute(SPIPlanPtr plan, Datum *values, const char *nulls, int expect)
{
	MemoryContext cxt = CurrentMemoryContext;
	int			rc = SPI_execute_plan(plan, values, nulls, false, 0);

	MemoryContextSwitchTo(cxt);
	if (rc != expect)
		elog(ERROR, "SPI_execute_plan returned %s", SPI_result_code_string(rc));
}

static void
run(SPIPlanPtr plan, const char **args, int nargs, int expect)
{
	Datum		values[32];
	char		nulls[32];

	for (int i = 0; i < nargs; i++)
	{
		values[i] = args[i] ? CStringGetTextDatum(args[i]) : (Datum) 0;
		nulls[i] = args[i] ? ' ' : 'n';
	}
	execute(plan, values, nulls, expect);
}

/* Call a C function of this module as SQL would, NULL arguments included. */
static Datum
call(PGFunction fn, int nargs, const Datum *values, const bool *nulls, bool *isnull)
{
	LOCAL_FCINFO(fcinfo, 6);
	Datum		result;

	Assert(nargs <= 6);
	InitFunctionCallInfoData(*fcinfo, NULL, nargs, InvalidOid, NULL, NULL);
	for (int i = 0; i < nargs; i++)
	{
		fcinfo->args[i].value = values[i];
		fcinfo->args[i].isnull = nulls[i];
	}
	result = fn(fcinfo);
	if (isnull)
		*isnull = fcinfo->isnull;
	return result;
}

static Datum
text_datum(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? CStringGetTextDatum(s) : (Datum) 0;
}

static Datum
numeric_datum(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? DirectFunctionCall3(numeric_in, CStringGetDatum(s), ObjectIdGetDatum(InvalidOid),
								   Int32GetDatum(-1)) : (Datum) 0;
}

/* One column of a form's rows, as the array the INSERT unnests. */
typedef struct Column
{
	Datum	   *values;
	bool	   *nulls;
} Column;

static void
column_init(Column *c, int n)
{
	c->values = palloc(sizeof(Datum) * n);
	c->nulls = palloc(sizeof(bool) * n);
}

static Datum
column_array(const Column *c, int n, Oid elemtype)
{
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int			dims[1] = {n};
	int			lbs[1] = {1};

	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	return PointerGetDatum(construct_md_array(c->values, c->nulls, 1, dims, lbs, elemtype,
											  typlen, typbyval, typalign));
}

/* Run a CHECK function of the row, so that its error has the row's context. */
static void
check_row(PGFunction fn, int64 id, int line, Datum name, bool name_null, Datum half,
		  bool half_null, Datum annual, bool annual_null, const char *conname)
{
	Datum		v[6] = {Int64GetDatum(id), Int32GetDatum(line), name, half, annual,
	CStringGetTextDatum(conname)};
	bool		n[6] = {false, false, name_null, half_null, annual_null, false};

	(void) call(fn, 6, v, n, NULL);
}

/* The 资金分配 rows of a form, read and checked row by row, stored at once. */
static void
store_expenditure(Importer *imp, ImpForm *f, int64 id, int32 department_id)
{
	int			n = list_length(f->expenditure);
	Column		item, half, annual;
	ListCell   *lc;
	int			i = 0;
	Datum		args[5];

	if (n == 0)
		return;
	column_init(&item, n);
	column_init(&half, n);
	column_init(&annual, n);
	imp->where = PB_N_("expenditure");
	foreach(lc, f->expenditure)
	{
		ImpRow	   *r = lfirst(lc);

		imp->row = i + 1;
		imp->row_pos = r->pos;
		item.values[i] = text_datum(r->cells[0], &item.nulls[i]);
		half.values[i] = numeric_datum(amount_text(r->cells[1]), &half.nulls[i]);
		annual.values[i] = numeric_datum(amount_text(r->cells[2]), &annual.nulls[i]);
		check_row(check_expenditure_row, id, i + 1, item.values[i], item.nulls[i],
				  half.values[i], half.nulls[i], annual.values[i], annual.nulls[i],
				  "expenditure_row_amounts");
		i++;
	}
	imp->row = 0;
	args[0] = Int64GetDatum(id);
	args[1] = column_array(&item, n, TEXTOID);
	args[2] = column_array(&half, n, NUMERICOID);
	args[3] = column_array(&annual, n, NUMERICOID);
	args[4] = Int32GetDatum(department_id);
	execute(imp->expenditure_plan, args, NULL, SPI_OK_INSERT);
}

/* The indicator rows of a form: targets read and rows checked row by row, stored at once. */
static void
store_indicators(Importer *imp, ImpForm *f, int64 id, int32 department_id)
{
	int			n = list_length(f->indicators);
	Column		col[8];			/* l1 l2 l3 half annual weight points remarks */
	static const int text_cols[] = {0, 1, 2, 6, 7};
	ListCell   *lc;
	int			i = 0;
	Datum		args[10];

	if (n == 0)
		return;
	for (int c = 0; c < 8; c++)
		column_init(&col[c], n);
	imp->where = PB_N_("indicator");
	foreach(lc, f->indicators)
	{
		ImpRow	   *r = lfirst(lc);
		Datum		cells[2];
		bool		cell_nulls[2];

		imp->row = i + 1;
		imp->row_pos = r->pos;
		col[0].values[i] = text_datum(r->cells[IC_L1], &col[0].nulls[i]);
		col[1].values[i] = text_datum(r->cells[IC_L2], &col[1].nulls[i]);
		col[2].values[i] = text_datum(r->cells[IC_L3], &col[2].nulls[i]);
		cells[0] = text_datum(r->cells[IC_SYMBOL], &cell_nulls[0]);
		for (int t = 0; t < 2; t++)
		{
			const char *value = r->cells[t == 0 ? IC_HALF : IC_ANNUAL];

			cells[1] = text_datum(value, &cell_nulls[1]);
			col[3 + t].values[i] = call(perf_target_from_cells, 2, cells, cell_nulls,
										&col[3 + t].nulls[i]);
		}
		col[5].values[i] = numeric_datum(r->cells[IC_WEIGHT], &col[5].nulls[i]);
		col[6].values[i] = text_datum(r->cells[IC_POINTS], &col[6].nulls[i]);
		col[7].values[i] = text_datum(r->cells[IC_REMARKS], &col[7].nulls[i]);
		check_row(check_indicator_row, id, i + 1, col[2].values[i], col[2].nulls[i],
				  col[3].values[i], col[3].nulls[i], col[4].values[i], col[4].nulls[i],
				  "indicator_targets");
		i++;
	}
	imp->row = 0;
	args[0] = Int64GetDatum(id);
	for (int c = 0; c < (int) lengthof(text_cols); c++)
		args[1 + text_cols[c]] = column_array(&col[text_cols[c]], n, TEXTOID);
	args[4] = column_array(&col[3], n, imp->target_type);
	args[5] = column_array(&col[4], n, imp->target_type);
	args[6] = column_array(&col[5], n, NUMERICOID);
	args[9] = Int32GetDatum(department_id);
	execute(imp->indicator_plan, args, NULL, SPI_OK_INSERT);
}

/* Σ rows of one column, or NULL text for an all-blank column. */
static Numeric
column_sum(List *rows, int col)
{
	Numeric		sum = int64_to_numeric(0);
	ListCell   *lc;

	foreach(lc, rows)
	{
		ImpRow	   *r = lfirst(lc);

		if (r->cells[col])
			sum = numeric_add_opt_error(sum, DatumGetNumeric(pb_numeric_from_text(amount_text(r->cells[col]))),
										NULL);
	}
	return sum;
}

static Numeric
amount_or_zero(ImpForm *f, FpAmount a)
{
	return f->amount[a] ? DatumGetNumeric(pb_numeric_from_text(amount_text(f->amount[a])))
		: int64_to_numeric(0);
}

/* The 资金分配 rows add up to the 资金总额 row, per column. */
static void
check_sums(ImpForm *f)
{
	static const char *const cols[] = {"半年(程)计划执行数", "全年(程)预算数"};

	if (f->expenditure == NIL)
		return;
	for (int c = 0; c < 2; c++)
	{
		Numeric		total = amount_or_zero(f, c == 0 ? FA_SPEND_HALF : FA_SPEND_ANNUAL);
		Numeric		sum = column_sum(f->expenditure, c + 1);

		if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(total),
											  NumericGetDatum(sum))) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("form %d \"%s\": the expenditure rows (资金分配) do not add up to the expenditure total (资金总额)",
							f->ordinal, form_name(f)),
					 errdetail("%s: 资金总额 %s, the %d rows add up to %s.", cols[c],
							   numeric_normalize(total), list_length(f->expenditure),
							   numeric_normalize(sum)),
					 errhint("The 资金分配 rows add up to the 资金总额 of the expenditure, in the half-year and in the annual column; a blank cell counts as 0."),
					 /* the rule of the constraint trigger (expenditure_sum.c), checked here first */
					 err_generic_string(PG_DIAG_SCHEMA_NAME, "perfbudget"),
					 err_generic_string(PG_DIAG_TABLE_NAME, "expenditure"),
					 err_generic_string(PG_DIAG_CONSTRAINT_NAME, "expenditure_matches_total")));
	}
}

/* The longest names (PB_MAX_*_CHARS) are those the unique index of a form can hold (CHECK project_name_lengths). */
static void
require_length(ImpForm *f, const char *label, const char *s, int max)
{
	int			n;

	if (s == NULL)
		return;
	n = pg_mbstrlen(s);
	if (n > max)
		ereport(ERROR,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("form %d: the %s is too long (%d characters)", f->ordinal, label, n),
				 errdetail("A %s has at most %d characters; this one begins \"%s…\".", label, max,
						   pnstrdup(s, pg_mbcharcliplen(s, strlen(s), 90))),
				 errhint("Check the document: what follows the %s may have been joined to this cell.", label)));
}

static void
require_header(ImpForm *f)
{
	if (f->year < PB_MIN_BUDGET_YEAR || f->year > PB_MAX_BUDGET_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("form %d \"%s\": the budget year %d is not plausible", f->ordinal, form_name(f), f->year),
				 errhint("Below the title a form gives its year, such as \"(2024年度)\".")));
	require_length(f, "项目名称", field_or_null(f, FP_NAME), PB_MAX_NAME_CHARS);
	require_length(f, "主管部门", field_or_null(f, FP_DEPARTMENT), PB_MAX_DEPARTMENT_CHARS);
	require_length(f, "行政区划", field_or_null(f, FP_REGION), PB_MAX_REGION_CHARS);
}

/*
 * Region and department are stored in their canonical form (form_key.c),
 * so that a name typed with a look-alike or invisible character is the
 * same department in every roll-up; the sender is told.
 */
static void
warn_canonical(ImpForm *f, const char *label, const char *s, const char *c)
{
	if (f->quiet)
		return;
	ereport(WARNING,
			(errmsg("form %d \"%s\": the %s \"%s\" holds compatibility or invisible characters; it is stored as \"%s\"",
					f->ordinal, form_name(f), label, s, c),
			 errdetail("Names are compared and stored in Unicode NFKC form without invisible characters.")));
}

/* A warning held back while a batch may still be stored again one form at a time. */
typedef struct HeldWarning
{
	const char *label;
	const char *written;
	const char *stored;
} HeldWarning;

static char *
canonical_field(ImpForm *f, FpField k, const char *label, List **held)
{
	const char *s = field_or_null(f, k);
	char	   *c;

	if (s == NULL)
		return NULL;
	c = pb_fold_name(s, strlen(s), true);
	if (strcmp(c, s) != 0)
	{
		if (held)
		{
			HeldWarning *w = palloc(sizeof(HeldWarning));

			w->label = label;
			w->written = s;
			w->stored = c;
			*held = lappend(*held, w);
		}
		else
			warn_canonical(f, label, s, c);
	}
	return c;
}

/*
 * Is a form stored under (department_id, year, name key)?  One probe of the
 * unique index project_form_key, under the snapshot the look-up statement
 * would take.  Most forms of a load are new: for them this is the whole
 * look-up.  A statement would do the same through the planner, which, from
 * statistics taken while the database held a form or two, picked another
 * index and computed name_key of every stored name for each form (87 % of
 * a 5,000-form import into a database analyzed at one form).  A form found
 * here is looked up again by that statement, under the caller's row-level
 * security, and replaced or refused as before: the probe only tells
 * "certainly not stored".
 */
static bool
form_key_may_be_taken(Importer *imp, const char *department_id, const char *year,
					  const char *name_key)
{
	Relation	heap;
	Relation	index;
	ScanKeyData sk[3];
	IndexScanDesc scan;
	TupleTableSlot *slot;
	Snapshot	snapshot;
	bool		found;

	if (!OidIsValid(imp->form_key_relid) || department_id == NULL)
		return true;
	/* this call's earlier statements are seen, as by a statement */
	CommandCounterIncrement();
	snapshot = RegisterSnapshot(GetTransactionSnapshot());
	heap = table_open(imp->project_relid, AccessShareLock);
	index = index_open(imp->form_key_relid, AccessShareLock);
	ScanKeyEntryInitialize(&sk[0], 0, 1, BTEqualStrategyNumber, InvalidOid,
						   index->rd_indcollation[0], F_INT4EQ,
						   Int32GetDatum(pg_strtoint32(department_id)));
	ScanKeyEntryInitialize(&sk[1], 0, 2, BTEqualStrategyNumber, InvalidOid,
						   index->rd_indcollation[1], F_INT4EQ,
						   Int32GetDatum(pg_strtoint32(year)));
	ScanKeyEntryInitialize(&sk[2], 0, 3, BTEqualStrategyNumber, InvalidOid,
						   index->rd_indcollation[2], F_TEXTEQ,
						   CStringGetTextDatum(name_key));
	scan = index_beginscan(heap, index, snapshot, 3, 0);
	index_rescan(scan, sk, 3, NULL, 0);
	slot = table_slot_create(heap, NULL);
	found = index_getnext_slot(scan, ForwardScanDirection, slot);
	ExecDropSingleTupleTableSlot(slot);
	index_endscan(scan);
	index_close(index, AccessShareLock);
	table_close(heap, AccessShareLock);
	UnregisterSnapshot(snapshot);
	return found;
}

/*
 * Probe project_form_key directly (form_key_may_be_taken) when it is the
 * index this reader knows — (department_id, budget_year, an expression) —
 * and the forms are stored here: on Citus the coordinator's table is empty
 * and only the statement reaches the shards.
 */
static void
choose_probe(Importer *imp)
{
	Oid			nsp = get_namespace_oid("perfbudget", false);
	bool		isnull;
	Relation	index;

	imp->project_relid = get_relname_relid("project", nsp);
	imp->form_key_relid = get_relname_relid("project_form_key", nsp);
	if (SPI_execute("SELECT perfbudget.is_distributed()", true, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "could not tell whether the forms are distributed");
	imp->distributed = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0],
												  SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	if (imp->distributed || !OidIsValid(imp->project_relid) || !OidIsValid(imp->form_key_relid))
	{
		imp->form_key_relid = InvalidOid;
		return;
	}
	index = index_open(imp->form_key_relid, AccessShareLock);
	if (index->rd_index->indrelid != imp->project_relid ||
		index->rd_index->indnkeyatts != 3 ||
		index->rd_index->indkey.values[0] != get_attnum(imp->project_relid, "department_id") ||
		index->rd_index->indkey.values[1] != get_attnum(imp->project_relid, "budget_year") ||
		index->rd_index->indkey.values[2] != 0 ||
		TupleDescAttr(RelationGetDescr(index), 2)->atttypid != TEXTOID)
		imp->form_key_relid = InvalidOid;
	index_close(index, AccessShareLock);
}

/*
 * The advisory lock of a department's forms of a year, taken once a call
 * for consecutive forms of the same department and year (documents come
 * grouped by department; a lock already held would only be counted again).
 */
static void
lock_department_year(Importer *imp, const char *department_id, const char *year)
{
	char	   *key = pb_import_lock_key(department_id, year);

	if (imp->locked_key != NULL && strcmp(imp->locked_key, key) == 0)
	{
		pfree(key);
		return;
	}
	run(imp->lock_plan, (const char **) &key, 1, SPI_OK_SELECT);
	SPI_freetuptable(SPI_tuptable);
	if (imp->locked_key != NULL)
		pfree(imp->locked_key);
	imp->locked_key = MemoryContextStrdup(imp->callcxt, key);
	pfree(key);
}

/*
 * The form already stored under the same key (year, region, department,
 * name after folding): replace it or refuse.  The advisory lock on the
 * department and year makes a concurrent import of the same form wait for
 * this one and then see its row, so two replaces end in one form, not in a
 * unique violation.
 */
static char *
replace_or_refuse(Importer *imp, ImpForm *f, const char *year,
				  const char *region, const char *department)
{
	const char *key[4];
	const char *find[3];
	const char *names[2] = {region, department};
	char	   *department_id;
	char	   *lock_key;
	uint64		h;
	KeySeen    *seen;
	bool		found;

	key[0] = year;
	key[1] = pb_name_key(region);
	key[2] = pb_name_key(department);
	key[3] = pb_name_key(field_or_null(f, FP_NAME));
	lock_key = psprintf("%s\x1f%s\x1f%s\x1f%s", key[0], key[1], key[2], key[3]);

	/* a hash of the keys seen, not a walk of them: a call stays linear in its forms */
	h = DatumGetUInt64(hash_any_extended((const unsigned char *) lock_key,
										 (int) strlen(lock_key), 0));
	seen = hash_search(imp->keys, &h, HASH_ENTER, &found);
	if (!found)
		seen->key = NULL;
	for (KeySeen *k = found ? seen : NULL; k != NULL; k = k->next)
		if (strcmp(k->key, lock_key) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNIQUE_VIOLATION),
					 errmsg("form %d \"%s\" is the same project as form %d of the document",
							f->ordinal, form_name(f), k->ordinal),
					 errdetail("Budget year %s, %s主管部门 \"%s\": the project names are the same (compared in normalized form).",
							   year, region_part(region), department),
					 errhint("A project appears once in a document; remove the repeated form and import again.")));
	{
		MemoryContext old = MemoryContextSwitchTo(imp->callcxt);
		KeySeen    *k = seen;

		if (seen->key != NULL)
		{
			/* another key with the same hash: chain this one behind it */
			k = palloc(sizeof(KeySeen));
			k->hash = h;
			k->next = seen->next;
			seen->next = k;
		}
		else
			k->next = NULL;
		k->ordinal = ++imp->nkeys;
		k->key = pstrdup(lock_key);
		imp->key_list = lappend(imp->key_list, k->key);
		MemoryContextSwitchTo(old);
	}

	run(imp->department_plan, names, 2, SPI_OK_SELECT);
	department_id = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	SPI_freetuptable(SPI_tuptable);
	lock_department_year(imp, department_id, year);
	if (!form_key_may_be_taken(imp, department_id, year, key[3]))
		return department_id;
	find[0] = department_id;
	find[1] = year;
	find[2] = key[3];
	run(imp->find_plan, find, 3, SPI_OK_SELECT);
	if (SPI_processed == 0)
	{
		SPI_freetuptable(SPI_tuptable);
		return department_id;
	}
	if (!imp->replace)
	{
		char	   *old_name = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4);

		ereport(ERROR,
				(errcode(ERRCODE_UNIQUE_VIOLATION),
				 errmsg("form %d \"%s\" has been imported already", f->ordinal, form_name(f)),
				 strcmp(old_name, form_name(f)) == 0 ?
				 errdetail("Budget year %s, %s主管部门 \"%s\" has a project of this name already.", year,
						   region_part(region), department) :
				 errdetail("Budget year %s, %s主管部门 \"%s\" has the project \"%s\" already, whose name differs from this form's only in compatibility characters, invisible characters or white space.",
						   year, region_part(region), department, old_name),
				 errhint("To replace the stored form by this one, call perfbudget.import_form(doc, replace => true).")));
	}
	{
		const char *old[2];

		old[0] = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
		old[1] = department_id;
		SPI_freetuptable(SPI_tuptable);

		run(imp->delete_plan, old, 2, SPI_OK_DELETE);
	}
	return department_id;
}

/*
 * A form's header checked and its key taken (lock, duplicate, replace), as
 * the parameters of its project INSERT in p[31] (p[30] the department id).  Warnings go to *held when
 * held is given (a batch), else out at once.
 */
static void
prepare_form(Importer *imp, ImpForm *f, const char **p, List **held)
{
	char	   *year = psprintf("%d", f->year);
	char	   *region;
	char	   *department;

	imp->where = PB_N_("header");
	imp->row = 0;
	require_header(f);
	region = canonical_field(f, FP_REGION, "行政区划", held);
	department = canonical_field(f, FP_DEPARTMENT, "主管部门", held);
	p[30] = replace_or_refuse(imp, f, year, region, department);

	imp->where = PB_N_("amounts");
	check_sums(f);

	p[0] = year;
	p[1] = field_or_null(f, FP_NAME);
	p[2] = department;
	p[3] = field_or_null(f, FP_IMPLEMENTING_UNIT);
	p[4] = field_or_null(f, FP_REPORTING_UNIT);
	p[5] = field_or_null(f, FP_ATTRIBUTE);
	p[6] = field_or_null(f, FP_LEVEL);
	p[7] = field_or_null(f, FP_CATEGORY);
	imp->where = PB_N_("header");
	p[8] = month_text(f, FP_START, "开始时间");
	p[9] = month_text(f, FP_END, "完成时间");
	p[10] = field_or_null(f, FP_MANAGER);
	p[11] = field_or_null(f, FP_PHONE);
	p[12] = field_or_null(f, FP_NECESSITY);
	p[13] = field_or_null(f, FP_FEASIBILITY);
	p[14] = field_or_null(f, FP_CONTENT);
	p[15] = field_or_null(f, FP_LONG_TERM_GOAL);
	p[16] = field_or_null(f, FP_ANNUAL_GOAL);
	for (int a = 0; a < FA_NAMOUNTS; a++)
		p[17 + a] = amount_text(f->amount[a]);
	p[28] = region;
	p[29] = field_or_null(f, FP_REGION_LEVEL);
}

/* Store one form by itself; the id goes to imp->ids. */
static void
store_form(Importer *imp, ImpForm *f)
{
	const char *p[31];
	int64		id;
	bool		isnull;
	char	   *idtext;

	prepare_form(imp, f, p, NULL);
	imp->where = PB_N_("header and amounts");
	run(imp->project_plan, p, 31, SPI_OK_INSERT_RETURNING);
	id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	idtext = psprintf(INT64_FORMAT, id);
	if (!imp->distributed)
		pb_forms_promise(&id, 1);
	pb_importing_form(id, psprintf(pb_tr("form %d \"%s\""), f->ordinal, form_name(f)));

	store_expenditure(imp, f, id, pg_strtoint32(p[30]));
	store_indicators(imp, f, id, pg_strtoint32(p[30]));
	imp->row = 0;
	pb_imported_form();
	{
		MemoryContext old = MemoryContextSwitchTo(imp->callcxt);

		imp->ids = lappend(imp->ids, pstrdup(idtext));
		MemoryContextSwitchTo(old);
	}
}

/* ---------------------------------------------------------------- batches */

/*
 * Forms are stored IMPORT_BATCH_FORMS at a time: each batch's project,
 * expenditure and indicator rows go in one INSERT per table, so that the
 * cost of a statement (planning the CHECK constraints, starting the
 * executor) is paid per batch rather than per form.
 *
 * The document is read twice only when a form is wrong.  The first reading
 * stores every batch in one subtransaction.  If anything fails, that
 * subtransaction is rolled back and the document is read again carefully:
 * each batch in a subtransaction of its own and, when one fails, its forms
 * stored again one by one, as a call without batches would, so that the
 * first error they raise is the one the call reports, with its form, row
 * and document line, and nothing of the call remains.  Warnings are held
 * until their batch is stored, and the careful reading does not repeat
 * those the first one gave.
 *
 * Why not a subtransaction a batch from the start: each committed
 * subtransaction keeps its memory until the caller's transaction ends (the
 * transition tables of the findings triggers, some 512 kB a batch), and
 * past 64 of them other sessions' snapshots become slower until it commits.
 */
#define IMPORT_BATCH_FORMS 100

typedef struct PendingForm
{
	ImpForm    *form;
	const char *p[31];
	List	   *held;			/* HeldWarning */
} PendingForm;

static void
begin_batch(Importer *imp)
{
	imp->batch_oldcxt = CurrentMemoryContext;
	imp->batch_owner = CurrentResourceOwner;
	imp->batch_nkeys = imp->nkeys;
	if (imp->careful)
	{
		BeginInternalSubTransaction(NULL);
		MemoryContextSwitchTo(imp->batch_oldcxt);
	}
	imp->in_batch = true;
}

static void
end_batch(Importer *imp, bool stored)
{
	if (imp->careful)
	{
		if (stored)
			ReleaseCurrentSubTransaction();
		else
			RollbackAndReleaseCurrentSubTransaction();
	}
	MemoryContextSwitchTo(imp->batch_oldcxt);
	CurrentResourceOwner = imp->batch_owner;
	imp->in_batch = false;
}

/* A column of the batch: n values and their nulls, as an array datum. */
static Datum
batch_array(Datum *values, bool *nulls, int n, Oid elemtype)
{
	Column		c = {values, nulls};

	return column_array(&c, n, elemtype);
}

static void
prepare_batch_plans(Importer *imp)
{
	Oid			types[32];
	StringInfoData sql;
	static const char *const cols =
		"budget_year, name, department, implementing_unit, reporting_unit, attribute, level,"
		" category, start_month, end_month, manager, phone, necessity, feasibility, content,"
		" long_term_goal, annual_goal, total, fiscal_subtotal, general_budget,"
		" government_fund, special_account, state_capital, social_insurance_fund,"
		" carryover, other_funds, spend_half_year, spend_annual, region, region_level,"
		" department_id";
	static const char *const casts[31] = {
		"::integer", "", "", "", "", "", "", "", "::date", "::date", "", "", "", "", "", "", "",
		"::numeric", "::numeric", "::numeric", "::numeric", "::numeric", "::numeric", "::numeric",
		"::numeric", "::numeric", "::numeric", "::numeric", "", "", "::integer"
	};

	if (imp->ids_plan != NULL)
		return;
	types[0] = INT4OID;
	imp->ids_plan = prepare_typed(
		"SELECT pg_catalog.nextval(pg_catalog.pg_get_serial_sequence('perfbudget.project', 'id'))"
		" FROM pg_catalog.generate_series(1, $1)", 1, types);

	initStringInfo(&sql);
	appendStringInfo(&sql, "INSERT INTO perfbudget.project (id, %s) SELECT r.id", cols);
	for (int i = 0; i < 31; i++)
		appendStringInfo(&sql, ", r.c%d%s", i, casts[i]);
	appendStringInfoString(&sql, " FROM ROWS FROM (pg_catalog.unnest($1)");
	for (int i = 0; i < 31; i++)
		appendStringInfo(&sql, ", pg_catalog.unnest($%d)", i + 2);
	appendStringInfoString(&sql, ") AS r(id");
	for (int i = 0; i < 31; i++)
		appendStringInfo(&sql, ", c%d", i);
	appendStringInfoChar(&sql, ')');
	types[0] = INT8ARRAYOID;
	for (int i = 1; i < 32; i++)
		types[i] = TEXTARRAYOID;
	imp->batch_project_plan = prepare_typed(sql.data, 32, types);

	types[0] = INT8ARRAYOID;
	types[1] = INT4ARRAYOID;
	types[2] = TEXTARRAYOID;
	types[3] = types[4] = NUMERICARRAYOID;
	types[5] = INT4ARRAYOID;
	imp->batch_expenditure_plan = prepare_typed(
		"INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual,"
		" department_id)"
		" SELECT * FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2),"
		" pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5),"
		" pg_catalog.unnest($6))", 6, types);

	types[2] = types[3] = types[4] = TEXTARRAYOID;
	types[5] = types[6] = get_array_type(imp->target_type);
	types[7] = NUMERICARRAYOID;
	types[8] = types[9] = TEXTARRAYOID;
	types[10] = INT4ARRAYOID;
	imp->batch_indicator_plan = prepare_typed(
		"INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3,"
		" half_year_target, annual_target, weight, level1_points, remarks, department_id)"
		" SELECT * FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2),"
		" pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5),"
		" pg_catalog.unnest($6), pg_catalog.unnest($7), pg_catalog.unnest($8),"
		" pg_catalog.unnest($9), pg_catalog.unnest($10), pg_catalog.unnest($11))", 11, types);
}

/* Ids for the batch's forms, in document order, from the identity's sequence. */
static int64 *
batch_ids(Importer *imp, int n)
{
	Datum		arg = Int32GetDatum(n);
	int64	   *ids = palloc(sizeof(int64) * n);

	execute(imp->ids_plan, &arg, NULL, SPI_OK_SELECT);
	if ((int) SPI_processed != n)
		elog(ERROR, "could not draw %d project ids", n);
	for (int i = 0; i < n; i++)
	{
		bool		isnull;

		ids[i] = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
											 1, &isnull));
	}
	SPI_freetuptable(SPI_tuptable);
	return ids;
}

static void
insert_batch_projects(Importer *imp, int64 *ids, int n)
{
	Datum		args[32];
	Datum	   *v = palloc(sizeof(Datum) * n);
	bool	   *nl = palloc(sizeof(bool) * n);
	ListCell   *lc;
	int			i = 0;

	for (i = 0; i < n; i++)
	{
		v[i] = Int64GetDatum(ids[i]);
		nl[i] = false;
	}
	args[0] = batch_array(v, nl, n, INT8OID);
	for (int c = 0; c < 31; c++)
	{
		i = 0;
		foreach(lc, imp->pending)
		{
			PendingForm *pf = lfirst(lc);

			v[i] = text_datum(pf->p[c], &nl[i]);
			i++;
		}
		args[1 + c] = batch_array(v, nl, n, TEXTOID);
	}
	execute(imp->batch_project_plan, args, NULL, SPI_OK_INSERT);
}

/*
 * Σ of rows [from, to) of a column as stored, blanks as 0, equals the
 * total as stored (numeric input of its text, NULL as 0)?
 */
static bool
column_adds_up(const Datum *values, const bool *nulls, int from, int to, const char *total)
{
	Numeric		sum = int64_to_numeric(0);
	bool		isnull;
	Datum		t = numeric_datum(total, &isnull);

	for (int i = from; i < to; i++)
		if (!nulls[i])
			sum = numeric_add_opt_error(sum, DatumGetNumeric(values[i]), NULL);
	if (isnull)
		t = NumericGetDatum(int64_to_numeric(0));
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, t, NumericGetDatum(sum))) == 0;
}

/*
 * Which forms' expenditure rows (columns 3 and 4 of ev/en: half-year and
 * annual) add up to their form's totals as stored (checked before the form
 * was taken, check_sums, and here on the very values written): the deferred
 * sum check of these rows, one lock and one sum a row at commit, has nothing
 * left to find.  The new forms had no rows before, so the mark covers
 * nothing else; a form's later changes in this transaction are checked as
 * usual.
 */
static bool *
sums_adding_up(Importer *imp, Datum *const *ev, bool *const *en)
{
	bool	   *adds = palloc(sizeof(bool) * Max(list_length(imp->pending), 1));
	int			e = 0;
	int			k = 0;
	ListCell   *lc;

	foreach(lc, imp->pending)
	{
		PendingForm *pf = lfirst(lc);
		int			from = e;

		e += list_length(pf->form->expenditure);
		adds[k++] = column_adds_up(ev[3], en[3], from, e, pf->p[26]) &&
			column_adds_up(ev[4], en[4], from, e, pf->p[17 + FA_SPEND_ANNUAL]);
	}
	return adds;
}

static void
mark_sums_checked(const int64 *ids, const bool *adds, int n)
{
	for (int k = 0; k < n; k++)
		if (adds[k])
			pb_sums_checked(ids[k], GetCurrentCommandId(false) + 1);
}

static void
insert_batch_rows(Importer *imp, int64 *ids)
{
	int			ne = 0;
	int			ni = 0;
	int			k = 0;
	int			e = 0;
	int			r = 0;
	ListCell   *lc;
	Datum	   *ev[6];
	bool	   *en[6];
	Datum	   *iv[11];
	bool	   *in[11];
	Datum		args[11];

	foreach(lc, imp->pending)
	{
		PendingForm *pf = lfirst(lc);

		ne += list_length(pf->form->expenditure);
		ni += list_length(pf->form->indicators);
	}
	for (int c = 0; c < 6; c++)
	{
		ev[c] = palloc(sizeof(Datum) * (ne + 1));
		en[c] = palloc0(sizeof(bool) * (ne + 1));
	}
	for (int c = 0; c < 11; c++)
	{
		iv[c] = palloc(sizeof(Datum) * (ni + 1));
		in[c] = palloc0(sizeof(bool) * (ni + 1));
	}
	foreach(lc, imp->pending)
	{
		PendingForm *pf = lfirst(lc);
		ListCell   *rc;
		int			line = 0;
		int32		department_id = pf->p[30] ? pg_strtoint32(pf->p[30]) : 0;

		foreach(rc, pf->form->expenditure)
		{
			ImpRow	   *row = lfirst(rc);

			ev[0][e] = Int64GetDatum(ids[k]);
			ev[1][e] = Int32GetDatum(++line);
			ev[2][e] = text_datum(row->cells[0], &en[2][e]);
			ev[3][e] = numeric_datum(amount_text(row->cells[1]), &en[3][e]);
			ev[4][e] = numeric_datum(amount_text(row->cells[2]), &en[4][e]);
			ev[5][e] = Int32GetDatum(department_id);
			e++;
		}
		line = 0;
		foreach(rc, pf->form->indicators)
		{
			ImpRow	   *row = lfirst(rc);
			Datum		cells[2];
			bool		cell_nulls[2];

			iv[0][r] = Int64GetDatum(ids[k]);
			iv[1][r] = Int32GetDatum(++line);
			iv[2][r] = text_datum(row->cells[IC_L1], &in[2][r]);
			iv[3][r] = text_datum(row->cells[IC_L2], &in[3][r]);
			iv[4][r] = text_datum(row->cells[IC_L3], &in[4][r]);
			cells[0] = text_datum(row->cells[IC_SYMBOL], &cell_nulls[0]);
			for (int t = 0; t < 2; t++)
			{
				cells[1] = text_datum(row->cells[t == 0 ? IC_HALF : IC_ANNUAL], &cell_nulls[1]);
				iv[5 + t][r] = call(perf_target_from_cells, 2, cells, cell_nulls, &in[5 + t][r]);
			}
			iv[7][r] = numeric_datum(row->cells[IC_WEIGHT], &in[7][r]);
			iv[8][r] = text_datum(row->cells[IC_POINTS], &in[8][r]);
			iv[9][r] = text_datum(row->cells[IC_REMARKS], &in[9][r]);
			iv[10][r] = Int32GetDatum(department_id);
			r++;
		}
		k++;
	}
	if (ne > 0)
	{
		static const Oid etypes[6] = {INT8OID, INT4OID, TEXTOID, NUMERICOID, NUMERICOID, INT4OID};
		bool	   *adds;

		for (int c = 0; c < 6; c++)
			args[c] = batch_array(ev[c], en[c], ne, etypes[c]);
		/*
		 * Marked before the statement too, so that its rows queue no event
		 * (sum_event_needed); marked again after it, when every row it
		 * wrote is older than the mark.
		 */
		adds = sums_adding_up(imp, ev, en);
		mark_sums_checked(ids, adds, list_length(imp->pending));
		execute(imp->batch_expenditure_plan, args, NULL, SPI_OK_INSERT);
		mark_sums_checked(ids, adds, list_length(imp->pending));
	}
	if (ni > 0)
	{
		Oid			itypes[11] = {INT8OID, INT4OID, TEXTOID, TEXTOID, TEXTOID,
		imp->target_type, imp->target_type, NUMERICOID, TEXTOID, TEXTOID, INT4OID};

		for (int c = 0; c < 11; c++)
			args[c] = batch_array(iv[c], in[c], ni, itypes[c]);
		execute(imp->batch_indicator_plan, args, NULL, SPI_OK_INSERT);
	}
}

/* The forms of the batch, in three statements; then the held warnings. */
static void
store_batch(Importer *imp)
{
	int			n = list_length(imp->pending);
	int64	   *ids;
	ListCell   *lc;
	int			k = 0;
	ImpForm    *current = imp->form;

	if (n == 0)
		return;
	prepare_batch_plans(imp);
	ids = batch_ids(imp, n);
	if (!imp->distributed)
		pb_forms_promise(ids, n);
	imp->where = PB_N_("header and amounts");
	imp->row = 0;
	insert_batch_projects(imp, ids, n);
	insert_batch_rows(imp, ids);
	foreach(lc, imp->pending)
	{
		PendingForm *pf = lfirst(lc);
		ListCell   *wc;
		MemoryContext old;

		imp->form = pf->form;
		imp->where = PB_N_("header");
		foreach(wc, pf->held)
		{
			HeldWarning *w = lfirst(wc);

			warn_canonical(pf->form, w->label, w->written, w->stored);
		}
		old = MemoryContextSwitchTo(imp->callcxt);
		imp->ids = lappend(imp->ids, psprintf(INT64_FORMAT, ids[k++]));
		MemoryContextSwitchTo(old);
		if (!imp->careful)
			imp->warned_through = pf->form->ordinal;
	}
	imp->form = current;
}

/* An empty table of the form keys seen, for the call. */
static void
new_key_table(Importer *imp)
{
	HASHCTL		hc;

	hc.keysize = sizeof(uint64);
	hc.entrysize = sizeof(KeySeen);
	hc.hcxt = imp->callcxt;
	imp->keys = hash_create("import_form keys", 1024, &hc,
							HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
}

/* Keys of the forms stored before the batch, and no others. */
static void
forget_batch_keys(Importer *imp)
{
	List	   *keys = list_truncate(imp->key_list, imp->batch_nkeys);
	ListCell   *lc;
	MemoryContext old = MemoryContextSwitchTo(imp->callcxt);

	hash_destroy(imp->keys);
	new_key_table(imp);
	imp->key_list = NIL;
	imp->nkeys = 0;
	foreach(lc, keys)
	{
		char	   *key = lfirst(lc);
		uint64		h = DatumGetUInt64(hash_any_extended((const unsigned char *) key,
														 (int) strlen(key), 0));
		bool		found;
		KeySeen    *seen = hash_search(imp->keys, &h, HASH_ENTER, &found);
		KeySeen    *k = seen;

		if (found)
		{
			k = palloc(sizeof(KeySeen));
			k->hash = h;
			k->next = seen->next;
			seen->next = k;
		}
		else
			k->next = NULL;
		k->ordinal = ++imp->nkeys;
		k->key = key;
		imp->key_list = lappend(imp->key_list, key);
	}
	MemoryContextSwitchTo(old);
}

/*
 * An error of a form's data or of its department's access, which storing
 * the forms one by one raises again with the form named; any other (a
 * cancel, a lost lock) is raised as it is.
 */
static bool
is_form_error(const ErrorData *edata)
{
	return ERRCODE_TO_CATEGORY(edata->sqlerrcode) == ERRCODE_DATA_EXCEPTION ||
		ERRCODE_TO_CATEGORY(edata->sqlerrcode) == ERRCODE_INTEGRITY_CONSTRAINT_VIOLATION ||
		edata->sqlerrcode == ERRCODE_INSUFFICIENT_PRIVILEGE;	/* a department not granted */
}

/*
 * The batch failed: roll it back and store its forms (and 'also', the form
 * being read when it failed, unless NULL) one by one, which raises the
 * error again where a call without batches raises it.
 */
static void
redo_one_by_one(Importer *imp, ImpForm *also)
{
	ErrorData  *edata;
	MemoryContext cxt = imp->batch_oldcxt;
	List	   *forms = NIL;
	ListCell   *lc;
	ImpForm    *current = imp->form;

	MemoryContextSwitchTo(cxt);
	edata = CopyErrorData();
	FlushErrorState();
	end_batch(imp, false);
	if (!is_form_error(edata))
		ReThrowError(edata);
	foreach(lc, imp->pending)
		forms = lappend(forms, ((PendingForm *) lfirst(lc))->form);
	if (also != NULL && !list_member_ptr(forms, also))
		forms = lappend(forms, also);
	imp->pending = NIL;
	forget_batch_keys(imp);
	imp->one_by_one = true;
	foreach(lc, forms)
	{
		imp->form = lfirst(lc);
		store_form(imp, imp->form);
	}
	imp->one_by_one = false;
	imp->form = current;
	FreeErrorData(edata);		/* not raised again: the batch stored one by one */
}

/* Store the batch now, or store it one by one if it fails. */
static void
finish_batch(Importer *imp)
{
	if (!imp->in_batch)
		return;
	PG_TRY();
	{
		store_batch(imp);
		end_batch(imp, true);
		imp->pending = NIL;
	}
	PG_CATCH();
	{
		if (!imp->careful)
			PG_RE_THROW();		/* the first reading ends: read_at_once */
		redo_one_by_one(imp, NULL);
	}
	PG_END_TRY();
	/* the batch's forms go with the next form read (on_form), not before */
}

/* The form read last: into the batch (stored when full), or by itself. */
static void
store_or_batch(Importer *imp, ImpForm *f)
{
	bool		full = false;

	if (imp->one_by_one)
	{
		store_form(imp, f);
		return;
	}
	if (!imp->in_batch)
		begin_batch(imp);
	PG_TRY();
	{
		PendingForm *pf = palloc0(sizeof(PendingForm));

		prepare_form(imp, f, pf->p, &pf->held);
		pf->form = f;
		imp->pending = lappend(imp->pending, pf);
		full = list_length(imp->pending) >= IMPORT_BATCH_FORMS;
	}
	PG_CATCH();
	{
		if (!imp->careful)
			PG_RE_THROW();
		redo_one_by_one(imp, f);
	}
	PG_END_TRY();
	if (full)
		finish_batch(imp);
}

/* ---------------------------------------------------------------- entry */

/*
 * The reader needs twice the document as work space; past this a document
 * is better split than held whole in one backend.
 */
#define MAX_DOCUMENT_BYTES (256 * 1024 * 1024)

static void
report_parse_error(Importer *imp, const FpError *e)
{
	char	   *found = e->found.len ? pnstrdup(e->found.p, e->found.len) : NULL;
	char	   *which = e->form > 0 ?
		psprintf(pb_tr("form %d \"%s\""), e->form, imp->form ? form_name(imp->form) : "") :
		pstrdup(pb_tr("the form document"));

	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("could not read %s: %s", which, e->reason),
			 found ? errdetail("Line %d, cell \"%s\".", e->line, found) :
			 errdetail("Line %d.", e->line),
			 errhint("The document is the text extracted from the forms' PDF: each form begins with a title \"…预算绩效目标申报表\" and its cells are separated by tabs.")));
}

/* Read the document and store its forms (in the importer's form context). */
static void
read_document(Importer *imp, char *work, size_t len)
{
	FpSink		sink;
	FpError		err;
	ErrorContextCallback ctx;

	sink.arg = imp;
	sink.form = on_form;
	sink.year = on_year;
	sink.field = on_field;
	sink.amount = on_amount;
	sink.expenditure = on_expenditure;
	sink.indicator = on_indicator;
	sink.end = on_end;
	MemoryContextSwitchTo(imp->formcxt);
	ctx.callback = import_context;
	ctx.arg = imp;
	ctx.previous = error_context_stack;
	error_context_stack = &ctx;
	if (!fp_parse(imp->doc, len, work, &sink, &err))
	{
		/* the forms before the one that does not read come first */
		finish_batch(imp);
		error_context_stack = ctx.previous;
		report_parse_error(imp, &err);
	}
	finish_batch(imp);
	error_context_stack = ctx.previous;
	MemoryContextSwitchTo(imp->callcxt);
}

/*
 * Run step over the document in a subtransaction: true when it succeeded;
 * false, with everything it did rolled back, when it raised a form's error
 * (is_form_error), which is left for the caller to meet again where it can
 * name the form.  Any other error is raised.
 */
static bool
try_in_subtransaction(Importer *imp, void (*step) (Importer *, char *, size_t),
					  char *work, size_t len)
{
	ResourceOwner owner = CurrentResourceOwner;
	ErrorData  *edata = NULL;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(imp->callcxt);
	PG_TRY();
	{
		step(imp, work, len);
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(imp->callcxt);
		edata = CopyErrorData();
		FlushErrorState();
	}
	PG_END_TRY();
	if (edata == NULL)
		ReleaseCurrentSubTransaction();
	else
		RollbackAndReleaseCurrentSubTransaction();
	MemoryContextSwitchTo(imp->callcxt);
	CurrentResourceOwner = owner;
	if (edata != NULL && !is_form_error(edata))
		ReThrowError(edata);
	return edata == NULL;
}

/*
 * The first reading, all of it in one subtransaction: true when every form
 * was stored; false, with nothing of them left, when a form's error calls
 * for the careful reading.
 */
static bool
read_at_once(Importer *imp, char *work, size_t len)
{
	return try_in_subtransaction(imp, read_document, work, len);
}

static void
claim_document(Importer *imp, char *work, size_t len)
{
	MemoryContextSwitchTo(imp->formcxt);
	pb_claim_departments(imp->doc, len, work);
}

/*
 * The document's departments and their years claimed in the order every
 * importer takes them (import_claims.c), in a subtransaction: a form error
 * met on the way (a department that cannot be made, or not granted) rolls
 * the claims back, and the reading reports it with its form and line.
 */
static void
claim_or_carry_on(Importer *imp, char *work, size_t len)
{
	(void) try_in_subtransaction(imp, claim_document, work, len);
	MemoryContextReset(imp->formcxt);
}

/*
 * Forget what the first reading stored (rolled back): its ids, keys, locks
 * (released with its subtransaction) and forms.  Its warnings stay given.
 */
static void
forget_first_reading(Importer *imp)
{
	imp->ids = NIL;
	imp->pending = NIL;
	imp->in_batch = false;
	imp->one_by_one = false;
	imp->form = NULL;
	imp->where = NULL;
	imp->row = 0;
	imp->locked_key = NULL;
	imp->batch_nkeys = 0;
	forget_batch_keys(imp);
	MemoryContextReset(imp->formcxt);
}

Datum
import_form(PG_FUNCTION_ARGS)
{
	text	   *doc_t = PG_GETARG_TEXT_PP(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Importer	imp;
	char	   *work;
	ListCell   *lc;
	int			len = VARSIZE_ANY_EXHDR(doc_t);
	PbExtensionContext cx;

	if (len > MAX_DOCUMENT_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("form document too large (%d bytes)", len),
				 errdetail("import_form reads a document of at most %d MB.", MAX_DOCUMENT_BYTES >> 20),
				 errhint("Split the document into several files and import each; bin/pb-import imports several files in one run.")));
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	memset(&imp, 0, sizeof(imp));
	imp.doc = VARDATA_ANY(doc_t);
	imp.replace = PG_NARGS() > 1 && !PG_ARGISNULL(1) && PG_GETARG_BOOL(1);
	work = palloc((Size) len * 2 + 32);

	/* the caller's rights, but not the caller's search_path (run_as_owner.c) */
	pb_enter_extension_context(&cx, InvalidOid);

	/*
	 * No sequential scans in the import's statements either (the extension
	 * context turns them off): every statement reaches rows by key — the
	 * form by project_form_key, the foreign keys' parents by their primary
	 * keys.  Planned while the tables are small (an empty database, the
	 * first forms of a load), a plan kept for the whole call would scan
	 * project once per form, computing name_key of every stored name each
	 * time: a call of n forms cost n² (80 % of the time of 5,000 forms
	 * imported after 5,000 were deleted).
	 */
	prepare_plans(&imp);
	choose_probe(&imp);
	imp.callcxt = CurrentMemoryContext;
	imp.formcxt = AllocSetContextCreate(imp.callcxt, "import_form form",
										ALLOCSET_DEFAULT_SIZES);
	new_key_table(&imp);
	claim_or_carry_on(&imp, work, (size_t) len);
	if (!read_at_once(&imp, work, (size_t) len))
	{
		forget_first_reading(&imp);
		imp.careful = true;
		read_document(&imp, work, (size_t) len);
	}

	/*
	 * The reading's memory goes first (the document, twice its size of
	 * work space, the keys), so that the peaks of the statements below do
	 * not add to it.
	 */
	pfree(work);
	hash_destroy(imp.keys);
	imp.keys = NULL;
	MemoryContextDelete(imp.formcxt);
	imp.formcxt = NULL;
	imp.doc = NULL;
	PG_FREE_IF_COPY(doc_t, 0);

	/*
	 * The fingerprints of all the forms stored, in one statement, then
	 * their findings: this transaction's own reads see them before commit,
	 * and no deferred event is held for them until then.
	 */
	{
		int			n = list_length(imp.ids);
		int64	   *ids = palloc(sizeof(int64) * (n + 1));
		int			i = 0;

		foreach(lc, imp.ids)
			ids[i++] = pg_strtoint64((char *) lfirst(lc));

		/*
		 * On Citus (perfbudget.distribute) no trigger keeps the stored
		 * fingerprints and findings: recompute those of the forms stored
		 * from here (perfbudget.refresh_fingerprints, refresh_findings).
		 */
		if (!imp.distributed || n == 0)
		{
			/*
			 * Then the findings, which read the fingerprints: the rows of
			 * the promised forms queued no event that would at commit.
			 */
			pb_refresh_fingerprints(ids, n);
			pb_flush_findings();
			pb_forms_promises_kept();
		}
		else
		{
			Datum	   *d = palloc(sizeof(Datum) * n);
			Datum		arg;
			Oid			argtype = INT8ARRAYOID;

			for (i = 0; i < n; i++)
				d[i] = Int64GetDatum(ids[i]);
			arg = PointerGetDatum(construct_array(d, n, INT8OID, 8, FLOAT8PASSBYVAL,
												  TYPALIGN_DOUBLE));
			if (SPI_execute_with_args("SELECT perfbudget.refresh_fingerprints($1),"
									  " perfbudget.refresh_findings($1)",
									  1, &argtype, &arg, NULL, false, 0) != SPI_OK_SELECT)
				elog(ERROR, "could not refresh the fingerprints and findings of the stored forms");
		}
		pfree(ids);
	}

	foreach(lc, imp.ids)
	{
		Datum		v = Int64GetDatum(pg_strtoint64((char *) lfirst(lc)));
		bool		n = false;

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &v, &n);
	}
	pb_leave_extension_context(&cx);
	return (Datum) 0;
}
