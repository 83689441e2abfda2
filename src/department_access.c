/*
 * department_access.c — which departments' forms a role may see and write
 * (perfbudget.department_grant), for the row-level security policies and
 * for the write check that names the department.
 *
 * A grant is (role, region, department), names compared by name_key; a
 * NULL region is every region, a NULL department every department of the
 * region, both NULL everything ('*').  A role has the grants of the roles
 * it is a member of.  The grants of the current role are read once per
 * transaction (as the owner, filtered by the caller's memberships: a role
 * needs no right on department_grant to be filtered by it) and read again
 * when department_grant changes in the transaction.  The policies ask by
 * department_id, which every table of the forms carries: the answer for a
 * department is computed once a transaction from its row in
 * perfbudget.department (names folded, compared with the few grants) and
 * then costs a hash lookup a row.  A department made in the same statement
 * (a form of a new department) is not yet visible to that statement's
 * snapshot; the write check, which runs before the policy's WITH CHECK,
 * records its answer first.
 *
 * Row-level security alone refuses another department's row with "new row
 * violates row-level security policy", which names no department; the
 * BEFORE trigger write_access says which one, and the policy stays the
 * guarantee.  Both apply only where row-level security does
 * (check_enable_rls): the owner, superusers and BYPASSRLS roles skip them.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/rls.h"

#include "change_log.h"
#include "form_key.h"

#include "run_as_owner.h"

PG_FUNCTION_INFO_V1(department_visible);
PG_FUNCTION_INFO_V1(department_id_visible);
PG_FUNCTION_INFO_V1(sees_all_departments);
PG_FUNCTION_INFO_V1(write_access_trigger);
PG_FUNCTION_INFO_V1(department_access_reset);

typedef struct Grant
{
	char	   *region;			/* folded; NULL: every region */
	char	   *department;		/* folded; NULL: every department */
} Grant;

typedef struct GrantCache
{
	Oid			userid;
	LocalTransactionId lxid;
	bool		valid;
	bool		all;
	int			n;
	Grant	   *grants;			/* in TopTransactionContext */
	/* answers by the names as stored: folding costs far more than a lookup */
	HTAB	   *answers;
	HTAB	   *by_id;			/* IdAnswer by department_id */
} GrantCache;

/* "region \x1f department" as stored (≤ 100 and 200 characters: project_name_lengths) */
#define ANSWER_KEY_SIZE 1400
#define MAX_ANSWERS 4096

typedef struct Answer
{
	char		key[ANSWER_KEY_SIZE];
	bool		granted;
} Answer;

typedef struct IdAnswer
{
	int32		department_id;	/* hash key */
	bool		granted;
} IdAnswer;

static GrantCache cache;

/*
 * The three statements, planned once a session: a point query of one
 * department reads the grants and its department's names in every new
 * transaction, where parsing and planning them cost about as much as the
 * query itself.
 */
static SPIPlanPtr grants_plan = NULL;
static SPIPlanPtr department_names_plan = NULL;
static SPIPlanPtr project_names_plan = NULL;

static SPIPlanPtr
kept_plan(SPIPlanPtr *slot, const char *sql, Oid argtype)
{
	if (*slot == NULL)
		*slot = pb_prepare_kept(sql, 1, &argtype, 0);
	return *slot;
}

static char *
fold(const char *s)
{
	return s == NULL ? NULL : pb_fold_name(s, strlen(s), false);
}

