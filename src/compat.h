/*
 * compat.h — what differs between the PostgreSQL versions we build on.
 *
 * PostgreSQL 16 added soft input errors (errsave/ereturn with an escontext
 * node) so that pg_input_is_valid() can test a value without an exception.
 * On 15 the same call sites simply throw.
 */
#ifndef PB_COMPAT_H
#define PB_COMPAT_H

#include "postgres.h"
#include "utils/elog.h"

#if PG_VERSION_NUM < 160000
#define ereturn(context, dummy_value, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
		return dummy_value; \
	} while (0)
#endif

#endif							/* PB_COMPAT_H */
