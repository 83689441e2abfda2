/*
 * indicator_fingerprint.c — keeps perfbudget.project_fingerprint up to date
 * as indicator rows are written, for the rule boilerplate_indicator_set.
 *
 * Two deferred constraint triggers on perfbudget.indicator (FOR EACH ROW:
 * indicator_fingerprint for updates and deletes, indicator_fingerprint_insert
 * for inserts; their WHEN spares the rows of forms an import writes whole
 * and of deleted forms, form_events.c) run this at commit (or at SET
 * CONSTRAINTS ... IMMEDIATE).  For the project of the row it
 *   - locks the project row (FOR NO KEY UPDATE, as expenditure_sum.c does),
 *     so two transactions changing one form's rows recompute one after the
 *     other, the second seeing the first's committed rows;
 *   - computes the fingerprint with perfbudget.indicator_fingerprint(id)
 *     (the one definition, also read by perfbudget.rebuild_fingerprints())
 *     under the latest snapshot, not the transaction's;
 *   - upserts the project's row of perfbudget.project_fingerprint, with the
 *     project's year, region and department, or deletes it when the form
 *     has no 产出/效益/满意度 rows.  Triggers on that table keep the counts
 *     of perfbudget.fingerprint_group.
 *
 * Once per project per commit, however many of its rows changed.  A set of
 * the transaction (keyed by project id: xact_set.c) remembers the command
 * id under which each project was recomputed; an event whose row change
 * was made by an earlier command was visible to that recomputation and is
 * skipped.  A change made after it (rows edited after SET CONSTRAINTS ALL
 * IMMEDIATE) has a later command id and recomputes again.  The set is
 * dropped when a subtransaction aborts, since the rolled-back recomputation
 * may have to run again.
 *
 * The work runs under search_path = pg_catalog, pg_temp (a GUC nest level,
 * as a function's SET clause would), whatever the writer's path.
 *
 * The same events run the commit-time recomputation of the stored findings
 * of form_issues (pb_flush_findings, src/issue_finding.c), first: one event
 * queue per indicator row is enough for both.
 *
 * perfbudget.refresh_fingerprint(id) recomputes one form at once, and
 * import_form all the forms of a call at its end (pb_refresh_fingerprints),
 * so that the writing transaction's own reads (form_issues,
 * department_review) see them before commit.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "access/htup_details.h"
#include "access/xact.h"
#include "pb_findings.h"
#include "pb_fingerprint.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "run_as_owner.h"
#include "xact_set.h"

PG_FUNCTION_INFO_V1(indicator_fingerprint_trigger);
PG_FUNCTION_INFO_V1(refresh_fingerprint);

/* the forms recomputed, each with the command id current when it was */
static PbXactSet recomputed = PB_XACT_SET("perfbudget fingerprints recomputed");

static SPIPlanPtr lock_plan = NULL;
static SPIPlanPtr print_plan = NULL;
static SPIPlanPtr upsert_plan = NULL;
static SPIPlanPtr delete_plan = NULL;
static SPIPlanPtr lock_many_plan = NULL;
static SPIPlanPtr store_many_plan = NULL;

#define prepare_kept(sql, nargs, argtypes) pb_prepare_kept(sql, nargs, argtypes, 0)

static void
prepare_plans(void)
{
	Oid			one[1] = {INT8OID};
	Oid			six[6] = {INT8OID, INT4OID, TEXTOID, TEXTOID, TEXTOID, INT4OID};

	if (lock_plan == NULL)
		lock_plan = prepare_kept(
			"SELECT budget_year, region, department, department_id FROM perfbudget.project "
			"WHERE id = $1 FOR NO KEY UPDATE", 1, one);
	if (print_plan == NULL)
		print_plan = prepare_kept("SELECT perfbudget.indicator_fingerprint($1)", 1, one);
	if (upsert_plan == NULL)
		upsert_plan = prepare_kept(
			"INSERT INTO perfbudget.project_fingerprint AS f "
			"(project_id, budget_year, region, department, fingerprint, department_id) "
			"VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (project_id, department_id) DO UPDATE "
			"SET budget_year = excluded.budget_year, region = excluded.region, "
			"department = excluded.department, fingerprint = excluded.fingerprint "
			"WHERE (f.budget_year, f.region, f.department, f.fingerprint) "
			"IS DISTINCT FROM (excluded.budget_year, excluded.region, "
			"excluded.department, excluded.fingerprint)", 6, six);
	if (delete_plan == NULL)
		delete_plan = prepare_kept(
			"DELETE FROM perfbudget.project_fingerprint WHERE project_id = $1", 1, one);
}

/*
 * The statements of pb_refresh_fingerprints: the lock, then the fingerprints
 * of all the ids computed in one pass (perfbudget.indicator_fingerprints),
 * stored, and those of forms left without rows deleted, in one statement.
 * The forms are read by their ids (p.id = ANY): joined to the function's
 * rows alone, whose number the planner does not know, the generic plan
 * hashed every form of the database at each call (a file of 20 forms read
 * all 300,000).
 */
