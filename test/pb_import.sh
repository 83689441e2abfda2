#!/usr/bin/env bash
# pb_import.sh — tests of bin/pb-import (TAP output).
#
#   test/pb_import.sh      inside a running cluster: the usual PG* variables
#                          (e.g. within pg_virtualenv); pg_perfbudget installed
#
# Creates its own scratch database (pb_import_test_<pid>), dropped at the end.
# Imports examples/rugao_2024_hrss.txt, a form exported with form_json, a
# broken file (non-zero exit, nothing stored from it, the other files of the
# same run still imported), checks the counts, the progress and summary
# lines, --replace, --quiet, a file name with quotes and spaces, and --jobs
# (files side by side: the same result as one after the other).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
ROOT=$PWD
PBI=$ROOT/bin/pb-import
DB=pb_import_test_$$
TMP=$(mktemp -d)
trap 'dropdb --if-exists "$DB" >/dev/null 2>&1; rm -rf "$TMP"' EXIT

n=0
failed=0
ok() { # ok CONDITION-STATUS DESCRIPTION
	n=$((n + 1))
	if [[ $1 == 0 ]]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}
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
counts() {
	q "SELECT (SELECT count(*) FROM perfbudget.project) || '/' || (SELECT count(*) FROM perfbudget.expenditure)
	          || '/' || (SELECT count(*) FROM perfbudget.indicator)"
}

echo "1..42"

createdb "$DB" || { echo "Bail out! cannot create database $DB"; exit 1; }
q "CREATE EXTENSION pg_perfbudget" >/dev/null || { echo "Bail out! cannot create the extension"; exit 1; }

# ---- usage
"$PBI" --help >"$TMP/help" 2>&1
ok $? "--help exits 0"
grep -q 'Usage: pb-import' "$TMP/help"
ok $? "--help prints the usage"
"$PBI" -d "$DB" >/dev/null 2>&1
is "$?" 2 "no files: exit status 2"

# ---- the seed document
"$PBI" -d "$DB" examples/rugao_2024_hrss.txt 2>"$TMP/err"
ok $? "the seed document imports (exit 0)"
is "$(counts)" "6/10/92" "6 forms, 10 expenditure rows, 92 indicators"
is "$(sed -n 1p "$TMP/err")" "[1/1] examples/rugao_2024_hrss.txt: 6 forms" "progress line"
is "$(tail -n 1 "$TMP/err")" "1 file, 6 forms imported, 0 failed" "summary line"

# ---- again: fails, nothing changes; --replace replaces
"$PBI" -d "$DB" examples/rugao_2024_hrss.txt 2>"$TMP/err"
is "$?" 1 "importing it again fails (exit 1)"
grep -q '23505\|has been imported already' "$TMP/err"
ok $? "the error says the form was imported already"
is "$(tail -n 1 "$TMP/err")" "1 file, 0 forms imported, 1 failed" "summary of the failed run"
old=$(q "SELECT string_agg(id::text, ',' ORDER BY id) FROM perfbudget.project")
"$PBI" -d "$DB" --replace examples/rugao_2024_hrss.txt 2>/dev/null
ok $? "--replace imports it again"
is "$(counts)" "6/10/92" "still 6 forms after --replace"
is "$(q "SELECT count(*) FROM perfbudget.project WHERE id IN ($old)")" 0 "--replace gave new ids"

# ---- JSON: export one form, import it under another name and as an array
q "SELECT perfbudget.form_json(id) || '{\"name\": \"JSON副本\"}' FROM perfbudget.project
   WHERE name = '社保业务运营经费'" >"$TMP/form.json"
q "SELECT jsonb_agg(perfbudget.form_json(id) || jsonb_build_object('name', name || '（数组）'))
   FROM perfbudget.project WHERE name IN ('社保扩面业务经费', '居保转企保参保补助')" >"$TMP/forms.json"
