#!/usr/bin/env python3
"""meta.py — the release metadata agrees with itself: META.json, the control file, Debian.

Needs no server.  Checks META.json against the parts of the PGXN Meta Spec 1.0.0
that a distribution of this extension uses (required keys, SemVer versions, licence
name, release status, prerequisite version ranges, paths that exist), and that the
versions agree: META.json's version and its provides version are the control file's
default_version written as SemVer ('0.2' is '0.2.0'), and so is debian/changelog's
(a native package: the version as the control file writes it).  PostgreSQL 15 must
satisfy the runtime prerequisite, 14 and 16 must not (the extension is built and
tested for 15 only).  Output is TAP.
"""

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEMVER = re.compile(r'^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-.]+)?$')
LICENSES = {'agpl_3', 'apache_1_1', 'apache_2_0', 'artistic_1', 'artistic_2', 'bsd',
            'freebsd', 'gfdl_1_2', 'gfdl_1_3', 'gpl_1', 'gpl_2', 'gpl_3', 'lgpl_2_1',
            'lgpl_3_0', 'mit', 'mozilla_1_0', 'mozilla_1_1', 'openssl', 'perl_5',
            'postgresql', 'qpl_1_0', 'ssleay', 'sun', 'zlib', 'open_source',
            'restricted', 'unrestricted', 'unknown'}
REQUIRED = ['name', 'abstract', 'maintainer', 'license', 'provides', 'meta-spec', 'version']

n = 0
failed = 0


def ok(cond, what, diag=''):
    global n, failed
    n += 1
    print(('ok' if cond else 'not ok') + f' {n} - {what}')
    if not cond:
        failed += 1
        if diag:
            print('\n'.join('# ' + l for l in str(diag).split('\n')))


def semver_of(v):
    """The control file's version as SemVer: '0.2' -> '0.2.0', '1.0.1' stays."""
    parts = v.split('.')
    return '.'.join(parts + ['0'] * (3 - len(parts))) if len(parts) < 3 else v


def key(v):
    m = SEMVER.match(v)
    return tuple(int(x) for x in m.groups()[:3])


def satisfies(version, spec):
    """A PGXN version range ('1.2.0', '>= 15.0.0, < 16.0.0', '== 15.2.0') holds for version."""
    for clause in spec.split(','):
        m = re.match(r'^\s*(==|!=|>=|<=|>|<)?\s*(\S+)\s*$', clause)
        if not m or not SEMVER.match(m.group(2)):
            raise ValueError(f'bad version range clause {clause!r}')
        op, bound = m.group(1) or '>=', key(m.group(2))
        v = key(version)
        if not {'==': v == bound, '!=': v != bound, '>=': v >= bound, '<=': v <= bound,
                '>': v > bound, '<': v < bound}[op]:
            return False
    return True


def valid_range(spec):
    """'0' (any version) or clauses of an operator and a SemVer version."""
    if spec == '0':
        return True
    try:
        satisfies('0.0.0', spec)
        return True
    except ValueError:
        return False


def main():
    os.chdir(ROOT)
    with open('pg_perfbudget.control', encoding='utf-8') as f:
        m = re.search(r"^default_version = '([^']+)'", f.read(), re.M)
    control = m.group(1) if m else None
    ok(control is not None, f'the control file has a default_version ({control})')

    try:
        with open('META.json', encoding='utf-8') as f:
            meta = json.load(f)
        ok(isinstance(meta, dict), 'META.json is a JSON object')
    except (OSError, ValueError) as e:
        ok(False, 'META.json is a JSON object', e)
        return
    missing = [k for k in REQUIRED if k not in meta]
    ok(not missing, 'META.json has the required keys ' + ', '.join(REQUIRED), missing)
    ok(meta.get('meta-spec', {}).get('version') == '1.0.0', 'meta-spec version is 1.0.0')
    ok(meta.get('name') == 'pg_perfbudget', f"name is the extension's ({meta.get('name')})")
    version = meta.get('version', '')
    ok(bool(SEMVER.match(version)), f'version {version} is SemVer')
    ok(control is not None and version == semver_of(control),
       f'version {version} is the control file\'s default_version {control} as SemVer')
    ok(meta.get('license') in LICENSES, f"licence {meta.get('license')!r} is a PGXN licence name")
    ok(meta.get('release_status', 'stable') in ('stable', 'testing', 'unstable'),
       f"release_status {meta.get('release_status')!r} is stable, testing or unstable")
    stable = key(version)[0] >= 1 if SEMVER.match(version) else False
    ok((meta.get('release_status') == 'stable') == stable,
       'release_status is stable exactly from 1.0.0 on')
    maint = meta.get('maintainer')
    ok(bool(maint) and all(isinstance(x, str) and x for x in
                           (maint if isinstance(maint, list) else [maint])),
       'maintainer is a name or a list of names')

    provides = meta.get('provides', {})
    ext = provides.get('pg_perfbudget', {})
    ok(bool(ext), 'provides pg_perfbudget')
    ok(ext.get('version') == version, f"provides version {ext.get('version')} is {version}")
    for field in ('file', 'docfile'):
        path = ext.get(field)
        ok(bool(path) and os.path.isfile(path), f'provides {field} {path} exists')
    ok(bool(ext.get('abstract')), 'provides an abstract')

    pg = meta.get('prereqs', {}).get('runtime', {}).get('requires', {}).get('PostgreSQL')
    try:
        ok(pg is not None and satisfies('15.0.0', pg) and satisfies('15.99.0', pg)
           and not satisfies('14.9.0', pg) and not satisfies('16.0.0', pg),
           f'runtime prerequisite PostgreSQL {pg!r} admits 15, not 14 or 16')
    except ValueError as e:
        ok(False, 'runtime prerequisite PostgreSQL is a version range', e)
    for phase, rels in meta.get('prereqs', {}).items():
        for rel, reqs in rels.items():
            for name, spec in reqs.items():
                ok(valid_range(spec), f'prereq {phase}/{rel} {name} {spec!r} is a version range')

    with open('debian/changelog', encoding='utf-8') as f:
        m = re.match(r'^(\S+) \(([^)]+)\) ', f.readline())
    ok(bool(m) and m.group(1) == 'pg-perfbudget' and m.group(2) == control,
       f'debian/changelog\'s latest entry is pg-perfbudget ({control})',
       m.group(0) if m else 'unreadable first line')
    with open('LICENSE', encoding='utf-8') as f:
        text = f.read()
    ok('pg_perfbudget developers' in text and 'Permission to use, copy, modify, and distribute'
       in text, 'LICENSE is the PostgreSQL licence, copyright pg_perfbudget developers')

    print(f'1..{n}')


main()
sys.exit(1 if failed else 0)
