/*
 * test_evaluation_parse.c — standalone unit test of the reader of 绩效自评表
 * and 绩效运行监控表 documents (evaluation_parse.h), linked without
 * PostgreSQL by 'make unittest'.  TAP output like test_parse.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evaluation_parse.h"

static int	n_tests;
static int	n_failed;
static int	case_failed;

#define CHECK(cond) \
	do { if (!(cond)) { case_failed = 1; \
		printf("#   line %d: failed: %s\n", __LINE__, #cond); } } while (0)

static void
end_case(const char *desc)
{
	n_tests++;
	if (case_failed)
		n_failed++;
	printf("%s %d - %s\n", case_failed ? "not ok" : "ok", n_tests, desc);
	case_failed = 0;
}

/* What the sink saw, as text: one line per call. */
typedef struct Seen
{
	char		log[8192];
	int			forms;
	int			rows;
	int			ends;
} Seen;

static void
add(Seen *s, const char *key, EpText v)
{
	size_t		l = strlen(s->log);

	snprintf(s->log + l, sizeof(s->log) - l, "%s=%.*s\n", key, (int) v.len, v.p);
}

static void
on_form(void *arg, int ordinal, int line)
{
	Seen	   *s = arg;
	char		buf[32];
	EpText		t;

	s->forms++;
	snprintf(buf, sizeof(buf), "%d@%d", ordinal, line);
	t.p = buf;
	t.len = strlen(buf);
	add(s, "form", t);
}

static void
on_field(void *arg, const char *key, EpText v)
{
	add(arg, key, v);
}

static void
on_money(void *arg, EpMoney m, EpText v)
{
	add(arg, ep_money_keys[m], v);
}

static void
on_indicator(void *arg, int line, const EpText cells[ER_NROLES])
{
	Seen	   *s = arg;

	(void) line;
	s->rows++;
	for (int r = 0; r < ER_NROLES; r++)
		if (cells[r].len > 0)
			add(s, ep_role_keys[r], cells[r]);
}

static void
on_end(void *arg)
{
	((Seen *) arg)->ends++;
}

static bool
parse(EpKind kind, const char *doc, Seen *s, EpError *err)
{
	size_t		len = strlen(doc);
	char	   *work = malloc(2 * len + 2);
	EpSink		sink = {s, on_form, on_field, on_money, on_indicator, on_end};
	bool		ok;

	memset(s, 0, sizeof(*s));
	ok = ep_parse(kind, doc, len, work, &sink, err);
	free(work);
	return ok;
}

static bool
saw(const Seen *s, const char *line)
{
	return strstr(s->log, line) != NULL;
}

static void
test_self_evaluation(void)
{
	Seen		s;
	EpError		e;
	const char *doc =
		"如皋市市级项目支出绩效自评表\n"
		"（2024年度）\n"
		"项目名称\t社保扩面业务经费\n"
		"主管部门：\t如皋市人力资源和社会保障局\t\t实施单位\t如皋市社会保险基金管理中心\n"
		"项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
		"年度资金总额\t9\t9\t8.1\t10\t90%\t9\n"
		"绩效指标\t一级指标\t二级 指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
		"\t产出指标(50分)\t数量指标\t实际完成率\t100%\t100%\t25\t25\t\n"
		"\t\t质量指标\t质量达标率\t100%\t98%\t25\t24.5\t个别资料需补正\n"
		"\t\t\t\t\t\t\t\t续行的说明文字\n"
		"总分\t89\t自评等级\t良\n";

	CHECK(parse(EP_SELF_EVALUATION, doc, &s, &e));
	CHECK(s.forms == 1 && s.rows == 2 && s.ends == 1);
	CHECK(saw(&s, "region_level=市级\nregion=如皋市\n"));
	CHECK(saw(&s, "budget_year=2024\n"));
	CHECK(saw(&s, "name=社保扩面业务经费\n"));
	CHECK(saw(&s, "department=如皋市人力资源和社会保障局\n"));
	CHECK(saw(&s, "executed=8.1\nexecution_weight=10\nexecution_rate=90%\nexecution_score=9\n"));
	/* the second row carries 一级 from the first */
	CHECK(saw(&s, "level1=产出指标(50分)\nlevel2=质量指标\nlevel3=质量达标率\n"));
	CHECK(saw(&s, "deviation_note=个别资料需补正\n"));
	CHECK(saw(&s, "total_score=89\ngrade=良\n"));
	end_case("a self-evaluation form: title, fields, money block, rows with carried levels, total");
}

static void
test_monitoring(void)
{
	Seen		s;
	EpError		e;
	const char *doc =
		"项目支出绩效运行监控表\n"
		"项目名称\t甲\n主管部门\t乙\n预算年度\t2024\n"
		"项目资金\t年初预算数\t1－7月执行数\t全年预计执行数\n"
		"资金总额\t10\t4\t10\n"
		"一级指标\t二级指标\t三级指标\t指标值\t1-7月完成值\t全年预计完成值\t是否偏差\t偏差原因\t完成目标可能性\t纠偏措施\n"
		"产出指标\t数量指标\t培训人次\t≥100人次\t40人次\t90人次\t是\t经费保障\t有可能\t追加培训\n"
		"项目支出绩效运行监控表\n"
		"项目名称\t丙\n";

	CHECK(parse(EP_MONITORING, doc, &s, &e));
	CHECK(s.forms == 2 && s.rows == 1 && s.ends == 2);
	CHECK(!saw(&s, "region="));
	CHECK(saw(&s, "months=7\n"));
	CHECK(saw(&s, "executed=4\nexpected_executed=10\n"));
	CHECK(saw(&s, "completed=40人次\nexpected=90人次\ndeviates=是\ncause=经费保障\nlikelihood=有可能\nmeasure=追加培训\n"));
	CHECK(saw(&s, "form=2@9\nname=丙\n"));
	end_case("monitoring forms: 1–N月 columns give the month, a second form at its title");
}

static void
test_errors(void)
{
	Seen		s;
	EpError		e;

	CHECK(!parse(EP_SELF_EVALUATION, "项目支出绩效运行监控表\n", &s, &e) &&
		  e.line == 1 && strstr(e.reason, "not a 绩效自评表"));
	CHECK(!parse(EP_MONITORING, "\n项目名称\t甲\n", &s, &e) && e.line == 2 &&
		  strstr(e.reason, "title line"));
	CHECK(!parse(EP_MONITORING, "", &s, &e) && strstr(e.reason, "has no title line"));
	CHECK(!parse(EP_SELF_EVALUATION, "绩效自评表\n一级指标\t三级指标\t年度指标值\t得分\n", &s, &e) &&
		  e.line == 2 && e.form == 1 && strstr(e.reason, "实际完成值"));
	CHECK(!parse(EP_SELF_EVALUATION, "绩效自评表\n三级指标\t实际完成值\t完成值\n", &s, &e) &&
		  strstr(e.reason, "two columns"));
	CHECK(!parse(EP_SELF_EVALUATION, "绩效自评表\n\xff\n", &s, &e) && e.line == 2);
	end_case("errors: the wrong kind, no title, a header without its columns, bad UTF-8");
}

int
main(void)
{
	test_self_evaluation();
	test_monitoring();
	test_errors();
	printf("1..%d\n", n_tests);
	printf("# %d of %d evaluation reader unit tests failed\n", n_failed, n_tests);
	return n_failed ? 1 : 0;
}
