/*
 * xact_set.h — sets keyed by a project id that live for one transaction
 * and are forgotten when any subtransaction aborts (xact_set.c).
 */
#ifndef XACT_SET_H
#define XACT_SET_H

#include "postgres.h"
#include "storage/lock.h"		/* InvalidLocalTransactionId */
#include "utils/hsearch.h"

typedef struct PbXactSet
{
	const char *name;			/* of the hash table */
	Size		entrysize;		/* an entry begins with its int64 key */
	HTAB	   *htab;			/* in TopTransactionContext; NULL: none */
	LocalTransactionId lxid;	/* the transaction it belongs to */
	bool		callback;		/* the subtransaction callback is registered */
} PbXactSet;

#define PB_XACT_SET(name, entry_type) \
	{(name), sizeof(entry_type), NULL, InvalidLocalTransactionId, false}

/* The set of the current transaction; NULL when it has none and !create. */
extern HTAB *pb_xact_set(PbXactSet *set, bool create);

/* Empty it now (its memory freed), before the transaction ends. */
extern void pb_xact_set_forget(PbXactSet *set);

#endif							/* XACT_SET_H */
