#!/usr/bin/env bash
# pb_import_sheets.sh — tests of bin/pb-import on spreadsheet exports (.xlsx
# and .csv) and of bin/pb-sheet2text, its converter (TAP output).
#
#   test/pb_import_sheets.sh   inside a running cluster: the usual PG*
#                              variables (e.g. within pg_virtualenv);
#                              pg_perfbudget installed; Debian's python3,
#                              python3-openpyxl and xlsx2csv (bin/pb-deps)
#
# Builds its files from the seed document examples/rugao_2024_hrss.txt (six
# forms): .xlsx workbooks with python3-openpyxl (amounts as numbers,
# percentages as percent-formatted numbers, months as date cells), CSV files
# with Python's csv module in UTF-8, UTF-8 with a BOM and GB18030.  Every
# import must give the same forms as the text import (form_json without
# its id); broken files must fail whole and name file, sheet, row and column.
# Creates its own scratch database (pb_import_sheets_<pid>), dropped at the end.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
ROOT=$PWD
PBI=$ROOT/bin/pb-import
S2T=$ROOT/bin/pb-sheet2text
PY=/usr/bin/python3
DB=pb_import_sheets_$$
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
has() { # has FILE TEXT DESCRIPTION: the file contains TEXT (fixed string)
	n=$((n + 1))
	if grep -qF -- "$2" "$1"; then
		echo "ok $n - $3"
	else
		echo "not ok $n - $3"
		echo "#   no line with: '$2' in:"
		sed 's/^/#     /' "$1"
		failed=$((failed + 1))
	fi
}
q() { psql -X -q -A -t -d "$DB" -c "$1"; }
counts() {
	q "SELECT (SELECT count(*) FROM perfbudget.project) || '/' || (SELECT count(*) FROM perfbudget.expenditure)
	          || '/' || (SELECT count(*) FROM perfbudget.indicator)"
}
# the forms stored now that differ from the text import (or are missing)
differ() {
	q "SELECT count(*) FROM ref FULL JOIN (SELECT name, perfbudget.form_json(id) - 'id' AS j
	                                       FROM perfbudget.project) AS now USING (name)
	   WHERE ref.j IS DISTINCT FROM now.j"
}
clear() { q "DELETE FROM perfbudget.project" >/dev/null; }

echo "1..44"

for m in openpyxl; do
	"$PY" -c "import $m" 2>/dev/null || { echo "Bail out! $PY cannot import $m (run bin/pb-deps)"; exit 1; }
done
[[ -r /usr/share/xlsx2csv/xlsx2csv.py ]] || { echo "Bail out! xlsx2csv is not installed (run bin/pb-deps)"; exit 1; }
createdb "$DB" || { echo "Bail out! cannot create database $DB"; exit 1; }
q "CREATE EXTENSION pg_perfbudget" >/dev/null || { echo "Bail out! cannot create the extension"; exit 1; }

# ---- the files

# the seed split into its forms: $TMP/form1.txt … form6.txt
awk -v dir="$TMP" '/绩效目标申报表/ { k++ } k { print > (dir "/form" k ".txt") }' examples/rugao_2024_hrss.txt
cat "$TMP"/form{1,2,3}.txt >"$TMP/forms123.txt"
cat "$TMP"/form{4,5,6}.txt >"$TMP/forms456.txt"

# mkxlsx OUT [hidden:]NAME=TEXTFILE…: one sheet per text file, line k of the
# file in row k, cell j of the line in column j.  Amounts become numbers,
# "95%" a number formatted 0%, "2024年1月" a date cell formatted yyyy"年"m"月";
# "\n" written in a cell is a line break inside it.
mkxlsx() {
	"$PY" - "$@" <<'EOF'
import datetime, re, sys
import openpyxl
out, specs = sys.argv[1], sys.argv[2:]
wb = openpyxl.Workbook()
wb.remove(wb.active)
for spec in specs:
    name, path = spec.split("=", 1)
    hidden = name.startswith("hidden:")
    ws = wb.create_sheet(name[7:] if hidden else name)
    if hidden:
        ws.sheet_state = "hidden"
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for r, line in enumerate(lines, 1):
        for c, v in enumerate(line.split("\t"), 1):
            if v == "":
                continue
            cell = ws.cell(row=r, column=c)
            month = re.fullmatch(r"(\d{4})年(\d{1,2})月", v)
            if re.fullmatch(r"\d+(\.\d+)?", v):
                cell.value = float(v) if "." in v else int(v)
            elif re.fullmatch(r"\d+%", v):
                cell.value = int(v[:-1]) / 100
                cell.number_format = "0%"
            elif month:
                cell.value = datetime.datetime(int(month.group(1)), int(month.group(2)), 1)
                cell.number_format = 'yyyy"年"m"月"'
            else:
                cell.value = v.replace("\\n", "\n")
wb.save(out)
EOF
}

