/*
 * evaluation_parse.h — the pure C reader of the two documents a project
 * produces after its targets: the mid-year monitoring form (绩效运行监控表)
 * and the year-end self-evaluation form (绩效自评表), DOMAIN.md §7 and §8.
 *
 * Like form_parse.h it has no PostgreSQL dependency, allocates nothing and
 * reports what it reads to a sink; text handed to the sink is valid only
 * during the callback.  It decides what each cell is, not whether the form
 * matches a target form or whether an amount is a number: the SQL writer
 * (import_self_evaluation_json, import_monitoring_json) does that, naming
 * the document line the reader passes on.
 */
#ifndef EVALUATION_PARSE_H
#define EVALUATION_PARSE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum EpKind
{
	EP_SELF_EVALUATION,
	EP_MONITORING
} EpKind;

typedef struct EpText
{
	const char *p;
	size_t		len;
} EpText;

/* Columns of an indicator row; their JSON keys are ep_role_keys[]. */
typedef enum EpRole
{
	ER_LEVEL1,
	ER_LEVEL2,
	ER_LEVEL3,
	ER_TARGET,					/* 年度指标值 */
	ER_ACTUAL,					/* 实际完成值 (self-evaluation) */
	ER_WEIGHT,					/* 分值 / 权重 */
	ER_SCORE,					/* 得分 */
	ER_NOTE,					/* 偏差原因分析及改进措施 */
	ER_COMPLETED,				/* 1–N月完成值 (monitoring) */
	ER_EXPECTED,				/* 全年预计完成值 */
	ER_DEVIATES,				/* 是否偏差 */
	ER_CAUSE,					/* 偏差原因 (category) */
	ER_CAUSE_NOTE,				/* 原因说明 */
	ER_LIKELIHOOD,				/* 完成目标可能性 */
	ER_MEASURE,					/* 纠偏措施 */
	ER_REMARKS,					/* 备注 */
	ER_NROLES
} EpRole;

extern const char *const ep_role_keys[ER_NROLES];

/* Amounts of the money block; JSON keys ep_money_keys[]. */
typedef enum EpMoney
{
	EM_BUDGET_INITIAL,			/* 年初预算数 */
	EM_BUDGET_ADJUSTED,			/* 全年预算数 / 调整后预算数 */
	EM_EXECUTED,				/* 全年执行数 / 1–N月执行数 */
	EM_EXPECTED_EXECUTED,		/* 全年预计执行数 */
	EM_WEIGHT,					/* 分值 */
	EM_RATE,					/* 执行率 */
	EM_SCORE,					/* 得分 */
	EM_NOTE,					/* 偏差原因 / 备注 */
	EM_NAMOUNTS
} EpMoney;

extern const char *const ep_money_keys[EM_NAMOUNTS];

typedef struct EpSink
{
	void	   *arg;
	/* a form starts at its title line (ordinal from 1) */
	void		(*form) (void *arg, int ordinal, int line);
	/*
	 * A header value under its JSON key: budget_year, region, region_level,
	 * name, department, implementing_unit, as_of, months (the N of 1–N月),
	 * total_score, grade, summary.
	 */
	void		(*field) (void *arg, const char *key, EpText value);
	void		(*money) (void *arg, EpMoney m, EpText value);
	/* cells[r] blank (len 0) when the row has none */
	void		(*indicator) (void *arg, int line, const EpText cells[ER_NROLES]);
	void		(*end) (void *arg);
} EpSink;

typedef struct EpError
{
	int			line;			/* 1-based document line */
	int			form;			/* 1-based form ordinal, 0 before the first */
	char		reason[512];	/* quoting the input (pb_nls.h: translated) */
} EpError;

/*
 * Read a document of the given kind.  'work' must hold 2 * len + 2 bytes.
 * False with *err filled when it is not such a document.
 */
extern bool ep_parse(EpKind kind, const char *doc, size_t len, char *work,
					 const EpSink *sink, EpError *err);

#endif							/* EVALUATION_PARSE_H */
