/*
 * perf_pg.h — the bridge between the pure C core and the server: reading a
 * stored value into a view, building a datum from a parsed cell, and the
 * error reports of the input functions.
 */
#ifndef PERF_PG_H
#define PERF_PG_H

#include "postgres.h"
#include "fmgr.h"
#include "nodes/nodes.h"

#include "perf_core.h"

/* Read a perf_value or perf_target datum (packed varlenas are read in place). */
extern void pb_view_from_datum(Datum d, PbView *v);

/* A new datum holding the cell, its texts taken from base. */
extern Datum pb_datum_from_cell(const PbCell *cell, const char *base);

/*
 * Parse 'input' as a cell of type 'typname'; on failure report it through
 * escontext (soft error on 16+) and return false.  'out' must hold len bytes.
 */
extern bool pb_parse_or_report(const char *typname, const char *input,
							   size_t len, char *out, PbCell *cell,
							   Node *escontext);

/* A numeric from exact decimal text ('292000', '0.2609'). */
extern Datum pb_numeric_from_text(const char *s);

/* 1-based character position of a byte offset, for error details. */
extern int	pb_char_position(const char *s, size_t byte_off);

/* The input as quoted in a message (cut after 60 characters with '…'). */
extern const char *pb_quote(const char *s);

/* For the detail: ' The value, quoted in part, is N bytes long.' or ''. */
extern const char *pb_quote_note(const char *s);

/* Refuse to run in a database whose encoding cannot hold the cells. */
extern void pb_check_encoding(void);

#define PB_HINT_EXAMPLES \
	PB_N_("Write a comparator and a value such as \"≥95%\", \"1000元\", \"≤7工作日\", \"2024年12月31日\", \"90%-100%\", or a phrase such as \"充分\".")

#define PB_HINT_VALUE_EXAMPLES \
	PB_N_("Write a value such as \"96%\", \"1000元\", \"7工作日\", \"2024年12月31日\", \"90%-100%\", or a phrase such as \"充分\".")

#endif							/* PERF_PG_H */
