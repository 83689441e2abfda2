/*
 * change_log.c — the history of the forms: the trigger that writes
 * perfbudget.change_log, and the setting perfbudget.history.
 *
 * One entry per change of a project, expenditure or indicator row, except
 * that a form stored at once is one entry (an import must not cost a log row
 * per indicator):
 *   INSERT of a project row     new_row = the row; its project id is noted
 *                               as created by this transaction
 *   INSERT of a child row       new_row = the row — unless its project was
 *                               created by the same transaction: the project's
 *                               entry stands for the whole new form
 *   UPDATE of any row           old_row and new_row
 *   DELETE of a project         old_row = the whole form (form_json), taken in
 *                               a BEFORE trigger while its rows still exist;
 *                               the cascade's deletions of those rows are not
 *                               logged again
 *   DELETE of a child row       old_row = the row — unless its project's
 *                               deletion was logged by this transaction (the
 *                               cascade's rows: known without a query)
 * perfbudget.form_as_of() undoes the entries after a moment, newest first,
 * starting from the current rows.
 *
 * The trigger writes as the table owner (run_as_owner.c): the log is written
 * by the extension, never by the user, who holds no privilege on it.  The
 * table's logical name is the trigger's argument, not the relation's name,
 * so the trigger works on partitions and Citus shards alike.
 *
 * perfbudget.history = off (superuser only, like session_replication_role)
 * stops the logging: for a restore whose change_log already holds the history.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "change_log.h"
#include "run_as_owner.h"
#include "xact_set.h"

PG_FUNCTION_INFO_V1(change_log_trigger);

void		pb_define_history_setting(void);

static bool history_enabled = true;

/*
 * Projects created by the current transaction, with the role that inserted
 * each: kept across a subtransaction abort (an id rolled back is not
 * handed out again by the sequence).
 */
static PbXactSet created = PB_XACT_SET_KEPT("perfbudget projects created");

/*
 * Projects whose whole form this transaction logged as deleted: the rows its
 * cascade deletes next are in that entry, and a hash probe tells so where a
 * query a row did (a replace deletes thousands of forms of ~20 rows each).
 * Forgotten at any subtransaction abort (a rolled-back deletion leaves its
 * rows to be logged one by one; the set is only a shortcut, the query below
 * stays the rule) and for an id inserted again.
 */
static PbXactSet logged_whole = PB_XACT_SET("perfbudget forms logged as deleted");

/* Kept plans, one per row type and kind of entry. */
typedef struct LogPlan
{
	Oid			rowtype;
	char		kind;			/* 'I', 'U', 'D' (row), 'F' (whole form) */
	SPIPlanPtr	plan;
} LogPlan;

#define MAX_LOG_PLANS 32
static LogPlan log_plans[MAX_LOG_PLANS];
static int	n_log_plans = 0;

void
pb_define_history_setting(void)
{
	DefineCustomBoolVariable("perfbudget.history",
							 "Records changes of forms in perfbudget.change_log.",
							 "Turn off only to restore a dump whose change_log already holds the history.",
							 &history_enabled,
							 true,
							 PGC_SUSET,
							 0,
							 NULL, NULL, NULL);
}

/* by the current role: the write check must not trust another role's form */
bool
pb_project_created_here(int64 project_id)
{
	uint32		creator;

	return pb_xact_set_get(&created, project_id, &creator) && creator == GetUserId();
}

static bool
form_logged_whole(int64 project_id)
{
	return pb_xact_set_get(&logged_whole, project_id, NULL);
}

static void
note_created(int64 project_id)
{
	pb_xact_set_put(&created, project_id, GetUserId());
	/* a new form of a deleted form's id: its rows are its own again */
	pb_xact_set_remove(&logged_whole, project_id);
}

static const char *
log_sql(char kind)
{
	switch (kind)
	{
		case 'I':
			return "INSERT INTO perfbudget.change_log "
				"(changed_by, table_name, project_id, operation, new_row) "
				"VALUES ($1, $2, $3, 'INSERT', pg_catalog.to_jsonb($4))";
		case 'U':
			return "INSERT INTO perfbudget.change_log "
				"(changed_by, table_name, project_id, operation, old_row, new_row) "
				"VALUES ($1, $2, $3, 'UPDATE', pg_catalog.to_jsonb($4), pg_catalog.to_jsonb($5))";
		case 'D':
			/* a row deleted by its project's deletion is in the project's entry */
			return "INSERT INTO perfbudget.change_log "
				"(changed_by, table_name, project_id, operation, old_row) "
				"SELECT $1, $2, $3, 'DELETE', pg_catalog.to_jsonb($4) "
				"WHERE EXISTS (SELECT FROM perfbudget.project p "
				"WHERE p.id OPERATOR(pg_catalog.=) $3)";
		default:
			return "INSERT INTO perfbudget.change_log "
				"(changed_by, table_name, project_id, operation, old_row) "
				"VALUES ($1, $2, $3, 'DELETE', perfbudget.form_json($3))";
	}
}

