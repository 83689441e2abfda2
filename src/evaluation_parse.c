/*
 * evaluation_parse.c — reads 绩效自评表 and 绩效运行监控表 documents (text
 * extracted from the forms, cells separated by tabs) into a sink.
 *
 * A document holds one or more forms, each starting at its title line
 * (…绩效自评表, …绩效运行监控表).  Inside a form the reader knows four kinds
 * of line: header fields (项目名称, 主管部门 … each label followed by its
 * value), the money block (a header naming its columns, then the 资金总额
 * row), the indicator table (a header naming its columns, then one row per
 * 三级指标, blank 一级/二级 cells carried from the row above) and the total
 * line (总分 …, 自评等级 …).  Columns are found by their header words, so
 * their order and the optional ones do not matter; cells line up with the
 * header by position.  Anything else (titles of blocks, the 年度总体目标
 * text) is passed over.
 */
#include "evaluation_parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "perf_parse.h"
#include "text_slice.h"

#define MAX_CELLS 32

const char *const ep_role_keys[ER_NROLES] = {
	"level1", "level2", "level3", "target", "actual", "weight", "score",
	"deviation_note", "completed", "expected", "deviates", "cause", "cause_note",
	"likelihood", "measure", "remarks"
};

const char *const ep_money_keys[EM_NAMOUNTS] = {
	"budget_initial", "budget_adjusted", "executed", "expected_executed",
	"execution_weight", "execution_rate", "execution_score", "execution_note"
};

typedef struct Line
{
	int			n;
	EpText		key[MAX_CELLS];	/* folded, white space removed: for labels */
	EpText		val[MAX_CELLS];	/* white space folded, characters as written */
} Line;

typedef struct Reader
{
	EpKind		kind;
	const EpSink *sink;
	EpError    *err;
	char	   *work;
	int			line;
	int			form;			/* ordinal of the current form, 0 before */
	bool		months_given;
	int			money_col[MAX_CELLS];	/* EpMoney + 1 per column, 0: none */
	bool		money_header;
	int			role_col[MAX_CELLS];	/* EpRole + 1 per column, 0: none */
	bool		indicator_header;
	EpText		carry[2];		/* 一级, 二级 of the row above, in carry_buf */
	char		carry_buf[2][256];	/* (the work buffer is reused line by line) */
} Reader;

#if defined(__GNUC__) || defined(__clang__)
static bool fail(Reader *r, const char *fmt,...) __attribute__((format(printf, 2, 3)));
#endif

static bool
fail(Reader *r, const char *fmt,...)
{
	va_list		ap;

	r->err->line = r->line;
	r->err->form = r->form;
	va_start(ap, fmt);
	vsnprintf(r->err->reason, sizeof(r->err->reason), pb_tr(fmt), ap);
	va_end(ap);
	return false;
}

/* ---- cells ---- */

static bool
is(EpText t, const char *lit)
{
	return t.len == strlen(lit) && memcmp(t.p, lit, t.len) == 0;
}

static bool
starts(EpText t, const char *lit)
{
	return slice_starts(t.p, t.len, lit);
}

static bool
contains(EpText t, const char *lit)
{
	return slice_contains(t.p, t.len, lit);
}

static bool
is_any(EpText t, const char *const *lits)
{
	for (int i = 0; lits[i]; i++)
		if (is(t, lits[i]))
			return true;
	return false;
}

/* A label cell without its trailing colon ('项目名称:' is '项目名称'). */
static EpText
label_of(EpText t)
{
	if (t.len > 0 && t.p[t.len - 1] == ':')
		t.len--;
	return t;
}

/* Split a raw line on tabs; each cell kept twice (label key and value). */
static bool
split_line(Reader *r, const char *s, size_t len, Line *ln)
{
	size_t		start = 0;
	size_t		used = 0;

	ln->n = 0;
	for (size_t i = 0; i <= len; i++)
	{
		size_t		klen,
					vlen,
					bad,
					k = 0;
		char	   *kp;

		if (i < len && s[i] != '\t')
			continue;
		if (ln->n == MAX_CELLS)
			return fail(r, "a line has more than %d cells", MAX_CELLS);
		kp = r->work + used;
		if (!pb_fold(s + start, i - start, kp, &klen, &bad))
			return fail(r, "the text is not valid UTF-8 or holds a control character (byte %zu)", start + bad + 1);
		/* labels are compared without any white space ('三级 指标') */
		for (size_t j = 0; j < klen; j++)
			if (kp[j] != ' ')
				kp[k++] = kp[j];
		ln->key[ln->n].p = kp;
		ln->key[ln->n].len = k;
		used += k;
		(void) pb_fold_spaces(s + start, i - start, r->work + used, &vlen, &bad);
		ln->val[ln->n].p = r->work + used;
		ln->val[ln->n].len = vlen;
		used += vlen;
		ln->n++;
		start = i + 1;
	}
	while (ln->n > 0 && ln->key[ln->n - 1].len == 0)
		ln->n--;
	return true;
}

