/*
 * id_map.c — a map from 64-bit ids to 32-bit values in blocks of 64
 * consecutive ids (id_map.h says why).  Pure C, no PostgreSQL.
 *
 * A block is found by its key (the id without its low 6 bits) in an open
 * addressing table with linear probing, kept at most 3/4 full.  A block
 * keeps one value for all its ids until one of them is given another; then
 * it gets an array of 64.  A block whose ids are all removed keeps its slot:
 * the table only grows, as what a transaction remembers does.
 */
#include "id_map.h"

#include <string.h>

#define BLOCK_BITS 6
#define BLOCK_IDS (1u << BLOCK_BITS)
#define MIN_SLOTS 16

/* splitmix64's finalizer: consecutive keys spread over the table */
static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x;
}

static uint64_t
key_of(int64_t id)
{
	return (uint64_t) id >> BLOCK_BITS;
}

static unsigned
bit_of(int64_t id)
{
	return (unsigned) ((uint64_t) id & (BLOCK_IDS - 1));
}

/* The slot holding key, or the empty slot where it would go. */
static PbIdBlock *
probe(PbIdBlock *slots, size_t nslots, uint64_t key)
{
	size_t		mask = nslots - 1;
	size_t		i = (size_t) mix(key) & mask;

	while (slots[i].used && slots[i].key != key)
		i = (i + 1) & mask;
	return &slots[i];
}

static PbIdBlock *
find(const PbIdMap *m, int64_t id)
{
	PbIdBlock  *b;

	if (m->nslots == 0)
		return NULL;
	b = probe(m->slots, m->nslots, key_of(id));
	return b->used ? b : NULL;
}

static bool
grow(PbIdMap *m)
{
	size_t		n = m->nslots ? m->nslots * 2 : MIN_SLOTS;
	PbIdBlock  *slots = m->alloc(n * sizeof(PbIdBlock), m->arg);

	if (slots == NULL)
		return false;
	for (size_t i = 0; i < m->nslots; i++)
		if (m->slots[i].used)
			*probe(slots, n, m->slots[i].key) = m->slots[i];
	if (m->slots != NULL)
		m->release(m->slots, m->arg);
	m->slots = slots;
	m->nslots = n;
	return true;
}

void
pb_id_map_init(PbIdMap *m, PbIdMapAlloc alloc, PbIdMapRelease release, void *arg)
{
	memset(m, 0, sizeof(*m));
	m->alloc = alloc;
	m->release = release;
	m->arg = arg;
}

/* The block gets an array of 64 values, each its one value so far. */
static bool
spread_values(PbIdMap *m, PbIdBlock *b)
{
	b->values = m->alloc(BLOCK_IDS * sizeof(uint32_t), m->arg);
	if (b->values == NULL)
		return false;
	for (unsigned i = 0; i < BLOCK_IDS; i++)
		b->values[i] = b->value;
	return true;
}

bool
pb_id_map_put(PbIdMap *m, int64_t id, uint32_t value)
{
	uint64_t	bit = UINT64_C(1) << bit_of(id);
	PbIdBlock  *b = find(m, id);

	if (b == NULL)
	{
		if ((m->nblocks + 1) * 4 > m->nslots * 3 && !grow(m))
			return false;
		b = probe(m->slots, m->nslots, key_of(id));
		b->used = true;
		b->key = key_of(id);
		b->present = 0;
		b->values = NULL;
		m->nblocks++;
	}
	if (b->values == NULL)
	{
		/* one value: kept while the block has no other id of another value */
		if ((b->present & ~bit) == 0)
			b->value = value;
		else if (b->value != value && !spread_values(m, b))
			return false;
	}
	if (b->values != NULL)
		b->values[bit_of(id)] = value;
	if ((b->present & bit) == 0)
	{
		b->present |= bit;
		m->nids++;
	}
	return true;
}

bool
pb_id_map_get(const PbIdMap *m, int64_t id, uint32_t *value)
{
	const PbIdBlock *b = find(m, id);

	if (b == NULL || (b->present & (UINT64_C(1) << bit_of(id))) == 0)
		return false;
	if (value != NULL)
		*value = b->values ? b->values[bit_of(id)] : b->value;
	return true;
}

void
pb_id_map_remove(PbIdMap *m, int64_t id)
{
	PbIdBlock  *b = find(m, id);
	uint64_t	bit = UINT64_C(1) << bit_of(id);

	if (b != NULL && (b->present & bit) != 0)
	{
		b->present &= ~bit;
		m->nids--;
	}
}

void
pb_id_map_iter_init(PbIdMapIter *it)
{
	it->slot = 0;
	it->bit = 0;
}

bool
pb_id_map_next(const PbIdMap *m, PbIdMapIter *it, int64_t *id, uint32_t *value)
{
	for (; it->slot < m->nslots; it->slot++, it->bit = 0)
	{
		const PbIdBlock *b = &m->slots[it->slot];

		if (!b->used)
			continue;
		for (; it->bit < BLOCK_IDS; it->bit++)
			if (b->present & (UINT64_C(1) << it->bit))
			{
				*id = (int64_t) ((b->key << BLOCK_BITS) | it->bit);
				if (value != NULL)
					*value = b->values ? b->values[it->bit] : b->value;
				it->bit++;
				return true;
			}
	}
	return false;
}

void
pb_id_map_free(PbIdMap *m)
{
	for (size_t i = 0; i < m->nslots; i++)
		if (m->slots[i].used && m->slots[i].values != NULL)
			m->release(m->slots[i].values, m->arg);
	if (m->slots != NULL)
		m->release(m->slots, m->arg);
	pb_id_map_init(m, m->alloc, m->release, m->arg);
}
