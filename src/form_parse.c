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
 * The title line gives the region and level; the indicator table's header
 * row gives its layout (the seed's, read by content, or another common one,
 * read by column: see Role).
 */
#include "form_parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "perf_parse.h"
#include "text_slice.h"

#define MAX_CELLS 64
#define MAX_COLUMNS 64			/* columns of an indicator table's header */
#define QUOTE_MAX 60			/* bytes of a cell quoted in a reason */

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
	bool		by_column;		/* a layout read by column (not the seed's) */
	unsigned char role[MAX_COLUMNS];	/* Role of each header column */
	int			first_level_col;	/* cells left of it are group labels */
	int			name_line;		/* where 项目名称 and 主管部门 were read */
	int			department_line;
	FpText		name_text;
	FpText		department_text;
	bool		last_line;		/* nothing but white space follows this line */
	int			form_line;		/* where the current form starts */
	size_t		form_pos;
	FpField		text_field;		/* the text field a continuation line extends */
	bool		in_text;
	FpText		carry[2];		/* 一级, 二级 carried to following rows */
	FpText		carry_points;	/* the carried 一级's points */
	FpText		amount_text[FA_NAMOUNTS];	/* each amount of the form as read */
	int			amount_line[FA_NAMOUNTS];
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
	int			col[MAX_CELLS];	/* the cell's column: tabs before it */
	int			n;
} Line;

/* ---------------------------------------------------------------- cells */

static bool
failed(Reader *r, const char *reason, FpText found)
{
	r->err->pos = r->line_pos;
	r->err->line = r->line;
	r->err->form = r->form;
	r->err->reason = reason;
	r->err->found = found;
	return false;
}

/* A failure: the reason is an English message id, given in the session's language. */
static bool
fail(Reader *r, const char *reason, FpText found)
{
	return failed(r, pb_tr(reason), found);
}

static const FpText no_text = {NULL, 0};

/* The length of t cut to at most QUOTE_MAX bytes, at a character boundary. */
static int
quote_len(FpText t)
{
	size_t		n = t.len;

	if (n <= QUOTE_MAX)
		return (int) n;
	n = QUOTE_MAX;
	while (n > 0 && ((unsigned char) t.p[n] & 0xC0) == 0x80)
		n--;
	return (int) n;
}

/* "…" after a quote that quote_len cut. */
static const char *
quote_tail(FpText t)
{
	return t.len > QUOTE_MAX ? "…" : "";
}

/*
 * A failure whose reason quotes the input or a line number: the text is
 * formatted into the error's own buffer (the reader allocates nothing).
 */
#if defined(__GNUC__) || defined(__clang__)
static bool fail_fmt(Reader *r, FpText found, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));
#endif

static bool
fail_fmt(Reader *r, FpText found, const char *fmt,...)
{
	va_list		ap;

	char	   *buf = r->err->reason_buf;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(r->err->reason_buf), pb_tr(fmt), ap);
	va_end(ap);
	/* quotes are cut, so this should not happen; never cut a character */
	if (n >= (int) sizeof(r->err->reason_buf))
	{
		size_t		e = sizeof(r->err->reason_buf) - 1;	/* bytes kept */
		size_t		lead = e;
		unsigned char c;

		while (lead > 0 && ((unsigned char) buf[lead - 1] & 0xC0) == 0x80)
			lead--;
		c = lead > 0 ? (unsigned char) buf[lead - 1] : 0;
		if (c >= 0xC0 && lead - 1 + (c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2) > e)
			buf[lead - 1] = '\0';	/* the last character lost its tail */
	}
	return failed(r, r->err->reason_buf, found);
}

static bool
text_is(FpText t, const char *lit)
{
	size_t		l = strlen(lit);

	return t.len == l && memcmp(t.p, lit, l) == 0;
}

static bool
text_starts(FpText t, const char *lit)
{
	return slice_starts(t.p, t.len, lit);
}

static bool
text_contains(FpText t, const char *lit)
{
	return slice_contains(t.p, t.len, lit);
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
	int			column = 0;

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
			return fail(r, "the text is not valid UTF-8 or holds a control character", no_text);
		}
		if (outlen > 0)
		{
			if (ln->n == MAX_CELLS)
				return fail(r, "a line has more than 64 cells", no_text);
			ln->cell[ln->n].p = r->work + r->used;
			ln->cell[ln->n].len = outlen;
			ln->col[ln->n] = column;
			r->used += outlen;
			(void) pb_fold_spaces(s + start, i - start, r->work + r->used, &rawlen, &bad);
			ln->raw[ln->n].p = r->work + r->used;
			ln->raw[ln->n].len = rawlen;
			r->used += rawlen;
			ln->n++;
		}
		start = i + 1;
		column++;
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

static size_t
digits_at(const char *s, size_t len, size_t i, int max, int *value)
{
	size_t		start = i;

	*value = 0;
	while (i < len && i - start < (size_t) max && s[i] >= '0' && s[i] <= '9')
		*value = *value * 10 + (s[i++] - '0');
	return i - start;
}

/* Four digits of a year at s[i], not followed by a fifth, 1900..2199, or 0. */
static int
year_at(const char *s, size_t len, size_t i)
{
	int			y;

	if (digits_at(s, len, i, 5, &y) != 4 || y < 1900 || y > 2199)
		return 0;
	return y;
}

