#!/usr/bin/env bash
# test/debian.sh — the Debian package builds, holds what it should, and works installed.
#
# Needs no running server and does not touch the global PostgreSQL install.
#   1. Copies the tree (git's tracked and untracked-but-not-ignored files) to
#      a temporary directory and builds it there with
#      'dpkg-buildpackage -us -uc -b' (debian/rules: pg_buildext through
#      dh --with pgxs_loop; the build runs the pg_regress suites against the
#      package's files, as Debian's dh_pgxs_test does).
#   2. Checks the package: its name, version (= default_version of the
#      control file), dependency on postgresql-15, and its files: the control
#      file, the module, the Chinese message catalog, every install and upgrade script of the tree (the
#      released ones byte for byte as recorded in extension/frozen.sha256),
#      the docs and the copyright file.
#   3. As root, 'dpkg --dry-run -i' (dependencies met, nothing in the way).
#   4. Installs it into a scratch root: a copy of this machine's PostgreSQL 15
#      (/usr/lib/postgresql/15 and /usr/share/postgresql/15, without any
#      pg_perfbudget files) with the package unpacked on top; runs a cluster
#      of that copy and there CREATE EXTENSION, checks that the module loaded
#      is the package's, imports the example forms, gives a message in
#      Chinese under lc_messages zh_CN.UTF-8, and updates from every
#      released version.  (A real 'dpkg -i' would take over the global files
#      that test/run-all's 'make install' put there, which other sessions on
#      the machine use; the scratch root proves the same without that.)
# Output is TAP.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
ROOT=$PWD
PGV=15
CURRENT=$(sed -nE "s/^default_version = '([^']+)'.*/\1/p" pg_perfbudget.control)
PKG=postgresql-$PGV-pg-perfbudget
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pb-debian.XXXXXX")
chmod 755 "$WORK"
PGBIN=
cleanup() {
	if [ -n "$PGBIN" ] && [ -f "$WORK/data/postmaster.pid" ]; then
		as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

T=0
FAILED=0
ok() { # ok STATUS DESCRIPTION [DIAGNOSTIC]
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $T - $2"
	else
		echo "not ok $T - $2"
		[ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/# /'
		FAILED=$((FAILED + 1))
	fi
}
skip() { T=$((T + 1)); echo "ok $T - $1 # SKIP $2"; }
finish() { echo "1..$T"; [ "$FAILED" -eq 0 ]; exit; }
# PostgreSQL refuses to run as root: the scratch cluster runs as postgres then
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }

missing=()
for tool in dpkg-buildpackage dpkg-checkbuilddeps dh pg_buildext; do
	command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
ok $((${#missing[@]} > 0)) "the Debian build tools are installed (bin/pb-deps)" "missing: ${missing[*]}"
((${#missing[@]} == 0)) || finish

# ---- 1. build in a copy of the tree ----
SRC=$WORK/pg-perfbudget-$CURRENT
mkdir -p "$SRC"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
		xargs -0 cp --parents -t "$SRC"
else
	cp -a . "$SRC" && make -C "$SRC" -s clean >/dev/null 2>&1
fi
out=$(cd "$SRC" && dpkg-checkbuilddeps 2>&1) && rc=0 || rc=1
ok $rc "the build dependencies in debian/control are installed" "$out"
started=$SECONDS
(cd "$SRC" && nice dpkg-buildpackage -us -uc -b) >"$WORK/build.log" 2>&1 && rc=0 || rc=1
ok $rc "dpkg-buildpackage -us -uc -b builds $PKG ($((SECONDS - started)) s, pg_regress on the package's files included)" \
	"$(tail -n 40 "$WORK/build.log")"
grep -E '^# All [0-9]+ tests passed|All [0-9]+ tests passed' "$WORK/build.log" | sed 's/^ */# build: /'

# ---- 2. the package ----
version=$(cd "$SRC" && dpkg-parsechangelog -S Version)
ok $([ "$version" = "$CURRENT" ] && echo 0 || echo 1) \
	"debian/changelog's version ($version) is the control file's default_version ($CURRENT)"
DEB=$WORK/${PKG}_${version}_$(dpkg --print-architecture).deb
ok $([ -f "$DEB" ] && echo 0 || echo 1) "the package file $(basename "$DEB") was built" \
	"$(ls "$WORK")"
[ -f "$DEB" ] || finish

field() { dpkg-deb -f "$DEB" "$1"; }
ok $([ "$(field Package)" = "$PKG" ] && [ "$(field Version)" = "$CURRENT" ] && echo 0 || echo 1) \
	"control: Package $(field Package), Version $(field Version)"
ok $([[ "$(field Depends)" =~ (^|, )postgresql-$PGV( |,|$) ]] && echo 0 || echo 1) \
	"control: depends on postgresql-$PGV ($(field Depends))"

dpkg-deb -x "$DEB" "$WORK/pkg"
EXT=usr/share/postgresql/$PGV/extension
has() { # has PATH-IN-PACKAGE DESCRIPTION
	ok $([ -f "$WORK/pkg/$1" ] && echo 0 || echo 1) "the package holds $2 (/$1)"
}
has "$EXT/pg_perfbudget.control" "the control file"
cmp -s "$WORK/pkg/$EXT/pg_perfbudget.control" pg_perfbudget.control
ok $? "its control file is the tree's"
has "usr/lib/postgresql/$PGV/lib/pg_perfbudget.so" "the module"
has "$EXT/pg_perfbudget--$CURRENT.sql" "the install script of the current version $CURRENT"
has "usr/share/locale/zh_CN/LC_MESSAGES/pg_perfbudget-$PGV.mo" "the Chinese message catalog"
shopt -s nullglob
for s in extension/pg_perfbudget--*.sql; do
	name=${s#extension/}
	[ "$name" = "pg_perfbudget--$CURRENT.sql" ] && continue	# built, checked above
	frozen=$(sed -nE "s/^([0-9a-f]{64})  ${name//./\\.}$/\1/p" extension/frozen.sha256)
	if [ -n "$frozen" ]; then
		have=$(sha256sum "$WORK/pkg/$EXT/$name" 2>/dev/null | cut -d' ' -f1)
		ok $([ "$have" = "$frozen" ] && echo 0 || echo 1) \
			"the package holds the released script $name, byte for byte (frozen.sha256)"
	else
		cmp -s "$WORK/pkg/$EXT/$name" "$s"
		ok $? "the package holds the upgrade script $name as in the tree"
	fi
done
shopt -u nullglob
extra=$(cd "$WORK/pkg/$EXT" && for f in pg_perfbudget--*.sql; do
	[ "$f" = "pg_perfbudget--$CURRENT.sql" ] || [ -f "$ROOT/extension/$f" ] || echo "$f"; done)
ok $([ -z "$extra" ] && echo 0 || echo 1) "the package holds no script the tree does not have" "$extra"
DOC=usr/share/doc/$PKG
# dh_compress gzips the larger docs
for d in README.md doc/reference.md MAINTAINING.md; do
	f=$DOC/$(basename "$d")
	ok $([ -f "$WORK/pkg/$f" ] || [ -f "$WORK/pkg/$f.gz" ] && echo 0 || echo 1) \
		"the package holds the doc $d (/$f[.gz])"
done
has "$DOC/copyright" "the copyright file"
# debian/rules hands CHANGELOG.md to dh_installchangelogs: changelog.gz is it
zcat "$WORK/pkg/$DOC/changelog.gz" 2>/dev/null | cmp -s - CHANGELOG.md
ok $? "the package holds CHANGELOG.md as its changelog (/$DOC/changelog.gz)"
has "$DOC/changelog.Debian.gz" "the Debian changelog"
has "$DOC/examples/rugao_2024_hrss.txt" "the example forms"
grep -q '^License: PostgreSQL' "$WORK/pkg/$DOC/copyright" 2>/dev/null
ok $? "debian/copyright states the PostgreSQL licence"

# ---- 3. dpkg would install it ----
if ((EUID == 0)); then
	out=$(dpkg --dry-run -i "$DEB" 2>&1) && rc=0 || rc=1
	ok $rc "dpkg --dry-run -i accepts the package (dependencies met)" "$out"
else
	skip "dpkg --dry-run -i accepts the package" "not root"
fi

# ---- 4. installed into a scratch root ----
SCRATCH=$WORK/root
mkdir -p "$SCRATCH/usr/lib/postgresql" "$SCRATCH/usr/share/postgresql"
cp -a /usr/lib/postgresql/$PGV "$SCRATCH/usr/lib/postgresql/" &&
	cp -a /usr/share/postgresql/$PGV "$SCRATCH/usr/share/postgresql/"
rm -rf "$SCRATCH/usr/lib/postgresql/$PGV/lib/pg_perfbudget.so" \
	"$SCRATCH/usr/lib/postgresql/$PGV/lib/bitcode/pg_perfbudget" \
	"$SCRATCH/usr/lib/postgresql/$PGV/lib/bitcode/pg_perfbudget.index.bc" \
	"$SCRATCH/usr/share/postgresql/$PGV/extension/"pg_perfbudget[.-]*
dpkg-deb -x "$DEB" "$SCRATCH"
PGBIN=$SCRATCH/usr/lib/postgresql/$PGV/bin
mkdir -p "$WORK/sock" "$WORK/data"
((EUID == 0)) && chown postgres "$WORK/sock" "$WORK/data"
out=$(as_pg "$PGBIN/initdb" -D "$WORK/data" -U postgres --locale=C.UTF-8 -E UTF8 -A trust 2>&1 &&
	as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/data/log" -w \
		-o "-c listen_addresses='' -k $WORK/sock -p 5432 -c max_connections=20" start 2>&1) && rc=0 || rc=1
ok $rc "a cluster of the scratch root starts" "$out"
[ $rc -eq 0 ] || finish
sq() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$WORK/sock" -p 5432 -U postgres "$@"; }

out=$(sq -d postgres -c 'CREATE EXTENSION pg_perfbudget' -c \
	"SELECT extversion FROM pg_extension WHERE extname = 'pg_perfbudget'" 2>&1) && rc=0 || rc=1
ok $([ $rc -eq 0 ] && [ "$out" = "$CURRENT" ] && echo 0 || echo 1) \
	"CREATE EXTENSION pg_perfbudget from the package gives version $CURRENT" "$out"
maps=$(sq -d postgres -c "SELECT perfbudget.perf_kind('1'::perfbudget.perf_value)" \
	-c "SELECT pg_read_file('/proc/' || pg_backend_pid() || '/maps')" 2>&1 | grep -o '/[^ ]*pg_perfbudget\.so' | sort -u)
ok $([ "$maps" = "$SCRATCH/usr/lib/postgresql/$PGV/lib/pg_perfbudget.so" ] && echo 0 || echo 1) \
	"the module the server loaded is the package's" "$maps"
out=$(printf '%s\n' "\\set doc \`cat examples/rugao_2024_hrss.txt\`" \
	"SELECT count(*) FROM perfbudget.import_form(:'doc');" |
	sq -d postgres 2>&1) && rc=0 || rc=1
ok $([ $rc -eq 0 ] && [ "$out" = 6 ] && echo 0 || echo 1) \
	"import_form reads the six example forms" "$out"
# the package's catalog (its localedir is the scratch root's): a message in Chinese
out=$(sq -d postgres -c "SET lc_messages = 'zh_CN.UTF-8'" -c "SELECT '≥**人'::perfbudget.perf_target" 2>&1)
grep -q 'perf_target 类型的输入语法无效' <<<"$out"
ok $? "under lc_messages zh_CN.UTF-8 the package's messages are Chinese" "$out"
while read -r digest name; do
	[[ "$name" =~ ^pg_perfbudget--([^-]+)\.sql$ ]] || continue
	v=${BASH_REMATCH[1]}
	db=upd_${v//./_}
	out=$(sq -d postgres -c "CREATE DATABASE $db" 2>&1 &&
		sq -d "$db" -c "CREATE EXTENSION pg_perfbudget VERSION '$v'" \
			-c 'ALTER EXTENSION pg_perfbudget UPDATE' \
			-c "SELECT extversion FROM pg_extension WHERE extname = 'pg_perfbudget'" 2>&1) && rc=0 || rc=1
	ok $([ $rc -eq 0 ] && [ "${out##*$'\n'}" = "$CURRENT" ] && echo 0 || echo 1) \
		"the packaged release $v updates to $CURRENT (ALTER EXTENSION UPDATE)" "$out"
done <extension/frozen.sha256

finish
