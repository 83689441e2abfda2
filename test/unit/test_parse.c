/*
 * test_parse.c — standalone unit test of the pure C indicator parser
 * (perf_parse.h, perf_core.h), linked without PostgreSQL by 'make unittest'.
 *
 * Each case is one TAP test: "ok N - desc" / "not ok N - desc", with a
 * "# ..." line for every failed check, and the plan "1..N" at the end.
 * The expected facts are what the cell means on a budget form (see
 * DOMAIN.md §4 and DESIGN.md §3), not whatever the code returns today.
 * Exit status 1 when any case fails.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perf_parse.h"
#include "perf_core.h"
#include "cell_corpus.h"

/* ---- a tiny test harness ---- */

static int	n_tests;
static int	n_failed;
static int	case_failed;
static const char *case_desc;

#define MAX_ALLOCS 256
static void *allocs[MAX_ALLOCS];
static int	n_allocs;

static void *
test_alloc(size_t size)
{
	void	   *p = malloc(size ? size : 1);

	if (p == NULL || n_allocs == MAX_ALLOCS)
	{
		fprintf(stderr, "test_parse: out of memory\n");
		exit(2);
	}
	allocs[n_allocs++] = p;
	return p;
}

static void
begin_case(const char *desc)
{
	case_desc = desc;
	case_failed = 0;
}

static void
end_case(void)
{
	n_tests++;
	if (case_failed)
		n_failed++;
	printf("%s %d - %s\n", case_failed ? "not ok" : "ok", n_tests, case_desc);
	fflush(stdout);
	while (n_allocs > 0)
		free(allocs[--n_allocs]);
}

