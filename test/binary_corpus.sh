#!/usr/bin/env bash
# test/binary_corpus.sh — the frozen stored values (test/corpus/binary-1.0.tsv,
# layout 0, what 0.1 to 1.0 store) read back by this build in a server.
#
# Runs inside an existing cluster as a superuser (PG* variables, e.g. from
# pg_virtualenv): the on-disk bytes are handed to the server through a
# binary-coercible cast between bytea and the types, created and rolled back
# inside one transaction, exactly as pg_upgrade hands it the data files of an
# older release.  Checks, for perf_target and perf_value apart:
#   - binary COPY of the frozen send bytes (…_recv) takes every value; its
#     text is the frozen text, it equals the value read from the cell and
#     from that text (= and the hash), and it is stored as the frozen bytes;
#   - the frozen on-disk bytes, stored as they are, print the frozen text,
#     equal the value read from text (=, hash, btree order), and send the
#     frozen send bytes; read from text, a cell is stored as those bytes;
#   - bytes as 0.1 stored them, with the parse-only flags, read the same and
#     send without them;
#   - a value of a later layout version is refused on disk (0A000) and in
#     binary input (22P03), with a message naming the version.
# test/unit/test_binary_corpus.c checks the same file in C alone.  While the
# server writes the frozen file's layout (the high 4 bits of the stored first
# byte) its bytes must be the frozen ones; after a later layout, the frozen
# values must still read back equal (MAINTAINING.md, "Changing the stored
# layout").  test/binary_corpus.sh FILE reads another frozen corpus.
#
# Output is TAP; the exit status is non-zero when a test failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_binary_corpus_$$
WORK=$(mktemp -d)
FROZEN=${1:-test/corpus/binary-1.0.tsv}	# a later frozen corpus: test/binary_corpus.sh FILE

