/*
 * form_key.c — the names that identify a form: region, 主管部门, 项目名称.
 *
 * Forms arrive typed, pasted from PDF, exported from spreadsheets and
 * copied between systems, so one department's name may reach the database
 * as 人力资源和社会保障局, as ⼈力资源和社会保障局 (U+2F08, a Kangxi radical
 * that looks the same), with a zero-width space or a bidi mark inside, or
 * with full-width brackets.  Stored apart, those would be new departments
 * and triple a year's total.  Two foldings fix that:
 *
 *   canonical_name(t)  NFKC, invisible characters removed, white space
 *                      runs made one space, trimmed: the readable form the
 *                      importer stores for region and department;
 *   name_key(t)        canonical_name without any white space: the key the
 *                      unique index of a form and the importer's look-up
 *                      compare (NULL → '', so a form without a region has
 *                      one key too).
 *
 * Both are pure functions of their argument (IMMUTABLE): NFKC comes from
 * PostgreSQL's own Unicode tables, which change only with a major version,
 * as for normalize(text, NFKC).
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "common/unicode_norm.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "form_key.h"
#include "perf_pg.h"

PG_FUNCTION_INFO_V1(canonical_name);
PG_FUNCTION_INFO_V1(name_key);

/*
 * Characters that render as nothing (Unicode category Cf, the Hangul
 * fillers, the combining grapheme joiner): a name that differs from
 * another only by these is the same name.
 */
static bool
is_invisible(pg_wchar c)
{
	return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F ||
		c == 0x1160 || c == 0x17B4 || c == 0x17B5 || c == 0x180E ||
		(c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
		(c >= 0x2060 && c <= 0x206F) || c == 0x3164 || c == 0xFEFF ||
		c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFFB) ||
		(c >= 0xE0000 && c <= 0xE0FFF);
}

static bool
is_space(pg_wchar c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 ||
		c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
		c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* The UTF-8 text of s folded as described above; 'keep_spaces' for canonical_name. */
char *
pb_fold_name(const char *s, size_t len, bool keep_spaces)
{
	pg_wchar   *in = palloc((len + 1) * sizeof(pg_wchar));
	pg_wchar   *norm;
	char	   *out;
	char	   *o;
	size_t		n = 0;
	bool		pending_space = false;

	for (size_t i = 0; i < len;)
	{
		int			l = pg_utf_mblen((const unsigned char *) s + i);

		if (l <= 0 || i + l > len || !pg_utf8_islegal((const unsigned char *) s + i, l))
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("invalid UTF-8 in name at byte %zu", i),
					 errhint("Names must be UTF-8 text, as the database stores them.")));
		in[n++] = utf8_to_unicode((const unsigned char *) s + i);
		i += l;
	}
	in[n] = 0;
	norm = unicode_normalize(UNICODE_NFKC, in);	/* palloc'd in the server */

	/* NFKC never makes a character longer than 4 UTF-8 bytes */
	n = 0;
	while (norm[n])
		n++;
	o = out = palloc(n * 4 + 1);
	for (pg_wchar *c = norm; *c; c++)
	{
		if (is_invisible(*c))
			continue;
		if (is_space(*c))
		{
			pending_space = keep_spaces && o > out;
			continue;
		}
		if (pending_space)
			*o++ = ' ';
		pending_space = false;
		o = (char *) unicode_to_utf8(*c, (unsigned char *) o);
		o += pg_utf_mblen((const unsigned char *) o);
	}
	*o = '\0';
	pfree(in);
	pfree(norm);
	return out;
}

char *
pb_name_key(const char *s)
{
	return s ? pb_fold_name(s, strlen(s), false) : pstrdup("");
}

static text *
fold_arg(FunctionCallInfo fcinfo, bool keep_spaces)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	pb_check_encoding();
	return cstring_to_text(pb_fold_name(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), keep_spaces));
}

/* canonical_name(text) → text, STRICT */
Datum
canonical_name(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(fold_arg(fcinfo, true));
}

/* name_key(text) → text; NULL gives '' so that every form has a key */
Datum
name_key(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_TEXT_P(cstring_to_text(""));
	PG_RETURN_TEXT_P(fold_arg(fcinfo, false));
}
