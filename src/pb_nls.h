/*
 * pb_nls.h — the message language of the pure C core.
 *
 * Every message of pg_perfbudget is an English message id; po/zh_CN.po holds
 * its Chinese (nls.mk, PostgreSQL's NLS rules).  The server's errmsg() and
 * friends translate their format through the module's TEXTDOMAIN (below); texts
 * made elsewhere (the readers' reasons, labels put into a message) go
 * through pb_tr().  The core has no PostgreSQL or gettext dependency: the
 * server module points pb_translate at its catalog in _PG_init, and the unit
 * test and the fuzzers, which leave it NULL, see the English as written.
 *
 * PB_N_() only marks a text for extraction (xgettext) where it is written
 * and translated later, where it is used; PB_NF_() the same for a text with
 * %s directives (msgfmt -c checks that a translation keeps them).
 */
#ifndef PB_NLS_H
#define PB_NLS_H

/*
 * In the server's files (after postgres.h): the module's own catalog,
 * pg_perfbudget-MAJORVERSION, as PL/pgSQL redefines TEXTDOMAIN for its own.
 * Every file that reports an error includes this header after postgres.h.
 */
#ifdef PG_TEXTDOMAIN
#undef TEXTDOMAIN
#define TEXTDOMAIN PG_TEXTDOMAIN("pg_perfbudget")
#endif

extern const char *(*pb_translate) (const char *msgid);

#if defined(__GNUC__) || defined(__clang__)
static inline const char *pb_tr(const char *msgid) __attribute__((format_arg(1)));
#endif

/* The message in the session's language (the English when no catalog is set). */
static inline const char *
pb_tr(const char *msgid)
{
	return pb_translate && msgid ? pb_translate(msgid) : msgid;
}

#define PB_N_(msgid) (msgid)
#define PB_NF_(msgid) (msgid)

#endif							/* PB_NLS_H */