static void
load_grants(void)
{
	Datum		arg[1] = {ObjectIdGetDatum(GetUserId())};
	Oid			argtype[1] = {OIDOID};
	PbExtensionContext cx;
	MemoryContext old;

	pb_enter_extension_context(&cx, pb_extension_owner());
	if (SPI_execute_plan(kept_plan(&grants_plan,
								   "SELECT g.region, g.department FROM perfbudget.department_grant g "
								   "JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) g.role_name "
								   "WHERE pg_catalog.pg_has_role($1, r.oid, 'MEMBER')", argtype[0]),
						 arg, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read perfbudget.department_grant");

	old = MemoryContextSwitchTo(TopTransactionContext);
	cache.n = (int) SPI_processed;
	cache.grants = palloc0(sizeof(Grant) * (cache.n + 1));
	cache.all = false;
	for (int i = 0; i < cache.n; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;

		cache.grants[i].region = fold(SPI_getvalue(t, d, 1));
		cache.grants[i].department = fold(SPI_getvalue(t, d, 2));
		if (cache.grants[i].region == NULL && cache.grants[i].department == NULL)
			cache.all = true;
	}
	MemoryContextSwitchTo(old);
	pb_leave_extension_context(&cx);
	cache.userid = GetUserId();
	cache.lxid = MyProc->lxid;
	cache.valid = true;
	cache.answers = NULL;
	cache.by_id = NULL;
}

/* The answers table, made (again) when missing or full. */
static HTAB *
answers(void)
{
	HASHCTL		ctl;

	if (cache.answers != NULL && hash_get_num_entries(cache.answers) < MAX_ANSWERS)
		return cache.answers;
	if (cache.answers != NULL)
		hash_destroy(cache.answers);
	ctl.keysize = ANSWER_KEY_SIZE;
	ctl.entrysize = sizeof(Answer);
	ctl.hcxt = TopTransactionContext;
	cache.answers = hash_create("perfbudget department answers", 64, &ctl,
								HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
	return cache.answers;
}

static void
current_grants(void)
{
	if (!cache.valid || cache.userid != GetUserId() || cache.lxid != MyProc->lxid)
		load_grants();
}

static bool
granted(const char *region, const char *department)
{
	char	   *r;
	char	   *d;
	bool		result = false;
	char		key[ANSWER_KEY_SIZE];
	Answer	   *hit = NULL;
	bool		found;

	current_grants();
	if (cache.all)
		return true;
	if (cache.n == 0 || department == NULL)
		return false;
	if (strlen(department) + (region ? strlen(region) : 0) + 2 <= ANSWER_KEY_SIZE)
	{
		snprintf(key, sizeof(key), "%s\x1f%s", region ? region : "", department);
		hit = hash_search(answers(), key, HASH_ENTER, &found);
		if (found)
			return hit->granted;
	}
	r = fold(region);
	d = fold(department);
	for (int i = 0; i < cache.n && !result; i++)
	{
		Grant	   *g = &cache.grants[i];

		if (g->region != NULL && (r == NULL || strcmp(g->region, r) != 0))
			continue;
		if (g->department != NULL && strcmp(g->department, d) != 0)
			continue;
		result = true;
	}
	pfree(d);
	if (r)
		pfree(r);
	if (hit != NULL)
		hit->granted = result;
	return result;
}

/*
 * The two names (region and department) of the one row 'sql' finds by its
 * parameter, read as 'owner' so that the caller needs no right on the
 * table; false when there is no such row.  'sql' is planned once into *plan.
 */
static bool
read_names(SPIPlanPtr *plan, const char *sql, Oid argtype, Datum arg, Oid owner,
		   char **region, char **department)
{
	PbExtensionContext cx;
	MemoryContext caller = CurrentMemoryContext;
	bool		found = false;

	*region = *department = NULL;
	pb_enter_extension_context(&cx, owner);
	if (SPI_execute_plan(kept_plan(plan, sql, argtype), &arg, NULL, true, 1) == SPI_OK_SELECT &&
		SPI_processed == 1)
	{
		char	   *r = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
		char	   *d = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);

		found = true;
		*region = r ? MemoryContextStrdup(caller, r) : NULL;
		*department = d ? MemoryContextStrdup(caller, d) : NULL;
	}
	pb_leave_extension_context(&cx);
	return found;
}

/* The answers by department_id, made when missing (one per department: no bound needed). */
static HTAB *
answers_by_id(void)
{
	HASHCTL		ctl;

	if (cache.by_id != NULL)
		return cache.by_id;
	ctl.keysize = sizeof(int32);
	ctl.entrysize = sizeof(IdAnswer);
	ctl.hcxt = TopTransactionContext;
	cache.by_id = hash_create("perfbudget department answers by id", 64, &ctl,
							  HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	return cache.by_id;
}

/* Remember the answer for a department the write check has just decided. */
static void
remember_by_id(int32 department_id, bool result)
{
	bool		found;
	IdAnswer   *a = hash_search(answers_by_id(), &department_id, HASH_ENTER, &found);

	a->granted = result;
}

/*
 * The answer for a department by its row (read as the owner).  A
 * department the snapshot does not see yet and the write check did not
 * record is not granted.
 */
static bool
granted_by_id(int32 department_id)
{
	IdAnswer   *a;
	bool		found;
	bool		result;
	char	   *region;
	char	   *name;

	current_grants();
	if (cache.all)
		return true;
	if (cache.n == 0)
		return false;
	a = hash_search(answers_by_id(), &department_id, HASH_FIND, &found);
	if (found)
		return a->granted;
	if (!read_names(&department_names_plan,
					"SELECT region, name FROM perfbudget.department WHERE id OPERATOR(pg_catalog.=) $1",
					INT4OID, Int32GetDatum(department_id), pb_extension_owner(), &region, &name))
		return false;
	result = granted(region, name);
	remember_by_id(department_id, result);
	return result;
}

/* department_visible(department_id): the policy of every table of the forms. */
Datum
department_id_visible(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(granted_by_id(PG_GETARG_INT32(0)));
}

/* department_visible(region, department): the same by the names as written. */
Datum
department_visible(PG_FUNCTION_ARGS)
{
	const char *region = PG_ARGISNULL(0) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(0));
	const char *department = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));

	PG_RETURN_BOOL(granted(region, department));
}

