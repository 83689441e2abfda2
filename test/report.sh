#!/usr/bin/env bash
# test/report.sh — bin/pb-report renders the seed's report, one page and
# the drill-down, and a real browser draws them: headless Chromium (Debian
# package 'chromium') with a packaged CJK font (fonts-wqy-microhei).
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
#   * Chromium's screenshot is a PNG of more than 20 KB;
#
# and for the drill-down (-O DIR: index.html, r1.html, d1.html):
#
#   * the pages, their figures and findings, the --region/--department
#     filters;
#   * no external resources in any page (no src=, url(), @import, script,
#     link, img, iframe, no http: or https: anywhere), also in the DOM
#     Chromium built;
#   * every href names a page of the directory, and its #fragment an id there;
#   * as a reader sees index.html (test/report/pixels.py reads the
#     screenshots): it is not blank, its text is drawn (a render with the
#     text made transparent differs), and the Chinese is drawn with glyphs,
#     not with the "missing glyph" box (the title with its characters in
#     another order renders differently; boxes would not).
#
# KEEP=DIR keeps report.html, dom.html, report.png and the drill-down in DIR.
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
		mkdir -p "$KEEP" && cp -rf "$WORK"/report.html "$WORK"/dom.html "$WORK"/report.png "$WORK"/drill "$KEEP"/ 2>/dev/null
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
# (links within the page, href="#…", are its table of contents)
external=$(grep -oiE 'src[[:space:]]*=|href[[:space:]]*=[[:space:]]*"[^#]|url\(|@import|<(script|link|img|iframe|object|embed)\b' "$HTML" | sort -u | tr '\n' ' ')
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

# ---- the drill-down
OUT=$WORK/drill
"$ROOT"/bin/pb-report -d "$DB" -O "$OUT" --year 2024 2>"$WORK/drill.err"
ok $? "pb-report -O writes the drill-down" "$(head -c 500 "$WORK/drill.err")"
pages=$(cd "$OUT" 2>/dev/null && ls | tr '\n' ' ')
[[ "$pages" == "d1.html index.html r1.html " ]]
ok $? "one index, one region page, one department page" "pages: $pages"
# (the SVG namespace name is an identifier, not a resource)
external=$(cat "$OUT"/*.html | sed 's|xmlns="http://www.w3.org/2000/svg"||g' | grep -oiE '(src)[[:space:]]*=|url\(|@import|<(script|link|img|iframe|object|embed)\b|https?:' | sort -u | tr '\n' ' ')
[[ -z "$external" ]]
ok $? "no page loads anything from outside (no src=, url(), script, link, img, http:)" "found: $external"
links=0 broken=
for page in "$OUT"/*.html; do
	while read -r href; do
		links=$((links + 1))
		file=${href%%#*} frag=
		[[ "$href" == *#* ]] && frag=${href#*#}
		[[ -z "$file" ]] && file=$(basename "$page")
		if [[ "$file" == */* || "$file" == *:* || ! -f "$OUT/$file" ]]; then
			broken+="$(basename "$page"): $href; "
		elif [[ -n "$frag" ]] && ! grep -q "id=\"$frag\"" "$OUT/$file"; then
			broken+="$(basename "$page"): $href (no id); "
		fi
	done < <(grep -oE 'href="[^"]*"' "$page" | sed -E 's/^href="(.*)"$/\1/')
done
[[ -z "$broken" ]] && ((links >= 20))
ok $? "all $links links name a page of the directory and an id in it" "broken: $broken"
check "the index links the region and the department" \
	bash -c "grep -q 'href=\"r1.html\">如皋市<' '$OUT/index.html' && grep -q 'href=\"d1.html\">$DEPARTMENT<' '$OUT/index.html'"
check "the index sums the region: 6 projects, 1151 万元, 13 warnings" \
	grep -qE '<tr class="region"><th scope="row"><a href="r1.html">如皋市</a></th><td>6</td><td>1151</td><td>1151</td><td>1052</td><td>1151</td><td>91\.40%</td><td>92</td><td>24</td><td>26\.09%</td><td>0</td><td>13</td></tr>' "$OUT/index.html"
rules=$(grep -o '<table class="list rules">.*</table>' "$OUT/index.html" | grep -o '<tr><td class="warning">' | wc -l)
((rules == 4))
ok $? "findings by rule: 4 rules, each with its department and project" "rules: $rules"
check "  ... qualitative_with_number 5 times in 5 projects" \
	grep -qE '<code>qualitative_with_number</code></td><td>[^<]*</td><td class="n">5</td><td class="n">5</td>' "$OUT/index.html"
