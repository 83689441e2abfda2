/*
 * text_slice.h — tests on a slice of text (a pointer and a length, not
 * NUL-terminated), shared by the readers of the forms (form_parse.c) and of
 * the monitoring and self-evaluation documents (evaluation_parse.c).  Pure
 * C: no PostgreSQL dependency.
 */
#ifndef TEXT_SLICE_H
#define TEXT_SLICE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Does the slice begin with the literal? */
static inline bool
slice_starts(const char *p, size_t len, const char *lit)
{
	size_t		l = strlen(lit);

	return len >= l && memcmp(p, lit, l) == 0;
}

/* Does the literal occur anywhere in the slice? */
static inline bool
slice_contains(const char *p, size_t len, const char *lit)
{
	size_t		l = strlen(lit);

	for (size_t i = 0; i + l <= len; i++)
		if (memcmp(p + i, lit, l) == 0)
			return true;
	return false;
}

#endif