Datum
sees_all_departments(PG_FUNCTION_ARGS)
{
	current_grants();
	PG_RETURN_BOOL(cache.all);
}

static void
refuse(Relation rel, const char *region, const char *department)
{
	char	   *role = GetUserNameFromId(GetUserId(), false);

	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("permission denied to write the forms of 主管部门 \"%s\"%s", department,
					region ? psprintf(pb_tr(" in region %s"), region) : ""),
			 errdetail("The role \"%s\" has no grant of this department (perfbudget.department_grant), so it cannot write its rows in the table %s.",
					   role, RelationGetRelationName(rel)),
			 errhint("The finance bureau can run SELECT perfbudget.grant_department('%s', '%s'%s%s%s);",
					 role, department, region ? ", '" : "", region ? region : "",
					 region ? "'" : ""),
			 errtable(rel)));
}

static char *
text_column(Relation rel, HeapTuple row, const char *name)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			col = SPI_fnumber(desc, name);

	if (col <= 0)
		elog(ERROR, "write_access_trigger: table \"%s\" has no column \"%s\"",
			 RelationGetRelationName(rel), name);
	return SPI_getvalue(row, desc, col);
}

/* A row of a form: its form must be one the role may write. */
static void
check_form_row(Relation rel, HeapTuple row)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			col = SPI_fnumber(desc, "project_id");
	Datum		project_id;
	bool		isnull;
	char	   *region;
	char	   *department;

	if (col <= 0)
		elog(ERROR, "write_access_trigger: table \"%s\" has no column \"project_id\"",
			 RelationGetRelationName(rel));
	project_id = heap_getattr(row, col, desc, &isnull);
	/* a form this transaction stored passed the check of its project row */
	if (isnull || pb_project_created_here(DatumGetInt64(project_id)))
		return;
	current_grants();
	if (cache.all)
		return;

	/* no such form: the foreign key says so */
	if (read_names(&project_names_plan,
				   "SELECT region, department FROM perfbudget.project WHERE id OPERATOR(pg_catalog.=) $1",
				   INT8OID, project_id, rel->rd_rel->relowner, &region, &department) &&
		!granted(region, department))
		refuse(rel, region, department);
}

/*
 * BEFORE INSERT OR UPDATE FOR EACH ROW; argument 'project' on the forms,
 * 'row' on the tables of their rows.
 */
Datum
write_access_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	HeapTuple	row;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event) || TRIGGER_FIRED_BY_DELETE(td->tg_event) ||
		td->tg_trigger->tgnargs != 1)
		elog(ERROR, "write_access_trigger must be a BEFORE INSERT OR UPDATE ... FOR EACH ROW trigger with one argument");
	row = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	if (check_enable_rls(RelationGetRelid(td->tg_relation), InvalidOid, true) != RLS_ENABLED)
		return PointerGetDatum(row);

	if (strcmp(td->tg_trigger->tgargs[0], "project") == 0)
	{
		char	   *region = text_column(td->tg_relation, row, "region");
		char	   *department = text_column(td->tg_relation, row, "department");
		bool		ok = department != NULL && granted(region, department);
		int			col = SPI_fnumber(RelationGetDescr(td->tg_relation), "department_id");
		bool		isnull = true;
		Datum		id = col > 0 ? heap_getattr(row, col, RelationGetDescr(td->tg_relation), &isnull) : (Datum) 0;

		/* the policy's WITH CHECK asks next, maybe of a department made just now */
		if (!isnull && department != NULL && !cache.all)
			remember_by_id(DatumGetInt32(id), ok);
		if (department != NULL && !ok)
			refuse(td->tg_relation, region, department);
	}
	else
		check_form_row(td->tg_relation, row);
	return PointerGetDatum(row);
}

/* Statement trigger of department_grant: the transaction reads the grants again. */
Datum
department_access_reset(PG_FUNCTION_ARGS)
{
	cache.valid = false;
	return PointerGetDatum(NULL);
}
