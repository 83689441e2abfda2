#!/bin/bash
# bench/parse-equivalence.sh — what the installed extension makes of every cell
# of a corpus, through the server: perf_target and perf_value text out, the
# binary send bytes, or the error's SQLSTATE, message, detail and hint.
#
#   test/unit/make-cell-corpus --full > /tmp/cells.txt
#   bench/parse-equivalence.sh /tmp/cells.txt > /tmp/before.tsv    # old build installed
#   bench/parse-equivalence.sh /tmp/cells.txt > /tmp/after.tsv     # new build installed
#   cmp /tmp/before.tsv /tmp/after.tsv
#
# For a change meant to be only faster (issue 9, point 9): the two outputs must
# be byte for byte the same.  Cells are the escaped lines of make-cell-corpus;
# those that no text value can hold (NUL, bytes that are not UTF-8) are left out.  Run inside a
# cluster (PG* set); it makes and drops the database pb_parse_equivalence.
set -euo pipefail
CELLS=${1:?usage: parse-equivalence.sh CELLS_FILE}
DB=pb_parse_equivalence
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null' EXIT
# unescape with Python, keep what a text value can hold (UTF-8, no NUL), and
# write COPY text format
python3 -c '
import re, sys
for i, line in enumerate(open(sys.argv[1], "rb")):
    raw = re.sub(rb"\\(x[0-9a-f]{2}|.)", lambda m: bytes([int(m.group(1)[1:], 16)])
                 if m.group(1).startswith(b"x") else {b"t": b"\t", b"n": b"\n", b"r": b"\r"}
                 .get(m.group(1), m.group(1)), line.rstrip(b"\n"))
    try:
        cell = raw.decode("utf-8")
    except UnicodeDecodeError:
        continue
    if "\0" in cell:
        continue
    cell = cell.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    sys.stdout.write("%d\t%s\n" % (i + 1, cell))
' "$CELLS" | psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "
CREATE EXTENSION pg_perfbudget;
CREATE TABLE cells (n int PRIMARY KEY, cell text NOT NULL);
COPY cells FROM STDIN;"
psql -X -q -v ON_ERROR_STOP=1 -At -d "$DB" <<'SQL'
CREATE FUNCTION reading(cell text, typ regtype) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  st text; msg text; det text; hnt text; outp text; bin text;
BEGIN
  BEGIN
    IF typ = 'perfbudget.perf_target'::regtype THEN
      outp := cell::perfbudget.perf_target::text;
      bin := encode(perfbudget.perf_target_send(cell::perfbudget.perf_target), 'hex');
    ELSE
      outp := cell::perfbudget.perf_value::text;
      bin := encode(perfbudget.perf_value_send(cell::perfbudget.perf_value), 'hex');
    END IF;
    RETURN format('ok %s %s', bin, outp);
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
      det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
    RETURN format('error %s %s | %s | %s', st, msg, det, hnt);
  END;
END $$;
SELECT n, reading(cell, 'perfbudget.perf_target'), reading(cell, 'perfbudget.perf_value')
FROM cells ORDER BY n;
SQL
