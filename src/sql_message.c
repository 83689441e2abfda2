/*
 * sql_message.c — the messages that the extension's SQL functions raise
 * (PL/pgSQL RAISE in extension/parts/), in the session's language.
 *
 * A PL/pgSQL RAISE cannot use the module's catalog, so its texts live here,
 * one entry a key, as English message ids that xgettext finds (PB_NF_), and
 * the SQL asks for them by key:
 *
 *     RAISE EXCEPTION USING MESSAGE = perfbudget.message('evaluation.grade', place, grade), ...
 *
 * perfbudget.message(key, VARIADIC args) translates the text through the
 * catalog and puts the arguments in place of its %s (in order) or %N$s (the
 * N-th, for a translation that reorders them); %% is a percent sign.  Keeping
 * the texts here rather than in the SQL keeps each written once and lets
 * msgfmt -c check that every translation takes the same arguments.
 */
#include "postgres.h"
#include "pb_nls.h"			/* TEXTDOMAIN: this module's catalog */

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"

typedef struct SqlMessage
{
	const char *key;
	const char *text;			/* English message id, %s for each argument */
} SqlMessage;

static const SqlMessage messages[] = {
	/* where a document's form or row is (72_evaluation_import.sql) */
	{"evaluation.form", PB_NF_("%s form %s \"%s\"")},
	{"evaluation.line", PB_NF_(" (document line %s)")},
	/* evaluation_number */
	{"evaluation.number", PB_NF_("%s: %s \"%s\" is not a number")},
	{"evaluation.number.detail", PB_NF_("The %s cell holds \"%s\"; a number is expected (万元 for amounts, points for scores).")},
	{"evaluation.number.hint", PB_NF_("Write a number such as 9, 1,200.5 or 12.5分; leave the cell blank when there is none.")},
	/* evaluation_value: the value's own input error, placed */
	{"evaluation.value", PB_NF_("%s: %s: %s")},
	/* evaluation_target */
	{"evaluation.key_missing", PB_NF_("%s: 项目名称, 主管部门 or 预算年度 missing")},
	{"evaluation.key_missing.detail", PB_NF_("Found 项目名称 \"%s\", 主管部门 \"%s\", 预算年度 \"%s\"; all three are needed to find the target form.")},
	{"evaluation.key_missing.hint", PB_NF_("Give each form a line \"(2024年度)\" and the lines \"项目名称<TAB>…\" and \"主管部门<TAB>…\".")},
	{"evaluation.no_target", PB_NF_("%s: no target form \"%s\" of %s in %s")},
	{"evaluation.no_target.detail", PB_NF_("No 预算绩效目标申报表 of budget year %s, region %s, 主管部门 \"%s\" is named \"%s\" (names compared by name_key).")},
	{"evaluation.no_target.any_region", PB_NF_("any")},
	{"evaluation.no_target.hint", PB_NF_("Import the target forms first (perfbudget.import_form), or correct 主管部门 and 预算年度.")},
	{"evaluation.no_target.hint_names", PB_NF_("The forms of this department in %s are: %s. Correct the 项目名称, or import the target form first.")},
	{"evaluation.regions", PB_NF_("%s: \"%s\" fits %s target forms of different regions")},
	{"evaluation.regions.detail", PB_NF_("The title names no region, and forms %s of %s \"%s\" have this name.")},
	{"evaluation.regions.hint", PB_NF_("Put the region in the title line, such as 如皋市市级项目支出绩效自评表.")},
	/* evaluation_row */
	{"evaluation.indicator", PB_NF_("%s: indicator \"%s\" is not on the target form")},
	{"evaluation.indicator.detail", PB_NF_("The target form (project %s) has no indicator row named \"%s\" that an earlier row of this form did not match already.")},
	{"evaluation.indicator.hint", PB_NF_("Its 产出/效益/满意度 rows not yet matched are: %s.")},
	{"evaluation.indicator.hint_none", PB_NF_("Every row of the target form is already matched.")},
	/* evaluation_forms */
	{"evaluation.document", PB_NF_("invalid evaluation document: %s")},
	{"evaluation.document.detail", PB_NF_("A document is an object {\"forms\": [form, …]}, an array of forms or one form; each form is an object.")},
	{"evaluation.document.hint", PB_NF_("Write a form such as {\"budget_year\": 2024, \"region\": \"如皋市\", \"department\": \"…\", \"name\": \"…\", \"executed\": 9, \"indicators\": [{\"level3\": \"…\", \"actual\": \"96%%\"}]}.")},
	/* import_self_evaluation_json */
	{"evaluation.twice", PB_NF_("%s: the document holds this project twice")},
	{"evaluation.twice.detail", PB_NF_("An earlier form of the document is the self-evaluation of project %s too.")},
	{"evaluation.twice.hint", PB_NF_("Keep one self-evaluation form per project in a document.")},
	{"evaluation.grade", PB_NF_("%s: 自评等级 \"%s\" is not a grade")},
	{"evaluation.grade.detail", PB_NF_("A self-evaluation grade is 优, 良, 中 or 差 (优秀, 良好, 中等, 较差 are read as these).")},
	{"evaluation.grade.hint", PB_NF_("Write 自评等级 as 优, 良, 中 or 差.")},
	/* import_monitoring_json */
	{"monitoring.date", PB_NF_("%s: no valid 监控截止日期 (found \"%s\")")},
	{"monitoring.date.detail", PB_NF_("A monitoring form needs the date its figures run to: a 监控截止日期 cell, or a column header 1-N月执行数 / 1-N月完成值.")},
	{"monitoring.date.hint", PB_NF_("Write 监控截止日期<TAB>2024年6月30日, or head the column 1-6月执行数.")},
	{"monitoring.twice", PB_NF_("%s: the document holds the report of %s twice")},
	{"monitoring.twice.detail", PB_NF_("An earlier form of the document is the report of project %s to %s too.")},
	{"monitoring.twice.hint", PB_NF_("Keep one monitoring form per project and date in a document.")},
	{"monitoring.likelihood", PB_NF_("%s: 完成目标可能性 \"%s\" is not a likelihood")},
	{"monitoring.likelihood.detail", PB_NF_("The likelihood of completion is 确定能, 有可能 or 完全不可能 (能, 可能, 不可能 are read as these).")},
	{"monitoring.likelihood.hint", PB_NF_("Write 确定能, 有可能 or 完全不可能.")},
	{"monitoring.deviates", PB_NF_("%s: 是否偏差 \"%s\" is neither 是 nor 否")},
	{"monitoring.deviates.detail", PB_NF_("Whether the indicator deviates is 是 or 否 (有 and 无 are read as these).")},
	{"monitoring.deviates.hint", PB_NF_("Write 是 or 否, or leave the cell blank.")},
	/* fingerprint_group_trigger (35_fingerprint.sql) */
	{"fingerprint.group", PB_NF_("the indicator fingerprint group of project %s is missing: the counts in fingerprint_group disagree with project_fingerprint")},
	{"fingerprint.group.detail", PB_NF_("Budget year %s, region %s, 主管部门 %s, fingerprint %s.")},
	{"fingerprint.group.no_region", PB_NF_("(none)")},
	{"fingerprint.group.hint", PB_NF_("SELECT perfbudget.rebuild_fingerprints() recomputes both tables from the indicator rows.")},
	/* import_form_json (50_import.sql) */
	{"form_json.object", PB_NF_("form JSON must be an object")},
	{"form_json.keys", PB_NF_("form JSON has unknown keys: %s")},
	{"form_json.keys.detail", PB_NF_("Every key must be a column of perfbudget.project, \"expenditure\" or \"indicators\"; nothing is dropped silently.")},
	{"form_json.hint", PB_NF_("Use the layout perfbudget.form_json returns.")},
	/* 90_access.sql */
	{"access.role", PB_NF_("role \"%s\" does not exist")},
	{"access.role.detail", PB_NF_("grant_department grants an existing role the forms of a department.")},
	{"access.role.hint", PB_NF_("Create the role first: CREATE ROLE zhang LOGIN IN ROLE perfbudget_filer;")},
	{"access.grant_region", PB_NF_("grant_region: the region must not be empty")},
	{"access.grant_region.detail", PB_NF_("grant_region grants the forms of every department of one region; no region was given.")},
	{"access.grant_region.hint", PB_NF_("Name the region: SELECT perfbudget.grant_region('rugao_bureau', '如皋市'); to grant every department everywhere use grant_department(role, '*').")},
	{"access.revoke_region", PB_NF_("revoke_region: the region must not be empty")},
	{"access.revoke_region.detail", PB_NF_("revoke_region removes the grant of one region made by grant_region; no region was given.")},
	{"access.revoke_region.hint", PB_NF_("Name the region: SELECT perfbudget.revoke_region('rugao_bureau', '如皋市'); the grant of every department is revoked by revoke_department(role, '*').")},
	/* distribute (95_distribute.sql) */
	{"distribute.no_citus", PB_NF_("perfbudget.distribute() needs Citus: the extension citus is not installed in this database")},
	{"distribute.no_citus.detail", PB_NF_("distribute() makes the per-form tables Citus distributed tables (by department_id) and the department and settings tables reference tables.")},
	{"distribute.no_citus.hint", PB_NF_("Install Citus on every node (shared_preload_libraries = 'citus'), CREATE EXTENSION citus and pg_perfbudget on the coordinator, add the workers with citus_add_node(), then call perfbudget.distribute() again.")},
	{NULL, NULL}
};