static SPIPlanPtr
log_plan(Oid rowtype, char kind)
{
	Oid			argtypes[5] = {TEXTOID, TEXTOID, INT8OID, rowtype, rowtype};
	SPIPlanPtr	plan;
	int			i;

	for (i = 0; i < n_log_plans; i++)
		if (log_plans[i].rowtype == rowtype && log_plans[i].kind == kind)
			return log_plans[i].plan;

	plan = SPI_prepare(log_sql(kind), kind == 'U' ? 5 : kind == 'F' ? 3 : 4, argtypes);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for the change log: %s",
			 SPI_result_code_string(SPI_result));
	if (n_log_plans == MAX_LOG_PLANS)
		return plan;			/* an unusual number of tables: plan each time */
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "SPI_keepplan failed");
	log_plans[n_log_plans].rowtype = rowtype;
	log_plans[n_log_plans].kind = kind;
	log_plans[n_log_plans].plan = plan;
	n_log_plans++;
	return plan;
}

static int64
project_id_of(Relation rel, HeapTuple tuple, bool is_project)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			col = SPI_fnumber(desc, is_project ? "id" : "project_id");
	bool		isnull;
	Datum		d;

	if (col <= 0)
		elog(ERROR, "change_log_trigger: table \"%s\" has no %s column",
			 RelationGetRelationName(rel), is_project ? "id" : "project_id");
	d = heap_getattr(tuple, col, desc, &isnull);
	if (isnull)
		elog(ERROR, "change_log_trigger: NULL project id");
	return DatumGetInt64(d);
}

static void
write_entry(TriggerData *td, char kind, int64 project_id, const char *changed_by)
{
	Relation	rel = td->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	Oid			rowtype = rel->rd_rel->reltype;
	Datum		values[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};
	int			rc;

	values[0] = CStringGetTextDatum(changed_by);
	values[1] = CStringGetTextDatum(td->tg_trigger->tgargs[0]);
	values[2] = Int64GetDatum(project_id);
	if (kind != 'F')
		values[3] = heap_copy_tuple_as_datum(td->tg_trigtuple, desc);
	if (kind == 'U')
		values[4] = heap_copy_tuple_as_datum(td->tg_newtuple, desc);

	rc = SPI_execute_plan(log_plan(rowtype, kind), values, nulls, false, 0);
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "change_log_trigger: insert failed: %s", SPI_result_code_string(rc));
}

/*
 * Trigger argument: the table's logical name (project, expenditure,
 * indicator).  AFTER INSERT OR UPDATE [OR DELETE] FOR EACH ROW; on project,
 * BEFORE DELETE FOR EACH ROW.
 */
Datum
change_log_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	bool		is_project;
	HeapTuple	result;
	int64		project_id;
	char		kind;
	const char *changed_by;
	PbExtensionContext cx;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		td->tg_trigger->tgnargs != 1)
		elog(ERROR, "change_log_trigger: must be a row trigger with one argument, the table's name");

	is_project = strcmp(td->tg_trigger->tgargs[0], "project") == 0;
	result = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	project_id = project_id_of(td->tg_relation, td->tg_trigtuple, is_project);
	/* noted even without history: the write check of rows trusts it too */
	if (is_project && TRIGGER_FIRED_BY_INSERT(td->tg_event))
		note_created(project_id);
	if (!history_enabled)
		return PointerGetDatum(result);

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		if (!is_project && pb_project_created_here(project_id))
			return PointerGetDatum(result);
		kind = 'I';
	}
	else if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		kind = 'U';
	else if (is_project)
		kind = 'F';
	else if (form_logged_whole(project_id))
		return PointerGetDatum(result);
	else
		kind = 'D';

	changed_by = GetUserNameFromId(GetUserId(), false);
	/* as the owner: the history is written by the trigger, never by the user */
	pb_enter_extension_context(&cx, td->tg_relation->rd_rel->relowner);
	write_entry(td, kind, project_id, changed_by);
	pb_leave_extension_context(&cx);
	if (kind == 'F')
		pb_xact_set_put(&logged_whole, project_id, 0);
	return PointerGetDatum(result);
}
