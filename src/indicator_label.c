/*
 * indicator_label.c — canonical names of indicator labels.
 *
 * Forms write the level-1 and level-2 labels of the indicator table in many
 * ways: 产出指标, 项目完成指标, "满意度指 标" (broken by PDF extraction),
 * 数量指标(必填硬性指标), 进度指标.  The validation report and the roll-ups
 * compare the canonical names (DOMAIN.md §3).  A label is read with its
 * white space removed and matched by the key words below, first match wins;
 * the order matters (经济成本 before 成本, 满意 before 效益 at level 1).
 *
 * This runs for every indicator row of every form in the report, so it is
 * C, not a chain of regular expressions.  Pure C, no allocation.
 */
#include <string.h>

#include "indicator_label.h"
#include "perf_scan.h"

typedef struct LabelRule
{
	const char *words[3];		/* any of these, NULL-terminated */
	const char *name;
} LabelRule;

static const LabelRule level1_rules[] = {
	{{"产出", "项目完成", NULL}, "产出指标"},
	{{"满意", NULL}, "满意度指标"},
	{{"效益", "效果", NULL}, "效益指标"},
	{{"成本", NULL}, "成本指标"},
	{{"决策", NULL}, "决策指标"},
	{{"过程", NULL}, "过程指标"},
	{{NULL}, NULL}
};

static const LabelRule level2_rules[] = {
	{{"数量", NULL}, "数量指标"},
	{{"质量", NULL}, "质量指标"},
	{{"时效", "进度", "及时"}, "时效指标"},
	{{"经济成本", NULL}, "经济成本指标"},
	{{"社会成本", NULL}, "社会成本指标"},
	{{"生态环境成本", NULL}, "生态环境成本指标"},
	{{"成本", NULL}, "成本指标"},
	{{"经济效益", NULL}, "经济效益指标"},
	{{"社会效益", NULL}, "社会效益指标"},
	{{"生态", NULL}, "生态效益指标"},
	{{"可持续", NULL}, "可持续影响指标"},
	{{"满意", NULL}, "服务对象满意度指标"},
	{{NULL}, NULL}
};

/* The label without white space, NUL-terminated, in work. */
static void
strip_spaces(const char *s, size_t len, char *work)
{
	size_t		o = 0;

	for (size_t i = 0; i < len;)
	{
		uint32_t	cp;
		int			l = pb_utf8_decode((const unsigned char *) s + i, len - i, &cp);

		if (l == 0)
			l = 1;				/* not UTF-8: kept byte by byte, matches nothing */
		else if (pb_is_space_cp(cp))
		{
			i += l;
			continue;
		}
		memcpy(work + o, s + i, l);
		o += l;
		i += l;
	}
	work[o] = '\0';
}

static const char *
canonical(const LabelRule *rules, const char *s, size_t len, char *work)
{
	strip_spaces(s, len, work);
	for (const LabelRule *r = rules; r->name; r++)
		for (int w = 0; w < 3 && r->words[w]; w++)
			if (strstr(work, r->words[w]))	/* UTF-8: a byte match is a character match */
				return r->name;
	return NULL;
}

const char *
pb_canonical_level1(const char *label, size_t len, char *work)
{
	return canonical(level1_rules, label, len, work);
}

const char *
pb_canonical_level2(const char *label, size_t len, char *work)
{
	return canonical(level2_rules, label, len, work);
}
