/*
 * form_parse.h — the pure C reader of 预算绩效目标申报表 documents.
 *
 * A document is text extracted from PDF: one or more forms, each starting
 * at its title line, cells separated by tabs, labels broken by stray
 * spaces.  The reader walks it once and reports what it finds to a sink
 * (callbacks); it allocates nothing and keeps no state between calls.  Text
 * handed to the sink points into the caller's work buffer, valid until
 * fp_parse returns (a region level is one of the constant fp_level_words).  The sink decides what to store; the reader decides
 * only what each cell is.
 */
#ifndef FORM_PARSE_H
#define FORM_PARSE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum FpField
{
	FP_NAME,					/* 项目名称 */
	FP_DEPARTMENT,				/* 主管部门 */
	FP_IMPLEMENTING_UNIT,		/* 实施单位 */
	FP_REPORTING_UNIT,			/* 填报单位 */
	FP_ATTRIBUTE,				/* 项目属性 (the ticked option) */
	FP_LEVEL,					/* 项目级次 (the ticked option) */
	FP_CATEGORY,				/* 项目类别 (the ticked option) */
	FP_START,					/* 开始时间, as written */
	FP_END,						/* 完成时间, as written */
	FP_MANAGER,					/* 项目负责人 */
	FP_PHONE,					/* 联系电话 */
	FP_NECESSITY,				/* 立项必要性 */
	FP_FEASIBILITY,				/* 实施可行性 */
	FP_CONTENT,					/* 项目实施内容 */
	FP_LONG_TERM_GOAL,			/* 中长期目标 */
	FP_ANNUAL_GOAL,				/* 年度目标 */
	FP_REGION,					/* 行政区划 from the title line: 如皋市 */
	FP_REGION_LEVEL,			/* 预算级次 from the title line: 市级 */
	FP_NFIELDS
} FpField;

typedef enum FpAmount
{
	FA_TOTAL,					/* 资金总额 (income) */
	FA_FISCAL_SUBTOTAL,			/* 财政拨款 小计 */
	FA_GENERAL_BUDGET,			/* 一般公共预算资金 */
	FA_GOVERNMENT_FUND,			/* 政府性基金预算 */
	FA_SPECIAL_ACCOUNT,			/* 财政专户管理资金 */
	FA_STATE_CAPITAL,			/* 国有资本经营预算 */
	FA_SOCIAL_INSURANCE,		/* 社保基金预算 */
	FA_CARRYOVER,				/* 上年结转资金 */
	FA_OTHER,					/* 其他资金 */
	FA_SPEND_HALF,				/* 支出 资金总额, 半年(程)计划执行数 */
	FA_SPEND_ANNUAL,			/* 支出 资金总额, 全年(程)预算数 */
	FA_NAMOUNTS
} FpAmount;

/* A piece of folded text; len 0 for a blank cell. */
typedef struct FpText
{
	const char *p;
	size_t		len;
} FpText;

/*
 * One row of the indicator table, in any of the layouts the reader knows
 * (doc/reference.md §10.1).  The cells are handed on as written; the sink
 * builds the targets with perf_target(symbol, value).
 */
typedef struct FpIndicator
{
	FpText		names[3];		/* 一级, 二级, 三级 after carrying blank ones */
	FpText		level1_points;	/* '(40-50)分' read off the 一级 cell, or blank */
	FpText		symbol;			/* 计算符号, 指标方向, 指标性质 or 指标值类型 */
	FpText		half;			/* 半年(程)指标值 (the seed's layout only) */
	FpText		annual;			/* 全年(程)指标值, 指标值, 目标值 … */
	FpText		unit;			/* 计量单位 / 度量单位, for the sink to append */
	FpText		weight;			/* 分值 / 权重: an amount, '分' dropped */
	FpText		remarks[3];		/* 指标解释, 评(扣)分标准, 备注 */
	int			date_year;		/* 'annual' is a spreadsheet date serial */
	int			date_month;		/* ('44,561'): the sink stores this date */
	int			date_day;		/* instead; 0 when it is not one */
} FpIndicator;

/* The region levels a title names (省级 市级 …): FP_REGION_LEVEL text
 * points to one of these literals. */
extern const char *const fp_level_words[];

/* Headers of the remarks[] columns, for the sink to label them. */
extern const char *const fp_remark_labels[3];

typedef struct FpSink
{
	void	   *arg;
	/* A form starts (ordinal from 1) at byte 'pos' of the document. */
	void		(*form) (void *arg, int ordinal, size_t pos);
	void		(*year) (void *arg, int budget_year);
	/* A header or text field; text fields may arrive in several pieces. */
	void		(*field) (void *arg, FpField f, FpText t);
	void		(*amount) (void *arg, FpAmount a, FpText t, size_t pos);
	void		(*expenditure) (void *arg, FpText item, FpText half, FpText annual,
								size_t pos);
	void		(*indicator) (void *arg, const FpIndicator *row, size_t pos);
	void		(*end) (void *arg);
} FpSink;

typedef struct FpError
{
	size_t		pos;			/* byte offset in the document */
	int			line;			/* 1-based line number */
	int			form;			/* 1-based form ordinal, 0 before the first */
	const char *reason;			/* what is wrong (pb_nls.h: translated); for a missing part
								 * of a form, line and pos are its title's */
	FpText		found;			/* the cell or line at fault, if any */
	char		reason_buf[1024];	/* reasons that quote the input live here */
} FpError;

/*
 * Read the document.  'work' must hold 2 * len + 32 bytes (each cell is
 * kept folded and as written).  Returns false with
 * *err filled when the text is not a form document.
 */
extern bool fp_parse(const char *doc, size_t len, char *work,
					 const FpSink *sink, FpError *err);

/* Is the folded cell an amount: digits with optional sign, commas, point? */
extern bool fp_is_amount(FpText t);

/*
 * A year and month written with a separator, as spreadsheets and other
 * systems give the project's period: '2024.1', '2024-01', '2024/1', with
 * an optional day of the same separator ('2024-01-01').  ASCII digits.
 */
extern bool fp_year_month(const char *s, size_t len, int *year, int *month);

#endif							/* FORM_PARSE_H */
