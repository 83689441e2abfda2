#!/usr/bin/env bash
# test/import_batch.sh — import_form stores forms in batches of 100, one
# INSERT per table a batch, all in one subtransaction; when a form fails, the
# document is read again with each batch in a subtransaction and the failing
# batch's forms stored one by one, so that the error is the one a
# form-by-form import raises (issue 9, point 5).  Checked with documents of 1,203 forms
# made from the seed (examples/rugao_2024_hrss.txt, 项目名称 renamed), so that
# they span thirteen batches:
#   - all forms stored, ids ascending in document order, rows and totals those
#     of the seed times the copies;
#   - the stored fingerprints are those perfbudget.indicator_fingerprint
#     computes form by form, and indicator_fingerprints agrees with it;
#   - a bad form in the eighth batch (form 777) fails the call with the error
#     naming that form, its 项目名称 and row, and nothing of the call remains;
#   - a form that is a duplicate of one in an earlier batch is refused naming
#     both;
#   - a name stored in canonical form warns once per form, not again when the
#     document is read again or its batch redone one by one after a later form
#     fails;
#   - the call keeps the memory of one subtransaction, not of one a batch.
#
# Runs inside an existing cluster (PG* variables, e.g. from pg_virtualenv).
# Output is TAP; the exit status is non-zero when a test failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_batch_$$
WORK=$(mktemp -d)
N=1203

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
# import_doc FILE SQL: run SQL with :'doc' set to the file (too long for an argument)
import_doc() { printf '\\set doc `cat %s`\n%s\n' "$1" "$2" | q -v VERBOSITY=default 2>&1; }

# N forms from the seed's six, 项目名称 suffixed -k; awk program as bench/import.sh
make_doc() { # make_doc N [AWK-EDIT] > doc
	awk -v n="$1" '
		/如皋市市级项目预算绩效目标申报表/ { f++ }
		f > 0 { line[f, ++len[f]] = $0 }
		END {
			for (k = 1; k <= n; k++) {
				i = (k - 1) % f + 1
				for (j = 1; j <= len[i]; j++) {
					s = line[i, j]
					if (s ~ /^项目名称\t/) {
						split(s, c, "\t")
						sub(/^项目名称\t[^\t]*/, "项目名称\t" c[2] "-" k, s)
					}
					print s
				}
			}
		}' examples/rugao_2024_hrss.txt
}

createdb --maintenance-db="$MAINT_DB" "$DB"
q -c 'CREATE EXTENSION pg_perfbudget'
make_doc "$N" >"$WORK/good.txt"
set +e		# from here a failing check is a "not ok", not the end of the script

