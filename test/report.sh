#!/usr/bin/env bash
# test/report.sh — bin/pb-report renders the seed's report, and a real
# browser draws it: headless Chromium (Debian package 'chromium'; a CJK font
# such as fonts-wqy-microhei makes the Chinese text legible in the
# screenshot, the checks do not depend on it).
#
# Runs inside an existing cluster (PG* variables, e.g. from pg_virtualenv;
# the maintenance database is PGDATABASE or 'postgres').  It creates a
# scratch database with the extension and the six seed forms, writes the
# 2024 report, and checks:
#
#   * the file is one self-contained HTML document: no src=, href=, url(),
#     @import, <script>, <link>, <img> or <iframe>;
#   * the department summary, the SVG charts and the issues are there;
#   * Chromium's DOM (--dump-dom) has the SVG bars (<rect> elements) and
#     the department's name;
#   * Chromium's screenshot is a PNG of more than 20 KB.
#
# KEEP=DIR keeps report.html, dom.html and report.png in DIR.
# Output is TAP; the exit status is non-zero when a test failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_report_$$
WORK=$(mktemp -d)
DEPARTMENT=如皋市人力资源和社会保障局
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}

cleanup() {
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$DB" >/dev/null 2>&1 || true
	if [[ -n "${KEEP:-}" ]]; then
		mkdir -p "$KEEP" && cp -f "$WORK"/report.html "$WORK"/dom.html "$WORK"/report.png "$KEEP"/ 2>/dev/null
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

n=0
failed=0
ok() { # ok CONDITION-STATUS NAME [DIAGNOSTIC]
	n=$((n + 1))
	if [[ "$1" == 0 ]]; then
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
		[[ -n "${3:-}" ]] && printf '#   %s\n' "$3"
	fi
}
check() { # check NAME COMMAND...
	local name=$1
	shift
	"$@" >/dev/null 2>&1
	ok $? "$name"
}

createdb --maintenance-db="$MAINT_DB" "$DB" &&
	psql -X -q -v ON_ERROR_STOP=1 -d "$DB" >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION pg_perfbudget;
\set doc `cat examples/rugao_2024_hrss.txt`
SELECT count(*) FROM perfbudget.import_form(:'doc');
SQL
ok $? "scratch database with the seed forms"

HTML=$WORK/report.html
"$ROOT"/bin/pb-report -d "$DB" -o "$HTML" --year 2024 2>"$WORK/report.err"
ok $? "pb-report writes the 2024 report" "$(head -c 500 "$WORK/report.err")"
check "the report is a non-empty HTML document" grep -q '^<!DOCTYPE html>' "$HTML"
external=$(grep -oiE '(src|href)[[:space:]]*=|url\(|@import|<(script|link|img|iframe|object|embed)\b' "$HTML" | sort -u | tr '\n' ' ')
[[ -z "$external" ]]
ok $? "self-contained: no external resources" "found: $external"
check "the department summary table names the department" grep -q "<th scope=\"row\">$DEPARTMENT</th>" "$HTML"
check "the summary shows 1151 万元, 1052 万元, 92 indicators, 24 quantitative" \
	grep -qE "<td>6</td><td>1151</td><td>1151</td><td>1052</td><td>1151</td><td>91\.40%</td><td>92</td><td>24</td><td>26\.09%</td>" "$HTML"
check "two inline SVG charts" test "$(grep -o '<svg ' "$HTML" | wc -l)" -eq 2
check "the issues are grouped by project (six projects)" test "$(grep -o '<section class="project">' "$HTML" | wc -l)" -eq 6
check "13 issues listed" test "$(grep -o '<li class="warning">' "$HTML" | wc -l)" -eq 13
"$ROOT"/bin/pb-report -d "$DB" --year 1999 >"$WORK/empty.html" 2>&1
ok $? "a year without forms still renders"
check "  ... and says so" grep -q '没有该年度的项目' "$WORK/empty.html"

if [[ -z "$CHROMIUM" ]]; then
	ok 1 "chromium is installed (Debian package 'chromium')"
else
	PROFILE=$(mktemp -d)
	flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
		--disable-background-networking --disable-component-update --disable-sync
		--disable-dev-shm-usage --hide-scrollbars --user-data-dir="$PROFILE")
	timeout 120 "$CHROMIUM" "${flags[@]}" --dump-dom "file://$HTML" >"$WORK/dom.html" 2>"$WORK/chromium.err"
	ok $? "chromium --dump-dom" "$(tail -n 3 "$WORK/chromium.err")"
	rects=$(grep -o '<rect' "$WORK/dom.html" | wc -l)
	((rects > 0))
	ok $? "the browser's DOM has SVG bars ($rects <rect> elements)"
	check "the browser's DOM has the department's name" grep -q "$DEPARTMENT" "$WORK/dom.html"
	timeout 120 "$CHROMIUM" "${flags[@]}" --window-size=1200,1400 \
		--screenshot="$WORK/report.png" "file://$HTML" >/dev/null 2>>"$WORK/chromium.err"
	ok $? "chromium --screenshot" "$(tail -n 3 "$WORK/chromium.err")"
	size=$(stat -c %s "$WORK/report.png" 2>/dev/null || echo 0)
	[[ "$(head -c 8 "$WORK/report.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]]
	ok $? "the screenshot is a PNG"
	((size > 20000))
	ok $? "the screenshot is not blank ($size bytes > 20000)"
	rm -rf "$PROFILE"
fi

echo "1..$n"
((failed == 0))
