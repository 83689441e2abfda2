/*
 * import_claims.c — before import_form stores anything, it claims what the
 * document will write under: each department (found or made in
 * perfbudget.department) and the advisory lock of each department and
 * year, all in one order that every importer shares.
 *
 * Why: storing the forms in document order, two concurrent imports whose
 * documents name the same new departments in different orders deadlocked —
 * each had made a department row the other waited for (the unique index of
 * perfbudget.department waits for the maker's commit), and likewise for
 * the lock of a department's year.  Four pb-import files of different
 * years into one database: three of the four failed with "deadlock
 * detected".  Taken in the same order by every importer, such waits queue
 * instead of closing a cycle.
 *
 * The claim reads the document once more, keeping only the budget year,
 * region and department of each form, canonical as prepare_form
 * (form_import.c) stores them.  A form whose header the import will refuse
 * (implausible year, a name too long) is not claimed: the import reports
 * it, with its form and line.  import_form runs the claim in a
 * subtransaction and carries on without it if it fails, so that a
 * document's errors are always reported by the import itself.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "form_import.h"
#include "form_key.h"
#include "form_parse.h"

/* name keys of a region (≤ 100 characters) and department (≤ 200), and a year */
#define CLAIM_ORDER_SIZE 2048

typedef struct Claim
{
	char		order[CLAIM_ORDER_SIZE];	/* the shared order; hash key */
	char	   *region;			/* canonical, as stored; NULL: none */
	char	   *department;
	int			year;
} Claim;

typedef struct ClaimReader
{
	int			year;
	StringInfoData region;
	StringInfoData department;
	HTAB	   *seen;			/* Claim by order */
	int			n;
	MemoryContext claimcxt;		/* the claims */
	MemoryContext formcxt;		/* one form's names, reset per form */
} ClaimReader;

static void
claim_on_form(void *arg, int ordinal, size_t pos)
{
	ClaimReader *r = (ClaimReader *) arg;

	(void) ordinal;
	(void) pos;
	r->year = 0;
	resetStringInfo(&r->region);
	resetStringInfo(&r->department);
}

static void
claim_on_year(void *arg, int year)
{
	((ClaimReader *) arg)->year = year;
}

/* The pieces of a field joined as the import joins them. */
static void
claim_on_field(void *arg, FpField k, FpText t)
{
	ClaimReader *r = (ClaimReader *) arg;

	if (k == FP_REGION)
		pb_append_piece(&r->region, t);
	else if (k == FP_DEPARTMENT)
		pb_append_piece(&r->department, t);
}

static void
claim_ignore_amount(void *arg, FpAmount a, FpText t, size_t pos)
{
}

static void
claim_ignore_expenditure(void *arg, FpText item, FpText half, FpText annual, size_t pos)
{
}

static void
claim_ignore_indicator(void *arg, const FpIndicator *row, size_t pos)
{
}

static bool
within(const StringInfoData *s, int max)
{
	return pg_mbstrlen_with_len(s->data, s->len) <= max;
}

static void
claim_on_end(void *arg)
{
	ClaimReader *r = (ClaimReader *) arg;
	MemoryContext old;
	char	   *region;
	char	   *department;
	char	   *order;
	Claim	   *c;
	bool		found;

	if (r->year < PB_MIN_BUDGET_YEAR || r->year > PB_MAX_BUDGET_YEAR || r->department.len == 0 ||
		!within(&r->department, PB_MAX_DEPARTMENT_CHARS) || !within(&r->region, PB_MAX_REGION_CHARS))
		return;
	MemoryContextReset(r->formcxt);
	old = MemoryContextSwitchTo(r->formcxt);
	region = r->region.len ? pb_fold_name(r->region.data, r->region.len, true) : NULL;
	department = pb_fold_name(r->department.data, r->department.len, true);
	order = psprintf("%s\x1f%s\x1f%04d", pb_name_key(region), pb_name_key(department), r->year);
	MemoryContextSwitchTo(old);
	if (strlen(order) >= CLAIM_ORDER_SIZE)
		return;					/* beyond the hash key's room: left to the import */
	c = hash_search(r->seen, order, HASH_ENTER, &found);
	if (found)
		return;
	c->region = region ? MemoryContextStrdup(r->claimcxt, region) : NULL;
	c->department = MemoryContextStrdup(r->claimcxt, department);
	c->year = r->year;
	r->n++;
}

