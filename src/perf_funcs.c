/*
 * perf_funcs.c — SQL functions over perf_value and perf_target: building a
 * target from the form's two cells, taking it apart (symbol, kind, number,
 * unit, note, range ends, grade), checking an actual against it, and testing
 * input without raising an error.
 *
 * Every accessor accepts either type: both share the stored layout.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "fmgr.h"
#include "utils/builtins.h"

#include "perf_pg.h"

/* ---------------------------------------------------------------- helpers */

static Datum
number_of(const PbScalar *s, bool base)
{
	char		buf[64];
	size_t		n = base ? pb_format_base_number(s, buf) : pb_format_number(s, buf);

	buf[n] = '\0';
	return pb_numeric_from_text(buf);
}

static bool
is_numeric_scalar(const PbScalar *s)
{
	return s->kind == PB_KIND_PERCENT || s->kind == PB_KIND_QUANTITY;
}

/* ---------------------------------------------------------------- building */

/*
 * A phrase that carries a comparator word of its own cannot take the
 * comparator cell's: its text would not read back (perf_readback.c).
 */
static void
refuse_unreadable(const PbCell *cell, const char *out, const char *symbol, const char *value)
{
	PbView		v;
	char	   *text;
	char	   *scratch;
	PbError		err;

	v.cell = *cell;
	v.base = out;
	text = palloc(pb_format_bound(&v));
	scratch = palloc(pb_format_bound(&v));
	if (pb_target_reads_back(&v, text, scratch, &err))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type perf_target: comparator \"%s\" with value \"%s\"",
					symbol ? symbol : "", pb_quote(value)),
			 errdetail("The value opens with a comparator of its own: written after the comparator it reads as \"%s\", which is not the same target (%s).",
					   pb_quote(text), pb_tr(err.reason)),
			 errhint("Keep one comparator: leave the 计算符号 cell blank, as in perf_target('', '不少于12种'), or write the value without its comparator word, as in perf_target('≥', '12种').")));
}

PG_FUNCTION_INFO_V1(perf_target_from_cells);

/*
 * perf_target(symbol, value): the 计算符号 cell and the 指标值 cell.  A blank
 * or NULL symbol leaves the value's own comparator (or the default).
 */
Datum
perf_target_from_cells(PG_FUNCTION_ARGS)
{
	text	   *value_t;
	char	   *value;
	char	   *symbol = NULL;
	char	   *out;
	PbCell		cell;
	PbError		err;
	PbSymbol	sym = PB_SYM_NONE;
	bool		band = false;

	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	value_t = PG_GETARG_TEXT_PP(1);
	value = text_to_cstring(value_t);
	out = palloc(strlen(value) + 1);
	if (!PG_ARGISNULL(0))
	{
		symbol = text_to_cstring(PG_GETARG_TEXT_PP(0));
		pb_check_encoding();
		if (!pb_parse_symbol(symbol, strlen(symbol), &sym, &band, &err))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid comparator for perf_target: \"%s\"", pb_quote(symbol)),
					 errdetail("At character %d: %s; expected %s.",
							   pb_char_position(symbol, err.pos), pb_tr(err.reason),
							   pb_tr(err.expected)),
					 errhint("Write one of =, ≥, ≤, >, <, ±, 区间, 定性, 定量, 正向, 反向, or leave the cell blank.")));
	}
	(void) pb_parse_or_report("perf_target", value, strlen(value), out, &cell, NULL);
	if (!pb_apply_symbol(&cell, sym, band, &err))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type perf_target: comparator \"%s\" with value \"%s\"",
						symbol ? symbol : "", pb_quote(value)),
				 errdetail("%s.%s", pb_tr(err.reason), pb_quote_note(value)),
				 errhint("Make the two cells agree, as in perf_target('≥', '95%%'), perf_target('正向', '≥95%%') or perf_target('定性', '12月底前').")));
	if (pb_needs_readback_check(&cell))
		refuse_unreadable(&cell, out, symbol, value);
	PG_RETURN_DATUM(pb_datum_from_cell(&cell, out));
}

PG_FUNCTION_INFO_V1(perf_value_of);

/* The value of a target, without its comparator. */
Datum
perf_value_of(PG_FUNCTION_ARGS)
{
	PbView		v;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	pb_cell_to_value(&v.cell, v.base);
	PG_RETURN_DATUM(pb_datum_from_cell(&v.cell, v.base));
}

PG_FUNCTION_INFO_V1(perf_target_of_value);

/* A value read as a target: '=' for numbers and dates, 定性 for phrases. */
Datum
perf_target_of_value(PG_FUNCTION_ARGS)
{
	PbView		v;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	PG_RETURN_DATUM(pb_datum_from_cell(&v.cell, v.base));
}

/* ---------------------------------------------------------------- accessors */

PG_FUNCTION_INFO_V1(perf_symbol);
Datum
perf_symbol(PG_FUNCTION_ARGS)
{
	PbView		v;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	PG_RETURN_TEXT_P(cstring_to_text(pb_symbol_name((PbSymbol) v.cell.symbol)));
}

PG_FUNCTION_INFO_V1(perf_kind);
Datum
perf_kind(PG_FUNCTION_ARGS)
{
	PbView		v;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	PG_RETURN_TEXT_P(cstring_to_text(pb_kind_name((PbKind) v.cell.kind)));
}

/* Which number of a value an accessor returns. */
typedef enum NumberPart
{
	NUMBER_WRITTEN,				/* as written in its unit; single values only */
	NUMBER_BASE,				/* in the base unit; single values only */
	NUMBER_LOWER,				/* lower end of a range, or the number */
	NUMBER_UPPER				/* upper end of a range, or the number */
} NumberPart;

