/*
 * issue_finding.c — keeps perfbudget.issue_finding, the stored findings of
 * form_issues, equal to perfbudget.issue_finding_computed as forms are
 * written.
 *
 * Two steps, so that the work is one statement per commit and not one
 * query per row or per form:
 *
 *   - findings_collect(column), an AFTER ... FOR EACH STATEMENT trigger with
 *     transition tables on project, expenditure and indicator, reads the
 *     project ids of the changed rows from the transition tables (no query)
 *     into the transaction's pending set;
 *   - pb_flush_findings(), run by the first deferred trigger event at
 *     commit (findings_at_commit on project, expenditure and
 *     issue_rule_setting; indicator_fingerprint on indicator), locks the
 *     pending forms' project rows in id order (FOR NO KEY UPDATE, as the
 *     fingerprint and sum triggers do, so two writers of one form recompute
 *     one after the other) and replaces their findings by
 *     issue_finding_computed in one statement under the latest snapshot.
 *     Later events of the same commit find the set empty.
 *
 * A threshold change (findings_touch_all) marks every form: the flush then
 * takes issue_finding in SHARE ROW EXCLUSIVE mode — which waits for the
 * writers that have flushed and not committed, and holds off the others
 * until this commit, so that they recompute with the new threshold — and
 * recomputes the whole table.
 *
 * Until it is flushed, the pending set is what findings_pending() returns:
 * form_issues computes those forms at read time, so a transaction reads its
 * own writes.  The ids ever touched in the transaction are kept too: when a
 * subtransaction aborts, a flush it ran is rolled back with it, so every
 * touched id becomes pending again (recomputing a form that did not change
 * is harmless; missing one is not).  The sets live in TopTransactionContext
 * and belong to one transaction (MyProc->lxid).
 *
 * The work runs under search_path = pg_catalog, pg_temp, whatever the
 * writer's path, and the recomputation as the owner of the extension's
 * tables (run_as_owner.c): a writer of forms holds no right on issue_finding.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "pb_findings.h"
#include "run_as_owner.h"
#include "xact_set.h"
#include "storage/proc.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(findings_collect);
PG_FUNCTION_INFO_V1(findings_at_commit);
PG_FUNCTION_INFO_V1(findings_pending);
PG_FUNCTION_INFO_V1(findings_touch_all);

/*
 * touched holds for each id 0 while it is pending, or the command its last
 * recomputation saw up to plus 1 (changes made before it were seen).
 */
#define NOT_FLUSHED 0

typedef struct PendingSets
{
	PbIdMap		pending;		/* ids whose stored findings are stale */
	PbIdMap		touched;		/* every id pending at some point */
	bool		all_pending;	/* every form is stale (threshold change) */
	bool		all_touched;
	MemoryContext cxt;			/* under TopTransactionContext: both maps */
} PendingSets;

static PendingSets sets;
static LocalTransactionId sets_lxid = InvalidLocalTransactionId;
static bool callback_registered = false;

static void mark_pending(PendingSets *s, int64 id);

static SPIPlanPtr lock_table_plan = NULL;
static SPIPlanPtr lock_plan = NULL;
static SPIPlanPtr replace_plan = NULL;
static SPIPlanPtr replace_bulk_plan = NULL;
static SPIPlanPtr lock_all_plan = NULL;
static SPIPlanPtr replace_all_plan = NULL;
static SPIPlanPtr all_ids_plan = NULL;

static bool
sets_current(void)
{
	return sets.cxt != NULL && sets_lxid == MyProc->lxid;
}

/* A rolled-back subtransaction may have rolled back a flush. */
static void
repend_on_subabort(SubXactEvent event, SubTransactionId mySubid,
				   SubTransactionId parentSubid, void *arg)
{
	PbIdMapIter it;
	int64_t		id;

	if (event != SUBXACT_EVENT_ABORT_SUB || !sets_current())
		return;
	sets.all_pending |= sets.all_touched;
	pb_id_map_iter_init(&it);
	while (pb_id_map_next(&sets.touched, &it, &id, NULL))
		mark_pending(&sets, id);
}

static PendingSets *
current_sets(void)
{
	if (!callback_registered)
	{
		RegisterSubXactCallback(repend_on_subabort, NULL);
		callback_registered = true;
	}
	if (!sets_current())
	{
		sets.cxt = AllocSetContextCreate(TopTransactionContext, "perfbudget findings pending and touched",
										 ALLOCSET_SMALL_SIZES);
		pb_id_map_init_in(&sets.pending, sets.cxt);
		pb_id_map_init_in(&sets.touched, sets.cxt);
		sets.all_pending = false;
		sets.all_touched = false;
		sets_lxid = MyProc->lxid;
	}
	return &sets;
}

