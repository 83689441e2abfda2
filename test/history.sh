#!/usr/bin/env bash
# test/history.sh — the history reconstructs a form as it stood before each
# edit (issue 11, point 3).  Each change is its own transaction (a psql
# call), as edits are in real use: form_as_of() tells moments apart by the
# changing transactions' start times, which one transaction cannot show.
#
# An import (one change_log entry a form), then edits of an indicator row, a
# deleted and an added row, a changed header, a balanced change of the
# money, and finally the form deleted: form_as_of at each moment between
# equals form_json taken at that moment.  Runs inside an existing cluster
# (PG* variables, e.g. from pg_virtualenv).  Output is TAP.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_history_$$
cleanup() { dropdb --if-exists --maintenance-db="$MAINT_DB" "$DB" >/dev/null 2>&1 || true; }
trap cleanup EXIT

T=0
FAILED=0
ok() {
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then echo "ok $T - $2"; else echo "not ok $T - $2"; FAILED=$((FAILED + 1)); fi
}
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

echo "1..11"
createdb --maintenance-db="$MAINT_DB" "$DB"
q -c 'CREATE EXTENSION pg_perfbudget' >/dev/null
q -c 'CREATE TABLE moments (k int PRIMARY KEY, at timestamptz, form jsonb)' >/dev/null
q -c "INSERT INTO moments VALUES (0, clock_timestamp(), NULL)" >/dev/null
sleep 0.05
DOC=$(cat examples/rugao_2024_hrss.txt)
q -v doc="$DOC" >/dev/null <<<"SELECT count(*) FROM perfbudget.import_form(:'doc')"
ID=$(q -c "SELECT id FROM perfbudget.project WHERE name = '社保业务运营经费'")
snap() { sleep 0.05; q -c "INSERT INTO moments VALUES ($1, clock_timestamp(), perfbudget.form_json($ID))" >/dev/null; sleep 0.05; }
snap 1
ok "$([ "$(q -c "SELECT count(*) FROM perfbudget.change_log")" = 6 ] && echo 0 || echo 1)" \
	"an import of six forms is six change_log entries"
q -c "UPDATE perfbudget.indicator SET annual_target = '≥99%' WHERE project_id = $ID AND line_no = 3" >/dev/null
snap 2
q -c "BEGIN; DELETE FROM perfbudget.indicator WHERE project_id = $ID AND line_no = 5;
      INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, annual_target)
      VALUES ($ID, 99, '产出指标', '数量指标', '新增指标', '≥3次'); COMMIT;" >/dev/null
snap 3
q -c "UPDATE perfbudget.project SET manager = '张三', annual_goal = annual_goal || '（修订）' WHERE id = $ID" >/dev/null
snap 4
q -c "BEGIN; UPDATE perfbudget.expenditure SET annual = annual + 1 WHERE project_id = $ID AND line_no = 1;
      UPDATE perfbudget.project SET total = total + 1, fiscal_subtotal = fiscal_subtotal + 1,
             general_budget = general_budget + 1, spend_annual = spend_annual + 1 WHERE id = $ID; COMMIT;" >/dev/null
snap 5
q -c "DELETE FROM perfbudget.project WHERE id = $ID" >/dev/null
for k in 1 2 3 4 5; do
	got=$(q -c "SELECT perfbudget.form_as_of($ID, at) = form FROM moments WHERE k = $k")
	ok "$([ "$got" = t ] && echo 0 || echo 1)" "form_as_of at moment $k equals form_json taken then"
done
got=$(q -c "SELECT perfbudget.form_as_of($ID, at) IS NULL FROM moments WHERE k = 0")
ok "$([ "$got" = t ] && echo 0 || echo 1)" "before the import the form did not exist (NULL)"
got=$(q -c "SELECT perfbudget.form_as_of($ID, clock_timestamp()) IS NULL")
ok "$([ "$got" = t ] && echo 0 || echo 1)" "after its deletion it does not exist (NULL)"
got=$(q -c "SELECT string_agg(operation || ':' || table_name, ',' ORDER BY id) FROM perfbudget.change_log WHERE project_id = $ID")
ok "$([ "$got" = "INSERT:project,UPDATE:indicator,DELETE:indicator,INSERT:indicator,UPDATE:project,UPDATE:expenditure,UPDATE:project,DELETE:project" ] && echo 0 || echo 1)" \
	"the form's entries: import, each edit, the deletion as one entry ($got)"

# The rows a form's deletion takes with it are in its entry, and are told so
# without a query (change_log.c); a deletion rolled back to a savepoint, or a
# form given the deleted one's id again, must not hide a row deleted later.
ID2=$(q -c "SELECT id FROM perfbudget.project WHERE name <> '社保业务运营经费' ORDER BY id LIMIT 1")
q -c "BEGIN; SAVEPOINT s; DELETE FROM perfbudget.project WHERE id = $ID2; ROLLBACK TO SAVEPOINT s;
      DELETE FROM perfbudget.indicator WHERE project_id = $ID2 AND line_no = (SELECT min(line_no)
        FROM perfbudget.indicator WHERE project_id = $ID2); COMMIT;" >/dev/null
got=$(q -c "SELECT string_agg(operation || ':' || table_name, ',' ORDER BY id) FROM perfbudget.change_log WHERE project_id = $ID2")
ok "$([ "$got" = "INSERT:project,DELETE:indicator" ] && echo 0 || echo 1)" \
	"a row deleted after a form's deletion was rolled back to a savepoint is logged ($got)"
q -c "BEGIN;
      CREATE TEMP TABLE p ON COMMIT DROP AS SELECT * FROM perfbudget.project WHERE id = $ID2;
      CREATE TEMP TABLE e ON COMMIT DROP AS SELECT * FROM perfbudget.expenditure WHERE project_id = $ID2;
      CREATE TEMP TABLE i ON COMMIT DROP AS SELECT * FROM perfbudget.indicator WHERE project_id = $ID2;
      DELETE FROM perfbudget.project WHERE id = $ID2;
      INSERT INTO perfbudget.project SELECT * FROM p;
      INSERT INTO perfbudget.expenditure SELECT * FROM e;
      INSERT INTO perfbudget.indicator SELECT * FROM i;
      DELETE FROM perfbudget.indicator WHERE project_id = $ID2 AND line_no = (SELECT min(line_no) FROM i);
      COMMIT;" >/dev/null
got=$(q -c "SELECT string_agg(operation || ':' || table_name, ',' ORDER BY id) FROM perfbudget.change_log WHERE project_id = $ID2")
ok "$([ "$got" = "INSERT:project,DELETE:indicator,DELETE:project,INSERT:project,DELETE:indicator" ] && echo 0 || echo 1)" \
	"a form deleted and stored again under its id in one transaction: a row deleted after is logged ($got)"
exit $((FAILED > 0 ? 1 : 0))
