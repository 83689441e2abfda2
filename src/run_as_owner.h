/*
 * run_as_owner.h — the context of the extension's own queries: the rights of
 * the table owner for triggers (as PostgreSQL's foreign-key triggers do,
 * ri_triggers.c), and a search_path no caller can plant a look-alike in.
 */
#ifndef RUN_AS_OWNER_H
#define RUN_AS_OWNER_H

#include "utils/relcache.h"

typedef struct PbSavedUser
{
	Oid			userid;
	int			sec_context;
} PbSavedUser;

extern Oid	pb_extension_owner(void);
extern void pb_become_owner(Oid owner, PbSavedUser *saved);
extern void pb_restore_user(const PbSavedUser *saved);

extern int	pb_enter_safe_path(void);
extern void pb_leave_safe_path(int level);

#endif