# 1. the whole document
import_doc "$WORK/good.txt" "CREATE TABLE ids AS SELECT * FROM perfbudget.import_form(:'doc') WITH ORDINALITY AS i(id, ordinal);
SELECT count(*) FROM ids;" >"$WORK/ids.txt"
[ "$(cat "$WORK/ids.txt")" = "$N" ]; ok $? "import_form of $N forms returns $N ids"
got=$(q -c "SELECT (SELECT count(*) FROM perfbudget.project),
	(SELECT array_agg(id ORDER BY ordinal) = array_agg(id ORDER BY id) FROM ids),
	(SELECT bool_and(p.id IS NOT NULL) FROM ids LEFT JOIN perfbudget.project p USING (id))")
[ "$got" = "$N|t|t" ]; ok $? "every form stored under its id, ids ascending in document order ($got)"
got=$(q -c "SELECT (SELECT count(*) FROM perfbudget.indicator), (SELECT count(*) FROM perfbudget.expenditure),
	(SELECT sum(total) FROM perfbudget.project)")
want=$(q -c "SELECT (SELECT count(*) * 200 + (SELECT count(*) FROM perfbudget.indicator i JOIN perfbudget.project p ON p.id = i.project_id WHERE p.name ~ '-(1|2|3)\$') FROM perfbudget.indicator i JOIN perfbudget.project p ON p.id = i.project_id WHERE p.name ~ '-([1-6])\$'),
	(SELECT count(*) * 200 + (SELECT count(*) FROM perfbudget.expenditure e JOIN perfbudget.project p ON p.id = e.project_id WHERE p.name ~ '-(1|2|3)\$') FROM perfbudget.expenditure e JOIN perfbudget.project p ON p.id = e.project_id WHERE p.name ~ '-([1-6])\$'),
	(SELECT sum(total) * 200 + (SELECT sum(total) FROM perfbudget.project WHERE name ~ '-(1|2|3)\$') FROM perfbudget.project WHERE name ~ '-([1-6])\$')")
[ "$got" = "$want" ]; ok $? "rows and totals are the seed's times the copies ($got)"

# 2. fingerprints, stored in one statement for the call
got=$(q -c "SELECT count(*) FILTER (WHERE f.fingerprint IS DISTINCT FROM perfbudget.indicator_fingerprint(p.id)),
	count(f.project_id) FROM perfbudget.project p LEFT JOIN perfbudget.project_fingerprint f ON f.project_id = p.id")
[ "$got" = "0|$N" ]; ok $? "each form's stored fingerprint is indicator_fingerprint of it ($got)"
got=$(q -c "SELECT count(*) FROM perfbudget.project p
	FULL JOIN perfbudget.indicator_fingerprints((SELECT array_agg(id) FROM perfbudget.project)) x ON x.project_id = p.id
	WHERE x.fingerprint IS DISTINCT FROM perfbudget.indicator_fingerprint(p.id)")
[ "$got" = "0" ]; ok $? "indicator_fingerprints agrees with indicator_fingerprint on every form"
got=$(q -c "SELECT sum(forms) FROM perfbudget.fingerprint_group")
[ "$got" = "$N" ]; ok $? "fingerprint groups count every form once ($got)"

# 3. a bad row in form 777 (eighth batch): the call fails naming it, nothing remains
q -c "TRUNCATE perfbudget.project CASCADE" >/dev/null 2>&1
awk '/如皋市市级项目预算绩效目标申报表/ { k++ } { if (k == 777 && !done && $0 ~ /预算执行率\t=\t\t100%/) { sub(/\t\t100%/, "\t\t≥95%以下"); done = 1 } print }' \
	"$WORK/good.txt" >"$WORK/bad.txt"
cmp -s "$WORK/good.txt" "$WORK/bad.txt"; [ $? -ne 0 ]; ok $? "the bad document differs from the good one"
err=$(import_doc "$WORK/bad.txt" "SELECT count(*) FROM perfbudget.import_form(:'doc');" || true)
grep -q 'form 777 "' <<<"$err"; ok $? "the error names form 777: $(grep -m1 -o 'importing form [0-9]* "[^"]*"' <<<"$err" || echo "$err" | head -2)"
got=$(q -c "SELECT count(*) FROM perfbudget.project")
[ "$got" = "0" ]; ok $? "nothing of the failed call remains ($got projects)"

# the same bad form alone, as the sixth form of a short document, gives the same message
awk '/如皋市市级项目预算绩效目标申报表/ { t++ } t <= 777 && t >= 772 { print }' "$WORK/bad.txt" >"$WORK/short.txt"
err_alone=$(import_doc "$WORK/short.txt" "SELECT count(*) FROM perfbudget.import_form(:'doc');" || true)
m1=$(grep -m1 -A2 'ERROR' <<<"$err" | sed 's/form 777 /form N /g; s/form 6 /form N /g'); m2=$(grep -m1 -A2 'ERROR' <<<"$err_alone" | sed 's/form 777 /form N /g; s/form 6 /form N /g')
[ -n "$m1" ] && [ "$m1" = "$m2" ]; ok $? "the message is the one a short import of that form gives ($(head -1 <<<"$m1"))"

# 4. a duplicate of a form of an earlier batch (form 1 repeated as form 1,003)
awk '/如皋市市级项目预算绩效目标申报表/ { k++ } { if ($0 ~ /^项目名称\t/ && k == 1003) { sub(/-1003\t/, "-1\t") } print }' \
	"$WORK/good.txt" >"$WORK/dup.txt"
err=$(import_doc "$WORK/dup.txt" "SELECT count(*) FROM perfbudget.import_form(:'doc');" || true)
grep -q 'form 1003 ".*is the same project as form 1 of the document' <<<"$err"; ok $? "a duplicate across batches is refused naming both forms: $(grep -m1 '^ERROR' <<<"$err")"

# 5. warnings are not repeated when a batch is redone one by one
# import_with_warning K: the bad document with form K's department written
# with a full-width letter (stored in canonical form, with a warning)
import_with_warning() {
	awk -v form="$1" '/如皋市市级项目预算绩效目标申报表/ { k++ }
		{ if (k == form && !done && sub(/如皋市人力资源和社会保障局/, "如皋市人力资源和社会保障局Ａ")) done = 1; print }' \
		"$WORK/bad.txt" >"$WORK/warn-$1.txt"
	import_doc "$WORK/warn-$1.txt" "SELECT count(*) FROM perfbudget.import_form(:'doc');" || true
}
err=$(import_with_warning 2)
n=$(grep -c '^WARNING' <<<"$err" || true)
[ "$n" = "1" ]; ok $? "the canonical-name warning of form 2 is given once, though its batch was redone ($n)"
grep -q 'form 777 "' <<<"$err"; ok $? "and the error still names form 777"
err=$(import_with_warning 750)
n=$(grep -c '^WARNING.*form 750 ' <<<"$err" || true)
[ "$n" = "1" ]; ok $? "the warning of form 750, in the failing batch before form 777, is given once ($n)"

# 6. memory: the batches share one subtransaction, so the call keeps no
# memory per batch until commit (a committed subtransaction keeps its
# CurTransactionContext, some 512 kB with the findings triggers' transition
# tables, until the transaction ends: 13 of them for this document before)
got=$(import_doc "$WORK/good.txt" "BEGIN;
SELECT count(*) FROM perfbudget.import_form(:'doc');
SELECT count(*) FROM pg_backend_memory_contexts WHERE name = 'CurTransactionContext' AND level > 1;
ROLLBACK;" | sed -n 2p)
[ "$got" = "1" ]; ok $? "an import of $N forms leaves one subtransaction's memory, not one a batch ($got)"

echo "1..$T"
exit $((FAILED > 0))