bool
fp_year_month(const char *s, size_t len, int *year, int *month)
{
	size_t		i = 0;
	size_t		n;
	int			day;
	char		sep;

	while (i < len && s[i] == ' ')
		i++;
	while (len > i && s[len - 1] == ' ')
		len--;
	if ((*year = year_at(s, len, i)) == 0)
		return false;
	i += 4;
	if (i >= len || (s[i] != '.' && s[i] != '-' && s[i] != '/'))
		return false;
	sep = s[i++];
	if ((n = digits_at(s, len, i, 2, month)) == 0 || *month < 1 || *month > 12)
		return false;
	i += n;
	if (i == len)
		return true;
	/* '2024-01-01': a day of the month, the same separator */
	if (s[i] != sep || (n = digits_at(s, len, i + 1, 2, &day)) == 0 || day < 1 || day > 31)
		return false;
	return i + 1 + n == len;
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
	{"项目单位", FP_IMPLEMENTING_UNIT},
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

/*
 * '(全称)', '(盖章):' after a label is part of the label, not its value:
 * '项目名称(全称)', '实施单位(盖章):如皋市…'.  A bracket that does not close
 * before the end of the cell or a ':' is left as the value's.
 */
static FpText
without_annotation(FpText rest)
{
	size_t		close = 0;

	if (rest.len == 0 || rest.p[0] != '(')
		return rest;
	while (close < rest.len && rest.p[close] != ')')
		close++;
	if (close == rest.len)
		return rest;
	if (close + 1 < rest.len && rest.p[close + 1] != ':' && rest.p[close + 1] != ' ')
		return rest;
	return text_after(rest, close + 1);
}

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
		*rest = without_annotation(text_after(cell, l));
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

static bool emit_field(Reader *r, FpField f, FpText t);

static bool
is_digits(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return true;
}

/* The cell holding the title ('…绩效目标申报表'), or -1. */
static int
title_cell(const Line *ln)
{
	for (int i = 0; i < ln->n; i++)
		if (text_contains(ln->cell[i], "绩效目标申报表") ||
			text_contains(ln->cell[i], "绩效目标审批表") ||
			text_contains(ln->cell[i], "绩效目标表"))
			return i;
	return -1;
}

static bool
is_title(const Line *ln)
{
	return title_cell(ln) >= 0;
}

/*
 * The budget levels a title names after its region, and (same order) the
 * last character of a region of that level.  The sink gets these literals
 * for the level, because '如东县本级' says 县级 without writing it.
 */
const char *const fp_level_words[] = {"省级", "市级", "县级", "区级", "州级", "旗级", "盟级",
"乡级", "镇级", NULL};
static const char *const region_ends[] = {"省", "市", "县", "区", "州", "旗", "盟", "乡", "镇",
NULL};

/* Words that end the region-and-level part of a title. */
static const char *const title_stops[] = {"项目", "部门", "预算", "专项", "转移支付", "整体",
"绩效", "单位", "财政", NULL};

static bool
text_ends(FpText t, const char *lit)
{
	size_t		l = strlen(lit);

	return t.len >= l && memcmp(t.p + t.len - l, lit, l) == 0;
}

/* Index of the region end character t ends with, or -1. */
static int
region_end_of(FpText t)
{
	for (int k = 0; region_ends[k]; k++)
		if (text_ends(t, region_ends[k]))
			return k;
	return -1;
}

/*
 * Split the start of a title ('2024年度如皋市市级' before '项目…') into the
 * region and the level: '江苏省省级' → 江苏省, 省级; '如东县本级' → 如东县, 县级;
 * '如皋市市本级' → 如皋市, 市级.  The region must end in 省 市 县 区 …, so a
 * title starting with a department or with nothing gives no region.
 */
static void
split_region(FpText t, FpText *region, int *level)
{
	size_t		end = t.len;
	FpText		pre;

	for (int k = 0; title_stops[k]; k++)
		for (size_t i = 0; i + strlen(title_stops[k]) <= end; i++)
			if (memcmp(t.p + i, title_stops[k], strlen(title_stops[k])) == 0)
			{
				end = i;
				break;
			}
	pre.p = t.p;
	pre.len = end;
	/* a year written before the region: '2024年度', '2024年' */
	if (pre.len >= 7 && is_digits(pre.p, 4) && memcmp(pre.p + 4, "年", 3) == 0)
		pre = text_after(pre, text_starts(text_after(pre, 7), "度") ? 10 : 7);
	*level = -1;
	for (int k = 0; fp_level_words[k]; k++)
		if (text_ends(pre, fp_level_words[k]))
		{
			*level = k;
			pre.len -= strlen(fp_level_words[k]);
			break;
		}
	if (*level < 0 && text_ends(pre, "本级"))
	{
		pre.len -= strlen("本级");
		*level = region_end_of(pre);
		/* '如皋市市本级': the level's 市 repeats the region's */
		if (*level >= 0 && pre.len >= 6)
		{
			FpText		shorter = {pre.p, pre.len - 3};

			if (region_end_of(shorter) == *level && char_count(shorter.p, shorter.len) >= 2)
				pre = shorter;
		}
	}
	*region = (region_end_of(pre) >= 0 && char_count(pre.p, pre.len) >= 2) ? pre : no_text;
}

/* Region and level from the title line (FP_REGION, FP_REGION_LEVEL). */
static bool
read_title(Reader *r, const Line *ln)
{
	int			i = title_cell(ln);
	FpText		region;
	int			level;

	split_region(ln->cell[i], &region, &level);
	if (region.len && !emit_field(r, FP_REGION, raw_of(ln, i, region)))
		return false;
	if (level >= 0)
	{
		FpText		lw = {fp_level_words[level], strlen(fp_level_words[level])};

		return emit_field(r, FP_REGION_LEVEL, lw);
	}
	return true;
}

/*
 * '(2024年)' alone in a cell, '预算年度:2024年', '预算年度 2024': the year
 * as some provinces' forms write it, or 0.  (Folded: （ is '(', ： is ':'.)
 */
static int
year_written_otherwise(FpText t)
{
	static const char label[] = "预算年度";
	size_t		i;

	if (t.len == 9 && t.p[0] == '(' && memcmp(t.p + 5, "年)", 4) == 0)
		return year_at(t.p, t.len, 1);
	if (t.len < sizeof(label) - 1 || memcmp(t.p, label, sizeof(label) - 1) != 0)
		return 0;
	i = sizeof(label) - 1;
	while (i < t.len && (t.p[i] == ' ' || t.p[i] == ':'))
		i++;
	/* the year alone, or followed by 年 */
	if (t.len == i + 4 || (t.len == i + 4 + 3 && memcmp(t.p + i + 4, "年", 3) == 0))
		return year_at(t.p, t.len, i);
	return 0;
}

/* '(2024年度)', '2024 年度', '(2024年)', '预算年度:2024': the budget year, or 0. */
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
	return year_written_otherwise(t);
}