static void
diag(int line, const char *fmt, ...)
{
	va_list		ap;

	printf("#   line %d: ", line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* Every CHECK records a failure of the current case and goes on. */
#define CHECK(cond) \
	do { if (!(cond)) { case_failed = 1; diag(__LINE__, "failed: %s", #cond); } } while (0)
#define CHECK_INT(got, want) \
	do { long long g_ = (long long) (got), w_ = (long long) (want); \
		if (g_ != w_) { case_failed = 1; \
			diag(__LINE__, "%s is %lld, expected %lld", #got, g_, w_); } } while (0)
#define CHECK_STR(got, want) \
	do { const char *g_ = (got), *w_ = (want); \
		if (g_ == NULL || strcmp(g_, w_) != 0) { case_failed = 1; \
			diag(__LINE__, "%s is '%s', expected '%s'", #got, g_ ? g_ : "(null)", w_); } } while (0)

/* ---- helpers over the parser API ---- */

typedef struct Parsed
{
	bool		ok;
	const char *in;
	size_t		len;
	char	   *out;			/* exactly len bytes, like the fuzzer */
	PbCell		cell;
	PbError		err;
	PbView		view;
	char		text[512];		/* a slice copied out, NUL terminated */
} Parsed;

static Parsed *
parse_n(const char *in, size_t len)
{
	Parsed	   *p = test_alloc(sizeof(Parsed));

	memset(p, 0, sizeof(*p));
	p->in = in;
	p->len = len;
	p->out = test_alloc(len);
	p->ok = pb_parse_cell(in, len, p->out, &p->cell, &p->err);
	p->view.cell = p->cell;
	p->view.base = p->out;
	return p;
}

static Parsed *
parse(const char *in)
{
	return parse_n(in, strlen(in));
}

/* A parse that must succeed; reports the parser's reason otherwise. */
static Parsed *
parse_ok(const char *in, int line)
{
	Parsed	   *p = parse(in);

	if (!p->ok)
	{
		case_failed = 1;
		diag(line, "'%s' rejected at byte %zu: %s (expected %s)", in, p->err.pos,
			 p->err.reason ? p->err.reason : "(no reason)",
			 p->err.expected ? p->err.expected : "-");
	}
	return p;
}
#define PARSE_OK(in) parse_ok((in), __LINE__)

/* Copy a slice of the output buffer to p->text (NUL terminated). */
static const char *
slice(Parsed *p, PbText t)
{
	if ((size_t) t.off + t.len > p->len || t.len >= sizeof(p->text))
		return "(slice out of bounds)";
	memcpy(p->text, p->out + t.off, t.len);
	p->text[t.len] = '\0';
	return p->text;
}

/* The target of a form's two cells, as perf_target(symbol, value) builds it. */
static Parsed *
target(const char *sym_text, const char *value, int line)
{
	Parsed	   *p = parse(value);
	PbSymbol	sym = PB_SYM_NONE;
	bool		band = false;

	if (!p->ok)
	{
		case_failed = 1;
		diag(line, "value '%s' rejected at byte %zu: %s", value, p->err.pos,
			 p->err.reason ? p->err.reason : "(no reason)");
		return p;
	}
	if (!pb_parse_symbol(sym_text, strlen(sym_text), &sym, &band, &p->err))
	{
		case_failed = 1;
		p->ok = false;
		diag(line, "symbol '%s' rejected: %s", sym_text,
			 p->err.reason ? p->err.reason : "(no reason)");
		return p;
	}
	if (!pb_apply_symbol(&p->cell, sym, band, &p->err))
	{
		case_failed = 1;
		p->ok = false;
		diag(line, "symbol '%s' with value '%s' rejected: %s", sym_text, value,
			 p->err.reason ? p->err.reason : "(no reason)");
		return p;
	}
	p->view.cell = p->cell;
	return p;
}
#define TARGET(sym, value) target((sym), (value), __LINE__)

/* perf_number / perf_base_number of a scalar, as text. */
static const char *
number_text(const PbScalar *s, bool base, char buf[128])
{
	size_t		n = base ? pb_format_base_number(s, buf) : pb_format_number(s, buf);

	if (n >= 128)
		return "(number too long)";
	buf[n] = '\0';
	return buf;
}

/*
 * The round trips every valid cell must survive: the stored encoding
 * (pb_encode then pb_decode with check), and the canonical text (pb_format
 * re-parses to an equal target, and formats the same again).
 */
static void
check_round_trips(Parsed *p, int line)
{
	PbView	   *v = &p->view;
	size_t		esize,
				written,
				bound,
				flen,
				vlen;
	unsigned char *enc;
	char	   *text,
			   *vtext;
	PbView		dec;
	const char *why = NULL;
	Parsed	   *q;

	if (!p->ok)
		return;
	pb_drop_unwritable_note(&p->cell, p->out);	/* as the server stores it */
	p->view.cell = p->cell;

	/* storage */
	esize = pb_encoded_size(&p->cell);
	enc = test_alloc(esize);
	written = pb_encode(&p->cell, p->out, enc);
	if (written != esize)
	{
		case_failed = 1;
		diag(line, "'%s': pb_encode wrote %zu bytes, pb_encoded_size said %zu",
			 p->in, written, esize);
	}
	else if (!pb_decode(enc, esize, &dec, true, &why))
	{
		case_failed = 1;
		diag(line, "'%s': pb_decode(check) rejected its own encoding: %s",
			 p->in, why ? why : "(no reason)");
	}
	else if (pb_cmp_target(v, &dec) != 0)
	{
		case_failed = 1;
		diag(line, "'%s': decoded target differs from the parsed one", p->in);
	}

	/* canonical text of the target */
	bound = pb_format_bound(v);
	text = test_alloc(bound);
	flen = pb_format(v, true, text);
	if (flen + 1 > bound)
	{
		case_failed = 1;
		diag(line, "'%s': pb_format wrote %zu bytes, bound %zu", p->in, flen, bound);
		return;
	}
	text[flen] = '\0';
	q = parse_n(text, flen);
	if (!q->ok)
	{
		case_failed = 1;
		diag(line, "'%s' formats as '%s', which does not parse: %s", p->in,
			 text, q->err.reason ? q->err.reason : "(no reason)");
	}
	else
	{
		char	   *again = test_alloc(pb_format_bound(&q->view));
		size_t		alen;

		if (pb_cmp_target(v, &q->view) != 0)
		{
			case_failed = 1;
			diag(line, "'%s' formats as '%s', which parses to a different target",
				 p->in, text);
		}
		alen = pb_format(&q->view, true, again);
		if (alen + 1 > pb_format_bound(&q->view))
		{
			case_failed = 1;
			diag(line, "'%s': pb_format of '%s' overran its bound", p->in, text);
		}
		else if (alen != flen || memcmp(again, text, flen) != 0)
		{
			case_failed = 1;
			again[alen] = '\0';
			diag(line, "'%s': canonical text is not stable: '%s' then '%s'",
				 p->in, text, again);
		}
		else
		{
			/* and the same stored bytes: text out and in changes nothing */
			size_t		qsize = pb_encoded_size(&q->cell);
			unsigned char *qenc = test_alloc(qsize);

			pb_encode(&q->cell, q->out, qenc);
			if (qsize != esize || memcmp(qenc, enc, esize) != 0)
			{
				case_failed = 1;
				diag(line, "'%s': '%s' read back is stored in other bytes", p->in, text);
			}
		}
	}

	/* canonical text of the value alone (perf_value output) */
	vtext = test_alloc(bound);
	vlen = pb_format(v, false, vtext);
	if (vlen + 1 > bound)
	{
		case_failed = 1;
		diag(line, "'%s': pb_format(value) wrote %zu bytes, bound %zu", p->in, vlen, bound);
		return;
	}
	vtext[vlen] = '\0';
	q = parse_n(vtext, vlen);
	if (!q->ok)
	{
		case_failed = 1;
		diag(line, "'%s': value text '%s' does not parse: %s", p->in, vtext,
			 q->err.reason ? q->err.reason : "(no reason)");
	}
	else if (pb_cmp_value(v, &q->view) != 0)
	{
		case_failed = 1;
		diag(line, "'%s': value text '%s' parses to a different value", p->in, vtext);
	}
}
#define ROUND_TRIPS(p) check_round_trips((p), __LINE__)

/* Shorthands for the facts of one scalar. */
#define CHECK_SCALAR(s, k, d, sc) \
	do { CHECK_INT((s).kind, (k)); CHECK_INT((s).digits, (d)); CHECK_INT((s).scale, (sc)); } while (0)
#define CHECK_DATE(s, y, m, d) \
	do { CHECK_INT((s).kind, PB_KIND_DATE); CHECK_INT((s).year, (y)); \
		CHECK_INT((s).month, (m)); CHECK_INT((s).day, (d)); } while (0)

/* A cell that must be rejected. */
static void
check_invalid(const char *in, size_t len, PbStatus status, const char *desc)
{
	Parsed	   *p;

	begin_case(desc);
	p = parse_n(in, len);
	CHECK(!p->ok);
	if (!p->ok)
	{
		CHECK_INT(p->err.status, status);
		CHECK(p->err.reason != NULL);
		CHECK(p->err.pos <= len);
	}
	end_case();
}

static bool
same_hash(const PbView *a, const PbView *b)
{
	unsigned char ka[PB_HASH_KEY_SIZE],
				kb[PB_HASH_KEY_SIZE];
	const char *ua,
			   *ub;
	size_t		la,
				lb;

	memset(ka, 0, sizeof(ka));
	memset(kb, 0, sizeof(kb));
	pb_hash_key(a, ka);
	pb_hash_key(b, kb);
	pb_base_unit(a, &ua, &la);
	pb_base_unit(b, &ub, &lb);
	return memcmp(ka, kb, sizeof(ka)) == 0 && la == lb &&
		(la == 0 || memcmp(ua, ub, la) == 0);
}

static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

/* ---- the cases ---- */

/* Seed pairs (计算符号, 指标值) from the 如皋 forms. */
static void
test_seed_cells(void)
{
	Parsed	   *p;

	begin_case("seed: 定性 + 充分 is a qualitative target");
	p = TARGET("定性", "充分");
	if (p->ok)
	{
		CHECK_INT(p->cell.symbol, PB_SYM_QUAL);
		CHECK_INT(p->cell.kind, PB_KIND_QUALITATIVE);
		CHECK_STR(slice(p, p->cell.text), "充分");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("seed: = + 100% is percent 100");
	p = TARGET("=", "100%");
	if (p->ok)
	{
		CHECK_INT(p->cell.symbol, PB_SYM_EQ);
		CHECK_INT(p->cell.kind, PB_KIND_PERCENT);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, 100, 0);
		CHECK_INT(p->cell.unit.len, 0);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("seed: ≥ + 95% is at least 95 percent");
	p = TARGET("≥", "95%");
	if (p->ok)
	{
		CHECK_INT(p->cell.symbol, PB_SYM_GE);
		CHECK_INT(p->cell.kind, PB_KIND_PERCENT);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, 95, 0);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("seed: 定性 + 序时进度 is a qualitative target");
	p = TARGET("定性", "序时进度");
	if (p->ok)
	{
		CHECK_INT(p->cell.symbol, PB_SYM_QUAL);
		CHECK_INT(p->cell.kind, PB_KIND_QUALITATIVE);
		CHECK_STR(slice(p, p->cell.text), "序时进度");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("seed: 定性 + 及时高效 is a qualitative target");
	p = TARGET("定性", "及时高效");
	if (p->ok)
	{
		CHECK_INT(p->cell.symbol, PB_SYM_QUAL);
		CHECK_INT(p->cell.kind, PB_KIND_QUALITATIVE);
		CHECK_STR(slice(p, p->cell.text), "及时高效");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("seed: 定性 + 否 is a qualitative target");
	p = TARGET("定性", "否");
	if (p->ok)
	{
		CHECK_INT(p->cell.symbol, PB_SYM_QUAL);
		CHECK_INT(p->cell.kind, PB_KIND_QUALITATIVE);
		CHECK_STR(slice(p, p->cell.text), "否");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("seed: 定性 + long phrase broken by spaces is qualitative");
	p = TARGET("定性", "解决困难人员 缴纳基本养老 保险费难的问题");
	if (p->ok)
	{
		CHECK_INT(p->cell.symbol, PB_SYM_QUAL);
		CHECK_INT(p->cell.kind, PB_KIND_QUALITATIVE);
		CHECK(p->cell.text.len > 0);
		ROUND_TRIPS(p);
	}
	end_case();

	/*
	 * The half-year and annual cells of that row are the same phrase,
	 * wrapped at different places by the PDF extraction.
	 */
	begin_case("seed: the phrase wrapped differently is the same value");
	{
		Parsed	   *a = TARGET("定性", "解决困难人员 缴纳基本养老 保险费难的问题");
		Parsed	   *b = TARGET("定性", "解决困难人员 缴纳基本 养老保险费 难的问题");

		if (a->ok && b->ok)
		{
			CHECK_INT(pb_cmp_value(&a->view, &b->view), 0);
			CHECK_INT(pb_met(&a->view, &b->view), PB_TRUE);
		}
	}
	end_case();

	begin_case("seed: 定性 + 100% is kept as written (flagged later)");
	p = TARGET("定性", "100%");
	if (p->ok)
	{
		CHECK_INT(p->cell.symbol, PB_SYM_QUAL);
		CHECK_INT(p->cell.kind, PB_KIND_PERCENT);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, 100, 0);
		ROUND_TRIPS(p);
	}
	end_case();
}

/* Value shapes of DOMAIN.md §4. */
static void
test_value_shapes(void)
{
	Parsed	   *p;
	char		buf[128];

	begin_case("100.00% is percent 100 written with scale 2");
	p = PARSE_OK("100.00%");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_PERCENT);
		CHECK_INT(p->cell.symbol, PB_SYM_EQ);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, 10000, 2);
		CHECK_STR(number_text(&p->cell.lo, false, buf), "100.00");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("100.00% equals 100%");
	{
		Parsed	   *a = PARSE_OK("100.00%");
		Parsed	   *b = PARSE_OK("100%");

		if (a->ok && b->ok)
		{
			CHECK_INT(pb_cmp_value(&a->view, &b->view), 0);
			CHECK(same_hash(&a->view, &b->view));
		}
	}
	end_case();

	begin_case("≥100百分比 is percent ≥ 100");
	p = PARSE_OK("≥100百分比");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_PERCENT);
		CHECK_INT(p->cell.symbol, PB_SYM_GE);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, 100, 0);
		CHECK_INT(p->cell.unit.len, 0);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("95%以上 is percent ≥ 95 (以上 includes the boundary)");
	p = PARSE_OK("95%以上");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_PERCENT);
		CHECK_INT(p->cell.symbol, PB_SYM_GE);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, 95, 0);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("≥62%(2022年:61%) is percent ≥ 62 with the note kept");
	p = PARSE_OK("≥62%(2022年:61%)");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_PERCENT);
		CHECK_INT(p->cell.symbol, PB_SYM_GE);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, 62, 0);
		CHECK_STR(slice(p, p->cell.note), "(2022年:61%)");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("1000元 is quantity 1000 in 元");
	p = PARSE_OK("1000元");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_QUANTITY);
		CHECK_INT(p->cell.symbol, PB_SYM_EQ);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 1000, 0);
		CHECK_INT(p->cell.lo.pow10, 0);
		CHECK_STR(slice(p, p->cell.unit), "元");
		CHECK_INT(p->cell.unit_pow10_len, 0);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("29.2万人 is 29.2 in 万人, 292000 people");
	p = PARSE_OK("29.2万人");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_QUANTITY);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 292, 1);
		CHECK_INT(p->cell.lo.pow10, 4);
		CHECK_STR(slice(p, p->cell.unit), "万人");
		CHECK_INT(p->cell.unit_pow10_len, 3);
		CHECK_STR(number_text(&p->cell.lo, false, buf), "29.2");
		CHECK_STR(number_text(&p->cell.lo, true, buf), "292000");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("29.2万人 equals 292000人");
	{
		Parsed	   *a = PARSE_OK("29.2万人");
		Parsed	   *b = PARSE_OK("292000人");

		if (a->ok && b->ok)
		{
			CHECK_INT(pb_cmp_value(&a->view, &b->view), 0);
			CHECK(same_hash(&a->view, &b->view));
		}
	}
	end_case();

	begin_case("1次/月 is quantity 1 in 次/月");
	p = PARSE_OK("1次/月");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_QUANTITY);
		CHECK_INT(p->cell.symbol, PB_SYM_EQ);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 1, 0);
		CHECK_STR(slice(p, p->cell.unit), "次/月");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("≤620万/月 is at most 6,200,000 a month");
	p = PARSE_OK("≤620万/月");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_QUANTITY);
		CHECK_INT(p->cell.symbol, PB_SYM_LE);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 620, 0);
		CHECK_INT(p->cell.lo.pow10, 4);
		CHECK_STR(slice(p, p->cell.unit), "万/月");
		CHECK_INT(p->cell.unit_pow10_len, 3);
		CHECK_STR(number_text(&p->cell.lo, true, buf), "6200000");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case(">=530元/人*月 is at least 530 元 per person-month");
	p = PARSE_OK(">=530元/人*月");
	if (p->ok)
	{
		const char *unit;

		CHECK_INT(p->cell.kind, PB_KIND_QUANTITY);
		CHECK_INT(p->cell.symbol, PB_SYM_GE);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 530, 0);
		/* '元/人·月' is the documented spelling; '*' as written is fine too */
		unit = slice(p, p->cell.unit);
		if (strcmp(unit, "元/人*月") != 0 && strcmp(unit, "元/人·月") != 0)
		{
			case_failed = 1;
			diag(__LINE__, "unit is '%s', expected '元/人*月' or '元/人·月'", unit);
		}
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("400元/人、天 is quantity 400 in 元/人、天");
	p = PARSE_OK("400元/人、天");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_QUANTITY);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 400, 0);
		CHECK_STR(slice(p, p->cell.unit), "元/人、天");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("≤7工作日 is at most 7 working days");
	p = PARSE_OK("≤7工作日");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_QUANTITY);
		CHECK_INT(p->cell.symbol, PB_SYM_LE);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 7, 0);
		CHECK_STR(slice(p, p->cell.unit), "工作日");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("不少于12 种 is at least 12 种");
	p = PARSE_OK("不少于12 种");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_QUANTITY);
		CHECK_INT(p->cell.symbol, PB_SYM_GE);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 12, 0);
		CHECK_STR(slice(p, p->cell.unit), "种");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("7,548,150 is the bare quantity 7548150");
	p = PARSE_OK("7,548,150");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_QUANTITY);
		CHECK_INT(p->cell.symbol, PB_SYM_EQ);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 7548150, 0);
		CHECK_INT(p->cell.unit.len, 0);
		CHECK_STR(number_text(&p->cell.lo, false, buf), "7548150");
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("220 is the bare quantity 220 (=)");
	p = PARSE_OK("220");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_QUANTITY);
		CHECK_INT(p->cell.symbol, PB_SYM_EQ);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 220, 0);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("18 digits are accepted exactly");
	p = PARSE_OK("123456789012345678");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_QUANTITY);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 123456789012345678LL, 0);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("2021年12月31日 is that date");
	p = PARSE_OK("2021年12月31日");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_DATE);
		CHECK_DATE(p->cell.lo, 2021, 12, 31);
		CHECK_INT(p->cell.lo.date_style, PB_DATE_YMD);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("2023年底 is the end of 2023");
	p = PARSE_OK("2023年底");
	if (p->ok)
	{
		Parsed	   *before = PARSE_OK("2023年12月30日");
		Parsed	   *after = PARSE_OK("2024年1月1日");

		CHECK_INT(p->cell.kind, PB_KIND_DATE);
		CHECK_INT(p->cell.lo.kind, PB_KIND_DATE);
		CHECK_INT(p->cell.lo.year, 2023);
		CHECK_INT(p->cell.lo.date_style, PB_DATE_YEAR_END);
		if (before->ok && after->ok)
		{
			CHECK(pb_cmp_value(&before->view, &p->view) < 0);
			CHECK(pb_cmp_value(&p->view, &after->view) < 0);
		}
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("12月底前 is a deadline: ≤ the end of December");
	p = PARSE_OK("12月底前");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_DATE);
		CHECK_INT(p->cell.symbol, PB_SYM_LE);
		CHECK_DATE(p->cell.lo, 0, 12, 31);
		CHECK_INT(p->cell.lo.date_style, PB_DATE_MONTH_END);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("12月底之前完成 is a deadline: ≤ the end of December");
	p = PARSE_OK("12月底之前完成");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_DATE);
		CHECK_INT(p->cell.symbol, PB_SYM_LE);
		CHECK_INT(p->cell.lo.month, 12);
		CHECK_INT(p->cell.lo.day, 31);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("每年12月底前 and 当年6月30日前 are the deadlines 12月底前 and 6月30日前");
	{
		static const char *const in[] = {"每年12月底前", "当年6月30日前", "本年度 12月底前完成",
		"≤每年12月31日"};
		static const int month[] = {12, 6, 12, 12};
		static const int day[] = {31, 30, 31, 31};

		for (int i = 0; i < 4; i++)
		{
			p = PARSE_OK(in[i]);
			if (!p->ok)
				continue;
			CHECK_INT(p->cell.kind, PB_KIND_DATE);
			CHECK_INT(p->cell.symbol, PB_SYM_LE);
			CHECK_DATE(p->cell.lo, 0, month[i], day[i]);
			ROUND_TRIPS(p);
		}
	}
	end_case();

	begin_case("a comparator a year word's date contradicts is refused, as without the word: <本年6月前");
	{
		static const char *const in[] = {"<本年6月前", "<6月前", "≥每年1-6月"};

		for (int i = 0; i < 3; i++)
		{
			p = parse(in[i]);
			CHECK(!p->ok);
			CHECK_INT(p->err.status, PB_ERR_CONTRADICTION);
		}
	}
	end_case();

	begin_case("a year word before anything but a date without a year stays in a phrase");
	{
		static const char *const in[] = {"每年2次", "每年2024年12月", "每年", "当年12月底前50%"};

		for (int i = 0; i < 4; i++)
		{
			p = PARSE_OK(in[i]);
			if (p->ok)
				CHECK_INT(p->cell.kind, PB_KIND_QUALITATIVE);
		}
	}
	end_case();

	begin_case("a separator closing the cell is dropped: ≥95%； is ≥95%");
	{
		static const char *const in[] = {"≥95%；", "95% 、", "3天内;", "2024年12月，"};

		for (int i = 0; i < 4; i++)
		{
			p = PARSE_OK(in[i]);
			if (!p->ok)
				continue;
			CHECK_INT(p->cell.note.len, 0);
			ROUND_TRIPS(p);
		}
	}
	end_case();

	begin_case("a separator followed by another value is still refused: ≥95%，≥90%, 95%;;");
	{
		static const char *const in[] = {"≥95%，≥90%", "95%;;", "95%, 90%"};

		for (int i = 0; i < 3; i++)
		{
			p = parse(in[i]);
			CHECK(!p->ok);
		}
	}
	end_case();

	begin_case("90%-100% is the percent range 90..100");
	p = PARSE_OK("90%-100%");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_RANGE);
		CHECK_INT(p->cell.symbol, PB_SYM_RANGE);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, 90, 0);
		CHECK_SCALAR(p->cell.hi, PB_KIND_PERCENT, 100, 0);
		CHECK(!(p->cell.flags & PB_F_BAND));
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("2023.07-2024.01 is the period July 2023 .. January 2024");
	p = PARSE_OK("2023.07-2024.01");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_RANGE);
		CHECK_INT(p->cell.symbol, PB_SYM_RANGE);
		CHECK_INT(p->cell.lo.kind, PB_KIND_DATE);
		CHECK_INT(p->cell.lo.year, 2023);
		CHECK_INT(p->cell.lo.month, 7);
		CHECK_INT(p->cell.hi.kind, PB_KIND_DATE);
		CHECK_INT(p->cell.hi.year, 2024);
		CHECK_INT(p->cell.hi.month, 1);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("2020年1月--2020年11月 is the period January .. November 2020");
	p = PARSE_OK("2020年1月--2020年11月");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_RANGE);
		CHECK_INT(p->cell.symbol, PB_SYM_RANGE);
		CHECK_INT(p->cell.lo.kind, PB_KIND_DATE);
		CHECK_INT(p->cell.lo.year, 2020);
		CHECK_INT(p->cell.lo.month, 1);
		CHECK_INT(p->cell.hi.kind, PB_KIND_DATE);
		CHECK_INT(p->cell.hi.year, 2020);
		CHECK_INT(p->cell.hi.month, 11);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("2021年1月-12月 is the period January .. December 2021");
	p = PARSE_OK("2021年1月-12月");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_RANGE);
		CHECK_INT(p->cell.lo.kind, PB_KIND_DATE);
		CHECK_INT(p->cell.lo.year, 2021);
		CHECK_INT(p->cell.lo.month, 1);
		CHECK_INT(p->cell.hi.kind, PB_KIND_DATE);
		CHECK_INT(p->cell.hi.year, 2021);
		CHECK_INT(p->cell.hi.month, 12);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("±3%以内 is the band -3%..+3%");
	p = PARSE_OK("±3%以内");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_RANGE);
		CHECK_INT(p->cell.symbol, PB_SYM_RANGE);
		CHECK(p->cell.flags & PB_F_BAND);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, -3, 0);
		CHECK_SCALAR(p->cell.hi, PB_KIND_PERCENT, 3, 0);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("±10% is the band -10%..+10%");
	p = PARSE_OK("±10%");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_RANGE);
		CHECK_INT(p->cell.symbol, PB_SYM_RANGE);
		CHECK(p->cell.flags & PB_F_BAND);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, -10, 0);
		CHECK_SCALAR(p->cell.hi, PB_KIND_PERCENT, 10, 0);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("full-width ≧９５％ is percent ≥ 95");
	p = PARSE_OK("≧９５％");
	if (p->ok)
	{
		CHECK_INT(p->cell.kind, PB_KIND_PERCENT);
		CHECK_INT(p->cell.symbol, PB_SYM_GE);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, 95, 0);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("word comparators: 不低于 ≥, 不超过 ≤, 超过 >, 低于 <, 达到 =");
	{
		static const struct
		{
			const char *in;
			PbSymbol	sym;
		}			words[] = {
			{"不低于95%", PB_SYM_GE},
			{"不超过10天", PB_SYM_LE},
			{"超过5个", PB_SYM_GT},
			{"低于3%", PB_SYM_LT},
			{"达到100%", PB_SYM_EQ},
			{"50个以下", PB_SYM_LE},
		};
		size_t		i;

		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		{
			p = PARSE_OK(words[i].in);
			if (p->ok && p->cell.symbol != words[i].sym)
			{
				case_failed = 1;
				diag(__LINE__, "'%s' has symbol %d, expected %d", words[i].in,
					 p->cell.symbol, words[i].sym);
			}
			ROUND_TRIPS(p);
		}
	}
	end_case();
}

