/*
 * xact_set.c — what a trigger remembers having done in this transaction
 * (sums checked, fingerprints recomputed, forms logged whole, forms
 * created, promised or deleted): a map from project id to a 32-bit value (src/id_map.c, compact
 * for the consecutive ids of an import) in a memory context of its own
 * under TopTransactionContext, recognised by the transaction's local id, so
 * that a later transaction never sees a stale one.
 *
 * Any subtransaction abort forgets the whole set, unless it is kept: what
 * it remembered may have been done by the aborted part.  Forgetting too
 * much costs a trigger only its shortcut (the check, the recomputation or
 * the query it saved is done again); remembering too much would skip one.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "access/xact.h"
#include "storage/proc.h"
#include "utils/memutils.h"

#include "xact_set.h"

static void *
set_alloc(size_t size, void *arg)
{
	return MemoryContextAllocExtended((MemoryContext) arg, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
}

static void
set_release(void *ptr, void *arg)
{
	pfree(ptr);
}

void
pb_id_map_init_in(PbIdMap *map, MemoryContext cxt)
{
	pb_id_map_init(map, set_alloc, set_release, cxt);
}

void
pb_id_map_put_in(PbIdMap *map, int64 id, uint32 value, const char *what)
{
	/* the allocator raises an error rather than return NULL */
	if (!pb_id_map_put(map, id, value))
		elog(ERROR, "out of memory for the set \"%s\"", what);
}

static bool
is_current(const PbXactSet *set)
{
	return set->cxt != NULL && set->lxid == MyProc->lxid;
}

static void
forget_on_subabort(SubXactEvent event, SubTransactionId mySubid,
				   SubTransactionId parentSubid, void *arg)
{
	PbXactSet  *set = arg;

	if (event == SUBXACT_EVENT_ABORT_SUB && is_current(set))
		pb_xact_set_forget(set);
}

PbIdMap *
pb_xact_set_map(PbXactSet *set, bool create)
{
	if (is_current(set))
		return &set->map;
	set->cxt = NULL;			/* an older transaction's: gone with it */
	if (!create)
		return NULL;
	if (!set->callback && !set->keep_on_subabort)
	{
		RegisterSubXactCallback(forget_on_subabort, set);
		set->callback = true;
	}
	/* the Internal form: the name is a static string, not a literal */
	set->cxt = AllocSetContextCreateInternal(TopTransactionContext, set->name,
											 ALLOCSET_SMALL_SIZES);
	pb_id_map_init_in(&set->map, set->cxt);
	set->lxid = MyProc->lxid;
	return &set->map;
}

bool
pb_xact_set_get(PbXactSet *set, int64 id, uint32 *value)
{
	PbIdMap    *map = pb_xact_set_map(set, false);

	return map != NULL && pb_id_map_get(map, id, value);
}

void
pb_xact_set_put(PbXactSet *set, int64 id, uint32 value)
{
	pb_id_map_put_in(pb_xact_set_map(set, true), id, value, set->name);
}

void
pb_xact_set_remove(PbXactSet *set, int64 id)
{
	PbIdMap    *map = pb_xact_set_map(set, false);

	if (map != NULL)
		pb_id_map_remove(map, id);
}

void
pb_xact_set_forget(PbXactSet *set)
{
	if (is_current(set))
		MemoryContextDelete(set->cxt);
	set->cxt = NULL;
}
