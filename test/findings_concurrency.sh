#!/usr/bin/env bash
# test/findings_concurrency.sh — concurrent writers cannot make the stored
# findings (perfbudget.issue_finding) differ from a recomputation.
#
# Runs inside an existing cluster (PG* variables, e.g. from pg_virtualenv;
# the maintenance database is PGDATABASE or 'postgres').  A scratch database
# holds the six seed forms and 60 copies of them in two departments of one
# year.  CLIENTS sessions (default 6) each run TX (default 200) random
# transactions: an indicator's annual target removed or put back, a row's
# 三级 name made equal to the next row's or restored, a form's 年度目标
# copied from its 中长期目标 or restored, a form renamed, two forms changed
# in one transaction, a form deleted and written again from its template,
# the seed document re-imported with replace (as pb-import --replace does),
# a form self-evaluated (全年执行数, a self_evaluation row, actuals and
# scores) or given a monitoring report with its indicator rows, such reports
# deleted, and, now and then, the too_few_indicators threshold, a rule's
# on/off state or evaluation_setting changed.  Deadlocks, serialization
# errors, two writers re-creating one form at once (a duplicate key) and a
# report written for a form or row another writer has just deleted (a
# foreign key of monitoring, indicator_monitoring or self_evaluation) are
# allowed: that transaction rolls back.  Then:
#   - enough transactions committed for the test to mean something;
#   - issue_finding equals issue_finding_computed, EXCEPT ALL both ways;
#   - form_issues read by a new session equals the recomputation;
#   - rebuild_findings() gives back the same table.
#
# Output is TAP; the exit status is non-zero when a test failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CLIENTS=${CLIENTS:-6}
TX=${TX:-200}
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_findings_concurrency_$$
WORK=$(mktemp -d)
export PGOPTIONS="${PGOPTIONS:-} -c deadlock_timeout=100ms"
cleanup() {
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$DB" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
[ -n "${KEEP_DB:-}" ] || trap cleanup EXIT
T=0
FAILED=0
ok() { # ok STATUS DESCRIPTION
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then echo "ok $T - $2"; else echo "not ok $T - $2"; FAILED=$((FAILED + 1)); fi
}
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
echo "1..6"

createdb --maintenance-db="$MAINT_DB" "$DB"
q -c 'CREATE EXTENSION pg_perfbudget' >/dev/null
q -f examples/seed_forms.sql >/dev/null
q <<'SQL' >/dev/null
INSERT INTO perfbudget.project (id, budget_year, region, name, department, long_term_goal, annual_goal,
                                start_month, end_month)
SELECT g, 2024, '如皋市', 'copy' || g, CASE WHEN g % 2 = 0 THEN 'X' ELSE 'Y' END, p.long_term_goal,
       p.annual_goal, p.start_month, p.end_month
FROM generate_series(100, 159) g JOIN perfbudget.project p ON p.id = 1 + g % 6;
INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
SELECT g, i.line_no, i.level1, i.level2, i.level3, i.half_year_target, i.annual_target
FROM generate_series(100, 159) g JOIN perfbudget.indicator i ON i.project_id = 1 + g % 6;
SQL
DIFF="SELECT (SELECT count(*) FROM (SELECT project_id, code, line_no, message FROM perfbudget.issue_finding
                                   EXCEPT ALL
                                   SELECT project_id, code, line_no, message FROM perfbudget.issue_finding_computed) a)
          || ' ' ||
             (SELECT count(*) FROM (SELECT project_id, code, line_no, message FROM perfbudget.issue_finding_computed
                                   EXCEPT ALL
                                   SELECT project_id, code, line_no, message FROM perfbudget.issue_finding) b)"
n0=$(q -c "SELECT count(DISTINCT project_id) FROM perfbudget.issue_finding WHERE project_id >= 100")
d0=$(q -c "$DIFF")
ok $([ "$n0" -gt 0 ] && [ "$d0" = "0 0" ] && echo 0 || echo 1) \
	"60 copies of the seed forms stored with their findings ($n0 forms with findings; stored/recomputed differ by $d0)"