static void
mark_pending(PendingSets *s, int64 id)
{
	pb_id_map_put_in(&s->touched, id, NOT_FLUSHED, "perfbudget findings touched");
	pb_id_map_put_in(&s->pending, id, 0, "perfbudget findings pending");
}

/*
 * A row change seen by a deferred trigger event, made by command
 * changed_at: pending unless a flush since has seen it.  At commit the
 * statement triggers have marked every form already and the first event's
 * flush covers them all; when the constraint triggers are IMMEDIATE, a
 * statement's row events run before its statement trigger, and this is
 * how they find their forms.
 */
void
pb_findings_note_change(int64 project_id, CommandId changed_at)
{
	PendingSets *s = current_sets();
	uint32		flushed;

	if (pb_id_map_get(&s->touched, project_id, &flushed) && flushed != NOT_FLUSHED &&
		changed_at < flushed - 1)
		return;
	mark_pending(s, project_id);
}

/* ---------------------------------------------------------------- collect */

static void
collect_ids(Tuplestorestate *rows, TupleDesc desc, int attno, PendingSets *s)
{
	TupleTableSlot *slot;
	int			readptr;

	if (rows == NULL)
		return;
	/* a read pointer of our own: other triggers may read the same rows */
	readptr = tuplestore_alloc_read_pointer(rows, EXEC_FLAG_REWIND);
	tuplestore_select_read_pointer(rows, readptr);
	tuplestore_rescan(rows);
	slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	while (tuplestore_gettupleslot(rows, true, false, slot))
	{
		bool		isnull;
		Datum		d = slot_getattr(slot, attno, &isnull);

		if (!isnull)
			mark_pending(s, DatumGetInt64(d));
	}
	ExecDropSingleTupleTableSlot(slot);
	tuplestore_select_read_pointer(rows, 0);
}

Datum
findings_collect(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	int			attno;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(td->tg_event) ||
		!TRIGGER_FIRED_FOR_STATEMENT(td->tg_event) || td->tg_trigger->tgnargs != 1)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("findings_collect must be an AFTER ... FOR EACH STATEMENT trigger with one argument"),
				 errhint("See the trigger indicator_findings_insert on perfbudget.indicator: "
						 "EXECUTE FUNCTION findings_collect('project_id').")));
	desc = RelationGetDescr(td->tg_relation);
	attno = SPI_fnumber(desc, td->tg_trigger->tgargs[0]);
	if (attno <= 0 || TupleDescAttr(desc, attno - 1)->atttypid != INT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("findings_collect: relation \"%s\" has no bigint column \"%s\"",
						RelationGetRelationName(td->tg_relation), td->tg_trigger->tgargs[0]),
				 errhint("The argument names the column holding the project id: 'id' on project, 'project_id' on its rows.")));
	if (td->tg_oldtable == NULL && td->tg_newtable == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("findings_collect needs a transition table"),
				 errhint("Declare the trigger with REFERENCING NEW TABLE AS … and/or OLD TABLE AS ….")));

	collect_ids(td->tg_oldtable, desc, attno, current_sets());
	collect_ids(td->tg_newtable, desc, attno, current_sets());
	return PointerGetDatum(NULL);
}

Datum
findings_touch_all(PG_FUNCTION_ARGS)
{
	PendingSets *s = current_sets();

	s->all_pending = true;
	s->all_touched = true;
	PG_RETURN_VOID();
}

/* ---------------------------------------------------------------- flush */

/*
 * Generic plans: the ids are an array whose size the planner would
 * otherwise see, and for a thousand forms it picks hash joins over whole
 * tables — a cost that grows with the database, not with the forms written.
 * The generic plan reaches every table through its index by the ids.
 */
/* The stored findings of the forms $1, recomputed (two plans use it). */
#define REPLACE_FORMS_SQL \
	"WITH gone AS (DELETE FROM perfbudget.issue_finding WHERE project_id = ANY ($1)) " \
	"INSERT INTO perfbudget.issue_finding (project_id, code, line_no, message, department_id) " \
	"SELECT c.project_id, c.code, c.line_no, c.message, c.department_id " \
	"FROM perfbudget.issue_finding_computed c WHERE c.project_id = ANY ($1)"