/* ---------------------------------------------------------------- header */

/*
 * A second 项目名称 or 主管部门 line is refused: joining the two values (as
 * text fields are joined) would store a name nobody wrote, and keeping
 * either one would hide which form this is.
 */
static bool
refuse_second(Reader *r, const char *label, int first_line, FpText first, FpText second)
{
	return fail_fmt(r, second, "%s appears twice: line %d \"%.*s%s\", line %d \"%.*s%s\"; a form has one %s",
					label, first_line, quote_len(first), first.p, quote_tail(first),
					r->line, quote_len(second), second.p, quote_tail(second), label);
}

static bool
emit_field(Reader *r, FpField f, FpText t)
{
	if (t.len == 0)
		return true;
	if (f == FP_NAME)
	{
		if (r->has_name)
			return refuse_second(r, "项目名称", r->name_line, r->name_text, t);
		r->has_name = true;
		r->name_line = r->line;
		r->name_text = t;
	}
	if (f == FP_DEPARTMENT)
	{
		if (r->has_department)
			return refuse_second(r, "主管部门", r->department_line, r->department_text, t);
		r->has_department = true;
		r->department_line = r->line;
		r->department_text = t;
	}
	r->sink->field(r->sink->arg, f, t);
	return true;
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
		{
			if (!emit_field(r, (FpField) lab->field, ticked_option(ln, i, j)))
				return false;
		}
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
				if (!emit_field(r, FP_MANAGER, raw_of(ln, vi, mgr)) ||
					!emit_field(r, FP_PHONE, raw_of(ln, vi, phone)))
					return false;
			}
			else if (v.len && !emit_field(r, (FpField) lab->field, raw_of(ln, vi, v)))
				return false;
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

/*
 * Is a cell that is not an amount still meant as one: a number in words
 * ('九', '一百'), 'NaN', '1e5'?  Such a cell where an amount belongs is
 * reported as not a number rather than read as part of a label or name.
 * A dash or slash alone ('-', '/') is how forms write "none" and stays blank.
 */
static bool
is_none_mark(FpText t)
{
	for (size_t i = 0; i < t.len; i++)
		if (t.p[i] != '-' && t.p[i] != '/')
			return false;
	return true;
}

static bool
looks_like_amount(FpText t)
{
	static const char *const numerals[] = {"零", "〇", "一", "二", "两", "三", "四", "五", "六",
		"七", "八", "九", "十", "百", "千", "万", "亿", "点", "壹", "贰", "叁", "肆", "伍", "陆",
	"柒", "捌", "玖", "拾", "佰", "仟", "元", NULL};
	size_t		i = 0;

	if (is_none_mark(t))
		return false;
	while (i < t.len)
	{
		int			k;

		if ((unsigned char) t.p[i] < 0x80)
		{
			i++;
			continue;
		}
		for (k = 0; numerals[k]; k++)
			if (t.len - i >= strlen(numerals[k]) &&
				memcmp(t.p + i, numerals[k], strlen(numerals[k])) == 0)
				break;
		if (numerals[k] == NULL)
			return false;
		i += strlen(numerals[k]);
	}
	return t.len > 0;
}

static bool
fail_not_amount(Reader *r, const char *where, FpText what, const char *column, FpText cell)
{
	return fail_fmt(r, cell, "%s \"%.*s%s\": the %s \"%.*s%s\" is not a number (amounts are in 万元, written as digits only)",
					where, quote_len(what), what.p, quote_tail(what), column,
					quote_len(cell), cell.p, quote_tail(cell));
}

/*
 * '9万元', '9 万元', '9万' where an amount belongs: the form's money is in 万元
 * already and a spreadsheet export may repeat the unit in the cell.  Returns
 * the line with such cells cut to their digits (in *copy), or the line
 * itself when it has none.  Another unit ('9元') is left, to be refused as
 * not a number: it would change the amount.
 */
static const Line *
without_money_unit(const Line *ln, Line *copy)
{
	bool		copied = false;

	for (int i = 0; i < ln->n; i++)
	{
		FpText		a = ln->cell[i];

		if (text_ends(a, "万元"))
			a.len -= strlen("万元");
		else if (text_ends(a, "万"))
			a.len -= strlen("万");
		else
			continue;
		while (a.len > 0 && a.p[a.len - 1] == ' ')
			a.len--;
		if (!fp_is_amount(a))
			continue;
		if (!copied)
		{
			*copy = *ln;
			copied = true;
		}
		copy->cell[i] = a;
	}
	return copied ? copy : ln;
}

