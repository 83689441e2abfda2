#!/usr/bin/env bash
# test/messages.sh — the extension's messages in both languages (issue 12,
# point 3): English under lc_messages 'C', Chinese under 'zh_CN.UTF-8' (the
# catalog po/zh_CN.po, installed as pg_perfbudget-15.mo), with the
# constraint and table in the error's own fields, not only in the text.
#
# Representative errors: a type's input error (the parser's reason
# translated too), a budget rule's CHECK constraint, the deferred sum
# trigger, import_form's reader and its sum check, the evaluation reader
# and the evaluation import (PL/pgSQL through perfbudget.message()), and the
# access rules (a PL/pgSQL function and the write_access trigger).  Each is
# raised under both settings and its SQLSTATE, message, detail, hint,
# constraint and table compared whole.
#
# The zh_CN.UTF-8 locale must exist on the server (bin/pb-deps generates it):
# without it the test fails, it does not skip.  Runs inside an existing
# cluster (PG* variables, e.g. from pg_virtualenv).  Output is TAP.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_messages_$$
ROLE=pb_messages_filer_$$
cleanup() {
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$DB" >/dev/null 2>&1
	psql -X -q -d "$MAINT_DB" -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1
}
trap cleanup EXIT

T=0
FAILED=0
ok() { # ok STATUS DESCRIPTION [DIAGNOSTIC]
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $T - $2"
	else
		echo "not ok $T - $2"
		[ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/# /'
		FAILED=$((FAILED + 1))
	fi
}
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

createdb --maintenance-db="$MAINT_DB" "$DB" || { echo "1..0 # could not create $DB"; exit 1; }
q -c 'CREATE EXTENSION pg_perfbudget' >/dev/null
DOC=$(cat examples/rugao_2024_hrss.txt)
q -v doc="$DOC" >/dev/null <<<"SELECT count(*) FROM perfbudget.import_form(:'doc')"

# The locale is there: SET refuses a locale the server's C library lacks.
out=$(q -c "SET lc_messages = 'zh_CN.UTF-8'" 2>&1)
ok $? "the server has the zh_CN.UTF-8 locale (bin/pb-deps generates it)" "$out"

# err(LANG, STATEMENT [, ROLE]): the error the statement raises under
# lc_messages LANG, as six lines: SQLSTATE, message, detail, hint and
# 'constraint=… table=schema.table'.
q >/dev/null <<'EOF'
CREATE FUNCTION public.err(lang text, stmt text, as_role text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE st text; m text; d text; h text; c text; t text; s text;
BEGIN
    PERFORM set_config('lc_messages', lang, true);
    IF as_role IS NOT NULL THEN
        PERFORM set_config('role', as_role, true);
    END IF;
    BEGIN
        EXECUTE stmt;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL,
            h = PG_EXCEPTION_HINT, c = CONSTRAINT_NAME, t = TABLE_NAME, s = SCHEMA_NAME;
        PERFORM set_config('role', 'none', true);
        RETURN format(E'%s\n%s\n%s\n%s\nconstraint=%s table=%s.%s', st, m, d, h, c, s, t);
    END;
    PERFORM set_config('role', 'none', true);
    RETURN 'no error';
END $$;
EOF

# check NAME LANG STATEMENT EXPECTED [ROLE]: the statement's error under LANG is EXPECTED.
check() {
	local name=$1 lang=$2 stmt=$3 want=$4 role=${5:-} got
	if [ -n "$role" ]; then
		got=$(q -v lang="$lang" -v stmt="$stmt" -v role="$role" 2>&1 <<<"SELECT public.err(:'lang', :'stmt', :'role')")
	else
		got=$(q -v lang="$lang" -v stmt="$stmt" 2>&1 <<<"SELECT public.err(:'lang', :'stmt')")
	fi
	[ "$got" = "$want" ]
	ok $? "$name ($lang)" "$(diff <(printf '%s\n' "$want") <(printf '%s\n' "$got"))"
}

# ---- the types: the parser's reason and what it expected, translated too
stmt="SELECT '≥**人'::perfbudget.perf_target"
check "perf_target input error" C "$stmt" '22P02
invalid input syntax for type perf_target: "≥**人"
At character 2: a template placeholder stands where the value should be; expected a value such as ≥95% or 充分.
Write a comparator and a value such as "≥95%", "1000元", "≤7工作日", "2024年12月31日", "90%-100%", or a phrase such as "充分".
constraint= table=.'
check "perf_target input error" zh_CN.UTF-8 "$stmt" '22P02
perf_target 类型的输入语法无效：「≥**人」
第 2 个字符处：指标值位置是模板占位符；应为指标值，如 ≥95% 或 充分。
填写计算符号和指标值，如“≥95%”“1000元”“≤7工作日”“2024年12月31日”“90%-100%”，或文字描述，如“充分”。
constraint= table=.'

# ---- a budget rule (CHECK constraint): the constraint's name in its field
stmt="UPDATE perfbudget.project SET fiscal_subtotal = fiscal_subtotal + 1 WHERE name = '社保扩面业务经费'"
check "CHECK project_fiscal_subtotal" C "$stmt" '23514
project "社保扩面业务经费": the 财政拨款小计 does not equal the sum of its parts (constraint project_fiscal_subtotal)
财政拨款小计 10 ≠ 一般公共预算资金 9 + 政府性基金预算 0 + 财政专户管理资金 0 + 国有资本经营预算 0 (difference 1).
The 财政拨款小计 is the sum of 一般公共预算资金, 政府性基金预算, 财政专户管理资金 and 国有资本经营预算; a blank cell counts as 0.
constraint=project_fiscal_subtotal table=perfbudget.project'
check "CHECK project_fiscal_subtotal" zh_CN.UTF-8 "$stmt" '23514
项目「社保扩面业务经费」的财政拨款小计与其组成不符（约束 project_fiscal_subtotal）
财政拨款小计 10 ≠ 一般公共预算资金 9 + 政府性基金预算 0 + 财政专户管理资金 0 + 国有资本经营预算 0（差 1）。
财政拨款小计应等于一般公共预算资金、政府性基金预算、财政专户管理资金与国有资本经营预算之和；空格按 0 计。
constraint=project_fiscal_subtotal table=perfbudget.project'

# ---- the deferred sum trigger: constraint, schema and table in the fields
stmt="UPDATE perfbudget.project SET spend_half_year = spend_half_year + 1, spend_annual = spend_annual + 1, total = total + 1, other_funds = coalesce(other_funds, 0) + 1 WHERE name = '社保扩面业务经费'; SET CONSTRAINTS ALL IMMEDIATE"
check "constraint trigger project_total_matches_expenditure" C "$stmt" '23514
project "社保扩面业务经费": the expenditure rows (资金分配) do not add up to the expenditure total (资金总额) (constraint project_total_matches_expenditure)
半年(程)计划执行数: 资金总额 10, the 1 rows add up to 9; 全年(程)预算数: 资金总额 10, the 1 rows add up to 9.
The 资金分配 rows add up to the 资金总额 of the expenditure, in the half-year and in the annual column; a blank cell counts as 0.
constraint=project_total_matches_expenditure table=perfbudget.expenditure'
check "constraint trigger project_total_matches_expenditure" zh_CN.UTF-8 "$stmt" '23514
项目「社保扩面业务经费」的资金分配各行合计与支出资金总额不符（约束 project_total_matches_expenditure）
半年(程)计划执行数：资金总额 10，1 行合计 9；全年(程)预算数：资金总额 10，1 行合计 9。
资金分配各行之和应等于支出资金总额，半年与全年两列分别相等；空格按 0 计。
constraint=project_total_matches_expenditure table=perfbudget.expenditure'

# ---- import_form: the reader, and the sum checked before the rows are written;
# import_form_json (PL/pgSQL)
stmt="SELECT count(*) FROM perfbudget.import_form('lorem ipsum')"
check "import_form reader error" C "$stmt" '22P02
could not read the form document: the document does not begin with the title of a form (…预算绩效目标申报表)
Line 1, cell "lorem ipsum".
The document is the text extracted from the forms'"'"' PDF: each form begins with a title "…预算绩效目标申报表" and its cells are separated by tabs.
constraint= table=.'
check "import_form reader error" zh_CN.UTF-8 "$stmt" '22P02
无法读取申报表文档：文档不是以申报表标题（……预算绩效目标申报表）开始
第1行，单元格「lorem ipsum」。
文档应为申报表 PDF 提取的文字：每张表以“……预算绩效目标申报表”标题开始，单元格以制表符分隔。
constraint= table=.'
bad=${DOC/$'资金总额\t\t66\t155'/$'资金总额\t\t66\t156'}
stmt=$(q -v bad="$bad" <<<"SELECT format('SELECT count(*) FROM perfbudget.import_form(%L, true)', :'bad')")
check "import_form sum check" C "$stmt" '23514
form 4 "社保业务运营经费": the expenditure rows (资金分配) do not add up to the expenditure total (资金总额)
全年(程)预算数: 资金总额 156, the 5 rows add up to 155.
The 资金分配 rows add up to the 资金总额 of the expenditure, in the half-year and in the annual column; a blank cell counts as 0.
constraint=expenditure_matches_total table=perfbudget.expenditure'
check "import_form sum check" zh_CN.UTF-8 "$stmt" '23514
第4张申报表「社保业务运营经费」的资金分配各行合计与支出资金总额不符
全年(程)预算数：资金总额 156，5 行合计 155。
资金分配各行之和应等于支出资金总额，半年与全年两列分别相等；空格按 0 计。
constraint=expenditure_matches_total table=perfbudget.expenditure'

stmt="SELECT perfbudget.import_form_json('[]')"
check "import_form_json error" C "$stmt" '22023
form JSON must be an object

Use the layout perfbudget.form_json returns.
constraint= table=.'
check "import_form_json error" zh_CN.UTF-8 "$stmt" '22023
申报表 JSON 必须是对象

请使用 perfbudget.form_json 返回的结构。
constraint= table=.'

# ---- the evaluation documents: the reader (C) and the import (PL/pgSQL)
stmt="SELECT perfbudget.parse_self_evaluation(E'项目支出绩效运行监控表\\n')"
check "self-evaluation reader error" C "$stmt" '22P02
invalid 绩效自评表 document: "项目支出绩效运行监控表" is a 绩效运行监控表, not a 绩效自评表
Document line 1.
Each form starts with its title line (如皋市项目支出绩效自评表), then 项目名称, 主管部门, the money block and the indicator table with a header line; see doc/reference.md.
constraint= table=.'
check "self-evaluation reader error" zh_CN.UTF-8 "$stmt" '22P02
绩效自评表文档无效：「项目支出绩效运行监控表」是绩效运行监控表，不是绩效自评表
文档第 1 行。
每张表依次为标题行（如“如皋市项目支出绩效自评表”）、项目名称、主管部门、资金栏和带表头的指标表；详见 doc/reference.md。
constraint= table=.'
stmt="SELECT count(*) FROM perfbudget.import_self_evaluation_json('{\"forms\": [{\"budget_year\": 2024, \"department\": \"如皋市人力资源和社会保障局\", \"name\": \"社保业务运营经费\", \"grade\": \"甲\"}]}')"
check "self-evaluation import error" C "$stmt" '22P02
绩效自评表 form 1 "社保业务运营经费": 自评等级 "甲" is not a grade
A self-evaluation grade is 优, 良, 中 or 差 (优秀, 良好, 中等, 较差 are read as these).
Write 自评等级 as 优, 良, 中 or 差.
constraint= table=.'
check "self-evaluation import error" zh_CN.UTF-8 "$stmt" '22P02
绩效自评表第 1 张「社保业务运营经费」：自评等级「甲」不是有效等级
自评等级为优、良、中或差（优秀、良好、中等、较差分别按此读取）。
自评等级填写优、良、中或差。
constraint= table=.'
stmt="SELECT count(*) FROM perfbudget.import_self_evaluation_json('{\"forms\": [{\"budget_year\": 2024, \"department\": \"如皋市人力资源和社会保障局\", \"name\": \"社保业务经费\"}]}')"
check "self-evaluation without its target form" C "$stmt" '23503
绩效自评表 form 1 "社保业务经费": no target form "社保业务经费" of 2024 in 如皋市人力资源和社会保障局
No 预算绩效目标申报表 of budget year 2024, region any, 主管部门 "如皋市人力资源和社会保障局" is named "社保业务经费" (names compared by name_key).
The forms of this department in 2024 are: “助保贷款”财政贴息、《社会保险手册》印刷费、居保转企保参保补助、打印纸及个人账户打印纸、社保业务运营经费. Correct the 项目名称, or import the target form first.
constraint= table=.'
check "self-evaluation without its target form" zh_CN.UTF-8 "$stmt" '23503
绩效自评表第 1 张「社保业务经费」：如皋市人力资源和社会保障局 2024 年度没有目标申报表「社保业务经费」
预算年度 2024、行政区划 不限、主管部门「如皋市人力资源和社会保障局」下没有名为「社保业务经费」的预算绩效目标申报表（名称按 name_key 比较）。
该部门 2024 年度的申报表有：“助保贷款”财政贴息、《社会保险手册》印刷费、居保转企保参保补助、打印纸及个人账户打印纸、社保业务运营经费。请更正项目名称，或先导入目标申报表。
constraint= table=.'

# ---- distribute() without Citus (a PL/pgSQL check through perfbudget.message())
stmt="SELECT perfbudget.distribute()"
check "distribute() without Citus" C "$stmt" '0A000
perfbudget.distribute() needs Citus: the extension citus is not installed in this database
distribute() makes the per-form tables Citus distributed tables (by department_id) and the department and settings tables reference tables.
Install Citus on every node (shared_preload_libraries = '"'"'citus'"'"'), CREATE EXTENSION citus and pg_perfbudget on the coordinator, add the workers with citus_add_node(), then call perfbudget.distribute() again.
constraint= table=.'
check "distribute() without Citus" zh_CN.UTF-8 "$stmt" '0A000
perfbudget.distribute() 需要 Citus：本数据库未安装 citus 扩展
distribute() 把各申报表的数据表变为按 department_id 分布的 Citus 分布表，把部门表和设置表变为参考表。
请在每个节点安装 Citus（shared_preload_libraries = '"'"'citus'"'"'），在协调节点上执行 CREATE EXTENSION citus 和 pg_perfbudget，用 citus_add_node() 加入工作节点，然后再次调用 perfbudget.distribute()。
constraint= table=.'

# ---- access: a PL/pgSQL check, and the write_access trigger (table in its field)
stmt="SELECT perfbudget.grant_region('nobody', '')"
check "grant_region without a region" C "$stmt" '22004
grant_region: the region must not be empty
grant_region grants the forms of every department of one region; no region was given.
Name the region: SELECT perfbudget.grant_region('"'"'rugao_bureau'"'"', '"'"'如皋市'"'"'); to grant every department everywhere use grant_department(role, '"'"'*'"'"').
constraint= table=.'
check "grant_region without a region" zh_CN.UTF-8 "$stmt" '22004
grant_region：行政区划不能为空
grant_region 授予一个行政区划内所有部门的申报表；未给出行政区划。
请指明行政区划：SELECT perfbudget.grant_region('"'"'rugao_bureau'"'"', '"'"'如皋市'"'"')；如需授予所有地区的所有部门，使用 grant_department(role, '"'"'*'"'"')。
constraint= table=.'
q >/dev/null <<EOF
SELECT perfbudget.create_roles();
CREATE ROLE $ROLE IN ROLE perfbudget_filer;
SELECT perfbudget.grant_department('$ROLE', '如皋市财政局', '如皋市');
EOF
id=$(q -c "SELECT id FROM perfbudget.project WHERE name = '社保扩面业务经费'")
stmt="INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual) VALUES ($id, 99, '注入', 0, 1)"
check "write_access trigger" C "$stmt" "42501
permission denied to write the forms of 主管部门 \"如皋市人力资源和社会保障局\" in region 如皋市
The role \"$ROLE\" has no grant of this department (perfbudget.department_grant), so it cannot write its rows in the table expenditure.
The finance bureau can run SELECT perfbudget.grant_department('$ROLE', '如皋市人力资源和社会保障局', '如皋市');
constraint= table=perfbudget.expenditure" "$ROLE"
check "write_access trigger" zh_CN.UTF-8 "$stmt" "42501
无权写入如皋市主管部门「如皋市人力资源和社会保障局」的申报表
角色「$ROLE」未获授该部门（perfbudget.department_grant），不能在表 expenditure 中写入它的行。
财政局可执行 SELECT perfbudget.grant_department('$ROLE', '如皋市人力资源和社会保障局', '如皋市');
constraint= table=perfbudget.expenditure" "$ROLE"

# ---- perfbudget.message(): every key's text takes its arguments in both languages
got=$(q -c "SELECT perfbudget.message('evaluation.no_target', 'P', 'N', '2024', 'D')")
[ "$got" = 'P: no target form "N" of 2024 in D' ]; ok $? "message() fills %s in order (C)" "$got"
got=$(q -c "SET lc_messages = 'zh_CN.UTF-8'; SELECT perfbudget.message('evaluation.no_target', 'P', 'N', '2024', 'D')")
[ "$got" = 'P：D 2024 年度没有目标申报表「N」' ]; ok $? "message() fills %N\$s as the translation orders them (zh_CN)" "$got"
# an IMMUTABLE function's result does not follow lc_messages: perf_input_error is data
got=$(q -c "SET lc_messages = 'zh_CN.UTF-8'; SELECT perfbudget.perf_input_error('≥**人')")
[ "$got" = 'at character 2: a template placeholder stands where the value should be' ]
ok $? "perf_input_error (IMMUTABLE) gives the same English reason under zh_CN.UTF-8" "$got"
out=$(q -c "SELECT perfbudget.message('no.such.key')" 2>&1)
grep -q 'unknown message key "no.such.key"' <<<"$out"; ok $? "an unknown key is an error" "$out"

# every server file reports through the module's catalog: it includes
# pb_nls.h (TEXTDOMAIN) right after postgres.h
missing=$(for f in src/*.c; do
	grep -q '^#include "postgres.h"' "$f" || continue
	grep -A1 '^#include "postgres.h"' "$f" | grep -q '^#include "pb_nls.h"' || echo "$f"
done)
[ -z "$missing" ]; ok $? "every server file includes pb_nls.h after postgres.h" "$missing"

echo "1..$T"
exit $((FAILED > 0))
