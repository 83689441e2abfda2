#!/usr/bin/env bash
# test/citus.sh — pg_perfbudget distributed with Citus equals one node.
#
# Runs when Citus is installed (citus.so in `pg_config --pkglibdir`); prints
# '1..0 # SKIP citus.so not installed' otherwise.  It builds nothing.
#
# Starts four throw-away clusters on loopback as the postgres user (root
# runs them through su): a Citus coordinator and two workers
# (shared_preload_libraries = 'citus'), and a plain single node.  Both
# sides get the same data: the example forms (examples/*.txt and
# examples/layouts/*.txt), forms made by bench/gen-forms, the monitoring and
# self-evaluation examples.  The coordinator then runs
# perfbudget.distribute(); both sides import more forms, replace a
# department's forms (import_form(..., replace => true)), edit an indicator
# and an expenditure row, import a later monitoring report and the
# self-evaluation again, and refuse the same inconsistent form.  After each
# step every view is read, ordered, on both sides and compared.
#
# Environment: PG_CONFIG (default pg_config), CITUS_FORMS (generated forms,
# default 400), CITUS_SHARDS (shards per distributed table, default 8: two
# workers need no more, and each multi-shard query opens a task per shard),
# CITUS_PORT (first of four ports, default 56541),
# CITUS_KEEP=1 leaves the clusters running (and says where).
#
# Output is TAP; the exit status is non-zero when a test failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
PG_CONFIG=${PG_CONFIG:-pg_config}
PKGLIB=$("$PG_CONFIG" --pkglibdir)
BIN=$("$PG_CONFIG" --bindir)
if [ ! -f "$PKGLIB/citus.so" ]; then
	echo "1..0 # SKIP citus.so not installed in $PKGLIB"
	exit 0
fi
FORMS=${CITUS_FORMS:-400}
SHARDS=${CITUS_SHARDS:-8}
PORT0=${CITUS_PORT:-56541}
PORTS=("$PORT0" $((PORT0 + 1)) $((PORT0 + 2)) $((PORT0 + 3)))
NAMES=(coordinator worker1 worker2 single)
WORK=$(mktemp -d /tmp/pb-citus.XXXXXX)
chmod 755 "$WORK"
[ "$(id -u)" -eq 0 ] && chown postgres "$WORK"