static void
test_invalid(void)
{
	check_invalid("≥**人", strlen("≥**人"), PB_ERR_SYNTAX, "reject template placeholder ≥**人");
	check_invalid("二100百分比", strlen("二100百分比"), PB_ERR_SYNTAX, "reject OCR damage 二100百分比");
	check_invalid("%=99百分比", strlen("%=99百分比"), PB_ERR_SYNTAX, "reject OCR damage %=99百分比");
	check_invalid("", 0, PB_ERR_SYNTAX, "reject an empty cell");
	check_invalid("≥", strlen("≥"), PB_ERR_SYNTAX, "reject a comparator with no value");
	check_invalid("1,23", 4, PB_ERR_SYNTAX, "reject a bad thousands group 1,23");
	check_invalid("1234567890123456789", 19, PB_ERR_OVERFLOW, "reject a 19-digit number (overflow)");
	check_invalid("2024年13月", strlen("2024年13月"), PB_ERR_SYNTAX, "reject month 13");
	check_invalid("2023年2月29日", strlen("2023年2月29日"), PB_ERR_SYNTAX, "reject 29 February 2023");
	check_invalid("\xff\xfe", 2, PB_ERR_SYNTAX, "reject invalid UTF-8 bytes");
	check_invalid("95\xe2\x89%", 5, PB_ERR_SYNTAX, "reject a truncated UTF-8 sequence");
	check_invalid("\xc0\xaf", 2, PB_ERR_SYNTAX, "reject an overlong UTF-8 sequence");
	check_invalid("95%\0", 4, PB_ERR_SYNTAX, "reject a NUL byte");

	begin_case("the error position of ≥**人 points at the placeholder");
	{
		Parsed	   *p = parse("≥**人");

		CHECK(!p->ok);
		if (!p->ok)
			CHECK_INT(p->err.pos, 3);
	}
	end_case();

	begin_case("29 February 2024 is a valid date");
	{
		Parsed	   *p = PARSE_OK("2024年2月29日");

		if (p->ok)
			CHECK_DATE(p->cell.lo, 2024, 2, 29);
	}
	end_case();

	begin_case("pb_month_days knows month lengths and leap years");
	CHECK_INT(pb_month_days(2023, 2), 28);
	CHECK_INT(pb_month_days(2024, 2), 29);
	CHECK_INT(pb_month_days(1900, 2), 28);
	CHECK_INT(pb_month_days(2000, 2), 29);
	CHECK_INT(pb_month_days(0, 2), 29);
	CHECK_INT(pb_month_days(2024, 4), 30);
	CHECK_INT(pb_month_days(2024, 12), 31);
	end_case();
}

