/*
 * fuzz_cell.c — libFuzzer harness of the pure C indicator parser.
 *
 * Built by 'make fuzz' with -fsanitize=fuzzer,address,undefined.  Every
 * buffer is allocated to exactly the size the API promises, so a byte
 * written or read past it is an AddressSanitizer report.  For each input:
 *
 *   - pb_parse_cell; when it accepts the bytes, the cell must survive the
 *     storage round trip (pb_encode, pb_decode with check) and the text
 *     round trip (pb_format re-parses to an equal target, and the value
 *     alone to an equal value), and equal values must hash alike;
 *   - the two-cell constructor: the first byte picks a symbol cell (定性,
 *     定量, 正向 …), pb_apply_symbol on the rest, and the same round trips;
 *   - the text round trip also keeps the stored bytes, and the canonical
 *     text stays under the input limit;
 *   - pb_parse_symbol on the same bytes;
 *   - pb_decode with check on the raw bytes (binary receive); whatever it
 *     accepts must format, and that text must parse back to an equal target
 *     (otherwise a value received in binary could not be dumped as text).
 *
 * Canonical text must never hold a NUL byte (type output is a C string);
 * inputs with a NUL are therefore only checked on the storage round trip,
 * as SQL text can never contain one.
 *
 * A broken property calls abort(), which libFuzzer reports as a crash.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perf_parse.h"
#include "perf_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Which path is running, for the report: "parse" or "decode". */
static const char *path = "";

static void
fail(const char *what, const char *text, size_t len)
{
	fprintf(stderr, "fuzz_cell: %s: %s", path, what);
	if (text != NULL)
		fprintf(stderr, ": '%.*s'", (int) len, text);
	fprintf(stderr, "\n");
	abort();
}

static void *
xmalloc(size_t size)
{
	void	   *p = malloc(size);

	if (p == NULL && size != 0)
		abort();
	return p;
}

/* The slices of a cell must lie inside the buffer they index. */
static void
check_cell(const PbCell *c, size_t buflen)
{
	if (c->kind < PB_KIND_PERCENT || c->kind > PB_KIND_MAX)
		fail("kind out of range", NULL, 0);
	if (c->symbol < PB_SYM_EQ || c->symbol > PB_SYM_MAX)
		fail("symbol out of range", NULL, 0);
	if (c->flags & ~PB_F_ALL)
		fail("unknown flags", NULL, 0);
	if ((uint64_t) c->unit.off + c->unit.len > buflen ||
		(uint64_t) c->text.off + c->text.len > buflen ||
		(uint64_t) c->note.off + c->note.len > buflen)
		fail("text slice outside the buffer", NULL, 0);
	if (c->unit_pow10_len > c->unit.len)
		fail("unit prefix longer than the unit", NULL, 0);
}

/* Equal values must have equal hash keys and base units. */
static void
check_hash(const PbView *a, const PbView *b)
{
	unsigned char ka[PB_HASH_KEY_SIZE],
				kb[PB_HASH_KEY_SIZE];
	const char *ua,
			   *ub;
	size_t		la,
				lb;

	if (pb_cmp_value(a, b) != 0)
		return;
	memset(ka, 0, sizeof(ka));
	memset(kb, 0, sizeof(kb));
	pb_hash_key(a, ka);
	pb_hash_key(b, kb);
	pb_base_unit(a, &ua, &la);
	pb_base_unit(b, &ub, &lb);
	if (memcmp(ka, kb, sizeof(ka)) != 0 || la != lb ||
		(la != 0 && memcmp(ua, ub, la) != 0))
		fail("equal values hash differently", NULL, 0);
}

