/*
 * fuzz_form.c — libFuzzer harness of the form document reader (fp_parse).
 *
 *   clang -g -O1 -Isrc -fsanitize=fuzzer,address,undefined \
 *       -fno-sanitize-recover=undefined -o test/fuzz/fuzz_form \
 *       test/fuzz/fuzz_form.c src/form_parse.c src/perf_parse.c \
 *       src/perf_compare.c src/perf_format.c src/perf_encode.c src/perf_eval.c
 *   test/fuzz/fuzz_form -max_total_time=60 -max_len=65536 \
 *       /tmp/corpus test/import/variants
 *
 * The document and the work buffer are allocated to exactly the sizes the
 * API promises (len and len + 16 bytes), so a read or write past either is
 * an AddressSanitizer report.  The sink checks, for every callback:
 *
 *   - every FpText handed over lies inside the work buffer (or is empty,
 *     or is the reader's own literal for a region level, fp_level_words),
 *     and is valid UTF-8 (the text goes into PostgreSQL text values);
 *   - form ordinals start at 1 and increase by one; positions lie inside
 *     the document and do not go backwards;
 *   - callbacks other than form come only inside a form; end comes once per
 *     form, after its indicators;
 *   - an indicator's 三级 name and value are non-empty; its weight, when
 *     given, passes fp_is_amount; a date serial it reports is a real date;
 *     an expenditure item is non-empty; an amount cell passes fp_is_amount;
 *   - enum arguments are in range.
 *
 * On failure fp_parse must fill the error: a reason, a position inside the
 * document (or at its end), a line from 1, a form ordinal not beyond the
 * last started form, and a 'found' cell inside the work buffer.
 *
 * A broken property calls abort(), which libFuzzer reports as a crash.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct State
{
	const char *doc;
	size_t		len;
	const char *work;
	size_t		worklen;
	int			form;			/* last ordinal started */
	bool		in_form;
	int			ended;			/* forms ended */
	size_t		last_pos;
	int			indicators;
} State;

static void
fail(const char *what, const char *p, size_t len)
{
	fprintf(stderr, "fuzz_form: %s", what);
	if (p != NULL)
		fprintf(stderr, ": '%.*s'", (int) (len > 200 ? 200 : len), p);
	fprintf(stderr, "\n");
	abort();
}

