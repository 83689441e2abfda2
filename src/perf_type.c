/*
 * perf_type.c — text and binary I/O of perf_value and perf_target.
 *
 * Both types share one stored layout (perf_encode.c).  A perf_value is a cell
 * without a comparator; a perf_target keeps the comparator.  Input errors are
 * reported softly (ereturn) so that pg_input_is_valid() works on 16+.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "compat.h"
#include "perf_pg.h"

#define PB_BINARY_VERSION 1

PG_FUNCTION_INFO_V1(perf_value_in);
PG_FUNCTION_INFO_V1(perf_value_out);
PG_FUNCTION_INFO_V1(perf_value_recv);
PG_FUNCTION_INFO_V1(perf_value_send);
PG_FUNCTION_INFO_V1(perf_target_in);
PG_FUNCTION_INFO_V1(perf_target_out);
PG_FUNCTION_INFO_V1(perf_target_recv);
PG_FUNCTION_INFO_V1(perf_target_send);

/* ---------------------------------------------------------------- bridge */

void
pb_check_encoding(void)
{
	static bool checked = false;	/* a backend's database never changes */
	int			enc;

	if (likely(checked))
		return;
	enc = GetDatabaseEncoding();
	if (enc != PG_UTF8 && enc != PG_SQL_ASCII)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("pg_perfbudget needs a UTF8 database"),
				 errdetail("The database encoding is %s.", GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8'.")));
	checked = true;
}

/*
 * A stored value that this build cannot read: written by a later release
 * (its layout version is past PB_LAYOUT_VERSION), or damaged.  Never read
 * on as if it were the current layout.
 */
static void
bad_stored(const unsigned char *b, size_t n, const char *why)
{
	int			version = pb_layout_version(b, n);

	if (version > PB_LAYOUT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("stored perf_value or perf_target has layout version %d, which this build of pg_perfbudget cannot read",
						version),
				 errdetail("This build reads stored layouts 0 to %d; the value's first byte is 0x%02x.",
						   PB_LAYOUT_VERSION, b[0]),
				 errhint("The value was written by a later release of pg_perfbudget: install that release's shared library, or restore a text dump of the data into this one.")));
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("stored perf_value or perf_target is damaged"),
			 errdetail("%s (layout version %d, %zu bytes).", pb_tr(why), version, n),
			 errhint("Restore the row from a backup or a dump; the bytes on disk are not a value pg_perfbudget wrote.")));
}

void
pb_view_from_datum(Datum d, PbView *v)
{
	struct varlena *p = PG_DETOAST_DATUM_PACKED(d);
	const unsigned char *b = (const unsigned char *) VARDATA_ANY(p);
	size_t		n = VARSIZE_ANY_EXHDR(p);
	const char *why = NULL;

	if (unlikely(!pb_decode(b, n, v, false, &why)))
		bad_stored(b, n, why);
}

Datum
pb_datum_from_cell(const PbCell *in, const char *base)
{
	PbCell		dropped;
	const PbCell *cell = in;
	size_t		n;
	struct varlena *r;

	/* only what the canonical text writes back is stored */
	if (in->note.len > 0)
	{
		dropped = *in;
		pb_drop_unwritable_note(&dropped, base);
		cell = &dropped;
	}
	n = pb_encoded_size(cell);
	r = (struct varlena *) palloc(VARHDRSZ + n);
	SET_VARSIZE(r, VARHDRSZ + n);
	pb_encode(cell, base, (unsigned char *) VARDATA(r));
	return PointerGetDatum(r);
}

