#!/usr/bin/python3
"""make-binary-corpus.py — writes the frozen corpus of stored binary values.

    test/corpus/make-binary-corpus.py > test/corpus/binary-1.0.tsv

Run ONCE, when a stored layout is frozen, against a server with the
extension installed (PG* variables name it; the user must be a superuser:
the on-disk bytes are read through a binary-coercible cast to bytea that is
created and rolled back in one transaction).  The file it wrote is frozen
(its SHA-256 is in test/corpus/frozen.sha256, checked by test/frozen.sh): later
releases must read every value in it back unchanged (MAINTAINING.md,
"Changing the stored layout").  Never regenerate a frozen file; freeze a new
file when a new layout is added.

The cells, deduplicated, in this order:
  - every accepted cell of the shared corpus test/corpus/cells.tsv;
  - from the parser's frozen corpus test/unit/cell_corpus.tsv, the first
    two accepted cells of each shape of their stored bytes (the kind,
    comparator, flags and prefix bytes, each scalar's header, whether there
    is a unit, a note and a phrase), leaving out cells with control bytes;
  - a few cells of shapes neither has (EXTRA: long texts whose length takes
    both bytes of the note length, the largest numbers, negative numbers,
    the larger unit prefixes).
Each is read as a perf_target and, when the type takes it, as a perf_value.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

HEADER = """\
# test/corpus/binary-1.0.tsv — FROZEN: stored values of perf_target and perf_value in
# layout 0, the layout of 0.1 to 1.0.  Never edit or regenerate this file: its SHA-256
# is in test/corpus/frozen.sha256 (test/frozen.sh).  Every later release must read each value
# back as it is written here (test/unit/test_binary_corpus.c from the on-disk bytes,
# test/binary_corpus.sh through binary COPY and from the on-disk bytes in a server).
# Made by test/corpus/make-binary-corpus.py from test/corpus/cells.tsv and
# test/unit/cell_corpus.tsv; the layout is described in src/perf_encode.c and
# doc/reference.md (chapter 7).
#
# PostgreSQL COPY text format, five columns separated by one tab:
#   cell     the text read (escapes: \\t \\n \\r \\\\ and \\ooo octal)
#   type     perf_target or perf_value
#   disk     the stored bytes (the varlena's data, without its header), hex
#   send     what <type>_send writes (format version byte, then the layout), hex
#   text     the canonical text output of the value
"""


EXTRA = ["充分" * 150, "≥95%（" + "说明" * 60 + "）", "≤999999999999999999元",
         "-999999999999999999", "0.000000000000001", "-12.5万元", "≥3.5亿元", "=1万亿元",
         "≤2千人次", "±0.5%", "±3万元", "-5%~5%", "2024年12月31日前", "2024-02-29",
         "2023.07-2024.01", "定性 ≥95%", "定性 6月底前", "定性 ≤5%", "＞100 个",
         "2020年1月--2020年11月", "1 次/月（按季度考核）"]


def shape(hexbytes):
    """The shape of stored layout-0 bytes: everything but the digits and texts."""
    b = bytes.fromhex(hexbytes)
    key = [b[:4].hex()]
    pos = 4
    kind = b[0]
    if kind != 5:
        for _ in range(2 if kind == 4 else 1):
            key.append(b[pos:pos + 4].hex())
            pos += 8 if b[pos] == 3 else 12
    unit = b[pos]
    pos += 1 + unit
    note = b[pos] | (b[pos + 1] << 8)
    key += [unit > 0, note > 0]
    return tuple(key)


def cells():
    seen = {}
    with open(os.path.join(REPO, "test/corpus/cells.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cell, target, _kind, _error = line.split("\t")
            if target != "\\N":
                seen.setdefault(cell, True)
    per_shape = {}
    with open(os.path.join(REPO, "test/unit/cell_corpus.tsv"), encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3 or fields[1] != "ok" or "\\x" in fields[0]:
                continue
            key = shape(fields[2]) + (fields[3] != "",)
            if per_shape.get(key, 0) >= 2 or fields[0] in seen:
                continue
            per_shape[key] = per_shape.get(key, 0) + 1
            seen[fields[0]] = True
    for cell in EXTRA:
        seen.setdefault(cell, True)
    return list(seen)


SQL = r"""
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_perfbudget;
BEGIN;
CREATE TEMP TABLE input (n serial, cell text);
COPY input (cell) FROM STDIN;
%s
\.
CREATE CAST (perfbudget.perf_target AS bytea) WITHOUT FUNCTION;
CREATE CAST (perfbudget.perf_value AS bytea) WITHOUT FUNCTION;
CREATE FUNCTION pg_temp.as_target(c text) RETURNS perfbudget.perf_target LANGUAGE plpgsql AS $$
BEGIN
    RETURN c::perfbudget.perf_target;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;
END $$;
CREATE FUNCTION pg_temp.as_value(c text) RETURNS perfbudget.perf_value LANGUAGE plpgsql AS $$
BEGIN
    RETURN c::perfbudget.perf_value;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;
END $$;
COPY (
    SELECT cell, typ, disk, send, txt FROM (
        SELECT n, cell, 'perf_target' AS typ, encode(t::bytea, 'hex') AS disk,
               encode(perfbudget.perf_target_send(t), 'hex') AS send, t::text AS txt
        FROM input, pg_temp.as_target(cell) AS t WHERE t IS NOT NULL
        UNION ALL
        SELECT n, cell, 'perf_value', encode(v::bytea, 'hex'),
               encode(perfbudget.perf_value_send(v), 'hex'), v::text
        FROM input, pg_temp.as_value(cell) AS v WHERE v IS NOT NULL) x
    ORDER BY n, typ) TO STDOUT;
ROLLBACK;
"""


def main():
    script = SQL % "\n".join(cells())
    out = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"], input=script.encode(),
                         stdout=subprocess.PIPE, check=True).stdout
    sys.stdout.write(HEADER)
    sys.stdout.flush()
    sys.stdout.buffer.write(out)


if __name__ == "__main__":
    main()