static int
first_cell(const Line *ln)
{
	for (int i = 0; i < ln->n; i++)
		if (ln->key[i].len > 0)
			return i;
	return -1;
}

static int
next_cell(const Line *ln, int after)
{
	for (int i = after + 1; i < ln->n; i++)
		if (ln->key[i].len > 0)
			return i;
	return -1;
}

/* ---- titles and header fields ---- */

static const char *const level_words[] = {
	"省级", "市级", "县级", "区级", "乡级", "镇级", "州级", "盟级", "旗级", NULL
};

static bool
is_title_of(EpText t, EpKind kind)
{
	if (kind == EP_SELF_EVALUATION)
		return contains(t, "绩效自评表");
	return contains(t, "运行监控表") || contains(t, "绩效监控表");
}

/* '如皋市市级项目支出绩效自评表': region 如皋市, level 市级. */
static void
read_title(Reader *r, EpText title)
{
	static const char *const tails[] = {
		"项目支出绩效自评表", "项目绩效自评表", "绩效自评表",
		"项目支出绩效运行监控表", "项目绩效运行监控表", "绩效运行监控表",
		"项目支出绩效监控表", "项目绩效监控表", "绩效监控表", "运行监控表", NULL
	};
	EpText		region = title;

	for (int i = 0; tails[i]; i++)
	{
		size_t		l = strlen(tails[i]);

		for (size_t k = 0; k + l <= title.len; k++)
			if (memcmp(title.p + k, tails[i], l) == 0)
			{
				region.len = k;
				goto found;
			}
	}
found:
	for (int i = 0; level_words[i]; i++)
	{
		size_t		l = strlen(level_words[i]);

		if (region.len > l && memcmp(region.p + region.len - l, level_words[i], l) == 0)
		{
			EpText		level = {region.p + region.len - l, l};

			r->sink->field(r->sink->arg, "region_level", level);
			region.len -= l;
			break;
		}
	}
	if (region.len > 0)
		r->sink->field(r->sink->arg, "region", region);
}

/* '(2024年度)', '2024年度': the budget year. */
static bool
read_year(Reader *r, const Line *ln)
{
	for (int i = 0; i < ln->n; i++)
	{
		EpText		c = ln->key[i];

		for (size_t k = 0; k + 4 + 6 <= c.len; k++)
		{
			bool		digits = true;

			for (int d = 0; d < 4; d++)
				digits = digits && c.p[k + d] >= '0' && c.p[k + d] <= '9';
			if (digits && memcmp(c.p + k + 4, "年度", 6) == 0 &&
				(k == 0 || c.p[k - 1] < '0' || c.p[k - 1] > '9'))
			{
				EpText		y = {c.p + k, 4};

				r->sink->field(r->sink->arg, "budget_year", y);
				return true;
			}
		}
	}
	return false;
}

static const struct
{
	const char *label;
	const char *key;
}			field_labels[] = {
	{"项目名称", "name"}, {"主管部门", "department"}, {"主管部门及代码", "department"},
	{"实施单位", "implementing_unit"}, {"监控截止日期", "as_of"}, {"截止日期", "as_of"},
	{"数据截止日期", "as_of"}, {"预算年度", "budget_year"},
	{"年度总体目标完成情况", "summary"}, {NULL, NULL}
};

