/*
 * xact_set.h — maps from project id to a 32-bit value that live for one
 * transaction and are forgotten when any subtransaction aborts, unless
 * kept (xact_set.c).
 */
#ifndef XACT_SET_H
#define XACT_SET_H

#include "postgres.h"
#include "storage/lock.h"		/* InvalidLocalTransactionId */
#include "utils/memutils.h"

#include "id_map.h"

typedef struct PbXactSet
{
	const char *name;			/* of its memory context */
	bool		keep_on_subabort;	/* what it holds stays true after one */
	PbIdMap		map;
	MemoryContext cxt;			/* in TopTransactionContext; NULL: none */
	LocalTransactionId lxid;	/* the transaction it belongs to */
	bool		callback;		/* the subtransaction callback is registered */
} PbXactSet;

#define PB_XACT_SET(name) \
	{(name), false, {0}, NULL, InvalidLocalTransactionId, false}
#define PB_XACT_SET_KEPT(name) \
	{(name), true, {0}, NULL, InvalidLocalTransactionId, false}

/* An empty map whose memory comes from cxt (errors rather than NULL). */
extern void pb_id_map_init_in(PbIdMap *map, MemoryContext cxt);

/* Put id into such a map, with value; what names the set in an error. */
extern void pb_id_map_put_in(PbIdMap *map, int64 id, uint32 value, const char *what);

/* Is id in the current transaction's set?  Its value in *value if not NULL. */
extern bool pb_xact_set_get(PbXactSet *set, int64 id, uint32 *value);

/* Put id in the current transaction's set, with value. */
extern void pb_xact_set_put(PbXactSet *set, int64 id, uint32 value);

extern void pb_xact_set_remove(PbXactSet *set, int64 id);

/* The current transaction's map, made if create; NULL when none and !create. */
extern PbIdMap *pb_xact_set_map(PbXactSet *set, bool create);

/* Empty it now (its memory freed), before the transaction ends. */
extern void pb_xact_set_forget(PbXactSet *set);

#endif							/* XACT_SET_H */
