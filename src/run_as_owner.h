/*
 * run_as_owner.h — the context of the extension's own queries: the rights of
 * the table owner for triggers (as PostgreSQL's foreign-key triggers do,
 * ri_triggers.c), and a search_path no caller can plant a look-alike in.
 */
#ifndef RUN_AS_OWNER_H
#define RUN_AS_OWNER_H

#include "executor/spi.h"
#include "utils/relcache.h"

typedef struct PbSavedUser
{
	Oid			userid;
	int			sec_context;
} PbSavedUser;

extern Oid	pb_extension_owner(void);

/*
 * The one way the extension runs its own queries: a pinned search_path, the
 * rights of owner when it is valid (InvalidOid keeps the caller's rights, as
 * the imports do), and an SPI connection.
 */
typedef struct PbExtensionContext
{
	int			guc_level;
	bool		as_owner;
	bool		empty_statistics;	/* pb_form_statistics_say_empty() on entry */
	PbSavedUser saved;
} PbExtensionContext;

extern void pb_enter_extension_context(PbExtensionContext *cx, Oid owner);
extern void pb_leave_extension_context(PbExtensionContext *cx);

/*
 * Do the statistics of the form tables say "empty" while the tables hold
 * rows?  Then every plan made from them believes each scan returns one row.
 */
extern bool pb_form_statistics_say_empty(void);

/* Inside an extension context: plan the next queries without nested loops. */
extern void pb_plan_by_hash_joins(void);

/*
 * A statement prepared once a session and kept (SPI_keepplan), with
 * SPI_prepare_cursor's options (0, or CURSOR_OPT_GENERIC_PLAN).
 */
extern SPIPlanPtr pb_prepare_kept(const char *sql, int nargs, Oid *argtypes,
								  int cursor_options);

#endif
