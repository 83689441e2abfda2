/*
 * checks.c — CHECK-constraint functions for the budget rules of one row.
 *
 * Each function reads only its arguments (IMMUTABLE, no table access) and
 * either returns true or raises SQLSTATE 23514 with a message (English
 * message ids, in the session's language: po/) that names the form and the cell, a detail with the numbers, and the
 * constraint's name (passed as the last argument, since a CHECK expression
 * cannot otherwise tell the function which constraint it serves) in the
 * error's constraint field, with its table when the name is one table's.
 * Blank cells are NULL and count as 0.  The same functions can guard users'
 * own tables (doc/reference.md, "Budget rules").
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "storage/proc.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

#include "form_import.h"
#include "perf_pg.h"

/*
 * The form import_form is storing: a row's CHECK function has only the
 * project id, which the sender of a document has never seen, so while a
 * form is stored its rows are named as the document names it ("第2张申报表
 * 「社保业务运营经费」").  Only the message changes, never the verdict; the
 * label holds for one project id in one local transaction, so a later
 * statement that reuses the id is not misnamed.
 */
static struct
{
	int64		project_id;
	LocalTransactionId lxid;
	char		label[512];
}			importing = {-1, InvalidLocalTransactionId, ""};

void
pb_importing_form(int64 project_id, const char *label)
{
	importing.project_id = project_id;
	importing.lxid = MyProc->lxid;
	strlcpy(importing.label, label, sizeof(importing.label));
}

void
pb_imported_form(void)
{
	importing.project_id = -1;
	importing.lxid = InvalidLocalTransactionId;
}

static const char *
importing_label(int64 project_id)
{
	if (importing.project_id == project_id && importing.lxid == MyProc->lxid)
		return importing.label;
	return NULL;
}

/* ---------------------------------------------------------------- helpers */

static Numeric
amount_arg(FunctionCallInfo fcinfo, int i)
{
	if (PG_ARGISNULL(i))
		return int64_to_numeric(0);
	return PG_GETARG_NUMERIC(i);
}

static int
amount_cmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a),
											 NumericGetDatum(b)));
}

static Numeric
amount_add(Numeric a, Numeric b)
{
	return numeric_add_opt_error(a, b, NULL);
}

/* Shortest exact text of an amount: 155 rather than 155.00. */
static char *
amount_text(Numeric n)
{
	return numeric_normalize(n);
}

static char *
opt_text_arg(FunctionCallInfo fcinfo, int i)
{
	if (i >= PG_NARGS() || PG_ARGISNULL(i))
		return NULL;
	return text_to_cstring(PG_GETARG_TEXT_PP(i));
}

/* '项目「社保业务运营经费」' from the form's name, or a plain '项目'. */
static char *
form_label(FunctionCallInfo fcinfo, int i)
{
	char	   *name = opt_text_arg(fcinfo, i);

	return name ? psprintf(pb_tr("project \"%s\""), name) : pstrdup(pb_tr("the project"));
}

/*
 * '项目#12 资金分配第3行「办公费」' for a row of a child table; during an
 * import '第2张申报表「…」资金分配第3行「办公费」'.
 */
static char *
row_label(FunctionCallInfo fcinfo, const char *what)
{
	StringInfoData s;
	char	   *item = opt_text_arg(fcinfo, 2);

	const char *form;

	initStringInfo(&s);
	if (PG_ARGISNULL(0))
		form = pb_tr("the project");
	else if (importing_label(PG_GETARG_INT64(0)))
		form = importing_label(PG_GETARG_INT64(0));
	else
		form = psprintf(pb_tr("project #%s"), psprintf(INT64_FORMAT, PG_GETARG_INT64(0)));
	/* 'form 2 "…" expenditure', '第2张申报表「…」资金分配' */
	appendStringInfo(&s, pb_tr("%s %s"), form, pb_tr(what));
	if (!PG_ARGISNULL(1))
		appendStringInfo(&s, pb_tr(" row %d"), PG_GETARG_INT32(1));
	if (item)
		appendStringInfo(&s, pb_tr(" \"%s\""), item);
	return s.data;
}

/*
 * The table of the CHECK constraint named conname, for the error's schema
 * and table fields as PostgreSQL's own check violations carry them: a CHECK
 * expression cannot tell its function the table, so the name is looked up
 * (on the error path only).  InvalidOid unless exactly one CHECK
 * constraint has that name.
 */
static Oid
constraint_table(const char *conname)
{
	Relation	rel = table_open(ConstraintRelationId, AccessShareLock);
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;
	Oid			relid = InvalidOid;
	int			found = 0;

	ScanKeyInit(&key, Anum_pg_constraint_conname, BTEqualStrategyNumber, F_NAMEEQ,
				CStringGetDatum(conname));
	scan = systable_beginscan(rel, ConstraintNameNspIndexId, true, NULL, 1, &key);
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		Form_pg_constraint con = (Form_pg_constraint) GETSTRUCT(tup);

		if (con->contype == CONSTRAINT_CHECK && OidIsValid(con->conrelid))
		{
			relid = con->conrelid;
			found++;
		}
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return found == 1 ? relid : InvalidOid;
}