/* generic plans: the ids differ at every commit, the plan does not */
#define prepare_kept(sql, nargs, argtypes) \
	pb_prepare_kept(sql, nargs, argtypes, CURSOR_OPT_GENERIC_PLAN)

static void
prepare_plans(void)
{
	Oid			ids[1] = {INT8ARRAYOID};

	if (lock_table_plan == NULL)
		lock_table_plan = prepare_kept(
			"LOCK TABLE perfbudget.issue_finding IN ROW EXCLUSIVE MODE", 0, NULL);
	if (lock_plan == NULL)
		lock_plan = prepare_kept(
			"SELECT NULL FROM perfbudget.project WHERE id = ANY ($1) "
			"ORDER BY id FOR NO KEY UPDATE", 1, ids);
	if (replace_plan == NULL)
		replace_plan = prepare_kept(REPLACE_FORMS_SQL, 1, ids);
	/* the same, planned by hash joins when the statistics cannot be trusted */
	if (replace_bulk_plan == NULL)
		replace_bulk_plan = prepare_kept(REPLACE_FORMS_SQL, 1, ids);
	if (lock_all_plan == NULL)
		lock_all_plan = prepare_kept(
			"LOCK TABLE perfbudget.issue_finding IN SHARE ROW EXCLUSIVE MODE", 0, NULL);
	if (replace_all_plan == NULL)
		replace_all_plan = prepare_kept(
			"WITH gone AS (DELETE FROM perfbudget.issue_finding) "
			"INSERT INTO perfbudget.issue_finding (project_id, code, line_no, message, department_id) "
			"SELECT c.project_id, c.code, c.line_no, c.message, c.department_id "
			"FROM perfbudget.issue_finding_computed c", 0, NULL);
	if (all_ids_plan == NULL)
		all_ids_plan = prepare_kept(
			"SELECT coalesce(array_agg(id), '{}') FROM perfbudget.project", 0, NULL);
}

static int
compare_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