static void
test_symbols(void)
{
	static const struct
	{
		const char *in;
		PbSymbol	sym;
		bool		band;
	}			cases[] = {
		{"≥", PB_SYM_GE, false},
		{">=", PB_SYM_GE, false},
		{"＞＝", PB_SYM_GE, false},
		{"≧", PB_SYM_GE, false},
		{"≤", PB_SYM_LE, false},
		{"<=", PB_SYM_LE, false},
		{"=", PB_SYM_EQ, false},
		{"＝", PB_SYM_EQ, false},
		{">", PB_SYM_GT, false},
		{"<", PB_SYM_LT, false},
		{"定性", PB_SYM_QUAL, false},
		{"±", PB_SYM_RANGE, true},
		{"不低于", PB_SYM_GE, false},
		{" ≥ ", PB_SYM_GE, false},
		{"", PB_SYM_NONE, false},
		{"/", PB_SYM_NONE, false},
		{"－", PB_SYM_NONE, false},
		{"——", PB_SYM_NONE, false},
		{"无", PB_SYM_NONE, false},
		{"≥=", PB_SYM_GE, false},
		{"≤=", PB_SYM_LE, false},
	};
	size_t		i;
	char		desc[128];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		PbSymbol	sym = PB_SYM_NONE;
		bool		band = !cases[i].band;
		PbError		err;

		snprintf(desc, sizeof(desc), "pb_parse_symbol('%s')", cases[i].in);
		begin_case(desc);
		memset(&err, 0, sizeof(err));
		if (!pb_parse_symbol(cases[i].in, strlen(cases[i].in), &sym, &band, &err))
		{
			case_failed = 1;
			diag(__LINE__, "rejected: %s", err.reason ? err.reason : "(no reason)");
		}
		else
		{
			CHECK_INT(sym, cases[i].sym);
			CHECK_INT(band, cases[i].band);
		}
		end_case();
	}

	begin_case("pb_parse_symbol rejects a value in the symbol cell");
	{
		PbSymbol	sym;
		bool		band;
		PbError		err;

		CHECK(!pb_parse_symbol("95%", 3, &sym, &band, &err));
	}
	end_case();

	begin_case("pb_parse_symbol rejects ≥==, //, 无无 and a dash before a comparator");
	{
		static const char *const bad[] = {"≥==", "//", "无无", "-≥", ">==", "=≥="};
		PbSymbol	sym;
		bool		band;
		PbError		err;

		for (int j = 0; j < 6; j++)
			CHECK(!pb_parse_symbol(bad[j], strlen(bad[j]), &sym, &band, &err));
	}
	end_case();

	begin_case("symbol and kind names");
	CHECK_STR(pb_symbol_name(PB_SYM_EQ), "=");
	CHECK_STR(pb_symbol_name(PB_SYM_GE), "≥");
	CHECK_STR(pb_symbol_name(PB_SYM_LE), "≤");
	CHECK_STR(pb_symbol_name(PB_SYM_GT), ">");
	CHECK_STR(pb_symbol_name(PB_SYM_LT), "<");
	CHECK_STR(pb_symbol_name(PB_SYM_QUAL), "定性");
	CHECK_STR(pb_symbol_name(PB_SYM_RANGE), "区间");
	CHECK_STR(pb_kind_name(PB_KIND_PERCENT), "percent");
	CHECK_STR(pb_kind_name(PB_KIND_QUANTITY), "quantity");
	CHECK_STR(pb_kind_name(PB_KIND_QUALITATIVE), "qualitative");
	CHECK_STR(pb_kind_name(PB_KIND_DATE), "date");
	CHECK_STR(pb_kind_name(PB_KIND_RANGE), "range");
	end_case();
}

