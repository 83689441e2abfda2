#!/usr/bin/env bash
# test/corpus.sh — the shared cell corpus (test/corpus/cells.tsv) through the C parser.
#
# Needs no server.  Builds test/unit/test_corpus with AddressSanitizer and
# UBSan (the parser gets exactly-sized buffers, so an overrun is reported)
# and runs it: one test a cell (canonical text, kind, text read back, or the
# reason it is refused).  test/pgtap/corpus.sql checks the same cells
# through SQL.  Output is TAP.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
CFLAGS="-std=c99 -O1 -g -Wall -Wextra -Werror -Isrc -fno-omit-frame-pointer"
CFLAGS+=" -fsanitize=address,undefined -fsanitize-recover=address,undefined"

rm -f test/unit/test_corpus
if ! out=$(make -s test/unit/test_corpus HOST_CFLAGS="$CFLAGS" 2>&1); then
	echo "not ok 1 - test/unit/test_corpus builds"
	printf '%s\n' "$out" | sed 's/^/# /'
	echo "1..1"
	exit 1
fi
echo "ok 1 - test/unit/test_corpus builds (AddressSanitizer, UBSan)"
ASAN_OPTIONS=halt_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	test/unit/test_corpus test/corpus/cells.tsv >"$LOG" 2>&1
rc=$?
# its tests follow ours: number them on
awk '/^(not )?ok [0-9]+/ { n = $0; sub(/^(not )?ok /, "", n); num = n + 0; sub(/^[0-9]+/, "", n)
                           print (/^not/ ? "not ok " : "ok ") (num + 1) n; next }
     /^1\.\.[0-9]+/ { next }
     { print "# " $0 }' "$LOG"
ran=$(grep -cE '^(not )?ok [0-9]+' "$LOG")
plan=$(sed -nE 's/^1\.\.([0-9]+)$/\1/p' "$LOG")
T=$((ran + 1))
reports=$(grep -E '^SUMMARY: (Address|Undefined|Leak)Sanitizer|runtime error:' "$LOG" | sort -u)
T=$((T + 1))
if [ -z "$reports" ] && [ -n "$plan" ] && [ "$plan" = "$ran" ] && { [ $rc -eq 0 ] || grep -q '^not ok' "$LOG"; }; then
	echo "ok $T - the corpus test ran to its end (plan $plan) without a sanitizer report"
else
	echo "not ok $T - the corpus test ran to its end (plan ${plan:-none}, exit $rc) without a sanitizer report"
	[ -n "$reports" ] && printf '%s\n' "$reports" | sed 's/^/# /'
fi
echo "1..$T"
! grep -q '^not ok' "$LOG" && [ -z "$reports" ] && [ "${plan:-x}" = "$ran" ]