check "the department page lists its six projects with every finding (13)" \
	bash -c "test \$(grep -o '<section class=\"project\" id=\"p[0-9]*\">' '$OUT/d1.html' | wc -l) -eq 6 &&
	         test \$(grep -o '<li class=\"warning\">' '$OUT/d1.html' | wc -l) -eq 13"
check "the index and region pages do not list findings one by one" \
	bash -c "! grep -q '<li class=' '$OUT/index.html' '$OUT/r1.html'"
"$ROOT"/bin/pb-report -d "$DB" -O "$WORK/one" --year 2024 --region 如皋市 --department "$DEPARTMENT" 2>/dev/null &&
	grep -q '范围：如皋市 · 如皋市人力资源和社会保障局' "$WORK/one/index.html" && test -f "$WORK/one/d1.html"
ok $? "--region and --department select the department"
"$ROOT"/bin/pb-report -d "$DB" -O "$WORK/none" --year 2024 --department 没有这个部门 2>/dev/null &&
	grep -q '0 个地区，0 个部门，0 个项目' "$WORK/none/index.html"
ok $? "  ... and an unknown department gives an empty index"
echo x >"$WORK/none/notes.txt"
! "$ROOT"/bin/pb-report -d "$DB" -O "$WORK/none" --year 2024 2>/dev/null
ok $? "a directory holding other files is refused"

if [[ -z "$CHROMIUM" ]]; then
	ok 1 "chromium is installed (Debian package 'chromium')"
else
	fonts=$(fc-list :lang=zh family 2>/dev/null | head -n 3 | tr '\n' ';')
	[[ -n "$fonts" ]]
	ok $? "a packaged CJK font is installed ($fonts)"
	PROFILE=$(mktemp -d)
	flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
		--disable-background-networking --disable-component-update --disable-sync
		--disable-dev-shm-usage --hide-scrollbars --user-data-dir="$PROFILE")
	shot() { # shot HTML PNG
		timeout 120 "$CHROMIUM" "${flags[@]}" --window-size=1200,1400 --screenshot="$2" "file://$1" \
			>/dev/null 2>>"$WORK/chromium.err"
	}
	timeout 120 "$CHROMIUM" "${flags[@]}" --dump-dom "file://$OUT/index.html" >"$WORK/index-dom.html" 2>>"$WORK/chromium.err"
	ok $? "chromium --dump-dom of the index" "$(tail -n 3 "$WORK/chromium.err")"
	external=$(grep -oiE '(src|href)="https?:[^"]*"|url\(|<(script|link|img|iframe)\b' "$WORK/index-dom.html" | sort -u | tr '\n' ' ')
	[[ -z "$external" ]] && grep -q '<svg' "$WORK/index-dom.html"
	ok $? "the browser's DOM of the index has its charts and nothing from outside" "found: $external"
	# the same page, its text transparent; and its title's characters reordered
	sed 's|</head>|<style>*{color:transparent!important}svg text{fill:transparent!important}</style></head>|' \
		"$OUT/index.html" >"$OUT/hidden.html"
	sed -E 's|<h1>2024 年度预算绩效目标汇总</h1>|<h1>2024 总汇标目效绩算预度年</h1>|' "$OUT/index.html" >"$OUT/reordered.html"
	shot "$OUT/index.html" "$WORK/index.png" && shot "$OUT/hidden.html" "$WORK/hidden.png" &&
		shot "$OUT/reordered.html" "$WORK/reordered.png"
	ok $? "chromium --screenshot of the index, of it without text, of it with the title reordered" \
		"$(tail -n 3 "$WORK/chromium.err")"
	rm -f "$OUT/hidden.html" "$OUT/reordered.html"
	PIXELS=(/usr/bin/python3 "$ROOT/test/report/pixels.py")
	ink=$("${PIXELS[@]}" ink "$WORK/index.png" 2>&1)
	[[ "$ink" =~ ^[0-9]+$ ]] && ((ink > 50000))
	ok $? "the index's screenshot is not blank ($ink pixels of ink > 50000)"
	text=$("${PIXELS[@]}" diff "$WORK/index.png" "$WORK/hidden.png" 2>&1)
	[[ "$text" =~ ^[0-9]+$ ]] && ((text > 20000))
	ok $? "its text is drawn ($text pixels differ from the render without text > 20000)"
	glyphs=$("${PIXELS[@]}" diff "$WORK/index.png" "$WORK/reordered.png" 2>&1)
	[[ "$glyphs" =~ ^[0-9]+$ ]] && ((glyphs > 300))
	ok $? "its Chinese is drawn with glyphs, not boxes ($glyphs pixels differ with the title reordered > 300)"
	rm -rf "$PROFILE"
fi

echo "1..$n"
((failed == 0))
