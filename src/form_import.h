/*
 * form_import.h — what the row checks need to know of an import in progress
 * (the label of the form being stored; see checks.c), and what the import's
 * claims (import_claims.c) share with the import itself.
 */
#ifndef FORM_IMPORT_H
#define FORM_IMPORT_H

#include "postgres.h"
#include "lib/stringinfo.h"

#include "form_parse.h"

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

/* The header an import accepts: plausible years, lengths of the names. */
#define PB_MIN_BUDGET_YEAR 1990
#define PB_MAX_BUDGET_YEAR 2199
#define PB_MAX_NAME_CHARS 300
#define PB_MAX_DEPARTMENT_CHARS 200
#define PB_MAX_REGION_CHARS 100

/* The department of a form (region, name), found or made. */
#define PB_DEPARTMENT_ID_SQL "SELECT perfbudget.department_id($1, $2)"

/*
 * The lock of a department's forms of a year, held by one importer at a
 * time; $1 is pb_import_lock_key(department_id, year).
 */
#define PB_IMPORT_LOCK_SQL \
	"SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended($1, 7208234516))"

static inline char *
pb_import_lock_key(const char *department_id, const char *year)
{
	return psprintf("%s\x1f%s", department_id, year);
}

/* Append a piece of a form's text field (form_import.c). */
extern void pb_append_piece(StringInfo s, FpText t);

/*
 * Find or make the departments of a document and lock their years, in the
 * order every importer takes them (import_claims.c).
 */
extern void pb_claim_departments(const char *doc, size_t len, char *work);

#endif							/* FORM_IMPORT_H */