cleanup() {
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$DB" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT
# the extension's operators are in its schema
export PGOPTIONS="${PGOPTIONS:-} -c search_path=perfbudget,public"

T=0
FAILED=0
ok() { # ok STATUS DESCRIPTION
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $T - $2"
	else
		echo "not ok $T - $2"
		FAILED=$((FAILED + 1))
	fi
}
diag() { sed 's/^/# /'; }
q() { # q SQL...: run in the test database, unaligned, no headers
	psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$DB" "$@"
}
# none DESCRIPTION SQL: ok when the query returns no rows (the rows it returns are the failures)
none() {
	local out
	if ! out=$(q -c "$2" 2>&1); then
		ok 1 "$1"
		printf '%s\n' "$out" | head -20 | diag || true
	elif [ -n "$out" ]; then
		ok 1 "$1 ($(printf '%s\n' "$out" | wc -l) failing)"
		printf '%s\n' "$out" | head -20 | diag || true
	else
		ok 0 "$1"
	fi
}
# with_casts SQL: run SQL in a transaction that has the binary-coercible casts, then roll back
CASTS="CREATE CAST (bytea AS perfbudget.perf_target) WITHOUT FUNCTION;
CREATE CAST (bytea AS perfbudget.perf_value) WITHOUT FUNCTION;
CREATE CAST (perfbudget.perf_target AS bytea) WITHOUT FUNCTION;
CREATE CAST (perfbudget.perf_value AS bytea) WITHOUT FUNCTION;"
with_casts() {
	printf 'BEGIN;\n%s\n%s\nROLLBACK;\n' "$CASTS" "$1"
}

if [ "$(psql -X -q -t -A -d "$MAINT_DB" -c 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user')" != t ]; then
	echo "1..0 # SKIP needs a superuser (binary-coercible casts)"
	exit 0
fi

createdb --maintenance-db="$MAINT_DB" "$DB"
q -c 'CREATE EXTENSION pg_perfbudget' >/dev/null
q <<'SQL' >/dev/null
CREATE TABLE frozen (n serial PRIMARY KEY, cell text, typ text, disk text, send text, txt text);
-- values received through binary COPY
CREATE TABLE got_target (n int PRIMARY KEY, v perfbudget.perf_target);
CREATE TABLE got_value (n int PRIMARY KEY, v perfbudget.perf_value);
SQL
grep -v '^#' "$FROZEN" | q -c 'COPY frozen (cell, typ, disk, send, txt) FROM STDIN'
ROWS=$(q -c 'SELECT count(*) FROM frozen')
ok $([ "$ROWS" -ge 300 ] && echo 0 || echo 1) \
	"$FROZEN loads: $ROWS values ($(q -c "SELECT string_agg(typ || ' ' || c, ', ' ORDER BY typ) FROM (SELECT typ, count(*) c FROM frozen GROUP BY typ) x"))"

for typ in perf_target perf_value; do
	short=${typ#perf_}
	table=got_$short

	# ---- binary input: the frozen send bytes through binary COPY ----
	q -c "\\copy (SELECT n, decode(send, 'hex') FROM frozen WHERE typ = '$typ' ORDER BY n) TO '$WORK/$short.bin' WITH (FORMAT binary)"
	if out=$(q -c "\\copy $table (n, v) FROM '$WORK/$short.bin' WITH (FORMAT binary)" 2>&1); then
		want=$(q -c "SELECT count(*) FROM frozen WHERE typ = '$typ'")
		have=$(q -c "SELECT count(*) FROM $table")
		ok $([ "$want" = "$have" ] && echo 0 || echo 1) "$typ: binary COPY of the frozen send bytes takes all $want values ($have)"
	else
		ok 1 "$typ: binary COPY of the frozen send bytes takes all values"
		printf '%s\n' "$out" | head -10 | diag
	fi
	none "$typ: each value received prints the frozen text" \
		"SELECT f.n, f.cell, f.txt, g.v::text FROM frozen f LEFT JOIN $table g USING (n)
		 WHERE f.typ = '$typ' AND (g.v IS NULL OR g.v::text <> f.txt) ORDER BY f.n"
	none "$typ: each value received equals the value read from its cell and from the frozen text (= and hash)" \
		"SELECT f.n, f.cell FROM frozen f LEFT JOIN $table g USING (n)
		 WHERE f.typ = '$typ' AND (g.v IS NULL
		   OR NOT (g.v = f.cell::perfbudget.$typ AND g.v = f.txt::perfbudget.$typ
		           AND perfbudget.${typ}_hash(g.v) = perfbudget.${typ}_hash(f.txt::perfbudget.$typ)))
		 ORDER BY f.n"
	# while the server writes the frozen file's layout, its bytes are the frozen ones
	none "$typ: each value received is stored, and sent, as the frozen bytes (while their layout is written)" \
		"$(with_casts "SELECT f.n, f.cell, f.disk, encode(g.v::bytea, 'hex')
		 FROM frozen f LEFT JOIN $table g USING (n)
		 WHERE f.typ = '$typ' AND (g.v IS NULL OR get_byte(g.v::bytea, 0) >> 4 = get_byte(decode(f.disk, 'hex'), 0) >> 4
		   AND (encode(g.v::bytea, 'hex') <> f.disk OR encode(perfbudget.${typ}_send(g.v), 'hex') <> f.send))
		 ORDER BY f.n;")"

	# ---- the frozen on-disk bytes stored as they are (pg_upgrade keeps them) ----
	none "$typ: each frozen stored value prints the frozen text and equals the value read from text (=, hash)" \
		"$(with_casts "SELECT f.n, f.cell, f.txt, s.v::text FROM frozen f,
		        LATERAL (SELECT decode(f.disk, 'hex')::perfbudget.$typ AS v) s
		 WHERE f.typ = '$typ'
		   AND NOT (s.v::text = f.txt AND s.v = f.txt::perfbudget.$typ
		            AND perfbudget.${typ}_hash(s.v) = perfbudget.${typ}_hash(f.txt::perfbudget.$typ))
		 ORDER BY f.n;")"
	none "$typ: the frozen stored values sort as the values read from their text (btree order)" \
		"$(with_casts "SELECT 'order differs' FROM (
		    SELECT array_agg(n ORDER BY decode(disk, 'hex')::perfbudget.$typ, n) a,
		           array_agg(n ORDER BY txt::perfbudget.$typ, n) b
		    FROM frozen WHERE typ = '$typ') x WHERE a <> b;")"
	none "$typ: each frozen stored value sends the frozen send bytes; read from its cell it is stored as the frozen bytes (while their layout is written)" \
		"$(with_casts "SELECT f.n, f.cell FROM frozen f WHERE f.typ = '$typ'
		   AND get_byte(f.cell::perfbudget.$typ::bytea, 0) >> 4 = get_byte(decode(f.disk, 'hex'), 0) >> 4
		   AND (encode(perfbudget.${typ}_send(decode(f.disk, 'hex')::perfbudget.$typ), 'hex') <> f.send
		        OR encode(f.cell::perfbudget.$typ::bytea, 'hex') <> f.disk)
		 ORDER BY f.n;")"
done

# ---- bytes as 0.1 stored them: the parse-only flags (0x01 written, 0x08 suffix) still set ----
none "perf_target: frozen values with 0.1's parse-only flags set read the same and send without them" \
	"$(with_casts "SELECT f.n, f.cell FROM frozen f,
	        LATERAL (SELECT set_byte(decode(f.disk, 'hex'), 2, get_byte(decode(f.disk, 'hex'), 2) | 9)::perfbudget.perf_target AS v) s
	 WHERE f.typ = 'perf_target'
	   AND NOT (s.v::text = f.txt AND s.v = f.txt::perfbudget.perf_target
	            AND encode(perfbudget.perf_target_send(s.v), 'hex') = f.send)
	 ORDER BY f.n;")"

# ---- a later layout is refused, not read as this one ----
LATER=$(q -c "SELECT set_byte(decode(disk, 'hex'), 0, get_byte(decode(disk, 'hex'), 0) | 208)
              FROM frozen WHERE typ = 'perf_target' AND txt = '≥95%' ORDER BY n LIMIT 1")	# version 13
out=$(with_casts "\\set VERBOSITY verbose
SELECT '$LATER'::bytea::perfbudget.perf_target::text;" | psql -X -q -d "$DB" 2>&1 || true)
echo "$out" | grep -E '^(ERROR|DETAIL|HINT)' | diag
ok $(grep -q '^ERROR:  0A000: stored perf_value or perf_target has layout version 13, which this build of pg_perfbudget cannot read' <<<"$out" &&
	grep -q '^DETAIL:  This build reads stored layouts 0 to ' <<<"$out" && grep -q '^HINT:  ' <<<"$out" && echo 0 || echo 1) \
	"a stored value of layout version 13 is refused with 0A000, a detail and a hint"
out=$(with_casts "\\set VERBOSITY verbose
SELECT perfbudget.quantitative_share(t) FROM (VALUES ('$LATER'::bytea::perfbudget.perf_target)) x(t);" | psql -X -q -d "$DB" 2>&1 || true)
ok $(grep -q '^ERROR:  0A000: stored perf_value or perf_target has layout version 13' <<<"$out" && echo 0 || echo 1) \
	"the aggregate that reads only the comparator refuses it too (0A000)"
[ -n "$(grep -v '0A000' <<<"$out" | grep ERROR)" ] && echo "$out" | head -3 | diag
q -c "\\copy (SELECT '\\x01'::bytea || '$LATER'::bytea) TO '$WORK/later.bin' WITH (FORMAT binary)"
out=$(q -c '\set VERBOSITY verbose' -c "\\copy got_target (v) FROM '$WORK/later.bin' WITH (FORMAT binary)" 2>&1 || true)
echo "$out" | grep -E '^(ERROR|DETAIL|HINT)' | diag
ok $(grep -q '^ERROR:  22P03: invalid external binary value of type perf_target' <<<"$out" &&
	grep -q '^DETAIL:  stored layout version 13 is later than this build reads' <<<"$out" && echo 0 || echo 1) \
	"binary input of a later layout version is refused with 22P03, naming the version"

echo "1..$T"
[ "$FAILED" -eq 0 ]
