/*
 * xact_set.c — what a trigger remembers having done in this transaction
 * (sums checked, fingerprints recomputed, forms logged whole): a hash table
 * by project id in TopTransactionContext, recognised by the transaction's
 * local id, so that a later transaction never sees a stale one.
 *
 * Any subtransaction abort forgets the whole set: what it remembered may
 * have been done by the aborted part.  Forgetting too much costs a trigger
 * only its shortcut (the check, the recomputation or the query it saved is
 * done again); remembering too much would skip one.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "access/xact.h"
#include "storage/proc.h"
#include "utils/memutils.h"

#include "xact_set.h"

static void
forget_on_subabort(SubXactEvent event, SubTransactionId mySubid,
				   SubTransactionId parentSubid, void *arg)
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
		((PbXactSet *) arg)->htab = NULL;	/* its memory goes with the transaction */
}

HTAB *
pb_xact_set(PbXactSet *set, bool create)
{
	HASHCTL		ctl;

	if (set->htab != NULL && set->lxid == MyProc->lxid)
		return set->htab;
	set->htab = NULL;
	if (!create)
		return NULL;
	if (!set->callback)
	{
		RegisterSubXactCallback(forget_on_subabort, set);
		set->callback = true;
	}
	ctl.keysize = sizeof(int64);
	ctl.entrysize = set->entrysize;
	ctl.hcxt = TopTransactionContext;
	set->htab = hash_create(set->name, 256, &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	set->lxid = MyProc->lxid;
	return set->htab;
}

void
pb_xact_set_forget(PbXactSet *set)
{
	if (set->htab != NULL && set->lxid == MyProc->lxid)
		hash_destroy(set->htab);
	set->htab = NULL;
}
