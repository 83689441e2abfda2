/*
 * expenditure_sum.c — the cross-row rule: the 资金分配 rows of a form add up
 * to its expenditure totals (半年 and 全年 columns).
 *
 * A deferred constraint trigger on perfbudget.expenditure (and on the totals
 * of perfbudget.project) runs this at commit.  It first locks the project
 * row (FOR NO KEY UPDATE, which does not conflict with the foreign key's
 * share lock), so two transactions changing rows of one form are
 * checked one after the other, each seeing the other's committed rows: no
 * concurrent pair can commit a sum that neither checked.  A form with no
 * expenditure rows yet is accepted (pg_restore loads projects before their
 * rows, each table in its own transaction); perfbudget.form_issues reports
 * it as an error.
 *
 * A form is checked once per commit, not once per changed row: the forms
 * checked in this transaction are remembered with the command their check
 * saw up to, and an event of a row changed before that command finds the
 * form done (its lock is held to the end).  import_form, which adds up each
 * form's rows as it stores them, marks those forms checked itself
 * (pb_sums_checked).  A rolled-back subtransaction forgets them all: a lock
 * taken there was released with it.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "access/xact.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "form_import.h"
#include "run_as_owner.h"
#include "xact_set.h"

PG_FUNCTION_INFO_V1(expenditure_sum_trigger);
PG_FUNCTION_INFO_V1(sum_event_needed);

static SPIPlanPtr lock_plan = NULL;
static SPIPlanPtr sum_plan = NULL;
static SPIPlanPtr lock_plan_v1 = NULL;	/* version 0.1: no department_id */
static SPIPlanPtr sum_plan_v1 = NULL;

/*
 * The forms whose sums were checked, each with the command its check saw up
 * to (changes made before it were seen); a rolled-back subtransaction
 * forgets them all (xact_set.c).
 */
static PbXactSet checked = PB_XACT_SET("perfbudget sums checked");

/* The sums of project_id are right as of command checked_at (this transaction). */
void
pb_sums_checked(int64 project_id, CommandId checked_at)
{
	pb_xact_set_put(&checked, project_id, checked_at);
}

static bool
checked_since(int64 project_id, CommandId changed_at)
{
	uint32		checked_at;

	return pb_xact_set_get(&checked, project_id, &checked_at) && changed_at < checked_at;
}

/*
 * sum_event_needed(project_id): the WHEN of expenditure_matches_total_insert.
 * False when the form is checked as of a later command than the current
 * one: the row being inserted is older still (its command is at most the
 * current one), so its event would find the form done at commit.  Only
 * import_form marks a form ahead (it adds up each form's rows as it stores
 * them); an event is some 16 bytes held until commit, 3 a form.
 */
Datum
sum_event_needed(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!checked_since(PG_GETARG_INT64(0), GetCurrentCommandId(false)));
}

/* the statements here take a form's id and its department's */
static SPIPlanPtr
prepare_kept(const char *sql, int nargs)
{
	Oid			argtypes[2] = {INT8OID, INT4OID};

	return pb_prepare_kept(sql, nargs, argtypes, 0);
}

static Numeric
numeric_column(HeapTuple tup, TupleDesc desc, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);

	return isnull ? int64_to_numeric(0) : DatumGetNumericCopy(d);
}

static bool
numeric_equal(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a),
											 NumericGetDatum(b))) == 0;
}

/*
 * Lock the project, sum its rows, raise 23514 if the columns disagree.  The
 * form is looked up by (id, department_id): on Citus, where this trigger
 * runs on the shard, the department routes both queries to the co-located
 * shards of the same node.
 */
