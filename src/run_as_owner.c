/*
 * run_as_owner.c — the rights under which the extension's triggers read and
 * write its own tables.
 *
 * A check that guards consistency must see every row it checks, and the
 * history must be written by a trigger, not by the user: a department filer
 * may neither see another department's rows (row-level security) nor insert
 * into perfbudget.change_log.  So, like the foreign-key triggers of
 * ri_triggers.c, these triggers switch to the owner of the triggering table
 * (the extension's owner) with row-level security not forced, run their
 * queries, and switch back.  SECURITY_LOCAL_USERID_CHANGE forbids SET ROLE
 * and the like inside; an error rolls the user back with the (sub)transaction.
 * Nothing the user controls runs in between: the queries are the extension's
 * own, fully qualified.
 *
 * Qualified names are not enough against a hostile search_path: an
 * unqualified operator (=, ||), a cast to date or text, or sum() in a query
 * string resolves through it, and a plan kept with SPI_keepplan is replanned
 * under the path it was first prepared with.  So every SPI section of the
 * extension runs with search_path = pg_catalog, pg_temp (functions and
 * operators are never looked up in pg_temp), restored afterwards.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "catalog/pg_class.h"
#include "executor/spi.h"
#include "storage/lmgr.h"
#include "access/table.h"

#include "run_as_owner.h"

/*
 * The owner of perfbudget.project: the role that created the extension (or
 * was given its objects), for code that runs outside a trigger on one of
 * its tables.
 */
Oid
pb_extension_owner(void)
{
	Oid			relid = get_relname_relid("project", get_namespace_oid("perfbudget", false));
	HeapTuple	tup;
	Oid			owner;

	if (!OidIsValid(relid))
		elog(ERROR, "table perfbudget.project does not exist");
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	ReleaseSysCache(tup);
	return owner;
}

static void
pb_become_owner(Oid owner, PbSavedUser *saved)
{
	GetUserIdAndSecContext(&saved->userid, &saved->sec_context);
	SetUserIdAndSecContext(owner,
						   saved->sec_context | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_NOFORCE_RLS);
}

static void
pb_restore_user(const PbSavedUser *saved)
{
	SetUserIdAndSecContext(saved->userid, saved->sec_context);
}

/* Pin search_path until pb_leave_safe_path(level); an error restores it too. */
static int
pb_enter_safe_path(void)
{
	int			level = NewGUCNestLevel();

	(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	return level;
}

static void
pb_leave_safe_path(int level)
{
	AtEOXact_GUC(true, level);
}

void
pb_enter_extension_context(PbExtensionContext *cx, Oid owner)
{
	cx->guc_level = pb_enter_safe_path();
	cx->as_owner = OidIsValid(owner);
	if (cx->as_owner)
		pb_become_owner(owner, &cx->saved);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/*
	 * No JIT: these are short queries by id, run per row or per commit, and
	 * a compile costs more than any of them (with enable_seqscan off below,
	 * the disabled paths' costs would also pass jit_above_cost every time).
	 */
	(void) set_config_option("jit", "off", PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	/*
	 * The extension's queries reach forms by id; from statistics that say
	 * "empty", or that were taken while the tables held a few forms (one
	 * distinct project_id: "project_id = $1" then reads as every row), the
	 * planner would scan a table per row or per form instead, and a commit
	 * of 5,000 forms into a database analyzed at one form took 7 minutes.
	 * So no sequential scans, whatever the statistics; the statements that
	 * read whole tables on purpose ask for hash joins
	 * (pb_plan_by_hash_joins).  A plan kept across calls is made again after
	 * every ANALYZE, under the setting of that moment, which is this one.
	 */
	cx->empty_statistics = pb_form_statistics_say_empty();
	(void) set_config_option("enable_seqscan", "off", PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
}

/* In the reverse order: SPI's memory first, the user's rights, then the path. */
void
pb_leave_extension_context(PbExtensionContext *cx)
{
	SPI_finish();
	if (cx->as_owner)
		pb_restore_user(&cx->saved);
	pb_leave_safe_path(cx->guc_level);
}

/*
 * An ANALYZE that ran while the tables held only dead rows (a load that was
 * rolled back, or every form deleted) records pages but no tuples, and the
 * planner then reads every later size as zero rows: it joins the forms of a
 * bulk load by scanning a table once per form, and a commit of thousands of
 * forms takes hours.  (reltuples -1, never analyzed, is estimated from the
 * pages and is fine.)
 */
bool
pb_form_statistics_say_empty(void)
{
	static const char *const tables[] = {"project", "expenditure", "indicator"};
	Oid			nsp = get_namespace_oid("perfbudget", false);

	for (int i = 0; i < lengthof(tables); i++)
	{
		Oid			relid = get_relname_relid(tables[i], nsp);
		Relation	rel;
		bool		empty;

		if (!OidIsValid(relid))
			continue;
		rel = table_open(relid, AccessShareLock);
		/* pg_class only: this runs on every entry, once per row of some triggers */
		empty = rel->rd_rel->reltuples == 0 && rel->rd_rel->relpages > 0;
		table_close(rel, AccessShareLock);
		if (empty)
			return true;
	}
	return false;
}

/*
 * Hash joins read each table once whatever the estimates say: linear in the
 * tables, where a nested loop planned from empty statistics is quadratic.
 */
void
pb_plan_by_hash_joins(void)
{
	(void) set_config_option("enable_nestloop", "off", PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	(void) set_config_option("enable_seqscan", "on", PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
}

/*
 * Prepared once a session: the statements of triggers and commit-time
 * maintenance run for every row or commit, their plans are kept.
 */
SPIPlanPtr
pb_prepare_kept(const char *sql, int nargs, Oid *argtypes, int cursor_options)
{
	SPIPlanPtr	plan = SPI_prepare_cursor(sql, nargs, argtypes, cursor_options);

	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for \"%s\": %s", sql,
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "SPI_keepplan failed");
	return plan;
}