# One client's transactions, as SQL: psql goes on after a failed one.
script() { # script SEED
	echo "\\set doc \`cat examples/rugao_2024_hrss.txt\`"
	awk -v seed="$1" -v n="$TX" 'BEGIN {
		srand(seed)
		q = "\047"
		for (t = 0; t < n; t++) {
			p = 100 + int(rand() * 60); p2 = 100 + int(rand() * 60); l = 3 + int(rand() * 12)
			op = int(rand() * 12)
			print "BEGIN;"
			if (op == 0 || op == 5) {
				printf "UPDATE perfbudget.indicator SET annual_target = CASE WHEN annual_target IS NULL THEN half_year_target ELSE NULL END WHERE project_id = %d AND line_no = %d AND half_year_target IS NOT NULL;\n", p, l
			}
			if (op == 1) {
				printf "UPDATE perfbudget.indicator i SET level3 = CASE WHEN i.level3 LIKE %s THEN rtrim(i.level3, %s) ELSE n.level3 || %s END FROM perfbudget.indicator n WHERE i.project_id = %d AND i.line_no = %d AND n.project_id = i.project_id AND n.line_no = i.line_no + 1;\n", q "%#" q, q "#" q, q "#" q, p, l
			}
			if (op == 2 || op == 5) {
				printf "UPDATE perfbudget.project SET annual_goal = CASE WHEN annual_goal = long_term_goal THEN %s ELSE long_term_goal END WHERE id = %d;\n", q "年度目标" p q, p2
			}
			if (op == 3) {
				printf "UPDATE perfbudget.project SET name = CASE WHEN name LIKE %s THEN rtrim(name, %s) ELSE name || %s END WHERE id = %d;\n", q "%*" q, q "*" q, q "*" q, p
			}
			if (op == 4) {
				printf "DELETE FROM perfbudget.project WHERE id = %d;\n", p
				printf "INSERT INTO perfbudget.project (id, budget_year, region, name, department, long_term_goal, annual_goal) SELECT %d, 2024, %s, %s, %s, long_term_goal, annual_goal FROM perfbudget.project WHERE id = %d;\n", p, q "如皋市" q, q "copy" p q, q "X" q, 1 + p % 6
				printf "INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target) SELECT %d, line_no, level1, level2, level3, half_year_target, annual_target FROM perfbudget.indicator WHERE project_id = %d;\n", p, 1 + p % 6
			}
			if (op == 6) {
				print "SELECT count(*) FROM perfbudget.import_form(:" q "doc" q ", true);"
			}
			if (op == 7) {
				if (rand() < 0.5)
					printf "INSERT INTO perfbudget.issue_rule_setting (code, threshold) VALUES (%s, %d) ON CONFLICT (code) DO UPDATE SET threshold = excluded.threshold;\n", q "too_few_indicators" q, 3 + int(rand() * 12)
				else
					printf "INSERT INTO perfbudget.issue_rule_setting (code, enabled) VALUES (%s, %s) ON CONFLICT (code) DO UPDATE SET enabled = NOT coalesce(perfbudget.issue_rule_setting.enabled, true);\n", q "missing_cost" q, "false"
			}
			if (op == 8) {
				printf "DELETE FROM perfbudget.indicator WHERE project_id = %d AND line_no = %d;\n", p, l
				printf "INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target) SELECT %d, line_no, level1, level2, level3, half_year_target, annual_target FROM perfbudget.indicator WHERE project_id = %d AND line_no = %d ON CONFLICT DO NOTHING;\n", p, 1 + p % 6, l
			}
			if (op == 9) {
				printf "UPDATE perfbudget.project SET spend_executed = %d WHERE id = %d;\n", int(rand() * 20), p
				printf "INSERT INTO perfbudget.self_evaluation (project_id, execution_weight, execution_score, total_score, grade) VALUES (%d, 10, %d, %d, %s) ON CONFLICT (project_id, department_id) DO UPDATE SET total_score = excluded.total_score, grade = excluded.grade;\n", p, int(rand() * 11), 50 + int(rand() * 50), q (rand() < 0.5 ? "优" : "差") q
				printf "UPDATE perfbudget.indicator SET actual = CASE WHEN line_no %% 3 = 0 THEN NULL ELSE perfbudget.perf_value_of(annual_target) END, score = CASE WHEN line_no %% 2 = 0 THEN %d END WHERE project_id = %d AND annual_target IS NOT NULL;\n", int(rand() * 15), p
			}
			if (op == 10) {
				printf "INSERT INTO perfbudget.monitoring (project_id, as_of, executed) VALUES (%d, %s, %d) ON CONFLICT (project_id, as_of, department_id) DO UPDATE SET executed = excluded.executed;\n", p, q "2024-0" (6 + int(rand() * 2)) "-30" q, int(rand() * 10)
				printf "INSERT INTO perfbudget.indicator_monitoring (project_id, as_of, line_no, expected, likelihood) SELECT DISTINCT ON (m.project_id, m.as_of, i.line_no) m.project_id, m.as_of, i.line_no, CASE WHEN i.line_no %% 4 = 0 THEN %s ELSE perfbudget.perf_value_of(i.annual_target) END, %s FROM perfbudget.monitoring m JOIN perfbudget.indicator i ON i.project_id = m.project_id WHERE m.project_id = %d AND i.annual_target IS NOT NULL ON CONFLICT (project_id, as_of, line_no, department_id) DO UPDATE SET likelihood = excluded.likelihood, expected = excluded.expected;\n", q "1%" q, q (rand() < 0.5 ? "有可能" : "确定能") q, p
			}
			if (op == 11) {
				r = rand()
				if (r < 0.4)
					printf "DELETE FROM perfbudget.monitoring WHERE project_id = %d AND as_of = (SELECT max(as_of) FROM perfbudget.monitoring WHERE project_id = %d);\n", p, p
				else if (r < 0.8)
					printf "DELETE FROM perfbudget.self_evaluation WHERE project_id = %d;\n", p
				else
					printf "INSERT INTO perfbudget.evaluation_setting (over_target_ratio, score_tolerance) VALUES (%s, %s) ON CONFLICT (id) DO UPDATE SET over_target_ratio = excluded.over_target_ratio, score_tolerance = excluded.score_tolerance;\n", (rand() < 0.5 ? "1.1" : "1.3"), (rand() < 0.5 ? "0" : "0.5")
			}
			print "COMMIT;"
		}
	}'
}
pids=()
for c in $(seq 1 "$CLIENTS"); do
	script "$c" >"$WORK/client.$c.sql"
	psql -X -d "$DB" -f "$WORK/client.$c.sql" >"$WORK/client.$c.out" 2>&1 &
	pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || true; done