/* The pending ids, ascending, as a bigint[] datum. */
static Datum
pending_array(const PbIdMap *pending)
{
	size_t		n = pb_id_map_count(pending);
	int64	   *ids = palloc(Max(n, 1) * sizeof(int64));
	Datum	   *elems = palloc(Max(n, 1) * sizeof(Datum));
	PbIdMapIter it;
	int64_t		id;
	size_t		i = 0;

	pb_id_map_iter_init(&it);
	while (pb_id_map_next(pending, &it, &id, NULL))
		ids[i++] = id;
	qsort(ids, n, sizeof(int64), compare_int64);
	for (i = 0; i < n; i++)
		elems[i] = Int64GetDatum(ids[i]);
	return PointerGetDatum(construct_array(elems, (int) n, INT8OID, sizeof(int64),
										   FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

static void
run_plan(SPIPlanPtr plan, Datum *args, bool latest, int expected, const char *what)
{
	int			rc;

	/*
	 * fire_triggers: the key checks of the findings written (issue_finding's
	 * foreign key to project) run at the end of this statement; at commit
	 * there is no outer query whose end could fire them.
	 */
	if (latest)
		rc = SPI_execute_snapshot(plan, args, NULL, GetLatestSnapshot(),
								  InvalidSnapshot, false, true, 0);
	else
		rc = SPI_execute_plan(plan, args, NULL, false, 0);
	if (rc != expected)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not %s the stored findings of the changed forms", pb_tr(what)),
				 errdetail("SPI returned %s.", SPI_result_code_string(rc)),
				 errhint("SELECT perfbudget.rebuild_findings() recomputes every stored finding.")));
}

/* After a flush: nothing pending, each flushed form remembers when. */
static void
forget_pending(PendingSets *s, CommandId flushed_at)
{
	PbIdMapIter it;
	int64_t		id;

	pb_id_map_iter_init(&it);
	while (pb_id_map_next(&s->pending, &it, &id, NULL))
		pb_id_map_put_in(&s->touched, id, flushed_at + 1, "perfbudget findings touched");
	pb_id_map_free(&s->pending);
	s->all_pending = false;
}

void
pb_flush_findings(void)
{
	PendingSets *s;
	PbExtensionContext cx;
	CommandId	flushed_at;

	if (!sets_current())
		return;
	s = &sets;
	if (!s->all_pending && pb_id_map_count(&s->pending) == 0)
		return;

	/* as the owner: a writer of forms may not write issue_finding itself */
	pb_enter_extension_context(&cx, pb_extension_owner());
	prepare_plans();
	/* the snapshot of the recomputation sees the changes of earlier commands */
	flushed_at = GetCurrentCommandId(false) + 1;
	if (s->all_pending)
	{
		/* every form: whole tables, read once each */
		pb_plan_by_hash_joins();
		run_plan(lock_all_plan, NULL, false, SPI_OK_UTILITY, PB_N_("lock"));
		/* read after the lock: the writers we waited for have committed */
		run_plan(replace_all_plan, NULL, true, SPI_OK_INSERT, PB_N_("recompute"));
	}
	else
	{
		Datum		args[1];

		args[0] = pending_array(&s->pending);

		/*
		 * Every wait before the snapshot is taken: for a threshold change
		 * recomputing the whole table (which holds it in SHARE ROW
		 * EXCLUSIVE mode until it commits), then for the writers of the same
		 * forms (row locks).  A snapshot taken before a wait would miss
		 * what they committed.  The non-read-only SPI calls also advance
		 * the command counter, so this transaction's changes are seen.
		 */
		run_plan(lock_table_plan, NULL, false, SPI_OK_UTILITY, PB_N_("lock"));
		run_plan(lock_plan, args, false, SPI_OK_SELECT, PB_N_("lock"));
		if (cx.empty_statistics)
		{
			/* a plan by index would scan a table per form (run_as_owner.c) */
			pb_plan_by_hash_joins();
			run_plan(replace_bulk_plan, args, true, SPI_OK_INSERT, PB_N_("recompute"));
		}
		else
			run_plan(replace_plan, args, true, SPI_OK_INSERT, PB_N_("recompute"));
	}
	pb_leave_extension_context(&cx);
	forget_pending(s, flushed_at);
}

static void
note_row(TriggerData *td, HeapTuple tuple, CommandId changed_at)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	int			attno = SPI_fnumber(desc, td->tg_trigger->tgargs[0]);
	bool		isnull;
	Datum		d;

	if (attno <= 0 || TupleDescAttr(desc, attno - 1)->atttypid != INT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("findings_at_commit: relation \"%s\" has no bigint column \"%s\"",
						RelationGetRelationName(td->tg_relation), td->tg_trigger->tgargs[0]),
				 errhint("The argument names the column holding the project id: 'id' on project, 'project_id' on its rows.")));
	d = heap_getattr(tuple, attno, desc, &isnull);
	if (!isnull)
		pb_findings_note_change(DatumGetInt64(d), changed_at);
}

/* The form(s) of the event's row, with the command that changed it. */
static void
note_event_rows(TriggerData *td)
{
	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		note_row(td, td->tg_trigtuple, HeapTupleHeaderGetCmax(td->tg_trigtuple->t_data));
	else if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		CommandId	changed_at = HeapTupleHeaderGetCmin(td->tg_newtuple->t_data);

		note_row(td, td->tg_newtuple, changed_at);
		note_row(td, td->tg_trigtuple, changed_at);
	}
	else
		note_row(td, td->tg_trigtuple, HeapTupleHeaderGetCmin(td->tg_trigtuple->t_data));
}

Datum
findings_at_commit(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("findings_at_commit must be an AFTER ... FOR EACH ROW trigger"),
				 errhint("See the constraint trigger project_findings on perfbudget.project.")));
	if (td->tg_trigger->tgnargs == 1)
		note_event_rows(td);
	pb_flush_findings();
	return PointerGetDatum(NULL);
}

/* ---------------------------------------------------------------- read */

Datum
findings_pending(PG_FUNCTION_ARGS)
{
	Datum		result;
	bool		isnull;
	PbExtensionContext cx;

	if (!sets_current() || (!sets.all_pending && pb_id_map_count(&sets.pending) == 0))
		PG_RETURN_DATUM(PointerGetDatum(construct_empty_array(INT8OID)));
	if (!sets.all_pending)
		PG_RETURN_DATUM(pending_array(&sets.pending));

	/* every form is stale: all of them, as this transaction sees them */
	pb_enter_extension_context(&cx, InvalidOid);
	prepare_plans();
	if (SPI_execute_plan(all_ids_plan, NULL, NULL, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read the project ids");
	result = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	result = SPI_datumTransfer(result, false, -1);
	pb_leave_extension_context(&cx);
	PG_RETURN_DATUM(result);
}