static void
violation(const char *conname, const char *msg, const char *detail,
		  const char *hint)
{
	Oid			relid = conname ? constraint_table(conname) : InvalidOid;
	char	   *table = OidIsValid(relid) ? get_rel_name(relid) : NULL;
	char	   *schema = table ? get_namespace_name(get_rel_namespace(relid)) : NULL;

	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 conname ? errmsg("%s (constraint %s)", msg, conname) : errmsg_internal("%s", msg),
			 errdetail_internal("%s", detail),
			 hint ? errhint("%s", hint) : 0,
			 schema ? err_generic_string(PG_DIAG_SCHEMA_NAME, schema) : 0,
			 table ? err_generic_string(PG_DIAG_TABLE_NAME, table) : 0,
			 conname ? err_generic_string(PG_DIAG_CONSTRAINT_NAME, conname) : 0));
}

/* Σ of the amounts, appending "label value + …" to the detail. */
static Numeric
sum_parts(FunctionCallInfo fcinfo, int first, const char *const *labels,
		  int n, StringInfo detail)
{
	Numeric		sum = int64_to_numeric(0);

	for (int i = 0; i < n; i++)
	{
		Numeric		v = amount_arg(fcinfo, first + i);

		sum = amount_add(sum, v);
		appendStringInfo(detail, "%s%s %s", i ? " + " : "", labels[i], amount_text(v));
	}
	return sum;
}

/* whole = Σ parts, or a violation naming both sides. */
static void
require_sum(FunctionCallInfo fcinfo, const char *whole_label, int whole_arg,
			const char *const *labels, int n, int conname_arg, const char *what,
			const char *hint)
{
	Numeric		whole = amount_arg(fcinfo, whole_arg);
	StringInfoData parts;
	Numeric		sum;

	initStringInfo(&parts);
	sum = sum_parts(fcinfo, whole_arg + 1, labels, n, &parts);
	if (amount_cmp(whole, sum) != 0)
		violation(opt_text_arg(fcinfo, conname_arg),
				  psprintf(pb_tr("%s: %s"), form_label(fcinfo, 0), pb_tr(what)),
				  psprintf(pb_tr("%s %s ≠ %s (difference %s)."), whole_label, amount_text(whole),
						   parts.data,
						   amount_text(numeric_sub_opt_error(whole, sum, NULL))),
				  pb_tr(hint));
}

/* ---------------------------------------------------------------- project rules */

PG_FUNCTION_INFO_V1(check_fiscal_subtotal);

/* check_fiscal_subtotal(form, subtotal, general, fund, special, state, conname) */
Datum
check_fiscal_subtotal(PG_FUNCTION_ARGS)
{
	static const char *const labels[] = {
		"一般公共预算资金", "政府性基金预算", "财政专户管理资金", "国有资本经营预算"
	};

	require_sum(fcinfo, "财政拨款小计", 1, labels, 4, 6,
				PB_N_("the 财政拨款小计 does not equal the sum of its parts"),
				PB_N_("The 财政拨款小计 is the sum of 一般公共预算资金, 政府性基金预算, 财政专户管理资金 and 国有资本经营预算; a blank cell counts as 0."));
	PG_RETURN_BOOL(true);
}

PG_FUNCTION_INFO_V1(check_income_total);

/* check_income_total(form, total, fiscal_subtotal, social, carryover, other, conname) */
Datum
check_income_total(PG_FUNCTION_ARGS)
{
	static const char *const labels[] = {
		"财政拨款小计", "社保基金预算", "上年结转资金", "其他资金"
	};

	require_sum(fcinfo, "资金总额", 1, labels, 4, 6,
				PB_N_("the 资金总额 does not equal the sum of the funding sources"),
				PB_N_("The 资金总额 is the sum of 财政拨款小计, 社保基金预算, 上年结转资金 and 其他资金; a blank cell counts as 0."));
	PG_RETURN_BOOL(true);
}

PG_FUNCTION_INFO_V1(check_income_matches_spend);

/* check_income_matches_spend(form, total, spend_annual, conname) */
Datum
check_income_matches_spend(PG_FUNCTION_ARGS)
{
	Numeric		income = amount_arg(fcinfo, 1);
	Numeric		spend = amount_arg(fcinfo, 2);

	if (amount_cmp(income, spend) != 0)
		violation(opt_text_arg(fcinfo, 3),
				  psprintf(pb_tr("%s: the income total (资金总额) does not equal the expenditure total"),
						   form_label(fcinfo, 0)),
				  psprintf(pb_tr("Income 资金总额 %s ≠ expenditure 全年(程)预算数 资金总额 %s."),
						   amount_text(income), amount_text(spend)),
				  pb_tr("The 资金总额 of the income by funding source equals the 全年(程)预算数 total of the expenditure."));
	PG_RETURN_BOOL(true);
}

