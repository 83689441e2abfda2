#!/usr/bin/env python3
"""doc_examples.py — every SQL example in README.md and doc/*.md runs, and shows what it says.

The convention (also in MAINTAINING.md):

- A fenced block opened with ```sql is an example.  If the next thing after it (blank lines
  aside) is a block opened with ```text, that block is the example's output: what psql prints
  on stdout and stderr together, with NULL shown as NULL, errors in \\set VERBOSITY verbose
  minus their LOCATION: line, and psql's command tags off (psql -q).  Trailing white space on
  a line and blank lines at the end are not compared.
- A ```sql block with no output block must run without an error.
- A block preceded (blank lines aside) by the line
      <!-- example: not run: REASON -->
  is illustrative only and is not run: say why (it needs a file the reader has, a Citus
  cluster, ...).
- Each markdown file runs in a database of its own, made fresh for it: the extension is
  created, the six example forms of examples/rugao_2024_hrss.txt are imported (import_form,
  ids 1 to 6), and then every example
  of the file runs in document order, each in a psql session of its own (so \\x or \\pset in
  one example does not leak into the next; what an example writes to the database does),
  with search_path = perfbudget, public and the repository root as working directory.

Runs inside a cluster (PG* variables, e.g. pg_virtualenv).  Output is TAP, one test per
example; a failure prints a unified diff named by file and line.

    test/doc_examples.py                  every file
    test/doc_examples.py doc/reference.md  one file
    test/doc_examples.py --list           the examples found, without running them
    test/doc_examples.py --accept FILE    write psql's output into the output blocks that
                                          differ (review the diff with git before committing)
"""

import difflib
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOT_RUN = re.compile(r'^<!--\s*example:\s*not run:\s*(\S.*?)\s*-->\s*$')
FENCE = re.compile(r'^```(\S*)')


class Example:
    def __init__(self, path, line, sql):
        self.path = path
        self.line = line          # the line of the opening ```sql
        self.sql = sql
        self.expected = None      # the lines of the ```text block after it, or None
        self.span = None          # (first, last + 1) indexes of those lines in the file
        self.not_run = None       # the reason given by a not-run marker, or None


def markdown_files():
    files = ['README.md']
    docdir = os.path.join(ROOT, 'doc')
    files += sorted('doc/' + f for f in os.listdir(docdir) if f.endswith('.md'))
    return files


def extract(path):
    """The examples of one markdown file, in document order."""
    with open(os.path.join(ROOT, path), encoding='utf-8') as f:
        lines = f.read().split('\n')
    examples = []
    marker = None             # reason of a not-run marker seen before the next block
    last = None               # the last ```sql example, while it may still get its output
    i = 0
    while i < len(lines):
        line = lines[i]
        m = FENCE.match(line)
        if not m:
            nr = NOT_RUN.match(line)
            if nr:
                marker = nr.group(1)
            elif line.strip():
                marker = None
                last = None
            i += 1
            continue
        lang = m.group(1)
        start = i
        i += 1
        body = []
        while i < len(lines) and not lines[i].startswith('```'):
            body.append(lines[i])
            i += 1
        if i == len(lines):
            sys.exit(f'{path}:{start + 1}: a fenced block is not closed')
        i += 1                # past the closing fence
        if lang == 'sql':
            ex = Example(path, start + 1, '\n'.join(body) + '\n')
            ex.not_run = marker
            examples.append(ex)
            last = ex
        elif lang == 'text' and last is not None:
            last.expected = body
            last.span = (start + 1, i - 1)
            last = None
        else:
            last = None
        marker = None
    return examples


def normalise(lines):
    out = [l.rstrip() for l in lines if not re.match(r'^LOCATION:  ', l)]
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out


def psql(db, sql):
    env = dict(os.environ, PGOPTIONS=(os.environ.get('PGOPTIONS', '') +
                                      ' -c search_path=perfbudget,public').strip())
    p = subprocess.run(
        ['psql', '-X', '-q', '-d', db, '-v', 'VERBOSITY=verbose', '-P', 'null=NULL'],
        input=sql, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
        encoding='utf-8', errors='replace')
    return p.stdout.split('\n'), p.returncode


def setup(db):
    maint = os.environ.get('PGDATABASE', 'postgres')
    subprocess.run(['dropdb', '--if-exists', '--maintenance-db=' + maint, db], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(['createdb', '--maintenance-db=' + maint, db], check=True)
    out, rc = psql(db, '\\set ON_ERROR_STOP 1\nCREATE EXTENSION pg_perfbudget;\n'
                       '\\set doc `cat examples/rugao_2024_hrss.txt`\n'
                       "SELECT count(*) FROM perfbudget.import_form(:'doc');\n")
    if rc != 0:
        sys.exit('doc_examples: setting up the database failed:\n' + '\n'.join(out))


def main(argv):
    listing = '--list' in argv
    accept = '--accept' in argv
    files = [a for a in argv if a not in ('--list', '--accept')] or markdown_files()
    accepted = {}             # path -> [(span, new lines)]
    examples = [ex for path in files for ex in extract(path)]
    if listing:
        for ex in examples:
            state = ('not run: ' + ex.not_run if ex.not_run else
                     'compared' if ex.expected is not None else 'must not fail')
            print(f'{ex.path}:{ex.line}: {state}')
        return 0

    print(f'1..{len(examples)}')
    n = failed = 0
    dbs = []
    for path in files:
        db = 'pb_doc_' + re.sub(r'\W', '_', path) + f'_{os.getpid()}'
        file_examples = [ex for ex in examples if ex.path == path]
        if any(not ex.not_run for ex in file_examples):
            setup(db)
            dbs.append(db)
        for ex in file_examples:
            n += 1
            where = f'{ex.path}:{ex.line}'
            if ex.not_run:
                print(f'ok {n} - {where} # SKIP not run: {ex.not_run}')
                continue
            out, rc = psql(db, ex.sql)
            if ex.expected is None:
                errors = [l for l in out if re.match(r'^(ERROR|FATAL|PANIC):', l)]
                if rc == 0 and not errors:
                    print(f'ok {n} - {where} runs without an error')
                else:
                    failed += 1
                    print(f'not ok {n} - {where} runs without an error')
                    print('\n'.join('# ' + l for l in out))
                continue
            want, got = normalise(ex.expected), normalise(out)
            if want == got:
                print(f'ok {n} - {where} shows what it prints')
            else:
                failed += 1
                print(f'not ok {n} - {where} shows what it prints')
                diff = difflib.unified_diff(want, got, f'{where} (the document)',
                                            f'{where} (psql)', lineterm='')
                print('\n'.join('# ' + l for l in diff))
                if accept:
                    accepted.setdefault(ex.path, []).append((ex.span, got))
    for path, changes in accepted.items():
        full = os.path.join(ROOT, path)
        with open(full, encoding='utf-8') as f:
            lines = f.read().split('\n')
        for (first, end), new in sorted(changes, reverse=True):
            lines[first:end] = new
        with open(full, 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines))
        print(f'# {path}: {len(changes)} output blocks rewritten')
    maint = os.environ.get('PGDATABASE', 'postgres')
    for db in dbs:
        subprocess.run(['dropdb', '--if-exists', '--maintenance-db=' + maint, db],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
