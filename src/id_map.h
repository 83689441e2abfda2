/*
 * id_map.h — a map from 64-bit ids to 32-bit values that stays small for
 * runs of consecutive ids (src/id_map.c).  Pure C, no PostgreSQL.
 *
 * What a transaction remembers of the forms it wrote (sums checked,
 * fingerprints recomputed, findings pending) is keyed by project id, and an
 * import writes its forms under consecutive ids: 64 of them share one slot
 * (a bitmap and, while they agree, one value), so a map of an import's
 * forms costs under a byte a form where a hash table of ids cost ~50.
 * Scattered ids cost a slot each, about what such a table does.
 */
#ifndef ID_MAP_H
#define ID_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* size bytes of zeroed memory, or NULL; and its release */
typedef void *(*PbIdMapAlloc) (size_t size, void *arg);
typedef void (*PbIdMapRelease) (void *ptr, void *arg);

typedef struct PbIdBlock
{
	uint64_t	key;			/* the ids key*64 .. key*64+63 (as uint64) */
	uint64_t	present;		/* bit i: id key*64+i is in the map */
	uint32_t   *values;			/* 64 values, once those of the block differ */
	uint32_t	value;			/* of every present id while values is NULL */
	bool		used;			/* the slot holds a block */
} PbIdBlock;

typedef struct PbIdMap
{
	PbIdBlock  *slots;			/* open addressing, linear probing */
	size_t		nslots;			/* a power of two, or 0 before the first put */
	size_t		nblocks;		/* slots used */
	size_t		nids;			/* ids present */
	PbIdMapAlloc alloc;
	PbIdMapRelease release;
	void	   *arg;
} PbIdMap;

typedef struct PbIdMapIter
{
	size_t		slot;
	unsigned	bit;
} PbIdMapIter;

extern void pb_id_map_init(PbIdMap *m, PbIdMapAlloc alloc, PbIdMapRelease release, void *arg);

/* Set id's value (adding id); false when memory could not be had. */
extern bool pb_id_map_put(PbIdMap *m, int64_t id, uint32_t value);

/* Is id in the map?  Its value in *value when value is not NULL. */
extern bool pb_id_map_get(const PbIdMap *m, int64_t id, uint32_t *value);

extern void pb_id_map_remove(PbIdMap *m, int64_t id);

static inline size_t
pb_id_map_count(const PbIdMap *m)
{
	return m->nids;
}

/* Every id once, in no particular order; the map must not gain ids meanwhile. */
extern void pb_id_map_iter_init(PbIdMapIter *it);
extern bool pb_id_map_next(const PbIdMap *m, PbIdMapIter *it, int64_t *id, uint32_t *value);

/* Release its memory; the map is empty (and usable) again. */
extern void pb_id_map_free(PbIdMap *m);

#endif							/* ID_MAP_H */
