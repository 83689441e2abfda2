/*
 * perf_score.h — the self-evaluation score of one indicator (绩效自评得分),
 * as a pure C decision with no PostgreSQL dependency.
 *
 * The core decides which formula applies and with which numbers; the
 * caller multiplies by the weight in exact decimal arithmetic (numeric in
 * the server, plain fractions in the unit test).  Nothing here divides, so
 * no binary floating point and no rounding enter a score.
 */
#ifndef PERF_SCORE_H
#define PERF_SCORE_H

#include "perf_core.h"

/* An exact decimal: digits × 10^exp. */
typedef struct PbDec
{
	int64_t		digits;
	int			exp;
} PbDec;

typedef enum PbScoreForm
{
	PB_SCORE_UNDECIDED = 0,		/* no number can be given: NULL */
	PB_SCORE_SHARE,				/* weight × pct / 100, pct in [lo_pct, hi_pct] */
	PB_SCORE_RATIO,				/* weight × num / den (0 < num / den < 1) */
	PB_SCORE_DECAY				/* weight × (2 − num / den) (1 < num / den < 2) */
} PbScoreForm;

typedef struct PbScore
{
	PbScoreForm form;
	PbDec		num;			/* RATIO and DECAY */
	PbDec		den;
	uint8_t		pct;			/* SHARE: the score, in percent of the weight */
	uint8_t		lo_pct;			/* SHARE: the band an entered score may fall in */
	uint8_t		hi_pct;
	const char *why;			/* UNDECIDED: the reason, in English */
} PbScore;

/* Provincial variants of the national rule (DOMAIN.md §8). */
typedef struct PbScoreRule
{
	bool		reverse_linear; /* ≤/<: linear to 0 at twice the target */
	bool		zero_equals;	/* '= 0' met only by an actual ≤ 0 */
	uint8_t		lower_band;		/* qualitative 部分/未达成 breakpoint: 60 or 50 */
} PbScoreRule;

/* The national rule: proportional reverse formula, band breakpoint 60. */
extern void pb_score_rule_default(PbScoreRule *rule);

/*
 * Read a rule list ('reverse_linear, qualitative_50'; '' or 'national' is
 * the national rule).  On an unknown word returns false with its byte
 * offset and length.
 */
extern bool pb_score_rule_parse(const char *s, size_t len, PbScoreRule *rule,
								size_t *bad_off, size_t *bad_len);

/* How the actual scores against the target. */
extern void pb_score(const PbView *target, const PbView *actual,
					 const PbScoreRule *rule, PbScore *out);

/*
 * actual / target as an exact fraction, both in one unit; false when they
 * are not numbers of one kind and unit (dates, ranges, phrases, 万元 vs 人)
 * or the target is 0.
 */
extern bool pb_ratio(const PbView *target, const PbView *actual, PbDec *num, PbDec *den);

#endif							/* PERF_SCORE_H */