as_pg() { # run a command as the postgres user (this script may run as root)
	if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
stop_all() {
	local n
	for n in "${NAMES[@]}"; do
		[ -d "$WORK/$n" ] && as_pg "'$BIN/pg_ctl' -D '$WORK/$n' -m immediate stop" >/dev/null 2>&1
	done
}
cleanup() {
	if [ "${CITUS_KEEP:-0}" = 1 ]; then
		echo "# clusters kept in $WORK (ports ${PORTS[*]})"
	else
		stop_all
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT

T=0
FAILED=0
ok() { # ok STATUS DESCRIPTION
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then echo "ok $T - $2"; else echo "not ok $T - $2"; FAILED=$((FAILED + 1)); fi
}
# psql on one node: q NODE-INDEX ARGS...
q() { local i=$1; shift; psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$WORK" -p "${PORTS[$i]}" -U postgres -d pb "$@"; }
C=0 W1=1 W2=2 S=3

# ---- the clusters ----
for i in 0 1 2 3; do
	n=${NAMES[$i]}
	as_pg "'$BIN/initdb' -D '$WORK/$n' -A trust --locale=C.UTF-8 -E UTF8" >"$WORK/$n.initdb.log" 2>&1 || {
		echo "1..0 # SKIP initdb failed (see $WORK/$n.initdb.log)"; exit 0; }
	{
		echo "port = ${PORTS[$i]}"
		echo "listen_addresses = '127.0.0.1'"
		echo "unix_socket_directories = '$WORK'"
		echo "max_connections = 60"
		echo "shared_buffers = 32MB"
		echo "fsync = off"
		[ "$n" != single ] && echo "shared_preload_libraries = 'citus'"
		[ "$n" != single ] && echo "max_prepared_transactions = 20"
	} >>"$WORK/$n/postgresql.conf"
	as_pg "'$BIN/pg_ctl' -D '$WORK/$n' -l '$WORK/$n.log' -w start" >/dev/null 2>&1 || {
		echo "1..0 # SKIP could not start the $n cluster (see $WORK/$n.log)"; exit 0; }
	psql -X -q -h "$WORK" -p "${PORTS[$i]}" -U postgres -d postgres -c "CREATE DATABASE pb" >/dev/null
done

# ---- Citus on the coordinator and the workers; the extension on both sides ----
setup_ok=0
for i in $C $W1 $W2; do q $i -c "CREATE EXTENSION citus" >>"$WORK/setup.log" 2>&1 || setup_ok=1; done
q $C -c "SELECT citus_set_coordinator_host('127.0.0.1', ${PORTS[$C]})" >>"$WORK/setup.log" 2>&1 || setup_ok=1
for i in $W1 $W2; do
	q $C -c "SELECT citus_add_node('127.0.0.1', ${PORTS[$i]})" >>"$WORK/setup.log" 2>&1 || setup_ok=1
done
q $C -c "CREATE EXTENSION pg_perfbudget" >>"$WORK/setup.log" 2>&1 || setup_ok=1
q $S -c "CREATE EXTENSION pg_perfbudget" >>"$WORK/setup.log" 2>&1 || setup_ok=1
CITUS_VERSION=$(q $C -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'" 2>/dev/null)
echo "# Citus $CITUS_VERSION, coordinator :${PORTS[$C]}, workers :${PORTS[$W1]} :${PORTS[$W2]}, single node :${PORTS[$S]}"
ok $setup_ok "a coordinator with two workers (citus_add_node) and a single node, pg_perfbudget on both"
[ $setup_ok -eq 0 ] || { sed 's/^/# /' "$WORK/setup.log"; }
ok $([ "$(q $C -c "SELECT count(*) FROM citus_get_active_worker_nodes()")" = 2 ] && echo 0 || echo 1) \
	"two active workers"

# both: run the same SQL on the coordinator and the single node
both() { q $C "$@" >>"$WORK/both.log" 2>&1 && q $S "$@" >>"$WORK/both.log" 2>&1; }
import_file() { # import_file FILE [replace]
	local f=$1 r=${2:-false}
	both -c "SELECT count(*) FROM perfbudget.import_form(pg_read_file('$f'), replace => $r)"
}

# ---- the same forms on both sides, before distributing ----
bench/gen-forms -n "$FORMS" --seed 1 --split $(((FORMS + 3) / 4)) -o "$WORK/gen" >/dev/null
bench/gen-forms -n $((FORMS / 2)) --seed 2 --year 2026 -o "$WORK/gen-after.txt" >/dev/null
chmod -R a+rX "$WORK"
rc=0
for f in "$ROOT"/examples/rugao_2024_hrss.txt "$ROOT"/examples/layouts/*.txt "$WORK"/gen/*.txt; do
	import_file "$f" || { rc=1; echo "# import of $f failed"; }
done
ok $rc "the example forms (examples/*.txt, examples/layouts/*.txt) and $FORMS generated forms imported on both sides"
rc=0
both -c "SELECT count(*) FROM perfbudget.import_monitoring(pg_read_file('$ROOT/examples/rugao_2024_monitoring.txt'))" || rc=1
both -c "SELECT count(*) FROM perfbudget.import_self_evaluation(pg_read_file('$ROOT/examples/rugao_2024_self_evaluation.txt'))" || rc=1
ok $rc "the monitoring and self-evaluation examples imported on both sides"
[ $rc -eq 0 ] || tail -5 "$WORK/both.log" | sed 's/^/# /'

# ---- distribute ----
out=$(q $C -c "SELECT perfbudget.distribute($SHARDS)" 2>&1 | grep -v '^NOTICE\|^DETAIL:  The local\|^HINT:  To remove')
echo "# $out"
ok $([[ "$out" == distributed:* ]] && echo 0 || echo 1) "perfbudget.distribute() distributes the forms"
ok $([ "$(q $C -c "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text LIKE 'perfbudget.%' AND partmethod = 'h'")" = 9 ] && echo 0 || echo 1) \
	"nine tables distributed by hash"
ok $([ "$(q $C -c "SELECT count(DISTINCT colocationid) FROM pg_dist_partition WHERE logicalrelid::text LIKE 'perfbudget.%' AND partmethod = 'h'")" = 1 ] && echo 0 || echo 1) \
	"all of them co-located"
ok $([ "$(q $C -c "SELECT string_agg(logicalrelid::text, ',' ORDER BY logicalrelid::text) FROM pg_dist_partition WHERE logicalrelid::text LIKE 'perfbudget.%' AND partmethod = 'n'")" = \
	"perfbudget.department,perfbudget.evaluation_setting,perfbudget.issue_rule_default,perfbudget.issue_rule_setting" ] && echo 0 || echo 1) \
	"department and the settings are reference tables"
ok $([ "$(q $C -c "SELECT count(DISTINCT nodeport) FROM pg_dist_shard_placement p JOIN pg_dist_shard s USING (shardid) WHERE s.logicalrelid = 'perfbudget.project'::regclass")" = 2 ] && echo 0 || echo 1) \
	"project's shards are on both workers"
ok $([ "$(q $C -c "SELECT perfbudget.distribute()")" = "already distributed" ] && echo 0 || echo 1) \
	"a second distribute() changes nothing"
err=$(q $S -c "SELECT perfbudget.distribute()" 2>&1)
ok $([[ "$err" == *"needs Citus"* ]] && echo 0 || echo 1) "without Citus distribute() refuses, saying why"

# ---- every view, ordered, equal on both sides ----
VIEWS=(department_summary region_summary project_summary indicator_detail department_review
	form_issues '"部门汇总"' '"地区汇总"' '"项目汇总"' '"指标明细"' '"问题清单"'
	indicator_set issue_rule evaluation_rule indicator_score project_score department_score
	'"项目得分"' '"部门得分"' monitoring_alerts monitoring_summary evaluation_issues '"监控预警"' '"监控汇总"')
compare_views() { # compare_views WHEN
	local v a b
	for v in "${VIEWS[@]}"; do
		a=$(q $C -c "SELECT x::text FROM perfbudget.$v x ORDER BY 1" 2>&1)
		b=$(q $S -c "SELECT x::text FROM perfbudget.$v x ORDER BY 1" 2>&1)
		if [ "$a" = "$b" ] && ! grep -q 'ERROR' <<<"$b"; then
			ok 0 "$1: $v equal on Citus and one node ($(grep -c . <<<"$b") rows)"
		else
			ok 1 "$1: $v equal on Citus and one node"
			diff <(echo "$b") <(echo "$a") | head -8 | sed 's/^/# /'
		fi
	done
}
compare_views "after distribute()"

# ---- writes after distributing ----
rc=0
import_file "$WORK/gen-after.txt" || rc=1
ok $rc "$((FORMS / 2)) more forms imported after distribute() on both sides"
compare_views "after an import"

rc=0
import_file "$WORK/gen/forms_00002.txt" true || rc=1
import_file "$ROOT/examples/rugao_2024_hrss.txt" true || rc=1
ok $rc "forms replaced with import_form(..., replace => true) on both sides"
compare_views "after a replace"

# an edit: an indicator's target and an expenditure row's item; on Citus the
# stored fingerprints and findings of the form are refreshed by the caller
# (doc/citus.md)
EDIT_ID=$(q $S -c "SELECT min(project_id) FROM perfbudget.indicator WHERE line_no = 2")
rc=0
for i in $C $S; do
	q $i -c "UPDATE perfbudget.indicator SET annual_target = NULL, level3 = level3 || '（改）'
	         WHERE project_id = $EDIT_ID AND line_no = 2" \
	     -c "UPDATE perfbudget.expenditure SET item = item || '（改）' WHERE project_id = $EDIT_ID AND line_no = 1" \
	     >>"$WORK/both.log" 2>&1 || rc=1
done
q $C -c "SELECT perfbudget.refresh_fingerprints(ARRAY[$EDIT_ID]::bigint[]), perfbudget.refresh_findings(ARRAY[$EDIT_ID]::bigint[])" >>"$WORK/both.log" 2>&1 || rc=1
ok $rc "an indicator and an expenditure row of form $EDIT_ID edited on both sides"
compare_views "after an edit"

# a later monitoring report (30 September: the alerts of the latest report
# become the findings) and the self-evaluation again, after distribute(): on
# Citus the imports refresh the findings of their forms themselves
sed -e 's/2024年6月30日/2024年9月30日/' -e 's/1-6月/1-9月/g' \
	"$ROOT/examples/rugao_2024_monitoring.txt" >"$WORK/monitoring-q3.txt"
chmod a+r "$WORK/monitoring-q3.txt"
rc=0
both -c "SELECT count(*) FROM perfbudget.import_monitoring(pg_read_file('$WORK/monitoring-q3.txt'))" || rc=1
both -c "SELECT count(*) FROM perfbudget.import_self_evaluation(pg_read_file('$ROOT/examples/rugao_2024_self_evaluation.txt'))" || rc=1
ok $rc "a later monitoring report and the self-evaluation imported after distribute() on both sides"
[ $rc -eq 0 ] || tail -5 "$WORK/both.log" | sed 's/^/# /'
compare_views "after a monitoring report"

# the sum check runs on the shards: an edit that breaks 资金分配 = 支出 is
# refused at commit with the same error
errmsg() { grep -E '^(ERROR|DETAIL|HINT):' | sed -E 's/ on [0-9.:]+$//'; }
EDIT_ID2=$(q $S -c "SELECT min(project_id) FROM perfbudget.expenditure WHERE annual > 0")
ea=$(q $C -c "UPDATE perfbudget.expenditure SET annual = annual + 1 WHERE project_id = $EDIT_ID2 AND line_no = 1" 2>&1 | errmsg)
eb=$(q $S -c "UPDATE perfbudget.expenditure SET annual = annual + 1 WHERE project_id = $EDIT_ID2 AND line_no = 1" 2>&1 | errmsg)
echo "$eb" | head -1 | sed 's/^/# /'
ok $([ -n "$eb" ] && [ "$ea" = "$eb" ] && echo 0 || echo 1) \
	"an expenditure edit that breaks the sum is refused with the same error (the sum trigger on the shards)"
[ "$ea" = "$eb" ] || diff <(echo "$eb") <(echo "$ea") | sed 's/^/# /'

# an inconsistent form is refused with the same error, and nothing is stored
bad="$WORK/bad.txt"
python3 - "$ROOT/examples/rugao_2024_hrss.txt" "$bad" <<'PY'
import sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
title = next(l for l in lines if l.endswith('申报表'))
second = [n for n, l in enumerate(lines) if l == title][1]
form = lines[:second]
# a new project name (not a duplicate), and its one expenditure row no
# longer equal to the expenditure total
form = [l.replace('社保扩面业务经费', '社保扩面业务经费（不平）', 1) if l.startswith('项目名称') else l
        for l in form]
row = next(n for n, l in enumerate(form) if l.split('\t')[1:2] == ['社保扩面业务经费'] and l.count('\t9') == 2)
form[row] = form[row].replace('\t9\t9', '\t9\t8', 1)
open(sys.argv[2], 'w', encoding='utf-8').write('\n'.join(form) + '\n')
PY
chmod a+r "$bad"
ea=$(q $C -c "SELECT perfbudget.import_form(pg_read_file('$bad'))" 2>&1 | errmsg)
eb=$(q $S -c "SELECT perfbudget.import_form(pg_read_file('$bad'))" 2>&1 | errmsg)
echo "$eb" | head -1 | sed 's/^/# /'
ok $([ -n "$eb" ] && [ "$ea" = "$eb" ] && echo 0 || echo 1) \
	"an inconsistent form is refused with the same error on both sides"
[ "$ea" = "$eb" ] || diff <(echo "$eb") <(echo "$ea") | sed 's/^/# /'
compare_views "after the refused form"

echo "1..$T"
[ "$FAILED" -eq 0 ]
