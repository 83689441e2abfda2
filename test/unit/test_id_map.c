/*
 * test_id_map.c — standalone unit test of src/id_map.c (the compact map of
 * project ids a transaction remembers), linked without PostgreSQL by 'make
 * unittest'.
 *
 * Each case drives the map and a plain reference (an array searched
 * linearly) with the same operations and compares every answer: runs of
 * consecutive ids as an import writes them, scattered ids, negative and
 * extreme ids, values that differ inside a block, removals, iteration, and
 * an allocator that fails.  TAP output; exit status 1 when a case fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "id_map.h"

static int	n_tests;
static int	n_failed;
static int	case_failed;

#define CHECK(cond) \
	do { if (!(cond)) { case_failed = 1; \
		printf("#   line %d: failed: %s\n", __LINE__, #cond); } } while (0)

static void
end_case(const char *desc)
{
	n_tests++;
	if (case_failed)
		n_failed++;
	printf("%s %d - %s\n", case_failed ? "not ok" : "ok", n_tests, desc);
	case_failed = 0;
}

/* the allocator: calloc, failing once `allowed` allocations are spent (-1: never) */
static long allowed = -1;
static size_t live_allocs;

static void *
test_alloc(size_t size, void *arg)
{
	void	   *p;

	(void) arg;
	if (allowed == 0)
		return NULL;
	if (allowed > 0)
		allowed--;
	p = calloc(1, size);
	if (p != NULL)
		live_allocs++;
	return p;
}

static void
test_release(void *ptr, void *arg)
{
	(void) arg;
	free(ptr);
	live_allocs--;
}

/* the reference: (id, value) pairs */
#define MAX_REF 20000
static int64_t ref_id[MAX_REF];
static uint32_t ref_value[MAX_REF];
static int	n_ref;

static int
ref_find(int64_t id)
{
	for (int i = 0; i < n_ref; i++)
		if (ref_id[i] == id)
			return i;
	return -1;
}

static void
ref_put(int64_t id, uint32_t value)
{
	int			i = ref_find(id);

	if (i < 0)
	{
		i = n_ref++;
		ref_id[i] = id;
	}
	ref_value[i] = value;
}

static void
ref_remove(int64_t id)
{
	int			i = ref_find(id);

	if (i >= 0)
	{
		ref_id[i] = ref_id[n_ref - 1];
		ref_value[i] = ref_value[n_ref - 1];
		n_ref--;
	}
}

/* Every reference id answers its value, the count agrees, iteration visits each once. */
static void
check_against_ref(const PbIdMap *m)
{
	PbIdMapIter it;
	int64_t		id;
	uint32_t	value;
	size_t		visited = 0;
	static char seen[MAX_REF];

	CHECK(pb_id_map_count(m) == (size_t) n_ref);
	for (int i = 0; i < n_ref; i++)
	{
		CHECK(pb_id_map_get(m, ref_id[i], &value));
		CHECK(value == ref_value[i]);
	}
	memset(seen, 0, sizeof(seen));
	pb_id_map_iter_init(&it);
	while (pb_id_map_next(m, &it, &id, &value))
	{
		int			i = ref_find(id);

		CHECK(i >= 0);
		if (i >= 0)
		{
			CHECK(!seen[i]);
			seen[i] = 1;
			CHECK(value == ref_value[i]);
		}
		visited++;
	}
	CHECK(visited == (size_t) n_ref);
}

static void
start(PbIdMap *m)
{
	n_ref = 0;
	allowed = -1;
	pb_id_map_init(m, test_alloc, test_release, NULL);
}

static void
finish(PbIdMap *m)
{
	pb_id_map_free(m);
	CHECK(live_allocs == 0);
	CHECK(pb_id_map_count(m) == 0);
}

/* a deterministic generator: the cases are the same at every run */
static uint64_t rng = 88172645463325252ULL;

static uint64_t
next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

