#!/usr/bin/env bash
# pb_import_evaluation.sh — tests of bin/pb-import --self-evaluation and
# --monitoring (TAP output).
#
#   test/pb_import_evaluation.sh   inside a running cluster: the usual PG*
#                                  variables; pg_perfbudget installed
#
# Creates its own scratch database, dropped at the end.  Imports the target
# forms, then the example self-evaluation and monitoring documents, a JSON
# self-evaluation, a document naming a project with no target form (the
# file fails and stores nothing, the others of the run are imported), a
# document of the other kind and a .csv export; then the HTML report's
# scoring and monitoring sections (bin/pb-report).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
ROOT=$PWD
PBI=$ROOT/bin/pb-import
DB=pb_import_eval_test_$$
TMP=$(mktemp -d)
trap 'dropdb --if-exists "$DB" >/dev/null 2>&1; rm -rf "$TMP"' EXIT

n=0
failed=0
is() { # is GOT WANT DESCRIPTION
	n=$((n + 1))
	if [[ $1 == "$2" ]]; then
		echo "ok $n - $3"
	else
		echo "not ok $n - $3"
		echo "#   got:  '$1'"
		echo "#   want: '$2'"
		failed=$((failed + 1))
	fi
}
q() { psql -X -q -A -t -d "$DB" -c "$1"; }

echo "1..17"

createdb "$DB" || { echo "Bail out! cannot create database $DB"; exit 1; }
q "CREATE EXTENSION pg_perfbudget" >/dev/null || { echo "Bail out! cannot create the extension"; exit 1; }

"$PBI" -q -d "$DB" examples/rugao_2024_hrss.txt 2>/dev/null
is "$?" 0 "the target forms import"

"$PBI" -d "$DB" --self-evaluation examples/rugao_2024_self_evaluation.txt 2>"$TMP/err"
is "$?" 0 "--self-evaluation: the example document imports"
is "$(head -n 1 "$TMP/err")" "[1/1] examples/rugao_2024_self_evaluation.txt: 6 forms" "--self-evaluation: progress line"
is "$(q "SELECT string_agg(grade, '' ORDER BY project_id) FROM perfbudget.project_score")" "优良优优优优" \
	"--self-evaluation: the six projects are scored"

"$PBI" -q -d "$DB" --monitoring examples/rugao_2024_monitoring.txt 2>/dev/null
is "$?" 0 "--monitoring: the example document imports"
is "$(q "SELECT count(*) || '/' || count(DISTINCT project_id) FROM perfbudget.monitoring_alerts")" "11/5" \
	"--monitoring: alerts of five projects"

# a JSON self-evaluation, and a text one naming a project without a target form
cat >"$TMP/one.json" <<'JSON'
{"budget_year": 2024, "region": "如皋市", "department": "如皋市人力资源和社会保障局",
 "name": "打印纸及个人账户打印纸", "executed": 3, "total_score": 95, "grade": "优"}
JSON
sed 's/社保业务运营经费/社保业务经费/' examples/rugao_2024_self_evaluation.txt >"$TMP/wrong.txt"
"$PBI" -d "$DB" --self-evaluation "$TMP/wrong.txt" "$TMP/one.json" 2>"$TMP/err"
is "$?" 1 "a failed file: exit status 1"
grep -q '社保业务经费' "$TMP/err"
is "$?" 0 "the error names the project"
is "$(tail -n 1 "$TMP/err")" "2 files, 1 form imported, 1 failed" "summary line"
is "$(q "SELECT spend_executed FROM perfbudget.project WHERE name = '打印纸及个人账户打印纸'")" "3" \
	"the JSON file imported"
is "$(q "SELECT spend_executed FROM perfbudget.project WHERE name = '社保业务运营经费'")" "150.2" \
	"the failed file stored nothing"

"$PBI" -q -d "$DB" --monitoring examples/rugao_2024_self_evaluation.txt 2>/dev/null
is "$?" 1 "--monitoring refuses a self-evaluation document"

# a spreadsheet export (.csv) goes through the same converter as target forms
python3 - "$ROOT/examples/rugao_2024_monitoring.txt" "$TMP/monitoring.csv" <<'PY'
import csv, sys
rows = [line.rstrip('\n').split('\t') for line in open(sys.argv[1], encoding='utf-8')]
csv.writer(open(sys.argv[2], 'w', newline='', encoding='utf-8')).writerows(rows)
PY
"$PBI" -q -d "$DB" --monitoring "$TMP/monitoring.csv" 2>/dev/null
is "$?:$(q "SELECT count(*) FROM perfbudget.indicator_monitoring")" "0:13" "--monitoring reads a .csv export"

# the report: grades per department, each project's score, the projects at risk
"$ROOT/bin/pb-report" -d "$DB" -o "$TMP/report.html"
is "$?" 0 "pb-report runs"
is "$(grep -o 'id="scores"\|id="grade-chart"\|id="score-table"\|id="monitoring-table"' "$TMP/report.html" | tr '\n' ' ')" \
	'id="monitoring-table" id="scores" id="grade-chart" id="score-table" ' "the report has the monitoring and scoring sections"
is "$(grep -o '<td class="grade">[^<]*</td>' "$TMP/report.html" | sed 's/<[^>]*>//g' | sort | uniq -c | tr -s ' ' | tr '\n' ';')" \
	' 1 ; 4 优; 1 良;' "the score table: 4 优, 1 良, no grade for the form re-imported without its rows"
is "$(grep -o 'class="project at-risk"' "$TMP/report.html" | wc -l)" "5" "five projects at risk are listed"

exit $((failed > 0))