/* Header fields: a label cell and the next cell, or 'label:value' in one. */
static bool
read_fields(Reader *r, const Line *ln)
{
	bool		any = false;

	for (int i = 0; i < ln->n; i++)
	{
		EpText		lab = label_of(ln->key[i]);

		for (int f = 0; field_labels[f].label; f++)
		{
			size_t		l = strlen(field_labels[f].label);

			if (is(lab, field_labels[f].label))
			{
				int			v = next_cell(ln, i);

				if (v >= 0)
				{
					r->sink->field(r->sink->arg, field_labels[f].key, ln->val[v]);
					i = v;
				}
				any = true;
				break;
			}
			if (starts(ln->key[i], field_labels[f].label) && ln->key[i].len > l + 1 &&
				ln->key[i].p[l] == ':')
			{
				/* the value cell kept as written: skip past its colon */
				EpText		v = ln->val[i];
				const char *colon = memchr(v.p, ':', v.len);

				if (colon == NULL)
				{
					/* a full-width colon ('：') in the value's spelling */
					for (size_t k = 0; k + 3 <= v.len; k++)
						if (memcmp(v.p + k, "：", 3) == 0)
						{
							colon = v.p + k + 2;
							break;
						}
				}
				if (colon)
				{
					v.len -= (size_t) (colon + 1 - v.p);
					v.p = colon + 1;
					while (v.len > 0 && *v.p == ' ')
						v.p++, v.len--;
					r->sink->field(r->sink->arg, field_labels[f].key, v);
				}
				any = true;
				break;
			}
		}
	}
	return any;
}

/* 'N' of '1-N月…' (also 1至N月, 1~N月), as digits; len 0 when none. */
static EpText
months_of(EpText t)
{
	EpText		none = {NULL, 0};
	size_t		k;

	if (!starts(t, "1"))
		return none;
	k = 1;
	if (k < t.len && (t.p[k] == '-' || t.p[k] == '~'))
		k++;
	else if (k + 3 <= t.len && memcmp(t.p + k, "至", 3) == 0)
		k += 3;
	else
		return none;
	{
		size_t		d = k;

		while (d < t.len && t.p[d] >= '0' && t.p[d] <= '9')
			d++;
		if (d == k || d - k > 2 || d + 3 > t.len || memcmp(t.p + d, "月", 3) != 0)
			return none;
		{
			EpText		n = {t.p + k, d - k};

			return n;
		}
	}
}

static void
give_months(Reader *r, EpText header)
{
	EpText		m = months_of(header);

	if (m.len > 0 && !r->months_given)
	{
		r->sink->field(r->sink->arg, "months", m);
		r->months_given = true;
	}
}

/* ---- the money block ---- */

static int
money_role(Reader *r, EpText h)
{
	static const char *const initial[] = {"年初预算数", "年初预算", NULL};
	static const char *const adjusted[] = {"全年预算数", "调整后预算数", "调整后预算", NULL};
	static const char *const executed[] = {"全年执行数", "预算执行数", "执行数", NULL};
	static const char *const expected[] = {"全年预计执行数", "预计全年执行数", NULL};
	static const char *const weight[] = {"分值", "权重", NULL};
	static const char *const rate[] = {"执行率", "预算执行率", NULL};
	static const char *const score[] = {"得分", NULL};
	static const char *const note[] = {"偏差原因", "原因", "备注", "执行偏差原因", NULL};

	if (is_any(h, initial))
		return EM_BUDGET_INITIAL;
	if (is_any(h, adjusted))
		return EM_BUDGET_ADJUSTED;
	if (is_any(h, expected))
		return EM_EXPECTED_EXECUTED;
	if (is_any(h, executed) || (months_of(h).len > 0 && contains(h, "执行数")))
	{
		give_months(r, h);
		return EM_EXECUTED;
	}
	if (is_any(h, weight))
		return EM_WEIGHT;
	if (is_any(h, rate))
		return EM_RATE;
	if (is_any(h, score))
		return EM_SCORE;
	if (is_any(h, note))
		return EM_NOTE;
	return -1;
}

static bool
is_money_header(const Line *ln)
{
	for (int i = 0; i < ln->n; i++)
		if (is(ln->key[i], "年初预算数") || is(ln->key[i], "全年执行数") ||
			(months_of(ln->key[i]).len > 0 && contains(ln->key[i], "执行数")))
			return true;
	return false;
}

static void
read_money_header(Reader *r, const Line *ln)
{
	memset(r->money_col, 0, sizeof(r->money_col));
	for (int i = 0; i < ln->n; i++)
	{
		int			m = money_role(r, ln->key[i]);

		if (m >= 0)
			r->money_col[i] = m + 1;
	}
	r->money_header = true;
}

static bool
is_money_total(const Line *ln)
{
	int			f = first_cell(ln);
	EpText		c;

	if (f < 0)
		return false;
	c = ln->key[f];
	return starts(c, "年度资金总额") || is(c, "资金总额") || is(c, "合计") ||
		starts(c, "项目资金总额");
}

static void
read_money_total(Reader *r, const Line *ln)
{
	for (int i = 0; i < ln->n && i < MAX_CELLS; i++)
		if (r->money_col[i] > 0 && ln->val[i].len > 0)
			r->sink->money(r->sink->arg, (EpMoney) (r->money_col[i] - 1), ln->val[i]);
	r->money_header = false;
}