"$PBI" -d "$DB" "$TMP/form.json" "$TMP/forms.json" 2>"$TMP/err"
ok $? "a form_json file and an array of forms import"
is "$(tail -n 1 "$TMP/err")" "2 files, 3 forms imported, 0 failed" "summary: 2 files, 3 forms"
is "$(q "SELECT (perfbudget.form_json(a.id) - 'id' - 'name') = (perfbudget.form_json(b.id) - 'id' - 'name')
         FROM perfbudget.project a, perfbudget.project b
         WHERE a.name = 'JSON副本' AND b.name = '社保业务运营经费'")" t "the JSON copy equals its original"
"$PBI" -d "$DB" "$TMP/form.json" 2>/dev/null
is "$?" 1 "the same JSON form again fails"
"$PBI" -d "$DB" --replace "$TMP/form.json" 2>/dev/null
ok $? "--replace replaces a JSON form"
is "$(q "SELECT count(*) FROM perfbudget.project")" 9 "9 forms"

# ---- a broken file among good ones: it alone fails, nothing of it stays
sed 's/\t办公费\t\t30\t60.8/\t办公费\t\t30\t61.8/' examples/rugao_2024_hrss.txt |
	sed 's/社保扩面业务经费/社保扩面业务经费（新）/' >"$TMP/broken.txt"
cp test/import/variants/single_2.txt "$TMP/it's a \"form\" 2.txt"
before=$(counts)
"$PBI" -d "$DB" --quiet "$TMP/broken.txt" --replace "$TMP/it's a \"form\" 2.txt" 2>"$TMP/err"
is "$?" 1 "a run with a broken file exits 1"
is "$(q "SELECT count(*) FROM perfbudget.project WHERE name LIKE '%（新）'")" 0 \
	"nothing of the broken file is stored (its first form neither)"
grep -q 'form 4 "社保业务运营经费": the expenditure rows (资金分配) do not add up to the expenditure total' "$TMP/err"
ok $? "the error names the form and what is wrong"
is "$(tail -n 1 "$TMP/err")" "2 files, 1 form imported, 1 failed" "the other file is imported"
is "$(grep -c '^\[' "$TMP/err")" 1 "--quiet: only the failed file is listed"
is "$(counts)" "$before" "the counts are as before (the replaced form 2 has the same rows)"

# ---- a file name with a line break
cp test/import/variants/single_2.txt "$TMP/two"$'\n'"lines.txt"
"$PBI" -d "$DB" --replace "$TMP/two"$'\n'"lines.txt" 2>/dev/null
ok $? "a file whose name holds a line break imports"

# ---- --jobs: several sessions at once
"$PBI" -d "$DB" --jobs 0 examples/rugao_2024_hrss.txt >/dev/null 2>&1
is "$?" 2 "--jobs 0: exit status 2"
"$PBI" -d "$DB" -j x examples/rugao_2024_hrss.txt >/dev/null 2>&1
is "$?" 2 "-j x: exit status 2"
# six documents of six years, whose departments overlap in other orders;
# a seventh that does not read
for y in 2061 2062 2063; do
	"$ROOT/bench/gen-forms" -n 60 --seed "$y" --year "$y" --regions 3 -o "$TMP/g$y.txt" >/dev/null
	"$ROOT/bench/gen-forms" -n 40 --seed $((y + 100)) --year $((y + 3)) --regions 3 -o "$TMP/h$y.txt" >/dev/null
