/*
 * form_events.h — the forms whose written rows need no deferred trigger
 * event (form_events.c).
 */
#ifndef FORM_EVENTS_H
#define FORM_EVENTS_H

#include "postgres.h"

/*
 * The running import_form call writes these forms whole and stores their
 * fingerprints and findings itself: the rows it inserts for them queue no
 * event of the deferred triggers.  Kept: the call has stored them, rows
 * inserted from now on queue their events again.
 */
extern void pb_forms_promise(const int64 *project_ids, int n);
extern void pb_forms_promises_kept(void);

#endif							/* FORM_EVENTS_H */