static int
claim_cmp(const void *a, const void *b)
{
	return strcmp((*(Claim *const *) a)->order, (*(Claim *const *) b)->order);
}

/*
 * Claim the departments and department years of the document, in the
 * shared order.  Errors of the document are not reported here (a document
 * that does not read is claimed up to its error).
 */
void
pb_claim_departments(const char *doc, size_t len, char *work)
{
	ClaimReader r;
	FpSink		sink;
	FpError		err;
	HASHCTL		ctl;
	HASH_SEQ_STATUS seq;
	Claim	   *c;
	Claim	  **sorted;
	int			i = 0;
	SPIPlanPtr	department_plan;
	SPIPlanPtr	lock_plan;
	Oid			types[2] = {TEXTOID, TEXTOID};

	memset(&r, 0, sizeof(r));
	initStringInfo(&r.region);
	initStringInfo(&r.department);
	r.claimcxt = CurrentMemoryContext;
	r.formcxt = AllocSetContextCreate(CurrentMemoryContext, "import_form claim",
									  ALLOCSET_SMALL_SIZES);
	ctl.keysize = CLAIM_ORDER_SIZE;
	ctl.entrysize = sizeof(Claim);
	ctl.hcxt = CurrentMemoryContext;
	r.seen = hash_create("perfbudget import claims", 64, &ctl,
						 HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
	sink.arg = &r;
	sink.form = claim_on_form;
	sink.year = claim_on_year;
	sink.field = claim_on_field;
	sink.amount = claim_ignore_amount;
	sink.expenditure = claim_ignore_expenditure;
	sink.indicator = claim_ignore_indicator;
	sink.end = claim_on_end;
	(void) fp_parse(doc, len, work, &sink, &err);
	MemoryContextDelete(r.formcxt);
	if (r.n == 0)
		return;

	sorted = palloc(sizeof(Claim *) * r.n);
	hash_seq_init(&seq, r.seen);
	while ((c = hash_seq_search(&seq)) != NULL)
		sorted[i++] = c;
	qsort(sorted, r.n, sizeof(Claim *), claim_cmp);

	department_plan = SPI_prepare(PB_DEPARTMENT_ID_SQL, 2, types);
	lock_plan = SPI_prepare(PB_IMPORT_LOCK_SQL, 1, types);
	if (department_plan == NULL || lock_plan == NULL)
		elog(ERROR, "SPI_prepare failed for the import's claims: %s",
			 SPI_result_code_string(SPI_result));
	for (i = 0; i < r.n; i++)
	{
		Datum		args[2];
		char		nulls[2] = {' ', ' '};
		bool		isnull;
		Datum		id;

		c = sorted[i];
		args[0] = c->region ? CStringGetTextDatum(c->region) : (Datum) 0;
		nulls[0] = c->region ? ' ' : 'n';
		args[1] = CStringGetTextDatum(c->department);
		if (SPI_execute_plan(department_plan, args, nulls, false, 1) != SPI_OK_SELECT ||
			SPI_processed != 1)
			elog(ERROR, "could not find or make the department of an import");
		id = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
		SPI_freetuptable(SPI_tuptable);
		if (isnull)
			continue;
		args[0] = CStringGetTextDatum(pb_import_lock_key(psprintf("%d", DatumGetInt32(id)),
														 psprintf("%d", c->year)));
		if (SPI_execute_plan(lock_plan, args, NULL, false, 1) != SPI_OK_SELECT)
			elog(ERROR, "could not lock a department's year for an import");
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_freeplan(department_plan);
	SPI_freeplan(lock_plan);
}