/* '9' and '9.00', '1,000' and '1000': the digits of an amount, normalized. */
static size_t
amount_digits(FpText t, char *out, size_t cap)
{
	size_t		n = 0;
	size_t		point = (size_t) -1;
	size_t		i = 0;

	if (i < t.len && t.p[i] == '+')
		i++;
	if (i < t.len && t.p[i] == '-' && n < cap)
		out[n++] = t.p[i++];
	while (i < t.len && (t.p[i] == '0' || t.p[i] == ',') && i + 1 < t.len && t.p[i + 1] != '.')
		i++;
	for (; i < t.len && n < cap; i++)
	{
		if (t.p[i] == ',')
			continue;
		if (t.p[i] == '.')
			point = n;
		out[n++] = t.p[i];
	}
	if (point != (size_t) -1)
	{
		while (n > point + 1 && out[n - 1] == '0')
			n--;
		if (n == point + 1)
			n--;
	}
	return n;
}

static bool
same_amount(FpText a, FpText b)
{
	char		da[64];
	char		db[64];
	size_t		na = amount_digits(a, da, sizeof(da));
	size_t		nb = amount_digits(b, db, sizeof(db));

	return na == nb && memcmp(da, db, na) == 0;
}

/*
 * An amount of the form, once: the same source written twice with two
 * different amounts ('其他资金 5' and '其他资金 3', or 财政拨款 and 小计 on two
 * lines) is refused rather than one of them kept.  The same amount twice,
 * or a blank line again, is harmless.
 */
static bool
emit_amount(Reader *r, FpAmount a, FpText t)
{
	static const char *const names[FA_NAMOUNTS] = {
		"资金总额", "财政拨款小计", "一般公共预算资金", "政府性基金预算", "财政专户管理资金",
		"国有资本经营预算", "社保基金预算", "上年结转资金", "其他资金",
		"支出资金总额(半年)", "支出资金总额(全年)"
	};
	FpText		first = r->amount_text[a];

	if (first.len && !same_amount(first, t))
		return fail_fmt(r, t, "the amount of %s appears twice: line %d \"%.*s%s\", line %d \"%.*s%s\"; a form has one",
						names[a], r->amount_line[a], quote_len(first), first.p, quote_tail(first),
						r->line, quote_len(t), t.p, quote_tail(t));
	r->amount_text[a] = t;
	r->amount_line[a] = r->line;
	r->sink->amount(r->sink->arg, a, t, r->line_pos);
	return true;
}

/*
 * A money label without the bracketed note that ends it: '资金总额(万元)',
 * '一般公共预算资金(当年)' are 资金总额 and 一般公共预算资金.  (Folded: （ is '('.)
 */
static FpText
without_trailing_note(FpText t)
{
	size_t		open = t.len;

	if (t.len < 2 || t.p[t.len - 1] != ')')
		return t;
	while (open > 0 && t.p[open - 1] != '(')
		open--;
	if (open <= 1)
		return t;				/* no '(', or nothing before it */
	t.len = open - 1;
	while (t.len > 0 && t.p[t.len - 1] == ' ')
		t.len--;
	return t;
}

/* An income label, after a leading 其中 ('其中:财政拨款'), or NULL. */
static const Label *
income_label(FpText cell)
{
	static const char among[] = "其中";

	if (text_starts(cell, among))
		cell = text_after(cell, sizeof(among) - 1);
	return label_exact(without_trailing_note(cell), income_labels);
}