/*
 * The text with the arguments in place: %s takes the next one, %N$s the
 * N-th, %% is '%'.  A directive without its argument is an error of this
 * module (a translation that msgfmt -c would have refused).
 */
static char *
fill(const char *key, const char *fmt, Datum *args, bool *nulls, int nargs)
{
	StringInfoData out;
	int			next = 0;

	initStringInfo(&out);
	for (const char *p = fmt; *p; p++)
	{
		int			n;

		if (*p != '%')
		{
			appendStringInfoChar(&out, *p);
			continue;
		}
		if (p[1] == '%')
		{
			appendStringInfoChar(&out, '%');
			p++;
			continue;
		}
		if (p[1] == 's')
		{
			n = next++;
			p++;
		}
		else if (p[1] >= '1' && p[1] <= '9' && p[2] == '$' && p[3] == 's')
		{
			n = p[1] - '1';
			p += 3;
		}
		else
			elog(ERROR, "message \"%s\": unknown directive in \"%s\"", key, fmt);
		if (n >= nargs)
			elog(ERROR, "message \"%s\" takes more than the %d arguments given", key, nargs);
		if (!nulls[n])
			appendStringInfoString(&out, TextDatumGetCString(args[n]));
	}
	return out.data;
}

PG_FUNCTION_INFO_V1(pb_message);

/* message(key text, VARIADIC args text[]): the text of key, translated and filled. */
Datum
pb_message(PG_FUNCTION_ARGS)
{
	char	   *key = text_to_cstring(PG_GETARG_TEXT_PP(0));
	Datum	   *args = NULL;
	bool	   *nulls = NULL;
	int			nargs = 0;

	if (ARR_NDIM(PG_GETARG_ARRAYTYPE_P(1)) > 0)
		deconstruct_array(PG_GETARG_ARRAYTYPE_P(1), TEXTOID, -1, false, TYPALIGN_INT,
						  &args, &nulls, &nargs);
	for (const SqlMessage *m = messages; m->key; m++)
		if (strcmp(m->key, key) == 0)
			PG_RETURN_TEXT_P(cstring_to_text(fill(key, pb_tr(m->text), args, nulls, nargs)));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown message key \"%s\"", key),
			 errdetail("perfbudget.message() gives the texts of the extension's own errors, by key (src/sql_message.c)."),
			 errhint("Use a key listed in src/sql_message.c.")));
	PG_RETURN_NULL();			/* not reached */
}
