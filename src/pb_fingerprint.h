/*
 * pb_fingerprint.h — the stored indicator fingerprint of a form
 * (src/indicator_fingerprint.c), recomputed at once by import_form.
 */
#ifndef PB_FINGERPRINT_H
#define PB_FINGERPRINT_H

#include "postgres.h"

extern void pb_refresh_fingerprint(int64 project_id);

#endif
