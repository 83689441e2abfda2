/*
 * form_import.h — what the row checks need to know of an import in progress
 * (the label of the form being stored; see checks.c).
 */
#ifndef FORM_IMPORT_H
#define FORM_IMPORT_H

#include "postgres.h"

/* From now on in this transaction, rows of project_id are named 'label'. */
extern void pb_importing_form(int64 project_id, const char *label);

/* The form is stored: rows are named by their project id again. */
extern void pb_imported_form(void);

/*
 * The 资金分配 rows of project_id add up to its totals as of command
 * checked_at of this transaction (expenditure_sum.c): the deferred sum
 * check skips the rows changed before.
 */
extern void pb_sums_checked(int64 project_id, CommandId checked_at);

#endif							/* FORM_IMPORT_H */
