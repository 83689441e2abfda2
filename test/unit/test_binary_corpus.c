/*
 * test_binary_corpus.c — the frozen stored values (test/corpus/binary-1.0.tsv,
 * layout 0) through the pure C decoder, linked without PostgreSQL
 * (make test/unit/test_binary_corpus; run by `make unittest`).
 *
 * The frozen file holds what 0.1 to 1.0 store on disk; a database upgraded
 * in place keeps those bytes, so every later build must read them as they
 * were.  For every row: the bytes are layout 0, decode (and pass the receive
 * validation), format to the frozen canonical text, name their comparator
 * through pb_stored_symbol, re-read from that text as an equal value, and
 * what send writes reads back as an equal value.  While pb_encode writes
 * layout 0 the bytes must also re-encode to themselves and send must be the
 * frozen send bytes exactly; once a later layout exists, re-encoding gives
 * that layout, which must decode to an equal value with the same text.
 * One TAP test a row, and a few of the version byte itself.  Buffers are
 * exactly sized, so under AddressSanitizer an overrun is reported.
 *
 *   test/unit/test_binary_corpus [FILE [LAYOUT]]
 *                          default test/corpus/binary-1.0.tsv, layout 0
 */
#define _POSIX_C_SOURCE 200809L	/* getline */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perf_parse.h"
#include "perf_core.h"

static int	frozen_layout = 0;	/* the layout the file holds (argument 2) */
#define SEND_FORMAT 1			/* the send format's version byte */

static int	n_tests;
static int	n_failed;

static void *
xmalloc(size_t size)
{
	void	   *p = malloc(size ? size : 1);

	if (p == NULL)
	{
		fprintf(stderr, "test_binary_corpus: out of memory\n");
		exit(2);
	}
	return p;
}

static void
report(bool ok, const char *what)
{
	n_tests++;
	if (!ok)
		n_failed++;
	printf("%s %d - %s\n", ok ? "ok" : "not ok", n_tests, what);
}

/* Hex to exactly-sized bytes; false when it is not hex. */
static bool
unhex(const char *hex, unsigned char **out, size_t *len)
{
	size_t		n = strlen(hex);

	if (n % 2)
		return false;
	*len = n / 2;
	*out = xmalloc(*len);
	for (size_t i = 0; i < *len; i++)
	{
		unsigned	v;

		if (sscanf(hex + 2 * i, "%2x", &v) != 1)
			return false;
		(*out)[i] = (unsigned char) v;
	}
	return true;
}

/* The canonical text of a view, NUL terminated, in an exactly-sized buffer. */
static char *
format(const PbView *v, bool is_target, size_t *len)
{
	size_t		bound = pb_format_bound(v);
	char	   *text = xmalloc(bound);

	*len = pb_format(v, is_target, text);
	text[*len] = '\0';
	return text;
}

/* Are two views the same value (a target's comparator and sense included)? */
static bool
same(const PbView *a, const PbView *b, bool is_target)
{
	return (is_target ? pb_cmp_target(a, b) : pb_cmp_value(a, b)) == 0;
}

static void
check_row(int row, const char *cell, const char *type, const char *disk_hex,
		  const char *send_hex, const char *want)
{
	bool		is_target = strcmp(type, "perf_target") == 0;
	unsigned char *disk = NULL;
	unsigned char *send = NULL;
	unsigned char *again = NULL;
	char	   *text = NULL;
	char	   *text2 = NULL;
	char	   *out = NULL;
	size_t		dlen = 0,
				slen = 0,
				tlen = 0,
				t2len = 0,
				alen;
	PbView		v,
				sv,
				av;
	PbCell		c;
	PbError		err;
	const char *why = NULL;
	bool		ok = true;
	char		what[600];

	snprintf(what, sizeof(what), "row %d: %s '%.60s' reads as '%.200s'", row, type, cell, want);
	if (!is_target && strcmp(type, "perf_value") != 0)
	{
		printf("# unknown type %s\n", type);
		report(false, what);
		return;
	}
	if (!unhex(disk_hex, &disk, &dlen) || !unhex(send_hex, &send, &slen))
	{
		printf("# the bytes are not hex\n");
		report(false, what);
		free(disk);
		free(send);
		return;
	}
	if (pb_layout_version(disk, dlen) != frozen_layout)
	{
		printf("# layout version %d, the file holds %d\n", pb_layout_version(disk, dlen), frozen_layout);
		ok = false;
	}
	if (!pb_decode(disk, dlen, &v, false, &why))
	{
		printf("# the stored bytes do not decode: %s\n", why);
		report(false, what);
		free(disk);
		free(send);
		return;
	}
	if (!pb_decode(disk, dlen, &v, true, &why))
	{
		printf("# the stored bytes fail the receive validation: %s\n", why);
		ok = false;
	}

	/* the canonical text */
	text = format(&v, is_target, &tlen);
	if (strcmp(text, want) != 0)
	{
		printf("# formats as '%s'\n", text);
		ok = false;
	}
	if (pb_stored_symbol(disk, dlen) != v.cell.symbol)
	{
		printf("# pb_stored_symbol gives %d, the value's comparator is %d\n",
			   (int) pb_stored_symbol(disk, dlen), (int) v.cell.symbol);
		ok = false;
	}

	/* the text reads back as an equal value */
	out = xmalloc(tlen);
	if (!pb_parse_cell(text, tlen, out, &c, &err))
	{
		printf("# its text is refused: %s\n", err.reason);
		ok = false;
	}
	else
	{
		PbView		r;

		pb_drop_unwritable_note(&c, out);
		r.cell = c;
		r.base = out;
		if (!same(&v, &r, is_target))
		{
			printf("# its text reads back as a different value\n");
			ok = false;
		}
	}

	/* re-encoding: the same bytes while layout 0 is written, else an equal value */
	alen = pb_encoded_size(&v.cell);
	again = xmalloc(alen);
	if (pb_encode(&v.cell, v.base, again) != alen)
	{
		printf("# pb_encode wrote other than pb_encoded_size\n");
		ok = false;
	}
	else if (PB_LAYOUT_VERSION == frozen_layout)
	{
		if (alen != dlen || memcmp(again, disk, dlen) != 0)
		{
			printf("# re-encodes to other bytes (%zu, frozen %zu)\n", alen, dlen);
			ok = false;
		}
	}
	else if (!pb_decode(again, alen, &av, true, &why))
	{
		printf("# re-encoded in layout %d it does not decode: %s\n", PB_LAYOUT_VERSION, why);
		ok = false;
	}
	else
	{
		text2 = format(&av, is_target, &t2len);
		if (!same(&v, &av, is_target) || strcmp(text2, text) != 0)
		{
			printf("# re-encoded in layout %d it is another value ('%s')\n", PB_LAYOUT_VERSION, text2);
			ok = false;
		}
		free(text2);
		text2 = NULL;
	}

	/* the send bytes: format version byte, then a layout that decodes equal */
	if (slen < 1 || send[0] != SEND_FORMAT)
	{
		printf("# the send bytes do not start with format version %d\n", SEND_FORMAT);
		ok = false;
	}
	else if (!pb_decode(send + 1, slen - 1, &sv, true, &why))
	{
		printf("# the send bytes do not decode: %s\n", why);
		ok = false;
	}
	else
	{
		text2 = format(&sv, is_target, &t2len);
		if (!same(&v, &sv, is_target) || strcmp(text2, want) != 0)
		{
			printf("# the send bytes are another value ('%s')\n", text2);
			ok = false;
		}
		if (PB_LAYOUT_VERSION == frozen_layout &&
			(slen - 1 != alen || memcmp(send + 1, again, alen) != 0))
		{
			printf("# send now writes other bytes than the frozen ones\n");
			ok = false;
		}
	}
	report(ok, what);
	free(disk);
	free(send);
	free(again);
	free(text);
	free(text2);
	free(out);
}

