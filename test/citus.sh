#!/usr/bin/env bash
# test/citus.sh — pg_perfbudget distributed with Citus equals one node.
#
# Runs when Citus is installed (citus.so in `pg_config --pkglibdir`); prints
# '1..0 # SKIP citus.so not installed' otherwise.  It builds nothing.
#
# Starts four throw-away clusters on loopback as the postgres user (root
# runs them through su): a Citus coordinator and two workers
# (shared_preload_libraries = 'citus'), and a plain single node.  Both
# sides get the same data: the example forms (examples/*.txt and
# examples/layouts/*.txt), forms made by bench/gen-forms, the monitoring and
# self-evaluation examples.  The coordinator then runs
# perfbudget.distribute(); both sides import more forms, replace a
# department's forms (import_form(..., replace => true)), edit an indicator
# and an expenditure row, and refuse the same inconsistent form.  After each
# step every view is read, ordered, on both sides and compared.
#
# Environment: PG_CONFIG (default pg_config), CITUS_FORMS (generated forms,
# default 400), CITUS_PORT (first of four ports, default 56541),
# CITUS_KEEP=1 leaves the clusters running (and says where).
#
# Output is TAP; the exit status is non-zero when a test failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
PG_CONFIG=${PG_CONFIG:-pg_config}
PKGLIB=$("$PG_CONFIG" --pkglibdir)
BIN=$("$PG_CONFIG" --bindir)
if [ ! -f "$PKGLIB/citus.so" ]; then
	echo "1..0 # SKIP citus.so not installed in $PKGLIB"
	exit 0
fi
FORMS=${CITUS_FORMS:-400}
PORT0=${CITUS_PORT:-56541}
PORTS=("$PORT0" $((PORT0 + 1)) $((PORT0 + 2)) $((PORT0 + 3)))
NAMES=(coordinator worker1 worker2 single)
WORK=$(mktemp -d /tmp/pb-citus.XXXXXX)
chmod 755 "$WORK"
[ "$(id -u)" -eq 0 ] && chown postgres "$WORK"

as_pg() { # run a command as the postgres user (this script may run as root)
	if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
stop_all() {
	local n
	for n in "${NAMES[@]}"; do
		[ -d "$WORK/$n" ] && as_pg "'$BIN/pg_ctl' -D '$WORK/$n' -m immediate stop" >/dev/null 2>&1
	done
}
cleanup() {
	if [ "${CITUS_KEEP:-0}" = 1 ]; then
		echo "# clusters kept in $WORK (ports ${PORTS[*]})"
	else
		stop_all
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT

T=0
FAILED=0
ok() { # ok STATUS DESCRIPTION
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then echo "ok $T - $2"; else echo "not ok $T - $2"; FAILED=$((FAILED + 1)); fi
}
# psql on one node: q NODE-INDEX ARGS...
q() { local i=$1; shift; psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$WORK" -p "${PORTS[$i]}" -U postgres -d pb "$@"; }
C=0 W1=1 W2=2 S=3

# ---- the clusters ----
for i in 0 1 2 3; do
	n=${NAMES[$i]}
	as_pg "'$BIN/initdb' -D '$WORK/$n' -A trust --locale=C.UTF-8 -E UTF8" >"$WORK/$n.initdb.log" 2>&1 || {
		echo "1..0 # SKIP initdb failed (see $WORK/$n.initdb.log)"; exit 0; }
	{
		echo "port = ${PORTS[$i]}"
		echo "listen_addresses = '127.0.0.1'"
		echo "unix_socket_directories = '$WORK'"
		echo "max_connections = 60"
		echo "shared_buffers = 32MB"
		echo "fsync = off"
		[ "$n" != single ] && echo "shared_preload_libraries = 'citus'"
		[ "$n" != single ] && echo "max_prepared_transactions = 20"
	} >>"$WORK/$n/postgresql.conf"
	as_pg "'$BIN/pg_ctl' -D '$WORK/$n' -l '$WORK/$n.log' -w start" >/dev/null 2>&1 || {
		echo "1..0 # SKIP could not start the $n cluster (see $WORK/$n.log)"; exit 0; }
	psql -X -q -h "$WORK" -p "${PORTS[$i]}" -U postgres -d postgres -c "CREATE DATABASE pb" >/dev/null
done
