/*
 * perf_parse.h — the pure C model of one indicator cell (计算符号 + 指标值).
 *
 * Nothing here includes a PostgreSQL header: the same code is linked into
 * the server module, the standalone unit test and the libFuzzer harness.
 * The parser never allocates and keeps no state between calls; the caller
 * hands it an output buffer at least as long as the input (folding only
 * ever shortens text) and gets back a PbCell whose text fields point into
 * that buffer, or a PbError with a byte position and a reason.
 *
 * Grammar (see doc/reference.md for the user-facing version):
 *
 *   cell     := ws [ symbol ws ] core ws [ suffix ] ws [ note ]
 *             | 定性 (space or :) cell     kept under 定性 with its own sense
 *   symbol   := = | == | ≥ | >= | ≤ | <= | > | < | ± | ‹= | ›=
 *               | word prefix (不低于 不少于 … → ≥, 不超过 以内 … → ≤, …)
 *   core     := range | scalar | phrase
 *   range    := scalar sep scalar         sep := - -- — ~ 至 到
 *   scalar   := number [ ws unit ]        percent when unit is % or 百分比
 *             | date                      2024年12月31日, 2023年底, 12月底, 2024-12-31
 *   number   := [+|-] digits [,ddd]* [. digits]     exact, at most 18 digits;
 *               no exponent ('1e-5' is refused, see ends_exponent_at)
 *   suffix   := 以上 及以上 … (≥) | 以下 以内 内 前 之前 … (≤)
 *   note     := trailing annotation kept as written: '(2022年:61%)'
 *
 * Full-width ASCII (U+FF01–FF5E), the small form variants (U+FE50–FE6B), the
 * superscript and subscript '=', the ideographic space and the look-alike
 * comparators ≧ ≦ ═ ⩾ ⩽ are folded before scanning (perf_text.c).
 */
#ifndef PERF_PARSE_H
#define PERF_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pb_nls.h"

/* Value kinds, in sort order.  Stored on disk: never renumber. */
typedef enum PbKind
{
	PB_KIND_PERCENT = 1,
	PB_KIND_QUANTITY = 2,
	PB_KIND_DATE = 3,
	PB_KIND_RANGE = 4,
	PB_KIND_QUALITATIVE = 5
} PbKind;

/* Comparators (计算符号), in sort order.  Stored on disk: never renumber. */
typedef enum PbSymbol
{
	PB_SYM_NONE = 0,			/* only while parsing: nothing written */
	PB_SYM_EQ = 1,
	PB_SYM_GE = 2,
	PB_SYM_LE = 3,
	PB_SYM_GT = 4,
	PB_SYM_LT = 5,
	PB_SYM_QUAL = 6,			/* 定性 */
	PB_SYM_RANGE = 7,			/* 区间: a range or a ± band */

	/*
	 * Read from a 计算符号 cell only (pb_parse_symbol), never stored: what
	 * other layouts put in that column.  pb_apply_symbol resolves them.
	 */
	PB_SYM_POSITIVE = 8,		/* 正向: ≥ unless the value says > or = */
	PB_SYM_REVERSE = 9,			/* 反向: ≤ unless the value says < */
	PB_SYM_QUANT = 10			/* 定量: the value's own comparator, '=' when none */
} PbSymbol;

#define PB_SYM_MAX PB_SYM_RANGE
#define PB_KIND_MAX PB_KIND_QUALITATIVE

/* PbCell.flags */
#define PB_F_EXPLICIT	0x01	/* the comparator was written, not defaulted */
#define PB_F_BAND		0x02	/* range written as ±x */
#define PB_F_NOTE_SPACE 0x04	/* the note was separated by white space */
#define PB_F_SUFFIX		0x08	/* the comparator was written only after the value */

/*
 * The comparator a measurable value carried when its 计算符号 is 定性
 * ('定性' with '6月底前' keeps ≤ here): a PbSymbol from = to <, 0 when none
 * was written.  Only with symbol 定性 on a number, percentage or date.
 */
#define PB_F_SENSE_SHIFT 4
#define PB_F_SENSE		0x70
#define PB_F_ALL		0x7F

/*
 * Facts about how the cell was written that only the parser and the
 * two-cell constructor need; they are not part of a stored value (the
 * canonical text does not keep them, so a value read back from its text
 * would differ in its bytes).  pb_encode leaves them out.
 */
#define PB_F_PARSE_ONLY (PB_F_EXPLICIT | PB_F_SUFFIX)


/* PbScalar.date_style: how a date was written, so output can follow it */
#define PB_DATE_YMD		0			/* 2024年12月31日, 2024年12月, 2024年, 12月31日 */
#define PB_DATE_MONTH_END 1		/* 12月底, 2024年12月底 */
#define PB_DATE_YEAR_END 2		/* 2023年底 */

#define PB_MAX_DIGITS	18		/* significant digits in one number */
#define PB_MAX_SCALE	15		/* digits after the decimal point */
#define PB_MAX_UNIT		64		/* bytes in a unit */

/*
 * Length limits.  The text a cell keeps (phrase and note) is at most
 * PB_MAX_TEXT bytes; the canonical text adds at most a few hundred bytes
 * to it (symbol, two scalars, the unit twice), so it always fits under
 * PB_MAX_INPUT and reads back: a value stored is a value a dump restores.
 */
