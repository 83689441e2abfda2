#!/usr/bin/env bash
# test/odbc.sh — the views through ODBC, as Excel, WPS and Power BI read them:
# the psqlODBC Unicode driver (Debian odbc-postgresql, psqlodbcw.so) under
# unixODBC, driven by pyodbc (Debian python3-pyodbc) in
# test/bi/odbc_views.py: SQLTables and SQLColumns list every view of schema
# perfbudget (English and Chinese-labelled) with plain SQL types and each
# column's comment as REMARKS, and a SELECT of each view returns the rows
# psql returns, Chinese text intact.
#
# Runs inside an existing cluster (PG* variables, e.g. from pg_virtualenv;
# the maintenance database is PGDATABASE or 'postgres').  It creates a
# scratch database with the extension and the six seed forms, writes a
# private odbcinst.ini (ODBCSYSINI, nothing installed system-wide is read or
# changed) naming the driver by its file, and connects without a DSN over
# TCP to localhost:PGPORT, as a Windows client does, as a read-only role
# made with the grants of doc/reference.md §11.4 (so they are proved enough
# for every view); the role and the database are dropped at the end.
#
# Output is TAP; the exit status is non-zero when a test failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PB_PYTHON:-/usr/bin/python3}
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_odbc_$$
READER=pb_odbc_reader_$$
READER_PASSWORD=r$RANDOM$RANDOM$RANDOM

driver=
for f in /usr/lib/*/odbc/psqlodbcw.so /usr/lib/odbc/psqlodbcw.so; do
	[[ -r "$f" ]] && { driver=$f; break; }
done
if [[ -z "$driver" ]] || ! "$PYTHON" -c 'import pyodbc' 2>/dev/null; then
	echo "not ok 1 - psqlODBC and pyodbc are installed (need odbc-postgresql, unixodbc and python3-pyodbc; bin/pb-deps)"
	echo "1..1"
	exit 1
fi

WORK=$(mktemp -d)
cleanup() {
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$DB" >/dev/null 2>&1 || true
	psql -X -q -d "$MAINT_DB" -c "DROP ROLE IF EXISTS $READER" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT

createdb --maintenance-db="$MAINT_DB" "$DB"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION pg_perfbudget;
\set doc `cat examples/rugao_2024_hrss.txt`
SELECT count(*) FROM perfbudget.import_form(:'doc');
-- the year's monitoring and self-evaluation, so that every view has rows
\set doc `cat examples/rugao_2024_monitoring.txt`
SELECT count(*) FROM perfbudget.import_monitoring(:'doc');
\set doc `cat examples/rugao_2024_self_evaluation.txt`
SELECT count(*) FROM perfbudget.import_self_evaluation(:'doc');
SQL
# the read-only role of doc/reference.md §11.4
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -v reader="$READER" -v password="$READER_PASSWORD" >/dev/null <<'SQL'
SET client_min_messages = warning;
SELECT perfbudget.create_roles();
CREATE ROLE :"reader" LOGIN PASSWORD :'password' IN ROLE perfbudget_analyst;
GRANT CONNECT ON DATABASE :"DBNAME" TO :"reader";
ALTER ROLE :"reader" SET default_transaction_read_only = on;
SQL

# A driver registered in a private odbcinst.ini, as the Windows installer
# registers "PostgreSQL Unicode"; no odbc.ini: the connection string says it all.
cat >"$WORK/odbcinst.ini" <<EOF
[PostgreSQL Unicode]
Description=psqlODBC Unicode driver (test/odbc.sh)
Driver=$driver
EOF
: >"$WORK/odbc.ini"
export ODBCSYSINI=$WORK ODBCINI=$WORK/odbc.ini

host=localhost
[[ -n "${PGHOST:-}" && "$PGHOST" != /* ]] && host=$PGHOST
# {…} quotes a value holding ';' in an ODBC connection string ('}' doubled
# inside); psqlODBC keeps the braces of a value that does not need them.
brace() { if [[ "$1" == *[\;\{\}]* ]]; then printf '{%s}' "${1//\}/\}\}}"; else printf '%s' "$1"; fi; }
conn="DRIVER={PostgreSQL Unicode};SERVER=$host;PORT=${PGPORT:-5432};DATABASE=$DB"
# the settings doc/reference.md §11.4 recommends: rows fetched in batches,
# booleans as SQL_BIT
conn+=";UID=$READER;PWD=$READER_PASSWORD;SSLMODE=prefer;UseDeclareFetch=1;Fetch=1000;BoolsAsChar=0"

PB_ODBC_CONNSTR=$conn PB_PSQL_DB=$DB "$PYTHON" test/bi/odbc_views.py