Datum
pb_numeric_from_text(const char *s)
{
	return DirectFunctionCall3(numeric_in, CStringGetDatum(s),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

int
pb_char_position(const char *s, size_t byte_off)
{
	size_t		len = strlen(s);

	/* never count into the middle of a character or past the end */
	if (byte_off > len)
		byte_off = len;
	while (byte_off > 0 && ((unsigned char) s[byte_off] & 0xC0) == 0x80)
		byte_off--;
	return pg_mbstrlen_with_len(s, (int) byte_off) + 1;
}

/*
 * The input as quoted in a message: whole when short, else its first
 * PB_QUOTE_CHARS characters and '…' (a 10 MB cell quoted whole would flood
 * the log and the client).  pb_quote_note says the length in the detail.
 */
#define PB_QUOTE_CHARS 60

const char *
pb_quote(const char *s)
{
	size_t		len = strlen(s);
	int			cut;

	if (len <= PB_QUOTE_CHARS * 3)
		return s;
	cut = pg_mbcharcliplen(s, (int) len, PB_QUOTE_CHARS);
	if ((size_t) cut >= len)
		return s;
	return psprintf("%.*s…", cut, s);
}

const char *
pb_quote_note(const char *s)
{
	size_t		len = strlen(s);

	if (pb_quote(s) == s)
		return "";
	return psprintf(pb_tr(" The value, quoted in part, is %zu bytes long."), len);
}

bool
pb_parse_or_report(const char *typname, const char *input, size_t len,
				   char *out, PbCell *cell, Node *escontext)
{
	PbError		err;
	const char *hint;

	pb_check_encoding();
	if (pb_parse_cell(input, len, out, cell, &err))
		return true;
	hint = strcmp(typname, "perf_value") == 0 ? PB_HINT_VALUE_EXAMPLES : PB_HINT_EXAMPLES;
	if (err.expected)
		ereturn(escontext, false,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", typname, pb_quote(input)),
				 errdetail("At character %d: %s; expected %s.%s",
						   pb_char_position(input, err.pos), pb_tr(err.reason), pb_tr(err.expected),
						   pb_quote_note(input)),
				 errhint("%s", pb_tr(hint))));
	ereturn(escontext, false,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, pb_quote(input)),
			 errdetail("At character %d: %s.%s",
					   pb_char_position(input, err.pos), pb_tr(err.reason), pb_quote_note(input)),
			 errhint("%s", pb_tr(hint))));
}

/* ---------------------------------------------------------------- text I/O */

static Datum
cell_text_in(FunctionCallInfo fcinfo, bool is_target)
{
	char	   *input = PG_GETARG_CSTRING(0);
	size_t		len = strlen(input);
	char		local[256];
	char	   *out = len < sizeof(local) ? local : palloc(len + 1);	/* most cells are short */
	PbCell		cell;
	const char *typname = is_target ? "perf_target" : "perf_value";

	if (!pb_parse_or_report(typname, input, len, out, &cell, fcinfo->context))
		return (Datum) 0;		/* soft error recorded in the context */
	if (!is_target)
	{
		if (!pb_is_plain_value(&cell))
			ereturn(fcinfo->context, (Datum) 0,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type perf_value: \"%s\"", pb_quote(input)),
					 errdetail("A perf_value is a value alone, but this one carries the comparator \"%s\".%s",
							   pb_symbol_name((PbSymbol) cell.symbol), pb_quote_note(input)),
					 errhint("Use perf_target for a target such as \"≥95%%\"; an actual value is written \"96%%\".")));
		pb_cell_to_value(&cell, out);
	}
	PG_RETURN_DATUM(pb_datum_from_cell(&cell, out));
}

static Datum
cell_text_out(FunctionCallInfo fcinfo, bool is_target)
{
	PbView		v;
	char	   *buf;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	buf = palloc(pb_format_bound(&v));
	pb_format(&v, is_target, buf);
	PG_RETURN_CSTRING(buf);
}

Datum
perf_value_in(PG_FUNCTION_ARGS)
{
	return cell_text_in(fcinfo, false);
}

Datum
perf_target_in(PG_FUNCTION_ARGS)
{
	return cell_text_in(fcinfo, true);
}