/* A first byte naming a later layout is refused, never read as layout 0. */
static void
check_versions(void)
{
	/* ≥95% in layout 0, then the same bytes claiming each later version */
	static const unsigned char pct[] = {
		0x01, 0x02, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
		0x5f, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x00, 0x00
	};
	unsigned char b[sizeof(pct)];
	PbView		v;
	const char *why;
	bool		ok = true;

	report(pb_decode(pct, sizeof(pct), &v, true, &why) && pb_layout_version(pct, sizeof(pct)) == 0 &&
		   v.cell.kind == PB_KIND_PERCENT,
		   "layout 0: the first byte is the kind, version 0");
	for (int ver = PB_LAYOUT_VERSION + 1; ver < 16; ver++)
	{
		memcpy(b, pct, sizeof(b));
		b[0] = (unsigned char) (ver << PB_LAYOUT_SHIFT | (b[0] & PB_LAYOUT_KIND_MASK));
		why = NULL;
		if (pb_layout_version(b, sizeof(b)) != ver || pb_decode(b, sizeof(b), &v, false, &why) ||
			why == NULL || pb_decode(b, sizeof(b), &v, true, &why) ||
			pb_stored_symbol(b, sizeof(b)) != PB_SYM_NONE)
		{
			printf("# layout version %d was not refused\n", ver);
			ok = false;
		}
	}
	report(ok, "every layout version past PB_LAYOUT_VERSION is refused, trusted or checked");
	why = NULL;
	report(pb_layout_version(pct, 0) == -1 && !pb_decode(pct, 0, &v, false, &why) && why != NULL,
		   "no bytes: no layout version, refused");
}

int
main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "test/corpus/binary-1.0.tsv";
	FILE	   *f = fopen(path, "r");
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		got;
	int			row = 0;
	int			targets = 0,
				values = 0;
	char		what[200];

	if (argc > 2)
		frozen_layout = atoi(argv[2]);
	if (f == NULL)
	{
		printf("not ok 1 - cannot open %s\n1..1\n", path);
		return 1;
	}
	check_versions();
	while ((got = getline(&line, &cap, f)) != -1)
	{
		char	   *col[5];
		int			n = 0;

		if (got > 0 && line[got - 1] == '\n')
			line[--got] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		row++;
		col[n++] = line;
		for (char *s = line; *s; s++)
			if (*s == '\t')
			{
				*s = '\0';
				if (n < 5)
					col[n] = s + 1;
				n++;
			}
		if (n != 5)
		{
			printf("not ok %d - row %d of %s has %d columns, not 5\n", ++n_tests, row, path, n);
			n_failed++;
			continue;
		}
		/* the text column is COPY-escaped only for \ and control characters */
		if (strchr(col[4], '\\'))
		{
			printf("# row %d: an escaped canonical text; compare it in SQL\n", row);
			continue;
		}
		check_row(row, col[0], col[1], col[2], col[3], col[4]);
		if (strcmp(col[1], "perf_target") == 0)
			targets++;
		else
			values++;
	}
	free(line);
	fclose(f);
	snprintf(what, sizeof(what), "%s holds at least 300 values (%d perf_target, %d perf_value)",
			 path, targets, values);
	report(targets + values >= 300 && targets > 0 && values > 0, what);
	printf("1..%d\n", n_tests);
	return n_failed ? 1 : 0;
}