/*
 * What an amount (万元) may be, in one place for every rule: a finite
 * number ≥ 0 with at most AMOUNT_MAX_DECIMALS decimals (万元 to the 分) and
 * at most AMOUNT_MAX (a trillion 万元, far above any budget).  Within these
 * bounds the roll-up aggregates (rollup.c: 16 decimals, totals to 8.5·10^21)
 * add any number of forms a database can hold, exactly.  NULL when the
 * amount is one, else what is wrong with it.
 */
#define AMOUNT_MAX_DECIMALS 6
#define AMOUNT_MAX INT64CONST(1000000000000)

static const char *
amount_problem(Numeric v)
{
	if (numeric_is_nan(v) || numeric_is_inf(v))
		return PB_N_("is not a finite number");
	if (amount_cmp(v, int64_to_numeric(0)) < 0)
		return PB_N_("is below 0");
	if (amount_cmp(v, int64_to_numeric(AMOUNT_MAX)) > 0)
		return PB_N_("is above 1 trillion 万元");
	if (DatumGetInt32(DirectFunctionCall1(numeric_min_scale, NumericGetDatum(v))) >
		AMOUNT_MAX_DECIMALS)
		return PB_N_("has more than 6 decimals (万元 to the 分)");
	return NULL;
}

#define AMOUNT_HINT PB_N_("Amounts are in 万元: a number from 0 to 1 trillion with at most 6 decimals, such as 155 or 60.8.")

/* half ≤ annual and both valid amounts, for a total or a row. */
static void
require_half_within_annual(const char *label, Numeric half, Numeric annual,
						   const char *conname)
{
	const char *why = amount_problem(half);
	const char *which = "半年(程)计划执行数";

	if (why == NULL)
	{
		why = amount_problem(annual);
		which = "全年(程)预算数";
	}
	if (why)
		violation(conname, psprintf(pb_tr("%s: the %s is not a valid amount"), label, which),
				  psprintf(pb_tr("半年(程)计划执行数 %s, 全年(程)预算数 %s; the %s %s."),
						   numeric_normalize(half), numeric_normalize(annual), which, pb_tr(why)),
				  pb_tr(AMOUNT_HINT));
	if (amount_cmp(half, annual) > 0)
		violation(conname, psprintf(pb_tr("%s: the half-year plan (半年计划执行数) exceeds the annual budget (全年预算数)"), label),
				  psprintf(pb_tr("半年(程)计划执行数 %s > 全年(程)预算数 %s."),
						   amount_text(half), amount_text(annual)),
				  pb_tr("The 半年(程)计划执行数 lies between 0 and the 全年(程)预算数."));
}

PG_FUNCTION_INFO_V1(check_half_year);

/* check_half_year(form, item, half_year, annual, conname) */
Datum
check_half_year(PG_FUNCTION_ARGS)
{
	char	   *item = opt_text_arg(fcinfo, 1);
	char	   *label = form_label(fcinfo, 0);

	if (item)
		label = psprintf(pb_tr("%s %s"), label, item);	/* '项目「…」支出资金总额' */
	require_half_within_annual(label, amount_arg(fcinfo, 2), amount_arg(fcinfo, 3),
							   opt_text_arg(fcinfo, 4));
	PG_RETURN_BOOL(true);
}

PG_FUNCTION_INFO_V1(check_nonnegative);

/* check_nonnegative(form, labels text[], amounts numeric[], conname) */
Datum
check_nonnegative(PG_FUNCTION_ARGS)
{
	Datum	   *labels;
	bool	   *lnulls;
	int			nlabels;
	Datum	   *amounts;
	bool	   *anulls;
	int			namounts;

	if (PG_ARGISNULL(2))
		PG_RETURN_BOOL(true);
	deconstruct_array(PG_GETARG_ARRAYTYPE_P(2), NUMERICOID, -1, false, TYPALIGN_INT,
					  &amounts, &anulls, &namounts);
	nlabels = 0;
	labels = NULL;
	lnulls = NULL;
	if (!PG_ARGISNULL(1))
		deconstruct_array(PG_GETARG_ARRAYTYPE_P(1), TEXTOID, -1, false, TYPALIGN_INT,
						  &labels, &lnulls, &nlabels);
	for (int i = 0; i < namounts; i++)
	{
		Numeric		v;
		const char *label;
		const char *why;

		if (anulls[i])
			continue;
		v = DatumGetNumeric(amounts[i]);
		why = amount_problem(v);
		if (why == NULL)
			continue;
		label = (i < nlabels && !lnulls[i]) ? TextDatumGetCString(labels[i]) :
			psprintf(pb_tr("amount %d"), i + 1);
		violation(opt_text_arg(fcinfo, 3),
				  psprintf(pb_tr("%s: the %s is not a valid amount"), form_label(fcinfo, 0), label),
				  psprintf(pb_tr("%s = %s, which %s."), label, numeric_normalize(v), pb_tr(why)),
				  pb_tr(AMOUNT_HINT));
	}
	PG_RETURN_BOOL(true);
}

