/*
 * test_corpus.c — the shared cell corpus (test/corpus/cells.tsv) through the
 * pure C parser, linked without PostgreSQL (make test/unit/test_corpus).
 *
 * For every cell: an accepted one must parse, format (as the server stores
 * it: an unwritable note dropped) to its canonical text, have its kind, and
 * its text must parse back to an equal target; a refused one must fail with
 * its reason (PbError.reason).  test/pgtap/corpus.sql checks the same file
 * through SQL, so the two layers cannot drift apart.  One TAP test a cell;
 * buffers are exactly sized, so run under AddressSanitizer (test/corpus.sh)
 * an overrun is reported.
 *
 *   test/unit/test_corpus [FILE]      default test/corpus/cells.tsv
 */
#define _POSIX_C_SOURCE 200809L	/* getline */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perf_parse.h"
#include "perf_core.h"

typedef struct Field
{
	char	   *p;				/* unescaped bytes, NUL terminated; NULL for \N */
	size_t		len;
} Field;

static int	n_tests;
static int	n_failed;

static void *
xmalloc(size_t size)
{
	void	   *p = malloc(size ? size : 1);

	if (p == NULL)
	{
		fprintf(stderr, "test_corpus: out of memory\n");
		exit(2);
	}
	return p;
}

/* One field of PostgreSQL's COPY text format, unescaped in place. */
static Field
unescape(char *s)
{
	Field		f = {s, 0};
	char	   *o = s;

	if (strcmp(s, "\\N") == 0)
		return (Field) {NULL, 0};
	while (*s)
	{
		if (*s != '\\' || s[1] == '\0')
		{
			*o++ = *s++;
			continue;
		}
		s++;
		switch (*s)
		{
			case 't': *o++ = '\t'; s++; break;
			case 'n': *o++ = '\n'; s++; break;
			case 'r': *o++ = '\r'; s++; break;
			case 'b': *o++ = '\b'; s++; break;
			case 'f': *o++ = '\f'; s++; break;
			case 'v': *o++ = '\v'; s++; break;
			default:
				if (*s >= '0' && *s <= '7')
				{
					int			v = 0;

					for (int k = 0; k < 3 && *s >= '0' && *s <= '7'; k++)
						v = v * 8 + (*s++ - '0');
					*o++ = (char) v;
				}
				else
					*o++ = *s++;	/* \\ and any other escaped character */
		}
	}
	*o = '\0';
	f.len = (size_t) (o - f.p);
	return f;
}

static void
report(bool ok, int cell_no, const Field *cell, const char *what)
{
	n_tests++;
	if (!ok)
		n_failed++;
	printf("%s %d - '%s' (cell %d) %s\n", ok ? "ok" : "not ok", n_tests, cell->p, cell_no, what);
}

/* The canonical text of a parsed cell, as the server stores and prints it. */
static char *
canonical(PbCell *cell, const char *base, size_t *len)
{
	PbView		v;
	size_t		bound;
	char	   *text;

	pb_drop_unwritable_note(cell, base);
	v.cell = *cell;
	v.base = base;
	bound = pb_format_bound(&v);
	text = xmalloc(bound);
	*len = pb_format(&v, true, text);
	if (*len + 1 > bound)
	{
		printf("# pb_format wrote %zu bytes, its bound is %zu\n", *len, bound);
		exit(1);
	}
	text[*len] = '\0';
	return text;
}

static void
check_accepted(int no, const Field *cell, const Field *target, const Field *kind)
{
	char	   *out = xmalloc(cell->len);
	char	   *text = NULL;
	char	   *out2 = NULL;
	PbCell		c,
				c2;
	PbError		err;
	PbView		a,
				b;
	size_t		len = 0;
	bool		ok = pb_parse_cell(cell->p, cell->len, out, &c, &err);

	if (!ok)
		printf("# refused: %s\n", err.reason);
	else
	{
		const char *kname = pb_kind_name((PbKind) c.kind);

		text = canonical(&c, out, &len);
		if (len != target->len || memcmp(text, target->p, len) != 0)
		{
			printf("# reads as '%s', expected '%s'\n", text, target->p);
			ok = false;
		}
		if (kind->p == NULL || strcmp(kname, kind->p) != 0)
		{
			printf("# kind %s, expected %s\n", kname, kind->p ? kind->p : "\\N");
			ok = false;
		}
		out2 = xmalloc(len);
		if (!pb_parse_cell(text, len, out2, &c2, &err))
		{
			printf("# its text '%s' is refused: %s\n", text, err.reason);
			ok = false;
		}
		else
		{
			a.cell = c;
			a.base = out;
			b.cell = c2;
			b.base = out2;
			if (pb_cmp_target(&a, &b) != 0)
			{
				printf("# its text '%s' reads back as a different target\n", text);
				ok = false;
			}
		}
	}
	report(ok, no, cell, target->p ? target->p : "(no target)");
	free(out);
	free(out2);
	free(text);
}

static void
check_refused(int no, const Field *cell, const Field *error)
{
	char	   *out = xmalloc(cell->len);
	PbCell		c;
	PbError		err;
	bool		parsed = pb_parse_cell(cell->p, cell->len, out, &c, &err);
	bool		ok = !parsed && err.reason != NULL && strcmp(err.reason, error->p) == 0;
	char		what[512];

	if (parsed)
		printf("# accepted, expected to be refused\n");
	else if (!ok)
		printf("# refused with '%s'\n", err.reason ? err.reason : "(no reason)");
	snprintf(what, sizeof(what), "is refused: %s", error->p);
	report(ok, no, cell, what);
	free(out);
}

int
main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "test/corpus/cells.tsv";
	FILE	   *f = fopen(path, "r");
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		got;
	int			no = 0;

	if (f == NULL)
	{
		printf("1..0 # SKIP cannot open %s\n", path);
		return 1;
	}
	while ((got = getline(&line, &cap, f)) != -1)
	{
		char	   *col[4];
		Field		fld[4];
		int			n = 0;
		char	   *s = line;

		if (got > 0 && line[got - 1] == '\n')
			line[--got] = '\0';
		if (line[0] == '#')
			continue;
		no++;
		col[n++] = s;
		for (; *s; s++)
			if (*s == '\t')
			{
				*s = '\0';
				if (n < 4)
					col[n] = s + 1;
				n++;
			}
		if (n != 4)
		{
			printf("not ok %d - cell %d of %s has %d columns, not 4\n", ++n_tests, no, path, n);
			n_failed++;
			continue;
		}
		for (int k = 0; k < 4; k++)
			fld[k] = unescape(col[k]);
		if (fld[0].p == NULL)
			fld[0] = (Field) {"", 0};
		if (fld[3].p == NULL && fld[1].p != NULL)
			check_accepted(no, &fld[0], &fld[1], &fld[2]);
		else if (fld[3].p != NULL && fld[1].p == NULL)
			check_refused(no, &fld[0], &fld[3]);
		else
		{
			printf("not ok %d - cell %d: give a target or an error, not %s\n", ++n_tests, no,
				   fld[1].p ? "both" : "neither");
			n_failed++;
		}
	}
	free(line);
	fclose(f);
	printf("1..%d\n", n_tests);
	return n_failed ? 1 : 0;
}
