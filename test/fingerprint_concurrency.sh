#!/usr/bin/env bash
# test/fingerprint_concurrency.sh — concurrent writers cannot corrupt the
# stored indicator fingerprints (project_fingerprint) or their group counts
# (fingerprint_group).
#
# Runs inside an existing cluster (PG* variables, e.g. from pg_virtualenv;
# the maintenance database is PGDATABASE or 'postgres').  A scratch database
# holds the six seed forms and 60 copies of them in one department and year
# (so every writer hits the same few group rows).  CLIENTS sessions (default
# 6) each run TX (default 300) random transactions on the copies: an
# indicator name toggled (the form changes group), a form moved between two
# departments, two forms' rows changed in one transaction, a form deleted
# and written again from its template.  Deadlocks, serialization errors and
# two writers re-creating one form id at once (a duplicate key) are allowed:
# that transaction rolls back.  Then:
#   - enough transactions committed for the test to mean something;
#   - the counts of fingerprint_group equal the rows of project_fingerprint;
#   - the stored tables equal a recomputation from scratch
#     (perfbudget.rebuild_fingerprints(), compared row by row).
#
# Output is TAP; the exit status is non-zero when a test failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CLIENTS=${CLIENTS:-6}
TX=${TX:-300}
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_fp_concurrency_$$
WORK=$(mktemp -d)
export PGOPTIONS="${PGOPTIONS:-} -c deadlock_timeout=100ms"
cleanup() {
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$DB" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT
T=0
FAILED=0
ok() { # ok STATUS DESCRIPTION
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then echo "ok $T - $2"; else echo "not ok $T - $2"; FAILED=$((FAILED + 1)); fi
}
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
echo "1..4"

createdb --maintenance-db="$MAINT_DB" "$DB"
q -c 'CREATE EXTENSION pg_perfbudget' >/dev/null
q -f examples/seed_forms.sql >/dev/null
q <<'SQL' >/dev/null
INSERT INTO perfbudget.project (id, budget_year, region, name, department)
SELECT g, 2024, '如皋市', 'copy' || g, 'X' FROM generate_series(100, 159) g;
INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target)
SELECT g, i.line_no, i.level1, i.level2, i.level3, i.half_year_target, i.annual_target
FROM generate_series(100, 159) g JOIN perfbudget.indicator i ON i.project_id = 1 + g % 6;
SQL
n0=$(q -c "SELECT count(*) FROM perfbudget.project_fingerprint WHERE project_id >= 100")
ok $([ "$n0" -eq 60 ] && echo 0 || echo 1) "60 copies of the seed forms with stored fingerprints (got $n0)"

# One client's transactions, as SQL: psql goes on after a failed one.
script() { # script SEED
	awk -v seed="$1" -v n="$TX" 'BEGIN {
		srand(seed)
		for (t = 0; t < n; t++) {
			p = 100 + int(rand() * 60); p2 = 100 + int(rand() * 60); l = 3 + int(rand() * 12)
			op = int(rand() * 4)
			print "BEGIN;"
			if (op == 0 || op == 2) {
				printf "UPDATE perfbudget.indicator SET level3 = CASE WHEN level3 LIKE %s THEN rtrim(level3, %s) ELSE level3 || %s END WHERE project_id = %d AND line_no = %d;\n", "'\''%*'\''", "'\''*'\''", "'\''*'\''", p, l
			}
			if (op == 1) {
				printf "UPDATE perfbudget.project SET department = CASE department WHEN %s THEN %s ELSE %s END WHERE id = %d;\n", "'\''X'\''", "'\''Y'\''", "'\''X'\''", p
			}
			if (op == 2) {
				printf "UPDATE perfbudget.indicator SET level3 = CASE WHEN level3 LIKE %s THEN rtrim(level3, %s) ELSE level3 || %s END WHERE project_id = %d AND line_no = %d;\n", "'\''%*'\''", "'\''*'\''", "'\''*'\''", p2, l
			}
			if (op == 3) {
				printf "DELETE FROM perfbudget.project WHERE id = %d;\n", p
				printf "INSERT INTO perfbudget.project (id, budget_year, region, name, department) VALUES (%d, 2024, %s, %s, %s);\n", p, "'\''如皋市'\''", "'\''copy" p "'\''", "'\''X'\''"
				printf "INSERT INTO perfbudget.indicator (project_id, line_no, level1, level2, level3, half_year_target, annual_target) SELECT %d, line_no, level1, level2, level3, half_year_target, annual_target FROM perfbudget.indicator WHERE project_id = %d;\n", p, 1 + p % 6
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
unexpected=$(cat "$WORK"/client.*.out | grep 'ERROR' | grep -v -e 'deadlock detected' -e 'could not serialize' -e 'unique constraint "project_pkey"' -e 'current transaction is aborted' | head -3 || true)
ok $([ "$commits" -ge $((CLIENTS * TX / 2)) ] && [ -z "$unexpected" ] && echo 0 || echo 1) \
	"$CLIENTS concurrent writers: $commits of $((CLIENTS * TX)) transactions committed, $errors error lines (deadlocks, and two writers re-creating one form)${unexpected:+ — unexpected: $unexpected}"

bad=$(q -c "SELECT count(*) FROM (SELECT budget_year, coalesce(region, '') AS r, department, fingerprint, count(*) AS n
                                  FROM perfbudget.project_fingerprint GROUP BY 1, 2, 3, 4) f
            FULL JOIN perfbudget.fingerprint_group g
              ON (g.budget_year, g.region_key, g.department, g.fingerprint) = (f.budget_year, f.r, f.department, f.fingerprint)
            WHERE g.forms IS DISTINCT FROM f.n")
ok $([ "$bad" -eq 0 ] && echo 0 || echo 1) "every group count equals its forms in project_fingerprint ($bad wrong)"
STORED="SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM (
    SELECT 'f' || f::text AS t FROM perfbudget.project_fingerprint f
    UNION ALL SELECT 'g' || g::text FROM perfbudget.fingerprint_group g) x"
before=$(q -c "$STORED")
q -c "SELECT perfbudget.rebuild_fingerprints()" >/dev/null
after=$(q -c "$STORED")
ok $([ "$before" = "$after" ] && echo 0 || echo 1) "stored fingerprints and group counts equal a recomputation from scratch"
[ "$FAILED" -eq 0 ]