static void
test_apply_symbol(void)
{
	Parsed	   *p;

	begin_case("≥ with ≥95% agrees");
	p = TARGET("≥", "≥95%");
	if (p->ok)
	{
		CHECK_INT(p->cell.symbol, PB_SYM_GE);
		CHECK_SCALAR(p->cell.lo, PB_KIND_PERCENT, 95, 0);
	}
	end_case();

	begin_case("≥ with 95%以上 agrees");
	p = TARGET("≥", "95%以上");
	if (p->ok)
		CHECK_INT(p->cell.symbol, PB_SYM_GE);
	end_case();

	begin_case("≥ with ≤95% is a contradiction");
	{
		PbSymbol	sym = PB_SYM_NONE;
		bool		band = false;
		PbError		err;

		p = PARSE_OK("≤95%");
		CHECK(pb_parse_symbol("≥", strlen("≥"), &sym, &band, &err));
		if (p->ok)
		{
			memset(&err, 0, sizeof(err));
			CHECK(!pb_apply_symbol(&p->cell, sym, band, &err));
			CHECK_INT(err.status, PB_ERR_CONTRADICTION);
			CHECK(err.reason != NULL);
		}
	}
	end_case();

	begin_case("a blank symbol cell keeps the default (= for numbers, 定性 for phrases)");
	{
		Parsed	   *n = TARGET("", "95%");
		Parsed	   *q = TARGET("", "充分");

		if (n->ok)
			CHECK_INT(n->cell.symbol, PB_SYM_EQ);
		if (q->ok)
			CHECK_INT(q->cell.symbol, PB_SYM_QUAL);
	}
	end_case();

	begin_case("± with 3% is the band ±3%");
	{
		Parsed	   *a = TARGET("±", "3%");
		Parsed	   *b = PARSE_OK("±3%");

		if (a->ok)
		{
			CHECK_INT(a->cell.kind, PB_KIND_RANGE);
			CHECK_INT(a->cell.symbol, PB_SYM_RANGE);
			CHECK(a->cell.flags & PB_F_BAND);
			CHECK_SCALAR(a->cell.lo, PB_KIND_PERCENT, -3, 0);
			CHECK_SCALAR(a->cell.hi, PB_KIND_PERCENT, 3, 0);
			ROUND_TRIPS(a);
			if (b->ok)
				CHECK_INT(pb_cmp_target(&a->view, &b->view), 0);
		}
	}
	end_case();

	begin_case("≤ with 7工作日 is at most 7 working days");
	p = TARGET("≤", "7工作日");
	if (p->ok)
	{
		CHECK_INT(p->cell.symbol, PB_SYM_LE);
		CHECK_SCALAR(p->cell.lo, PB_KIND_QUANTITY, 7, 0);
		ROUND_TRIPS(p);
	}
	end_case();
}