#define PB_MAX_TEXT		60000
#define PB_MAX_INPUT	61440

/*
 * One number, percentage or date.  A number is digits / 10^scale in the unit
 * as written; the unit's prefix (万 4, 亿 8, 千 3, 百万 6, 千万 7, 万亿 12)
 * is pow10, so the quantity in the base unit is digits * 10^(pow10 - scale).
 */
typedef struct PbScalar
{
	uint8_t		kind;			/* PB_KIND_PERCENT, _QUANTITY or _DATE */
	uint8_t		scale;
	int8_t		pow10;
	uint8_t		date_style;
	int16_t		year;			/* 0: not written */
	uint8_t		month;			/* 1..12, 0: not written */
	uint8_t		day;			/* 1..31 (month end resolved), 0: not written */
	int64_t		digits;
} PbScalar;

/* A slice of the caller's output buffer. */
typedef struct PbText
{
	uint32_t	off;
	uint32_t	len;
} PbText;

/*
 * One parsed cell.  kind is the value's kind; for a range, lo and hi are the
 * ends (both of one scalar kind) and lo is the value otherwise.  unit is the
 * written unit of quantities (for a range, of both ends), empty for percent
 * and dates.  text is the phrase of a qualitative value; note the trailing
 * annotation of any other value.
 */
typedef struct PbCell
{
	uint8_t		kind;
	uint8_t		symbol;
	uint8_t		flags;
	uint8_t		unit_pow10_len;	/* bytes of the unit that are its prefix */
	PbScalar	lo;
	PbScalar	hi;
	PbText		unit;
	PbText		text;
	PbText		note;
} PbCell;

/* The comparator written in a value under 定性 (PB_F_SENSE), 0 when none. */
static inline uint8_t
pb_cell_sense(const PbCell *c)
{
	return (uint8_t) ((c->flags & PB_F_SENSE) >> PB_F_SENSE_SHIFT);
}

/*
 * The sense in which a value is met: the comparator, or under 定性 the one
 * written in the value, else the value's own (a date is a deadline, ≤; a
 * number or percentage is reached, ≥, as 达到 reads; a range is within).
 */
extern uint8_t pb_cell_effective_sense(const PbCell *c);

/* Parse outcome. */
typedef enum PbStatus
{
	PB_OK = 0,
	PB_ERR_SYNTAX,				/* not a cell: see reason */
	PB_ERR_OVERFLOW,			/* number out of range */
	PB_ERR_CONTRADICTION		/* two comparators that disagree */
} PbStatus;

typedef struct PbError
{
	PbStatus	status;
	size_t		pos;			/* byte offset in the input */
	const char *reason;			/* what is wrong, an English message id (pb_nls.h) */
	const char *expected;		/* what was expected there, or NULL */
} PbError;

/*
 * Parse one cell.  'out' must hold at least len bytes.  On success fills
 * *cell and returns true; otherwise fills *err and returns false.
 */
extern bool pb_parse_cell(const char *in, size_t len, char *out,
						  PbCell *cell, PbError *err);

/*
 * Parse a 计算符号 cell alone ('≥', '>=', '定性', '±', '不低于', '' …).
 * Returns PB_SYM_NONE for a blank cell; *band is set for '±'.
 */
extern bool pb_parse_symbol(const char *in, size_t len, PbSymbol *sym,
							bool *band, PbError *err);

/*
 * Combine a symbol cell with a parsed value cell (perf_target(symbol, value)).
 * Fails with PB_ERR_CONTRADICTION when they disagree ('≥' with '≤95%').
 */
extern bool pb_apply_symbol(PbCell *cell, PbSymbol sym, bool band,
							PbError *err);

/*
 * Fold text the way cells are folded before scanning: full-width ASCII to
 * ASCII, white space collapsed and trimmed, spaces between two CJK
 * characters dropped.  'out' must hold len bytes.  False on invalid UTF-8,
 * with the offending byte offset in *bad.
 */
extern bool pb_fold(const char *in, size_t len, char *out, size_t *outlen,
					size_t *bad);

/*
 * The same white-space folding, characters otherwise kept as written ('，'
 * stays '，'): one output character per character pb_fold writes.
 */
extern bool pb_fold_spaces(const char *in, size_t len, char *out, size_t *outlen,
						   size_t *bad);

/* Would the text, written right after a unit, be read as part of it? */
extern bool pb_starts_unit(const char *s, size_t len);

/* Does the text start with a CJK character (spaces next to it may fold away)? */
extern bool pb_starts_cjk(const char *s, size_t len);

/* Does the text start with a Chinese numeral (一 二 三 …)? */
extern bool pb_starts_numeral(const char *s, size_t len);

/* Names for output: '≥', '定性', … and 'percent', 'quantity', … */
extern const char *pb_symbol_name(PbSymbol sym);
extern const char *pb_kind_name(PbKind kind);

/* Largest day of a month; February has 29 when the year is not known. */
extern int	pb_month_days(int year, int month);

#endif							/* PERF_PARSE_H */
