/*
 * perf_ops.c — comparison operators, btree support and hashing for
 * perf_value and perf_target.
 *
 * Values are read in place (no copy for short packed varlenas); the order
 * and the hash key come from the pure core (perf_compare.c), which compares
 * in base units, so the hash of '1万元' equals the hash of '10000元'.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "common/hashfn.h"
#include "fmgr.h"

#include "perf_pg.h"

typedef int (*CmpFn) (const PbView *a, const PbView *b);

static int
cmp_args(FunctionCallInfo fcinfo, CmpFn cmp)
{
	PbView		a;
	PbView		b;

	pb_view_from_datum(PG_GETARG_DATUM(0), &a);
	pb_view_from_datum(PG_GETARG_DATUM(1), &b);
	return cmp(&a, &b);
}

/* One set of operator functions per type, from one template. */
#define PB_COMPARISONS(prefix, cmpfn) \
PG_FUNCTION_INFO_V1(prefix##_cmp); \
Datum prefix##_cmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(cmp_args(fcinfo, cmpfn)); } \
PG_FUNCTION_INFO_V1(prefix##_eq); \
Datum prefix##_eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(cmp_args(fcinfo, cmpfn) == 0); } \
PG_FUNCTION_INFO_V1(prefix##_ne); \
Datum prefix##_ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(cmp_args(fcinfo, cmpfn) != 0); } \
PG_FUNCTION_INFO_V1(prefix##_lt); \
Datum prefix##_lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(cmp_args(fcinfo, cmpfn) < 0); } \
PG_FUNCTION_INFO_V1(prefix##_le); \
Datum prefix##_le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(cmp_args(fcinfo, cmpfn) <= 0); } \
PG_FUNCTION_INFO_V1(prefix##_gt); \
Datum prefix##_gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(cmp_args(fcinfo, cmpfn) > 0); } \
PG_FUNCTION_INFO_V1(prefix##_ge); \
Datum prefix##_ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(cmp_args(fcinfo, cmpfn) >= 0); }

PB_COMPARISONS(perf_value, pb_cmp_value)
PB_COMPARISONS(perf_target, pb_cmp_target)

/* ---------------------------------------------------------------- hashing */

static uint64
hash_view(const PbView *v, bool with_symbol, bool extended, uint64 seed)
{
	unsigned char key[PB_HASH_KEY_SIZE];
	const char *unit;
	size_t		unit_len;
	const char *text = v->base + v->cell.text.off;
	size_t		text_len = v->cell.text.len;
	uint64		h;

	pb_hash_key(v, key);
	if (with_symbol)
	{
		key[PB_HASH_KEY_SIZE - 1] = v->cell.symbol;
		key[PB_HASH_KEY_SIZE - 2] = pb_target_sense_key(&v->cell);	/* 0 before 1.0 */
	}
	pb_base_unit(v, &unit, &unit_len);
	if (extended)
	{
		h = hash_bytes_extended(key, PB_HASH_KEY_SIZE, seed);
		h = hash_combine64(h, hash_bytes_extended((const unsigned char *) unit,
												  (int) unit_len, seed));
		return hash_combine64(h, hash_bytes_extended((const unsigned char *) text,
													 (int) text_len, seed));
	}
	h = hash_bytes(key, PB_HASH_KEY_SIZE);
	h = hash_combine((uint32) h, hash_bytes((const unsigned char *) unit, (int) unit_len));
	return hash_combine((uint32) h, hash_bytes((const unsigned char *) text, (int) text_len));
}

static uint64
hash_arg(FunctionCallInfo fcinfo, bool with_symbol, bool extended)
{
	PbView		v;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	return hash_view(&v, with_symbol, extended,
					 extended ? (uint64) PG_GETARG_INT64(1) : 0);
}

PG_FUNCTION_INFO_V1(perf_value_hash);
Datum
perf_value_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) hash_arg(fcinfo, false, false));
}

PG_FUNCTION_INFO_V1(perf_value_hash_extended);
Datum
perf_value_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) hash_arg(fcinfo, false, true));
}

PG_FUNCTION_INFO_V1(perf_target_hash);
Datum
perf_target_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) hash_arg(fcinfo, true, false));
}

PG_FUNCTION_INFO_V1(perf_target_hash_extended);
Datum
perf_target_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) hash_arg(fcinfo, true, true));
}