done
printf '这不是申报表\n' >"$TMP/not_a_form.txt"
before=$(q "SELECT count(*) FROM perfbudget.project")
"$PBI" -d "$DB" --jobs 3 "$TMP"/g20*.txt "$TMP/not_a_form.txt" "$TMP"/h20*.txt 2>"$TMP/err"
is "$?" 1 "--jobs 3 with a file that does not read exits 1"
is "$(tail -n 1 "$TMP/err")" "7 files, 300 forms imported, 1 failed" "--jobs 3: the summary counts every file"
is "$(($(q "SELECT count(*) FROM perfbudget.project") - before))" 300 "--jobs 3: 300 more forms stored"
is "$(grep -c ': [0-9]* forms$' "$TMP/err")" 6 "--jobs 3: a progress line for each file imported"
grep -q "^\[4/7\] $TMP/not_a_form.txt: FAILED" "$TMP/err"
ok $? "--jobs 3: the failed file is named with its place in the list"
ok "$(grep -q 'deadlock' "$TMP/err"; echo $((1 - $?)))" "--jobs 3: no deadlock between the sessions"
# the same six files one after the other into a fresh copy: the same forms
q "CREATE TABLE jobs_result AS SELECT budget_year, region, department, name, total, (SELECT count(*) FROM perfbudget.indicator i WHERE i.project_id = p.id) AS n FROM perfbudget.project p WHERE budget_year BETWEEN 2061 AND 2066" >/dev/null
q "DELETE FROM perfbudget.project WHERE budget_year BETWEEN 2061 AND 2066" >/dev/null
"$PBI" -d "$DB" --quiet "$TMP"/g20*.txt "$TMP"/h20*.txt 2>/dev/null
ok $? "the six files one after the other"
is "$(q "SELECT count(*) FROM (SELECT budget_year, region, department, name, total, (SELECT count(*) FROM perfbudget.indicator i WHERE i.project_id = p.id) FROM perfbudget.project p WHERE budget_year BETWEEN 2061 AND 2066 EXCEPT SELECT * FROM jobs_result) d") + $(q "SELECT count(*) FROM jobs_result")" \
	"0 + 300" "--jobs 3 stored the same 300 forms as one session"

# ---- sessions take files as they get free: the small files after a large
# one go to the other session, not in turn
"$ROOT/bench/gen-forms" -n 1500 --seed 2070 --year 2070 --regions 3 -o "$TMP/large.txt" >/dev/null
for y in 2071 2072 2073 2074; do
	"$ROOT/bench/gen-forms" -n 20 --seed "$y" --year "$y" --regions 3 -o "$TMP/small$y.txt" >/dev/null
done
# their departments made first (an importer making a department another
# one needs holds that one until it commits)
"$PBI" -d "$DB" --quiet "$TMP/large.txt" "$TMP"/small207?.txt 2>/dev/null
q "DELETE FROM perfbudget.project WHERE budget_year BETWEEN 2070 AND 2074" >/dev/null
"$PBI" -d "$DB" --jobs 2 "$TMP/large.txt" "$TMP"/small207?.txt 2>"$TMP/err"
ok $? "--jobs 2: a large file and four small ones"
is "$(grep '^\[' "$TMP/err" | tail -n 1 | cut -d' ' -f1)" "[1/5]" \
	"--jobs 2: the four small files are done by the other session while the large one imports"

# ---- one session for many files: a session that cannot connect fails each
# file with its reason; one whose backend ends is replaced for the next file
"$PBI" -d "${DB}_missing" examples/rugao_2024_hrss.txt "$TMP/g2061.txt" 2>"$TMP/err"
is "$?" 1 "no database: exit status 1"
is "$(grep -c 'FAILED' "$TMP/err")/$(grep -c "${DB}_missing" "$TMP/err")" "2/2" \
	"no database: each file failed with the connection's error"
q "DELETE FROM perfbudget.project WHERE budget_year BETWEEN 2061 AND 2066" >/dev/null
# the first file's session is ended by another session while it imports
# (its backend is the one whose query holds the year 2067)
"$ROOT/bench/gen-forms" -n 1500 --seed 2067 --year 2067 --regions 3 -o "$TMP/ended_here.txt" >/dev/null
( for _ in $(seq 400); do
	q "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
	   WHERE query LIKE '%perfbudget.import_form(%' AND query LIKE '%2067年度%' AND pid <> pg_backend_pid()" |
		grep -q t && break
	sleep 0.02
  done ) &
"$PBI" -d "$DB" "$TMP/ended_here.txt" "$TMP/g2062.txt" 2>"$TMP/err"
wait
is "$(grep -c 'FAILED' "$TMP/err")/$(q "SELECT count(*) FROM perfbudget.project WHERE budget_year = 2067")" "1/0" \
	"a session ended by the server: its file fails, nothing of it stored"
is "$(q "SELECT count(*) FROM perfbudget.project WHERE budget_year = 2062")" 60 \
	"the next file is imported by a new session"

if ((failed)); then
	echo "# $failed of $n failed"
	exit 1
fi
exit 0