static bool
valid_utf8(const unsigned char *s, size_t n)
{
	size_t		i = 0;

	while (i < n)
	{
		unsigned char c = s[i];
		size_t		l;
		uint32_t	cp;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if ((c & 0xE0) == 0xC0)
		{
			l = 2;
			cp = c & 0x1F;
		}
		else if ((c & 0xF0) == 0xE0)
		{
			l = 3;
			cp = c & 0x0F;
		}
		else if ((c & 0xF8) == 0xF0)
		{
			l = 4;
			cp = c & 0x07;
		}
		else
			return false;
		if (i + l > n)
			return false;
		for (size_t k = 1; k < l; k++)
		{
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((l == 2 && cp < 0x80) || (l == 3 && cp < 0x800) ||
			(l == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
			(cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += l;
	}
	return true;
}

static void
check_text(State *st, FpText t, const char *what)
{
	if (t.len == 0)
		return;
	if (t.p == NULL)
		fail(what, "(null pointer with a length)", 0);
	for (int k = 0; fp_level_words[k]; k++)
		if (t.p == fp_level_words[k] && t.len == strlen(fp_level_words[k]))
			return;
	if (t.p < st->work || t.p + t.len > st->work + st->worklen)
		fail(what, "(text outside the work buffer)", 0);
	if (memchr(t.p, '\0', t.len) != NULL && !memchr(st->doc, '\0', st->len))
		fail(what, "(NUL byte the document does not hold)", 0);
	if (!valid_utf8((const unsigned char *) t.p, t.len))
		fail(what, t.p, t.len);
}

static void
check_pos(State *st, size_t pos, const char *what)
{
	if (pos > st->len)
		fail(what, "(position past the document)", 0);
	if (pos < st->last_pos)
		fail(what, "(position goes backwards)", 0);
	st->last_pos = pos;
}

static void
in_form(State *st, const char *what)
{
	if (!st->in_form)
		fail(what, "(callback outside a form)", 0);
}

static void
on_form(void *arg, int ordinal, size_t pos)
{
	State	   *st = arg;

	if (ordinal != st->form + 1)
		fail("form: ordinal does not increase by one", NULL, 0);
	if (st->in_form)
		fail("form: previous form not ended", NULL, 0);
	if (pos >= st->len)
		fail("form: start outside the document", NULL, 0);
	check_pos(st, pos, "form");
	st->form = ordinal;
	st->in_form = true;
	st->indicators = 0;
}

static void
on_year(void *arg, int year)
{
	State	   *st = arg;

	in_form(st, "year");
	if (year < 0 || year > 9999)
		fail("year: out of range", NULL, 0);
}

static void
on_field(void *arg, FpField f, FpText t)
{
	State	   *st = arg;

	in_form(st, "field");
	if ((int) f < 0 || f >= FP_NFIELDS)
		fail("field: bad enum", NULL, 0);
	check_text(st, t, "field");
}

static void
on_amount(void *arg, FpAmount a, FpText t, size_t pos)
{
	State	   *st = arg;

	in_form(st, "amount");
	if ((int) a < 0 || a >= FA_NAMOUNTS)
		fail("amount: bad enum", NULL, 0);
	check_text(st, t, "amount");
	if (!fp_is_amount(t))
		fail("amount: not an amount", t.p, t.len);
	check_pos(st, pos, "amount");
}

static void
on_expenditure(void *arg, FpText item, FpText half, FpText annual, size_t pos)
{
	State	   *st = arg;

	in_form(st, "expenditure");
	check_text(st, item, "expenditure item");
	check_text(st, half, "expenditure half");
	check_text(st, annual, "expenditure annual");
	if (item.len == 0)
		fail("expenditure: empty item", NULL, 0);
	if (half.len && !fp_is_amount(half))
		fail("expenditure: half not an amount", half.p, half.len);
	if (annual.len && !fp_is_amount(annual))
		fail("expenditure: annual not an amount", annual.p, annual.len);
	check_pos(st, pos, "expenditure");
}

static void
on_indicator(void *arg, const FpIndicator *row, size_t pos)
{
	State	   *st = arg;

	in_form(st, "indicator");
	for (int i = 0; i < 3; i++)
		check_text(st, row->names[i], "indicator name");
	check_text(st, row->level1_points, "indicator level-1 points");
	check_text(st, row->symbol, "indicator symbol");
	check_text(st, row->half, "indicator half");
	check_text(st, row->annual, "indicator annual");
	check_text(st, row->unit, "indicator unit");
	check_text(st, row->weight, "indicator weight");
	for (int i = 0; i < 3; i++)
		check_text(st, row->remarks[i], "indicator remarks");
	if (row->names[2].len == 0)
		fail("indicator: empty 三级 name", NULL, 0);
	if (row->annual.len == 0)
		fail("indicator: empty annual value", NULL, 0);
	if (row->weight.len && !fp_is_amount(row->weight))
		fail("indicator: weight not an amount", row->weight.p, row->weight.len);
	if (row->date_year != 0 &&
		(row->date_year < 2000 || row->date_year > 2099 || row->date_month < 1 ||
		 row->date_month > 12 || row->date_day < 1 || row->date_day > 31))
		fail("indicator: date serial out of range", NULL, 0);
	check_pos(st, pos, "indicator");
	st->indicators++;
}

static void
on_end(void *arg)
{
	State	   *st = arg;

	in_form(st, "end");
	if (st->indicators == 0)
		fail("end: a form without indicators", NULL, 0);
	st->in_form = false;
	st->ended++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *doc = malloc(size ? size : 1);
	char	   *work = malloc(2 * size + 32);
	State		st;
	FpSink		sink;
	FpError		err;
	bool		ok;

	if (doc == NULL || work == NULL)
		abort();
	memcpy(doc, data, size);
	memset(&st, 0, sizeof(st));
	st.doc = doc;
	st.len = size;
	st.work = work;
	st.worklen = 2 * size + 32;
	sink.arg = &st;
	sink.form = on_form;
	sink.year = on_year;
	sink.field = on_field;
	sink.amount = on_amount;
	sink.expenditure = on_expenditure;
	sink.indicator = on_indicator;
	sink.end = on_end;

	ok = fp_parse(doc, size, work, &sink, &err);
	if (ok)
	{
		if (st.form == 0 || st.in_form || st.ended != st.form)
			fail("success: forms not all ended", NULL, 0);
	}
	else
	{
		if (err.reason == NULL || err.reason[0] == '\0')
			fail("error: no reason", NULL, 0);
		if (err.pos > size)
			fail("error: position past the document", NULL, 0);
		if (err.line < 0 || (err.line == 0 && size > 0 && err.pos < size))
			fail("error: no line", NULL, 0);
		if (err.form < 0 || err.form > st.form)
			fail("error: form ordinal beyond the forms started", NULL, 0);
		check_text(&st, err.found, "error found");
		if (!valid_utf8((const unsigned char *) err.reason, strlen(err.reason)))
			fail("error: reason not UTF-8", NULL, 0);
	}
	free(doc);
	free(work);
	return 0;
}
