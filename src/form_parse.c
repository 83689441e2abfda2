/*
 * form_parse.c — reads 预算绩效目标申报表 documents (text extracted from PDF)
 * and reports each form's header, funding, expenditure rows, texts and
 * indicator rows to a sink.
 *
 * Pure C: no allocation, no PostgreSQL.  Every line is split on tabs and
 * each cell folded with pb_fold (full-width to ASCII, white space collapsed,
 * spaces between CJK characters dropped), so '绩效 目标 指标' and
 * '满意度指 标' read as their labels.  Sections are found by their labels,
 * not by column positions, because PDF extraction shifts cells freely.
 */
#include "form_parse.h"

#include <string.h>

#include "perf_parse.h"

#define MAX_CELLS 64

typedef enum Section
{
	SEC_NONE,					/* before the first title */
	SEC_HEADER,
	SEC_INCOME,
	SEC_EXPENDITURE,
	SEC_TEXT,
	SEC_INDICATORS
} Section;

typedef struct Reader
{
	const FpSink *sink;
	FpError    *err;
	char	   *work;			/* folded cells are written here */
	size_t		used;
	Section		sec;
	int			form;			/* ordinal of the current form */
	int			line;
	size_t		line_pos;
	bool		has_name;
	bool		has_department;
	bool		has_year;
	bool		seen_expenditure;
	bool		seen_indicators;
	int			indicators;
	bool		symbol_column;	/* the indicator heading has 计算符号 */
	bool		last_line;		/* nothing but white space follows this line */
	int			form_line;		/* where the current form starts */
	size_t		form_pos;
	FpField		text_field;		/* the text field a continuation line extends */
	bool		in_text;
	FpText		carry[2];		/* 一级, 二级 carried to following rows */
} Reader;

/*
 * A line's non-blank cells, twice: 'cell' fully folded (for recognising
 * labels, amounts and symbols) and 'raw' with only white space folded (the
 * text handed on, so that '，' stays '，').  Both have one character for each
 * character of the other, which lets a slice of one be found in the other.
 */
typedef struct Line
{
	FpText		cell[MAX_CELLS];
	FpText		raw[MAX_CELLS];
	int			n;
} Line;

/* ---------------------------------------------------------------- cells */

static bool
fail(Reader *r, const char *reason, FpText found)
{
	r->err->pos = r->line_pos;
	r->err->line = r->line;
	r->err->form = r->form;
	r->err->reason = reason;
	r->err->found = found;
	return false;
}

static const FpText no_text = {NULL, 0};

static bool
text_is(FpText t, const char *lit)
{
	size_t		l = strlen(lit);

	return t.len == l && memcmp(t.p, lit, l) == 0;
}

static bool
text_starts(FpText t, const char *lit)
{
	size_t		l = strlen(lit);

	return t.len >= l && memcmp(t.p, lit, l) == 0;
}

static bool
text_contains(FpText t, const char *lit)
{
	size_t		l = strlen(lit);

	for (size_t i = 0; i + l <= t.len; i++)
		if (memcmp(t.p + i, lit, l) == 0)
			return true;
	return false;
}

static FpText
text_after(FpText t, size_t n)
{
	FpText		r = {t.p + n, t.len - n};

	while (r.len && (r.p[0] == ' ' || r.p[0] == ':'))
	{
		r.p++;
		r.len--;
	}
	return r;
}

/* Split one raw line on tabs, folding each cell; blank cells are dropped. */
static bool
split_line(Reader *r, const char *s, size_t len, Line *ln)
{
	size_t		start = 0;

	ln->n = 0;
	for (size_t i = 0; i <= len; i++)
	{
		size_t		outlen;
		size_t		rawlen;
		size_t		bad;

		if (i < len && s[i] != '\t')
			continue;
		if (!pb_fold(s + start, i - start, r->work + r->used, &outlen, &bad))
		{
			r->line_pos += start + bad;
			return fail(r, "文本不是有效的 UTF-8 编码，或含有控制字符", no_text);
		}
		if (outlen > 0)
		{
			if (ln->n == MAX_CELLS)
				return fail(r, "一行的单元格超过 64 个", no_text);
			ln->cell[ln->n].p = r->work + r->used;
			ln->cell[ln->n].len = outlen;
			r->used += outlen;
			(void) pb_fold_spaces(s + start, i - start, r->work + r->used, &rawlen, &bad);
			ln->raw[ln->n].p = r->work + r->used;
			ln->raw[ln->n].len = rawlen;
			r->used += rawlen;
			ln->n++;
		}
		start = i + 1;
	}
	return true;
}