commits=$(cat "$WORK"/client.*.out | grep -c '^COMMIT$' || true)
errors=$(cat "$WORK"/client.*.out | grep -c 'ERROR' || true)
unexpected=$(cat "$WORK"/client.*.out | grep 'ERROR' |
	grep -v -e 'deadlock detected' -e 'could not serialize' -e 'duplicate key value' -e 'current transaction is aborted' \
		-e 'violates foreign key constraint "indicator_monitoring_' -e 'violates foreign key constraint "monitoring_' \
		-e 'violates foreign key constraint "self_evaluation_' |
	head -3 || true)
ok $([ "$commits" -ge $((CLIENTS * TX / 2)) ] && [ -z "$unexpected" ] && echo 0 || echo 1) \
	"$CLIENTS concurrent writers: $commits of $((CLIENTS * TX)) transactions committed, $errors error lines (deadlocks, two writers re-creating one form, a report of a row just deleted)${unexpected:+ — unexpected: $unexpected}"

codes=$(q -c "SELECT count(DISTINCT code) FROM perfbudget.issue_finding")
evcodes=$(q -c "SELECT count(DISTINCT f.code) FROM perfbudget.issue_finding f JOIN perfbudget.issue_rule r USING (code)
                WHERE r.area IN ('monitoring', 'evaluation')")
ok $([ "$codes" -ge 4 ] && [ "$evcodes" -ge 3 ] && echo 0 || echo 1) "the forms have findings of several rules to compare ($codes rules, $evcodes of them monitoring and self-evaluation)"
d1=$(q -c "$DIFF")
ok $([ "$d1" = "0 0" ] && echo 0 || echo 1) "issue_finding = issue_finding_computed, EXCEPT ALL both ways (rows only stored / only recomputed: $d1)"
if [ "$d1" != "0 0" ]; then
	q -c "(SELECT 'stored', project_id, code, line_no, message FROM perfbudget.issue_finding
	       EXCEPT ALL SELECT 'stored', project_id, code, line_no, message FROM perfbudget.issue_finding_computed)
	      UNION ALL
	      (SELECT 'recomputed', project_id, code, line_no, message FROM perfbudget.issue_finding_computed
	       EXCEPT ALL SELECT 'recomputed', project_id, code, line_no, message FROM perfbudget.issue_finding)" | sed 's/^/# /'
fi
RI="SELECT project_id, severity, code, message, line_no FROM perfbudget.form_issues"
REF="SELECT f.project_id, r.severity, f.code, f.message, f.line_no
     FROM perfbudget.issue_finding_computed f JOIN perfbudget.issue_rule r ON r.code = f.code AND r.enabled"
d2=$(q -c "SELECT count(*) FROM (($RI WHERE code <> 'boilerplate_indicator_set' EXCEPT ALL $REF)
                                 UNION ALL ($REF EXCEPT ALL $RI WHERE code <> 'boilerplate_indicator_set')) x")
ok $([ "$d2" -eq 0 ] && echo 0 || echo 1) "form_issues read by a new session = the recomputation with the settings in force ($d2 rows differ)"
STORED="SELECT md5(string_agg(f::text, E'\n' ORDER BY f::text)) FROM perfbudget.issue_finding f"
before=$(q -c "$STORED")
q -c "SELECT perfbudget.rebuild_findings()" >/dev/null
after=$(q -c "$STORED")
ok $([ "$before" = "$after" ] && echo 0 || echo 1) "stored findings equal a rebuild from scratch"
[ "$FAILED" -eq 0 ]