/* ---- the indicator table ---- */

static int
indicator_role(Reader *r, EpText h)
{
	static const char *const target[] = {
		"年度指标值", "指标值", "全年指标值", "年度目标值", "目标值", "全年(程)指标值", NULL
	};
	static const char *const actual[] = {"实际完成值", "全年完成值", "完成值", "全年实际完成值", NULL};
	static const char *const weight[] = {"分值", "权重", "权重(分)", "指标权重(分)", NULL};
	static const char *const note[] = {
		"偏差原因分析及改进措施", "未完成原因分析", "未完成原因和改进措施", "偏差原因分析",
		"偏差原因", "原因分析", NULL
	};
	static const char *const expected[] = {"全年预计完成值", "预计全年完成值", "全年预计完成情况", NULL};
	static const char *const deviates[] = {"是否偏差", "是否存在偏差", "是否有偏差", NULL};
	static const char *const cause[] = {"偏差原因", "偏差原因类别", "原因类别", "偏差原因分类", NULL};
	static const char *const cause_note[] = {"原因说明", "偏差原因说明", "原因分析", NULL};
	static const char *const likelihood[] = {"完成目标可能性", "完成可能性", "目标完成可能性", NULL};
	static const char *const measure[] = {"纠偏措施", "改进措施", NULL};

	if (is(h, "一级指标"))
		return ER_LEVEL1;
	if (is(h, "二级指标"))
		return ER_LEVEL2;
	if (is(h, "三级指标"))
		return ER_LEVEL3;
	if (is_any(h, target))
		return ER_TARGET;
	if (is_any(h, weight))
		return ER_WEIGHT;
	if (is(h, "得分") || is(h, "指标得分(分)") || is(h, "自评得分"))
		return ER_SCORE;
	if (is(h, "备注"))
		return ER_REMARKS;
	if (r->kind == EP_SELF_EVALUATION)
	{
		if (is_any(h, actual))
			return ER_ACTUAL;
		if (is_any(h, note))
			return ER_NOTE;
		return -1;
	}
	if (is(h, "半年度指标执行情况") ||
		(months_of(h).len > 0 && (contains(h, "完成值") || contains(h, "执行情况"))))
	{
		give_months(r, h);
		return ER_COMPLETED;
	}
	if (is_any(h, expected))
		return ER_EXPECTED;
	if (is_any(h, deviates))
		return ER_DEVIATES;
	if (is_any(h, cause))
		return ER_CAUSE;
	if (is_any(h, cause_note))
		return ER_CAUSE_NOTE;
	if (is_any(h, likelihood))
		return ER_LIKELIHOOD;
	if (is_any(h, measure))
		return ER_MEASURE;
	return -1;
}

static bool
is_indicator_header(const Line *ln)
{
	for (int i = 0; i < ln->n; i++)
		if (is(ln->key[i], "三级指标"))
			return true;
	return false;
}

static bool
read_indicator_header(Reader *r, const Line *ln)
{
	bool		seen[ER_NROLES] = {false};

	memset(r->role_col, 0, sizeof(r->role_col));
	for (int i = 0; i < ln->n; i++)
	{
		int			role = indicator_role(r, ln->key[i]);

		if (role < 0)
			continue;
		if (seen[role])
			return fail(r, "the indicator table heading has two columns \"%.*s\"", (int) ln->val[i].len, ln->val[i].p);
		seen[role] = true;
		r->role_col[i] = role + 1;
	}
	if (r->kind == EP_SELF_EVALUATION && !seen[ER_ACTUAL])
		return fail(r, "the indicator table heading of a 绩效自评表 has no column \"实际完成值\"");
	if (r->kind == EP_MONITORING && !seen[ER_COMPLETED] && !seen[ER_EXPECTED])
		return fail(r, "the indicator table heading of a 绩效运行监控表 has no column \"1-N月完成值\" or \"全年预计完成值\"");
	r->indicator_header = true;
	r->carry[0].len = r->carry[1].len = 0;
	return true;
}