static void
test_compare(void)
{
	begin_case("1万元 equals 10000元 (and hashes alike)");
	{
		Parsed	   *a = PARSE_OK("1万元");
		Parsed	   *b = PARSE_OK("10000元");
		char		buf[128];

		if (a->ok && b->ok)
		{
			CHECK_INT(pb_cmp_value(&a->view, &b->view), 0);
			CHECK_INT(pb_cmp_target(&a->view, &b->view), 0);
			CHECK(same_hash(&a->view, &b->view));
			CHECK_STR(number_text(&a->cell.lo, false, buf), "1");
			CHECK_STR(number_text(&a->cell.lo, true, buf), "10000");
			CHECK_STR(slice(a, a->cell.unit), "万元");
		}
	}
	end_case();

	begin_case("95% < 100%, and the order is antisymmetric");
	{
		Parsed	   *a = PARSE_OK("95%");
		Parsed	   *b = PARSE_OK("100%");

		if (a->ok && b->ok)
		{
			CHECK(pb_cmp_value(&a->view, &b->view) < 0);
			CHECK(pb_cmp_value(&b->view, &a->view) > 0);
			CHECK(pb_cmp_target(&a->view, &b->view) < 0);
		}
	}
	end_case();

	begin_case("9.5万元 < 10万元 < 200000元 (compared in the base unit)");
	{
		Parsed	   *a = PARSE_OK("9.5万元");
		Parsed	   *b = PARSE_OK("10万元");
		Parsed	   *c = PARSE_OK("200000元");

		if (a->ok && b->ok && c->ok)
		{
			CHECK(pb_cmp_value(&a->view, &b->view) < 0);
			CHECK(pb_cmp_value(&b->view, &c->view) < 0);
			CHECK(pb_cmp_value(&a->view, &c->view) < 0);
			CHECK(pb_cmp_scalar(&a->cell.lo, &b->cell.lo) < 0);
			CHECK(pb_cmp_scalar(&b->cell.lo, &c->cell.lo) < 0);
		}
	}
	end_case();

	begin_case("≥95% and =95% are the same value but different targets");
	{
		Parsed	   *a = PARSE_OK("≥95%");
		Parsed	   *b = PARSE_OK("95%");

		if (a->ok && b->ok)
		{
			CHECK_INT(pb_cmp_value(&a->view, &b->view), 0);
			CHECK(pb_cmp_target(&a->view, &b->view) != 0);
			CHECK_INT(sign(pb_cmp_target(&a->view, &b->view)),
					  -sign(pb_cmp_target(&b->view, &a->view)));
		}
	}
	end_case();

	begin_case("dates order by time: 2021年12月31日 < 2023年底");
	{
		Parsed	   *a = PARSE_OK("2021年12月31日");
		Parsed	   *b = PARSE_OK("2023年底");

		if (a->ok && b->ok)
			CHECK(pb_cmp_value(&a->view, &b->view) < 0);
	}
	end_case();
}