static void
check_project_sums(int64 project_id, int32 department_id, const char *conname)
{
	Datum		arg[2] = {Int64GetDatum(project_id), Int32GetDatum(department_id)};
	HeapTuple	proj;
	TupleDesc	pdesc;
	HeapTuple	sums;
	TupleDesc	sdesc;
	bool		isnull;
	int64		rows;
	Numeric		p_half;
	Numeric		p_annual;
	Numeric		s_half;
	Numeric		s_annual;
	char	   *name;

	SPIPlanPtr	lock;
	SPIPlanPtr	sum;
	CommandId	checked_at;

	if (department_id < 0)
	{
		/* the tables of version 0.1, before ALTER EXTENSION UPDATE */
		if (lock_plan_v1 == NULL)
			lock_plan_v1 = prepare_kept(
				"SELECT name, spend_half_year, spend_annual FROM perfbudget.project "
				"WHERE id = $1 FOR NO KEY UPDATE", 1);
		if (sum_plan_v1 == NULL)
			sum_plan_v1 = prepare_kept(
				"SELECT count(*), sum(half_year), sum(annual) FROM perfbudget.expenditure "
				"WHERE project_id = $1", 1);
		lock = lock_plan_v1;
		sum = sum_plan_v1;
	}
	else
	{
		if (lock_plan == NULL)
			lock_plan = prepare_kept(
				"SELECT name, spend_half_year, spend_annual FROM perfbudget.project "
				"WHERE id = $1 AND department_id = $2 FOR NO KEY UPDATE", 2);
		if (sum_plan == NULL)
			sum_plan = prepare_kept(
				"SELECT count(*), sum(half_year), sum(annual) FROM perfbudget.expenditure "
				"WHERE project_id = $1 AND department_id = $2", 2);
		lock = lock_plan;
		sum = sum_plan;
	}

	if (SPI_execute_plan(lock, arg, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not lock project " INT64_FORMAT, project_id);
	if (SPI_processed == 0)
	{
		/* the project is gone: its rows went with it, and it comes not back */
		pb_sums_checked(project_id, GetCurrentCommandId(false));
		return;
	}
	proj = SPI_copytuple(SPI_tuptable->vals[0]);
	pdesc = SPI_tuptable->tupdesc;
	name = SPI_getvalue(proj, pdesc, 1);
	p_half = numeric_column(proj, pdesc, 2);
	p_annual = numeric_column(proj, pdesc, 3);

	/*
	 * Sum with the latest snapshot, not the transaction's: under REPEATABLE
	 * READ a form's rows committed by a writer we waited for on the lock
	 * would otherwise be invisible, and two halves of an inconsistent sum
	 * could both commit.  (The referential-integrity triggers do the same.)
	 */
	if (SPI_execute_snapshot(sum, arg, NULL, GetLatestSnapshot(),
							 InvalidSnapshot, false, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not sum the expenditure rows of project " INT64_FORMAT,
			 project_id);
	sums = SPI_tuptable->vals[0];
	sdesc = SPI_tuptable->tupdesc;
	rows = DatumGetInt64(SPI_getbinval(sums, sdesc, 1, &isnull));
	/* the sum's snapshot saw the commands before this one: later changes are checked again */
	checked_at = GetCurrentCommandId(false);
	if (rows == 0)
	{
		pb_sums_checked(project_id, checked_at);
		return;					/* no rows yet: reported by form_issues */
	}
	s_half = numeric_column(sums, sdesc, 2);
	s_annual = numeric_column(sums, sdesc, 3);

	if (!numeric_equal(p_half, s_half) || !numeric_equal(p_annual, s_annual))
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("project \"%s\": the expenditure rows (资金分配) do not add up to the expenditure total (资金总额) (constraint %s)",
						name ? name : "", conname),
				 errdetail("半年(程)计划执行数: 资金总额 %s, the %ld rows add up to %s; 全年(程)预算数: 资金总额 %s, the %ld rows add up to %s.",
						   numeric_normalize(p_half), (long) rows, numeric_normalize(s_half),
						   numeric_normalize(p_annual), (long) rows, numeric_normalize(s_annual)),
				 errhint("The 资金分配 rows add up to the 资金总额 of the expenditure, in the half-year and in the annual column; a blank cell counts as 0."),
				 err_generic_string(PG_DIAG_SCHEMA_NAME, "perfbudget"),
				 err_generic_string(PG_DIAG_TABLE_NAME, "expenditure"),
				 err_generic_string(PG_DIAG_CONSTRAINT_NAME, conname)));
	pb_sums_checked(project_id, checked_at);
}

/*
 * The form of a row: (project_id, department_id) on the rows, (id,
 * department_id) on project — told by the columns the relation has, not by
 * its name (on Citus the trigger fires on shards named project_102008).
 */
static int64
project_id_of(TriggerData *td, HeapTuple tup, int32 *department_id)
{
	bool		isnull;
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	int			attno = SPI_fnumber(desc, "project_id");
	int			dept = SPI_fnumber(desc, "department_id");
	Datum		d;

	if (attno <= 0)
		attno = SPI_fnumber(desc, "id");
	if (attno <= 0)
		elog(ERROR, "expenditure_sum_trigger: relation \"%s\" has no column \"project_id\" or \"id\"",
			 RelationGetRelationName(td->tg_relation));
	if (dept > 0)
	{
		d = SPI_getbinval(tup, desc, dept, &isnull);
		*department_id = isnull ? 0 : DatumGetInt32(d);
	}
	else
		*department_id = -1;	/* version 0.1's tables */
	d = SPI_getbinval(tup, desc, attno, &isnull);
	return isnull ? -1 : DatumGetInt64(d);
}

/*
 * The constraint's name for the message: the trigger's argument when it has
 * one (expenditure_matches_total_insert checks expenditure_matches_total's
 * rule for inserted rows), else its name without the "_<shard id>" Citus
 * appends to a shard's triggers (and to the shard's own name), so that a
 * distributed database reports what one node does.
 */
static const char *
constraint_name(TriggerData *td)
{
	const char *tg = td->tg_trigger->tgname;
	const char *rel = RelationGetRelationName(td->tg_relation);
	const char *tsuffix = strrchr(tg, '_');
	const char *rsuffix = strrchr(rel, '_');

	if (td->tg_trigger->tgnargs > 0)
		return td->tg_trigger->tgargs[0];

	if (tsuffix != NULL && rsuffix != NULL && tsuffix[1] != '\0' &&
		strspn(tsuffix + 1, "0123456789") == strlen(tsuffix + 1) &&
		strcmp(tsuffix, rsuffix) == 0)
		return pnstrdup(tg, tsuffix - tg);
	return tg;
}

Datum
expenditure_sum_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	const char *conname;
	int64		ids[2] = {-1, -1};
	int32		depts[2] = {0, 0};
	CommandId	changed_at;
	PbExtensionContext cx;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event))
		elog(ERROR, "expenditure_sum_trigger must be an AFTER ... FOR EACH ROW trigger");
	conname = constraint_name(td);

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		ids[0] = project_id_of(td, td->tg_trigtuple, &depts[0]);
		changed_at = HeapTupleHeaderGetCmin(td->tg_trigtuple->t_data);
	}
	else if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
	{
		ids[0] = project_id_of(td, td->tg_trigtuple, &depts[0]);
		changed_at = HeapTupleHeaderGetCmax(td->tg_trigtuple->t_data);
	}
	else
	{
		ids[0] = project_id_of(td, td->tg_newtuple, &depts[0]);
		ids[1] = project_id_of(td, td->tg_trigtuple, &depts[1]);
		if (ids[1] == ids[0] && depts[1] == depts[0])
			ids[1] = -1;
		changed_at = HeapTupleHeaderGetCmin(td->tg_newtuple->t_data);
	}

	/* a form checked since this change was made needs no second check */
	for (int i = 0; i < 2; i++)
		if (ids[i] >= 0 && checked_since(ids[i], changed_at))
			ids[i] = -1;
	if (ids[0] < 0 && ids[1] < 0)
		return PointerGetDatum(NULL);

	/* as the owner: the check must see the rows it checks (run_as_owner.c) */
	pb_enter_extension_context(&cx, td->tg_relation->rd_rel->relowner);
	for (int i = 0; i < 2; i++)
		if (ids[i] >= 0)
			check_project_sums(ids[i], depts[i], conname);
	pb_leave_extension_context(&cx);
	return PointerGetDatum(NULL);
}