/* Format with an exactly sized buffer; returns the malloc'ed text. */
static char *
format_exact(const PbView *v, bool with_symbol, size_t *len)
{
	size_t		bound = pb_format_bound(v);
	char	   *text = xmalloc(bound);

	*len = pb_format(v, with_symbol, text);
	if (*len + 1 > bound)
		fail("pb_format wrote past pb_format_bound", NULL, 0);
	/* type output returns a C string: a NUL inside would truncate it */
	if (memchr(text, '\0', *len) != NULL)
		fail("canonical text contains a NUL byte", NULL, 0);
	return text;
}

/*
 * Text round trip: the canonical text of v parses back to an equal target
 * (with_symbol) or an equal value (without).
 */
static void
check_text_round_trip(const PbView *v, bool with_symbol)
{
	size_t		len;
	char	   *text = format_exact(v, with_symbol, &len);
	char	   *out = xmalloc(len);
	PbCell		cell;
	PbError		err;
	PbView		back;

	if (!pb_parse_cell(text, len, out, &cell, &err))
		fail(with_symbol ? "canonical target text does not parse"
			 : "canonical value text does not parse", text, len);
	check_cell(&cell, len);
	back.cell = cell;
	back.base = out;
	if (with_symbol ? pb_cmp_target(v, &back) != 0 : pb_cmp_value(v, &back) != 0)
		fail(with_symbol ? "canonical target text parses to another target"
			 : "canonical value text parses to another value", text, len);
	check_hash(v, &back);
	if (len > PB_MAX_INPUT)
		fail("canonical text is longer than the input limit", NULL, 0);
	if (with_symbol)
	{
		/* the value read back is stored in the same bytes */
		size_t		n1 = pb_encoded_size(&v->cell);
		size_t		n2 = pb_encoded_size(&back.cell);
		unsigned char *e1 = xmalloc(n1);
		unsigned char *e2 = xmalloc(n2);

		pb_encode(&v->cell, v->base, e1);
		pb_encode(&back.cell, back.base, e2);
		if (n1 != n2 || memcmp(e1, e2, n1) != 0)
			fail("canonical target text reads back in other bytes", text, len);
		free(e1);
		free(e2);
	}
	if (with_symbol)
	{
		/* canonical text is a fixed point: formatting again changes nothing */
		size_t		len2;
		char	   *again = format_exact(&back, true, &len2);

		if (len2 != len || memcmp(again, text, len) != 0)
			fail("canonical text is not stable under a second round trip", text, len);
		free(again);
	}
	free(out);
	free(text);
}

static void
check_numbers(const PbScalar *s)
{
	char		buf[128];

	if (s->kind == PB_KIND_PERCENT || s->kind == PB_KIND_QUANTITY)
	{
		if (pb_format_number(s, buf) >= sizeof(buf) ||
			pb_format_base_number(s, buf) >= sizeof(buf))
			fail("number text too long", NULL, 0);
	}
}

static void
fuzz_parse(const uint8_t *data, size_t size)
{
	char	   *out = xmalloc(size);
	PbCell		cell;
	PbError		err;
	PbView		v;
	size_t		esize,
				written;
	unsigned char *enc;
	PbView		dec;
	const char *why = NULL;

	path = "parse";
	if (!pb_parse_cell((const char *) data, size, out, &cell, &err))
	{
		if (err.reason == NULL || err.pos > size)
			fail("error without a reason or with a position past the input", NULL, 0);
		free(out);
		return;
	}
	check_cell(&cell, size);
	pb_drop_unwritable_note(&cell, out);	/* as the server stores it */
	v.cell = cell;
	v.base = out;

	/* storage round trip */
	esize = pb_encoded_size(&cell);
	enc = xmalloc(esize);
	written = pb_encode(&cell, out, enc);
	if (written != esize)
		fail("pb_encode size differs from pb_encoded_size", NULL, 0);
	if (!pb_decode(enc, esize, &dec, true, &why))
		fail("pb_decode(check) rejects pb_encode output", why, why ? strlen(why) : 0);
	if (pb_cmp_target(&v, &dec) != 0)
		fail("decoded target differs from the parsed one", NULL, 0);
	check_hash(&v, &dec);

	/* text round trips (SQL text never holds a NUL byte) */
	if (memchr(data, '\0', size) == NULL)
	{
		check_text_round_trip(&v, true);
		check_text_round_trip(&v, false);
		check_text_round_trip(&dec, true);
	}

	check_numbers(&cell.lo);
	if (cell.kind == PB_KIND_RANGE)
		check_numbers(&cell.hi);

	(void) pb_met(&v, &v);
	(void) pb_met(&v, &dec);

	free(enc);
	free(out);
}