static void
prepare_many_plans(void)
{
	Oid			ids[1] = {INT8ARRAYOID};

	if (lock_many_plan == NULL)
		lock_many_plan = prepare_kept(
			"SELECT id FROM perfbudget.project WHERE id OPERATOR(pg_catalog.=) ANY ($1) "
			"ORDER BY id FOR NO KEY UPDATE", 1, ids);
	if (store_many_plan == NULL)
		store_many_plan = prepare_kept(
			"WITH x AS MATERIALIZED (SELECT * FROM perfbudget.indicator_fingerprints($1)), "
			"gone AS (DELETE FROM perfbudget.project_fingerprint f "
			"WHERE f.project_id OPERATOR(pg_catalog.=) ANY ($1) AND NOT EXISTS "
			"(SELECT FROM x WHERE x.project_id OPERATOR(pg_catalog.=) f.project_id)) "
			"INSERT INTO perfbudget.project_fingerprint AS f "
			"(project_id, budget_year, region, department, fingerprint, department_id) "
			"SELECT p.id, p.budget_year, p.region, p.department, x.fingerprint, p.department_id "
			"FROM x JOIN perfbudget.project p ON p.id OPERATOR(pg_catalog.=) x.project_id "
			"AND p.id OPERATOR(pg_catalog.=) ANY ($1) "
			"ON CONFLICT (project_id, department_id) DO UPDATE "
			"SET budget_year = excluded.budget_year, region = excluded.region, "
			"department = excluded.department, fingerprint = excluded.fingerprint "
			"WHERE (f.budget_year, f.region, f.department, f.fingerprint) "
			"IS DISTINCT FROM (excluded.budget_year, excluded.region, "
			"excluded.department, excluded.fingerprint)", 1, ids);
}

/* Recompute and store the fingerprint of one project. */
static void
refresh_project(int64 project_id)
{
	Datum		args[6];
	char		nulls[6] = {' ', ' ', ' ', ' ', ' ', ' '};
	bool		isnull;
	Datum		year;
	Datum		region;
	Datum		department;
	Datum		department_id;
	bool		department_id_null;
	bool		year_null;
	bool		region_null;
	bool		department_null;
	Datum		print;
	TupleDesc	desc;
	HeapTuple	tup;

	args[0] = Int64GetDatum(project_id);
	if (SPI_execute_plan(lock_plan, args, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not lock project " INT64_FORMAT, project_id);
	if (SPI_processed == 0)
		return;					/* the project is gone: its fingerprint went with it */
	tup = SPI_copytuple(SPI_tuptable->vals[0]);
	desc = SPI_tuptable->tupdesc;
	year = SPI_getbinval(tup, desc, 1, &year_null);
	region = SPI_getbinval(tup, desc, 2, &region_null);
	department = SPI_getbinval(tup, desc, 3, &department_null);
	department_id = SPI_getbinval(tup, desc, 4, &department_id_null);

	/*
	 * Read the rows with the latest snapshot: under REPEATABLE READ the rows
	 * committed by a writer we waited for on the lock would otherwise be
	 * invisible, and the stored fingerprint would miss them.
	 */
	if (SPI_execute_snapshot(print_plan, args, NULL, GetLatestSnapshot(),
							 InvalidSnapshot, true, false, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "could not compute the indicator fingerprint of project " INT64_FORMAT,
			 project_id);
	print = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

	if (isnull)
	{
		if (SPI_execute_plan(delete_plan, args, NULL, false, 0) != SPI_OK_DELETE)
			elog(ERROR, "could not delete the fingerprint of project " INT64_FORMAT,
				 project_id);
		return;
	}
	print = PointerGetDatum(PG_DETOAST_DATUM_COPY(print));
	args[1] = year;
	nulls[1] = year_null ? 'n' : ' ';
	args[2] = region;
	nulls[2] = region_null ? 'n' : ' ';
	args[3] = department;
	nulls[3] = department_null ? 'n' : ' ';
	args[4] = print;
	args[5] = department_id;
	nulls[5] = department_id_null ? 'n' : ' ';
	if (SPI_execute_plan(upsert_plan, args, nulls, false, 0) != SPI_OK_INSERT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not store the indicator fingerprint of project %lld",
						(long long) project_id),
				 errdetail("SPI returned %s.", SPI_result_code_string(SPI_result)),
				 errhint("perfbudget.rebuild_fingerprints() recomputes every stored fingerprint.")));
}

/*
 * Recompute one project's fingerprint now (within the caller's SPI
 * connection or none) and remember it as done for the changes made so far.
 */
void
pb_refresh_fingerprint(int64 project_id)
{
	PbExtensionContext cx;

	pb_xact_set_put(&recomputed, project_id, GetCurrentCommandId(false));
	pb_enter_extension_context(&cx, pb_extension_owner());
	prepare_plans();
	refresh_project(project_id);
	pb_leave_extension_context(&cx);
}

/*
 * Recompute and store the fingerprints of many projects at once, as
 * import_form does for the forms of one call: the same lock, computation and
 * upsert (or delete) as refresh_project, in two statements over the array of
 * ids, so that the cost per form is that of its rows.  The projects are this
 * transaction's own (import_form just wrote them), so the statement's
 * snapshot sees every row; ids of deleted projects are skipped by the join.
 */
void
pb_refresh_fingerprints(const int64 *project_ids, int n)
{
	CommandId	now;
	PbExtensionContext cx;
	Datum	   *elems;
	Datum		arg;

	if (n == 0)
		return;
	now = GetCurrentCommandId(false);
	elems = palloc(sizeof(Datum) * n);
	for (int i = 0; i < n; i++)
	{
		pb_xact_set_put(&recomputed, project_ids[i], now);
		elems[i] = Int64GetDatum(project_ids[i]);
	}
	arg = PointerGetDatum(construct_array(elems, n, INT8OID, sizeof(int64), true,
										  TYPALIGN_DOUBLE));
	pb_enter_extension_context(&cx, pb_extension_owner());
	prepare_many_plans();
	if (SPI_execute_plan(lock_many_plan, &arg, NULL, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not lock the projects whose fingerprints are recomputed");
	if (SPI_execute_plan(store_many_plan, &arg, NULL, false, 0) != SPI_OK_INSERT)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not store the indicator fingerprints of %d projects", n),
				 errdetail("SPI returned %s.", SPI_result_code_string(SPI_result)),
				 errhint("perfbudget.rebuild_fingerprints() recomputes every stored fingerprint.")));
	pb_leave_extension_context(&cx);
	pfree(elems);
}

Datum
refresh_fingerprint(PG_FUNCTION_ARGS)
{
	pb_refresh_fingerprint(PG_GETARG_INT64(0));
	PG_RETURN_VOID();
}

static int64
project_id_of(TriggerData *td, HeapTuple tup)
{
	bool		isnull;
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	int			attno = SPI_fnumber(desc, "project_id");
	Datum		d;

	if (attno <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("indicator_fingerprint_trigger: relation \"%s\" has no column \"project_id\"",
						RelationGetRelationName(td->tg_relation)),
				 errhint("The trigger belongs on perfbudget.indicator.")));
	d = SPI_getbinval(tup, desc, attno, &isnull);
	return isnull ? -1 : DatumGetInt64(d);
}