/* Characters in a UTF-8 slice. */
static size_t
char_count(const char *p, size_t len)
{
	size_t		n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char) p[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Byte offset of the k-th character of a slice. */
static size_t
char_offset(FpText t, size_t k)
{
	size_t		i = 0;

	while (i < t.len && k > 0)
	{
		i++;
		while (i < t.len && ((unsigned char) t.p[i] & 0xC0) == 0x80)
			i++;
		k--;
	}
	return i;
}

/* The text as written of 'sub', a slice of the folded cell i. */
static FpText
raw_of(const Line *ln, int i, FpText sub)
{
	FpText		f = ln->cell[i];
	FpText		r = ln->raw[i];
	size_t		from;
	size_t		to;
	FpText		out;

	if (sub.len == 0)
		return no_text;
	from = char_offset(r, char_count(f.p, (size_t) (sub.p - f.p)));
	to = char_offset(r, char_count(f.p, (size_t) (sub.p - f.p)) + char_count(sub.p, sub.len));
	out.p = r.p + from;
	out.len = to - from;
	return out;
}

bool
fp_is_amount(FpText t)
{
	size_t		i = 0;
	bool		digits = false;
	bool		point = false;

	if (t.len && (t.p[0] == '-' || t.p[0] == '+'))
		i++;
	for (; i < t.len; i++)
	{
		char		c = t.p[i];

		if (c >= '0' && c <= '9')
			digits = true;
		else if (c == '.' && !point)
			point = true;
		else if (c != ',' || !digits)
			return false;
	}
	return digits;
}

/* ---------------------------------------------------------------- labels */

typedef struct Label
{
	const char *text;
	int			field;			/* FpField, or one of the specials below */
} Label;

#define L_MANAGER_PHONE (-1)
#define L_FUNDS (-2)

static const Label header_labels[] = {
	{"项目负责人/联系电话", L_MANAGER_PHONE}, {"项目负责人及联系电话", L_MANAGER_PHONE},
	{"项目名称", FP_NAME}, {"主管部门", FP_DEPARTMENT}, {"实施单位", FP_IMPLEMENTING_UNIT},
	{"填报单位(盖章)", FP_REPORTING_UNIT}, {"填报单位", FP_REPORTING_UNIT},
	{"项目属性", FP_ATTRIBUTE}, {"项目级次", FP_LEVEL}, {"项目类别", FP_CATEGORY},
	{"开始时间", FP_START}, {"完成时间", FP_END}, {"结束时间", FP_END},
	{"项目负责人", FP_MANAGER}, {"联系电话", FP_PHONE},
	{"项目资金(万元)", L_FUNDS}, {"项目资金", L_FUNDS},
	{NULL, 0}
};

static const Label text_labels[] = {
	{"立项必要性", FP_NECESSITY}, {"实施可行性", FP_FEASIBILITY},
	{"项目实施内容", FP_CONTENT}, {"实施内容", FP_CONTENT},
	{"中长期目标", FP_LONG_TERM_GOAL}, {"年度目标", FP_ANNUAL_GOAL},
	{"年度绩效目标", FP_ANNUAL_GOAL},
	{NULL, 0}
};

static const Label income_labels[] = {
	{"资金总额", FA_TOTAL}, {"合计", FA_TOTAL},
	{"小计", FA_FISCAL_SUBTOTAL}, {"财政拨款", FA_FISCAL_SUBTOTAL},
	{"一般公共预算资金", FA_GENERAL_BUDGET}, {"一般公共预算", FA_GENERAL_BUDGET},
	{"政府性基金预算", FA_GOVERNMENT_FUND}, {"政府性基金预算资金", FA_GOVERNMENT_FUND},
	{"政府性基金", FA_GOVERNMENT_FUND},
	{"财政专户管理资金", FA_SPECIAL_ACCOUNT},
	{"国有资本经营预算", FA_STATE_CAPITAL}, {"国有资本经营预算资金", FA_STATE_CAPITAL},
	{"社保基金预算", FA_SOCIAL_INSURANCE}, {"社会保险基金预算", FA_SOCIAL_INSURANCE},
	{"上年结转资金", FA_CARRYOVER}, {"上年结转", FA_CARRYOVER},
	{"其他资金", FA_OTHER},
	{NULL, 0}
};

/* Label at the start of a cell ('实施单位:', '项目负责人/联系电话 吴建华/…'). */
static const Label *
label_prefix(FpText cell, const Label *labels, FpText *rest)
{
	for (int i = 0; labels[i].text; i++)
	{
		size_t		l = strlen(labels[i].text);

		/*
		 * Folding drops the space between a label and a Chinese value in the
		 * same cell ('项目负责人/联系电话 吴建华/…'), so any text may follow.
		 */
		if (!text_starts(cell, labels[i].text))
			continue;
		*rest = text_after(cell, l);
		return &labels[i];
	}
	return NULL;
}

static const Label *
label_exact(FpText cell, const Label *labels)
{
	for (int i = 0; labels[i].text; i++)
		if (text_is(cell, labels[i].text))
			return &labels[i];
	return NULL;
}

static bool
is_title(const Line *ln)
{
	for (int i = 0; i < ln->n; i++)
		if (text_contains(ln->cell[i], "绩效目标申报表") ||
			text_contains(ln->cell[i], "绩效目标表"))
			return true;
	return false;
}

/* '(2024年度)', '2024 年度': the budget year, or 0. */
static int
year_in(FpText t)
{
	for (size_t i = 0; i + 6 <= t.len; i++)
	{
		size_t		j = i;
		int			y = 0;
		int			k = 0;

		if (memcmp(t.p + i, "年度", 6) != 0)
			continue;
		while (j > 0 && t.p[j - 1] == ' ')
			j--;
		while (j > 0 && t.p[j - 1] >= '0' && t.p[j - 1] <= '9' && k < 5)
		{
			j--;
			k++;
		}
		if (k != 4)
			continue;
		for (int d = 0; d < 4; d++)
			y = y * 10 + (t.p[j + d] - '0');
		return y;
	}
	return 0;
}

/* ---------------------------------------------------------------- header */

static void
emit_field(Reader *r, FpField f, FpText t)
{
	if (t.len == 0)
		return;
	if (f == FP_NAME)
		r->has_name = true;
	if (f == FP_DEPARTMENT)
		r->has_department = true;
	r->sink->field(r->sink->arg, f, t);
}

/*
 * A tick in a cell: an <input …> tag holding 'checked' (any attribute
 * order), or one of ☑ √ ■.  Returns its byte range [*from, *to) or false.
 */
static bool
find_tick(FpText c, size_t *from, size_t *to)
{
	static const char *const marks[] = {"☑", "√", "■", NULL};

	for (size_t k = 0; k < c.len; k++)
	{
		if (c.len - k >= 6 && memcmp(c.p + k, "<input", 6) == 0)
		{
			size_t		e = k;
			FpText		tag;

			while (e < c.len && c.p[e] != '>')
				e++;
			tag.p = c.p + k;
			tag.len = e - k;
			if (text_contains(tag, "checked"))
			{
				*from = k;
				*to = e < c.len ? e + 1 : e;
				return true;
			}
			k = e;
			continue;
		}
		for (int m = 0; marks[m]; m++)
		{
			size_t		ml = strlen(marks[m]);

			if (c.len - k >= ml && memcmp(c.p + k, marks[m], ml) == 0)
			{
				*from = k;
				*to = k + ml;
				return true;
			}
		}
	}
	return false;
}

/* The option word ticked among cells [from, to): before the tick, else after. */
static FpText
ticked_option(const Line *ln, int from, int to)
{
	for (int i = from; i < to; i++)
	{
		FpText		c = ln->cell[i];
		size_t		t0;
		size_t		t1;
		FpText		opt;

		if (!find_tick(c, &t0, &t1))
			continue;
		/* the word before the tick */
		opt.p = c.p + t0;
		while (opt.p > c.p && opt.p[-1] == ' ')
			opt.p--;
		opt.len = (size_t) (c.p + t0 - opt.p);
		{
			const char *e = opt.p;

			while (opt.p > c.p && opt.p[-1] != ' ' && opt.p[-1] != '>')
				opt.p--;
			opt.len = (size_t) (e - opt.p);
		}
		if (opt.len == 0)
		{
			/* no word before it: the word after ('☑常年安排') */
			size_t		s = t1;

			while (s < c.len && c.p[s] == ' ')
				s++;
			opt.p = c.p + s;
			while (s < c.len && c.p[s] != ' ' && c.p[s] != '<')
				s++;
			opt.len = (size_t) (c.p + s - opt.p);
			/* the next mark may follow without a space */
			for (size_t k = 0; k < opt.len; k++)
			{
				size_t		m0;
				size_t		m1;
				FpText		rest = {opt.p + k, opt.len - k};

				if (find_tick(rest, &m0, &m1) && m0 == 0)
				{
					opt.len = k;
					break;
				}
			}
		}
		return raw_of(ln, i, opt);
	}
	return no_text;
}

/* 'label value label value …' cells of a header line. */
static bool
read_header_line(Reader *r, const Line *ln)
{
	int			i = 0;

	while (i < ln->n)
	{
		FpText		rest;
		const Label *lab = label_prefix(ln->cell[i], header_labels, &rest);
		int			j;

		if (lab == NULL)
		{
			int			y = year_in(ln->cell[i]);

			if (y)
			{
				r->has_year = true;
				r->sink->year(r->sink->arg, y);
			}
			i++;
			continue;
		}
		if (lab->field == L_FUNDS)
		{
			r->sec = SEC_INCOME;
			return true;
		}
		/* the value: the rest of this cell and cells up to the next label */
		for (j = i + 1; j < ln->n; j++)
		{
			FpText		dummy;

			if (label_prefix(ln->cell[j], header_labels, &dummy))
				break;
		}
		if (lab->field == FP_ATTRIBUTE || lab->field == FP_LEVEL ||
			lab->field == FP_CATEGORY)
			emit_field(r, (FpField) lab->field, ticked_option(ln, i, j));
		else
		{
			int			vi = rest.len ? i : i + 1;
			FpText		v = rest.len ? rest : (i + 1 < j ? ln->cell[i + 1] : no_text);

			if (lab->field == L_MANAGER_PHONE)
			{
				size_t		k = 0;
				FpText		mgr;
				FpText		phone;

				while (k < v.len && v.p[k] != '/')
					k++;
				mgr.p = v.p;
				mgr.len = k;
				phone = k < v.len ? text_after((FpText) {v.p + k + 1, v.len - k - 1}, 0) : no_text;
				emit_field(r, FP_MANAGER, raw_of(ln, vi, mgr));
				emit_field(r, FP_PHONE, raw_of(ln, vi, phone));
			}
			else if (v.len)
				emit_field(r, (FpField) lab->field, raw_of(ln, vi, v));
		}
		i = j;
	}
	return true;
}

/* ---------------------------------------------------------------- money */

static int
last_amount(const Line *ln)
{
	for (int i = ln->n - 1; i >= 0; i--)
		if (fp_is_amount(ln->cell[i]))
			return i;
	return -1;
}

static bool
read_income_line(Reader *r, const Line *ln)
{
	int			at = last_amount(ln);
	const Label *best = NULL;

	/* '财政拨款 | 小计 | 9': the first label names the amount */
	for (int i = 0; i < ln->n && best == NULL; i++)
		best = label_exact(ln->cell[i], income_labels);
	if (best == NULL)
	{
		if (at >= 0)
			return fail(r, "收入栏有金额但资金来源不可识别", ln->cell[0]);
		return true;			/* a heading such as 收入 / 资金来源 */
	}
	if (at >= 0)
		r->sink->amount(r->sink->arg, (FpAmount) best->field, ln->cell[at], r->line_pos);
	return true;
}

static bool
is_expenditure_heading(const Line *ln)
{
	for (int i = 0; i < ln->n; i++)
		if (text_is(ln->cell[i], "支出") || text_is(ln->cell[i], "资金分配"))
			return true;
	return false;
}

static bool
read_expenditure_line(Reader *r, const Line *ln)
{
	int			first = 0;
	int			amounts = 0;
	FpText		half = no_text;
	FpText		annual = no_text;
	FpText		item;

	if (is_expenditure_heading(ln))
		return true;
	while (amounts < ln->n && fp_is_amount(ln->cell[ln->n - 1 - amounts]))
		amounts++;
	if (amounts > 2)
		return fail(r, "资金分配行的金额多于两列", ln->cell[0]);
	if (amounts == ln->n)
		return fail(r, "资金分配行缺少项目名称", ln->cell[0]);
	if (amounts == 2)
		half = ln->cell[ln->n - 2];
	if (amounts >= 1)
		annual = ln->cell[ln->n - 1];
	if (ln->n - amounts - first != 1)
		return fail(r, "资金分配行的项目名称跨多个单元格", ln->cell[first + 1]);
	item = ln->raw[first];
	if (text_is(item, "资金总额") || text_is(item, "合计"))
	{
		if (half.len)
			r->sink->amount(r->sink->arg, FA_SPEND_HALF, half, r->line_pos);
		if (annual.len)
			r->sink->amount(r->sink->arg, FA_SPEND_ANNUAL, annual, r->line_pos);
		return true;
	}
	r->sink->expenditure(r->sink->arg, item, half, annual, r->line_pos);
	return true;
}

/* ---------------------------------------------------------------- texts */

static bool
read_text_line(Reader *r, const Line *ln)
{
	int			i = 0;
	FpText		rest;
	const Label *lab = label_prefix(ln->cell[0], text_labels, &rest);

	if (lab)
	{
		r->text_field = (FpField) lab->field;
		r->in_text = true;
		if (rest.len)
			r->sink->field(r->sink->arg, r->text_field, raw_of(ln, 0, rest));
		i = 1;
	}
	else if (!r->in_text)
		return fail(r, "无法识别的行（应为立项必要性等文字栏）", ln->cell[0]);
	for (; i < ln->n; i++)
		r->sink->field(r->sink->arg, r->text_field, ln->raw[i]);
	return true;
}

/* ---------------------------------------------------------------- indicators */

static bool
is_indicator_heading(const Line *ln)
{
	for (int i = 0; i < ln->n; i++)
		if (text_is(ln->cell[i], "一级指标") || text_is(ln->cell[i], "三级指标"))
			return true;
	return false;
}

/* A 计算符号 cell: short and read by pb_parse_symbol. */
static bool
is_symbol_cell(FpText t)
{
	PbSymbol	sym;
	bool		band;
	PbError		e;

	if (t.len == 0 || t.len > 12)
		return false;
	if (text_is(t, "以上") || text_is(t, "以下") || text_is(t, "以内"))
		return false;
	return pb_parse_symbol(t.p, t.len, &sym, &band, &e);
}

static bool
read_indicator_line(Reader *r, const Line *ln)
{
	int			sym_at = -1;
	FpText		names[3];
	FpText		sym = no_text;
	FpText		half = no_text;
	FpText		annual = no_text;
	int			nnames;
	int			nvalues;

	if (is_indicator_heading(ln))
		return true;
	if (ln->n == 1 && r->indicators > 0)
		return fail(r, "指标行只有一个单元格（行被截断？）", ln->cell[0]);
	for (int i = 1; i < ln->n && sym_at < 0; i++)
		if (is_symbol_cell(ln->cell[i]))
			sym_at = i;
	if (sym_at >= 0)
	{
		nnames = sym_at;
		nvalues = ln->n - sym_at - 1;
		sym = ln->raw[sym_at];
	}
	else if (r->symbol_column && r->last_line)
		return fail(r, "指标行缺少计算符号（行被截断？）", ln->cell[0]);
	else
	{
		/*
		 * No 计算符号 column, or a row that left it blank: the last two cells
		 * are the values.  The last line of a document cut short looks the
		 * same ('满意度指标 | 服务对象'), so there it is refused above.
		 */
		nvalues = ln->n >= 3 ? 2 : 1;
		nnames = ln->n - nvalues;
	}
	if (nnames < 1 || nnames > 3)
		return fail(r, "指标行的指标名称不是一到三级", ln->cell[0]);
	if (nvalues < 1 || nvalues > 2)
		return fail(r, nvalues < 1 ? "指标行缺少指标值" : "指标行的指标值多于两列",
					ln->cell[0]);
	if (nvalues == 2)
		half = ln->raw[ln->n - 2];
	annual = ln->raw[ln->n - 1];

	/* blank or missing 一级/二级 cells carry forward from the row above */
	names[2] = ln->raw[nnames - 1];
	names[1] = nnames >= 2 ? ln->raw[nnames - 2] : r->carry[1];
	names[0] = nnames == 3 ? ln->raw[0] : r->carry[0];
	r->carry[0] = names[0];
	r->carry[1] = names[1];
	r->indicators++;
	r->sink->indicator(r->sink->arg, names, sym, half, annual, r->line_pos);
	return true;
}

/* ---------------------------------------------------------------- forms */

/* A problem of the whole form, reported at its title line. */
static bool
fail_form(Reader *r, const char *reason)
{
	r->line = r->form_line;
	r->line_pos = r->form_pos;
	return fail(r, reason, no_text);
}

static bool
finish_form(Reader *r)
{
	if (r->form == 0)
		return true;
	if (!r->has_name)
		return fail_form(r, "缺少项目名称");
	if (!r->has_department)
		return fail_form(r, "缺少主管部门");
	if (!r->has_year)
		return fail_form(r, "缺少预算年度（如“(2024年度)”）");
	if (!r->seen_expenditure)
		return fail_form(r, "缺少支出（资金分配）栏，文档可能不完整");
	if (!r->seen_indicators || r->indicators == 0)
		return fail_form(r, "缺少绩效指标表，文档可能不完整");
	r->sink->end(r->sink->arg);
	return true;
}

static void
start_form(Reader *r)
{
	r->form++;
	r->form_line = r->line;
	r->form_pos = r->line_pos;
	r->sec = SEC_HEADER;
	r->has_name = r->has_department = r->has_year = false;
	r->seen_expenditure = r->seen_indicators = false;
	r->indicators = 0;
	r->in_text = false;
	r->carry[0] = r->carry[1] = no_text;
	r->sink->form(r->sink->arg, r->form, r->line_pos);
}

/* Which section does this line open, if any? */
static Section
section_of(Reader *r, const Line *ln)
{
	FpText		rest;

	if (is_indicator_heading(ln))
		return SEC_INDICATORS;
	if (r->sec < SEC_TEXT && label_prefix(ln->cell[0], text_labels, &rest))
		return SEC_TEXT;
	if (r->sec == SEC_TEXT && label_prefix(ln->cell[0], text_labels, &rest))
		return SEC_TEXT;
	if ((r->sec == SEC_INCOME || r->sec == SEC_HEADER) && is_expenditure_heading(ln))
		return SEC_EXPENDITURE;
	if (r->sec == SEC_HEADER)
	{
		for (int i = 0; i < ln->n; i++)
			if (label_exact(ln->cell[i], income_labels))
				return SEC_INCOME;	/* a funding block without 项目资金 */
	}
	return r->sec;
}

static bool
read_line(Reader *r, const Line *ln)
{
	Section		next;

	if (ln->n == 0)
		return true;
	if (is_title(ln))
	{
		if (!finish_form(r))
			return false;
		start_form(r);
		return read_header_line(r, ln);
	}
	if (r->sec == SEC_NONE)
		return fail(r, "文档不是以申报表标题（……预算绩效目标申报表）开始", ln->cell[0]);

	next = section_of(r, ln);
	if (next != r->sec)
	{
		r->sec = next;
		if (next == SEC_EXPENDITURE)
			r->seen_expenditure = true;
		if (next == SEC_INDICATORS)
		{
			r->seen_indicators = true;
			r->symbol_column = false;
			for (int i = 0; i < ln->n; i++)
				if (text_is(ln->cell[i], "计算符号") || text_is(ln->cell[i], "指标性质"))
					r->symbol_column = true;
			return true;
		}
	}
	switch (r->sec)
	{
		case SEC_HEADER:
			return read_header_line(r, ln);
		case SEC_INCOME:
			return read_income_line(r, ln);
		case SEC_EXPENDITURE:
			return read_expenditure_line(r, ln);
		case SEC_TEXT:
			return read_text_line(r, ln);
		case SEC_INDICATORS:
			return read_indicator_line(r, ln);
		default:
			return true;
	}
}

/* Is the rest of the document white space? */
static bool
only_space(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			return false;
	return true;
}

bool
fp_parse(const char *doc, size_t len, char *work, const FpSink *sink, FpError *err)
{
	Reader		r;
	size_t		i = 0;

	memset(&r, 0, sizeof(r));
	memset(err, 0, sizeof(*err));
	r.sink = sink;
	r.err = err;
	r.work = work;
	if (len >= 3 && memcmp(doc, "\xEF\xBB\xBF", 3) == 0)
		i = 3;					/* byte-order mark */
	while (i < len)
	{
		size_t		e = i;
		size_t		l;
		Line		ln;

		while (e < len && doc[e] != '\n')
			e++;
		l = e - i;
		if (l > 0 && doc[i + l - 1] == '\r')
			l--;
		r.line++;
		r.line_pos = i;
		r.last_line = only_space(doc + e, len - e);
		if (!split_line(&r, doc + i, l, &ln) || !read_line(&r, &ln))
			return false;
		i = e + 1;
	}
	r.line_pos = len;
	if (r.form == 0)
		return fail(&r, "文档中没有申报表（找不到“……预算绩效目标申报表”标题）", no_text);
	return finish_form(&r);
}
