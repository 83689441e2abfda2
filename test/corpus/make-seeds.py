#!/usr/bin/env python3
"""make-seeds.py DIR — the cell fuzzer's seeds from the shared corpus.

Writes each cell of test/corpus/cells.tsv (its bytes, unescaped from COPY text
format) into DIR as corpus-NNN, and copies the fuzzer-only inputs of
test/fuzz/seeds/ (inputs that once crashed it, two-cell inputs) beside them.
test/run-all runs fuzz_cell on DIR.
"""

import os
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ESCAPES = {'t': b'\t', 'n': b'\n', 'r': b'\r', 'b': b'\b', 'f': b'\f', 'v': b'\v'}


def unescape(field):
    """A field of COPY text format, as bytes."""
    out = bytearray()
    raw = field.encode('utf-8')
    i = 0
    while i < len(raw):
        c = raw[i:i + 1]
        if c != b'\\' or i + 1 == len(raw):
            out += c
            i += 1
            continue
        nxt = chr(raw[i + 1])
        m = re.match(rb'[0-7]{1,3}', raw[i + 1:i + 4])
        if nxt in ESCAPES:
            out += ESCAPES[nxt]
            i += 2
        elif m:
            out.append(int(m.group(0), 8) & 0xff)
            i += 1 + len(m.group(0))
        else:
            out += raw[i + 1:i + 2]
            i += 2
    return bytes(out)


def main(dest):
    os.makedirs(dest, exist_ok=True)
    n = 0
    with open(os.path.join(ROOT, 'test/corpus/cells.tsv'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('#'):
                continue
            n += 1
            with open(os.path.join(dest, f'corpus-{n:03d}'), 'wb') as out:
                out.write(unescape(line.split('\t')[0]))
    extra = os.path.join(ROOT, 'test/fuzz/seeds')
    m = 0
    for name in sorted(os.listdir(extra)):
        shutil.copyfile(os.path.join(extra, name), os.path.join(dest, name))
        m += 1
    print(f'make-seeds: {n} cells from test/corpus/cells.tsv and {m} fuzzer inputs in {dest}')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: test/corpus/make-seeds.py DIR')
    main(sys.argv[1])
