#!/bin/bash
# bench/gen-check.sh — the two load paths of bench/gen-forms give the same forms:
# N forms (default 500) as text through import_form into one database, and as
# COPY files through load.sql into another; compares md5s of the project,
# expenditure, indicator and form_issues rows (ids and region aside: the
# importer may not read the region).  Prints "ok" or the differing tables and
# exits 1.  Runs inside a cluster (PG* set), e.g.
#   flock /tmp/pb-install.lock -c 'make -s install && pg_virtualenv -t -v 15 -c "--locale=C.UTF-8 --encoding=UTF8" bench/gen-check.sh'
. "$(dirname "$0")/lib.sh"
N=${1:-500}
W=$(mktemp -d /tmp/pb_gencheck_XXXXXX)
trap 'rm -rf "$W"; psql -X -q -c "DROP DATABASE IF EXISTS pb_gencheck_copy" >/dev/null 2>&1' EXIT
"$BENCH_DIR/gen-forms" -n "$N" --seed 7 -o "$W/forms.txt"
"$BENCH_DIR/gen-forms" -n "$N" --seed 7 --copy "$W/copy"
bpsql -c "CREATE EXTENSION IF NOT EXISTS pg_perfbudget" -c "TRUNCATE perfbudget.project CASCADE" >/dev/null
bpsql -c "DROP DATABASE IF EXISTS pb_gencheck_copy" -c "CREATE DATABASE pb_gencheck_copy" >/dev/null
bpsql -d pb_gencheck_copy -c "CREATE EXTENSION pg_perfbudget" >/dev/null
bpsql >/dev/null <<SQL
\\set doc \`cat $W/forms.txt\`
SELECT count(*) FROM perfbudget.import_form(:'doc');
SQL
(cd "$W/copy" && bpsql -d pb_gencheck_copy -f load.sql >/dev/null)
digest () {
    bpsql -d "$1" <<'SQL'
SELECT 'project', md5(string_agg(t, E'\n' ORDER BY t)) FROM (SELECT concat_ws('|', budget_year, name, department, implementing_unit, reporting_unit, attribute, level, category, start_month, end_month, manager, phone, necessity, feasibility, content, long_term_goal, annual_goal, total, fiscal_subtotal, general_budget, government_fund, special_account, state_capital, social_insurance_fund, carryover, other_funds, spend_half_year, spend_annual, spend_executed) t FROM perfbudget.project) s;
SELECT 'expenditure', md5(string_agg(t, E'\n' ORDER BY t)) FROM (SELECT concat_ws('|', p.name, p.department, p.budget_year, e.line_no, e.item, e.half_year, e.annual) t FROM perfbudget.expenditure e JOIN perfbudget.project p ON p.id = e.project_id) s;
SELECT 'indicator', md5(string_agg(t, E'\n' ORDER BY t)) FROM (SELECT concat_ws('|', p.name, p.department, p.budget_year, i.line_no, i.level1, i.level2, i.level3, i.half_year_target, i.annual_target) t FROM perfbudget.indicator i JOIN perfbudget.project p ON p.id = i.project_id) s;
SELECT 'form_issues', md5(string_agg(t, E'\n' ORDER BY t)) FROM (SELECT concat_ws('|', code, message, line_no, project_name) t FROM perfbudget.form_issues) s;
SQL
}
a=$(digest "${PGDATABASE:-postgres}"); b=$(digest pb_gencheck_copy)
if [ "$a" = "$b" ]; then echo "ok: $N forms, import_form = COPY ($(tr '\n' ' ' <<<"$a"))"; exit 0; fi
diff <(echo "$a") <(echo "$b"); exit 1