static void
test_met(void)
{
	static const struct
	{
		const char *sym;
		const char *target;
		const char *actual;
		PbTruth		want;
	}			cases[] = {
		{"≥", "95%", "96%", PB_TRUE},
		{"≥", "95%", "90%", PB_FALSE},
		{"≥", "95%", "95%", PB_TRUE},	/* 以上 includes the boundary */
		{">", "95%", "95%", PB_FALSE},
		{"=", "100%", "100.00%", PB_TRUE},
		{"定性", "充分", "充分", PB_TRUE},
		{"=", "1万元", "10000元", PB_TRUE},
		{"≤", "7工作日", "5工作日", PB_TRUE},
		{"≤", "7工作日", "8工作日", PB_FALSE},
		{"≤", "620万/月", "600万/月", PB_TRUE},
		{"", "90%-100%", "95%", PB_TRUE},
		{"", "90%-100%", "85%", PB_FALSE},
		{"≥", "95%", "1000元", PB_UNKNOWN},	/* incompatible units */
		{"≥", "50个", "60人", PB_UNKNOWN},
		/* 定性 with a measurable value: the value's own sense */
		{"定性", "6月底前", "6月30日", PB_TRUE},
		{"定性", "6月底前", "2024年6月30日", PB_UNKNOWN},	/* of which year? */
		{"定性", "6月底前", "7月1日", PB_FALSE},
		{"定性", "2025年10月底前", "2025年11月1日", PB_FALSE},
		{"定性", "3次", "3次", PB_TRUE},
		{"定性", "3次", "2次", PB_FALSE},
		{"定性", "100%", "99%", PB_FALSE},
		{"定性", "≤7工作日", "5工作日", PB_TRUE},
		{"定性", "≤7工作日", "8工作日", PB_FALSE},
		{"定性", "2023.07-2024.01", "2023年10月", PB_TRUE},
		/* grades: the same or better meets; 合格 is 中 or better */
		{"定性", "良", "优", PB_TRUE},
		{"定性", "良好", "中", PB_FALSE},
		{"定性", "合格", "良好", PB_TRUE},
		{"定性", "合格", "合格", PB_TRUE},
		{"定性", "合格", "不合格", PB_FALSE},
		{"定性", "良", "合格", PB_UNKNOWN},
		{"定性", "良好以上", "优秀", PB_TRUE},
		{"定性", "显著提升", "良", PB_UNKNOWN},
	};
	size_t		i;
	char		desc[160];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		Parsed	   *t,
				   *a;

		snprintf(desc, sizeof(desc), "pb_met(%s %s, %s)", cases[i].sym,
				 cases[i].target, cases[i].actual);
		begin_case(desc);
		t = TARGET(cases[i].sym, cases[i].target);
		a = PARSE_OK(cases[i].actual);
		if (t->ok && a->ok)
			CHECK_INT(pb_met(&t->view, &a->view), cases[i].want);
		end_case();
	}
}

static void
test_decode_rejects(void)
{
	begin_case("pb_decode(check) rejects an unknown format version and short input");
	{
		Parsed	   *p = PARSE_OK("≥95%");
		PbView		dec;
		const char *why = NULL;

		if (p->ok)
		{
			size_t		size = pb_encoded_size(&p->cell);
			unsigned char *enc = test_alloc(size);

			pb_encode(&p->cell, p->out, enc);
			enc[0] = 0xff;
			CHECK(!pb_decode(enc, size, &dec, true, &why));
			CHECK(!pb_decode(enc, 0, &dec, true, &why));
		}
	}
	end_case();
}