static void
fuzz_decode(const uint8_t *data, size_t size)
{
	PbView		v;
	const char *why = NULL;
	size_t		len;
	char	   *text;

	path = "decode";
	if (!pb_decode(data, size, &v, true, &why))
		return;
	if (v.cell.kind < PB_KIND_PERCENT || v.cell.kind > PB_KIND_MAX ||
		v.cell.symbol < PB_SYM_EQ || v.cell.symbol > PB_SYM_MAX)
		fail("pb_decode(check) accepted a bad kind or symbol", NULL, 0);
	/*
	 * Field checks alone admit values no text reads as (a phrase '126M' that
	 * would print as a quantity); binary receive therefore also re-reads the
	 * canonical text and refuses a mismatch with 22P03.  Here the text must
	 * only be producible without overrunning its bound.
	 */
	text = format_exact(&v, true, &len);
	free(text);
	check_numbers(&v.cell.lo);
	(void) pb_met(&v, &v);
}

/*
 * The two-cell constructor: the first byte picks a 计算符号 cell, the rest
 * is the 指标值 cell.  Whatever pb_apply_symbol accepts must survive the same
 * round trips as a parsed cell (定性 over a measurable value included).
 */
static void
fuzz_two_cells(const uint8_t *data, size_t size)
{
	static const char *const symbols[] = {
		"", "=", "≥", "≤", ">", "<", "±", "定性", "定量", "正向", "反向", "区间",
		"﹦", "‹=", "≧", "不低于"
	};
	const char *st;
	PbSymbol	sym;
	bool		band;
	PbError		err;
	char	   *out;
	PbCell		cell;
	PbView		v;

	if (size < 1 || memchr(data, '\0', size) != NULL)
		return;
	path = "two cells";
	st = symbols[data[0] % (sizeof(symbols) / sizeof(symbols[0]))];
	if (!pb_parse_symbol(st, strlen(st), &sym, &band, &err))
		fail("a listed symbol cell does not parse", st, strlen(st));
	out = xmalloc(size - 1);
	if (pb_parse_cell((const char *) data + 1, size - 1, out, &cell, &err) &&
		pb_apply_symbol(&cell, sym, band, &err))
	{
		check_cell(&cell, size - 1);
		pb_drop_unwritable_note(&cell, out);
		if (sym == PB_SYM_QUAL && cell.symbol != PB_SYM_QUAL)
			fail("定性 did not stay 定性", NULL, 0);
		v.cell = cell;
		v.base = out;
		/* what perf_target(symbol, value) refuses (perf_readback.c) */
		if (pb_needs_readback_check(&cell))
		{
			char	   *text = xmalloc(pb_format_bound(&v));
			char	   *scratch = xmalloc(pb_format_bound(&v));
			bool		back = pb_target_reads_back(&v, text, scratch, &err);

			free(text);
			free(scratch);
			if (!back)
			{
				free(out);
				return;
			}
		}
		check_text_round_trip(&v, true);
		check_text_round_trip(&v, false);
		(void) pb_met(&v, &v);
	}
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	PbSymbol	sym;
	bool		band;
	PbError		err;

	fuzz_parse(data, size);
	fuzz_two_cells(data, size);
	(void) pb_parse_symbol((const char *) data, size, &sym, &band, &err);
	fuzz_decode(data, size);
	return 0;
}