/*
 * The command that made the change of this event: the inserting command of
 * the new row (INSERT, UPDATE), the deleting command of the old one
 * (DELETE).  Both are this transaction's, so the header holds them (through
 * a combo command id when one command inserted and another deleted).
 */
static CommandId
change_command(TriggerData *td)
{
	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		return HeapTupleHeaderGetCmax(td->tg_trigtuple->t_data);
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		return HeapTupleHeaderGetCmin(td->tg_newtuple->t_data);
	return HeapTupleHeaderGetCmin(td->tg_trigtuple->t_data);
}

Datum
indicator_fingerprint_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	int64		ids[2] = {-1, -1};
	CommandId	changed_at;
	bool		connected = false;
	PbExtensionContext cx = {0};

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("indicator_fingerprint_trigger must be an AFTER ... FOR EACH ROW trigger"),
				 errhint("See the trigger indicator_fingerprint on perfbudget.indicator.")));

	ids[0] = project_id_of(td, TRIGGER_FIRED_BY_UPDATE(td->tg_event) ?
						   td->tg_newtuple : td->tg_trigtuple);
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		ids[1] = project_id_of(td, td->tg_trigtuple);
		if (ids[1] == ids[0])
			ids[1] = -1;
	}
	changed_at = change_command(td);

	/*
	 * The stored findings of every form the transaction changed, in one
	 * statement, before this trigger's per-form locks: so the pending
	 * forms' rows are locked in id order (src/issue_finding.c).  A no-op
	 * once done.
	 */
	for (int i = 0; i < 2; i++)
		if (ids[i] >= 0)
			pb_findings_note_change(ids[i], changed_at);
	pb_flush_findings();

	for (int i = 0; i < 2; i++)
	{
		uint32		computed_at;

		if (ids[i] < 0)
			continue;
		if (pb_xact_set_get(&recomputed, ids[i], &computed_at) && changed_at < computed_at)
			continue;			/* this change was visible to the last recomputation */
		if (!connected)
		{
			/* as the owner: a filer may not write the derived tables itself */
			pb_enter_extension_context(&cx, td->tg_relation->rd_rel->relowner);
			prepare_plans();
			connected = true;
		}
		/* the latest snapshot taken in refresh_project sees commands before this one */
		pb_xact_set_put(&recomputed, ids[i], GetCurrentCommandId(false));
		refresh_project(ids[i]);
	}
	if (connected)
	{
		pb_leave_extension_context(&cx);
	}
	return PointerGetDatum(NULL);
}
