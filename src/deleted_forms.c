/*
 * deleted_forms.c — the forms the current transaction has deleted, so that
 * the rows their deletion takes with it queue no deferred trigger event.
 *
 * Deleting a form deletes its ~20 rows by the foreign keys' cascade, and
 * each row's deletion queued three deferred events (its form's sum check,
 * fingerprint and findings), held until commit and then run to find the
 * form gone: a replace of thousands of forms held and ran tens of
 * thousands.  The trigger "Form_deleted" (AFTER DELETE on project) notes
 * the form, and the WHEN of those triggers (row_event_needed) then says no
 * for its rows.  It is an AFTER trigger, so that a deletion another trigger
 * cancelled notes nothing; it runs before the cascade because PostgreSQL
 * runs a row's triggers in the order of their names, and those of the
 * foreign keys are named "RI_ConstraintTrigger_…", after "Form_…".
 *
 * Forgotten at any subtransaction abort (the form is back), and an id is
 * forgotten as a form is inserted under it ("Form_inserted", BEFORE INSERT:
 * before any row of the new form can be written): its rows are its own.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/rel.h"

#include "xact_set.h"

PG_FUNCTION_INFO_V1(form_written_trigger);
PG_FUNCTION_INFO_V1(row_event_needed);

static PbXactSet deleted = PB_XACT_SET("perfbudget forms deleted");

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
