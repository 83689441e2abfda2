/*
 * pb_fingerprint.h — the stored indicator fingerprint of a form
 * (src/indicator_fingerprint.c), recomputed at once by import_form (for all
 * the forms of a call together).
 */
#ifndef PB_FINGERPRINT_H
#define PB_FINGERPRINT_H

#include "postgres.h"

extern void pb_refresh_fingerprint(int64 project_id);

/* The same for many forms at once, in three statements whatever their number. */
extern void pb_refresh_fingerprints(const int64 *project_ids, int n);

#endif
