#!/usr/bin/env bash
# test/concurrency.sh — concurrent writers cannot commit a form whose
# 资金分配 rows do not add up to its expenditure totals.
#
# Runs inside an existing cluster (PG* variables, e.g. from pg_virtualenv;
# the maintenance database is PGDATABASE or 'postgres').  It creates a
# scratch database with the extension and the six seed forms, then for
# DURATION seconds (default 15):
#
#   * pgbench, 8 clients, runs balanced transactions (test/concurrency/):
#     move.sql moves amounts between two rows of a form (two statements,
#     the form out of balance in between), retotal.sql changes a form's
#     totals together with one of its rows;
#   * two background loops of psql run UNBALANCED transactions (a row
#     changed alone, the totals changed alone, a row added alone) on the
#     same forms; every one of them must fail.  (They run outside pgbench:
#     the deferred check fails at COMMIT, which a pgbench script cannot
#     catch, and on PG15 a non-retryable error aborts the pgbench client.)
#
# Then every form must still add up, per column, and no unbalanced
# transaction may have committed.
#
# Why the project row lock matters.  The cross-row check runs at COMMIT and
# reads the rows with its own snapshot, which cannot see rows that another
# transaction has written but not yet committed.  Two transactions that are
# each balanced by themselves stay balanced together, but a check that
# depends on the other's rows can be fooled: two clerks filling the first
# rows of a form that has none yet (a form without rows is accepted, for
# pg_restore) would each see only their own row equal the total, and both
# would commit, doubling the sum.  The trigger therefore locks the project
# row before summing: two writers of one form serialize on that row, and
# the second check (READ COMMITTED: a new snapshot per statement) sees the
# first one's rows.  The last tests race such first fills and require that
# at most one of them commits.
#
# Output is TAP; the exit status is non-zero when a test failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
DURATION=${DURATION:-15}
CLIENTS=${CLIENTS:-8}
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_concurrency_$$
WORK=$(mktemp -d)
# Deadlocks (see the race tests) are found after deadlock_timeout; keep it short.
export PGOPTIONS="${PGOPTIONS:-} -c deadlock_timeout=100ms"

LOOP_PIDS=()
cleanup() {
	local pid
	for pid in "${LOOP_PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$DB" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT

T=0
FAILED=0
ok() { # ok CONDITION-STATUS DESCRIPTION
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $T - $2"
	else
		echo "not ok $T - $2"
		FAILED=$((FAILED + 1))
	fi
}
check() { # check DESCRIPTION COMMAND...: ok when the command succeeds
	local d=$1
	shift
	if "$@"; then ok 0 "$d"; else ok 1 "$d"; fi
}
diag() { sed 's/^/# /'; }
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

N_TESTS=10
echo "1..$N_TESTS"

createdb --maintenance-db="$MAINT_DB" "$DB"
q -c 'CREATE EXTENSION pg_perfbudget' >/dev/null
q -f examples/seed_forms.sql >/dev/null
q -f test/concurrency/setup.sql >/dev/null
check "scratch database $DB with the six seed forms and three rows per form" \
	test "$(q -c 'SELECT count(*) FROM perfbudget.project')" -eq 6

# ---- the unbalanced writers: each attempt is one psql session ----
unbalanced_loop() { # unbalanced_loop ID DEADLINE
	local id=$1 deadline=$2 n=0 p k sql rc out
	while [ "$(date +%s)" -lt "$deadline" ]; do
		n=$((n + 1))
		p=$((RANDOM % 6 + 1))
		k=$((RANDOM % 3 + 1))
		case $((RANDOM % 3)) in
		0) sql="UPDATE perfbudget.expenditure SET annual = annual + 0.01
		        WHERE project_id = $p AND line_no = $k" ;;
		1) sql="UPDATE perfbudget.project SET total = total + 0.01,
		        fiscal_subtotal = fiscal_subtotal + 0.01, general_budget = general_budget + 0.01,
		        spend_annual = spend_annual + 0.01 WHERE id = $p" ;;
		2) sql="INSERT INTO perfbudget.expenditure VALUES ($p, $((1000 + id * 100000 + n)), '违规', 0, 0.01)" ;;
		esac
		set +e
		out=$(psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c 'BEGIN' -c "$sql" -c 'COMMIT' 2>&1)
		rc=$?
		set -e
		if [ $rc -eq 0 ]; then
			echo "committed"
		elif grep -q 'the expenditure rows (资金分配) do not add up to the expenditure total' <<<"$out"; then
			echo "rejected_sum"
		elif grep -q 'deadlock detected' <<<"$out"; then
			echo "deadlock"
		else
			echo "other: $(head -1 <<<"$out")"
		fi
	done
}

DEADLINE=$(($(date +%s) + DURATION))
for id in 1 2; do
	unbalanced_loop "$id" "$DEADLINE" >"$WORK/unbalanced.$id" &
	LOOP_PIDS+=($!)
done

set +e
pgbench -n -c "$CLIENTS" -j 2 -T "$DURATION" --max-tries=10 \
	-f test/concurrency/move.sql@3 -f test/concurrency/retotal.sql@2 "$DB" >"$WORK/pgbench.out" 2>&1
PGBENCH_RC=$?
set -e
for pid in "${LOOP_PIDS[@]}"; do wait "$pid" || true; done
LOOP_PIDS=()

grep -E 'processed|failed|retried|retries|tps' "$WORK/pgbench.out" | diag
check "pgbench ran the balanced writers to the end (exit status $PGBENCH_RC)" test "$PGBENCH_RC" -eq 0
[ "$PGBENCH_RC" -eq 0 ] || diag <"$WORK/pgbench.out"

