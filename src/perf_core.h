/*
 * perf_core.h — pure C operations on a parsed cell: storage encoding,
 * canonical text, ordering, hashing keys and target-versus-actual checks.
 *
 * Like perf_parse.h this has no PostgreSQL dependency.  A "view" is a PbCell
 * plus the base pointer its PbText slices are relative to: the parser's
 * output buffer, or the text area of a stored datum.
 */
#ifndef PERF_CORE_H
#define PERF_CORE_H

#include "perf_parse.h"

typedef struct PbView
{
	PbCell		cell;
	const char *base;			/* cell.unit/text/note are slices of this */
} PbView;

/* ---- perf_encode.c: the stored (and binary) layout ---- */

/*
 * The first stored byte is [layout version : high 4 bits][kind : low 4 bits].
 * Values stored by 0.1 and 1.0 have 0 there (kinds are 1..5), so they are
 * layout 0 as they are.  pb_encode writes PB_LAYOUT_VERSION; pb_decode reads
 * every layout from 0 to PB_LAYOUT_VERSION and refuses a later one (a value
 * written by a later release).  perf_encode.c says how to add a layout.
 */
#define PB_LAYOUT_VERSION	0	/* the layout pb_encode writes */
#define PB_LAYOUT_SHIFT		4
#define PB_LAYOUT_KIND_MASK 0x0F

/* The layout version of stored bytes; -1 when there are none. */
extern int	pb_layout_version(const unsigned char *src, size_t len);

/*
 * The comparator (PbSymbol) of a stored value without decoding the rest, for
 * aggregates that read only that; PB_SYM_NONE when the layout is unknown.
 */
extern uint8_t pb_stored_symbol(const unsigned char *src, size_t len);

/* Bytes pb_encode will write for this cell. */
extern size_t pb_encoded_size(const PbCell *cell);

/* Write the cell (texts taken from base) into dst; returns bytes written. */
extern size_t pb_encode(const PbCell *cell, const char *base, unsigned char *dst);

/*
 * Read a stored value of any known layout (0 .. PB_LAYOUT_VERSION).  With
 * 'check' false the bytes are trusted (they came from pb_encode, of this or
 * an earlier release); with 'check' true every field is validated (binary
 * input).  False, with a reason in *why, for a layout version this build
 * does not know (pb_layout_version says which), truncated bytes, or with
 * 'check' a field out of range.
 */
extern bool pb_decode(const unsigned char *src, size_t len, PbView *view,
					  bool check, const char **why);

/* ---- perf_format.c: canonical text ---- */

/* Upper bound of the bytes pb_format writes (including the final NUL). */
extern size_t pb_format_bound(const PbView *v);

/* Canonical text of a target (with_symbol) or of a value; returns length. */
extern size_t pb_format(const PbView *v, bool with_symbol, char *dst);

/* Can the note be written back after the value (see perf_format.c)? */
extern bool pb_note_writable(const PbView *v, bool with_symbol);

/* Keep no note, nor a space before it, that the canonical text could not write back. */
extern void pb_drop_unwritable_note(PbCell *cell, const char *base);

/* Text of the value's number as written ('29.2', '-5', '100.00'). */
extern size_t pb_format_number(const PbScalar *s, char *dst);

/* Text of the number in the base unit ('292000' for 29.2万). */
extern size_t pb_format_base_number(const PbScalar *s, char *dst);

/* ---- perf_readback.c: does the canonical text read back? ---- */

/* Could this cell's text fail to read back (a phrase under a comparator)? */
extern bool pb_needs_readback_check(const PbCell *cell);

/* Does the target's canonical text parse to an equal target?  text and out:
 * scratch of pb_format_bound(v) bytes each. */
extern bool pb_target_reads_back(const PbView *v, char *text, char *out, PbError *err);

/* What reading a value or target back from its canonical text gave. */
typedef enum PbReadBack
{
	PB_READS_BACK,				/* an equal value: *again */
	PB_READ_BACK_FAILS,			/* the text does not parse: *err */
	PB_READS_BACK_OTHER			/* it parses to another value: *again */
} PbReadBack;

/* Format v (as a target or a value), parse the text again into *again;
 * text and out: scratch of pb_format_bound(v) bytes each. */
extern PbReadBack pb_read_back(const PbView *v, bool is_target, char *text, char *out,
							   PbView *again, PbError *err);

/* Can the cell be stored as a perf_value (no written comparator)? */
extern bool pb_is_plain_value(const PbCell *cell);

/* A value (no comparator) from a parsed cell: the default symbol restored. */
extern void pb_cell_to_value(PbCell *cell, const char *base);

/* ---- perf_compare.c: ordering and hashing ---- */

/* Total order of values (ignores symbol, note and unit prefix spelling). */
extern int	pb_cmp_value(const PbView *a, const PbView *b);

/* Total order of targets: value first, then symbol, then sense under 定性. */
extern int	pb_cmp_target(const PbView *a, const PbView *b);

/* The sense kept under 定性 where it is not the value's default, else 0. */
extern uint8_t pb_target_sense_key(const PbCell *c);

/*
 * Fixed-size key of everything pb_cmp_value compares except the unit's base
 * spelling and the phrase, which the caller hashes from pb_hash_texts.
 */
#define PB_HASH_KEY_SIZE 32
extern void pb_hash_key(const PbView *v, unsigned char key[PB_HASH_KEY_SIZE]);

/* The base unit (unit minus its 万/亿/千 prefix) and the phrase. */
extern void pb_base_unit(const PbView *v, const char **p, size_t *len);

/* Compare two scalars of one kind in their base unit: <0, 0, >0. */
extern int	pb_cmp_scalar(const PbScalar *a, const PbScalar *b);

/* ---- perf_eval.c: does an actual meet a target? ---- */

typedef enum PbTruth
{
	PB_UNKNOWN = -1,
	PB_FALSE = 0,
	PB_TRUE = 1
} PbTruth;

extern PbTruth pb_met(const PbView *target, const PbView *actual);

/*
 * The target's scalar ts and the actual's first scalar made comparable: a
 * bare number on either side is read in the other side's unit.  False when
 * the kinds or base units differ.
 */
extern bool pb_comparable(const PbView *t, const PbScalar *ts, const PbView *a,
						  PbScalar *tout, PbScalar *aout);

/* Dates at the precision both have: <0 when a is before t, 0, >0 after. */
extern int	pb_cmp_dates_loose(const PbScalar *t, const PbScalar *a);

/* What a self-evaluation phrase says of the year's result (10号 three grades). */
typedef enum PbAttain
{
	PB_ATTAIN_UNKNOWN = 0,		/* not one of the phrases */
	PB_ATTAIN_FULL,				/* 达成年度指标, 达成, 完成 … */
	PB_ATTAIN_PARTIAL,			/* 部分达成年度指标并具有一定效果, 部分达成, 基本完成 … */
	PB_ATTAIN_NONE				/* 未达成年度指标且效果较差, 未达成, 未完成 … */
} PbAttain;

extern PbAttain pb_attainment(const PbView *actual);

/*
 * The grade a phrase names ('优秀' is 优, '达标' is 合格), read from the text
 * each time (nothing stored): name is one of 优 良 中 差 合格 不合格, lo..hi
 * the ranks it promises on 差 1 < 中 2 < 良 3 < 优 4.  False when none.
 */
typedef struct PbGrade
{
	const char *name;
	uint8_t		lo;
	uint8_t		hi;
} PbGrade;

extern bool pb_grade(const PbView *v, PbGrade *g);

#endif							/* PERF_CORE_H */