Datum
perf_value_out(PG_FUNCTION_ARGS)
{
	return cell_text_out(fcinfo, false);
}

Datum
perf_target_out(PG_FUNCTION_ARGS)
{
	return cell_text_out(fcinfo, true);
}

/* ---------------------------------------------------------------- binary I/O */

/*
 * The format version byte, then the value in the current layout: a value
 * stored in an earlier layout is re-encoded, and so are values stored by 0.1,
 * whose flags may still carry the parse-only bits that pb_encode leaves out
 * (the value read back from its text has not them).
 */
static Datum
cell_send(FunctionCallInfo fcinfo)
{
	PbView		v;
	StringInfoData buf;
	size_t		n;

	pb_view_from_datum(PG_GETARG_DATUM(0), &v);
	n = pb_encoded_size(&v.cell);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PB_BINARY_VERSION);
	enlargeStringInfo(&buf, (int) n);
	buf.len += (int) pb_encode(&v.cell, v.base, (unsigned char *) buf.data + buf.len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
bad_binary(const char *typname, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid external binary value of type %s", typname),
			 errdetail("%s.", pb_tr(why)),
			 errhint("Binary values come from %s_send of the same format version (%d).",
					 typname, PB_BINARY_VERSION)));
}

/*
 * Binary input: validate every field, then require that the value reads
 * back from its own text, and store that canonical reading.
 */
static Datum
cell_recv(FunctionCallInfo fcinfo, bool is_target)
{
	StringInfo	msg = (StringInfo) PG_GETARG_POINTER(0);
	const char *typname = is_target ? "perf_target" : "perf_value";
	int			version;
	int			n;
	const char *bytes;
	PbView		v;
	const char *why = NULL;
	char	   *text;
	char	   *out;
	PbError		err;
	PbView		again;

	if (msg->len - msg->cursor < 1)
		bad_binary(typname, PB_N_("the value is empty"));
	version = pq_getmsgbyte(msg);
	if (version != PB_BINARY_VERSION)
		bad_binary(typname, psprintf(pb_tr("format version %d is not supported"), version));
	n = msg->len - msg->cursor;
	bytes = pq_getmsgbytes(msg, n);
	if (pb_layout_version((const unsigned char *) bytes, (size_t) n) > PB_LAYOUT_VERSION)
		bad_binary(typname, psprintf(pb_tr("stored layout version %d is later than this build reads (0 to %d)"),
									 pb_layout_version((const unsigned char *) bytes, (size_t) n),
									 PB_LAYOUT_VERSION));
	if (!pb_decode((const unsigned char *) bytes, (size_t) n, &v, true, &why))
		bad_binary(typname, why);
	if (!is_target && !pb_is_plain_value(&v.cell))
		bad_binary(typname, PB_N_("a perf_value carries no comparator"));

	text = palloc(pb_format_bound(&v));
	out = palloc(pb_format_bound(&v));
	switch (pb_read_back(&v, is_target, text, out, &again, &err))
	{
		case PB_READS_BACK:
			break;
		case PB_READ_BACK_FAILS:
			bad_binary(typname, psprintf(pb_tr("the value \"%s\" does not read back: %s"),
										 text, pb_tr(err.reason)));
			break;
		case PB_READS_BACK_OTHER:
			bad_binary(typname, psprintf(pb_tr("the value \"%s\" is not in canonical form"), text));
			break;
	}
	PG_RETURN_DATUM(pb_datum_from_cell(&again.cell, out));
}

Datum
perf_value_send(PG_FUNCTION_ARGS)
{
	return cell_send(fcinfo);
}

Datum
perf_target_send(PG_FUNCTION_ARGS)
{
	return cell_send(fcinfo);
}

Datum
perf_value_recv(PG_FUNCTION_ARGS)
{
	return cell_recv(fcinfo, false);
}

Datum
perf_target_recv(PG_FUNCTION_ARGS)
{
	return cell_recv(fcinfo, true);
}