static bool
read_income_line(Reader *r, const Line *ln)
{
	int			at = last_amount(ln);
	const Label *best = NULL;
	int			label_at = 0;

	/* '财政拨款 | 小计 | 9': the first label names the amount */
	for (int i = 0; i < ln->n && best == NULL; i++)
		if ((best = income_label(ln->cell[i])) != NULL)
			label_at = i;
	if (best == NULL)
	{
		if (at >= 0)
			return fail(r, "an income line has an amount but no funding source that can be recognized", ln->cell[0]);
		return true;			/* a heading such as 收入 / 资金来源 */
	}
	/* the amount is the last cell; '九' or 'NaN' there is not a label */
	if (at < ln->n - 1 && ln->n - 1 > label_at &&
		!income_label(ln->cell[ln->n - 1]) &&
		looks_like_amount(ln->cell[ln->n - 1]))
		return fail_not_amount(r, "收入", ln->raw[label_at], "全年(程)预算数",
							   ln->raw[ln->n - 1]);
	if (at >= 0)
		return emit_amount(r, (FpAmount) best->field, ln->cell[at]);
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
	FpText		label;

	if (is_expenditure_heading(ln))
		return true;
	while (amounts < ln->n && fp_is_amount(ln->cell[ln->n - 1 - amounts]))
		amounts++;
	if (amounts > 2)
		return fail(r, "an expenditure line has more than two amount columns", ln->cell[0]);
	if (amounts == ln->n)
		return fail(r, "an expenditure line has no item name", ln->cell[0]);
	if (amounts == 2)
		half = ln->cell[ln->n - 2];
	if (amounts >= 1)
		annual = ln->cell[ln->n - 1];
	if (ln->n - amounts - first != 1)
	{
		/* a cell in one of the two amount columns that is not a number */
		int			bad = ln->n - amounts - 1;

		if (amounts < 2 && looks_like_amount(ln->cell[bad]))
			return fail_not_amount(r, "资金分配", ln->raw[first],
								   amounts == 1 || bad < ln->n - 1 ?
								   "半年(程)计划执行数" : "全年(程)预算数", ln->raw[bad]);
		return fail(r, "the item name of an expenditure line spans several cells", ln->cell[first + 1]);
	}
	item = ln->raw[first];
	label = without_trailing_note(ln->cell[first]);
	if (text_is(label, "资金总额") || text_is(label, "合计"))
	{
		if (half.len && !emit_amount(r, FA_SPEND_HALF, half))
			return false;
		if (annual.len && !emit_amount(r, FA_SPEND_ANNUAL, annual))
			return false;
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
		return fail(r, "a line that cannot be recognized (a text section such as 立项必要性 is expected here)", ln->cell[0]);
	for (; i < ln->n; i++)
		r->sink->field(r->sink->arg, r->text_field, ln->raw[i]);
	return true;
}

/* ---------------------------------------------------------------- indicators */

/*
 * The indicator table's layouts are told apart by their header row.  Each
 * header cell names the role of its column; the seed's layout (计算符号,
 * 半年/全年) is read by content, as PDF extraction shifts its cells freely;
 * every other layout is read by column, each cell under its header cell.
 */
typedef enum Role
{
	R_NONE = 0,					/* no header cell above this column */
	R_LABEL,					/* '绩效目标指标' left of the levels */
	R_L1, R_L2, R_L3,
	R_SYMBOL,					/* 计算符号 */
	R_HALF,						/* 半年(程)指标值 */
	R_ANNUAL,					/* 全年(程)指标值 */
	R_VALUE,					/* 指标值, 目标值, 指标值及单位 */
	R_UNIT,						/* 计量单位, 度量单位 */
	R_NATURE,					/* 指标性质: 正向 / 反向 / 定性 */
	R_DIRECTION,				/* 指标方向: ≥ ≤ = … */
	R_VALUE_TYPE,				/* 指标值类型: 定量 / 定性 */
	R_POINTS,					/* 分值, 权重 */
	R_EXPLAIN,					/* 指标解释 (remarks[0]) */
	R_SCORING,					/* 评(扣)分标准 (remarks[1]) */
	R_NOTE,						/* 备注 (remarks[2]) */
	R_NROLES
} Role;

const char *const fp_remark_labels[3] = {"指标解释", "评(扣)分标准", "备注"};

static const Label header_roles[] = {
	{"一级指标", R_L1}, {"二级指标", R_L2},
	{"三级指标", R_L3}, {"三级指标内容", R_L3}, {"三级指标名称", R_L3},
	{"计算符号", R_SYMBOL},
	{"半年(程)指标值", R_HALF}, {"半年指标值", R_HALF},
	{"全年(程)指标值", R_ANNUAL}, {"全年指标值", R_ANNUAL},
	{"指标值", R_VALUE}, {"指标值及单位", R_VALUE}, {"目标值", R_VALUE},
	{"年度指标值", R_VALUE}, {"年度目标值", R_VALUE},
	{"计量单位", R_UNIT}, {"度量单位", R_UNIT}, {"单位", R_UNIT},
	{"指标性质", R_NATURE}, {"指标方向", R_DIRECTION}, {"指标值类型", R_VALUE_TYPE},
	{"分值", R_POINTS}, {"权重", R_POINTS}, {"指标分值", R_POINTS}, {"指标权重", R_POINTS},
	{"分值(分)", R_POINTS}, {"权重(分)", R_POINTS},
	{"指标解释", R_EXPLAIN}, {"指标说明", R_EXPLAIN},
	{"评(扣)分标准", R_SCORING}, {"评分标准", R_SCORING}, {"评(扣)分依据", R_SCORING},
	{"备注", R_NOTE},
	{NULL, 0}
};

/* The layouts accepted, for the error that refuses another one. */
static const char layouts_accepted[] =
	"一级|二级|三级|计算符号|半年(程)指标值|全年(程)指标值；"
	"一级|二级|三级|指标值[|备注]；一级|二级|三级指标内容|指标值及单位；"
	"一级|二级|三级|指标值|分值|指标解释；"
	"一级|二级|三级|指标性质|指标方向|目标值|计量单位|分值|备注；"
	"一级|二级|三级|指标值类型|指标值|计量单位|指标解释|评(扣)分标准|备注";

static bool
is_indicator_heading(const Line *ln)
{
	for (int i = 0; i < ln->n; i++)
		if (text_is(ln->cell[i], "一级指标") || text_is(ln->cell[i], "三级指标"))
			return true;
	return false;
}

/*
 * The role of a header cell, spaces ignored: PDF extraction leaves them
 * next to brackets too ('全年(程) 指标值'), where folding keeps them.
 */
static const Label *
header_role(FpText cell)
{
	for (int k = 0; header_roles[k].text; k++)
	{
		const char *lit = header_roles[k].text;
		size_t		j = 0;
		size_t		i;

		for (i = 0; i < cell.len; i++)
		{
			if (cell.p[i] == ' ')
				continue;
			if (lit[j] == '\0' || lit[j] != cell.p[i])
				break;
			j++;
		}
		if (i == cell.len && lit[j] == '\0')
			return &header_roles[k];
	}
	return NULL;
}

/* The header row as written, cells joined by '|', cut for a message. */
static bool
fail_layout(Reader *r, const Line *ln, FpText cell, const char *why)
{
	char		row[200];
	size_t		n = 0;

	for (int i = 0; i < ln->n; i++)
	{
		int			l = quote_len(ln->raw[i]);

		if (n + (size_t) l + 5 >= sizeof(row))
		{
			memcpy(row + n, "…", 3);
			n += 3;
			break;
		}
		if (i > 0)
			row[n++] = '|';
		memcpy(row + n, ln->raw[i].p, (size_t) l);
		n += (size_t) l;
	}
	row[n] = '\0';
	return fail_fmt(r, cell, "the indicator table heading \"%s\" %s; the layouts that can be imported are: %s",
					row, pb_tr(why), layouts_accepted);
}

/*
 * Read the header row: the role of each column, and whether the table is
 * read by content (the seed's layout) or by column.  A header cell that is
 * not known refuses the form, so that no column is silently misread.
 */
static bool
read_indicator_heading(Reader *r, const Line *ln)
{
	int			count[R_NROLES] = {0};

	memset(r->role, R_NONE, sizeof(r->role));
	r->first_level_col = -1;
	for (int i = 0; i < ln->n; i++)
	{
		const Label *lab = header_role(ln->cell[i]);
		int			c = ln->col[i];

		if (c >= MAX_COLUMNS)
			return fail_layout(r, ln, ln->raw[i], PB_N_("has more than 64 columns"));
		if (lab == NULL && r->first_level_col < 0)
		{
			r->role[c] = R_LABEL;	/* '绩效目标指标' spanning the rows */
			continue;
		}
		if (lab == NULL && text_contains(ln->cell[i], "区域目标值"))
			return fail_layout(r, ln, ln->raw[i],
							   PB_N_("has one target column per region (区域目标值), which cannot be imported; fill in one form per region, with one target value column"));
		if (lab == NULL)
			return fail_layout(r, ln, ln->raw[i], PB_N_("has a column that is not recognized"));
		if (lab->field <= R_L3 && r->first_level_col < 0)
			r->first_level_col = c;
		if (count[lab->field]++ > 0)
			return fail_layout(r, ln, ln->raw[i], PB_N_("has a column twice"));
		r->role[c] = (unsigned char) lab->field;
	}
	if (count[R_L3] == 0)
		return fail_layout(r, ln, no_text, PB_N_("has no level-3 indicator column"));
	r->by_column = !(count[R_SYMBOL] || count[R_HALF] || count[R_ANNUAL]);
	r->symbol_column = count[R_SYMBOL] > 0;
	if (r->by_column && count[R_VALUE] == 0)
		return fail_layout(r, ln, no_text, PB_N_("has no target value column"));
	if (!r->by_column && (count[R_UNIT] || count[R_NATURE] || count[R_DIRECTION] ||
						  count[R_VALUE_TYPE] || count[R_POINTS] || count[R_EXPLAIN] ||
						  count[R_SCORING] || count[R_NOTE]))
		return fail_layout(r, ln, no_text, PB_N_("mixes the 计算符号 and half-year and annual target columns with the columns of another layout"));
	return true;
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
is_points_char(char c)
{
	return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '~' || c == ' ';
}

/*
 * A 一级 cell with its points: '产出指标 (40-50)分', '成本指标(0-20)分',
 * '产出指标(50分)', '产出指标50分'.  Splits the folded cell into the name
 * and the points (as written, brackets kept); false when it has none.
 */
static bool
split_points(FpText c, FpText *name, FpText *points)
{
	size_t		e = c.len;
	size_t		b;
	size_t		d;

	if (text_ends(c, ")分"))
		e -= strlen(")分");
	else if (text_ends(c, "分)"))
		e -= strlen("分)");
	else if (text_ends(c, "分"))
		e -= strlen("分");
	else
		return false;
	b = e;
	while (b > 0 && is_points_char(c.p[b - 1]))
		b--;
	for (d = b; d < e && (c.p[d] < '0' || c.p[d] > '9'); d++)
		;
	if (d == e)
		return false;			/* no digit: '部分' is not points */
	if (c.len - e != strlen("分"))
	{
		if (b == 0 || c.p[b - 1] != '(')
			return false;
		b--;
	}
	while (b < e && c.p[b] == ' ')
		b++;
	points->p = c.p + b;
	points->len = c.len - b;
	name->p = c.p;
	name->len = b;
	while (name->len > 0 && name->p[name->len - 1] == ' ')
		name->len--;
	return name->len > 0;
}

/* The 一级 name of cell i without its points, and the points. */
static void
level1_of(const Line *ln, int i, FpText *name, FpText *points)
{
	FpText		n;
	FpText		p;

	if (split_points(ln->cell[i], &n, &p))
	{
		*name = raw_of(ln, i, n);
		*points = raw_of(ln, i, p);
	}
	else
	{
		*name = ln->raw[i];
		*points = no_text;
	}
}

static void
emit_indicator(Reader *r, FpIndicator *row)
{
	r->carry[0] = row->names[0];
	r->carry[1] = row->names[1];
	r->carry_points = row->level1_points;
	r->indicators++;
	r->sink->indicator(r->sink->arg, row, r->line_pos);
}

/* A row of the seed's layout, read by content (see the Role comment). */
static bool
read_indicator_line(Reader *r, const Line *ln)
{
	int			sym_at = -1;
	FpIndicator row;
	int			nnames;
	int			nvalues;

	memset(&row, 0, sizeof(row));
	if (ln->n == 1 && r->indicators > 0)
		return fail(r, "an indicator line has only one cell (is the line cut short?)", ln->cell[0]);
	for (int i = 1; i < ln->n && sym_at < 0; i++)
		if (is_symbol_cell(ln->cell[i]))
			sym_at = i;
	if (sym_at >= 0)
	{
		nnames = sym_at;
		nvalues = ln->n - sym_at - 1;
		row.symbol = ln->raw[sym_at];
	}
	else if (r->symbol_column && r->last_line)
		return fail(r, "an indicator line has no comparator (is the line cut short?)", ln->cell[0]);
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
		return fail(r, "the indicator names of an indicator line are not levels one to three", ln->cell[0]);
	if (nvalues < 1 || nvalues > 2)
		return fail(r, nvalues < 1 ? PB_N_("an indicator line has no target value") :
					PB_N_("an indicator line has more than two target values"),
					ln->cell[0]);
	if (nvalues == 2)
		row.half = ln->raw[ln->n - 2];
	row.annual = ln->raw[ln->n - 1];

	/* blank or missing 一级/二级 cells carry forward from the row above */
	row.names[2] = ln->raw[nnames - 1];
	row.names[1] = nnames >= 2 ? ln->raw[nnames - 2] : r->carry[1];
	if (nnames == 3)
		level1_of(ln, 0, &row.names[0], &row.level1_points);
	else
	{
		row.names[0] = r->carry[0];
		row.level1_points = r->carry_points;
	}
	emit_indicator(r, &row);
	return true;
}

/*
 * A spreadsheet's date serial where a date belongs: '44,561' is 2021-12-31
 * (days since 1899-12-30, as spreadsheets count).  Only whole numbers that
 * fall in 2000–2099, in a 时效 row or under a date unit, are taken: a
 * count of 45,000 people is never a date.
 */
static bool
serial_date(const FpIndicator *row, FpText folded, FpText unit, int *y, int *m, int *d)
{
	long		days = 0;
	int			digits = 0;

	if (!fp_is_amount(folded) || folded.p[0] == '-' || folded.p[0] == '+')
		return false;
	for (size_t i = 0; i < folded.len; i++)
	{
		if (folded.p[i] == '.')
			return false;
		if (folded.p[i] >= '0' && folded.p[i] <= '9' && ++digits <= 6)
			days = days * 10 + (folded.p[i] - '0');
	}
	if (digits > 5 || days < 36526 || days > 73050)
		return false;
	if (!(unit.len == 0 && text_contains(row->names[1], "时效")) &&
		!text_is(unit, "日期") && !text_is(unit, "年月日") && !text_is(unit, "时间"))
		return false;
	/* civil date from days since 1970-01-01 (Howard Hinnant's algorithm) */
	{
		long		z = days - 25569 + 719468;
		long		era = z / 146097;
		long		doe = z - era * 146097;
		long		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
		long		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
		long		mp = (5 * doy + 2) / 153;

		*d = (int) (doy - (153 * mp + 2) / 5 + 1);
		*m = (int) (mp < 10 ? mp + 3 : mp - 9);
		*y = (int) (yoe + era * 400 + (*m <= 2));
	}
	return true;
}

/* '10', '10分' → the amount; false when the cell is something else. */
static bool
points_amount(FpText c, FpText *amount)
{
	*amount = c;
	if (text_ends(c, "分"))
		amount->len -= strlen("分");
	while (amount->len > 0 && amount->p[amount->len - 1] == ' ')
		amount->len--;
	return fp_is_amount(*amount);
}

/*
 * The comparator handed to perf_target: 定性 when 指标性质 or 指标值类型 says
 * so (the form's word is kept), else the 指标方向, else 正向/反向 or 定量.
 * 正向 with ≤ (or 反向 with ≥) contradicts itself and is refused.
 */
static bool
choose_symbol(Reader *r, const FpText cell[R_NROLES], const FpText raw[R_NROLES], FpText *sym)
{
	PbSymbol	nature = PB_SYM_NONE;
	PbSymbol	dir = PB_SYM_NONE;
	bool		band;
	PbError		e;

	if (text_is(cell[R_NATURE], "定性") || text_is(cell[R_NATURE], "定性指标"))
		*sym = raw[R_NATURE];
	else if (text_is(cell[R_VALUE_TYPE], "定性") || text_is(cell[R_VALUE_TYPE], "定性指标"))
		*sym = raw[R_VALUE_TYPE];
	else if (cell[R_DIRECTION].len)
		*sym = raw[R_DIRECTION];
	else if (cell[R_NATURE].len)
		*sym = raw[R_NATURE];
	else
		*sym = raw[R_VALUE_TYPE];
	if (cell[R_NATURE].len && cell[R_DIRECTION].len &&
		pb_parse_symbol(cell[R_NATURE].p, cell[R_NATURE].len, &nature, &band, &e) &&
		pb_parse_symbol(cell[R_DIRECTION].p, cell[R_DIRECTION].len, &dir, &band, &e) &&
		(((nature == PB_SYM_GE || nature == PB_SYM_POSITIVE) &&
		  (dir == PB_SYM_LE || dir == PB_SYM_LT || dir == PB_SYM_REVERSE)) ||
		 ((nature == PB_SYM_LE || nature == PB_SYM_REVERSE) &&
		  (dir == PB_SYM_GE || dir == PB_SYM_GT || dir == PB_SYM_POSITIVE))))
		return fail_fmt(r, raw[R_DIRECTION], "the 指标性质 \"%.*s\" contradicts the 指标方向 \"%.*s\"",
						quote_len(raw[R_NATURE]), raw[R_NATURE].p,
						quote_len(raw[R_DIRECTION]), raw[R_DIRECTION].p);
	return true;
}

/* A row of a layout read by column: each cell under its header cell. */
static bool
read_indicator_columns(Reader *r, const Line *ln)
{
	FpText		cell[R_NROLES];
	FpText		raw[R_NROLES];
	int			at[R_NROLES];
	FpIndicator row;
	FpText		amount;

	for (int k = 0; k < R_NROLES; k++)
	{
		cell[k] = raw[k] = no_text;
		at[k] = -1;
	}
	memset(&row, 0, sizeof(row));
	for (int i = 0; i < ln->n; i++)
	{
		int			c = ln->col[i];
		int			role = c < MAX_COLUMNS ? r->role[c] : R_NONE;

		if (role == R_LABEL || (c < r->first_level_col && role == R_NONE))
			continue;			/* a group label spanning the rows */
		if (role == R_NONE)
			return fail_fmt(r, ln->raw[i], "the cell \"%.*s%s\" of an indicator line (column %d) stands under no column of the heading",
							quote_len(ln->raw[i]), ln->raw[i].p, quote_tail(ln->raw[i]), c + 1);
		cell[role] = ln->cell[i];
		raw[role] = ln->raw[i];
		at[role] = i;
	}
	if (!cell[R_L1].len && !cell[R_L2].len && !cell[R_L3].len && !cell[R_VALUE].len)
		return true;			/* only a group label, or nothing under the levels */
	if (!cell[R_L3].len)
		return fail(r, "an indicator line has no level-3 indicator", ln->cell[0]);
	if (!cell[R_VALUE].len)
		return fail_fmt(r, raw[R_L3], "the indicator \"%.*s%s\" has no target value",
						quote_len(raw[R_L3]), raw[R_L3].p, quote_tail(raw[R_L3]));

	row.names[2] = raw[R_L3];
	row.names[1] = cell[R_L2].len ? raw[R_L2] : (cell[R_L1].len ? no_text : r->carry[1]);
	if (cell[R_L1].len)
		level1_of(ln, at[R_L1], &row.names[0], &row.level1_points);
	else
	{
		row.names[0] = r->carry[0];
		row.level1_points = r->carry_points;
	}
	if (!choose_symbol(r, cell, raw, &row.symbol))
		return false;
	row.annual = raw[R_VALUE];
	row.unit = raw[R_UNIT];
	if (cell[R_POINTS].len)
	{
		if (!points_amount(cell[R_POINTS], &amount))
			return fail_fmt(r, raw[R_POINTS], "the indicator \"%.*s%s\" has points (分值) \"%.*s%s\" that are not a number",
							quote_len(raw[R_L3]), raw[R_L3].p, quote_tail(raw[R_L3]),
							quote_len(raw[R_POINTS]), raw[R_POINTS].p, quote_tail(raw[R_POINTS]));
		row.weight = amount;
	}
	row.remarks[0] = raw[R_EXPLAIN];
	row.remarks[1] = raw[R_SCORING];
	row.remarks[2] = raw[R_NOTE];
	if (serial_date(&row, cell[R_VALUE], cell[R_UNIT],
					&row.date_year, &row.date_month, &row.date_day))
		row.unit = no_text;		/* '日期' is not a unit of the date */
	emit_indicator(r, &row);
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
		return fail_form(r, "the 项目名称 (project name) is missing");
	if (!r->has_department)
		return fail_form(r, "the 主管部门 (department) is missing");
	if (!r->has_year)
		return fail_form(r, "the budget year is missing (such as \"(2024年度)\")");
	if (!r->seen_expenditure)
		return fail_form(r, "the expenditure (资金分配) section is missing; the document may be incomplete");
	if (!r->seen_indicators || r->indicators == 0)
		return fail_form(r, "the indicator table is missing; the document may be incomplete");
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
	r->carry[0] = r->carry[1] = r->carry_points = no_text;
	for (int a = 0; a < FA_NAMOUNTS; a++)
		r->amount_text[a] = no_text;
	r->by_column = false;
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
			if (income_label(ln->cell[i]))
				return SEC_INCOME;	/* a funding block without 项目资金 */
	}
	return r->sec;
}

static bool
read_line(Reader *r, const Line *ln)
{
	Section		next;
	Line		money;

	if (ln->n == 0)
		return true;
	if (is_title(ln))
	{
		if (!finish_form(r))
			return false;
		start_form(r);
		return read_title(r, ln) && read_header_line(r, ln);
	}
	if (r->sec == SEC_NONE)
		return fail(r, "the document does not begin with the title of a form (…预算绩效目标申报表)", ln->cell[0]);

	next = section_of(r, ln);
	if (next != r->sec)
	{
		r->sec = next;
		if (next == SEC_EXPENDITURE)
			r->seen_expenditure = true;
		if (next == SEC_INDICATORS)
		{
			r->seen_indicators = true;
			return read_indicator_heading(r, ln);
		}
	}
	switch (r->sec)
	{
		case SEC_HEADER:
			return read_header_line(r, ln);
		case SEC_INCOME:
			return read_income_line(r, without_money_unit(ln, &money));
		case SEC_EXPENDITURE:
			return read_expenditure_line(r, without_money_unit(ln, &money));
		case SEC_TEXT:
			return read_text_line(r, ln);
		case SEC_INDICATORS:
			if (is_indicator_heading(ln))
				return true;	/* the header repeated on a new page */
			return r->by_column ? read_indicator_columns(r, ln) : read_indicator_line(r, ln);
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
		return fail(&r, "the document holds no form (no title \"…预算绩效目标申报表\" was found)", no_text);
	return finish_form(&r);
}