int
main(void)
{
	PbIdMap		m;
	uint32_t	value;

	/* an empty map */
	start(&m);
	CHECK(!pb_id_map_get(&m, 1, &value));
	CHECK(!pb_id_map_get(&m, 0, NULL));
	pb_id_map_remove(&m, 5);
	check_against_ref(&m);
	finish(&m);
	end_case("an empty map holds nothing, and removing from it is harmless");

	/* an import: 10,000 consecutive ids, one value a batch of 100 */
	start(&m);
	for (int64_t id = 1001; id < 11001; id++)
	{
		CHECK(pb_id_map_put(&m, id, (uint32_t) ((id - 1001) / 100)));
		ref_put(id, (uint32_t) ((id - 1001) / 100));
	}
	check_against_ref(&m);
	CHECK(!pb_id_map_get(&m, 1000, NULL));
	CHECK(!pb_id_map_get(&m, 11001, NULL));
	/* a block of 64 ids a slot: under one byte an id */
	CHECK(m.nblocks <= 10000 / 64 + 2);
	CHECK(m.nslots * sizeof(PbIdBlock) < 10000);
	finish(&m);
	end_case("consecutive ids: every one found with its value, a slot for 64 of them");

	/* scattered ids, values changed, removed and put again */
	start(&m);
	for (int i = 0; i < 5000; i++)
	{
		int64_t		id = (int64_t) (next_random() % 100000);
		uint32_t	v = (uint32_t) next_random();

		switch (next_random() % 4)
		{
			case 0:
				pb_id_map_remove(&m, id);
				ref_remove(id);
				break;
			default:
				CHECK(pb_id_map_put(&m, id, v));
				ref_put(id, v);
		}
	}
	check_against_ref(&m);
	finish(&m);
	end_case("random puts, overwrites and removals agree with the reference");

	/* values that differ inside one block, then agree again */
	start(&m);
	for (int64_t id = 128; id < 192; id++)
	{
		CHECK(pb_id_map_put(&m, id, 7));
		ref_put(id, 7);
	}
	CHECK(pb_id_map_put(&m, 150, 9));
	ref_put(150, 9);
	check_against_ref(&m);
	CHECK(pb_id_map_put(&m, 150, 7));
	ref_put(150, 7);
	pb_id_map_remove(&m, 128);
	ref_remove(128);
	check_against_ref(&m);
	finish(&m);
	end_case("one id of a block given another value keeps the others' values");

	/* negative and extreme ids */
	start(&m);
	{
		int64_t		ids[] = {INT64_MIN, INT64_MIN + 1, -65, -64, -63, -1, 0, 1, 63, 64,
		INT64_MAX - 1, INT64_MAX};

		for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		{
			CHECK(pb_id_map_put(&m, ids[i], (uint32_t) i));
			ref_put(ids[i], (uint32_t) i);
		}
		check_against_ref(&m);
		CHECK(!pb_id_map_get(&m, -2, NULL));
		CHECK(!pb_id_map_get(&m, 2, NULL));
	}
	finish(&m);
	end_case("negative and extreme ids are kept apart");

	/* an allocator that fails: put says so, and what was there stays */
	start(&m);
	for (int64_t id = 0; id < 64 * 12; id += 64)
	{
		CHECK(pb_id_map_put(&m, id, 1));
		ref_put(id, 1);
	}
	allowed = 0;
	{
		bool		ok = true;

		/* the table must grow for enough new blocks */
		for (int64_t id = 64 * 12; ok && id < 64 * 100; id += 64)
			if ((ok = pb_id_map_put(&m, id, 1)))
				ref_put(id, 1);
		CHECK(!ok);
		/* a block's second value needs an array */
		CHECK(!pb_id_map_put(&m, 1, 2));
	}
	allowed = -1;
	check_against_ref(&m);
	finish(&m);
	end_case("a failed allocation fails the put and loses nothing");

	/* freed: empty and usable again */
	start(&m);
	CHECK(pb_id_map_put(&m, 42, 1));
	pb_id_map_free(&m);
	CHECK(!pb_id_map_get(&m, 42, NULL));
	CHECK(pb_id_map_put(&m, 43, 2));
	ref_put(43, 2);
	check_against_ref(&m);
	finish(&m);
	end_case("a freed map is empty and takes ids again");

	printf("1..%d\n", n_tests);
	return n_failed > 0;
}