/* Issue 8: 定性 with measurable values, the other symbol columns, limits. */
static void
test_issue8(void)
{
	static const struct
	{
		const char *value;
		PbKind		kind;
		PbSymbol	sense;		/* effective */
	}			qual[] = {
		{"6月底前", PB_KIND_DATE, PB_SYM_LE},
		{"12月底前", PB_KIND_DATE, PB_SYM_LE},
		{"2025年10月底前", PB_KIND_DATE, PB_SYM_LE},
		{"年底前完成", PB_KIND_DATE, PB_SYM_LE},
		{"2024年12月31日", PB_KIND_DATE, PB_SYM_LE},
		{"2023.07-2024.01", PB_KIND_RANGE, PB_SYM_RANGE},
		{"3次", PB_KIND_QUANTITY, PB_SYM_GE},
		{"100%", PB_KIND_PERCENT, PB_SYM_GE},
		{"≤7工作日", PB_KIND_QUANTITY, PB_SYM_LE},
		{"=10个", PB_KIND_QUANTITY, PB_SYM_EQ},
		{"3天内完成", PB_KIND_QUANTITY, PB_SYM_LE},
		{"±3%", PB_KIND_RANGE, PB_SYM_RANGE},
		{"6月底前(说明)", PB_KIND_DATE, PB_SYM_LE},
		{"充分", PB_KIND_QUALITATIVE, PB_SYM_QUAL},
	};
	char		desc[160];

	for (size_t i = 0; i < sizeof(qual) / sizeof(qual[0]); i++)
	{
		Parsed	   *t;
		char		text[128];

		snprintf(desc, sizeof(desc), "perf_target('定性', '%s') is kept", qual[i].value);
		begin_case(desc);
		t = TARGET("定性", qual[i].value);
		if (t->ok)
		{
			CHECK_INT(t->cell.symbol, PB_SYM_QUAL);
			CHECK_INT(t->cell.kind, qual[i].kind);
			CHECK_INT(pb_cell_effective_sense(&t->cell), qual[i].sense);
			ROUND_TRIPS(t);
		}
		end_case();

		snprintf(desc, sizeof(desc), "'定性 %s' as text is the same target", qual[i].value);
		begin_case(desc);
		snprintf(text, sizeof(text), "定性 %s", qual[i].value);
		{
			Parsed	   *p = PARSE_OK(strcpy(test_alloc(strlen(text) + 1), text));

			t = TARGET("定性", qual[i].value);
			if (p->ok && t->ok)
			{
				CHECK_INT(pb_cmp_target(&p->view, &t->view), 0);
				ROUND_TRIPS(p);
			}
		}
		end_case();
	}

	begin_case("contradictions and phrases under the direction columns");
	{
		static const char *const bad[][2] = {
			{"≥", "≤95%"}, {"正向", "≤95%"}, {"反向", "95%以上"}, {"定量", "充分"},
			{"≥", "定性 95%"}, {"定量", "定性 5次"},
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		{
			Parsed	   *p = PARSE_OK(bad[i][1]);
			PbSymbol	sym;
			bool		band;
			PbError		e;

			CHECK(pb_parse_symbol(bad[i][0], strlen(bad[i][0]), &sym, &band, &e));
			if (p->ok)
				CHECK(!pb_apply_symbol(&p->cell, sym, band, &e));
		}
	}
	end_case();

	begin_case("定量, 正向 and 反向 in the symbol cell");
	{
		Parsed	   *a = TARGET("定量", "95%");
		Parsed	   *b = TARGET("定量", "≥100公里");
		Parsed	   *c = TARGET("正向", "95%");
		Parsed	   *d = TARGET("反向", "7工作日");
		Parsed	   *e = TARGET("正向", ">95%");
		Parsed	   *f = TARGET("反向", "90%-100%");

		CHECK_INT(a->cell.symbol, PB_SYM_EQ);
		CHECK_INT(b->cell.symbol, PB_SYM_GE);
		CHECK_INT(c->cell.symbol, PB_SYM_GE);
		CHECK_INT(d->cell.symbol, PB_SYM_LE);
		CHECK_INT(e->cell.symbol, PB_SYM_GT);
		CHECK_INT(f->cell.symbol, PB_SYM_RANGE);
	}
	end_case();

	begin_case("compatibility forms of comparators fold");
	{
		static const struct
		{
			const char *text;
			PbSymbol	sym;
		}			forms[] = {
			{"﹦", PB_SYM_EQ}, {"﹤", PB_SYM_LT}, {"﹥", PB_SYM_GT}, {"＜", PB_SYM_LT},
			{"＞", PB_SYM_GT}, {"≦", PB_SYM_LE}, {"≧", PB_SYM_GE}, {"‹=", PB_SYM_LE},
			{"›=", PB_SYM_GE}, {"＞＝", PB_SYM_GE}, {"﹤﹦", PB_SYM_LE}, {"⁼", PB_SYM_EQ},
		};

		for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		{
			PbSymbol	sym = PB_SYM_NONE;
			bool		band;
			PbError		e;

			CHECK(pb_parse_symbol(forms[i].text, strlen(forms[i].text), &sym, &band, &e));
			CHECK_INT(sym, forms[i].sym);
		}
		CHECK_INT(PARSE_OK("﹦95﹪")->cell.kind, PB_KIND_PERCENT);
	}
	end_case();

	check_invalid("1e-5", 4, PB_ERR_SYNTAX, "reject scientific notation 1e-5");
	check_invalid("1.2E+11元", strlen("1.2E+11元"), PB_ERR_SYNTAX, "reject scientific notation 1.2E+11元");
	check_invalid("1E-05%", strlen("1E-05%"), PB_ERR_SYNTAX, "reject scientific notation 1E-05%");
	begin_case("1e-5e (a range) and 1e5 (a phrase), stored by 0.1, still read");
	CHECK_INT(PARSE_OK("1e-5e")->cell.kind, PB_KIND_RANGE);
	CHECK_INT(PARSE_OK("1e5")->cell.kind, PB_KIND_QUALITATIVE);
	end_case();

	begin_case("a 59,999-byte date cell round trips, text and bytes");
	{
		size_t		n = 59999;
		char	   *c = test_alloc(n + 1);
		Parsed	   *p;

		memcpy(c, "2024-12-31(", 11);
		memset(c + 11, 'a', 59987);
		c[n - 1] = ')';
		c[n] = '\0';
		p = parse_n(c, n);
		CHECK(p->ok);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("a cell with more than 60000 bytes of text is refused, at position 0");
	{
		size_t		n = 60001;
		char	   *c = test_alloc(n);
		Parsed	   *p;

		memset(c, 'a', n);
		p = parse_n(c, n);
		CHECK(!p->ok);
		CHECK_INT(p->err.pos, 0);
		p = parse_n(c, n - 1);
		CHECK(p->ok);
		ROUND_TRIPS(p);
	}
	end_case();

	begin_case("grades are read from phrases");
	{
		static const char *const g[][2] = {
			{"优秀", "优"}, {"良好", "良"}, {"中", "中"}, {"差", "差"}, {"达标", "合格"},
			{"不合格", "不合格"}, {"良好以上", "良"},
		};
		PbGrade		gr;

		for (size_t i = 0; i < sizeof(g) / sizeof(g[0]); i++)
		{
			Parsed	   *p = PARSE_OK(g[i][0]);

			CHECK(pb_grade(&p->view, &gr));
			if (pb_grade(&p->view, &gr))
				CHECK_STR(gr.name, g[i][1]);
		}
		CHECK(!pb_grade(&PARSE_OK("优良中差")->view, &gr));
		CHECK(!pb_grade(&PARSE_OK("显著提升")->view, &gr));
		CHECK(!pb_grade(&PARSE_OK("95%")->view, &gr));
	}
	end_case();
}

/*
 * The frozen corpus (make-cell-corpus, cell_dump.c): every cell must give
 * what it gave when the corpus was frozen — the same stored bytes, canonical
 * text and 计算符号 reading, or the same error at the same position.  A
 * change meant to be only faster must leave this test passing unchanged.
 */
static void
test_frozen_corpus(const char *path)
{
	static char line[1 << 20];
	FILE	   *f = fopen(path, "r");
	int			lines = 0;
	int			differ = 0;

	begin_case("frozen corpus: every cell reads as when the corpus was frozen");
	CHECK(f != NULL);
	while (f && fgets(line, sizeof(line), f))
	{
		size_t		got = strlen(line);
		char	   *tab = strchr(line, '\t');
		char	   *cell;
		char	   *res;
		size_t		n;

		if (got > 0 && line[got - 1] == '\n')
			line[--got] = '\0';
		lines++;
		if (tab == NULL)
		{
			CHECK(tab != NULL);
			continue;
		}
		*tab = '\0';
		cell = corpus_unescape(line, &n);
		res = cell_result(cell, n);
		if (strcmp(res, tab + 1) != 0 && ++differ <= 10)
		{
			case_failed = 1;
			printf("#   cell   %s\n#   frozen %s\n#   now    %s\n", line, tab + 1, res);
		}
		free(res);
		free(cell);
	}
	if (f)
		fclose(f);
	if (differ > 10)
		printf("#   … %d cells differ in all\n", differ);
	CHECK(lines > 20000);
	CHECK_INT(differ, 0);
	end_case();
}

int
main(int argc, char **argv)
{
	test_seed_cells();
	test_value_shapes();
	test_invalid();
	test_symbols();
	test_apply_symbol();
	test_compare();
	test_met();
	test_decode_rejects();
	test_issue8();
	test_frozen_corpus(argc > 1 ? argv[1] : "test/unit/cell_corpus.tsv");

	printf("1..%d\n", n_tests);
	printf("# %d of %d unit tests failed\n", n_failed, n_tests);
	return n_failed ? 1 : 0;
}
