/*
 * cell_corpus.h — one line of text for everything the pure C core makes of a
 * cell, shared by cell_dump.c (which freezes a corpus) and test_parse.c
 * (which checks the frozen corpus): the stored bytes, the canonical text of
 * the target, the reading as a 计算符号 cell, or the error with its position,
 * reason and expectation.  Header-only: both programs link the core alone.
 */
#ifndef CELL_CORPUS_H
#define CELL_CORPUS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perf_core.h"

/* Bytes of a valid UTF-8 character at p, 0 when not one (as the corpus escapes). */
static size_t
corpus_utf8_len(const unsigned char *p, size_t avail)
{
	unsigned char c = p[0];
	size_t		n;
	uint32_t	cp;

	if (c < 0x80)
		return 1;
	n = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 :
		(c >= 0xF0 && c <= 0xF4) ? 4 : 0;
	if (n == 0 || n > avail)
		return 0;
	cp = c & (0xFF >> (n + 1));
	for (size_t k = 1; k < n; k++)
	{
		if ((p[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		(n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return n;
}

/* Text written into a buffer sized beforehand (at most 4 bytes a byte escaped). */
typedef struct Out
{
	char	   *p;
	size_t		n;
} Out;

static void
out_str(Out *o, const char *s)
{
	size_t		l = strlen(s);

	memcpy(o->p + o->n, s, l + 1);
	o->n += l;
}

static void
out_hex(Out *o, unsigned char c)
{
	o->n += (size_t) sprintf(o->p + o->n, "%02x", c);
}

/* Append s[0..n) escaped (\\ \t \n \r, \xHH for control bytes and non-UTF-8). */
static void
corpus_escape(Out *f, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;

	while (i < n)
	{
		size_t		l = corpus_utf8_len(p + i, n - i);

		if (l == 0)
		{
			out_str(f, "\\x");
			out_hex(f, p[i++]);
		}
		else if (l > 1)
		{
			memcpy(f->p + f->n, p + i, l);
			f->n += l;
			f->p[f->n] = '\0';
			i += l;
		}
		else
		{
			unsigned char c = p[i++];

			char		one[2] = {(char) c, '\0'};

			if (c == '\\')
				out_str(f, "\\\\");
			else if (c == '\t')
				out_str(f, "\\t");
			else if (c == '\n')
				out_str(f, "\\n");
			else if (c == '\r')
				out_str(f, "\\r");
			else if (c < 0x20 || c == 0x7F)
			{
				out_str(f, "\\x");
				out_hex(f, c);
			}
			else
				out_str(f, one);
		}
	}
}

/* The bytes an escaped line stands for (malloc'd), their count in *n. */
static char *
corpus_unescape(const char *s, size_t *n)
{
	size_t		len = strlen(s);
	char	   *out = malloc(len + 1);
	size_t		o = 0;

	for (size_t i = 0; i < len; i++)
	{
		if (s[i] != '\\' || i + 1 == len)
		{
			out[o++] = s[i];
			continue;
		}
		switch (s[++i])
		{
			case 't':
				out[o++] = '\t';
				break;
			case 'n':
				out[o++] = '\n';
				break;
			case 'r':
				out[o++] = '\r';
				break;
			case 'x':
				{
					char		hex[3] = {s[i + 1], s[i + 2], 0};

					out[o++] = (char) strtol(hex, NULL, 16);
					i += 2;
					break;
				}
			default:
				out[o++] = s[i];
		}
	}
	out[o] = '\0';
	*n = o;
	return out;
}

/*
 * What the core makes of the cell, as one line (malloc'd):
 *   ok <hex of the stored bytes, a phrase left out> <phrase, '=in' when it is
 *   the cell as written> <canonical text, '=' when it is the phrase> | sym <the
 *   计算符号 reading>
 *   err <status> <byte position> <reason> <expected> | sym …
 * The stored bytes are those the server stores: pb_drop_unwritable_note, then
 * pb_encode; the canonical text is pb_format of the stored bytes read back.
 */
static char *
cell_result(const char *in, size_t len)
{
	Out			res = {malloc(len * 24 + 4096), 0};
	Out		   *f = &res;
	char	   *out = malloc(len ? len : 1);	/* exactly what the parser may use */
	PbCell		cell;
	PbError		err;
	PbSymbol	sym;
	bool		band;

	if (pb_parse_cell(in, len, out, &cell, &err))
	{
		size_t		size;
		unsigned char *enc;
		PbView		v;
		char	   *text;
		size_t		tlen;
		size_t		keep;

		pb_drop_unwritable_note(&cell, out);
		size = pb_encoded_size(&cell);
		enc = malloc(size + 1);
		if (pb_encode(&cell, out, enc) != size)
			out_str(f, "SIZE MISMATCH ");
		(void) pb_decode(enc, size, &v, false, NULL);
		text = malloc(pb_format_bound(&v));
		tlen = pb_format(&v, true, text);
		keep = cell.kind == PB_KIND_QUALITATIVE ? size - cell.text.len : size;
		out_str(f, "ok\t");
		for (size_t i = 0; i < keep; i++)
			out_hex(f, enc[i]);
		out_str(f, "\t");
		if (size - keep == len && memcmp(enc + keep, in, len) == 0)
			out_str(f, "=in");	/* the phrase is the cell as written */
		else
			corpus_escape(f, (const char *) enc + keep, size - keep);
		out_str(f, "\t");
		if (tlen != size - keep || memcmp(text, enc + keep, tlen) != 0)
			corpus_escape(f, text, tlen);
		else
			out_str(f, "=");
		free(text);
		free(enc);
	}
	else
		f->n += (size_t) sprintf(f->p + f->n, "err\t%d\t%zu\t%s\t%s", (int) err.status,
								 err.pos, err.reason, err.expected ? err.expected : "-");
	if (pb_parse_symbol(in, len, &sym, &band, &err))
		f->n += (size_t) sprintf(f->p + f->n, "\tsym %d%s", (int) sym, band ? " band" : "");
	else
		f->n += (size_t) sprintf(f->p + f->n, "\tsym err %zu %s", err.pos, err.reason);
	free(out);
	return res.p;
}

#endif							/* CELL_CORPUS_H */