static bool
read_indicator_row(Reader *r, const Line *ln)
{
	EpText		cells[ER_NROLES];

	memset(cells, 0, sizeof(cells));
	for (int i = 0; i < ln->n; i++)
		if (r->role_col[i] > 0)
			cells[r->role_col[i] - 1] = ln->val[i];
	if (cells[ER_LEVEL3].len == 0)
		return true;			/* a wrapped line or a block heading */
	for (int k = 0; k < 2; k++)
	{
		EpText		c = cells[ER_LEVEL1 + k];

		if (c.len == 0)
		{
			cells[ER_LEVEL1 + k] = r->carry[k];
			continue;
		}
		if (c.len >= sizeof(r->carry_buf[k]))
			return fail(r, "a %s indicator name is longer than %zu bytes", k == 0 ? "一级" : "二级",
						sizeof(r->carry_buf[k]) - 1);
		memcpy(r->carry_buf[k], c.p, c.len);
		r->carry[k].p = r->carry_buf[k];
		r->carry[k].len = c.len;
	}
	r->sink->indicator(r->sink->arg, r->line, cells);
	return true;
}

/* ---- the total line ---- */

static bool
read_total(Reader *r, const Line *ln)
{
	static const char *const total[] = {"总分", "自评总分", "合计得分", "总得分", NULL};
	static const char *const grade[] = {"自评等级", "评价等级", "等级", "自评结果", NULL};
	bool		any = false;

	for (int i = 0; i < ln->n; i++)
	{
		EpText		lab = label_of(ln->key[i]);
		int			v;

		if (!is_any(lab, total) && !is_any(lab, grade))
			continue;
		any = true;
		v = next_cell(ln, i);
		if (v < 0)
			continue;
		r->sink->field(r->sink->arg, is_any(lab, total) ? "total_score" : "grade", ln->val[v]);
		i = v;
	}
	return any;
}

/* ---- the document ---- */

static bool
finish_form(Reader *r)
{
	if (r->form > 0)
		r->sink->end(r->sink->arg);
	return true;
}

static bool
read_line(Reader *r, const Line *ln)
{
	int			f = first_cell(ln);

	if (f < 0)
		return true;
	if (ln->n == 1 || next_cell(ln, f) < 0)
	{
		EpKind		other = r->kind == EP_MONITORING ? EP_SELF_EVALUATION : EP_MONITORING;

		if (is_title_of(ln->key[f], r->kind))
		{
			finish_form(r);
			r->form++;
			r->months_given = r->money_header = r->indicator_header = false;
			r->sink->form(r->sink->arg, r->form, r->line);
			read_title(r, ln->val[f]);
			return true;
		}
		if (is_title_of(ln->key[f], other))
			return fail(r, "\"%.*s\" is a %s, not a %s", (int) ln->val[f].len, ln->val[f].p,
						other == EP_MONITORING ? "绩效运行监控表" : "绩效自评表",
						r->kind == EP_MONITORING ? "绩效运行监控表" : "绩效自评表");
	}
	if (r->form == 0)
		return fail(r, "a title line (…%s) should come before the first table, but the line is \"%.*s\"",
					r->kind == EP_MONITORING ? "绩效运行监控表" : "绩效自评表",
					(int) ln->val[f].len, ln->val[f].p);
	if (is_indicator_header(ln))
		return read_indicator_header(r, ln);
	if (is_money_header(ln))
	{
		read_money_header(r, ln);
		return true;
	}
	if (r->money_header && is_money_total(ln))
	{
		read_money_total(r, ln);
		return true;
	}
	if (read_total(r, ln))
	{
		r->indicator_header = false;
		return true;
	}
	if (r->indicator_header)
		return read_indicator_row(r, ln);
	if (!read_fields(r, ln))
		(void) read_year(r, ln);
	return true;
}

bool
ep_parse(EpKind kind, const char *doc, size_t len, char *work,
		 const EpSink *sink, EpError *err)
{
	Reader		r;
	size_t		start = 0;

	memset(&r, 0, sizeof(r));
	r.kind = kind;
	r.sink = sink;
	r.err = err;
	r.work = work;
	memset(err, 0, sizeof(*err));
	for (size_t i = 0; i <= len; i++)
	{
		Line		ln;
		size_t		end = i;

		if (i < len && doc[i] != '\n')
			continue;
		r.line++;
		if (end > start && doc[end - 1] == '\r')
			end--;
		if (!split_line(&r, doc + start, end - start, &ln) || !read_line(&r, &ln))
			return false;
		start = i + 1;
	}
	if (r.form == 0)
	{
		r.line = 0;
		return fail(&r, "the document has no title line of a %s (…%s)",
					kind == EP_MONITORING ? "绩效运行监控表" : "绩效自评表",
					kind == EP_MONITORING ? "绩效运行监控表" : "绩效自评表");
	}
	return finish_form(&r);
}
