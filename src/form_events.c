/*
 * form_events.c — which written rows need the deferred trigger events of
 * their form (its sum check, fingerprint and findings at commit), answered
 * by the triggers' WHEN without reading a table.  Two kinds of rows need
 * none, each kept in a set of the transaction (xact_set.c):
 *
 *   - the rows of the forms the running import_form call writes whole: it
 *     stores their fingerprints and findings itself at its end
 *     (form_event_needed, the WHEN of indicator_fingerprint_insert,
 *     project_findings_inserted and expenditure_findings_inserted).  An
 *     event is some 16 bytes held until commit, 20 of them a form.  The
 *     promise ends with the call and at any subtransaction abort: a row
 *     inserted after either queues its events.
 *
 *   - the rows a deleted form takes with it (the foreign keys' cascade):
 *     each queued three events, run at commit to find the form gone
 *     (row_event_needed, the WHEN of expenditure_matches_total,
 *     expenditure_findings and indicator_fingerprint).  The trigger
 *     "Form_deleted" (AFTER DELETE on project) notes the form: an AFTER
 *     trigger, so that a deletion another trigger cancelled notes nothing,
 *     and run before the cascade because PostgreSQL runs a row's triggers
 *     in the order of their names, and those of the foreign keys are named
 *     "RI_ConstraintTrigger_…", after "Form_…".  Forgotten at any
 *     subtransaction abort (the form is back), and an id as a form is
 *     inserted under it ("Form_inserted", BEFORE INSERT: before any row of
 *     the new form can be written), so that its rows are its own.
 *
 * The sums' own WHEN (sum_event_needed) asks whether the form's sums are
 * checked already, in expenditure_sum.c.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/rel.h"

#include "form_events.h"
#include "xact_set.h"

PG_FUNCTION_INFO_V1(form_event_needed);
PG_FUNCTION_INFO_V1(form_written_trigger);
PG_FUNCTION_INFO_V1(row_event_needed);

static PbXactSet promised = PB_XACT_SET("perfbudget forms promised");
static PbXactSet deleted = PB_XACT_SET("perfbudget forms deleted");

/* ---------------------------------------------------------------- promised */

void
pb_forms_promise(const int64 *project_ids, int n)
{
	for (int i = 0; i < n; i++)
		pb_xact_set_put(&promised, project_ids[i], 0);
}

void
pb_forms_promises_kept(void)
{
	pb_xact_set_forget(&promised);
}

/* form_event_needed(project_id): false while an import call writes the form whole */
Datum
form_event_needed(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!pb_xact_set_get(&promised, PG_GETARG_INT64(0), NULL));
}

/* ---------------------------------------------------------------- deleted */

static int64
form_id(TriggerData *td, HeapTuple row, bool *isnull)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	int			attno = SPI_fnumber(desc, "id");

	if (attno <= 0)
		elog(ERROR, "form_written_trigger: relation \"%s\" has no column \"id\"",
			 RelationGetRelationName(td->tg_relation));
	return DatumGetInt64(SPI_getbinval(row, desc, attno, isnull));
}

Datum
form_written_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	bool		isnull;
	int64		id;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!((TRIGGER_FIRED_AFTER(td->tg_event) && TRIGGER_FIRED_BY_DELETE(td->tg_event)) ||
		  (TRIGGER_FIRED_BEFORE(td->tg_event) && TRIGGER_FIRED_BY_INSERT(td->tg_event))))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("form_written_trigger must be an AFTER DELETE or BEFORE INSERT ... FOR EACH ROW trigger"),
				 errhint("See the triggers \"Form_deleted\" and \"Form_inserted\" on perfbudget.project.")));
	id = form_id(td, td->tg_trigtuple, &isnull);
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		if (!isnull)
			pb_xact_set_remove(&deleted, id);
		return PointerGetDatum(td->tg_trigtuple);
	}
	if (!isnull)
		pb_xact_set_put(&deleted, id, 0);
	return PointerGetDatum(NULL);
}

/* row_event_needed(project_id): false for a row of a form this transaction deleted */
Datum
row_event_needed(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!pb_xact_set_get(&deleted, PG_GETARG_INT64(0), NULL));
}