/* The number asked for, or SQL NULL for phrases and dates (and ranges). */
static Datum
number_part(FunctionCallInfo fcinfo, NumberPart part)
{
	PbView		v;
	const PbScalar *s;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	s = &v.cell.lo;
	if (v.cell.kind == PB_KIND_QUALITATIVE || !is_numeric_scalar(s) ||
		(v.cell.kind == PB_KIND_RANGE && (part == NUMBER_WRITTEN || part == NUMBER_BASE)))
		PG_RETURN_NULL();
	if (part == NUMBER_UPPER && v.cell.kind == PB_KIND_RANGE)
		s = &v.cell.hi;
	PG_RETURN_DATUM(number_of(s, part == NUMBER_BASE));
}

/* The number as written in its unit (29.2 for 29.2万人). */
PG_FUNCTION_INFO_V1(perf_number);
Datum
perf_number(PG_FUNCTION_ARGS)
{
	return number_part(fcinfo, NUMBER_WRITTEN);
}

/* The number in the base unit (292000 for 29.2万人). */
PG_FUNCTION_INFO_V1(perf_base_number);
Datum
perf_base_number(PG_FUNCTION_ARGS)
{
	return number_part(fcinfo, NUMBER_BASE);
}

/* Lower end of a numeric range or band (-3 for ±3%); the number otherwise. */
PG_FUNCTION_INFO_V1(perf_lower);
Datum
perf_lower(PG_FUNCTION_ARGS)
{
	return number_part(fcinfo, NUMBER_LOWER);
}

/* Upper end of a numeric range or band; the number otherwise. */
PG_FUNCTION_INFO_V1(perf_upper);
Datum
perf_upper(PG_FUNCTION_ARGS)
{
	return number_part(fcinfo, NUMBER_UPPER);
}

PG_FUNCTION_INFO_V1(perf_unit);

/* '%' for percentages, the written unit of quantities, else NULL. */
Datum
perf_unit(PG_FUNCTION_ARGS)
{
	PbView		v;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	if (v.cell.kind == PB_KIND_QUALITATIVE)
		PG_RETURN_NULL();
	if (v.cell.lo.kind == PB_KIND_PERCENT)
		PG_RETURN_TEXT_P(cstring_to_text("%"));
	if (v.cell.unit.len == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(v.base + v.cell.unit.off,
											  (int) v.cell.unit.len));
}

PG_FUNCTION_INFO_V1(perf_note);

/* The annotation written after the value ('(2022年:61%)'), or NULL. */
Datum
perf_note(PG_FUNCTION_ARGS)
{
	PbView		v;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	if (v.cell.note.len == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(v.base + v.cell.note.off,
											  (int) v.cell.note.len));
}

PG_FUNCTION_INFO_V1(perf_date);

/* The day a date value names (month ends resolved); NULL if incomplete. */
Datum
perf_date(PG_FUNCTION_ARGS)
{
	PbView		v;
	const PbScalar *s;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	s = &v.cell.lo;
	if (v.cell.kind != PB_KIND_DATE || !s->year || !s->month || !s->day)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(DirectFunctionCall1(date_in,
										CStringGetDatum(psprintf("%04d-%02d-%02d",
																 s->year, s->month, s->day))));
}

/* ---------------------------------------------------------------- evaluation */

PG_FUNCTION_INFO_V1(perf_met);

/* Does the actual meet the target?  NULL when it cannot be decided. */
Datum
perf_met(PG_FUNCTION_ARGS)
{
	PbView		t;
	PbView		a;
	PbTruth		r;

	pb_view_from_datum(PG_GETARG_DATUM(0), &t);
	pb_view_from_datum(PG_GETARG_DATUM(1), &a);
	r = pb_met(&t, &a);
	if (r == PB_UNKNOWN)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(r == PB_TRUE);
}

PG_FUNCTION_INFO_V1(perf_grade);

/*
 * The grade a phrase names, normalized: 优 良 中 差 合格 不合格 ('优秀' is 优,
 * '良好以上' 良, '达标' 合格); NULL for numbers, dates and other phrases.
 * Read from the phrase each time: nothing about grades is stored.
 */
Datum
perf_grade(PG_FUNCTION_ARGS)
{
	PbView		v;
	PbGrade		g;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	if (!pb_grade(&v, &g))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(g.name));
}

/* ---------------------------------------------------------------- validity */

/*
 * Parse without raising: NULL when valid, else the reason, in English
 * whatever lc_messages says: perf_input_error() is IMMUTABLE.
 */
static char *
input_problem(text *t, bool is_target)
{
	char	   *s = text_to_cstring(t);
	size_t		len = strlen(s);
	char	   *out = palloc(len + 1);
	PbCell		cell;
	PbError		err;

	pb_check_encoding();
	if (!pb_parse_cell(s, len, out, &cell, &err))
		return psprintf("at character %d: %s", pb_char_position(s, err.pos), err.reason);
	if (!is_target && !pb_is_plain_value(&cell))
		return psprintf("a perf_value carries no comparator, but this has \"%s\"",
						pb_symbol_name((PbSymbol) cell.symbol));
	return NULL;
}

PG_FUNCTION_INFO_V1(perf_is_valid);
Datum
perf_is_valid(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(input_problem(PG_GETARG_TEXT_PP(0), true) == NULL);
}

PG_FUNCTION_INFO_V1(perf_value_is_valid);
Datum
perf_value_is_valid(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(input_problem(PG_GETARG_TEXT_PP(0), false) == NULL);
}

PG_FUNCTION_INFO_V1(perf_input_error);
Datum
perf_input_error(PG_FUNCTION_ARGS)
{
	char	   *why = input_problem(PG_GETARG_TEXT_PP(0), true);

	if (why == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(why));
}