/* ---------------------------------------------------------------- child rows */

PG_FUNCTION_INFO_V1(check_expenditure_row);

/* check_expenditure_row(project_id, line_no, item, half_year, annual, conname) */
Datum
check_expenditure_row(PG_FUNCTION_ARGS)
{
	require_half_within_annual(row_label(fcinfo, PB_N_("expenditure")),
							   amount_arg(fcinfo, 3), amount_arg(fcinfo, 4),
							   opt_text_arg(fcinfo, 5));
	PG_RETURN_BOOL(true);
}

static bool
needs_number(const PbCell *c)
{
	return c->symbol != PB_SYM_QUAL && c->symbol != PB_SYM_RANGE &&
		c->kind == PB_KIND_QUALITATIVE;
}

/* A comparator other than 定性 must have a number, percentage or date. */
static void
require_target_agrees(FunctionCallInfo fcinfo, int arg, const char *which,
					  int conname_arg)
{
	PbView		v;
	char	   *text;

	if (PG_ARGISNULL(arg))
		return;
	pb_view_from_datum(PG_GETARG_DATUM(arg), &v);
	if (!needs_number(&v.cell))
		return;
	text = palloc(pb_format_bound(&v));
	pb_format(&v, true, text);
	violation(opt_text_arg(fcinfo, conname_arg),
			  psprintf(pb_tr("%s: the %s does not agree with the comparator (计算符号)"),
					   row_label(fcinfo, PB_N_("indicator")), which),
			  psprintf(pb_tr("%s \"%s\": the comparator %s needs a number, a percentage or a date, but the target value is a phrase."),
					   which, text, pb_symbol_name((PbSymbol) v.cell.symbol)),
			  pb_tr("Write the comparator 定性 for a qualitative indicator, and a number for a quantitative one, such as ≥95%, ≤7工作日."));
}

/*
 * For cumulative quantities (same unit, ≥ > or =), the half-year target may
 * not exceed the annual one.  Percentages are rates, not cumulative, and are
 * left to the validation report.
 */
static void
require_half_target_within_annual(FunctionCallInfo fcinfo, int conname_arg)
{
	PbView		h;
	PbView		a;
	const char *hu;
	const char *au;
	size_t		hl;
	size_t		al;
	char	   *ht;
	char	   *at;

	if (PG_ARGISNULL(3) || PG_ARGISNULL(4))
		return;
	pb_view_from_datum(PG_GETARG_DATUM(3), &h);
	pb_view_from_datum(PG_GETARG_DATUM(4), &a);
	if (h.cell.kind != PB_KIND_QUANTITY || a.cell.kind != PB_KIND_QUANTITY)
		return;
	if (h.cell.symbol != a.cell.symbol ||
		(a.cell.symbol != PB_SYM_GE && a.cell.symbol != PB_SYM_GT &&
		 a.cell.symbol != PB_SYM_EQ))
		return;
	pb_base_unit(&h, &hu, &hl);
	pb_base_unit(&a, &au, &al);
	if (hl != al || memcmp(hu, au, hl) != 0)
		return;
	if (pb_cmp_scalar(&h.cell.lo, &a.cell.lo) <= 0)
		return;
	ht = palloc(pb_format_bound(&h));
	pb_format(&h, true, ht);
	at = palloc(pb_format_bound(&a));
	pb_format(&a, true, at);
	violation(opt_text_arg(fcinfo, conname_arg),
			  psprintf(pb_tr("%s: the half-year target exceeds the annual target"),
					   row_label(fcinfo, PB_N_("indicator"))),
			  psprintf(pb_tr("半年(程)指标值 \"%s\" > 全年(程)指标值 \"%s\"."), ht, at),
			  pb_tr("For a cumulative quantity the half-year target does not exceed the annual one."));
}

PG_FUNCTION_INFO_V1(check_indicator_row);

/* check_indicator_row(project_id, line_no, indicator, half, annual, conname) */
Datum
check_indicator_row(PG_FUNCTION_ARGS)
{
	require_target_agrees(fcinfo, 3, "半年(程)指标值", 5);
	require_target_agrees(fcinfo, 4, "全年(程)指标值", 5);
	require_half_target_within_annual(fcinfo, 5);
	PG_RETURN_BOOL(true);
}
