/*
 * form_key.h — folding of the names that identify a form (form_key.c).
 */
#ifndef FORM_KEY_H
#define FORM_KEY_H

#include "postgres.h"

/*
 * NFKC, invisible characters removed; white space runs made one space and
 * trimmed when keep_spaces, removed otherwise.  Palloc'd result.
 */
extern char *pb_fold_name(const char *s, size_t len, bool keep_spaces);

/* The key a name is compared by (folded, no spaces); "" for NULL (no name). */
extern char *pb_name_key(const char *s);

#endif							/* FORM_KEY_H */