PROCESSED=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/pgbench.out")
PB_FAILED=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/pgbench.out")
check "balanced transactions all committed (${PROCESSED:-?} processed, ${PB_FAILED:-?} failed)" \
	test "${PROCESSED:-0}" -gt 100 -a "${PB_FAILED:-1}" -eq 0

cat "$WORK"/unbalanced.* >"$WORK/unbalanced"
ATTEMPTS=$(wc -l <"$WORK/unbalanced")
COMMITTED=$(grep -c '^committed$' "$WORK/unbalanced" || true)
REJECTED=$(grep -c '^rejected_sum$' "$WORK/unbalanced" || true)
DEADLOCKS=$(grep -c '^deadlock$' "$WORK/unbalanced" || true)
echo "unbalanced: $ATTEMPTS attempts, $REJECTED rejected by the cross-row check, $DEADLOCKS deadlocks, $COMMITTED committed" | diag
{ grep '^other' "$WORK/unbalanced" || true; } | sort | uniq -c | head -5 | diag
check "no unbalanced transaction committed ($COMMITTED of $ATTEMPTS)" test "$COMMITTED" -eq 0
check "the unbalanced transactions were rejected by the cross-row check (23514) while the balanced ones ran ($REJECTED of $ATTEMPTS)" \
	test "$REJECTED" -gt 0 -a "$REJECTED" -ge $((ATTEMPTS * 9 / 10))

# ---- every form still adds up ----
MISMATCH=$(q -c "
	SELECT string_agg(format('project %s: half %s vs rows %s, annual %s vs rows %s',
	                         p.id, p.spend_half_year, s.h, p.spend_annual, s.a), '; ')
	FROM perfbudget.project p
	LEFT JOIN (SELECT project_id, coalesce(sum(half_year), 0) AS h, coalesce(sum(annual), 0) AS a
	           FROM perfbudget.expenditure GROUP BY project_id) s ON s.project_id = p.id
	WHERE coalesce(s.h, 0) <> coalesce(p.spend_half_year, 0)
	   OR coalesce(s.a, 0) <> coalesce(p.spend_annual, 0)")
check "every form: Σ rows = spend_half_year and Σ rows = spend_annual${MISMATCH:+ — $MISMATCH}" test -z "$MISMATCH"

ERRORS=$(q -c "SELECT count(*) FROM perfbudget.form_issues WHERE severity = 'error'")
check "form_issues reports no error after the run ($ERRORS)" test "$ERRORS" -eq 0
q -c "SELECT format('project %s: total %s, half %s, %s rows', p.id, p.spend_annual, p.spend_half_year,
             (SELECT count(*) FROM perfbudget.expenditure e WHERE e.project_id = p.id))
      FROM perfbudget.project p ORDER BY p.id" | diag

# ---- racing the first rows of a form without rows ----
# Form 50 has 10 万元 and no rows.  Session A adds a row of 10 and waits
# before COMMIT; session B adds another row of 10 and commits meanwhile.
# Each alone is balanced; together the rows would be 20.  At most one may
# commit.  (Today the loser usually fails with a deadlock: both inserts hold
# the FOR KEY SHARE lock of their foreign key on the project row, which
# conflicts with the FOR UPDATE the check takes at COMMIT.  Either way the
# sum must stay right.)
race() { # race ISOLATION
	local iso=$1 a_rc b_rc n sum
	q -c "DELETE FROM perfbudget.project WHERE id = 50" >/dev/null
	q -c "INSERT INTO perfbudget.project (id, budget_year, name, department, total, fiscal_subtotal,
	      general_budget, spend_half_year, spend_annual)
	      VALUES (50, 2025, '并发首填', '并发测试局', 10, 10, 10, 10, 10)" >/dev/null
	set +e
	psql -X -q -v ON_ERROR_STOP=1 -d "$DB" >"$WORK/race.a" 2>&1 <<-SQL &
		BEGIN ISOLATION LEVEL $iso;
		INSERT INTO perfbudget.expenditure VALUES (50, 1, '甲', 10, 10);
		SELECT pg_sleep(1);
		COMMIT;
	SQL
	local a_pid=$!
	sleep 0.3
	psql -X -q -v ON_ERROR_STOP=1 -d "$DB" >"$WORK/race.b" 2>&1 <<-SQL
		BEGIN ISOLATION LEVEL $iso;
		INSERT INTO perfbudget.expenditure VALUES (50, 2, '乙', 10, 10);
		COMMIT;
	SQL
	b_rc=$?
	wait "$a_pid"
	a_rc=$?
	set -e
	read -r n sum < <(q -F ' ' -c "SELECT count(*), coalesce(sum(annual), 0) FROM perfbudget.expenditure WHERE project_id = 50")
	echo "$iso: A exit $a_rc, B exit $b_rc, $n rows, Σ annual $sum" | diag
	cat "$WORK/race.a" "$WORK/race.b" | grep -E '^(ERROR|DETAIL)' | head -4 | diag
	local committed=$(((a_rc == 0) + (b_rc == 0)))
	[[ $n -le 1 && $committed -eq $n && ( $n -eq 0 || $sum == 10 ) ]]
}
check "READ COMMITTED: two first fills of a form without rows — at most one commits, the sum stays 10" \
	race 'READ COMMITTED'
check "REPEATABLE READ: two first fills of a form without rows — at most one commits, the sum stays 10" \
	race 'REPEATABLE READ'
check "SERIALIZABLE: two first fills of a form without rows — at most one commits, the sum stays 10" \
	race 'SERIALIZABLE'

[ "$T" -eq "$N_TESTS" ] || { echo "# planned $N_TESTS tests but ran $T"; FAILED=$((FAILED + 1)); }
exit $((FAILED > 0 ? 1 : 0))
