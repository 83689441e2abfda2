/*
 * run_as_owner.h — run a trigger's own queries with the rights of the table
 * owner, as PostgreSQL's foreign-key triggers do (ri_triggers.c).
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

#endif
