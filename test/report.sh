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
# check_links DIR — sets links (how many) and broken (those that name no
# page of DIR, or no id in it)
check_links() {
	local page href file frag
	links=0 broken=
	for page in "$1"/*.html; do
		while read -r href; do
			links=$((links + 1))
			file=${href%%#*} frag=
			[[ "$href" == *#* ]] && frag=${href#*#}
			[[ -z "$file" ]] && file=$(basename "$page")
			if [[ "$file" == */* || "$file" == *:* || ! -f "$1/$file" ]]; then
				broken+="$(basename "$page"): $href; "
			elif [[ -n "$frag" ]] && ! grep -q "id=\"$frag\"" "$1/$file"; then
				broken+="$(basename "$page"): $href (no id); "
			fi
		done < <(grep -oE 'href="[^"]*"' "$page" | sed -E 's/^href="(.*)"$/\1/')
	done
}
# bars FILE ID — the bars of the SVG chart ID: "title=value text;" each
bars() {
	grep -o "id=\"$2\".*" "$1" | sed 's|</svg>.*||; s/<g /\n<g /g' |
		sed -nE 's|.*<title>([^<]*)</title>.*<text class="value"[^>]*>([^<]*)</text></g>$|\1=\2|p' | tr '\n' ';'
}
# external FILE... — what in the pages would load from outside
external() {
	cat "$@" | sed 's|xmlns="http://www.w3.org/2000/svg"||g' |
		grep -oiE 'src[[:space:]]*=|url\(|@import|<(script|link|img|iframe|object|embed)\b|https?:' | sort -u | tr '\n' ' '
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
check_links "$OUT"
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
nodata=0
for page in "$OUT"/index.html "$OUT"/r1.html "$OUT"/d1.html "$HTML"; do
	grep -q '<h2 id="monitoring">绩效运行监控</h2><p class="none">没有绩效运行监控数据' "$page" &&
		grep -q '<h2 id="scores">绩效自评得分</h2><p class="none">没有绩效自评数据' "$page" &&
		! grep -qE 'id="(monitoring-table|grade-chart|score-table|lowest-scores|monitoring-chart)"' "$page" ||
		nodata=$((nodata + 1))
done
((nodata == 0))
ok $? "without monitoring and self-evaluation, every page says so instead of empty tables and charts" "$nodata pages not"
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

# ---- monitoring and self-evaluation (issue 10): the example documents of
# the same six forms, imported as departments send them
"$ROOT"/bin/pb-import -q -d "$DB" --self-evaluation examples/rugao_2024_self_evaluation.txt 2>"$WORK/eval.err" &&
	"$ROOT"/bin/pb-import -q -d "$DB" --monitoring examples/rugao_2024_monitoring.txt 2>>"$WORK/eval.err"
ok $? "the example self-evaluation and monitoring documents import" "$(head -c 500 "$WORK/eval.err")"
EV=$WORK/eval
"$ROOT"/bin/pb-report -d "$DB" -O "$EV" --year 2024 2>"$WORK/eval.err" &&
	"$ROOT"/bin/pb-report -d "$DB" -o "$WORK/eval.html" --year 2024 2>>"$WORK/eval.err"
ok $? "pb-report writes the drill-down and the one page with them" "$(head -c 500 "$WORK/eval.err")"
q() { psql -X -q -A -t -d "$DB" -c "$1"; }
# the index's monitoring row of the region, from the view the analysts query
want=$(q "SELECT format('<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s%%</td><td>%s%%</td><td>%s</td><td>%s</td><td>%s</td>',
                        projects_monitored, latest_as_of, trim_scale(executed), trim_scale(spend_half_year),
                        to_char(half_year_progress * 100, 'FM990.00'), to_char(annual_progress * 100, 'FM990.00'),
                        projects_behind, projects_at_risk, indicators_at_risk)
          FROM perfbudget.monitoring_summary WHERE budget_year = 2024")
[[ "$want" == '<td>6</td><td>2024-06-30</td><td>1051.8</td><td>1052</td><td>99.98%</td><td>91.38%</td><td>4</td><td>5</td><td>3</td>' ]] &&
	grep -qF "<tr class=\"group\"><th scope=\"row\"><a href=\"r1.html#monitoring\">如皋市</a></th>$want<td>1</td></tr>" "$EV/index.html"
ok $? "index: monitoring by region as monitoring_summary has it (6 projects, 4 behind plan, 5 at risk, 3 indicators, 1 完全不可能)" "view: $want"
check "  ... the region and department pages and the one page have the department's row" \
	bash -c "grep -qF '<a href=\"d1.html#monitoring\">如皋市人力资源和社会保障局</a></th>$want<td>1</td></tr>' '$EV/r1.html' &&
	         grep -qF '<th scope=\"row\">如皋市人力资源和社会保障局</th>$want<td>1</td></tr>' '$WORK/eval.html'"
got=$(bars "$EV/index.html" monitoring-chart)
[[ "$got" == "如皋市=滞后 4 · 预警 5 / 6 个项目;" ]] &&
	grep -qE '<rect class="bar-error" x="300" y="32" width="266.7" height="20"/><rect class="bar-warning" x="566.7" y="32" width="66.7" height="20"/><rect class="bar-share" x="633.3" y="32" width="66.7" height="20"/>' "$EV/index.html"
ok $? "index: a chart of the regions' projects behind plan (4), only with indicators at risk (1), on track (1)" "bars: $got"
got=$(bars "$EV/index.html" cause-chart)
[[ "$got" == "人员保障=1;其他=1;（未说明原因）=1;" ]]
ok $? "index: causes of the indicators at risk as a chart" "bars: $got"
got=$(bars "$EV/index.html" likelihood-chart)
[[ "$got" == "确定能=10;有可能=2;完全不可能=1;" ]]
ok $? "index: likelihood of completion of the monitored indicators as a chart" "bars: $got"
rows=$(grep -o '<table class="list risk-indicators">.*' "$EV/index.html" | sed 's|</table>.*||' | grep -o '<tr><td>' | wc -l)
((rows == 3)) && grep -qF '<td>服务对象满意度</td><td>≥95%</td><td>88%</td><td>90%</td><td></td><td class="likelihood red">完全不可能</td><td>更换印刷供应商</td><td>完全不可能、未说明偏差原因、预计完不成</td>' "$EV/index.html" &&
	grep -qF '<td>社保当日业务当日办结率</td><td>100%</td><td>98.2%</td><td>99%</td><td>人员保障：窗口人员不足</td><td class="likelihood yellow">有可能</td><td></td>' "$EV/index.html"
ok $? "index: the 3 indicators at risk with target, completed, expected, cause, likelihood, measure and alerts, 完全不可能 first" "rows: $rows"
rows=$(grep -o '<table class="list monitoring-projects">.*' "$EV/index.html" | sed 's|</table>.*||' | grep -o '<tr><td>' | wc -l)
((rows == 4)) && grep -qF '<td><a href="d1.html#m2">“助保贷款”财政贴息</a></td>' "$EV/index.html"
ok $? "index: the 4 projects behind plan, linked to their department's page" "rows: $rows"
want=$(q "SELECT format('<td>%s</td><td>%s</td><td>%s</td><td>%s%%</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>',
                        projects_evaluated, projects_scored, avg_total_score, to_char(avg_execution_rate * 100, 'FM990.00'),
                        excellent, good, fair, poor)
          FROM perfbudget.department_score WHERE budget_year = 2024 AND NOT is_total")
[[ "$want" == '<td>6</td><td>6</td><td>97.96</td><td>95.39%</td><td>5</td><td>1</td><td>0</td><td>0</td>' ]] &&
	grep -qF "<a href=\"r1.html#scores\">如皋市</a></th>$want</tr>" "$EV/index.html" &&
	grep -qF "<a href=\"d1.html#scores\">如皋市人力资源和社会保障局</a></th>$want</tr>" "$EV/r1.html"
ok $? "index and region page: grades as department_score has them (6 evaluated, average 97.96, 5 优 1 良)" "view: $want"
check "  ... drawn as stacked bars 优 良 中 差 (5 and 1 of 6)" \
	grep -qE 'id="grade-chart".*<title>如皋市</title>.*<rect class="grade-a" x="300" y="32" width="333.3" height="20"/><rect class="grade-b" x="633.3" y="32" width="66.7" height="20"/>' "$EV/index.html"
first=$(grep -o '<table class="list scores" id="lowest-scores">.*' "$EV/index.html" | grep -o '<tbody><tr><td>.*' | sed 's|</tr>.*||')
[[ "$first" == *'>“助保贷款”财政贴息</a></td>'*'<td class="n">85.00%</td><td class="n">8.50</td><td class="n">80.79</td><td class="n">89.29</td><td class="grade">良</td>'* ]]
ok $? "index: the lowest-scoring project first (“助保贷款”财政贴息, 89.29, 良)" "first: ${first:0:300}"
check "department page: every monitored project (6, anchors m*) and every score (6, anchors s*)" \
	bash -c "test \$(grep -o '<tr id=\"m[0-9]*\">' '$EV/d1.html' | wc -l) -eq 6 && test \$(grep -o '<tr id=\"s[0-9]*\">' '$EV/d1.html' | wc -l) -eq 6"
check "the one page: the grades of the six projects (5 优, 1 良) and the 3 indicators at risk" \
	bash -c "test \"\$(grep -o '<td class=\"grade\">[^<]*</td>' '$WORK/eval.html' | sort | uniq -c | tr -s ' ' | tr '\n' ';')\" = ' 5 <td class=\"grade\">优</td>; 1 <td class=\"grade\">良</td>;' &&
	         test \$(grep -o '<td class=\"likelihood [a-z]*\">' '$WORK/eval.html' | wc -l) -eq 3"
check_links "$EV"
[[ -z "$broken" ]] && ((links >= 60))
ok $? "all $links links of the pages with monitoring and scores resolve" "broken: $broken"
found=$(external "$EV"/*.html "$WORK/eval.html")
[[ -z "$found" ]]
ok $? "  ... and nothing is loaded from outside" "found: $found"
"$ROOT"/bin/pb-report -d "$DB" -O "$WORK/eval1" --year 2024 --department 没有这个部门 2>/dev/null &&
	grep -q '没有绩效运行监控数据' "$WORK/eval1/index.html"
ok $? "a filter that selects none of the evaluated forms says there is no monitoring"

if [[ -z "$CHROMIUM" ]]; then
	ok 1 "chromium is installed (Debian package 'chromium')"
else
	PROFILE=$(mktemp -d)
	flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
		--disable-background-networking --disable-component-update --disable-sync
		--disable-dev-shm-usage --hide-scrollbars --user-data-dir="$PROFILE")
	timeout 120 "$CHROMIUM" "${flags[@]}" --dump-dom "file://$EV/d1.html" >"$WORK/d1-dom.html" 2>>"$WORK/chromium.err"
	found=$(grep -oiE '(src|href)="https?:[^"]*"|url\(|<(script|link|img|iframe)\b' "$WORK/d1-dom.html" | sort -u | tr '\n' ' ')
	[[ -z "$found" ]] && grep -q 'id="grade-chart"' "$WORK/d1-dom.html" && grep -q 'id="likelihood-chart"' "$WORK/d1-dom.html"
	ok $? "the browser's DOM of the department page has the monitoring and grade charts and nothing from outside" "found: $found"
	# the department page scrolled to its monitoring and scores: the page
	# cut at the h2 of the monitoring, so that the screenshot shows them
	sed 's|<body>|<body><style>h1~*{display:none}#monitoring,#monitoring~*{display:revert}</style>|' "$EV/d1.html" >"$EV/sections.html"
	sed 's|</head>|<style>*{color:transparent!important}svg text{fill:transparent!important}</style></head>|' \
		"$EV/sections.html" >"$EV/hidden.html"
	timeout 120 "$CHROMIUM" "${flags[@]}" --window-size=1200,1400 --screenshot="$WORK/sections.png" "file://$EV/sections.html" \
		>/dev/null 2>>"$WORK/chromium.err" &&
		timeout 120 "$CHROMIUM" "${flags[@]}" --window-size=1200,1400 --screenshot="$WORK/sections-hidden.png" "file://$EV/hidden.html" \
			>/dev/null 2>>"$WORK/chromium.err"
	ok $? "chromium --screenshot of the department page's monitoring and scores, with and without text" "$(tail -n 3 "$WORK/chromium.err")"
	rm -f "$EV/sections.html" "$EV/hidden.html"
	PIXELS=(/usr/bin/python3 "$ROOT/test/report/pixels.py")
	ink=$("${PIXELS[@]}" ink "$WORK/sections.png" 2>&1)
	[[ "$ink" =~ ^[0-9]+$ ]] && ((ink > 50000))
	ok $? "the monitoring and scores as a reader sees them are not blank ($ink pixels of ink > 50000)"
	text=$("${PIXELS[@]}" diff "$WORK/sections.png" "$WORK/sections-hidden.png" 2>&1)
	[[ "$text" =~ ^[0-9]+$ ]] && ((text > 20000))
	ok $? "  ... and their text is drawn ($text pixels differ from the render without text > 20000)"
	rm -rf "$PROFILE"
fi

echo "1..$n"
((failed == 0))