# mkcsv OUT ENCODING TEXTFILE: the text's lines as CSV records ("\n" and
# "\t" in a cell are a line break and a tab inside it, quoted by the csv module)
mkcsv() {
	"$PY" - "$@" <<'EOF'
import csv, io, sys
out, enc, path = sys.argv[1:4]
with open(path, encoding="utf-8") as f:
    lines = f.read().split("\n")
buf = io.StringIO(newline="")
w = csv.writer(buf, lineterminator="\r\n")
for line in lines:
    w.writerow([c.replace("\\n", "\n").replace("\\t", "\t") for c in line.split("\t")])
with open(out, "wb") as f:
    f.write(buf.getvalue().encode(enc))
EOF
}

# the reference: the forms as the text import stores them
"$PBI" -d "$DB" -q examples/rugao_2024_hrss.txt 2>/dev/null
q "CREATE TABLE ref AS SELECT name, perfbudget.form_json(id) - 'id' AS j FROM perfbudget.project" >/dev/null
is "$(q "SELECT count(*) FROM ref")" 6 "the text import of the seed gives the 6 reference forms"
clear

# ---- converter alone
mkxlsx "$TMP/seed.xlsx" "Sheet1=examples/rugao_2024_hrss.txt"
"$S2T" "$TMP/seed.xlsx" >"$TMP/seed.out" 2>"$TMP/err"
ok $? "pb-sheet2text converts a workbook"
# the seed without its blank first lines and the blank cells that end rows
diff <(sed -e 's/\t*$//' -e '$a\' examples/rugao_2024_hrss.txt | sed '/./,$!d') "$TMP/seed.out" >"$TMP/diff"
ok $? "its text is the seed's (numbers, 95%, 2024年1月 as written; blank cells kept)"
[[ -s $TMP/diff ]] && sed 's/^/#   /' "$TMP/diff" | head -n 10

printf '如皋市市级项目预算绩效目标申报表\n开始时间\t44561\t\t完成时间\t2024\n立项必要性\t第一段\\n第二段 and\\nmore\\tend\t\n' >"$TMP/serial.txt"
mkcsv "$TMP/serial.csv" utf-8 "$TMP/serial.txt"
"$S2T" "$TMP/serial.csv" >"$TMP/serial.out"
is "$(sed -n 2p "$TMP/serial.out")" $'开始时间\t2021年12月31日\t\t完成时间\t2024' \
	"a day number after 开始时间 reads as a date (44561 = 2021-12-31), a year stays"
is "$(sed -n 3p "$TMP/serial.out")" $'立项必要性\t第一段第二段 and more end' \
	"a line break in a cell: joined between Chinese characters, a space otherwise; a tab: a space"

# ---- one workbook, six forms on one sheet
"$PBI" -d "$DB" "$TMP/seed.xlsx" 2>"$TMP/err"
ok $? "a workbook with six forms on one sheet imports (exit 0)"
is "$(sed -n 1p "$TMP/err")" "[1/1] $TMP/seed.xlsx: 6 forms" "progress line"
is "$(counts)" "6/10/92" "6 forms, 10 expenditure rows, 92 indicators"
is "$(differ)" 0 "the forms equal the text import (form_json without id)"
clear

# ---- two sheets, an empty one and a hidden list; blank rows above a form
{ printf '\n\n\n'; cat "$TMP/forms456.txt"; } >"$TMP/sheet2.txt"
: >"$TMP/empty.txt"
printf '常年安排\n分年安排\n一次性安排\n' >"$TMP/lists.txt"
# a wrapped cell: line break inside the first form's 立项必要性
sed 's/^\(立项必要性\t全面落实\)/\1\\n/' "$TMP/forms123.txt" >"$TMP/sheet1.txt"
mkxlsx "$TMP/two.xlsx" "第一批=$TMP/sheet1.txt" "第二批=$TMP/sheet2.txt" "空表=$TMP/empty.txt" \
	"hidden:lists=$TMP/lists.txt"
"$PBI" -d "$DB" "$TMP/two.xlsx" 2>"$TMP/err"
ok $? "a workbook with two sheets of forms imports"
is "$(counts)" "6/10/92" "both sheets are read: 6 forms"
is "$(differ)" 0 "the forms equal the text import"
has "$TMP/err" "sheet '空表' skipped: empty" "the empty sheet is reported skipped"
has "$TMP/err" "sheet 'lists' skipped: hidden, no form title" "the hidden list is reported skipped"
clear

# ---- CSV: UTF-8, UTF-8 with BOM, GB18030
sed 's/^\(开始时间\t\)2024年1月/\145292/' "$TMP/sheet1.txt" >"$TMP/csv1.txt"
cat "$TMP/csv1.txt" "$TMP/forms456.txt" >"$TMP/all.txt"
mkcsv "$TMP/utf8.csv" utf-8 "$TMP/all.txt"
mkcsv "$TMP/bom.csv" utf-8-sig "$TMP/all.txt"
mkcsv "$TMP/gb.csv" gb18030 "$TMP/all.txt"
is "$(head -c 3 "$TMP/bom.csv" | od -An -tx1 | tr -d ' \n')" efbbbf "bom.csv starts with a BOM"
"$PY" -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$TMP/gb.csv" 2>/dev/null
is "$?" 1 "gb.csv is not valid UTF-8"
for f in utf8 bom gb; do
	"$PBI" -d "$DB" "$TMP/$f.csv" 2>"$TMP/err"
	ok $? "$f.csv imports"
	is "$(differ)" 0 "$f.csv: the forms equal the text import (a day number in 开始时间, a wrapped cell)"
	clear
done
has "$TMP/err" "encoding GB18030" "the GB18030 file is detected as GB18030"
"$PBI" -d "$DB" --encoding UTF-8 "$TMP/gb.csv" 2>"$TMP/err"
is "$?" 1 "--encoding UTF-8 forced on the GB18030 file: it fails"
has "$TMP/err" "not valid UTF-8" "the error says it is not valid UTF-8"
"$PBI" -d "$DB" --encoding gb18030 "$TMP/gb.csv" 2>/dev/null
ok $? "--encoding gb18030 reads it"
clear
"$PBI" -d "$DB" --encoding NO-SUCH-CODE "$TMP/gb.csv" 2>/dev/null
is "$?" 2 "an unknown --encoding is a usage error (exit 2)"

# ---- a broken cell in sheet 第二批: nothing of the workbook is stored
# the annual target of the first 服务对象满意度 row (its last cell) becomes ≥**人
row=$(grep -n '服务对象满意度' "$TMP/sheet2.txt" | head -n 1 | cut -d: -f1)
ncells=$(sed -n "${row}s/\t*$//p" "$TMP/sheet2.txt" | awk -F'\t' '{ print NF }')
col=$(printf "\\x$(printf %x $((64 + ncells)))")
sed "${row}s/95%\(\t*\)$/≥**人\1/" "$TMP/sheet2.txt" >"$TMP/bad2.txt"
is "$(diff "$TMP/sheet2.txt" "$TMP/bad2.txt" | grep -c '^>')" 1 "bad2.txt differs from sheet2.txt in one line (row $row, column $col)"
mkxlsx "$TMP/bad.xlsx" "第一批=$TMP/sheet1.txt" "第二批=$TMP/bad2.txt"
brow=$row
"$PBI" -d "$DB" "$TMP/bad.xlsx" 2>"$TMP/err"
is "$?" 1 "a workbook with a broken cell fails (exit 1)"
is "$(counts)" "0/0/0" "nothing of it is stored (the good sheet's forms neither)"
has "$TMP/err" "at $TMP/bad.xlsx, sheet '第二批', row $row, column $col" \
	"the error names file, sheet, row and column (row $row, column $col)"
has "$TMP/err" "≥**人" "the error quotes what was found"

# a sum that does not add up (no cell quoted): file, sheet and row
row=$(grep -n $'^\t\t办公费\t\t30\t60.8' "$TMP/sheet2.txt" | head -n 1 | cut -d: -f1)
sed "${row}s/\t60.8/\t61.8/" "$TMP/sheet2.txt" >"$TMP/bad3.txt"
mkxlsx "$TMP/sum.xlsx" "第一批=$TMP/sheet1.txt" "第二批=$TMP/bad3.txt"
"$PBI" -d "$DB" "$TMP/sum.xlsx" 2>"$TMP/err"
is "$?" 1 "a workbook whose sums do not add up fails"
has "$TMP/err" "the expenditure rows (资金分配) do not add up to the expenditure total" "the database's error is shown"
has "$TMP/err" "at $TMP/sum.xlsx, sheet '第二批', row 4" \
	"located at the form's title in sheet 第二批, row 4 (a sum names no cell)"
is "$(counts)" "0/0/0" "nothing stored"

# the same broken cell in a CSV file: file, row and column
mkcsv "$TMP/bad.csv" gb18030 "$TMP/bad2.txt"
"$PBI" -d "$DB" "$TMP/bad.csv" 2>"$TMP/err"
is "$?" 1 "a CSV file with a broken cell fails"
has "$TMP/err" "at $TMP/bad.csv, row $brow, column $col" "the error names file, row and column"

# a sheet that does not begin with a form title
printf '填表说明\t请按模板填写\n' >"$TMP/notes.txt"
mkxlsx "$TMP/notes.xlsx" "第一批=$TMP/sheet1.txt" "说明=$TMP/notes.txt"
"$PBI" -d "$DB" "$TMP/notes.xlsx" 2>"$TMP/err"
is "$?" 1 "a sheet that is not a form makes the workbook fail"
has "$TMP/err" "$TMP/notes.xlsx, sheet '说明', row 1, column A: sheet '说明' does not begin with a form title; found 「填表说明」" \
	"the error names the sheet, row, column and what was found"
is "$(counts)" "0/0/0" "nothing stored"

# not a workbook, and an old .xls
printf 'not a zip' >"$TMP/fake.xlsx"
"$PBI" -d "$DB" "$TMP/fake.xlsx" 2>"$TMP/err"
is "$?" 1 "a .xlsx that is not a workbook fails"
has "$TMP/err" "not an .xlsx workbook" "the error says so"
cp "$TMP/seed.xlsx" "$TMP/old.xls"
"$PBI" -d "$DB" "$TMP/old.xls" 2>"$TMP/err"
is "$?" 1 "a .xls file is refused"

if ((failed)); then
	echo "# $failed of $n failed"
	exit 1
fi
exit 0
